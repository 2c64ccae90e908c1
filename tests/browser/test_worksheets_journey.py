"""The worksheet's side of the journey: earlier answers carried forward (never copied unasked), the
chart readable on a laptop, formatted text on the clipboard, dates in the page's language, and a My
worksheets page that starts somewhere when it is empty."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from worksheet_support import FORM, open_worksheet, read_all, type_answer, wait_saved

pytestmark = pytest.mark.browser


def test_an_evaluate_answer_is_shown_on_redesign_and_copied_only_when_asked(page, base_url):
    open_worksheet(page, base_url + "process/evaluate.html")
    type_answer(page, "evaluate.core-purpose", "Day opportunities for adults")
    page.locator('[name="evaluate.principle-scores/principle.prevention/score"][value="partly"]').check()
    wait_saved(page)
    open_worksheet(page, base_url + "process/redesign.html")
    carried = page.locator('[data-carried-from="evaluate.core-purpose"]')
    expect(carried).to_be_visible()
    expect(carried).to_contain_text("Your answer in Evaluate")
    expect(carried).to_contain_text("Day opportunities for adults")
    assert read_all(page) == {}, "nothing is copied without the person asking"
    carried.get_by_role("button", name="Use this answer").click()
    expect(page.locator('[name="redesign.core-purpose"]')).to_have_value("Day opportunities for adults")
    wait_saved(page)
    # The Evaluate score is shown beside the Redesign score, and used only on request too.
    score = page.locator('[data-carried-from="evaluate.principle-scores/principle.prevention/score"]')
    expect(score).to_contain_text("Partly")
    assert page.locator('[name="redesign.options-score/principle.prevention/score"]:checked').count() == 0
    score.get_by_role("button", name="Use this answer").click()
    expect(page.locator('[name="redesign.options-score/principle.prevention/score"][value="partly"]')).to_be_checked()
    page.reload()
    expect(page.locator('[name="redesign.core-purpose"]')).to_have_value("Day opportunities for adults")


def test_an_earlier_answer_not_given_is_not_shown(page, base_url):
    open_worksheet(page, base_url + "process/redesign.html")
    expect(page.locator("[data-carried-from]").first).to_be_attached()
    expect(page.locator("[data-carried-from]:visible")).to_have_count(0)


def test_the_charts_words_are_at_least_12_pixels_on_a_laptop(new_page, base_url):
    page = new_page(viewport={"width": 1366, "height": 800})
    open_worksheet(page, base_url + "process/evaluate.html")
    page.locator('[name="evaluate.principle-scores/principle.prevention/score"][value="mostly"]').check()
    chart = page.locator(".toolkit-chart").first
    expect(chart).to_be_visible()
    sizes = chart.evaluate("""(svg) => [...svg.querySelectorAll('text')].map((text) => {
        const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
        return parseFloat(getComputedStyle(text).fontSize) * scale;
    })""")
    assert sizes and min(sizes) >= 12, sizes


def test_copy_as_text_puts_formatted_text_and_plain_text_on_the_clipboard(new_page, base_url):
    page = new_page(permissions=["clipboard-read", "clipboard-write"])
    open_worksheet(page, base_url + "process/evaluate.html")
    type_answer(page, "evaluate.who-to-talk-with", "Providers' forum\nPeople who use the service")
    type_answer(page, "evaluate.core-purpose", "<b>Not bold</b>")
    wait_saved(page)
    page.locator(f"{FORM} .toolkit-files > summary").click()
    page.get_by_role("button", name="Copy as text").click()
    expect(page.get_by_role("status")).to_have_text("Copied the answers as text.")
    clip = page.evaluate("""async () => {
        const [item] = await navigator.clipboard.read();
        const out = {};
        for (const type of item.types) out[type] = await (await item.getType(type)).text();
        return out;
    }""")
    assert set(clip) >= {"text/html", "text/plain"}
    html = clip["text/html"]
    assert "<h1>Evaluate</h1>" in html and "<h3>" in html
    assert "<li>Providers' forum</li>" in html and "<li>People who use the service</li>" in html
    assert "&lt;b&gt;Not bold&lt;/b&gt;" in html and "<b>Not bold</b>" not in html
    assert "Providers' forum" in clip["text/plain"] and "##" not in clip["text/plain"] and "**" not in clip["text/plain"]


def test_welsh_pages_write_dates_in_welsh(page, base_url):
    open_worksheet(page, base_url + "cy/process/evaluate.html")
    type_answer(page, "evaluate.core-purpose", "Gwasanaethau dydd")
    page.locator("[data-status]").first.filter(has_text=re.compile(r"\d\d:\d\d$")).wait_for()
    page.goto(base_url + "cy/my-worksheets.html")
    cell = page.locator("[data-mine-list] td").nth(1)
    months = "Ionawr|Chwefror|Mawrth|Ebrill|Mai|Mehefin|Gorffennaf|Awst|Medi|Hydref|Tachwedd|Rhagfyr"
    expect(cell).to_have_text(re.compile(rf"^\d{{1,2}} ({months}) \d{{4}}, \d\d:\d\d$"))
    assert not re.search(r"AM|PM|January|February|March|April|June|July|August|September|October|November|December", cell.inner_text())


def test_an_empty_my_worksheets_leads_to_a_worksheet_not_to_delete_all(page, base_url):
    page.goto(base_url + "my-worksheets.html")
    start = page.locator("[data-mine-list]").get_by_role("link", name="Start with Evaluate")
    expect(start).to_be_visible()
    expect(page.get_by_role("button", name="Delete all my data")).to_be_hidden()
    start.click()
    expect(page).to_have_url(re.compile(r"process/evaluate\.html$"))


def test_check_your_answers_lists_each_answer_or_not_answered_yet_with_a_link(page, base_url):
    open_worksheet(page, base_url + "process/evaluate.html")
    type_answer(page, "evaluate.core-purpose", "Day opportunities")
    page.locator('[name="evaluate.principle-scores/principle.prevention/score"][value="mostly"]').check()
    check = page.locator("[data-check-answers]")
    check.scroll_into_view_if_needed()  # the list is filled once the person reaches it
    expect(check.locator('[data-check-answer="evaluate.core-purpose"]')).to_have_text("Day opportunities")
    expect(check.locator('[data-check-answer="evaluate.data"]')).to_have_text("Not answered yet")
    expect(check.locator('[data-check-answer="evaluate.principle-scores"]')).to_contain_text("Mostly")
    link = check.locator('a[href="#evaluate.core-purpose"]')
    expect(link).to_be_visible()
    wait_saved(page)
    page.reload()
    page.locator("[data-check-answers]").scroll_into_view_if_needed()
    expect(page.locator('[data-check-answers] [data-check-answer="evaluate.core-purpose"]')).to_have_text("Day opportunities")
