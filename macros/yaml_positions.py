"""Read YAML into plain Python while remembering the line of every key, so errors can name it.

PyYAML's safe loader forgets positions and silently keeps the last of two duplicate keys; this module
composes the node tree itself, refuses tabs and duplicate keys, and records `path -> line` for each value.

The node tree is composed by libyaml (PyYAML's C parser) when it is installed; the pure-Python parser is
used only to word a mistake (its messages and marks are the ones the plain-words rules below recognise),
or when libyaml is missing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from yaml.constructor import SafeConstructor

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
    node = _compose(file, text)
    if node is None:
        raise ContentError(file, 1, "", "the file is empty")
    loaded = LoadedYaml(data=None)
    loaded.data = _to_python(file, node, (), loaded.lines, SafeConstructor())
    return loaded


def _compose(file: Path, text: str) -> yaml.Node | None:
    """The document's node tree, composed by libyaml when it can be; any mistake is worded from the pure
    parser's error, so the message and line are the same with or without libyaml."""
    if _FAST_LOADER is not None and "\t" not in text and not _NON_PRINTABLE.search(text):
        try:
            return yaml.compose(text, Loader=_FAST_LOADER)
        except yaml.YAMLError:
            pass  # read it again with the pure parser, whose error the rules below word
    try:
        return yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as error:
        raise ContentError(file, *_syntax_error(error, text)) from None


_FAST_LOADER = getattr(yaml, "CSafeLoader", None)
# Characters PyYAML's pure reader refuses; such text is left to it so that it fails as it always has. So is
# text holding a tab, which libyaml accepts in places (after `key:`) where the pure parser stops.
_NON_PRINTABLE = yaml.reader.Reader.NON_PRINTABLE


def _syntax_error(error: yaml.MarkedYAMLError, text: str) -> tuple[int | None, str, str]:
    """(line, field, message) for a YAML syntax error, in the words of someone editing the file.

    PyYAML's own words ("expected <block end>, but found '<block mapping start>'") say what its parser
    expected, not what the author did; the common mistakes are recognised and said plainly, on the line
    at fault (which is not always the line PyYAML points at). Rare ones keep PyYAML's words as a hint.
    """
    problem, context = error.problem or "", error.context or ""
    problem_line = error.problem_mark.line + 1 if error.problem_mark else None
    context_line = error.context_mark.line + 1 if error.context_mark else None
    lines = text.splitlines()

    def source(line: int | None) -> str:
        return lines[line - 1] if line and 0 < line <= len(lines) else ""

    if problem.startswith("found unexpected end of stream") and context_line:
        # The line at fault is where the unclosed quote or bracket began, not the end of the file.
        what = "a quoted text" if "quoted" in context else "a text"
        return context_line, "", f"the file ends inside {what} that starts here (is a quote left open?)"
    if problem.startswith("found character '\\t'"):
        return problem_line, "", "there is a tab character on this line; YAML allows only spaces (replace the tab with spaces)"
    if problem.startswith("found character") and "cannot start any token" in problem:
        character = problem.split("'")[1] if problem.count("'") >= 2 else "?"
        return problem_line, "", (
            f"text cannot start with '{character}' unless it is in quotes: put the whole text in double quotes"
        )
    if problem.startswith("mapping values are not allowed"):
        column = error.problem_mark.column if error.problem_mark else 0
        before = source(problem_line)[:column].strip().removeprefix("- ")
        if re.match(r"^[^\s'\"]+:\s", before) or before.startswith(("'", '"')):
            return problem_line, "", (
                "this text holds a colon followed by a space (': '), which YAML reads as the start of a new "
                "field: put the whole text in double quotes"
            )
        return problem_line, "", _INDENTATION
    if problem.startswith("could not find expected ':'") and context_line:
        return context_line, "", (
            "this line is neither a field ('key: value') nor a list item ('- '): is a colon or a dash missing, "
            "or does text above need the same indentation as its first line?"
        )
    if problem.startswith("expected <block end>"):
        found = problem.partition("but found ")[2]
        column = error.problem_mark.column if error.problem_mark else 0
        if found == "'-'":
            return problem_line, "", (
                "a list item ('- ') among fields ('key: value'): check the indentation of this line, or whether "
                "the field above it should hold a list"
            )
        if found == "'<scalar>'":
            before = source(problem_line)[:column].rstrip()
            if before.endswith(("'", '"', "]", "}")):
                opened = _quote_opened_on(text, error.problem_mark)
                if opened and opened < problem_line:
                    return opened, "", (
                        f"the quote that opens this text is closed only on line {problem_line}, with more text "
                        "after it: is a quote left open here?"
                    )
                return problem_line, "", (
                    "more text after a closing quote or bracket: put the whole text inside the quotes"
                )
        if "block collection" in context and error.context_mark and column == error.context_mark.column:
            return problem_line, "", (
                "this line lines up with the '- ' of the list item above it but does not start with '- ': if it "
                "begins a new item, start it with '- ' (is a dash missing?); if it belongs to the item above, "
                "indent it as far as that item's other fields"
            )
        return problem_line, "", _INDENTATION
    if problem.startswith("expected ',' or") and context_line:
        bracket, what = ("[", "list") if "sequence" in context else ("{", "set of fields")
        return context_line, "", (
            f"the '{bracket}' on this line opens a {what} that is never closed: close it, or if the text only "
            f"starts with '{bracket}', put the whole text in double quotes"
        )
    if problem.startswith(("found unknown escape character", "expected escape sequence")):
        return problem_line, "", (
            "a backslash inside double quotes starts a code YAML does not know: write \\\\ for a backslash, "
            "or use single quotes"
        )
    if "while scanning an alias" in context or "while scanning an anchor" in context or "alias" in problem:
        return problem_line, "", "text that starts with '*' or '&' must be in quotes: put the whole text in double quotes"
    mark_line = problem_line or context_line
    return mark_line, "", f"YAML cannot read this line ({problem or context})"


