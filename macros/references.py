"""Cross-references between content files: ids that must exist, ids that must be unique, notes that must be
defined, and the only HTML content may hold. Each rule yields ContentErrors located in the file as written.
"""

from __future__ import annotations

import re
from typing import Iterator

from .models import NOTE_REFERENCE
from .toolkit import Toolkit
from .yaml_positions import ContentError, PathKey, dotted as _dotted


def cross_reference_errors(toolkit: Toolkit) -> Iterator[ContentError]:
    yield from _duplicate_ids(toolkit)
    source_ids = {source.id for source in toolkit.sources.sources}
    for name in ("principles.yaml", "process.yaml", "big-ideas.yaml"):
        model = {"principles.yaml": toolkit.principles, "process.yaml": toolkit.process}.get(
            name, toolkit.big_ideas
        )
        if model.source not in source_ids:
            yield _error(toolkit, name, ("source",), f"no source with id '{model.source}' in sources.yaml")
    yield from _process_references(toolkit)
    yield from _big_idea_references(toolkit)
    yield from _note_references(toolkit)
    yield from _html_in_content(toolkit)


def _duplicate_ids(toolkit: Toolkit) -> Iterator[ContentError]:
    seen: dict[str, str] = {}
    for name, loaded in toolkit.lines.items():
        for path, value in _walk(loaded.data, ()):
            if path and path[-1] == "id" and isinstance(value, str):
                if value in seen:
                    yield ContentError(
                        toolkit.folder / name,
                        loaded.line_of(path),
                        _dotted(path),
                        f"duplicate id '{value}' (first used in {seen[value]})",
                    )
                else:
                    seen[value] = f"{name} line {loaded.line_of(path)}"


def _process_references(toolkit: Toolkit) -> Iterator[ContentError]:
    data = toolkit.lines["process.yaml"].data
    group_ids = set(toolkit.group_by_id)
    question_ids = set(toolkit.question_by_id)
    for s, step in enumerate(data.get("steps", [])):
        for g, group in enumerate(step.get("groups", [])):
            where = ("steps", s, "groups", g)
            if group.get("revisits") and group["revisits"] not in group_ids:
                yield _error(toolkit, "process.yaml", where + ("revisits",), f"no group with id '{group['revisits']}'")
            for q, question in enumerate(group.get("questions", [])):
                at = where + ("questions", q)
                since = question.get("changed_since")
                if since and since not in question_ids:
                    yield _error(toolkit, "process.yaml", at + ("changed_since",), f"no question with id '{since}'")
                for p, principle in enumerate(question.get("principles", [])):
                    if principle not in toolkit.principle_by_id:
                        yield _error(toolkit, "process.yaml", at + ("principles", p), f"no principle with id '{principle}'")
                kind = question.get("answer", "text")
                if kind == "principle-scores" and not question.get("principles"):
                    yield _error(toolkit, "process.yaml", at + ("principles",), "a principle-scores question must list the principles it scores")
                if kind == "design-options" and not question.get("options"):
                    yield _error(toolkit, "process.yaml", at + ("options",), "a design-options question must list its options")
                if kind == "choice" and len(question.get("choices", [])) < 2:
                    yield _error(toolkit, "process.yaml", at + ("choices",), "a choice question needs at least two choices")


def _big_idea_references(toolkit: Toolkit) -> Iterator[ContentError]:
    guide = toolkit.big_ideas
    approach_ids = {approach.id for approach in guide.approaches}
    question_ids = {lens.id for lens in guide.questions}
    test_ids = {lens.id for lens in guide.tests}
    for i, idea in enumerate(guide.ideas):
        at = ("ideas", i)
        if idea.approach not in approach_ids:
            yield _error(toolkit, "big-ideas.yaml", at + ("approach",), f"no approach with id '{idea.approach}'")
        for field_name, expected, got in (
            ("implications", question_ids, set(idea.implications)),
            ("tests", test_ids, set(idea.tests)),
        ):
            for missing in sorted(expected - got):
                yield _error(toolkit, "big-ideas.yaml", at + (field_name,), f"has no entry for '{missing}'")
            for unknown in sorted(got - expected):
                yield _error(toolkit, "big-ideas.yaml", at + (field_name, unknown), f"'{unknown}' is not one of {sorted(expected)}")


def _note_references(toolkit: Toolkit) -> Iterator[ContentError]:
    note_ids = {note.id for note in toolkit.big_ideas.notes}
    for name, loaded in toolkit.lines.items():
        for path, value in _walk(loaded.data, ()):
            if isinstance(value, str):
                for match in NOTE_REFERENCE.finditer(value):
                    if match.group(1) not in note_ids:
                        yield ContentError(
                            toolkit.folder / name, loaded.line_of(path), _dotted(path),
                            f"refers to [[{match.group(1)}]] but big-ideas.yaml has no note with that id",
                        )
                # A marker the pattern does not match ([[note.IV]], [[iv]]) would be published as typed.
                for marker in _DOUBLE_BRACKETS.findall(value):
                    if not NOTE_REFERENCE.fullmatch(marker):
                        yield ContentError(
                            toolkit.folder / name, loaded.line_of(path), _dotted(path),
                            f"{marker} is not a note reference: write [[note.<id>]] with the id of a note "
                            "in big-ideas.yaml, in lower case",
                        )


_DOUBLE_BRACKETS = re.compile(r"\[\[[^\[\]]*\]\]")


def _html_in_content(toolkit: Toolkit) -> Iterator[ContentError]:
    """Content is Markdown, published as written: the only HTML it may hold marks words in another
    language for screen readers (<span lang="cy">…</span>). Anything else belongs in a partial."""
    for name, loaded in toolkit.lines.items():
        for path, value in _walk(loaded.data, ()):
            if not isinstance(value, str):
                continue
            tags = [tag for tag in _HTML_TAG.findall(value) if not _ALLOWED_TAG.fullmatch(tag)]
            if tags:
                yield ContentError(
                    toolkit.folder / name, loaded.line_of(path), _dotted(path),
                    f"holds HTML ({tags[0]}); write Markdown instead (only <span lang=\"…\"> may mark words "
                    "in another language)",
                )


# A tag: "<" then a name ending at a space, "/" or ">" (so Markdown autolinks such as <https://…> are not).
_HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?=[\s/>])[^<>]*>")
_ALLOWED_TAG = re.compile(r'<span lang="[a-z]{2,3}">|</span>')


def _walk(data: object, path: PathKey) -> Iterator[tuple[PathKey, object]]:
    yield path, data
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _walk(value, path + (key,))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _walk(value, path + (index,))


def _error(toolkit: Toolkit, name: str, path: PathKey, message: str) -> ContentError:
    return ContentError(toolkit.folder / name, toolkit.lines[name].line_of(path), _dotted(path), message)
