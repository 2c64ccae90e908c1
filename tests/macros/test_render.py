"""The renderer: escaped text, strict templates, relative links, linked notes, interface strings."""

from __future__ import annotations

import pytest
from jinja2 import UndefinedError

from macros.models import Localised, Section
from macros.render import PageContext, PageView, Renderer

SCRIPT = "<script>alert(1)</script>"


@pytest.fixture
def renderer(toolkit) -> Renderer:
    return Renderer(toolkit)


HOME = PageContext()


def on_page(renderer: Renderer, url: str, language: str = "en") -> PageView:
    return renderer.on(PageContext(url=url, language=language))


# -- escaping ---------------------------------------------------------------------------------------------


def test_text_is_escaped_in_a_partial(renderer):
    section = Section(id="s", title=f"Title {SCRIPT}", body="Body")
    html = str(renderer.render("section.html", HOME, section=section))
    assert "Title &lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<script>" not in html


def test_text_is_escaped_by_the_t_filter(renderer):
    assert renderer.env.from_string("{{ x | t }}").render(x=Localised(en=SCRIPT), here=renderer.on(HOME)) == "&lt;script&gt;alert(1)&lt;/script&gt;"


def test_markdown_keeps_a_span_marking_another_language(renderer):
    # The loader refuses any other HTML in content (tests/fixtures/bad-content/html-in-content).
    html = str(renderer.on(HOME).markdown_inline('Welsh Government (<span lang="cy">Llywodraeth Cymru</span>)'))
    assert html == 'Welsh Government (<span lang="cy">Llywodraeth Cymru</span>)'


def test_markdown_is_still_markdown(renderer):
    html = str(on_page(renderer, "index.html").markdown_block("Some *stress*, a [link](https://example.org)\n\n- one\n- two"))
    assert "<em>stress</em>" in html
    assert '<a href="https://example.org">link</a>' in html
    assert "<li>one</li>" in html


def test_inline_markdown_has_no_paragraph(renderer):
    assert str(renderer.on(HOME).markdown_inline("A *short* hint")) == "A <em>short</em> hint"


def test_json_for_a_script_element_cannot_close_it(renderer):
    text = str(renderer.env.filters["tojson_script"]({"answer": f"{SCRIPT} & more"}))
    assert "</script>" not in text and "<" not in text and "&" not in text
    assert "\\u003c/script\\u003e" in text


# -- strict templates -------------------------------------------------------------------------------------


def test_an_undefined_variable_in_a_template_raises(renderer):
    with pytest.raises(UndefinedError):
        renderer.env.from_string("{{ no_such_variable }}").render()


def test_a_partial_missing_its_content_raises(renderer):
    with pytest.raises(UndefinedError):
        renderer.render("section.html", HOME)


def test_templates_autoescape(renderer):
    assert renderer.env.from_string("{{ x }}").render(x=SCRIPT) == "&lt;script&gt;alert(1)&lt;/script&gt;"


# -- links ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "page, target, expected",
    [
        ("index.html", "process/evaluate.html", "process/evaluate.html"),
        ("index.html", "principles.html#principle.prevention", "principles.html#principle.prevention"),
        ("process/evaluate.html", "principles.html#principle.prevention", "../principles.html#principle.prevention"),
        ("process/evaluate.html", "process/redesign.html", "redesign.html"),
        ("process/evaluate.html", "process/evaluate.html#evaluate.data", "evaluate.html#evaluate.data"),
        ("big-ideas/core-funding.html", "big-ideas/notes.html#note.i", "notes.html#note.i"),
        ("big-ideas/core-funding.html", "process/index.html", "../process/index.html"),
        ("sources.html", "#big-ideas", "#big-ideas"),
    ],
)
def test_url_is_relative_to_the_current_page(renderer, page, target, expected):
    assert on_page(renderer, page).url(target) == expected


