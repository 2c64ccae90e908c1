"""Print shows the worksheet as a document, with answers in full and no controls; without JavaScript the
form still reads and prints."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from worksheet_support import FORM, open_worksheet, type_answer, wait_saved

pytestmark = pytest.mark.browser

LONG = "\n".join(f"Line {n} of a long answer that a textarea would clip when printed." for n in range(1, 31))


def test_print_shows_title_assessment_questions_guidance_and_answers_but_no_controls(page, base_url):
    open_worksheet(page, base_url + "process/evaluate.html")
    type_answer(page, "evaluate.core-purpose", LONG)
    page.locator('[name="evaluate.principle-scores/principle.prevention/score"][value="partly"]').check()
    wait_saved(page)
    page.emulate_media(media="print")
    expect(page.locator("h1")).to_have_text("Evaluate")
    expect(page.locator("[data-print-head]")).to_be_visible()
    expect(page.locator("[data-print-head]")).to_contain_text("Assessment: My assessment")
    expect(page.locator("[data-print-head]")).to_contain_text("Printed:")
    expect(page.get_by_text("Why this question is important").first).to_be_visible()
    mirror = page.locator("#evaluate\\.core-purpose .toolkit-print-answer")
    expect(mirror).to_be_visible()
    expect(mirror).to_contain_text("Line 30 of a long answer")  # all of it, not clipped
    expect(page.locator('[name="evaluate.core-purpose"]')).to_be_hidden()
    expect(page.locator('[name="evaluate.principle-scores/principle.prevention/score"][value="partly"]')).to_be_checked()
    for hidden in (".md-header", ".md-sidebar--primary", ".md-footer", "[data-bar]", "[data-nojs]"):
        expect(page.locator(hidden).first).to_be_hidden()
    assert page.locator(f"{FORM} button:visible, {FORM} select:visible, {FORM} input[type=file]:visible").count() == 0
    page.emulate_media(media="screen")
    expect(page.locator(f"{FORM} .toolkit-bar[data-bar]")).to_be_visible()
    expect(mirror).to_be_hidden()


def test_a_blank_worksheet_prints_with_writing_space(page, base_url):
    open_worksheet(page, base_url + "process/deliver.html")
    page.emulate_media(media="print")
    field = page.locator('[name="deliver.keep-talking"]')
    expect(field).to_be_visible()
    box = field.bounding_box()
    assert box and box["height"] >= 90, "a blank answer prints as several ruled lines to write on"
    assert "repeating-linear-gradient" in field.evaluate("el => getComputedStyle(el).backgroundImage")


def test_without_javascript_the_worksheet_reads_and_prints(new_page, base_url, site):
    page = new_page(java_script_enabled=False)
    page.goto(base_url + "process/redesign.html")
    form = page.locator(FORM)
    expect(form).to_be_visible()
    expect(page.get_by_text("Your answers can be saved on this device when JavaScript is turned on")).to_be_visible()
    for bar in page.locator("[data-bar]").all():
        expect(bar).to_be_hidden()
    expect(page.get_by_role("button", name="Save to a file (JSON)")).to_be_hidden()
    expect(page.get_by_label("Q3 What is the core purpose of the service?")).to_be_editable()
    expect(page.get_by_role("group", name="Has this changed from Step 2?").first).to_be_visible()
    published = site.soup("process/redesign.html").select(f"{FORM} textarea[name]")
    assert form.locator("textarea[name]").count() == len(published) > 10
    page.emulate_media(media="print")
    expect(page.locator(".md-header")).to_be_hidden()
    expect(page.locator("[data-nojs]")).to_be_hidden()
    expect(page.get_by_label("Q3 What is the core purpose of the service?")).to_be_visible()
