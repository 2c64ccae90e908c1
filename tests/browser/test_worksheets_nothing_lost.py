"""Nothing a person types is lost or locked in: storage granted late, other copies of the toolkit, files
at the limits, other tabs that delete, replace or edit the same answer, retired worksheets, storage that
fails, browsers that clear site data; and exports and embedding that cannot be given a false shape."""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

import pytest
from playwright.sync_api import expect

from conftest import serve_to
from test_worksheets_storage_failure import DISABLED, QUOTA
from worksheet_support import (READY, FORM, HOLD_TIMERS, RELEASE_TIMERS, held_back, import_file, in_front, open_worksheet,
                               read_all, stored, type_answer, wait_saved)

pytestmark = pytest.mark.browser

EVALUATE = "process/evaluate.html"
SCHEMA = Path(__file__).resolve().parents[2] / "docs" / "schemas" / "worksheet-export-v1.schema.json"


def limits() -> dict:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    return {
        "length": schema["properties"]["answers"]["additionalProperties"]["maxLength"],
        "name": schema["properties"]["assessment"]["properties"]["name"]["maxLength"],
    }


def record(page, assessment: str = "default", sheet: str = "evaluate") -> dict:
    for key, value in stored(page).items():
        if key.endswith(f"/answers/{assessment}/{sheet}"):
            return json.loads(value)
    return {}


def index(page) -> dict:
    return json.loads(next(v for k, v in stored(page).items() if k.endswith("/index")))


def save_json(page) -> dict:
    """Click "Save to a file (JSON)", opening the files section first if it is closed."""
    files = in_front(page).locator(f"{FORM} .toolkit-files")
    if files.get_attribute("open") is None:
        files.locator("summary").click()
    with page.expect_download() as info:
        page.get_by_role("button", name="Save to a file (JSON)").click()
    return json.loads(open(info.value.path(), encoding="utf-8").read())


def new_assessment(page, name: str) -> None:
    page.get_by_role("button", name="New assessment").click()
    page.get_by_label("Name of the assessment").fill(name)
    page.get_by_role("dialog").get_by_role("button", name="Save").click()


# -- 1. storage granted to a frame merges with what the device holds ----------------------------------


def test_storage_granted_later_merges_field_by_field_and_keeps_other_assessments(new_page, base_url):
    device = open_worksheet(new_page(), base_url + EVALUATE)
    type_answer(device, "evaluate.core-purpose", "The device's purpose")
    type_answer(device, "evaluate.data", "The device's data")
    wait_saved(device)
    new_assessment(device, "Another service")
    type_answer(device, "evaluate.data", "Another service's data")
    wait_saved(device)
    device.get_by_label("Assessment you are working on").select_option(label="My assessment")

    frame = new_page(storage_state=device.context.storage_state())
    frame.add_init_script(DISABLED)  # as in a cross-site frame before the Storage Access API grants storage
    open_worksheet(frame, base_url + EVALUATE)
    type_answer(frame, "evaluate.core-purpose", "The frame's purpose")
    expect(frame.get_by_role("status")).to_contain_text("Not saved")
    frame.evaluate(HOLD_TIMERS)  # still typing when storage is granted: this answer waits for its pause
    type_answer(frame, "evaluate.who-to-talk-with", "The frame's people")
    frame.evaluate("window.__storageBlocked = false; document.dispatchEvent(new Event('toolkit:storage-retry'))")

    expect(frame.get_by_role("status")).to_have_text(re.compile(r"^Saved \d\d:\d\d$"))
    kept = record(frame)
    assert kept["answers"]["evaluate.core-purpose"] == "The device's purpose"
    assert kept["conflicts"]["evaluate.core-purpose"] == ["The frame's purpose"]
    assert kept["answers"]["evaluate.data"] == "The device's data"
    assert kept["answers"]["evaluate.who-to-talk-with"] == "The frame's people"
    assert sorted(a["name"] for a in index(frame)["assessments"]) == ["Another service", "My assessment"]
    # The page shows the device's answer in the box and asks which to keep.
    expect(frame.locator('[name="evaluate.data"]')).to_have_value("The device's data")
    conflict = frame.get_by_role("alert").filter(has_text="was also changed in another tab")
    expect(conflict).to_contain_text("The frame's purpose")
    conflict.get_by_role("button", name="Use this answer instead").click()
    expect(frame.locator('[name="evaluate.core-purpose"]')).to_have_value("The frame's purpose")
    expect(conflict).to_have_count(0)
    assert "evaluate.core-purpose" not in record(frame).get("conflicts", {})


