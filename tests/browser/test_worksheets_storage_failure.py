"""Storage that fails (quota exceeded, disabled or blocked) is said plainly; answers stay in the page,
saving to a file is offered, and no uncaught error is thrown (the `new_page` fixture fails on one)."""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import expect

from worksheet_support import FORM, fill_all, open_worksheet, read_all, type_answer

pytestmark = pytest.mark.browser

QUOTA = """(() => {
  const real = Storage.prototype.setItem;
  Storage.prototype.setItem = function (key, value) {
    if (window.__storageFull !== false) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    return real.call(this, key, value);
  };
})();"""

# As in a cross-site iframe in Chromium, where any access to window.localStorage throws SecurityError.
DISABLED = """(() => {
  const real = Object.getOwnPropertyDescriptor(window, 'localStorage');
  Object.defineProperty(window, 'localStorage', {
    configurable: true,
    get() {
      if (window.__storageBlocked !== false) throw new DOMException('Access is denied for this document.', 'SecurityError');
      return real.get.call(window);
    },
  });
})();"""

NOT_SAVED = "Not saved on this device"


def saved_file(page) -> dict:
    with page.expect_download() as info:
        page.get_by_role("alert").get_by_role("button", name="Save answers to a file").click()
    return json.loads(open(info.value.path(), encoding="utf-8").read())


def test_a_full_storage_shows_a_message_keeps_the_answers_and_offers_a_file(new_page, base_url):
    page = new_page()
    page.add_init_script(QUOTA)
    open_worksheet(page, base_url + "process/evaluate.html")
    type_answer(page, "evaluate.core-purpose", "Kept in the page")
    alert = page.get_by_role("alert").filter(has_text="no room to save more answers")
    expect(alert).to_be_visible()
    expect(page.get_by_role("status")).to_contain_text(NOT_SAVED)
    expect(page.locator('[name="evaluate.core-purpose"]')).to_have_value("Kept in the page")
    document = saved_file(page)
    assert document["answers"] == {"evaluate.core-purpose": "Kept in the page"}


def test_answers_already_saved_are_restored_when_storage_then_fills_up(new_page, base_url):
    first = open_worksheet(new_page(), base_url + "process/evaluate.html")
    filled = fill_all(first)
    state = first.context.storage_state()
    page = new_page(storage_state=state)
    page.add_init_script(QUOTA)
    open_worksheet(page, base_url + "process/evaluate.html")
    assert read_all(page) == filled
    type_answer(page, "evaluate.core-purpose", "A further edit")
    expect(page.get_by_role("alert").filter(has_text="no room")).to_be_visible()
    document = saved_file(page)
    assert document["answers"] == {**filled, "evaluate.core-purpose": "A further edit"}


def test_disabled_storage_shows_a_message_and_loses_nothing(new_page, base_url):
    page = new_page()
    page.add_init_script(DISABLED)
    open_worksheet(page, base_url + "process/redesign.html")
    alert = page.get_by_role("alert").filter(has_text="can't be saved in this browser window")
    expect(alert).to_be_visible()
    filled = page.evaluate("""() => {
      const field = document.querySelector('[name="redesign.core-purpose"]');
      field.value = 'Typed without storage';
      field.dispatchEvent(new Event('input', {bubbles: true}));
      return field.value;
    }""")
    expect(page.get_by_role("status")).to_contain_text(NOT_SAVED)
    expect(page.locator('[name="redesign.core-purpose"]')).to_have_value(filled)
    # Switching to a new assessment and back keeps what was typed (it lives in memory for this page).
    page.get_by_role("button", name="New assessment").click()
    page.locator("dialog[open]").get_by_label("Name of the assessment").fill("Second")
    page.keyboard.press("Enter")
    expect(page.locator('[name="redesign.core-purpose"]')).to_have_value("")
    page.get_by_label("Assessment you are working on").select_option(label="My assessment")
    expect(page.locator('[name="redesign.core-purpose"]')).to_have_value(filled)
    assert saved_file(page)["answers"] == {"redesign.core-purpose": filled}


def test_when_storage_becomes_available_the_answers_are_written_to_it(new_page, base_url):
    page = new_page()
    page.add_init_script(DISABLED)
    open_worksheet(page, base_url + "process/deliver.html")
    type_answer(page, "deliver.keep-talking", "Kept until storage is allowed")
    expect(page.get_by_role("status")).to_contain_text(NOT_SAVED)
    # What an embedding page does after the Storage Access API grants access (see storage.js).
    page.evaluate("window.__storageBlocked = false; document.dispatchEvent(new CustomEvent('toolkit:storage-retry'))")
    expect(page.get_by_role("alert").filter(has_text="can't be saved")).to_have_count(0)
    expect(page.get_by_role("status")).to_contain_text("Saved")
    other = open_worksheet(page.context.new_page(), base_url + "process/deliver.html")  # storage not blocked here
    expect(other.locator('[name="deliver.keep-talking"]')).to_have_value("Kept until storage is allowed")


def test_my_worksheets_says_when_storage_is_blocked(new_page, base_url):
    page = new_page()
    page.add_init_script(DISABLED)
    page.goto(base_url + "my-worksheets.html")
    expect(page.get_by_role("alert").filter(has_text="can't be saved in this browser window")).to_be_visible()
