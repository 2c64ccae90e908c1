"""Work as a team without a server: whole-assessment files, colleagues' files opened together and shown
side by side with their disagreements first, an agreed assessment that leaves everyone's own alone, and a
review against a baseline. Every file the toolkit writes is checked against its JSON Schema."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest
from playwright.sync_api import expect

from worksheet_support import READY, FORM, open_worksheet, read_all, stored, type_answer, wait_saved

pytestmark = pytest.mark.browser

SCHEMAS = Path(__file__).resolve().parents[2] / "docs" / "schemas"
EVALUATE = "process/evaluate.html"
SCORE = "evaluate.principle-scores/principle.{}/score"


def schema(name: str) -> dict:
    return json.loads((SCHEMAS / name).read_text(encoding="utf-8"))


def validate(document: dict) -> None:
    """Check a file the toolkit wrote against the schema of its version, with a real validator."""
    name = {1: "worksheet-export-v1.schema.json", 2: "assessment-export-v2.schema.json"}[document["version"]]
    jsonschema.Draft202012Validator(schema(name), format_checker=jsonschema.FormatChecker()).validate(document)


def colleague(name: str, prevention: str, purpose: str, updated: str = "2026-11-20T10:00:00Z") -> dict:
    return {
        "name": f"{name.lower()}-evaluate.json",
        "mimeType": "application/json",
        "buffer": json.dumps({
            "format": "social-care-commissioning-toolkit/worksheet", "version": 1, "worksheet": "evaluate",
            "respondent": {"name": name}, "assessment": {"name": "Day services 2026"}, "updated": updated,
            "answers": {
                SCORE.format("prevention"): prevention,
                SCORE.format("co-production"): "mostly",
                "evaluate.core-purpose": purpose,
            },
        }).encode(),
    }


THREE = [
    colleague("Ann", "not-at-all", "Ann's purpose"),
    colleague("Bob", "partly", "Bob's purpose"),
    colleague("Cai", "fully", "Cai's purpose"),
]


def open_files(page, files) -> None:
    """Choose files in the file picker, once the page's script has shown it (it listens from then on)."""
    picker = page.locator("[data-import]")
    picker.wait_for(state="visible")
    picker.set_input_files(files)


def index(page) -> dict:
    return json.loads(next(v for k, v in stored(page).items() if k.endswith("/index")))


# -- combining colleagues' files -------------------------------------------------------------------------


def test_three_colleagues_files_open_together_each_answer_named_and_the_disagreement_first(page, base_url):
    open_worksheet(page, base_url + EVALUATE)
    page.locator(f"{FORM} .toolkit-files > summary").click()
    open_files(page, THREE)
    panel = page.locator('[data-team="panel"]')
    expect(panel).to_be_visible()
    expect(panel).to_contain_text("Answers from 3 people: Ann, Bob, Cai")
    # Disagreements are listed first, at the top: only the principle people disagree on by 2 or more.
    expect(panel.locator("h3").first).to_have_text(re.compile("^Discuss these first"))
    disagreements = panel.locator(".toolkit-team-panel__disagreements li")
    expect(disagreements).to_have_count(1)
    expect(disagreements.first).to_contain_text("Prevention")
    scores = page.locator('[data-team="evaluate.principle-scores"]')
    flagged = scores.locator(".toolkit-team__field--disagree")
    expect(flagged).to_have_count(1)
    expect(flagged).to_contain_text("People disagree by two or more points")
    expect(flagged).to_contain_text("Spread: from Not at all to Fully")
    purpose = page.locator('[data-team="evaluate.core-purpose"]')
    for name in ("Ann", "Bob", "Cai"):
        expect(purpose.locator(".toolkit-team__answer").filter(has_text=name)).to_contain_text(f"{name}'s purpose")
        expect(purpose.locator(".toolkit-team__answer").filter(has_text=name)).to_contain_text("2026")
    assert read_all(page) == {}, "opening colleagues' files changes none of the page's own answers"