# -- 1b. typing while the worksheet is still starting ----------------------------------------------------

# The worksheet starts in short tasks and lets the page answer the person in between (scheduler.yield, or a
# timer where there is none): type in that moment, as a person tapping into a box at once would.
TYPE_WHILE_STARTING = """() => {
  const real = scheduler.yield.bind(scheduler);
  window.__typedWhileStarting = false;
  scheduler.yield = () => {
    if (!window.__typedWhileStarting && document.querySelector('form[data-module="worksheet"]:not([data-worksheet-ready])')) {
      window.__typedWhileStarting = true;
      const field = document.querySelector('[name="evaluate.data"]');
      field.value = "Typed while the page was starting";
      field.dispatchEvent(new Event("input", {bubbles: true}));
    }
    return real();
  };
}"""


def assert_shown_and_saved(page, answers: dict[str, str]) -> None:
    """The started worksheet shows exactly `answers`, and once it has saved, stores exactly them."""
    assert read_all(page) == answers
    wait_saved(page)
    assert record(page)["answers"] == answers


def test_an_answer_typed_while_the_worksheet_starts_is_kept_with_the_restored_ones(page, base_url):
    open_worksheet(page, base_url + EVALUATE)
    type_answer(page, "evaluate.core-purpose", "Saved on an earlier visit")
    wait_saved(page)
    again = page.context.new_page()
    again.add_init_script(f"({TYPE_WHILE_STARTING})()")
    open_worksheet(again, base_url + EVALUATE)
    assert again.evaluate("window.__typedWhileStarting"), "the worksheet started in one task: no moment to type"
    assert_shown_and_saved(again, {
        "evaluate.core-purpose": "Saved on an earlier visit",
        "evaluate.data": "Typed while the page was starting",
    })


def test_an_answer_typed_before_the_worksheet_script_ran_is_kept_and_saved(page, base_url):
    """On a slow connection the boxes are there before the script: what a person types then is theirs."""
    open_worksheet(page, base_url + EVALUATE)
    type_answer(page, "evaluate.core-purpose", "Saved on an earlier visit")
    wait_saved(page)
    held, release = held_back(page, "**/worksheet/worksheet.js")  # the script is slow to come
    page.goto(base_url + EVALUATE)
    page.wait_for_function("() => document.readyState === 'complete'")
    page.locator('[name="evaluate.data"]').fill("Typed before the script came")
    page.locator('[name="evaluate.core-purpose"]').fill("Changed before the script came")
    assert held and page.locator(READY).count() == 0, "the worksheet started before the typing"
    release()
    page.locator(READY).wait_for(state="attached")
    assert_shown_and_saved(page, {
        "evaluate.core-purpose": "Changed before the script came",
        "evaluate.data": "Typed before the script came",
    })


# -- 2. delete all touches only this copy's keys --------------------------------------------------------


def test_delete_all_at_the_root_leaves_a_copy_in_a_sub_folder_alone(page, site, tmp_path):
    for entry in site.root.iterdir():
        (tmp_path / entry.name).symlink_to(entry, target_is_directory=entry.is_dir())
    (tmp_path / "v2").symlink_to(site.root, target_is_directory=True)
    with serve_to(page, tmp_path) as origin:
        for copy in ("", "v2/"):
            open_worksheet(page, origin + copy + EVALUATE)
            type_answer(page, "evaluate.core-purpose", f"Purpose in /{copy}")
            wait_saved(page)
        page.goto(origin + "my-worksheets.html")
        page.get_by_role("button", name="Delete all my data").click()
        page.get_by_role("dialog").get_by_role("button", name="Delete all my data").click()
        expect(page.get_by_role("status")).to_contain_text("All your data has been deleted")
        left = stored(page)
        assert left and all(key.startswith("scct/v1/v2/") for key in left), left
        open_worksheet(page, origin + "v2/" + EVALUATE)
        assert read_all(page) == {"evaluate.core-purpose": "Purpose in /v2/"}


# -- 3. everything a person can type or name survives a file ------------------------------------------


