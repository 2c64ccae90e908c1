"""Translations kept beside the English, in parallel files keyed by content id.

`content/<language>/<file>.yaml` holds, for one content file, every translated string under a stable key
`<nearest item id>:<field path>` (e.g. `principle.prevention:definition`,
`evaluate.who-to-talk-with:stakeholders[2]`, `ui:strings[toolkit.name]`), with the English it was
translated from, so a changed English source is detectable. The file records its review status.

The loader merges translations into the content data before validation, so the models see
`{en: ..., cy: ...}` and templates pick the page's language.

As with gettext, a translation whose English has changed since is *outdated*, not a mistake: the last
translation is still shown, marked on the page as being updated, and the build warns. A string with no
translation yet is *missing*: the English stands in, marked the same way. A translation whose English
string has gone (a deleted question) is an *orphan*: unused, and only warned about. Strict mode
(`TOOLKIT_STRICT_TRANSLATIONS=1`, `tools/build.py --strict-translations`) fails the build on outdated or
missing translations, for releases and for councils whose policy requires it.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, Literal, Optional

from pydantic import BaseModel, Field

from .models import Localised, Model, NonEmpty
from .yaml_positions import PathKey, dotted

REVIEW_STATUSES = ("draft", "reviewed")
STRICT_ENVIRONMENT_VARIABLE = "TOOLKIT_STRICT_TRANSLATIONS"


def strict_from_environment() -> bool:
    """Whether TOOLKIT_STRICT_TRANSLATIONS asks for strict translations (1, true or yes)."""
    return os.environ.get(STRICT_ENVIRONMENT_VARIABLE, "").strip().lower() in ("1", "true", "yes")


@dataclass(frozen=True)
class TranslationNotice:
    """A translation that is outdated, missing or orphaned: a warning, or in strict mode a mistake."""

    kind: Literal["outdated", "missing", "orphan"]
    file: Path  # the file to fix: the translation file, or the English file for a missing translation
    line: int | None
    source_file: str  # the content file the string belongs to, e.g. "process.yaml"
    key: str  # e.g. "evaluate.core-purpose:text"
    previous_english: str | None = None  # outdated: the English the translation was made from
    path: PathKey | None = None  # missing: where the string sits in the file as written

    @property
    def field_path(self) -> str:
        return f"strings[{self.key}]" if self.kind != "missing" else self.key

    @property
    def message(self) -> str:
        if self.kind == "outdated":
            return ("the English has changed since this was translated; Welsh pages show the last Welsh, "
                    "marked as being updated (update the Welsh and its `en`)")
        if self.kind == "missing":
            return ("no Welsh translation yet; Welsh pages show the English, marked as being translated "
                    "(add it to content/cy/, or import a PO file)")
        return (f"no English string with this key in {self.source_file} (was it deleted?); this translation "
                "is not used and can be removed")

    def describe(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else str(self.file)
        return f"{where}: field '{self.field_path}': {self.message}"


class TranslatedString(Model):
    en: NonEmpty  # the English this was translated from
    cy: NonEmpty


class TranslationFile(Model):
    """One content file's strings in one language."""

    language: Literal["cy"]
    source_file: NonEmpty
    review: Literal["draft", "reviewed"]
    reviewer: Optional[str] = None
    strings: dict[str, TranslatedString] = Field(default_factory=dict)


@dataclass(frozen=True)
class Unit:
    """One translatable string of the content: its key, where it sits in the data, and its English."""

    key: str
    path: PathKey
    english: str


def localised_fields(model: BaseModel) -> Iterator[tuple[PathKey, Localised]]:
    """Every user-facing string (Localised field) in a validated model, with its data path."""
    yield from _walk(model, ())


def _walk(value: object, path: PathKey) -> Iterator[tuple[PathKey, Localised]]:
    if isinstance(value, Localised):
        yield path, value
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from _walk(getattr(value, name), path + (name,))
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _walk(item, path + (key,))
    elif isinstance(value, (list, tuple)):
        for index, item in enumerate(value):
            yield from _walk(item, path + (index,))


def unit_key(data: object, path: PathKey, anchor: str) -> str:
    """`<id of the nearest item with an id>:<path below it>`, e.g. `principle.prevention:definition`.

    The path is written as errors write a field's place (yaml_positions.dotted), so a key reads the same in
    a warning, a PO file's context and content/cy/."""
    node, relative = data, []
    for part in path:
        if isinstance(node, dict) and isinstance(node.get("id"), str):
            anchor, relative = node["id"], []
        relative.append(part)
        node = node[part]
    if isinstance(node, dict) and isinstance(node.get("id"), str) and not relative:
        anchor = node["id"]
    return f"{anchor}:{dotted(tuple(relative))}"


def units(data: object, model: BaseModel, anchor: str) -> list[Unit]:
    """Every translatable string of one content file, in file order."""
    result = []
    for path, _ in localised_fields(model):
        node = data
        try:
            for part in path:
                node = node[part]
        except (KeyError, IndexError, TypeError):
            continue  # derived by the loader (a revisited group's copies), not written in the file
        english = node["en"] if isinstance(node, dict) else node
        result.append(Unit(unit_key(data, path, anchor), path, str(english)))
    return result


def apply(data: object, found: list[Unit], translations: dict[str, str]) -> None:
    """Replace each translated English string in `data` by `{en, <language>}` (in place)."""
    for unit in found:
        if unit.key not in translations:
            continue
        parent = data
        for part in unit.path[:-1]:
            parent = parent[part]
        current = parent[unit.path[-1]]
        entry = dict(current) if isinstance(current, dict) else {"en": current}
        entry["cy"] = translations[unit.key]
        parent[unit.path[-1]] = entry


def translation_file_for(content_dir: Path, language: str, name: str) -> Path:
    return content_dir / language / name
