"""The journey in real Chromium: the way on through the steps and ideas, "On this page" beside the page
on a laptop and at its top on a phone, the matrix's words whole at 1366 and 390 px, answer boxes that grow,
the save status in view while typing, and print without the site's chrome or the embed panel."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

LAPTOP = {"width": 1366, "height": 768}
PHONE = {"width": 390, "height": 844}


def test_next_leads_through_every_step_and_every_idea(base_url, new_page, toolkit):
    page = new_page(viewport=LAPTOP)
    page.goto(base_url + "principles.html")
    for number, step in enumerate(toolkit.process.steps, start=2):  # the principles are step 1
        page.locator("[data-journey-next]").click()
        expect(page).to_have_url(re.compile(re.escape(toolkit.page_path(step.id)) + "$"))
        expect(page.locator("h1")).to_have_text(step.title.en)
        expect(page.locator(".toolkit-journey__step--current")).to_have_text(f"{number}. {step.title.en}")
    page.locator("[data-journey-previous]").click()
    expect(page).to_have_url(re.compile(re.escape(toolkit.page_path(toolkit.process.steps[-2].id)) + "$"))

    ideas = [*toolkit.big_ideas.ideas, toolkit.big_ideas.own_idea]
    page.goto(base_url + toolkit.page_path(ideas[0].id))
    for idea in ideas[1:]:
        page.locator("[data-journey-next]").click()
        expect(page).to_have_url(re.compile(re.escape(toolkit.page_path(idea.id)) + "$"))
    expect(page.locator("[data-journey-next]")).to_have_count(0)


def test_the_way_on_is_a_row_of_buttons(base_url, new_page):
    page = new_page(viewport=LAPTOP)
    page.goto(base_url + "process/evaluate.html")
    nxt, prev = page.locator("[data-journey-next]"), page.locator("[data-journey-previous]")
    assert nxt.evaluate("(a) => getComputedStyle(a).backgroundColor") not in ("rgba(0, 0, 0, 0)", "transparent")
    assert nxt.bounding_box()["x"] > prev.bounding_box()["x"] + prev.bounding_box()["width"]


def test_on_this_page_is_beside_the_page_on_a_laptop_and_at_its_top_on_a_phone(base_url, new_page):
    page = new_page(viewport=LAPTOP)
    page.goto(base_url + "process/redesign.html")
    contents = page.locator("[data-contents]")
    form = page.locator("form[data-module=worksheet]")
    assert contents.bounding_box()["x"] >= form.bounding_box()["x"] + form.bounding_box()["width"]
    # It stays in view as the page scrolls.
    page.locator("#check-answers").scroll_into_view_if_needed()
    box = contents.bounding_box()
    assert 0 <= box["y"] < LAPTOP["height"]
    phone = new_page(viewport=PHONE)
    phone.goto(base_url + "process/redesign.html")
    contents, form = phone.locator("[data-contents]"), phone.locator("form[data-module=worksheet]")
    assert contents.bounding_box()["y"] + contents.bounding_box()["height"] <= form.bounding_box()["y"]
    contents.get_by_role("link", name=re.compile("^Q4 ")).click()
    expect(phone).to_have_url(re.compile("#redesign.design-options$"))


# Every word of the matrix on one line: a word broken part-way has a range with two line boxes. A line may
# end at a hyphen ("re-|design"), so the parts of a hyphenated word are words of their own.
BROKEN_WORDS = """(table) => {
    const broken = [];
    const walker = document.createTreeWalker(table, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (const match of node.data.matchAll(/[^\\s\u2010-]+[\u2010-]?/g)) {
            const range = document.createRange();
            range.setStart(node, match.index);
            range.setEnd(node, match.index + match[0].length);
            const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
            if (tops.size > 1) broken.push(match[0]);
        }
    }
    return broken;
}"""


@pytest.mark.parametrize("viewport", [LAPTOP, PHONE], ids=["1366px", "390px"])
def test_no_word_of_the_matrix_is_broken_mid_word(base_url, new_page, viewport):
    page = new_page(viewport=viewport)
    page.goto(base_url + "process/index.html")
    table = page.locator(".toolkit-matrix")
    assert table.evaluate(BROKEN_WORDS) == []
    if viewport is LAPTOP:  # the whole width of the content column
        wrap = page.locator(".toolkit-table-wrap").bounding_box()
        article = page.locator("article").bounding_box()
        assert table.bounding_box()["width"] >= wrap["width"] - 1 >= article["width"] - 60


def test_an_answer_box_grows_with_its_text_and_the_status_stays_in_view(base_url, new_page):
    page = new_page(viewport=LAPTOP)
    page.goto(base_url + "process/evaluate.html")
    box = page.locator("textarea").first
    empty = box.bounding_box()["height"]
    box.fill("\n".join(f"Line {n}" for n in range(12)))
    assert box.bounding_box()["height"] > empty * 1.5
    box.fill("\n".join(f"Line {n}" for n in range(400)))
    assert box.bounding_box()["height"] <= LAPTOP["height"] * 0.75  # then it scrolls
    status = page.locator(".toolkit-bar [data-status]")
    expect(status).not_to_be_empty()
    page.locator("textarea").nth(3).scroll_into_view_if_needed()
    page.locator("textarea").nth(3).type("more")
    expect(status).to_be_in_viewport()


@pytest.mark.parametrize("path", ["process/redesign.html", "big-ideas/provider-alliances.html"])
def test_print_has_no_site_chrome_no_journey_and_no_embed_panel(base_url, new_page, path):
    page = new_page(viewport=LAPTOP)
    page.goto(base_url + path)
    page.emulate_media(media="print")
    for selector in (".md-header", ".md-sidebar--primary", ".md-footer", "[data-journey]",
                     "[data-journey-pagination]", "[data-contents]", "#check-answers", ".toolkit-language"):
        expect(page.locator(selector).first).to_be_hidden()
    expect(page.get_by_text("Embed this page")).to_have_count(0)
    # The worksheet starts on the first page: nothing above the title keeps it down, and no question
    # is held whole (a long one would push itself to the next page, leaving the first half empty).
    assert page.locator("h1").bounding_box()["y"] < 100
    assert page.locator(".toolkit-question").first.evaluate("(q) => getComputedStyle(q).breakInside") == "auto"