def test_agreeing_saves_a_new_assessment_and_leaves_everyones_own_untouched(page, base_url):
    open_worksheet(page, base_url + EVALUATE)
    type_answer(page, "evaluate.core-purpose", "My own purpose")
    wait_saved(page)
    own_before = {k: v for k, v in stored(page).items() if "/answers/" in k}
    page.goto(base_url + "my-worksheets.html")
    open_files(page, THREE)
    page.get_by_role("button", name="Agree the answers as a new assessment").click()
    dialog = page.get_by_role("dialog")
    expect(dialog.get_by_label("Name of the assessment")).to_have_value(re.compile(r"^Day services 2026, agreed \d{1,2} \w+ \d{4}$"))
    dialog.get_by_role("button", name="Save").click()
    expect(page.get_by_role("status")).to_contain_text("Started")
    agreed = next(a for a in index(page)["assessments"] if ", agreed " in a["name"])
    assert agreed["contributors"] == ["Ann", "Bob", "Cai"]
    expect(page.locator(f'[data-assessment="{agreed["id"]}"]')).to_contain_text("Agreed from the answers of: Ann, Bob, Cai")

    page.get_by_role("link", name=re.compile("^Evaluate: answers from 3")).click()
    page.locator(READY).wait_for(state="attached")
    expect(page.get_by_label("Assessment you are working on").locator("option:checked")).to_have_text(agreed["name"])
    page.locator('[data-team="evaluate.core-purpose"]').get_by_role("button", name="Use this answer: Bob").click()
    expect(page.locator('[name="evaluate.core-purpose"]')).to_have_value("Bob's purpose")
    page.locator('[data-team="evaluate.principle-scores"]').get_by_role("button", name="Use this answer: Cai").first.click()
    wait_saved(page)
    after = stored(page)
    assert {k: after[k] for k in own_before} == own_before, "the person's own assessment is unchanged"
    agreed_record = json.loads(next(v for k, v in after.items() if k.endswith(f"/answers/{agreed['id']}/evaluate")))
    assert agreed_record["answers"]["evaluate.core-purpose"] == "Bob's purpose"


def test_a_damaged_file_among_good_ones_is_named_and_set_aside(page, base_url):
    page.goto(base_url + "my-worksheets.html")
    good = [colleague(name, "partly", f"{name}'s purpose") for name in ("Ann", "Bob", "Cai", "Dee")]
    broken = {"name": "broken.json", "mimeType": "application/json", "buffer": b"{this is not json"}
    open_files(page, [*good[:2], broken, *good[2:]])
    summary = page.locator("[data-error-summary]")
    expect(summary).to_be_visible()
    expect(summary).to_contain_text("broken.json was set aside: The file is not a saved worksheet.")
    expect(page.locator("[data-team-file]")).to_have_count(4)
    expect(page.get_by_role("status")).to_contain_text("Opened colleagues' files: 4. Set aside: 1.")


def test_two_files_from_the_same_person_use_the_later_unless_told_otherwise(page, base_url):
    page.goto(base_url + "my-worksheets.html")
    older = colleague("Ann", "partly", "Ann's first thoughts", "2026-11-01T09:00:00Z")
    older["name"] = "ann-older.json"
    newer = colleague("Ann", "mostly", "Ann's later thoughts", "2026-11-20T09:00:00Z")
    open_files(page, [newer, older, colleague("Bob", "partly", "Bob's purpose")])
    rows = page.locator("[data-team-file]")
    expect(rows.filter(has_text="ann-older.json")).to_contain_text("Not shown: an earlier file from the same person.")
    expect(rows.filter(has_text="ann-evaluate.json")).to_contain_text("Shown")
    open_worksheet(page, base_url + EVALUATE)
    expect(page.locator('[data-team="evaluate.core-purpose"]')).to_contain_text("Ann's later thoughts")
    expect(page.locator('[data-team="evaluate.core-purpose"]')).not_to_contain_text("Ann's first thoughts")
    page.goto(base_url + "my-worksheets.html")
    rows.filter(has_text="ann-older.json").get_by_role("button", name="Use this file instead").click()
    expect(rows.filter(has_text="ann-evaluate.json")).to_contain_text("Not shown")
    open_worksheet(page, base_url + EVALUATE)
    expect(page.locator('[data-team="evaluate.core-purpose"]')).to_contain_text("Ann's first thoughts")


