"""The journey through the guides, server-rendered (no JavaScript needed): where each step and Big Idea
sits and the way on, "On this page", "Check your answers", the start page, and the text faithful to the
source where its PDF lost words. Read from the built site, words from the content."""

from __future__ import annotations

import re

import pytest

from tests.conftest import ROOT
from macros.content import load_toolkit

TOOLKIT = load_toolkit()
STEPS = ["principles.html", *(TOOLKIT.page_path(step.id) for step in TOOLKIT.process.steps)]
STEP_NAMES = [TOOLKIT.page_by_id["step.principles"].title.en, *(step.title.en for step in TOOLKIT.process.steps)]
IDEAS = [*(TOOLKIT.page_path(idea.id) for idea in TOOLKIT.big_ideas.ideas), TOOLKIT.page_path(TOOLKIT.big_ideas.own_idea.id)]
IDEA_NAMES = [*(idea.title.en for idea in TOOLKIT.big_ideas.ideas), TOOLKIT.big_ideas.own_idea.title.en]
ui = TOOLKIT.text


def words(element) -> str:
    return " ".join(element.get_text(" ").split())


def resolve(page: str, href: str) -> str:
    import posixpath
    return posixpath.normpath(posixpath.join(posixpath.dirname(page), href.split("#")[0]))


# -- a way on ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("sequence,names,kind", [(STEPS, STEP_NAMES, "step"), (IDEAS, IDEA_NAMES, "idea")])
def test_every_step_and_idea_links_to_the_previous_and_next_by_name(site, sequence, names, kind):
    for index, page in enumerate(sequence):
        nav = site.soup(page).select_one("[data-journey-pagination]")
        assert nav is not None, f"{page}: no previous/next links"
        next_link = nav.select_one("[data-journey-next]")
        previous = nav.select_one("[data-journey-previous]")
        if index + 1 < len(sequence):
            assert next_link is not None and resolve(page, next_link["href"]) == sequence[index + 1], page
            assert words(next_link) == f"{ui('journey.next')}: {names[index + 1]}", page
            assert "md-button" in next_link["class"], f"{page}: the next link is not styled as a button"
        if index > 0:
            assert previous is not None and resolve(page, previous["href"]) == sequence[index - 1], page
            assert names[index - 1] in words(previous) and ui("journey.previous") in words(previous)
    # The first step's way back and the last step's way on leave the sequence, to pages that exist.
    assert site.soup(sequence[0]).select_one("[data-journey-previous]") is not None
    for link in site.soup(sequence[-1]).select("[data-journey-pagination] a"):
        assert (site.root / resolve(sequence[-1], link["href"])).is_file()


def test_every_step_says_where_it_sits_with_the_steps_named_from_the_content(site):
    for number, page in enumerate(STEPS, start=1):
        nav = site.soup(page).select_one("[data-journey=step]")
        assert nav is not None, page
        position = ui("journey.step_of").replace("{number}", str(number)).replace("{total}", str(len(STEPS)))
        assert words(nav.select_one(".toolkit-journey__position")) == position
        items = nav.select(".toolkit-journey__steps > li")
        assert [words(li) for li in items] == [f"{n}. {name}" for n, name in enumerate(STEP_NAMES, start=1)]
        current = nav.select('[aria-current="step"]')
        assert len(current) == 1 and words(current[0]) == STEP_NAMES[number - 1]
        # Every other step is a link to its page.
        links = [resolve(page, a["href"]) for a in nav.select("a")]
        assert links == [p for p in STEPS if p != page]


def test_every_big_idea_says_where_it_sits(site):
    for number, page in enumerate(IDEAS, start=1):
        nav = site.soup(page).select_one("[data-journey=idea]")
        assert nav is not None, page
        expected = (ui("journey.idea_of").replace("{number}", str(number)).replace("{total}", str(len(IDEAS) - 1))
                    if number < len(IDEAS) else ui("journey.own_of"))
        assert words(nav.select_one(".toolkit-journey__position")) == expected
        assert [words(li) for li in nav.select(".toolkit-journey__steps > li")] == IDEA_NAMES


# -- on this page ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("page", ["principles.html", "process/redesign.html", "process/evaluate.html",
                                  "big-ideas/provider-alliances.html", "big-ideas/your-own.html"])
def test_long_pages_list_their_sections_and_questions_linked(site, page):
    soup = site.soup(page)
    contents = soup.select_one("[data-contents]")
    assert contents is not None, f"{page}: no 'On this page'"
    assert words(contents.select_one("h2")) == ui("contents.title")
    anchors = [a["href"] for a in contents.select("a")]
    assert len(anchors) >= 5
    for href in anchors:
        assert href.startswith("#") and soup.find(id=href[1:]) is not None, f"{page}: {href} goes nowhere"


def test_redesign_contents_name_every_question(site):
    contents = words(site.soup("process/redesign.html").select_one("[data-contents]"))
    step = TOOLKIT.step_by_id["redesign"]
    for group in step.groups:
        for question in group.questions:
            assert question.text.en in contents


# -- check your answers ------------------------------------------------------------------------------------