@pytest.mark.parametrize(
    "page, href",
    [
        ("big-ideas/core-funding.html", "notes.html#note.i"),
        ("big-ideas/index.html", "notes.html#note.i"),
        ("index.html", "big-ideas/notes.html#note.i"),
        ("process/evaluate.html", "../big-ideas/notes.html#note.i"),
    ],
)
def test_a_note_reference_becomes_a_link_to_the_note(renderer, toolkit, page, href):
    marker = next(note.marker for note in toolkit.big_ideas.notes if note.id == "note.i")
    html = str(on_page(renderer, page).markdown_block("Reports by Scottish Government[[note.i]] say so."))
    assert f'<a href="{href}"' in html
    assert f">{marker}</a></sup>" in html
    assert "[[" not in html


def test_a_note_reference_in_inline_text_becomes_a_link(renderer):
    html = str(on_page(renderer, "big-ideas/index.html").markdown_inline("Fair Work[[note.x]]"))
    assert '<a href="notes.html#note.x"' in html and "[[" not in html


# -- interface strings and languages ----------------------------------------------------------------------


def test_an_interface_string_comes_from_ui_yaml(renderer, toolkit):
    assert renderer.on(HOME).ui("guidance.why") == toolkit.ui.strings["guidance.why"].en


@pytest.mark.parametrize("call", ["ui", "template"])
def test_an_unknown_interface_string_raises_naming_ui_yaml(renderer, call):
    with pytest.raises(KeyError, match=r"content/ui\.yaml has no string 'no\.such\.key'"):
        if call == "ui":
            renderer.on(HOME).ui("no.such.key")
        else:
            renderer.env.from_string("{{ ui('no.such.key') }}").render(ui=renderer.on(HOME).ui)


def test_text_follows_the_page_language(renderer):
    text = Localised(en="Prevention", cy="Atal")
    assert on_page(renderer, "principles.html", "cy").translate(text) == "Atal"
    assert on_page(renderer, "principles.html", "en").translate(text) == "Prevention"


def test_the_page_is_passed_not_remembered(renderer):
    # One renderer serves every page of a build: rendering a Welsh page leaves nothing behind for the next.
    section = Section(id="s", title=Localised(en="Prevention", cy="Atal"), body="Body")
    welsh = str(renderer.render("section.html", PageContext(url="principles.html", language="cy"), section=section))
    english = str(renderer.render("section.html", HOME, section=section))
    assert "Atal" in welsh and "Prevention" not in welsh
    assert "Prevention" in english and "Atal" not in english
    assert not hasattr(renderer, "page")


def test_a_long_journey_lists_its_ends_and_the_stops_near_the_page_with_gaps():
    from macros.pages import Journey, Stop

    stops = tuple(Stop(f"s{i}", f"Step {i}", f"s{i}.html") for i in range(40))
    shown = Journey("step", stops, current=20).shown()
    assert [None if item is None else item[0] for item in shown] == [0, None, 18, 19, 20, 21, 22, None, 39]
    assert [item[0] for item in Journey("step", stops[:5], current=2).shown()] == [0, 1, 2, 3, 4]  # short: all
    assert [None if i is None else i[0] for i in Journey("step", stops, current=1).shown()] == [0, 1, 2, 3, None, 39]


def test_a_long_journey_keeps_each_listed_steps_true_number(renderer):
    from bs4 import BeautifulSoup

    from macros.pages import Journey, Stop

    stops = tuple(Stop(f"s{i}", f"Step {i + 1}", f"s{i}.html") for i in range(40))
    html = str(renderer.render("journey-position.html", HOME, journey=Journey("step", stops, current=20)))
    items = [" ".join(li.get_text(" ").split()) for li in BeautifulSoup(html, "html.parser").select("ol > li")]
    assert items == ["1. Step 1", "…", "19. Step 19", "20. Step 20", "21. Step 21", "22. Step 22", "23. Step 23",
                     "…", "40. Step 40"]