def test_the_team_view_prints_with_everyones_answers(page, base_url):
    open_worksheet(page, base_url + EVALUATE)
    page.locator(f"{FORM} .toolkit-files > summary").click()
    open_files(page, THREE)
    page.emulate_media(media="print")
    expect(page.locator('[data-team="evaluate.core-purpose"]')).to_be_visible()
    expect(page.locator('[data-team="evaluate.core-purpose"]')).to_contain_text("Cai's purpose")
    expect(page.locator('[data-team="evaluate.core-purpose"]').get_by_role("button").first).to_be_hidden()


# -- whole-assessment files --------------------------------------------------------------------------------


def published_fields(site, path: str) -> dict[str, list[str]]:
    """Each answer field of a worksheet page: its name and, for a choice, its values ([""] for a box of
    several lines, [None] for a one-line box)."""
    fields: dict[str, list[str]] = {}
    for field in site.soup(path).select(f"{FORM} [name]"):
        if field.get("type") == "file":
            continue
        one_line = field.name == "input" and field.get("type", "text") == "text"
        fields.setdefault(field["name"], []).append(None if one_line else field.get("value", ""))
    return fields


def test_a_whole_assessment_file_round_trips_every_worksheet_exactly(new_page, base_url, site):
    from worksheet_support import worksheet_pages

    english = [(path, sheet) for path, sheet in worksheet_pages(site) if not path.startswith("cy/")]
    expected: dict[str, dict[str, str]] = {}
    for path, sheet in english:
        expected[sheet] = {
            name: (values[-1] if values[0] else f"{sheet} {name}" + (" é ŵ ŷ <b>" if values[0] is None else "\nline two: é ŵ ŷ <b>"))
            for name, values in published_fields(site, path).items()
        }
    first = new_page()
    first.goto(base_url + "my-worksheets.html")
    first.evaluate("""(expected) => {
        const time = '2026-11-30T09:00:00.000Z';
        const sheets = Object.fromEntries(Object.keys(expected).map((id) => [id, time]));
        localStorage.setItem('scct/v1/index', JSON.stringify({current: 'all', assessments: [
          {id: 'all', name: 'Everything', created: time, updated: time, sheets}]}));
        for (const [id, answers] of Object.entries(expected))
          localStorage.setItem(`scct/v1/answers/all/${id}`, JSON.stringify({updated: time, epoch: 'e', answers}));
    }""", expected)
    first.reload()
    with first.expect_download() as info:
        first.get_by_role("button", name="Save the whole assessment (JSON): Everything").click()
        first.get_by_role("dialog").get_by_role("button", name="Save without a name").click()
    document = json.loads(Path(info.value.path()).read_text(encoding="utf-8"))
    validate(document)
    assert document["version"] == 2 and sorted(document["worksheets"]) == sorted(expected)
    assert {sheet: record["answers"] for sheet, record in document["worksheets"].items()} == expected

    second = new_page()
    second.goto(base_url + "my-worksheets.html")
    open_files(second, [{"name": info.value.suggested_filename, "mimeType": "application/json", "buffer": json.dumps(document).encode()}])
    expect(second.get_by_role("status")).to_contain_text('Opened the answers from the file into "Everything"')
    for path, sheet in english:
        open_worksheet(second, base_url + path)
        assert read_all(second) == expected[sheet], sheet


def test_every_single_worksheet_file_the_toolkit_writes_matches_its_schema(page, base_url):
    open_worksheet(page, base_url + EVALUATE)
    type_answer(page, "evaluate.core-purpose", "Checked against the schema")
    page.locator('[name="evaluate.principle-scores/principle.prevention/score"][value="partly"]').check()
    wait_saved(page)
    page.locator(f"{FORM} .toolkit-files > summary").click()
    with page.expect_download() as info:
        page.get_by_role("button", name="Save to a file (JSON)").click()
    validate(json.loads(Path(info.value.path()).read_text(encoding="utf-8")))
    with page.expect_download() as info:
        page.get_by_role("button", name="Save the whole assessment (JSON)").click()
        page.get_by_role("dialog").get_by_label("Your name (optional)").fill("Ann Jones")
        page.get_by_role("dialog").get_by_role("button", name="Save", exact=True).click()
    whole = json.loads(Path(info.value.path()).read_text(encoding="utf-8"))
    validate(whole)
    assert whole["respondent"] == {"name": "Ann Jones"}
    # Asked once: the next file carries the name without asking.
    with page.expect_download() as info:
        page.get_by_role("button", name="Save to a file (JSON)").click()
    assert json.loads(Path(info.value.path()).read_text(encoding="utf-8"))["respondent"] == {"name": "Ann Jones"}


