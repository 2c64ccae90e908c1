"""Saving to a file and opening it again reproduces an assessment exactly; Markdown export reads as text."""

from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import expect

from worksheet_support import (
    READY, FORM, HOSTILE, export_json, fill_all, import_file, open_worksheet, read_all, stored, type_answer, wait_saved,
)

pytestmark = pytest.mark.browser


def test_export_then_delete_then_import_gives_identical_answers(page, base_url):
    open_worksheet(page, base_url + "process/redesign.html")
    filled = fill_all(page)
    name, document = export_json(page)
    assert re.fullmatch(r"my-assessment-redesign-\d{4}-\d\d-\d\d\.json", name)
    assert document["format"] == "social-care-commissioning-toolkit/worksheet"
    assert document["version"] == 1
    assert document["worksheet"] == "redesign"
    assert document["assessment"]["name"] == "My assessment"
    assert document["answers"] == filled

    page.goto(base_url + "my-worksheets.html")
    page.get_by_role("button", name="Delete: My assessment").click()
    page.locator("dialog[open]").get_by_role("button", name="Delete", exact=True).click()
    expect(page.locator("[data-mine-list]")).to_contain_text("There are no assessments")

    open_worksheet(page, base_url + "process/redesign.html")
    assert read_all(page) == {}
    import_file(page, name, json.dumps(document))
    expect(page.get_by_role("status")).to_have_text('Opened the answers from the file into "My assessment".')
    assert read_all(page) == filled
    page.reload()
    page.locator(READY).wait_for(state="attached")
    assert read_all(page) == filled
    _, again = export_json(page)
    assert again["answers"] == document["answers"]
    assert again["assessment"]["name"] == document["assessment"]["name"]


def test_importing_over_existing_answers_asks_first(page, base_url):
    open_worksheet(page, base_url + "process/evaluate.html")
    type_answer(page, "evaluate.core-purpose", "Original")
    wait_saved(page)
    name, document = export_json(page)
    type_answer(page, "evaluate.core-purpose", "Changed since")
    wait_saved(page)

    import_file(page, name, json.dumps(document))
    dialog = page.get_by_role("dialog", name='Replace your answers in "My assessment"?')
    expect(dialog).to_be_visible()
    dialog.get_by_role("button", name="Cancel").click()
    expect(page.locator('[name="evaluate.core-purpose"]')).to_have_value("Changed since")

    import_file(page, name, json.dumps(document))
    page.locator("dialog[open]").get_by_role("button", name="Open as a new assessment").click()
    expect(page.locator('[name="evaluate.core-purpose"]')).to_have_value("Original")
    expect(page.get_by_label("Assessment you are working on").locator("option:checked")).to_have_text("My assessment (imported)")

    page.get_by_label("Assessment you are working on").select_option(label="My assessment")
    expect(page.locator('[name="evaluate.core-purpose"]')).to_have_value("Changed since")
    import_file(page, name, json.dumps(document))
    page.locator("dialog[open]").get_by_role("button", name="Replace answers").click()
    expect(page.locator('[name="evaluate.core-purpose"]')).to_have_value("Original")


def test_answers_to_questions_no_longer_in_the_worksheet_are_shown_kept_and_exported(page, base_url):
    open_worksheet(page, base_url + "process/deliver.html")
    type_answer(page, "deliver.keep-talking", "Still here")
    wait_saved(page)
    _, document = export_json(page)
    document["answers"]["deliver.retired-question"] = "An answer from an older edition <b>kept</b>"
    document["assessment"]["name"] = "Older edition"
    import_file(page, "older.json", json.dumps(document))
    section = page.get_by_role("region", name="Answers to questions no longer in this worksheet")
    expect(section).to_be_visible()
    expect(section).to_contain_text("deliver.retired-question")
    expect(section).to_contain_text("An answer from an older edition <b>kept</b>")
    type_answer(page, "deliver.keep-talking", "Edited after the import")
    wait_saved(page)
    page.reload()
    expect(page.get_by_role("region", name="Answers to questions no longer in this worksheet")).to_contain_text("kept")
    _, again = export_json(page)
    assert again["answers"]["deliver.retired-question"] == "An answer from an older edition <b>kept</b>"
    assert page.locator("[data-orphans] b").count() == 0


def test_markdown_export_is_readable_text_with_html_escaped(page, base_url):
    open_worksheet(page, base_url + "process/evaluate.html")
    type_answer(page, "evaluate.core-purpose", "Line one\n" + HOSTILE)
    page.locator('[name="evaluate.principle-scores/principle.prevention/score"][value="mostly"]').check()
    wait_saved(page)
    page.locator(f"{FORM} .toolkit-files > summary").click()
    with page.expect_download() as info:
        page.get_by_role("button", name="Download as text (Markdown)").click()
    assert re.fullmatch(r"my-assessment-evaluate-\d{4}-\d\d-\d\d\.md", info.value.suggested_filename)
    text = open(info.value.path(), encoding="utf-8").read()
    assert text.startswith("# Evaluate\n")
    assert "Assessment: My assessment" in text
    assert "### Q3 What is the core purpose of the service?" in text
    assert "> Line one\\\n" in text, "each line of an answer stays a line of its own (a hard break)"
    assert "**Prevention or reduction of dependency:** Mostly" in text or re.search(r"\*\*[^*]*dependency[^*]*:\*\* Mostly", text)
    assert "No answer yet." in text
    assert not re.search(r"(?<!\\)<", text), "every < of an answer is escaped, so no HTML reaches a Markdown renderer"
    assert r"\<img src=x onerror=" in text and r"\<script\>" in text


def test_copy_as_text_puts_plain_text_without_markdown_symbols_on_the_clipboard(new_page, base_url):
    page = new_page(permissions=["clipboard-read", "clipboard-write"])
    open_worksheet(page, base_url + "process/deliver.html")
    type_answer(page, "deliver.keep-talking", "Talk monthly")
    wait_saved(page)
    page.locator(f"{FORM} .toolkit-files > summary").click()
    page.get_by_role("button", name="Copy as text").click()
    expect(page.get_by_role("status")).to_have_text("Copied the answers as text.")
    text = page.evaluate("navigator.clipboard.readText()")
    assert "\nTalk monthly\n" in text and "> Talk monthly" not in text


def test_the_json_schema_is_published_and_describes_the_export(page, base_url, site):
    schema = json.loads((site.root / "schemas" / "worksheet-export-v1.schema.json").read_text())
    assert schema["properties"]["format"]["const"] == "social-care-commissioning-toolkit/worksheet"
    open_worksheet(page, base_url + "process/deliver.html")
    type_answer(page, "deliver.keep-talking", "Talk")
    wait_saved(page)
    _, document = export_json(page)
    assert set(schema["required"]) <= set(document) <= set(schema["properties"])
    assert set(document["assessment"]) <= set(schema["properties"]["assessment"]["properties"])
    key_pattern = schema["properties"]["answers"]["propertyNames"]["pattern"]
    assert all(re.match(key_pattern, key) and isinstance(value, str) for key, value in document["answers"].items())
    assert "Saved worksheet files" in site.text("using/export-format.html")
