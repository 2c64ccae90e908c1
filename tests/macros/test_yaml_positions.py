"""Reading YAML with the line of every value, and refusing what PyYAML would silently accept."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from macros.yaml_positions import ContentError, LoadedYaml, dotted, load_yaml

ROOT = Path(__file__).resolve().parents[2]
INDENTATION = (
    "the indentation here does not line up with the lines above it (check the spaces at the start of this line "
    "and the line before)"
)
MISSING_DASH = (
    "this line lines up with the '- ' of the list item above it but does not start with '- ': if it begins a new "
    "item, start it with '- ' (is a dash missing?); if it belongs to the item above, indent it as far as that "
    "item's other fields"
)

SAMPLE = """\
# a comment
title: Evaluate
steps:
  - id: one
    text: First
  - id: two
    text: |
      Second,
      over two lines
"""


@pytest.fixture
def write(tmp_path):
    def write(text: str | bytes, name: str = "sample.yaml"):
        path = tmp_path / name
        path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
        return path

    return write


def load_error(path) -> ContentError:
    with pytest.raises(ContentError) as raised:
        load_yaml(path)
    return raised.value


def test_values_are_plain_python(write):
    assert load_yaml(write(SAMPLE)).data == {
        "title": "Evaluate",
        "steps": [{"id": "one", "text": "First"}, {"id": "two", "text": "Second,\nover two lines\n"}],
    }


@pytest.mark.parametrize(
    "path, line",
    [
        (("title",), 2),
        (("steps",), 3),
        (("steps", 0), 4),
        (("steps", 0, "text"), 5),
        (("steps", 1, "id"), 6),
        (("steps", 1, "text"), 7),
        (("steps", 1, "missing-field"), 6),  # a field that is not there: the line of its item
        (("nowhere", 3), 2),  # nothing at all: the start of the file's first key
    ],
)
def test_every_value_remembers_its_line(write, path, line):
    assert load_yaml(write(SAMPLE)).line_of(path) == line


def test_a_tab_in_indentation_is_refused_with_its_line(write):
    error = load_error(write("title: x\nsteps:\n\t- id: one\n"))
    assert (error.line, error.message) == (3, "indented with a tab; YAML needs spaces for indentation")


def test_a_tab_inside_quoted_text_is_allowed(write):
    assert load_yaml(write('title: "a\tb"\n')).data == {"title": "a\tb"}


def test_a_tab_after_a_key_is_a_syntax_error_that_says_so(write):
    error = load_error(write("a: 1\ntitle:\tEvaluate\n"))
    assert (error.line, error.message) == (
        2, "there is a tab character on this line; YAML allows only spaces (replace the tab with spaces)"
    )


def test_a_duplicate_key_names_both_lines(write):
    error = load_error(write("steps:\n  - id: one\n    text: a\n    text: b\n"))
    assert (error.line, error.field_path, error.message) == (4, "steps[0].text", "this key appears twice (first on line 3)")


@pytest.mark.parametrize("text", ["", "\n\n", "# only a comment\n"])
def test_an_empty_file_is_refused(write, text):
    error = load_error(write(text))
    assert (error.line, error.message) == (1, "the file is empty")


@pytest.mark.parametrize(
    "text, line, message",
    [
        ("title: Who do we need: to talk with?\n", 1,
         "this text holds a colon followed by a space (': '), which YAML reads as the start of a new field: put "
         "the whole text in double quotes"),
        ("a: 1\ntitle: 'not closed\nb: 2\n", 2,
         "the file ends inside a quoted text that starts here (is a quote left open?)"),
        ("a: [one, two\nb: 2\n", 1,
         "the '[' on this line opens a list that is never closed: close it, or if the text only starts with '[', "
         "put the whole text in double quotes"),
        ("a: 'quoted' and not\n", 1, "more text after a closing quote or bracket: put the whole text inside the quotes"),
        ("a:\n  b: 1\n c: 2\n", 3, INDENTATION),
        ("a: 1\nb\nc: 2\n", 2,
         "this line is neither a field ('key: value') nor a list item ('- '): is a colon or a dash missing, or does "
         "text above need the same indentation as its first line?"),
        ("a: @home\n", 1, "text cannot start with '@' unless it is in quotes: put the whole text in double quotes"),
        ("a: *important* words\n", 1,
         "text that starts with '*' or '&' must be in quotes: put the whole text in double quotes"),
        ('a: "C:\\Users"\n', 1, "a backslash inside double quotes starts a code YAML does not know: write \\\\ for "
         "a backslash, or use single quotes"),
    ],
)
def test_a_syntax_error_says_what_and_where(write, text, line, message):
    error = load_error(write(text))
    assert (error.line, error.field_path, error.message) == (line, "", message)
    assert_no_pyyaml_words(error.describe())


# -- broken files: each names its file and line and says what is wrong in plain words (issue 18) --------

# PyYAML's own words, which say what its parser expected rather than what the author did.
PYYAML_WORDS = [
    "expected <block end>", "<block mapping start>", "<block end>", "mapping values are not allowed",
    "could not find expected", "cannot start any token", "found unexpected end of stream", "while parsing",
    "while scanning", "found character", "YAML syntax error: expected",
]
MISTAKES = Path(__file__).resolve().parent / "yaml-mistakes"


def assert_no_pyyaml_words(message: str) -> None:
    for words in PYYAML_WORDS:
        assert words not in message, f"PyYAML's words {words!r} in: {message}"


@pytest.mark.parametrize(
    "name, line, message",
    [
        ("indentation-less.yaml", 8, INDENTATION),
        ("indentation-more.yaml", 5, INDENTATION),
        ("tab.yaml", 4, "there is a tab character on this line; YAML allows only spaces (replace the tab with spaces)"),
        ("unclosed-quote.yaml", 3, "the file ends inside a quoted text that starts here (is a quote left open?)"),
        ("colon-in-text.yaml", 6, "this text holds a colon followed by a space (': '), which YAML reads as the "
         "start of a new field: put the whole text in double quotes"),
        ("missing-dash.yaml", 5, MISSING_DASH),
        ("missing-dash-in-list.yaml", 4, "this line is neither a field ('key: value') nor a list item ('- '): is a "
         "colon or a dash missing, or does text above need the same indentation as its first line?"),
    ],
)
def test_a_broken_file_is_named_with_its_line_in_plain_words(name, line, message):
    file = MISTAKES / name
    error = load_error(file)
    assert (error.line, error.message) == (line, message)
    assert error.describe() == f"{file}:{line}: {message}"
    assert_no_pyyaml_words(error.describe())


def test_every_broken_file_is_tested():
    tested = {"indentation-less.yaml", "indentation-more.yaml", "tab.yaml", "unclosed-quote.yaml",
              "colon-in-text.yaml", "missing-dash.yaml", "missing-dash-in-list.yaml"}
    assert {path.name for path in MISTAKES.glob("*.yaml")} == tested


REAL_QUESTION = "            text: What is the core purpose of the service?\n"


@pytest.mark.parametrize(
    "broken, message",
    [
        (REAL_QUESTION[1:], INDENTATION),
        (" " + REAL_QUESTION, INDENTATION),
        (REAL_QUESTION.replace("text: ", "text:\t"), "there is a tab character on this line"),
        (REAL_QUESTION.replace("text: ", 'text: "'), "is a quote left open here?"),
        (REAL_QUESTION.replace("core purpose", "core: purpose"), "put the whole text in double quotes"),
    ],
    ids=["less-indented", "more-indented", "tab", "unclosed-quote", "colon"],
)
def test_a_mistake_in_the_real_content_is_named_at_its_line_by_the_check(tmp_path, broken, message):
    """The whole check (`python -m macros`, run by `make build`) names the real file and the edited line."""
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    process = content / "process.yaml"
    lines = process.read_text(encoding="utf-8").splitlines(keepends=True)
    number = lines.index(REAL_QUESTION) + 1  # the first of the two questions with this text
    lines[number - 1] = broken
    process.write_text("".join(lines), encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "macros", str(content)], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 1
    assert f"{process}:{number}: " in result.stderr and message in result.stderr, result.stderr
    assert_no_pyyaml_words(result.stderr)


def test_a_file_that_is_not_utf8_is_refused_at_the_line(write):
    error = load_error(write("a: 1\nb: caf\xe9\n".encode("latin-1")))
    assert (error.line, error.message) == (2, "is not UTF-8 text; save the file as UTF-8")


@pytest.mark.parametrize(
    "path, expected",
    [
        ((), ""),
        (("title",), "title"),
        (("steps", 0, "title"), "steps[0].title"),
        (("ideas", 2, "tests", "test.power"), "ideas[2].tests[test.power]"),
        (("strings", "big_idea.what"), "strings[big_idea.what]"),
        (("steps", 1, "matrix_title"), "steps[1].matrix_title"),
        (("steps", 1, "Title"), "steps[1].Title"),
    ],
)
def test_dotted_names_a_field_the_way_an_author_reads_it(path, expected):
    assert dotted(path) == expected


@pytest.mark.parametrize(
    "line, field, expected",
    [
        (3, "steps[0].text", "content/x.yaml:3: field 'steps[0].text': broken"),
        (3, "", "content/x.yaml:3: broken"),
        (None, "", "content/x.yaml: broken"),
    ],
)
def test_an_error_describes_itself_as_file_line_field_message(line, field, expected):
    assert str(ContentError("content/x.yaml", line, field, "broken")) == expected


def test_line_of_an_empty_record_is_none():
    assert LoadedYaml(data={}).line_of(("a",)) is None


# -- libyaml and the pure parser read the same ------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(p.relative_to(ROOT / "content").as_posix()
                                        for p in (ROOT / "content").rglob("*.yaml")))
def test_libyaml_and_the_pure_parser_give_the_same_data_and_lines(name, monkeypatch):
    """Files are read with libyaml when it is installed (fast); the pure parser is the reference."""
    import macros.yaml_positions as positions

    assert positions._FAST_LOADER is not None, "PyYAML was installed without libyaml"
    fast = load_yaml(ROOT / "content" / name)
    monkeypatch.setattr(positions, "_FAST_LOADER", None)
    pure = load_yaml(ROOT / "content" / name)
    assert (fast.data, fast.lines) == (pure.data, pure.lines)
