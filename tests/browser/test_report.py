"""The decision report and the action plan: every answer of an assessment in one document, opened from
My worksheets, saved for Word (read back by python-docx and converted by LibreOffice, as a person opening
it would), as CSV for a spreadsheet, and printed; in English and in Welsh."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
from pathlib import Path

import docx
import pytest
from playwright.sync_api import expect

from worksheet_support import FORM, fill_all, open_worksheet, wait_saved

pytestmark = pytest.mark.browser

STEPS = ["process/evaluate.html", "process/redesign.html", "process/commission.html", "process/deliver.html"]
IDEAS = ["big-ideas/core-funding.html", "big-ideas/provider-alliances.html"]
ACTIONS = [
    ("Agree the outcomes framework with Cwmpas ŵ ŷ", "Ann Jones"),
    ("=SUM(A1:A9) looks like a formula", "Finance"),
    ("Invite people who use services to the next workshop", "Bob Smith"),
    ("Review the day services contract", "Commissioning"),
    ("Publish the decision", "Cai Evans"),
]


def fill_assessment(page, base_url: str, language: str = "") -> dict[str, dict[str, str]]:
    """Every step and two Big Ideas filled in; returns what each page was given."""
    filled = {}
    for path in STEPS + IDEAS:
        open_worksheet(page, base_url + language + path)
        filled[path] = fill_all(page, f"Answer ŵ ŷ {path.split('/')[-1][:-5]}")
    return filled


def add_actions(page, base_url: str, language: str = "") -> None:
    open_worksheet(page, base_url + language + "process/deliver.html")
    plan = page.locator("[data-action-plan]")
    plan.scroll_into_view_if_needed()  # the plan loads when the person reaches it
    for i, (what, owner) in enumerate(ACTIONS, start=1):
        plan.locator("[data-actions-body] > .toolkit-button--primary").click()
        item = plan.locator(".toolkit-action").nth(i - 1)
        item.locator("textarea").fill(what)
        item.locator("input[type=text]").fill(owner)
        item.locator("input[type=date]").fill("2027-03-31")
        item.locator("input[type=checkbox]").first.check()
        item.locator("select").first.select_option("high")
    page.wait_for_timeout(600)  # the plan saves a moment after the last change


def expected_texts(filled) -> list[str]:
    """Each line of each written answer (choices are shown by their labels, checked separately)."""
    lines = []
    for answers in filled.values():
        for value in answers.values():
            if "\n" in value:
                lines += [line for line in value.split("\n") if line.strip()]
    return lines


def open_report(page, base_url: str, language: str = ""):
    page.goto(base_url + language + "my-worksheets.html")
    page.locator("[data-mine-list] a").filter(has_text=re.compile("^(Report|Adroddiad)$")).first.click()
    page.locator("[data-module=report][data-report-ready]").wait_for()
    return page.locator("[data-report-body]")


def download(page, action: str) -> Path:
    with page.expect_download() as info:
        page.locator(f'[data-report-action="{action}"]').click()
    return Path(info.value.path())


@pytest.fixture(scope="module")
def filled_assessment(browser, base_url):
    """Every step, two Big Ideas and five actions, filled in once for the tests that read the report: (what
    the browser then stores, as Playwright's storage state, and what each page was given)."""
    context = browser.new_context()
    errors: list[str] = []
    try:
        page = context.new_page()
        page.on("pageerror", lambda error: errors.append(str(error)))
        filled = fill_assessment(page, base_url)
        add_actions(page, base_url)
        stored = context.storage_state()
    finally:
        context.close()
    assert not errors, f"uncaught JavaScript errors while filling in: {errors}"
    return stored, filled


@pytest.fixture
def filled_report(new_page, base_url, filled_assessment):
    """The report of that assessment, opened from My worksheets in a browser that has its answers stored."""
    stored, filled = filled_assessment
    page = new_page(storage_state=stored)
    body = open_report(page, base_url)
    return page, body, filled


def test_the_report_has_every_answer_of_every_step_and_idea_worked_on(filled_report):
    page, body, filled = filled_report
    text = body.evaluate("(el) => el.innerText")
    for line in expected_texts(filled):
        assert line in text, line
    for heading in ("Evaluate", "Redesign", "Commission", "Deliver", "Action plan"):
        expect(body.locator("h3", has_text=heading).first).to_be_visible()
    expect(body.locator(".toolkit-chart")).to_have_count(1)  # Evaluate against Redesign
    plan = body.locator("table").last
    for what, owner in ACTIONS:
        expect(plan).to_contain_text(what)
        expect(plan).to_contain_text(owner)


def test_questions_left_empty_are_listed_as_not_answered(page, base_url):
    open_worksheet(page, base_url + "process/evaluate.html")
    page.locator('[name="evaluate.core-purpose"]').fill("Only this one")
    wait_saved(page)
    body = open_report(page, base_url)
    expect(body).to_contain_text("Only this one")
    expect(body.locator(".toolkit-report__empty").first).to_have_text("Not answered yet")
    assert body.locator(".toolkit-report__empty").count() >= 2


def test_the_word_file_has_headings_tables_every_answer_and_welsh_letters(filled_report, tmp_path):
    page, body, filled = filled_report
    path = download(page, "word")
    document = docx.Document(str(path))
    headings = [(p.style.name, p.text) for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert ("Heading 1", "Evaluate") in headings and ("Heading 1", "Action plan") in headings
    assert any(style == "Heading 2" for style, _ in headings)
    assert document.tables, "scores and the action plan are tables"
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    everything = "\n".join([p.text for p in document.paragraphs] + cells)
    for line in expected_texts(filled):
        assert line in everything, line
    assert "ŵ ŷ" in everything
    assert document.core_properties.language == "en-GB"
    assert "=SUM(A1:A9) looks like a formula" in cells  # Word shows text as typed; only CSV needs guarding

    # LibreOffice opens it as Writer would and every answer is in what it reads.
    out = tmp_path / "lo"
    subprocess.run(["soffice", "--headless", "--norestore", f"-env:UserInstallation=file://{tmp_path}/profile",
                    "--convert-to", "txt:Text (encoded):UTF8", "--outdir", str(out), str(path)],
                   check=True, capture_output=True, timeout=180)
    converted = next(out.glob("*.txt")).read_text(encoding="utf-8-sig")
    for line in expected_texts(filled):
        assert line in converted, line
    assert "Action plan" in converted


def test_the_action_plan_csv_has_a_bom_and_no_formulas(filled_report):
    page, _, _ = filled_report
    raw = download(page, "csv").read_bytes()
    assert raw.startswith("\ufeff".encode("utf-8")), "Excel needs the byte-order mark to read accents"
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert rows[0][:2] == ["What needs doing", "Who owns it"]
    whats = [row[0] for row in rows[1:]]
    assert "'=SUM(A1:A9) looks like a formula" in whats
    assert "Agree the outcomes framework with Cwmpas ŵ ŷ" in whats
    assert len(rows) == 1 + len(ACTIONS)


def test_the_report_prints_as_a_document(filled_report, tmp_path):
    page, body, _ = filled_report
    page.emulate_media(media="print")
    expect(page.locator(".toolkit-report__bar")).to_be_hidden()
    expect(page.locator(".md-header")).to_be_hidden()
    assert body.locator(".toolkit-report__section").first.evaluate("(el) => getComputedStyle(el).breakBefore") == "page"
    pdf = page.pdf(format="A4")
    assert pdf.count(b"/Type /Page\n") + pdf.count(b"/Type /Page ") + pdf.count(b"/Type /Page>") >= 5 or pdf.count(b"/Type/Page") >= 5


def test_the_markdown_of_the_whole_assessment_has_every_answer(filled_report):
    page, _, filled = filled_report
    text = download(page, "markdown").read_text(encoding="utf-8")
    assert text.startswith("# My assessment")
    for line in expected_texts(filled):
        escaped = re.sub(r"([\\<>\[\]`*_])", r"\\\1", line)
        assert escaped in text, escaped


def test_actions_are_suggested_from_the_answers_until_accepted(page, base_url):
    open_worksheet(page, base_url + "process/evaluate.html")
    page.locator('[name="evaluate.principle-scores/principle.prevention/score"][value="partly"]').check()
    wait_saved(page)
    open_worksheet(page, base_url + "process/deliver.html")
    page.locator("[data-action-plan]").scroll_into_view_if_needed()  # the plan loads when the person reaches it
    suggestion = page.locator("[data-suggestion='principle:principle.prevention']")
    expect(suggestion).to_contain_text("Suggestion:")
    expect(suggestion).to_contain_text("Partly")
    expect(page.locator(".toolkit-action")).to_have_count(0)
    suggestion.get_by_role("button").click()
    expect(page.locator(".toolkit-action")).to_have_count(1)
    expect(page.locator(".toolkit-action textarea")).to_have_value(re.compile("Partly"))
    expect(page.locator("[data-suggestion='principle:principle.prevention']")).to_have_count(0)
    page.reload()
    page.locator("[data-action-plan]").scroll_into_view_if_needed()
    expect(page.locator(".toolkit-action")).to_have_count(1)


def test_the_report_in_welsh(page, base_url, tmp_path):
    filled = fill_assessment(page, base_url, "cy/")
    body = open_report(page, base_url, "cy/")
    text = body.evaluate("(el) => el.innerText")
    for line in expected_texts(filled):
        assert line in text, line
    expect(body.locator("h3", has_text="Cynllun gweithredu")).to_be_visible()
    document = docx.Document(str(download(page, "word")))
    assert document.core_properties.language == "cy-GB"
    assert any(p.text == "Cynllun gweithredu" for p in document.paragraphs)


def test_actions_are_reordered_and_removed_and_the_report_follows(page, base_url):
    open_worksheet(page, base_url + "process/deliver.html")
    plan = page.locator("[data-action-plan]")
    plan.scroll_into_view_if_needed()
    for what in ("First action", "Second action", "Third action"):
        plan.locator("[data-actions-body] > .toolkit-button--primary").click()
        plan.locator(".toolkit-action textarea").last.fill(what)
    page.wait_for_timeout(600)
    plan.get_by_role("button", name="Move up: Action 3").click()
    assert plan.locator(".toolkit-action textarea").evaluate_all("(els) => els.map((e) => e.value)") == ["First action", "Third action", "Second action"]
    plan.get_by_role("button", name="Remove: Action 1").click()
    assert plan.locator(".toolkit-action textarea").evaluate_all("(els) => els.map((e) => e.value)") == ["Third action", "Second action"]
    body = open_report(page, base_url)
    rows = body.locator("table").last.locator("tbody tr")
    expect(rows).to_have_count(2)
    expect(rows.first).to_contain_text("Third action")


def test_the_report_works_from_a_copy_opened_from_disk(new_page, site):
    page = new_page()
    page.goto((site.root / "process" / "evaluate.html").as_uri())
    page.locator("form[data-module=worksheet][data-worksheet-ready]").wait_for(state="attached")
    page.locator('[name="evaluate.core-purpose"]').fill("Written on a shared drive")
    wait_saved(page)
    page.goto((site.root / "report.html").as_uri())
    page.locator("[data-module=report][data-report-ready]").wait_for()
    expect(page.locator("[data-report-body]")).to_contain_text("Written on a shared drive")


def test_the_report_works_in_embed_mode(page, base_url):
    open_worksheet(page, base_url + "process/evaluate.html")
    page.locator('[name="evaluate.core-purpose"]').fill("Seen on the intranet")
    wait_saved(page)
    page.goto(base_url + "report.html?embed=1")
    page.locator("[data-module=report][data-report-ready]").wait_for()
    expect(page.locator(".md-header")).to_be_hidden()
    expect(page.locator("[data-report-body]")).to_contain_text("Seen on the intranet")


def test_the_word_file_opens_with_the_longest_answer_a_person_can_type(page, base_url):
    schema = json.loads((Path(__file__).resolve().parents[2] / "docs" / "schemas" / "worksheet-export-v1.schema.json").read_text(encoding="utf-8"))
    longest = schema["properties"]["answers"]["additionalProperties"]["maxLength"]
    open_worksheet(page, base_url + "process/evaluate.html")
    assert page.locator('[name="evaluate.core-purpose"]').get_attribute("maxlength") == str(longest)
    page.locator('[name="evaluate.core-purpose"]').fill("ŵ" * longest)
    wait_saved(page)
    open_report(page, base_url)
    document = docx.Document(str(download(page, "word")))
    assert any(p.text == "ŵ" * longest for p in document.paragraphs)
    rows = list(csv.reader(io.StringIO(download(page, "csv").read_bytes().decode("utf-8-sig"), newline="")))
    assert rows == [["What needs doing", "Who owns it", "By when", "Principles it serves", "Priority", "Status"]]