def test_an_answer_box_takes_no_more_than_the_format_allows_and_counts_down(page, base_url):
    maximum = limits()["length"]
    open_worksheet(page, base_url + EVALUATE)
    box = page.locator('[name="evaluate.core-purpose"]')
    assert box.get_attribute("maxlength") == str(maximum)
    count = page.locator("#f-evaluate\\.core-purpose-count")
    expect(count).to_be_hidden()
    box.focus()
    page.keyboard.insert_text("x" * (maximum - 50))
    expect(count).to_be_visible()
    expect(count).to_have_text("You have 50 characters remaining")
    assert "f-evaluate.core-purpose-count" in box.get_attribute("aria-describedby")
    page.keyboard.insert_text("y" * 20_000)  # a long paste past the limit
    assert len(box.input_value()) == maximum
    expect(count).to_have_text("You have 0 characters remaining")


def test_the_longest_answer_and_name_saved_to_a_file_open_in_another_browser(new_page, base_url):
    maximum = limits()
    first = open_worksheet(new_page(), base_url + EVALUATE)
    new_assessment(first, "N" * maximum["name"])
    first.locator('[name="evaluate.core-purpose"]').fill("é" * maximum["length"])
    wait_saved(first)
    # Duplicate adds " (copy)": the name is shortened to fit, not pushed past the limit.
    first.goto(base_url + "my-worksheets.html")
    first.get_by_role("button", name=re.compile("^Duplicate")).click()
    copy_name = next(a["name"] for a in index(first)["assessments"] if a["name"].endswith("(copy)"))
    assert len(copy_name) <= maximum["name"]
    with first.expect_download() as info:
        first.locator("[data-assessment]").filter(has_text="(copy)").get_by_role("button", name=re.compile("^Save to a file")).click()
    saved = open(info.value.path(), encoding="utf-8").read()

    other = open_worksheet(new_page(), base_url + EVALUATE)
    import_file(other, "copy.json", saved)
    expect(other.get_by_role("status")).to_contain_text("Opened the answers from the file")
    expect(other.locator("[data-error-summary]")).to_be_hidden()
    assert other.locator('[name="evaluate.core-purpose"]').input_value() == "é" * maximum["length"]
    # Opening it again "as a new assessment" adds " (imported)", also within the limit, and that opens too.
    import_file(other, "copy.json", saved)
    other.get_by_role("dialog").get_by_role("button", name="Open as a new assessment").click()
    expect(other.get_by_role("status")).to_contain_text("Opened the answers from the file")
    again = save_json(other)
    assert again["assessment"]["name"].endswith("(imported)") and len(again["assessment"]["name"]) <= maximum["name"]
    third = open_worksheet(new_page(), base_url + EVALUATE)
    import_file(third, "again.json", json.dumps(again))
    expect(third.get_by_role("status")).to_contain_text("Opened the answers from the file")


# -- 4. a deletion or a replacement wins in every tab ---------------------------------------------------


def test_replacing_answers_from_a_file_wins_in_another_open_tab(page, base_url):
    one = open_worksheet(page, base_url + EVALUATE)
    type_answer(one, "evaluate.core-purpose", "Before the file")
    type_answer(one, "evaluate.data", "Not in the file")
    wait_saved(one)
    two = open_worksheet(page.context.new_page(), base_url + EVALUATE)
    document = save_json(one)
    document["answers"] = {"evaluate.core-purpose": "From the file"}
    import_file(one, "file.json", json.dumps(document))
    one.get_by_role("dialog").get_by_role("button", name="Replace answers").click()
    expect(one.get_by_role("status")).to_contain_text("Opened the answers from the file")

    expect(two.get_by_role("alert").filter(has_text="were replaced from a file")).to_be_visible()
    expect(two.locator('[name="evaluate.data"]')).to_have_value("")
    type_answer(two, "evaluate.who-to-talk-with", "Typed after the replacement")
    wait_saved(two)
    answers = record(two)["answers"]
    assert answers.get("evaluate.data", "") == "" and answers["evaluate.core-purpose"] == "From the file"


