"""Everything in content/ is published: read the content through the loader, then look for it in site/.

Text is compared as a reader sees it: Markdown fields are rendered with the same Markdown library, tags
are stripped and whitespace is dropped, and the result must appear inside the element whose id is the
item's id (so each question is found on its own page, under the id its worksheet answers use).
"""

from __future__ import annotations

import json

import posixpath
import re

import markdown
import pytest
from bs4 import BeautifulSoup, Tag

from macros.content import load_toolkit
from macros.models import NOTE_REFERENCE, Localised
from macros.render import MARKDOWN_EXTENSIONS

TOOLKIT = load_toolkit()  # for parametrising: each failure names the item's id
NOTES = {note.id: note for note in TOOLKIT.big_ideas.notes}
STEP_QUESTIONS = [(step.id, question) for step, question in TOOLKIT.step_questions()]
IDEAS = TOOLKIT.big_ideas.ideas
SECTIONS = [
    *TOOLKIT.principles.intro,
    TOOLKIT.principles.principles_intro,
    *TOOLKIT.principles.closing,
    TOOLKIT.process.matrix,
    *TOOLKIT.big_ideas.intro,
    TOOLKIT.big_ideas.core_components,
    TOOLKIT.big_ideas.own_idea,
]


def squeezed(text: str) -> str:
    return "".join(text.split())


def shown(value: Localised | str | None, md: bool = False) -> str:
    """What a reader sees of a content string (English): Markdown rendered, notes as their markers."""
    text = value.en if isinstance(value, Localised) else (value or "")
    text = NOTE_REFERENCE.sub(lambda match: NOTES[match.group(1)].marker, text)
    if md:
        text = BeautifulSoup(markdown.markdown(text, extensions=MARKDOWN_EXTENSIONS), "html.parser").get_text(" ")
    return squeezed(text)


def element(site, page: str, element_id: str) -> Tag:
    found = site.soup(page).find(id=element_id)
    assert found is not None, f"{page} has no element with id '{element_id}'"
    return found


def assert_shows(container: Tag, *expected: str) -> None:
    seen = squeezed(container.get_text(" "))
    for text in expected:
        assert text and text in seen, f"not published in #{container.get('id')}: {text[:80]}…"


def english_pages(site) -> list[str]:
    return [page for page in site.pages() if not page.startswith("cy/")]


# -- principles ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("principle", TOOLKIT.principles.principles, ids=lambda p: p.id)
def test_principle_is_published_with_its_definition(site, principle):
    card = element(site, "principles.html", principle.id)
    assert_shows(card, shown(principle.name), shown(principle.definition, md=True))
    if principle.full_name.en != principle.name.en:
        assert_shows(card, shown(principle.full_name))


# -- the process: steps and their questions -----------------------------------------------------------------


@pytest.mark.parametrize("step_id, question", STEP_QUESTIONS, ids=[q.id for _, q in STEP_QUESTIONS])
def test_question_is_published_on_its_step_page_with_its_guidance(site, step_id, question):
    box = element(site, f"process/{step_id}.html", question.id)
    assert_shows(box, shown(question.text))
    for md, value in [
        (True, question.hint),
        (True, question.guidance),
        (True, question.guidance_after),
        (True, question.example),
        *[(True, person) for person in question.stakeholders],
        *[(False, choice) for choice in question.choices],
    ]:
        if value is not None:
            assert_shows(box, shown(value, md))
    for option in question.options:
        assert_shows(element(site, f"process/{step_id}.html", option.id), shown(option.title), shown(option.prompt, md=True))


@pytest.mark.parametrize("step_id, question", STEP_QUESTIONS, ids=[q.id for _, q in STEP_QUESTIONS])
def test_question_has_form_fields_named_by_its_id(site, step_id, question):
    box = element(site, f"process/{step_id}.html", question.id)
    names = {field["name"] for field in box.find_all(["input", "textarea", "select"]) if field.get("name")}
    assert names, f"{question.id} has no form fields"
    assert all(name == question.id or name.startswith(question.id + "/") for name in names), names
    if question.answer in ("text", "list"):
        assert question.id in names
    for principle in question.principles:
        assert f"{question.id}/{principle}/score" in names
    for option in question.options:
        assert {f"{question.id}/{option.id}/current", f"{question.id}/{option.id}/better"} <= names
    if question.changed_since:
        assert box.find(attrs={"data-changed-since": question.changed_since}) is not None


@pytest.mark.parametrize("step", TOOLKIT.process.steps, ids=lambda s: s.id)
def test_step_page_has_its_intro_groups_and_closing(site, step):
    page = f"process/{step.id}.html"
    assert_shows(site.soup(page), shown(step.title))
    for value, md in ((step.intro, True), (step.callout, True), (step.closing, True)):
        if value is not None:
            assert_shows(site.soup(page), shown(value, md))
    for group in step.groups:
        box = element(site, page, group.id)
        if group.title:
            assert_shows(box, shown(group.title))
        if group.intro:
            assert_shows(box, shown(group.intro, md=True))


