"""Read YAML into plain Python while remembering the line of every key, so errors can name it.

PyYAML's safe loader forgets positions and silently keeps the last of two duplicate keys; this module
composes the node tree itself, refuses tabs and duplicate keys, and records `path -> line` for each value.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

PathKey = tuple  # e.g. ("steps", 0, "groups", 1, "questions", 2, "text")


class ContentError(Exception):
    """A mistake in a content file, located by file, line and field."""

    def __init__(self, file: Path | str, line: int | None, field_path: str, message: str):
        self.file = str(file)
        self.line = line
        self.field_path = field_path
        self.message = message
        super().__init__(self.describe())

    def describe(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        what = f" field '{self.field_path}':" if self.field_path else ""
        return f"{where}:{what} {self.message}"


class ContentErrors(Exception):
    """Several content mistakes, reported together so an author can fix them in one pass."""

    def __init__(self, errors: list[ContentError]):
        self.errors = errors
        super().__init__("\n".join(error.describe() for error in errors))


@dataclass
class LoadedYaml:
    data: object
    lines: dict[PathKey, int] = field(default_factory=dict)

    def line_of(self, path: PathKey) -> int | None:
        """The line of `path`, or of its nearest ancestor that has one."""
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.lines.get(())


def load_yaml(file: Path) -> LoadedYaml:
    raw = file.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise ContentError(file, line, "", "is not UTF-8 text; save the file as UTF-8") from None
    _refuse_tabs(file, text)
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as error:
        raise ContentError(file, *_syntax_error(error)) from None
    if node is None:
        raise ContentError(file, 1, "", "the file is empty")
    loaded = LoadedYaml(data=None)
    loaded.data = _to_python(file, node, (), loaded.lines)
    return loaded


# Hints for the YAML mistakes authors make most, keyed by the start of PyYAML's problem text.
_SYNTAX_HINTS = {
    "mapping values are not allowed here": "if the text holds ': ', put the whole text in quotes",
    "found character '\\t' that cannot start any token": "a tab outside quotes; use spaces",
}


def _syntax_error(error: yaml.MarkedYAMLError) -> tuple[int | None, str, str]:
    """(line, field, message) for a YAML syntax error: the problem first, then where it began."""
    problem, context = error.problem or "", error.context or ""
    if problem.startswith("found unexpected end of stream") and error.context_mark:
        # The line at fault is where the unclosed quote or bracket began, not the end of the file.
        what = context.removeprefix("while scanning ").removeprefix("while parsing ")
        what = what.replace("scalar", "text")
        message = f"YAML syntax error: the file ends inside {what} that starts here (is a quote left open?)"
        return error.context_mark.line + 1, "", message
    mark = error.problem_mark or error.context_mark
    line = mark.line + 1 if mark else None
    message = f"YAML syntax error: {problem or context}"
    hint = next((hint for start, hint in _SYNTAX_HINTS.items() if problem.startswith(start)), None)
    if hint:
        message += f" ({hint})"
    if context and problem:
        context_line = error.context_mark.line + 1 if error.context_mark else None
        began = f" that began on line {context_line}" if context_line and context_line != line else ""
        message += f", {context}{began}"
    return line, "", message


def _refuse_tabs(file: Path, text: str) -> None:
    for number, line in enumerate(text.splitlines(), start=1):
        indent = line[: len(line) - len(line.lstrip())]
        if "\t" in indent:
            raise ContentError(file, number, "", "indented with a tab; YAML needs spaces for indentation")


def _to_python(file: Path, node: yaml.Node, path: PathKey, lines: dict[PathKey, int]) -> object:
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        result: dict = {}
        for key_node, value_node in node.value:
            key = _scalar(key_node)
            if key in result:
                first = lines[path + (key,)]
                raise ContentError(
                    file, key_node.start_mark.line + 1, dotted(path + (key,)),
                    f"this key appears twice (first on line {first})",
                )
            result[key] = _to_python(file, value_node, path + (key,), lines)
            lines[path + (key,)] = key_node.start_mark.line + 1
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_to_python(file, item, path + (index,), lines) for index, item in enumerate(node.value)]
    return _scalar(node)


def _scalar(node: yaml.Node) -> object:
    return yaml.SafeLoader(" ").construct_object(node, deep=True)


def dotted(path: PathKey) -> str:
    """('steps', 0, 'title') -> 'steps[0].title', the way an author reads a field's place.

    A key that is itself dotted (an id such as 'question.people') is bracketed, so it does not read as
    nested fields: ('ideas', 0, 'tests', 'test.power') -> 'ideas[0].tests[test.power]'.
    """
    out = ""
    for part in path:
        if isinstance(part, int) or not _PLAIN_KEY.match(str(part)):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


_PLAIN_KEY = re.compile(r"^[A-Za-z_][A-Za-z0-9_-]*$")
