"""Load and validate everything in content/, and index it for the renderer, the build and the tests.

`load_toolkit(folder)` is the one way in. It either returns a complete, cross-checked `Toolkit` or raises
`ContentErrors` naming each mistake's file, line and field; nothing is rendered from half-valid content.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Iterator

from pydantic import BaseModel, ValidationError

from .models import (
    LANGUAGES,
    NOTE_REFERENCE,
    BigIdea,
    BigIdeasGuide,
    Localised,
    Note,
    Principle,
    PrinciplesGuide,
    Process,
    Question,
    QuestionGroup,
    Sources,
    Step,
    Ui,
    Pages,
)
from . import translations
from .yaml_positions import ContentError, ContentErrors, LoadedYaml, PathKey, dotted as _dotted, load_yaml

# Each content file and the model it must match. Adding a file here is how a new kind of content arrives.
CONTENT_FILES: dict[str, type[BaseModel]] = {
    "sources.yaml": Sources,
    "principles.yaml": PrinciplesGuide,
    "process.yaml": Process,
    "big-ideas.yaml": BigIdeasGuide,
    "ui.yaml": Ui,
    "pages.yaml": Pages,
}


DEFAULT_CONTENT_DIR = Path(__file__).resolve().parent.parent / "content"


@dataclass(frozen=True)
class Worksheet:
    """A form a team fills in: one per step, one per Big Idea, and one for their own Big Idea."""

    id: str
    title: Localised
    kind: str  # "step" or "big-idea"
    page: str  # where it lives in the site, e.g. "process/evaluate.html"
    step: Step | None = None
    idea: BigIdea | None = None


@dataclass
class Toolkit:
    """All content, validated, with lookups by id."""

    sources: Sources
    principles: PrinciplesGuide
    process: Process
    big_ideas: BigIdeasGuide
    ui: Ui
    pages: Pages
    folder: Path
    lines: dict[str, LoadedYaml] = field(default_factory=dict, repr=False)
    translation_reviews: dict[str, str] = field(default_factory=dict)  # file -> "draft" | "reviewed"
    # Outdated, missing and orphaned translations: warnings the build prints (mistakes in strict mode).
    translation_notices: list = field(default_factory=list, repr=False)

    @cached_property
    def principle_by_id(self) -> dict[str, Principle]:
        return {principle.id: principle for principle in self.principles.principles}

    @cached_property
    def note_by_id(self) -> dict[str, Note]:
        return {note.id: note for note in self.big_ideas.notes}

    @cached_property
    def page_by_id(self) -> dict[str, "Page"]:
        return {page.id: page for page in self.pages.pages}

    @cached_property
    def step_by_id(self) -> dict[str, Step]:
        return {step.id: step for step in self.process.steps}

    @cached_property
    def idea_by_id(self) -> dict[str, BigIdea]:
        return {idea.id: idea for idea in self.big_ideas.ideas}

    @cached_property
    def group_by_id(self) -> dict[str, QuestionGroup]:
        return {group.id: group for step in self.process.steps for group in step.groups}

    @cached_property
    def question_by_id(self) -> dict[str, Question]:
        return {question.id: question for _, question in self.step_questions()}

    def step_questions(self) -> Iterator[tuple[Step, Question]]:
        for step in self.process.steps:
            for group in step.groups:
                for question in group.questions:
                    yield step, question

    @cached_property
    def worksheets(self) -> list[Worksheet]:
        sheets = [
            Worksheet(step.id, step.title, "step", self.page_path(step.id), step=step) for step in self.process.steps
        ]
        sheets += [
            Worksheet(idea.id, idea.title, "big-idea", self.page_path(idea.id), idea=idea)
            for idea in self.big_ideas.ideas
        ]
        own = self.big_ideas.own_idea
        sheets.append(Worksheet(own.id, own.title, "big-idea", self.page_path(own.id)))
        return sheets

    @cached_property
    def worksheet_by_id(self) -> dict[str, Worksheet]:
        return {sheet.id: sheet for sheet in self.worksheets}

    def page_path(self, item_id: str) -> str:
        """The site path of the page that shows a step, a Big Idea or the own-idea worksheet.

        One place for these paths: the docs/ files are named to match (docs/process/<step id>.md,
        docs/big-ideas/<idea id without "big-idea.">.md), and a test checks every one is built."""
        if item_id in self.step_by_id:
            return f"process/{item_id}.html"
        if item_id in self.idea_by_id:
            return f"big-ideas/{item_id.removeprefix('big-idea.')}.html"
        if item_id == self.big_ideas.own_idea.id:
            return "big-ideas/your-own.html"
        raise KeyError(f"no step or Big Idea with id '{item_id}' has a page")

    def step_of(self, question_id: str) -> Step:
        """The step a question belongs to (e.g. to say "Has this changed from Step 2?")."""
        for step, question in self.step_questions():
            if question.id == question_id:
                return step
        raise KeyError(f"no question with id '{question_id}' in process.yaml")

    def text(self, key: str, language: str = "en") -> str:
        """An interface string from ui.yaml; a missing key is a build error, not a blank."""
        try:
            return self.ui.strings[key].get(language)
        except KeyError:
            raise KeyError(f"content/ui.yaml has no string '{key}'") from None


def load_toolkit(folder: Path = DEFAULT_CONTENT_DIR, strict_translations: bool | None = None) -> Toolkit:
    """Load, validate and cross-check every content file, merging its translations.

    Outdated, missing and orphaned translations are `translation_notices` (warnings); with
    `strict_translations` (by default, the TOOLKIT_STRICT_TRANSLATIONS environment variable) outdated and
    missing ones are mistakes too.
    """
    folder = Path(folder)
    strict = translations.strict_from_environment() if strict_translations is None else strict_translations
    errors: list[ContentError] = []
    notices: list[translations.TranslationNotice] = []
    models: dict[str, BaseModel] = {}
    reviews: dict[str, str] = {}
    loaded_files: dict[str, LoadedYaml] = {}
    for name, model in CONTENT_FILES.items():
        file = folder / name
        if not file.exists():
            errors.append(ContentError(file, None, "", "the file is missing"))
            continue
        try:
            loaded = load_yaml(file)
        except ContentError as error:
            errors.append(error)
            continue
        loaded_files[name] = loaded
        try:
            models[name] = model.model_validate(loaded.data)
        except ValidationError as error:
            errors.extend(_located(file, loaded, error))
            continue
        merged = _merge_translations(folder, name, loaded, models[name])
        errors.extend(merged.errors)
        notices.extend(merged.notices)
        if merged.review:
            reviews[name] = merged.review
        if merged.applied:
            try:
                models[name] = model.model_validate(loaded.data)
            except ValidationError as error:
                errors.extend(_located(file, loaded, error))
                continue
        _mark_translation_states(models[name], loaded, name, merged.states)
    if strict:
        errors.extend(_strict_error(notice) for notice in notices if notice.kind != "orphan")
    if errors:
        raise ContentErrors(errors)
    toolkit = Toolkit(
        sources=models["sources.yaml"],
        principles=models["principles.yaml"],
        process=_expand_revisits(models["process.yaml"]),
        big_ideas=models["big-ideas.yaml"],
        ui=models["ui.yaml"],
        pages=models["pages.yaml"],
        folder=folder,
        lines=loaded_files,
        translation_reviews=reviews,
        translation_notices=notices,
    )
    errors = list(_cross_reference_errors(toolkit))
    if errors:
        raise ContentErrors(errors)
    return toolkit


@dataclass
class _Merged:
    review: str | None = None  # the translation file's review status, where there is one
    applied: bool = False  # whether any translation was merged into the data
    errors: list[ContentError] = field(default_factory=list)
    notices: list[translations.TranslationNotice] = field(default_factory=list)
    states: dict[str, str] = field(default_factory=dict)  # key -> "outdated" | "missing"


def _merge_translations(folder: Path, name: str, loaded: LoadedYaml, model: BaseModel) -> _Merged:
    """Merge content/cy/<name> into the English data; say which translations are outdated, missing or orphaned.

    Where content/cy/ does not exist the toolkit is English only and nothing is missing."""
    file = translations.translation_file_for(folder, "cy", name)
    if not file.parent.is_dir():
        return _Merged()
    anchor = name.removesuffix(".yaml")
    found = translations.units(loaded.data, model, anchor)
    translation = None
    if file.exists():
        try:
            parallel = load_yaml(file)
            translation = translations.TranslationFile.model_validate(parallel.data)
        except ContentError as error:
            return _Merged(errors=[error])
        except ValidationError as error:
            return _Merged(errors=list(_located(file, parallel, error)))
    result = _Merged(review=translation.review if translation else None)
    strings = translation.strings if translation else {}
    english = {unit.key: unit.english for unit in found}
    for key, entry in strings.items():
        line = parallel.line_of(("strings", key))
        if key not in english:
            result.notices.append(translations.TranslationNotice("orphan", file, line, name, key))
        elif " ".join(entry.en.split()) != " ".join(english[key].split()):
            result.notices.append(translations.TranslationNotice("outdated", file, line, name, key, entry.en))
            result.states[key] = "outdated"
    for unit in found:
        if unit.key not in strings and not _has_inline_translation(loaded.data, unit.path):
            notice = translations.TranslationNotice("missing", folder / name, loaded.line_of(unit.path), name, unit.key)
            result.notices.append(notice)
            result.states[unit.key] = "missing"
    # Outdated translations are merged too: Welsh pages keep showing the last Welsh until it is updated.
    merge = {key: entry.cy for key, entry in strings.items() if key in english}
    translations.apply(loaded.data, found, merge)
    result.applied = bool(merge)
    return result


def _has_inline_translation(data: object, path: PathKey) -> bool:
    """Whether the English file itself gives this string's Welsh (`{en: ..., cy: ...}`)."""
    for part in path:
        data = data[part]
    return isinstance(data, dict) and bool(data.get("cy"))