def test_a_tab_left_open_after_delete_all_does_not_write_the_answers_back(page, base_url):
    sheet = open_worksheet(page, base_url + EVALUATE)
    type_answer(sheet, "evaluate.core-purpose", "To be deleted")
    type_answer(sheet, "evaluate.data", "Also to be deleted")
    wait_saved(sheet)
    mine = page.context.new_page()
    mine.goto(base_url + "my-worksheets.html")
    mine.get_by_role("button", name="Delete all my data").click()
    mine.get_by_role("dialog").get_by_role("button", name="Delete all my data").click()
    expect(mine.get_by_role("status")).to_contain_text("All your data has been deleted")

    expect(sheet.get_by_role("alert").filter(has_text="was deleted in another tab")).to_be_visible()
    expect(sheet.locator('[name="evaluate.data"]')).to_have_value("")
    type_answer(sheet, "evaluate.who-to-talk-with", "A fresh start")
    wait_saved(sheet)
    answers = record(sheet)["answers"]
    assert answers == {"evaluate.who-to-talk-with": "A fresh start"}, answers


def test_a_tab_left_open_after_deleting_its_assessment_says_so_and_shows_the_unsaved_text(page, base_url):
    sheet = open_worksheet(page, base_url + EVALUATE)
    new_assessment(sheet, "Short-lived")
    type_answer(sheet, "evaluate.core-purpose", "Saved answer")
    wait_saved(sheet)
    mine = page.context.new_page()
    mine.goto(base_url + "my-worksheets.html")
    in_front(sheet).evaluate(HOLD_TIMERS)  # still typing: this text is not saved yet
    type_answer(sheet, "evaluate.data", "Typed but not saved")
    in_front(mine).get_by_role("button", name="Delete: Short-lived").click()
    mine.get_by_role("dialog").get_by_role("button", name="Delete").click()
    expect(mine.get_by_role("status")).to_contain_text("Deleted")

    notice = sheet.get_by_role("alert").filter(has_text="was deleted in another tab")
    expect(notice).to_contain_text("Typed but not saved")
    sheet.evaluate(RELEASE_TIMERS)
    sheet.evaluate("() => document.querySelector('form[data-module=\"worksheet\"]').worksheet.save()")
    assert not any("Short-lived" in value or "Typed but not saved" in value for value in stored(sheet).values())


# -- 5. the same answer changed in two tabs: both kept, choose in either ------------------------------


def test_the_same_answer_changed_in_two_tabs_is_kept_twice_until_chosen_in_either(page, base_url):
    one = open_worksheet(page, base_url + EVALUATE)
    two = open_worksheet(page.context.new_page(), base_url + EVALUATE)
    one.evaluate(HOLD_TIMERS)
    type_answer(one, "evaluate.core-purpose", "Tab one's purpose")
    type_answer(two, "evaluate.core-purpose", "Tab two's purpose")
    wait_saved(two)
    one.evaluate(RELEASE_TIMERS)
    wait_saved(one)
    # Tab two, whose text was replaced in the box, is told and offered its own text back.
    conflict_two = two.get_by_role("alert").filter(has_text="was also changed in another tab")
    expect(two.locator('[name="evaluate.core-purpose"]')).to_have_value("Tab one's purpose")
    expect(conflict_two).to_contain_text("Tab two's purpose")
    conflict_one = one.get_by_role("alert").filter(has_text="was also changed in another tab")
    expect(conflict_one).to_contain_text("Tab two's purpose")
    in_front(two)
    conflict_two.get_by_role("button", name="Use this answer instead").click()
    for tab in (one, two):
        expect(tab.locator('[name="evaluate.core-purpose"]')).to_have_value("Tab two's purpose")
        expect(tab.get_by_role("alert").filter(has_text="was also changed in another tab")).to_have_count(0)
    one.reload()
    expect(one.locator('[name="evaluate.core-purpose"]')).to_have_value("Tab two's purpose")
    expect(one.get_by_role("alert").filter(has_text="was also changed")).to_have_count(0)


# -- 6. answers to a worksheet or question no longer in the toolkit -----------------------------------

RETIRED = """() => {
  const prefix = 'scct/v1/';
  const time = '2026-05-01T10:00:00.000Z';
  localStorage.setItem(prefix + 'index', JSON.stringify({current: 'old', assessments: [
    {id: 'old', name: 'Older service', created: time, updated: time, sheets: {'retired-sheet': time, evaluate: time}}]}));
  localStorage.setItem(prefix + 'answers/old/retired-sheet', JSON.stringify({updated: time, epoch: 'e1',
    answers: {'retired.question': 'An answer to a retired worksheet'}, title: 'A worksheet since retired',
    labels: {'retired.question': 'What did the retired worksheet ask?'}}));
  localStorage.setItem(prefix + 'answers/old/evaluate', JSON.stringify({updated: time, epoch: 'e2',
    answers: {'evaluate.core-purpose': 'Still here', 'evaluate.retired-question': 'An answer to a retired question'},
    labels: {'evaluate.retired-question': 'What did the retired question ask?'}}));
}"""


