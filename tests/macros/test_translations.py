"""Every user-facing string can carry Welsh beside the English, and a missing translation is detectable.

The fixture tests/fixtures/translation/principles.yaml gives the first principle's name and definition
in English and Welsh; everything else is English only.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from pydantic import ValidationError

from fixtures.bad_content import make_content
from macros.content import CONTENT_FILES, ContentErrors, load_toolkit, missing_translations
from macros.models import Localised
from macros.pages import PageMacros
from macros.render import PageContext, Renderer

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "tests" / "fixtures" / "translation" / "principles.yaml"
WELSH_NAME = "Canlyniadau llesiant"


def content_with(tmp_path: Path, principles_text: str) -> Path:
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    for translation in content.glob("*/principles.yaml"):
        translation.unlink()
    (content / "principles.yaml").write_text(principles_text, encoding="utf-8")
    return content


@pytest.fixture
def bilingual(tmp_path):
    return load_toolkit(content_with(tmp_path, FIXTURE.read_text(encoding="utf-8")))


def render_principles(toolkit, language: str) -> str:
    renderer = Renderer(toolkit)
    page = PageContext(url="principles.html", language=language)
    guide = toolkit.principles
    return str(renderer.render("principles.html", page, guide=guide, principles=guide.principles))


def test_a_string_with_welsh_loads_with_both_languages(bilingual):
    name = bilingual.principles.principles[0].name
    assert (name.en, name.cy) == ("Well-being outcomes", WELSH_NAME)


def test_a_plain_string_is_english_with_no_welsh(bilingual):
    name = bilingual.principles.principles[1].name
    assert (name.en, name.cy) == ("Co-production", None)


def test_a_welsh_page_shows_the_welsh_and_falls_back_to_english(bilingual):
    html = render_principles(bilingual, "cy")
    assert WELSH_NAME in html
    assert "<em>canlyniadau</em>" in html  # the Welsh definition, through Markdown
    assert "Well-being outcomes</h2>" not in html
    assert "Co-production" in html  # no Welsh yet: the English stands in


def test_an_english_page_shows_no_welsh(bilingual):
    html = render_principles(bilingual, "en")
    assert "Well-being outcomes" in html and WELSH_NAME not in html


def test_missing_translations_lists_exactly_the_strings_without_welsh(bilingual):
    in_fixture = [entry for entry in missing_translations(bilingual) if entry.startswith("principles.yaml: ")]
    expected = ["intro[0].title", "intro[0].body", "principles_intro.title", "principles_intro.body"]
    for index in range(6):
        expected += [f"principles[{index}].{field}" for field in ("name", "full_name", "matrix_label", "definition")]
    expected.remove("principles[0].name")
    expected.remove("principles[0].definition")
    assert in_fixture == [f"principles.yaml: {path}" for path in expected]


def test_a_string_without_its_welsh_is_reported_again(tmp_path):
    """Negative control: take the Welsh away and the field is missing again."""
    text = FIXTURE.read_text(encoding="utf-8").replace(f"      cy: {WELSH_NAME}\n", "")
    toolkit = load_toolkit(content_with(tmp_path, text))
    assert "principles.yaml: principles[0].name" in missing_translations(toolkit)
    assert "principles.yaml: principles[0].definition" not in missing_translations(toolkit)


def resolve(data: object, dotted_path: str) -> object:
    """The value at a path such as 'steps[2].groups[1].title' in data read from a file."""
    for name, key in re.findall(r"\.?([A-Za-z_][\w-]*)|\[([^\]]+)\]", dotted_path):
        data = data[name] if name else (data[int(key)] if key.isdigit() else data[key])
    return data


def test_every_missing_translation_names_a_string_in_the_file_as_written(bilingual):
    """Over the fixture, whose principles are mostly English only (the real content has nothing missing)."""
    written = {name: bilingual.lines[name].data for name in CONTENT_FILES}
    missing = missing_translations(bilingual)
    assert len(missing) >= 20, "the fixture should leave many strings without Welsh"
    for entry in missing:
        name, _, path = entry.partition(": ")
        value = resolve(written[name], path)
        assert isinstance(value, (str, dict)), entry


def test_questions_copied_by_revisits_are_listed_once_where_they_are_written(tmp_path):
    # The fixture's process.yaml (English only): redesign.community (steps[1].groups[1]) revisits
    # evaluate.community (steps[0].groups[1]).
    toolkit = load_toolkit(make_content("revisits-unknown", tmp_path, repaired=True))
    assert toolkit.process.steps[1].groups[1].questions, "the loader copied the revisited questions"
    missing = missing_translations(toolkit)
    assert "process.yaml: steps[0].groups[1].questions[0].text" in missing
    assert not [entry for entry in missing if entry.startswith("process.yaml: steps[1].groups[1].questions")]


def test_the_real_content_is_all_in_welsh(toolkit):
    """Every user-facing string of the real content has Welsh beside it (strict mode also refuses gaps)."""
    assert missing_translations(toolkit) == []
    assert toolkit.principles.principles[0].name.cy


@pytest.mark.parametrize(
    "value, language, expected",
    [
        ("Prevention", "en", "Prevention"),
        ("Prevention", "cy", "Prevention"),
        ({"en": "Prevention", "cy": "Atal"}, "cy", "Atal"),
        ({"en": "Prevention", "cy": "Atal"}, "en", "Prevention"),
    ],
)
def test_text_in_a_language_falls_back_to_english(value, language, expected):
    assert Localised.model_validate(value).get(language) == expected


@pytest.mark.parametrize(
    "value",
    [{"cy": "Atal"}, {"en": "Prevention", "cy": ""}, {"en": "Prevention", "fr": "Prévention"}, {"en": ""}],
    ids=["no-english", "empty-welsh", "unknown-language", "empty-english"],
)
def test_text_needs_english_and_only_known_languages(value):
    with pytest.raises(ValidationError):
        Localised.model_validate(value)


def test_a_welsh_string_with_no_english_is_named_by_file_line_and_field(tmp_path):
    text = FIXTURE.read_text(encoding="utf-8").replace("      en: Well-being outcomes\n", "")
    with pytest.raises(ContentErrors) as raised:
        load_toolkit(content_with(tmp_path, text))
    [error] = raised.value.errors
    assert (Path(error.file).name, error.line, error.field_path, error.message) == (
        "principles.yaml", 14, "principles[0].name", "has no English text (en)"
    )


# -- the "translation being updated" mark ----------------------------------------------------------------

MARK_CLASS = "toolkit-outdated"


def real_content(tmp_path: Path) -> Path:
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    return content


def test_a_welsh_page_shows_the_last_welsh_of_a_changed_english_string_with_the_mark(tmp_path):
    content = real_content(tmp_path)
    source = content / "principles.yaml"
    source.write_text(source.read_text(encoding="utf-8").replace("name: Prevention\n", "name: Prevention first\n"))
    toolkit = load_toolkit(content)
    welsh = toolkit.principle_by_id["principle.prevention"].name.cy
    html = render_principles(toolkit, "cy")
    mark = (f'<span class="{MARK_CLASS} {MARK_CLASS}--outdated" lang="cy" data-translation-state="outdated">'
            "Cyfieithiad wrthi'n cael ei ddiweddaru <span lang=\"en\">(Translation being updated)</span></span>")
    assert f"<h2>{welsh} {mark}</h2>" in html.replace("&#39;", "'")
    assert html.count(MARK_CLASS + " ") == 1, "only the changed string is marked"
    english = render_principles(toolkit, "en")
    assert "<h2>Prevention first</h2>" in english and MARK_CLASS not in english


def test_a_welsh_page_of_unchanged_content_has_no_mark(toolkit):
    """Negative control: the real content is all translated and up to date."""
    assert MARK_CLASS not in render_principles(toolkit, "cy")


def test_a_string_with_no_welsh_shows_the_english_marked_as_english(bilingual):
    html = render_principles(bilingual, "cy")
    assert '<h2><span lang="en">Co-production</span> <span class="toolkit-outdated toolkit-outdated--missing" lang="cy"' in html
    assert "Heb ei gyfieithu eto <span lang=\"en\">(Not yet translated)</span>" in html
    # the first principle's name and definition have Welsh (in the English file): not marked
    assert f"<h2>{WELSH_NAME}</h2>" in html


def test_the_mark_never_goes_inside_an_attribute(tmp_path):
    content = real_content(tmp_path)
    source = content / "process.yaml"
    text = source.read_text(encoding="utf-8")
    source.write_text(text.replace("    title: Evaluate\n", "    title: Evaluate it\n", 1), encoding="utf-8")
    toolkit = load_toolkit(content)
    step = toolkit.step_by_id["evaluate"]
    assert step.title.translation_state("cy") == "outdated"
    macros = PageMacros(Renderer(toolkit), lambda: PageContext(url="process/evaluate.html", language="cy"))
    html = str(macros.step_page("evaluate"))
    label = re.search(r'aria-label="([^"]*)"', html).group(1)
    assert "<" not in label and "&lt;" not in label and step.title.cy in label