def _mark_translation_states(model: BaseModel, loaded: LoadedYaml, name: str, states: dict[str, str]) -> None:
    """Record on each outdated or missing string its state, so pages can mark it as being updated."""
    if not states:
        return
    for unit in translations.units(loaded.data, model, name.removesuffix(".yaml")):
        state = states.get(unit.key)
        if state:
            node: object = model
            for part in unit.path:
                node = getattr(node, part) if isinstance(node, BaseModel) else node[part]
            node._translation_state = state


def _strict_error(notice: translations.TranslationNotice) -> ContentError:
    """In strict mode an outdated or missing translation stops the build."""
    if notice.kind == "outdated":
        message = "the English has changed since this was translated; update the Welsh and its `en`"
    else:
        message = "no Welsh translation (add it to content/cy/, or import a PO file)"
    return ContentError(notice.file, notice.line, notice.field_path, message + " [strict translations]")


def _located(file: Path, loaded: LoadedYaml, error: ValidationError) -> Iterator[ContentError]:
    for detail in error.errors():
        path = tuple(detail["loc"])
        # pydantic ends the location of a bad mapping key with "[key]"; report the key the author wrote.
        if path and path[-1] == "[key]":
            path = path[:-1]
        # A plain string stands for {en: ...}; report the field the author wrote, not its inner `en`.
        if path and path[-1] == "en" and path not in loaded.lines:
            path = path[:-1]
        yield ContentError(file, loaded.line_of(path), _dotted(path), _plain_message(detail))