@pytest.mark.parametrize("step", TOOLKIT.process.steps, ids=lambda s: s.id)
def test_matrix_shows_every_step_and_its_questions(site, step):
    table = site.soup("process/index.html").find("table")
    assert table is not None, "process/index.html has no matrix table"
    assert_shows(table, shown(step.matrix_title), *[shown(question) for question in step.matrix_questions])


def test_matrix_lists_the_principles(site):
    table = site.soup("process/index.html").find("table")
    assert_shows(table, *[shown(principle.matrix_label) for principle in TOOLKIT.principles.principles])


# -- Big Ideas ---------------------------------------------------------------------------------------------


def idea_page(idea) -> str:
    return f"big-ideas/{idea.id.removeprefix('big-idea.')}.html"


@pytest.mark.parametrize("idea", IDEAS, ids=lambda i: i.id)
def test_big_idea_is_published_with_its_implications_tests_and_implementation(site, idea):
    page = idea_page(idea)
    article = element(site, page, idea.id)
    assert_shows(site.soup(page), shown(idea.title))
    assert_shows(article, shown(idea.idea, md=True), shown(idea.implementation, md=True))
    if idea.enablers:
        assert_shows(article, shown(idea.enablers, md=True))
    for lens in TOOLKIT.big_ideas.questions:
        assert_shows(element(site, page, f"{idea.id}.{lens.id}"), shown(lens.short), shown(idea.implications[lens.id], md=True))
    for lens in TOOLKIT.big_ideas.tests:
        assert_shows(element(site, page, f"{idea.id}.{lens.id}"), shown(lens.text), shown(idea.tests[lens.id], md=True))


@pytest.mark.parametrize("idea", IDEAS, ids=lambda i: i.id)
def test_big_idea_page_has_a_worksheet_on_the_three_questions_and_four_tests(site, idea):
    form = site.soup(idea_page(idea)).find("form", attrs={"data-worksheet": idea.id})
    assert form is not None
    names = {field["name"] for field in form.find_all(["input", "textarea"]) if field.get("name")}
    for lens in TOOLKIT.big_ideas.questions:
        assert lens.id in names
    for lens in TOOLKIT.big_ideas.tests:
        assert f"{lens.id}/rating" in names and f"{lens.id}/reasons" in names


@pytest.mark.parametrize("approach", TOOLKIT.big_ideas.approaches, ids=lambda a: a.id)
def test_approach_lists_its_ideas_on_the_overview(site, approach):
    box = element(site, "big-ideas/index.html", approach.id)
    assert_shows(box, shown(approach.title), *[shown(i.title) for i in IDEAS if i.approach == approach.id])
    if approach.description:
        assert_shows(box, shown(approach.description, md=True))


@pytest.mark.parametrize(
    "lens", [*TOOLKIT.big_ideas.questions, *TOOLKIT.big_ideas.tests], ids=lambda lens: lens.id
)
def test_lens_is_published_on_the_questions_and_tests_page(site, lens):
    item = element(site, "big-ideas/questions-and-tests.html", lens.id)
    assert_shows(item, shown(lens.text))
    if lens.hint:
        assert_shows(item, shown(lens.hint, md=True))


def test_big_ideas_overview_texts_are_published(site):
    guide = TOOLKIT.big_ideas
    for page, value in [
        ("big-ideas/index.html", guide.approaches_note),
        ("big-ideas/questions-and-tests.html", guide.lenses_intro),
        ("big-ideas/questions-and-tests.html", guide.contributions),
    ]:
        if value is not None:
            assert_shows(site.soup(page), shown(value, md=True))


# -- notes ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("note", TOOLKIT.big_ideas.notes, ids=lambda n: n.id)
def test_note_is_published_with_its_link(site, note):
    item = element(site, "big-ideas/notes.html", note.id)
    assert_shows(item, squeezed(note.marker), shown(note.text, md=True))
    if note.url:
        assert item.find("a", href=note.url) is not None, f"{note.id} does not link to {note.url}"


def note_links(site) -> list[tuple[str, str]]:
    """(page, target) of every note marker in the English site, the target resolved from the page."""
    found = []
    for page in english_pages(site):
        for link in site.soup(page).select("sup.toolkit-note-ref a[href]"):
            path, _, anchor = link["href"].partition("#")
            found.append((page, posixpath.normpath(posixpath.join(posixpath.dirname(page), path)) + "#" + anchor))
    return found


