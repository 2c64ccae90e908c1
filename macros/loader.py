"""Load and validate everything in content/: `load_toolkit(folder)` is the one way in.

It either returns a complete, cross-checked `Toolkit` or raises `ContentErrors` naming each mistake's file,
line and field; nothing is rendered from half-valid content. Steps: read each file (yaml_positions), check
it against its model, merge its Welsh (welsh.py), then check the cross-references (references.py).
"""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, ValidationError

from . import translations
from .files import CONTENT_FILE_FIELDS, CONTENT_FILES, DEFAULT_CONTENT_DIR
from .models import Process
from .references import cross_reference_errors
from .toolkit import Toolkit
from .welsh import mark_translation_states, merge_translations, strict_error
from .wording import located_errors
from .yaml_positions import ContentError, ContentErrors, LoadedYaml, load_yaml


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
            errors.extend(located_errors(file, loaded, error))
            continue
        merged = merge_translations(folder, name, loaded, models[name])
        errors.extend(merged.errors)
        notices.extend(merged.notices)
        if merged.review:
            reviews[name] = merged.review
        if merged.applied:
            try:
                models[name] = model.model_validate(loaded.data)
            except ValidationError as error:
                errors.extend(located_errors(file, loaded, error))
                continue
        mark_translation_states(models[name], loaded, name, merged.states)
    if strict:
        errors.extend(strict_error(notice) for notice in notices if notice.kind != "orphan")
    if errors:
        raise ContentErrors(errors)
    models["process.yaml"] = _expand_revisits(models["process.yaml"])
    toolkit = Toolkit(
        **{CONTENT_FILE_FIELDS[name][1]: model for name, model in models.items()},
        folder=folder,
        lines=loaded_files,
        translation_reviews=reviews,
        translation_notices=notices,
    )
    errors = list(cross_reference_errors(toolkit))
    if errors:
        raise ContentErrors(errors)
    return toolkit


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