def _plain_message(detail: dict) -> str:
    """pydantic's error in the words of someone editing YAML, saying what was found where it helps."""
    kind, value, loc = detail["type"], detail.get("input"), detail["loc"]
    ctx = detail.get("ctx") or {}
    if kind == "extra_forbidden":
        return "unknown field (is it misspelt?)"
    if kind == "missing":
        return "has no English text (en)" if loc and loc[-1] == "en" else "required field is missing"
    if kind == "string_too_short" or (value is None and ctx.get("class_name") == "Localised"):
        return "text is empty"
    if value is None:
        return "has no value"
    if kind == "too_short":
        return "needs at least one item"
    if kind == "string_pattern_mismatch":
        key = "_" in ctx.get("pattern", "")  # ui.yaml's keys may hold "_"; ids may not
        what, allowed = ("key", "'_', '.' and '-'") if key else ("id", "'.' and '-'")
        return f"'{value}' is not a valid {what}: use only lower-case letters, digits, {allowed}"
    if kind == "literal_error":
        return f"'{value}' is not one of {ctx.get('expected')}"
    if kind == "value_error":
        return str(ctx.get("error", detail["msg"]))
    if kind.startswith("int_"):
        return f"should be a whole number, not {_kind_of(value)}"
    if kind == "string_type" or ctx.get("class_name") == "Localised":
        quote = "; put it in quotes to make it text" if isinstance(value, (bool, int, float)) else ""
        return f"should be text, not {_kind_of(value)}{quote}"
    if kind == "list_type":
        return f"should be a list (one '- ' line per item), not {_kind_of(value)}"
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        return f"should be fields written as 'key: value', not {_kind_of(value)}"
    return detail["msg"].replace("Input should be", "should be")