def test_answers_to_a_retired_worksheet_are_shown_by_name_and_can_be_saved_to_a_file(page, base_url):
    page.goto(base_url + "my-worksheets.html")
    page.evaluate(RETIRED)
    page.reload()
    card = page.locator('[data-assessment="old"]')
    expect(card).to_contain_text("A worksheet since retired (no longer in this toolkit)")
    expect(card).not_to_contain_text("No answers yet")
    card.get_by_text("Answers to worksheets no longer in this toolkit").click()
    expect(card).to_contain_text("What did the retired worksheet ask?")
    expect(card).to_contain_text("An answer to a retired worksheet")
    with page.expect_download() as info:
        card.get_by_role("button", name="Save to a file: A worksheet since retired (no longer in this toolkit)").click()
    saved = json.loads(open(info.value.path(), encoding="utf-8").read())
    assert saved["worksheet"] == "retired-sheet"
    assert saved["answers"] == {"retired.question": "An answer to a retired worksheet"}


def test_an_answer_to_a_retired_question_is_listed_under_its_old_words(page, base_url):
    page.goto(base_url + "my-worksheets.html")
    page.evaluate(RETIRED)
    open_worksheet(page, base_url + EVALUATE)
    orphans = page.locator("[data-orphans]")
    expect(orphans).to_be_visible()
    expect(orphans.locator("dt")).to_have_text(["What did the retired question ask?"])
    expect(orphans.locator("dd")).to_have_text(["An answer to a retired question"])


# -- 7. storage unavailable: warn before leaving; a quota that clears stops warning -------------------


def test_leaving_with_answers_kept_only_in_the_page_asks_first(new_page, base_url):
    page = new_page()
    page.add_init_script(DISABLED)
    open_worksheet(page, base_url + EVALUATE)
    page.locator('[name="evaluate.core-purpose"]').click()
    page.keyboard.type("Only in this page")
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.type), dialog.dismiss()))
    page.close(run_before_unload=True)
    page.wait_for_timeout(500)
    assert dialogs == ["beforeunload"]


def test_leaving_after_everything_is_saved_does_not_ask(page, base_url):
    open_worksheet(page, base_url + EVALUATE)
    page.locator('[name="evaluate.core-purpose"]').click()
    page.keyboard.type("Saved on the device")
    wait_saved(page)
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.type), dialog.dismiss()))
    page.close(run_before_unload=True)
    time.sleep(0.5)
    assert dialogs == []


def test_once_a_full_storage_has_room_again_the_warning_goes(new_page, base_url):
    page = new_page()
    page.add_init_script(QUOTA)
    open_worksheet(page, base_url + EVALUATE)
    type_answer(page, "evaluate.core-purpose", "Kept in the page")
    expect(page.get_by_role("status")).to_contain_text("Not saved")
    expect(page.get_by_role("alert").filter(has_text="no room")).to_be_visible()
    page.evaluate("window.__storageFull = false")
    type_answer(page, "evaluate.data", "Room again")
    wait_saved(page)
    expect(page.get_by_role("alert").filter(has_text="no room")).to_have_count(0)
    assert record(page)["answers"] == {"evaluate.core-purpose": "Kept in the page", "evaluate.data": "Room again"}


# -- 8. browsers that clear site data ------------------------------------------------------------------

COUNT_PERSIST = """(() => {
  window.__persistCalls = 0;
  if (navigator.storage) navigator.storage.persist = () => (window.__persistCalls++, Promise.resolve(true));
})();"""


