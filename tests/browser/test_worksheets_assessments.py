"""Named assessments: create, switch, rename, duplicate and delete them; "My worksheets" lists them."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from worksheet_support import FORM, HOSTILE, open_worksheet, read_all, type_answer, wait_saved

pytestmark = pytest.mark.browser

EVALUATE = "process/evaluate.html"


def new_assessment(page, name: str) -> None:
    """Start a new assessment with the keyboard only: the button, the name, Enter."""
    page.get_by_role("button", name="New assessment").focus()
    page.keyboard.press("Enter")
    dialog = page.get_by_role("dialog", name="Start a new assessment")
    expect(dialog).to_be_visible()
    expect(dialog.get_by_label("Name of the assessment")).to_be_focused()
    page.keyboard.type(name)
    page.keyboard.press("Enter")
    expect(dialog).to_be_hidden()


def test_two_assessments_keep_their_answers_apart(page, base_url):
    open_worksheet(page, base_url + EVALUATE)
    type_answer(page, "evaluate.core-purpose", "Day services purpose")
    wait_saved(page)
    new_assessment(page, "Home care 2027")
    expect(page.get_by_role("status")).to_have_text('Started "Home care 2027".')
    assert read_all(page) == {}, "a new assessment starts blank"
    type_answer(page, "evaluate.core-purpose", "Home care purpose")
    wait_saved(page)
    chooser = page.get_by_label("Assessment you are working on")
    chooser.select_option(label="My assessment")
    expect(page.locator('[name="evaluate.core-purpose"]')).to_have_value("Day services purpose")
    chooser.select_option(label="Home care 2027")
    expect(page.locator('[name="evaluate.core-purpose"]')).to_have_value("Home care purpose")
    page.reload()
    expect(page.get_by_label("Assessment you are working on").locator("option:checked")).to_have_text("Home care 2027")
    expect(page.locator('[name="evaluate.core-purpose"]')).to_have_value("Home care purpose")


def test_a_new_assessment_needs_a_name(page, base_url):
    open_worksheet(page, base_url + EVALUATE)
    page.get_by_role("button", name="New assessment").click()
    dialog = page.locator("dialog[open]")
    dialog.get_by_role("button", name="Save").click()
    expect(dialog).to_contain_text("Enter a name for the assessment")
    expect(dialog.get_by_label("Name of the assessment")).to_be_focused()
    page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    expect(page.get_by_label("Assessment you are working on").locator("option")).to_have_count(1)


def test_my_worksheets_lists_renames_duplicates_and_deletes_with_confirmation(page, base_url):
    open_worksheet(page, base_url + EVALUATE)
    type_answer(page, "evaluate.core-purpose", "Purpose one")
    wait_saved(page)
    open_worksheet(page, base_url + "big-ideas/core-funding.html")
    type_answer(page, "question.people", "People answer")
    wait_saved(page)

    page.goto(base_url + "my-worksheets.html")
    mine = page.locator("[data-mine-list]")
    card = mine.locator("section", has=page.get_by_role("heading", name=re.compile("^My assessment")))
    expect(card.get_by_role("link", name="Evaluate")).to_be_visible()
    expect(card.get_by_role("link", name="Core funding")).to_be_visible()
    expect(card.locator("td").nth(1)).to_have_text(re.compile(r"^\d{1,2} [A-Z][a-z]+ \d{4}, \d\d:\d\d$"))

    card.get_by_role("button", name="Rename: My assessment").click()
    name = page.locator("dialog[open]").get_by_label("Name of the assessment")
    expect(name).to_have_value("My assessment")
    name.fill("Day services 2026")
    page.locator("dialog[open]").get_by_role("button", name="Save").click()
    expect(mine.get_by_role("heading", name=re.compile("^Day services 2026"))).to_be_visible()

    mine.get_by_role("button", name="Duplicate: Day services 2026").click()
    expect(mine.get_by_role("heading", name="Day services 2026 (copy)")).to_be_visible()

    mine.get_by_role("button", name="Delete: Day services 2026 (copy)").click()
    dialog = page.get_by_role("dialog", name='Delete "Day services 2026 (copy)"?')
    dialog.get_by_role("button", name="Cancel").click()
    expect(mine.get_by_role("heading", name="Day services 2026 (copy)")).to_be_visible()

    mine.get_by_role("button", name="Work on this assessment: Day services 2026 (copy)").click()
    open_worksheet(page, base_url + EVALUATE)
    expect(page.locator('[name="evaluate.core-purpose"]')).to_have_value("Purpose one")  # the copy's answers

    page.goto(base_url + "my-worksheets.html")
    mine.get_by_role("button", name="Delete: Day services 2026 (copy)").click()
    page.locator("dialog[open]").get_by_role("button", name="Delete", exact=True).click()
    expect(mine.get_by_role("heading", name="Day services 2026 (copy)")).to_have_count(0)
    expect(page.get_by_role("status")).to_have_text('Deleted "Day services 2026 (copy)".')
    expect(mine.get_by_role("heading", name=re.compile("^Day services 2026"))).to_be_visible()


def test_delete_all_my_data_removes_everything_after_confirmation(page, base_url):
    open_worksheet(page, base_url + EVALUATE)
    type_answer(page, "evaluate.core-purpose", "Purpose")
    wait_saved(page)
    page.goto(base_url + "my-worksheets.html")
    page.get_by_role("button", name="Delete all my data").click()
    page.locator("dialog[open]").get_by_role("button", name="Delete all my data").click()
    expect(page.locator("[data-mine-list]")).to_have_text(re.compile("There are no assessments on this device yet"))
    assert page.evaluate("Object.keys(localStorage).filter(k => k.startsWith('scct/')).length") == 0
    open_worksheet(page, base_url + EVALUATE)
    assert read_all(page) == {}


def test_an_assessment_name_with_html_is_shown_as_text(page, base_url):
    open_worksheet(page, base_url + EVALUATE)
    new_assessment(page, HOSTILE)
    type_answer(page, "evaluate.core-purpose", "x")
    wait_saved(page)
    page.goto(base_url + "my-worksheets.html")
    expect(page.locator("[data-mine-list] h2").first).to_contain_text(HOSTILE)
    assert page.locator("[data-mine-list] img, [data-mine-list] script").count() == 0
    assert page.evaluate("window.__pwned") is None
