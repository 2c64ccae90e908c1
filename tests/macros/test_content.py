"""Loading and validating content/: every kind of mistake is named by file, line and field.

Each case in tests/fixtures/bad-content/ replaces one real content file with a copy holding one mistake
(see tests/fixtures/bad_content.py for what each must report).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from fixtures.bad_content import ALL_CASES, EXPECTED, MISSING_FILES, REPAIRS, Mistake, described, make_content
from macros.content import ContentError, ContentErrors, load_toolkit, main


def reported(content: Path) -> list[Mistake]:
    with pytest.raises(ContentErrors) as raised:
        load_toolkit(content)
    return [Mistake(Path(e.file).name, e.line, e.field_path, e.message) for e in raised.value.errors]


def test_every_case_has_a_fixture_and_a_repair():
    folders = {path.name for path in (Path(__file__).resolve().parents[1] / "fixtures" / "bad-content").iterdir()}
    assert folders | set(MISSING_FILES) == set(EXPECTED)
    assert set(REPAIRS) | set(MISSING_FILES) | {"empty-file"} == set(EXPECTED)


@pytest.mark.parametrize("case", ALL_CASES)
def test_mistake_is_reported_with_its_file_line_and_field(case, tmp_path):
    assert reported(make_content(case, tmp_path)) == EXPECTED[case]


@pytest.mark.parametrize("case", ALL_CASES)
def test_fixture_loads_once_its_mistake_is_repaired(case, tmp_path):
    """Negative control: the fixture holds only the mistake its case is about."""
    load_toolkit(make_content(case, tmp_path, repaired=True))


def test_the_real_content_loads(toolkit):
    assert toolkit.principle_by_id and toolkit.question_by_id and toolkit.idea_by_id


def test_an_id_used_in_two_files_is_a_duplicate(tmp_path, toolkit):
    content = make_content("approach-unknown", tmp_path, repaired=True)
    ideas = content / "big-ideas.yaml"
    ideas.write_text(ideas.read_text().replace("id: big-ideas.introduction", "id: intro.rebalancing-care"))
    first = toolkit.lines["principles.yaml"].line_of(
        ("intro", [s.id for s in toolkit.principles.intro].index("intro.rebalancing-care"), "id")
    )
    assert reported(content) == [
        Mistake("big-ideas.yaml", 4, "intro[0].id",
                f"duplicate id 'intro.rebalancing-care' (first used in principles.yaml line {first})"),
    ]


def test_revisited_questions_are_copied_with_their_own_ids(tmp_path):
    toolkit = load_toolkit(make_content("revisits-unknown", tmp_path, repaired=True))
    copy = toolkit.question_by_id["redesign.community.support"]
    assert copy.changed_since == "evaluate.community.support"
    assert copy.text == toolkit.question_by_id["evaluate.community.support"].text


def test_content_errors_list_every_mistake_in_their_message():
    errors = ContentErrors([ContentError("a.yaml", 3, "x.y", "first"), ContentError("b.yaml", None, "", "second")])
    assert str(errors).splitlines() == ["a.yaml:3: field 'x.y': first", "b.yaml: second"]


# -- `python -m macros`: what `make build` runs first ---------------------------------------------------


def test_check_names_every_mistake_on_stderr_and_fails(tmp_path, capsys):
    content = make_content("two-files", tmp_path)
    assert main([str(content)]) == 1
    err = capsys.readouterr().err
    assert "Content has 2 mistake(s); the site was not built:" in err
    for mistake in EXPECTED["two-files"]:
        assert described(mistake, content) in err


def test_check_passes_real_content(capsys):
    assert main([]) == 0
    assert capsys.readouterr().out.startswith("Content OK:")