def _quote_opened_on(text: str, mark: yaml.Mark) -> int | None:
    """The line where the quoted text that ends just before `mark` began, if it was quoted."""
    opened = None
    try:
        for token in yaml.scan(text, Loader=yaml.SafeLoader):
            if token.start_mark.index >= mark.index:
                break
            if isinstance(token, yaml.ScalarToken):
                opened = token.start_mark.line + 1 if token.style in ("'", '"') else None
    except yaml.YAMLError:
        pass
    return opened


_INDENTATION = (
    "the indentation here does not line up with the lines above it (check the spaces at the start of this "
    "line and the line before)"
)


def _refuse_tabs(file: Path, text: str) -> None:
    for number, line in enumerate(text.splitlines(), start=1):
        indent = line[: len(line) - len(line.lstrip())]
        if "\t" in indent:
            raise ContentError(file, number, "", "indented with a tab; YAML needs spaces for indentation")


def _to_python(
    file: Path, node: yaml.Node, path: PathKey, lines: dict[PathKey, int], constructor: SafeConstructor
) -> object:
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        result: dict = {}
        for key_node, value_node in node.value:
            key = _scalar(key_node, constructor)
            if key in result:
                first = lines[path + (key,)]
                raise ContentError(
                    file, key_node.start_mark.line + 1, dotted(path + (key,)),
                    f"this key appears twice (first on line {first})",
                )
            result[key] = _to_python(file, value_node, path + (key,), lines, constructor)
            lines[path + (key,)] = key_node.start_mark.line + 1
        return result
    if isinstance(node, yaml.SequenceNode):
        return [
            _to_python(file, item, path + (index,), lines, constructor) for index, item in enumerate(node.value)
        ]
    return _scalar(node, constructor)


def _scalar(node: yaml.Node, constructor: SafeConstructor) -> object:
    """The Python value of a scalar node (a key, or a value), as yaml.safe_load would give it."""
    value = constructor.construct_object(node, deep=True)
    constructor.constructed_objects.clear()  # each node is read once; keep the memo from growing
    return value


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