def _kind_of(value: object) -> str:
    """How a YAML value reads to its author: 'a number', 'a list', 'yes/no'."""
    if isinstance(value, bool):
        return "a yes/no value"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, str):
        return f"the text '{value}'"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "fields (key: value)"
    return f"the {type(value).__name__} {value}"


def _expand_revisits(process: Process) -> Process:
    """Copy each revisited group's questions into the later step, each asking whether it has changed."""
    groups = {group.id: group for step in process.steps for group in step.groups}
    steps = []
    for step in process.steps:
        new_groups = []
        for group in step.groups:
            original = groups.get(group.revisits) if group.revisits else None
            if original is not None:
                questions = [
                    question.model_copy(
                        update={
                            "id": group.id + question.id.removeprefix(original.id),
                            "changed_since": question.id,
                        }
                    )
                    for question in original.questions
                ]
                update = {"questions": questions, "title": group.title or original.title}
                group = group.model_copy(update=update)
            new_groups.append(group)
        steps.append(step.model_copy(update={"groups": new_groups}))
    return process.model_copy(update={"steps": steps})


# ---------------------------------------------------------------------------------------------------------
# Cross-references: ids that must exist, ids that must be unique, notes that must be defined


def _cross_reference_errors(toolkit: Toolkit) -> Iterator[ContentError]:
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


# ---------------------------------------------------------------------------------------------------------
# Translation coverage: which strings have no Welsh yet (the Welsh issue turns this into a build gate)


def missing_translations(toolkit: Toolkit, language: str = "cy") -> list[str]:
    """Dotted paths (file: field) of every user-facing string without a `language` translation.

    Paths are those of the files as written: questions a group copies with `revisits` are not listed
    again under the copy (their words, and their translations, live in the original group).
    """
    assert language in LANGUAGES
    missing = []
    for name, model in CONTENT_FILES.items():
        as_written = model.model_validate(toolkit.lines[name].data)
        for path, value in translations.localised_fields(as_written):
            if getattr(value, language) is None:
                missing.append(f"{name}: {_dotted(path)}")
    return missing


def main(argv: list[str] | None = None) -> int:
    """`python -m macros.content [folder] [--strict-translations]`: validate content; print each mistake
    on its own line (exit 1), then each outdated, missing or orphaned translation as a warning.

    Outdated and missing Welsh are warnings (the site is built, with the last Welsh or the English marked
    on Welsh pages); with --strict-translations or TOOLKIT_STRICT_TRANSLATIONS=1 they are mistakes."""
    argv = list(sys.argv[1:] if argv is None else argv)
    strict = translations.strict_from_environment()
    if "--strict-translations" in argv:
        argv.remove("--strict-translations")
        strict = True
    folder = Path(argv[0]) if argv else DEFAULT_CONTENT_DIR
    try:
        toolkit = load_toolkit(folder, strict_translations=strict)
    except ContentErrors as errors:
        print(f"Content has {len(errors.errors)} mistake(s); the site was not built:", file=sys.stderr)
        for error in errors.errors:
            print(f"  {error.describe()}", file=sys.stderr)
        if strict and any(error.message.endswith("[strict translations]") for error in errors.errors):
            print("Strict translations are on (--strict-translations or TOOLKIT_STRICT_TRANSLATIONS=1): "
                  "outdated and missing Welsh stop the build.", file=sys.stderr)
        return 1
    print_translation_warnings(toolkit)
    print(f"Content OK: {len(toolkit.principle_by_id)} principles, {len(toolkit.question_by_id)} questions, "
          f"{len(toolkit.idea_by_id)} Big Ideas, {len(toolkit.worksheets)} worksheets.")
    return 0


def print_translation_warnings(toolkit: Toolkit, stream=None) -> None:
    """One line per outdated, missing or orphaned translation, under a heading that says what it means."""
    stream = stream or sys.stderr
    notices = toolkit.translation_notices
    counts = {kind: sum(n.kind == kind for n in notices) for kind in ("outdated", "missing", "orphan")}
    if not notices:
        return
    print(
        f"Warning: Welsh translation being updated: {counts['outdated']} outdated, {counts['missing']} missing, "
        f"{counts['orphan']} unused. The site is built; Welsh pages show the last Welsh (or the English) "
        "marked as being updated. Strict mode (--strict-translations) would stop on outdated and missing Welsh.",
        file=stream,
    )
    for notice in notices:
        print(f"  warning: {notice.describe()}", file=stream)


if __name__ == "__main__":
    sys.exit(main())