def referenced_notes() -> list[str]:
    return sorted({match for text in _all_english() for match in NOTE_REFERENCE.findall(text)})


def _all_english() -> list[str]:
    texts = []

    def walk(value):
        if isinstance(value, Localised):
            texts.append(value.en)
        elif hasattr(type(value), "model_fields"):
            for name in type(value).model_fields:
                walk(getattr(value, name))
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    for model in (TOOLKIT.sources, TOOLKIT.principles, TOOLKIT.process, TOOLKIT.big_ideas):
        walk(model)
    return texts


@pytest.mark.parametrize("note_id", referenced_notes())
def test_every_note_reference_is_a_link_to_the_note(site, note_id):
    targets = {target for _, target in note_links(site)}
    assert f"big-ideas/notes.html#{note_id}" in targets


def test_every_note_marker_links_to_a_note_that_exists(site):
    links = note_links(site)
    assert links
    broken = [(page, target) for page, target in links if target.removeprefix("big-ideas/notes.html#") not in NOTES
              or not target.startswith("big-ideas/notes.html#")]
    assert not broken, broken


@pytest.mark.parametrize("page", ["index.html", "principles.html", "big-ideas/index.html", "big-ideas/core-funding.html"])
def test_no_note_marker_is_left_unlinked(site, page):
    assert "[[" not in site.soup(page).get_text()


# -- sections, sources and navigation ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def pages_by_id(site) -> dict[str, list[str]]:
    index: dict[str, list[str]] = {}
    for page in english_pages(site):
        for tag in site.soup(page).find_all(id=True):
            index.setdefault(tag["id"], []).append(page)
    return index


@pytest.mark.parametrize("section", SECTIONS, ids=lambda s: s.id)
def test_section_is_published_somewhere(site, pages_by_id, section):
    pages = pages_by_id.get(section.id)
    assert pages, f"no page has an element with id '{section.id}'"
    box = element(site, pages[0], section.id)
    assert_shows(box, shown(section.body, md=True))
    assert_shows(site.soup(pages[0]), shown(section.title))


def test_the_principles_callout_is_published(site):
    if TOOLKIT.principles.principles_callout:
        assert_shows(site.soup("principles.html"), shown(TOOLKIT.principles.principles_callout, md=True))


@pytest.mark.parametrize("source", TOOLKIT.sources.sources, ids=lambda s: s.id)
def test_source_is_credited_with_its_contact_details(site, source):
    box = element(site, "sources.html", source.id)
    assert_shows(box, shown(source.publisher, md=True))  # Markdown: it marks "Llywodraeth Cymru" as Welsh
    assert_shows(box, *[shown(value) for value in (
        source.title, source.authors, source.date, source.licence, source.attribution,
    )])
    for note in source.notes:
        assert_shows(box, shown(note, md=True))
    for contact in source.contacts:
        assert_shows(box, shown(contact.name), *[shown(line) for line in contact.lines])
        for link in contact.links:
            anchor = box.find("a", href=link.url)
            assert anchor is not None and squeezed(anchor.get_text()) == shown(link.text), link.url


def navigation_targets(site, page: str = "index.html") -> set[str]:
    """Pages linked from the site's navigation (every nav outside the page's own content)."""
    targets = set()
    for nav in site.soup(page).find_all("nav"):
        if nav.find_parent("article"):
            continue
        for link in nav.find_all("a", href=True):
            path = link["href"].partition("#")[0]
            if path and not re.match(r"^[a-z]+:", path):
                targets.add(posixpath.normpath(posixpath.join(posixpath.dirname(page), path)))
    return targets


def test_navigation_links_only_to_pages_that_exist(site):
    missing = [target for target in navigation_targets(site) if not (site.root / target).exists()]
    assert not missing


@pytest.mark.parametrize(
    "page",
    ["index.html", "principles.html", "process/index.html", "sources.html", "big-ideas/notes.html",
     *[f"process/{step.id}.html" for step in TOOLKIT.process.steps], *[idea_page(idea) for idea in IDEAS]],
)
def test_navigation_reaches_every_content_page(site, page):
    assert page in navigation_targets(site)


def test_navigation_reaches_every_built_page(site):
    unreachable = sorted(set(english_pages(site)) - navigation_targets(site))
    assert not unreachable, f"pages no navigation links to: {unreachable}"


def test_search_leads_to_the_worksheets_not_to_the_report(site, toolkit):
    """The report repeats every worksheet's questions: a search for one leads to the worksheet itself."""
    for folder in ("", "cy/"):
        index = json.loads((site.root / folder / "search" / "search_index.json").read_text(encoding="utf-8"))
        locations = {doc["location"].split("#")[0] for doc in index["docs"]}
        assert "report.html" not in locations
        assert {"process/evaluate.html", "big-ideas/core-funding.html"} <= locations
