"""Merging the Welsh (content/cy/<file>) into the English data as it is loaded, and saying which Welsh is
outdated, missing or orphaned: the one place that decides which strings are without Welsh."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel, ValidationError

from . import translations
from .files import anchor_of
from .wording import located_errors
from .yaml_positions import ContentError, LoadedYaml, PathKey, load_yaml


@dataclass
class Merged:
    review: str | None = None  # the translation file's review status, where there is one
    applied: bool = False  # whether any translation was merged into the data
    errors: list[ContentError] = field(default_factory=list)
    notices: list[translations.TranslationNotice] = field(default_factory=list)
    states: dict[str, str] = field(default_factory=dict)  # key -> "outdated" | "missing"


def merge_translations(folder: Path, name: str, loaded: LoadedYaml, model: BaseModel) -> Merged:
    """Merge content/cy/<name> into the English data; say which translations are outdated, missing or orphaned.

    Where content/cy/ does not exist the toolkit is English only and nothing is missing."""
    file = translations.translation_file_for(folder, "cy", name)
    if not file.parent.is_dir():
        return Merged()
    anchor = anchor_of(name)
    found = translations.units(loaded.data, model, anchor)
    translation = None
    if file.exists():
        try:
            parallel = load_yaml(file)
            translation = translations.TranslationFile.model_validate(parallel.data)
        except ContentError as error:
            return Merged(errors=[error])
        except ValidationError as error:
            return Merged(errors=list(located_errors(file, parallel, error)))
    result = Merged(review=translation.review if translation else None)
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
            notice = translations.TranslationNotice(
                "missing", folder / name, loaded.line_of(unit.path), name, unit.key, path=unit.path
            )
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


def mark_translation_states(model: BaseModel, loaded: LoadedYaml, name: str, states: dict[str, str]) -> None:
    """Record on each outdated or missing string its state, so pages can mark it as being updated."""
    if not states:
        return
    for unit in translations.units(loaded.data, model, anchor_of(name)):
        state = states.get(unit.key)
        if state:
            node: object = model
            for part in unit.path:
                node = getattr(node, part) if isinstance(node, BaseModel) else node[part]
            node._translation_state = state


def strict_error(notice: translations.TranslationNotice) -> ContentError:
    """In strict mode an outdated or missing translation stops the build."""
    if notice.kind == "outdated":
        message = "the English has changed since this was translated; update the Welsh and its `en`"
    else:
        message = "no Welsh translation (add it to content/cy/, or import a PO file)"
    return ContentError(notice.file, notice.line, notice.field_path, message + " [strict translations]")