# -- baseline and review -----------------------------------------------------------------------------------


def test_a_review_shows_the_baseline_and_now_on_one_chart_and_the_changed_answers(page, base_url):
    open_worksheet(page, base_url + EVALUATE)
    type_answer(page, "evaluate.core-purpose", "Purpose at the baseline")
    page.locator(f'[name="{SCORE.format("prevention")}"][value="partly"]').check()
    page.locator(f'[name="{SCORE.format("collaboration")}"][value="mostly"]').check()
    wait_saved(page)
    page.goto(base_url + "my-worksheets.html")
    page.get_by_role("button", name="Mark as baseline: My assessment").click()
    page.get_by_role("dialog").get_by_role("button", name="Mark as baseline").click()
    expect(page.locator("[data-mine-list]")).to_contain_text("Baseline from")
    # A baseline is read-only on its worksheets.
    open_worksheet(page, base_url + EVALUATE)
    expect(page.get_by_role("alert").filter(has_text="is a baseline")).to_be_visible()
    assert page.locator('[name="evaluate.core-purpose"]').evaluate("(el) => el.readOnly")
    expect(page.locator(f'[name="{SCORE.format("prevention")}"][value="fully"]')).to_be_disabled()

    page.goto(base_url + "my-worksheets.html")
    page.get_by_role("button", name="Start a review: My assessment").click()
    open_worksheet(page, base_url + EVALUATE)
    expect(page.get_by_label("Assessment you are working on").locator("option:checked")).to_have_text(re.compile(r"^My assessment, review "))
    type_answer(page, "evaluate.core-purpose", "Purpose a year on")
    page.locator(f'[name="{SCORE.format("prevention")}"][value="fully"]').check()
    page.locator(f'[name="{SCORE.format("collaboration")}"][value="partly"]').check()
    wait_saved(page)
    page.goto(base_url + "my-worksheets.html")
    review = page.locator("[data-mine-list] section").filter(has_text="review")
    compare = review.locator(".toolkit-compare")
    expect(compare).to_contain_text("Compared with the baseline of")
    legend = compare.locator("svg text").evaluate_all("(texts) => texts.map((text) => text.textContent)")
    assert any(text.startswith("Baseline, ") for text in legend) and "Now" in legend, legend
    rows = compare.locator(".toolkit-compare__scores tbody tr")
    expect(rows.filter(has_text="Prevention")).to_contain_text("Better")
    expect(rows.filter(has_text="Collaboration")).to_contain_text("Worse")
    changed = compare.locator(".toolkit-compare__answers tbody tr")
    expect(changed).to_have_count(1)
    expect(changed).to_contain_text("Purpose at the baseline")
    expect(changed).to_contain_text("Purpose a year on")


# -- in Welsh ----------------------------------------------------------------------------------------------


def test_the_team_view_and_the_comparison_speak_welsh(page, base_url):
    open_worksheet(page, base_url + "cy/" + EVALUATE)
    page.locator(f"{FORM} .toolkit-files > summary").click()
    open_files(page, THREE)
    panel = page.locator('[data-team="panel"]')
    expect(panel).to_contain_text("Atebion gan 3 o bobl: Ann, Bob, Cai")
    expect(panel.locator("h3").first).to_have_text(re.compile("^Trafodwch y rhain yn gyntaf"))
    expect(page.locator(".toolkit-team__field--disagree")).to_contain_text("Mae pobl yn anghytuno")
    page.goto(base_url + "cy/my-worksheets.html")
    expect(page.locator("[data-team-summary]")).to_contain_text("Atebion cydweithwyr")
    page.get_by_role("button", name="Cau atebion cydweithwyr").click()
    expect(page.locator("[data-team-summary]")).to_be_empty()


