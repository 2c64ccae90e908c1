"""Reading YAML with the line of every value, and refusing what PyYAML would silently accept."""

from __future__ import annotations

import pytest

from macros.yaml_positions import ContentError, LoadedYaml, dotted, load_yaml

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
    assert error.line == 2
    assert error.message.startswith(
        "YAML syntax error: found character '\\t' that cannot start any token (a tab outside quotes; use spaces)"
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
         "YAML syntax error: mapping values are not allowed here (if the text holds ': ', put the whole text in quotes)"),
        ("a: 1\ntitle: 'not closed\nb: 2\n", 2,
         "YAML syntax error: the file ends inside a quoted text that starts here (is a quote left open?)"),
        ("a: [one, two\nb: 2\n", 2,
         "YAML syntax error: expected ',' or ']', but got ':', while parsing a flow sequence that began on line 1"),
    ],
)
def test_a_syntax_error_says_what_and_where(write, text, line, message):
    error = load_error(write(text))
    assert (error.line, error.field_path, error.message) == (line, "", message)


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