def test_persistent_storage_is_asked_for_and_my_worksheets_says_when_a_file_was_last_saved(new_page, base_url):
    page = new_page()
    page.add_init_script(COUNT_PERSIST)
    open_worksheet(page, base_url + EVALUATE)
    type_answer(page, "evaluate.core-purpose", "Worth keeping")
    wait_saved(page)
    assert page.evaluate("window.__persistCalls") == 1
    page.goto(base_url + "my-worksheets.html")
    reminder = page.locator("[data-file-reminder]")
    expect(reminder).to_have_text("Not saved to a file yet.")
    open_worksheet(page, base_url + EVALUATE)
    save_json(page)
    page.goto(base_url + "my-worksheets.html")
    expect(reminder).to_contain_text("Last saved to a file:")
    expect(reminder).not_to_contain_text("changed since")
    open_worksheet(page, base_url + EVALUATE)
    type_answer(page, "evaluate.data", "A later change")
    wait_saved(page)
    page.goto(base_url + "my-worksheets.html")
    expect(reminder).to_contain_text("It has changed since then")


# -- 13. Markdown cannot be given structure by an answer, a name or a choice ---------------------------


def test_markdown_export_keeps_every_answer_inside_its_quote(page, base_url):
    # A textarea turns CR into LF, but a file can carry a lone CR, a Unicode line separator or a name
    # with a line break: the export must not let any of them start a heading or a list.
    open_worksheet(page, base_url + EVALUATE)
    hostile = "first line\r# Injected heading\r- injected item\u2028## another\r\n1. numbered"
    document = {
        "format": "social-care-commissioning-toolkit/worksheet", "version": 1, "worksheet": "evaluate",
        "assessment": {"name": "Day\r# services"}, "answers": {"evaluate.core-purpose": hostile},
    }
    import_file(page, "hostile.json", json.dumps(document))
    expect(page.get_by_role("status")).to_contain_text("Opened the answers from the file")
    with page.expect_download() as info:
        page.get_by_role("button", name="Download as text (Markdown)").click()
    text = open(info.value.path(), encoding="utf-8", newline="").read()
    assert "\r" not in text and "\u2028" not in text
    lines = text.split("\n")
    start = lines.index("> first line\\")
    assert lines[start:start + 5] == ["> first line\\", "> \\# Injected heading\\", "> \\- injected item\\", "> \\## another\\", "> 1\\. numbered"]
    assert not any(re.match(r"^(#+ Injected|- injected|## another|# services)", line) for line in lines)
    assert "Assessment: Day # services" in text


# -- 14. names with right-to-left overrides are isolated ------------------------------------------------


def test_a_name_with_a_right_to_left_override_cannot_reorder_the_words_around_it(page, base_url):
    name = "\u202eevil name"
    open_worksheet(page, base_url + EVALUATE)
    new_assessment(page, name)
    type_answer(page, "evaluate.core-purpose", "Anything")
    wait_saved(page)
    page.goto(base_url + "my-worksheets.html")
    card = page.locator("[data-mine-list] section").filter(has_text="evil name")
    expect(card.locator("h2 > bdi")).to_have_text(name)
    assert card.locator("h2 > bdi").evaluate("(el) => getComputedStyle(el).unicodeBidi") == "isolate"
    card.get_by_role("button", name=re.compile("^Delete")).click()
    expect(page.get_by_role("dialog").locator("h2 > bdi")).to_have_text(name)


# -- 15. a host that greets but never resizes cannot freeze the frame ---------------------------------


def test_a_host_that_never_resizes_the_frame_leaves_it_scrolling(page, site, tmp_path):
    (tmp_path / "toolkit").symlink_to(site.root, target_is_directory=True)
    (tmp_path / "host.html").write_text("""<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title>
<link rel="icon" href="data:,"></head><body><h1>Host</h1>
<iframe src="toolkit/process/evaluate.html?embed=1" title="Worksheet" style="width:100%;height:300px;border:0"></iframe>
<script>
// Says hello to every height message, as host.js does, but never changes the frame's height.
addEventListener("message", (event) => {
  if (event.data && event.data.type === "toolkit:embed:height") event.source.postMessage({type: "toolkit:embed:host", version: 1}, event.origin);
});
</script></body></html>""", encoding="utf-8")
    with serve_to(page, tmp_path) as origin:
        page.goto(origin + "host.html")
        frame = page.frames[1]
        frame.wait_for_load_state()
        frame.locator(READY).wait_for(state="attached")
        page.wait_for_timeout(1500)  # the hello has been said several times by now
        assert "toolkit-embed--sized" not in frame.evaluate("document.documentElement.className")
        frame.evaluate("window.scrollTo(0, 800)")
        assert frame.evaluate("window.scrollY") > 0, "the frame must still scroll"