DROP = """([zone, files]) => {
  const transfer = new DataTransfer();
  for (const [name, text] of files) transfer.items.add(new File([text], name, {type: 'application/json'}));
  document.querySelector(zone).dispatchEvent(new DragEvent('drop', {dataTransfer: transfer, bubbles: true, cancelable: true}));
}"""


def test_files_dropped_on_my_worksheets_open_together(page, base_url):
    page.goto(base_url + "my-worksheets.html")
    page.locator("[data-import-group][data-drop-ready]").wait_for(state="attached")
    page.evaluate(DROP, ["[data-import-group]", [[f["name"], f["buffer"].decode()] for f in THREE]])
    expect(page.locator("[data-team-file]")).to_have_count(3)


def test_answers_are_combined_into_the_agreed_answer(page, base_url):
    open_worksheet(page, base_url + EVALUATE)
    page.locator(f"{FORM} .toolkit-files > summary").click()
    open_files(page, THREE)
    purpose = page.locator('[data-team="evaluate.core-purpose"]')
    purpose.get_by_role("button", name="Add to the agreed answer: Ann").click()
    purpose.get_by_role("button", name="Add to the agreed answer: Cai").click()
    expect(page.locator('[name="evaluate.core-purpose"]')).to_have_value("Ann: Ann's purpose\n\nCai: Cai's purpose")


def test_a_review_is_compared_in_welsh(page, base_url):
    open_worksheet(page, base_url + "cy/" + EVALUATE)
    page.locator(f'[name="{SCORE.format("prevention")}"][value="partly"]').check()
    wait_saved(page)
    page.goto(base_url + "cy/my-worksheets.html")
    page.get_by_role("button", name=re.compile("^Nodi fel llinell sylfaen")).click()
    page.get_by_role("dialog").get_by_role("button", name="Nodi fel llinell sylfaen").click()
    page.get_by_role("button", name=re.compile("^Dechrau adolygiad")).click()
    open_worksheet(page, base_url + "cy/" + EVALUATE)
    page.locator(f'[name="{SCORE.format("prevention")}"][value="fully"]').check()
    wait_saved(page)
    page.goto(base_url + "cy/my-worksheets.html")
    compare = page.locator(".toolkit-compare")
    expect(compare).to_contain_text("O'i gymharu â llinell sylfaen")
    expect(compare.locator(".toolkit-compare__scores")).to_contain_text("Gwell")


def test_a_whole_assessment_file_at_the_longest_answer_and_name_opens_again(new_page, base_url):
    limits = schema("worksheet-export-v1.schema.json")
    longest = limits["properties"]["answers"]["additionalProperties"]["maxLength"]
    longest_name = limits["properties"]["assessment"]["properties"]["name"]["maxLength"]
    first = open_worksheet(new_page(), base_url + EVALUATE)
    first.get_by_role("button", name="New assessment").click()
    first.get_by_label("Name of the assessment").fill("Ŵ" * longest_name)
    first.get_by_role("dialog").get_by_role("button", name="Save").click()
    first.locator('[name="evaluate.core-purpose"]').fill("ŷ" * longest)
    wait_saved(first)
    first.locator(f"{FORM} .toolkit-files > summary").click()
    with first.expect_download() as info:
        first.get_by_role("button", name="Save the whole assessment (JSON)").click()
        first.get_by_role("dialog").get_by_label("Your name (optional)").fill("N" * 200)
        first.get_by_role("dialog").get_by_role("button", name="Save", exact=True).click()
    document = json.loads(Path(info.value.path()).read_text(encoding="utf-8"))
    validate(document)
    second = new_page()
    second.goto(base_url + "my-worksheets.html")
    open_files(second, [{"name": "longest.json", "mimeType": "application/json", "buffer": json.dumps(document).encode()}])
    expect(second.get_by_role("status")).to_contain_text("Opened the answers from the file")
    open_worksheet(second, base_url + EVALUATE)
    assert second.locator('[name="evaluate.core-purpose"]').input_value() == "ŷ" * longest
