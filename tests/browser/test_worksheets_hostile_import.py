"""Opening a file validates it before touching storage: hostile files are refused with a plain message and
the stored data is unchanged; HTML inside answers is kept as text and never runs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from playwright.sync_api import expect

from worksheet_support import FORM, HOSTILE, import_file, open_worksheet, read_all, stored, type_answer, wait_saved

pytestmark = pytest.mark.browser

GOOD = {
    "format": "social-care-commissioning-toolkit/worksheet",
    "version": 1,
    "worksheet": "evaluate",
    "assessment": {"name": "Imported"},
    "answers": {"evaluate.core-purpose": "From the file"},
}


MAX_BYTES = json.loads(
    (Path(__file__).resolve().parents[2] / "docs" / "schemas" / "worksheet-export-v1.schema.json").read_text(encoding="utf-8")
)["x-max-file-bytes"]


def variant(**changes) -> str:
    document = json.loads(json.dumps(GOOD))
    for key, value in changes.items():
        if key == "answers_extra":
            document["answers"].update(value)
        else:
            document[key] = value
    return json.dumps(document)


CASES = {
    "not JSON": ("{this is not json", "The file is not a saved worksheet."),
    "a JSON array": ("[1, 2, 3]", "The file is not a saved worksheet."),
    "another format": (variant(format="someone-else/worksheet"), "The file was not saved from this toolkit."),
    "a newer version": (variant(version=3), "The file was saved by a newer version of this toolkit."),
    "a version that is text": (variant(version="1"), "The file is damaged"),
    "an unknown worksheet": (variant(worksheet="no-such-sheet"), "The file is for a worksheet this toolkit does not have."),
    "another worksheet": (variant(worksheet="deliver"), "The file is for another worksheet: Service delivery."),
    "a __proto__ key": (variant().replace('"answers": {', '"answers": {"__proto__": {"polluted": "yes"}, '), "The file is damaged"),
    "a constructor key": (variant(answers_extra={"constructor": "x"}), "The file is damaged"),
    "a prototype key": (variant(answers_extra={"prototype": "x"}), "The file is damaged"),
    "a top-level __proto__": (variant().replace("{", '{"__proto__": {"polluted": "yes"}, ', 1), "The file is damaged"),
    "an answer that is an object": (variant(answers_extra={"evaluate.data": {"html": "<b>"}}), "The file is damaged"),
    "an answer that is a list": (variant(answers_extra={"evaluate.data": ["a"]}), "The file is damaged"),
    "an answer that is a number": (variant(answers_extra={"evaluate.data": 42}), "The file is damaged"),
    "answers that are a list": (variant(answers=["a"]), "The file is damaged"),
    "no assessment name": (variant(assessment={"name": ""}), "The file is damaged"),
    "a key with markup": (variant(answers_extra={"<img src=x>": "x"}), "The file is damaged"),
    "too many answers": (variant(answers={f"evaluate.q{i}": "x" for i in range(5001)}), "The file is damaged"),
    "an answer too long": (variant(answers_extra={"evaluate.data": "x" * 100001}), "The file is damaged"),
    # Valid in every other way, but one byte over the limit the JSON Schema sets (x-max-file-bytes).
    "an oversized file": (variant().ljust(MAX_BYTES + 1), "The file is too big."),
}


@pytest.fixture(scope="module")
def answered_page(browser, base_url):
    """One page, shared by the hostile cases (each leaves it as it was): a saved answer, nothing else."""
    context = browser.new_context()
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    open_worksheet(page, base_url + "process/evaluate.html")
    type_answer(page, "evaluate.core-purpose", "Our own answer")
    wait_saved(page)
    yield page, errors
    context.close()


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_a_hostile_file_is_refused_and_nothing_stored_changes(answered_page, case):
    page, errors = answered_page
    content, message = CASES[case]
    page.locator("body").click(position={"x": 1, "y": 1})  # move focus away from the previous case's summary
    before = stored(page)
    import_file(page, "hostile.json", content)
    summary = page.locator("[data-error-summary]")
    expect(summary).to_be_visible()
    expect(summary).to_have_attribute("role", "alert")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("There is a problem")
    expect(summary.get_by_role("link")).to_contain_text(message)
    assert summary.get_by_role("link").get_attribute("href") == "#ws-import"
    expect(page.locator("[data-import-error]")).to_contain_text(message)
    assert stored(page) == before
    assert read_all(page) == {"evaluate.core-purpose": "Our own answer"}
    assert page.evaluate("({}).polluted === undefined && Object.prototype.polluted === undefined")
    # The error link takes keyboard users to the file field.
    summary.get_by_role("link").click()
    expect(page.get_by_label("Open a saved file (JSON)")).to_be_focused()
    assert not errors, f"uncaught JavaScript errors: {errors}"


def test_a_good_file_after_a_refused_one_clears_the_error(page, base_url):
    open_worksheet(page, base_url + "process/evaluate.html")
    import_file(page, "bad.json", "nope")
    expect(page.locator("[data-error-summary]")).to_be_visible()
    import_file(page, "good.json", variant())
    expect(page.locator("[data-error-summary]")).to_be_hidden()
    expect(page.locator('[name="evaluate.core-purpose"]')).to_have_value("From the file")


def test_html_and_script_in_imported_answers_are_text_and_never_run(page, base_url):
    open_worksheet(page, base_url + "process/evaluate.html")
    content = variant(answers_extra={
        "evaluate.data": HOSTILE,
        "evaluate.gone-question": HOSTILE,
        "evaluate.principle-scores/principle.prevention/score": '<img src=x onerror="window.__pwned=1">',
    }, assessment={"name": HOSTILE})
    import_file(page, "html.json", content)
    expect(page.locator('[name="evaluate.data"]')).to_have_value(HOSTILE)
    expect(page.locator("[data-orphans]")).to_contain_text(HOSTILE)
    expect(page.get_by_label("Assessment you are working on").locator("option:checked")).to_have_text(HOSTILE)
    form = page.locator(FORM)
    assert form.locator("img, script").count() == 0
    assert page.evaluate("window.__pwned") is None
    page.emulate_media(media="print")
    expect(page.locator("[data-print-head]")).to_contain_text(HOSTILE)
    page.goto(base_url + "my-worksheets.html")
    expect(page.locator("[data-mine-list]")).to_contain_text(HOSTILE)
    assert page.locator("[data-mine-list] img, [data-mine-list] script").count() == 0
    assert page.evaluate("window.__pwned") is None


def test_html_typed_into_an_answer_is_text_everywhere(page, base_url):
    open_worksheet(page, base_url + "big-ideas/core-funding.html")
    type_answer(page, "question.people", HOSTILE)
    page.locator('[name="test.power/rating"][value="mostly"]').check()
    wait_saved(page)
    page.reload()
    expect(page.locator('[name="question.people"]')).to_have_value(HOSTILE)
    page.emulate_media(media="print")
    expect(page.locator(".toolkit-print-answer", has_text="onerror")).to_have_text(HOSTILE)
    summary = page.locator("[data-summary]")
    expect(summary.locator("table")).to_contain_text("Mostly")
    assert page.locator(f"{FORM} img, {FORM} script").count() == 0
    assert page.evaluate("window.__pwned") is None
