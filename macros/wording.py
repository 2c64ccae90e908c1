"""pydantic's validation errors in the words of someone editing YAML, located by file, line and field."""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

from pydantic import ValidationError

from .yaml_positions import ContentError, LoadedYaml, dotted


def located_errors(file: Path, loaded: LoadedYaml, error: ValidationError) -> Iterator[ContentError]:
    """One ContentError per pydantic error, at the line of the field the author wrote."""
    for detail in error.errors():
        path = tuple(detail["loc"])
        # pydantic ends the location of a bad mapping key with "[key]"; report the key the author wrote.
        if path and path[-1] == "[key]":
            path = path[:-1]
        # A plain string stands for {en: ...}; report the field the author wrote, not its inner `en`.
        if path and path[-1] == "en" and path not in loaded.lines:
            path = path[:-1]
        yield ContentError(file, loaded.line_of(path), dotted(path), plain_message(detail))

def plain_message(detail: dict) -> str:
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
