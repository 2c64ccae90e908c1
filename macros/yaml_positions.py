"""Read YAML into plain Python while remembering the line of every key, so errors can name it.

PyYAML's safe loader forgets positions and silently keeps the last of two duplicate keys; this module
composes the node tree itself, refuses tabs and duplicate keys, and records `path -> line` for each value.
"""

from __future__ import annotations

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
    text = file.read_text(encoding="utf-8")
    _refuse_tabs(file, text)
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else None
        problem = " ".join(part for part in (error.context, error.problem) if part)
        raise ContentError(file, line, "", f"YAML syntax error: {problem}") from None
    if node is None:
        raise ContentError(file, 1, "", "the file is empty")
    loaded = LoadedYaml(data=None)
    loaded.data = _to_python(file, node, (), loaded.lines)
    return loaded


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
                raise ContentError(
                    file, key_node.start_mark.line + 1, dotted(path + (key,)), "this key appears twice"
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
    """('steps', 0, 'title') -> 'steps[0].title', the way an author reads a field's place."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out