@pytest.mark.parametrize("worksheet", TOOLKIT.worksheets, ids=lambda w: w.id)
def test_every_worksheet_ends_with_check_your_answers(site, worksheet):
    soup = site.soup(worksheet.page)
    form = soup.select_one('form[data-module="worksheet"]')
    listing = form.select_one("[data-check-answers]")
    assert listing is not None and listing["data-worksheet"] == worksheet.id
    slots = listing.select("[data-check-answer]")
    if worksheet.kind == "step":
        expected = [q.id for group in worksheet.step.groups for q in group.questions]
    else:
        lenses = [lens.id for lens in TOOLKIT.big_ideas.questions + TOOLKIT.big_ideas.tests]
        expected = (["own-idea.name", "own-idea.idea"] if worksheet.idea is None else []) + lenses
    assert [slot["data-check-answer"] for slot in slots] == expected
    for slot in slots:
        assert words(slot) == ui("check.not_answered")
        link = slot.find_previous_sibling("dt").a
        assert link["href"] == f"#{slot['data-check-answer']}" and soup.find(id=slot["data-check-answer"])
    button = form.select_one('#check-answers button[data-action="print"]')
    assert button is not None and button.get("type") == "button"


# -- the start page ----------------------------------------------------------------------------------------


def test_home_is_a_start_page_with_one_start_button(site):
    soup = site.soup("index.html")
    main = soup.select_one("article")
    text = words(main)
    body = TOOLKIT.page_by_id["page.home"].body.en
    for sentence in ("It is for commissioners", "allow about", "Your answers stay on this device"):
        assert sentence in body and sentence in text
    start = main.select("[data-start]")
    assert len(start) == 1 and words(start[0]) == TOOLKIT.page_by_id["page.home.start"].title.en
    assert resolve("index.html", start[0]["href"]) == "principles.html"
    # Readers reach either guide in one click.
    targets = {resolve("index.html", a["href"]) for a in main.select("a[href]")}
    assert {"process/index.html", "big-ideas/index.html"} <= targets


def test_start_page_words_come_from_the_content_not_the_templates():
    template = re.sub(r"\{#.*?#\}", "", (ROOT / "overrides/partials/toolkit/start.html").read_text(), flags=re.S)
    # Outside Jinja comments, tags and expressions, the template holds no words.
    bare = re.sub(r"\{\{.*?\}\}|\{%.*?%\}|<[^>]*>", " ", template, flags=re.S)
    assert not re.search(r"[A-Za-z]{2,}", bare), bare


# -- faithful text -----------------------------------------------------------------------------------------


def test_no_published_sentence_breaks_off_without_saying_why(site):
    for page in ("process/redesign.html", "principles.html", "cy/process/redesign.html", "cy/principles.html"):
        text = words(site.soup(page).select_one("article"))
        assert "[…]" not in text, page
        assert not re.search(r"can be found here:\s*$|can be found here:\s+\S+ [a-z]", text), page
        assert "ar gael yma:" not in text, page


def test_every_gap_in_the_redesign_prompts_is_marked_and_links_the_source(site):
    soup = site.soup("process/redesign.html")
    question = TOOLKIT.question_by_id["redesign.design-options"]
    for option in question.options:
        box = soup.find(id=option.id)
        note = box.select_one("[data-editorial]")
        if option.gap:
            assert note is not None and ui("editorial.incomplete") in words(note), option.id
            assert resolve("process/redesign.html", note.a["href"]) == "sources.html"
        else:
            assert note is None


def test_reconstructed_principle_sentences_say_so(site):
    text = words(site.soup("principles.html").select_one("article"))
    assert "Co-production Network Wales. Words in square brackets are an editorial reconstruction" in text
    assert "this sentence is an editorial reconstruction" in text
    assert not re.search(r"(?<![a-z] )Co-production Network Wales\s+(?=[A-Z])(?!\.)", text.replace(
        "[This way of working is set out by] Co-production Network Wales.", ""))


def test_evaluate_scores_rows_with_the_guides_own_labels(site):
    soup = site.soup("process/evaluate.html")
    legends = [words(legend) for legend in soup.select('[data-question="evaluate.principle-scores"] .toolkit-score legend')]
    assert legends == ["Well-being outcomes", "Users and carers as co-producers, with voice and control",
                       "Collaboration between relevant agencies", "Prevention or reduction of dependency",
                       "Added social, environmental and economic value", "Sustainability"]


# -- embedding, contact ------------------------------------------------------------------------------------


def test_embed_code_is_in_one_place_linked_from_every_footer(site):
    for page in site.pages():
        soup = site.soup(page)
        assert soup.select_one(".toolkit-embed-panel, [data-module=embed-panel]") is None, page
        links = [a["href"] for a in soup.select("[data-council-footer] a")]
        assert any(href.endswith("deployment.html#embedding") for href in links), page
    assert site.soup("deployment.html").find(id="embedding") is not None


def test_the_accessibility_statement_names_a_contact_that_exists(site):
    for page in ("accessibility.html", "cy/accessibility.html"):
        contact = site.soup(page).select_one("[data-help-contact]")
        assert contact is not None, page
        # council.yml names no contact here, so the publishers' own (sources.yaml) are given.
        assert contact["data-help-contact"] == "publishers"
        assert "mailto:info@cwmpas.coop" in [a["href"] for a in contact.select("a")]
        assert "named in the footer" not in words(site.soup(page).select_one("article"))
