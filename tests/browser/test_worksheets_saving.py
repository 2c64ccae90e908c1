"""Answers save on every change to this device, are restored on load, and two tabs never lose an edit."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from worksheet_support import READY, FORM, HOLD_TIMERS, RELEASE_TIMERS, fill_all, open_worksheet, read_all, stored, type_answer, wait_saved, worksheet_pages

pytestmark = pytest.mark.browser

ALL_WORKSHEETS = [
    "process/evaluate.html", "process/redesign.html", "process/commission.html", "process/deliver.html",
    *(f"big-ideas/{name}.html" for name in (
        "core-funding", "national-agreement", "keeping-money-in-the-system", "place-based-funding",
        "provider-alliances", "open-accountability", "self-directed-support", "pressing-pause",
        "cross-sector-mediation", "your-own",
    )),
]


def test_the_list_of_worksheets_here_is_every_worksheet_in_the_site(site):
    english = [path for path, _ in worksheet_pages(site) if not path.startswith("cy/")]
    assert sorted(english) == sorted(ALL_WORKSHEETS)


def test_every_field_of_every_worksheet_is_restored_after_a_reload(page, base_url, site):
    """One browser, as one person filling in each worksheet in turn: each keeps its own answers."""
    not_restored = {}
    for path in ALL_WORKSHEETS:
        open_worksheet(page, base_url + path)
        filled = fill_all(page)
        published = {field["name"] for field in site.soup(path).select(f"{FORM} [name]") if field.get("type") != "file"}
        assert set(filled) == published and published, f"{path}: every field the page publishes is filled in"
        page.reload()
        page.locator(READY).wait_for(state="attached")
        shown = read_all(page)
        if shown != filled:
            not_restored[path] = sorted(name for name in filled.keys() | shown.keys() if filled.get(name) != shown.get(name))
        expect(page.locator("[data-status]")).to_have_text(re.compile(r"^Answers restored from this device"))
    assert not not_restored, f"fields not restored as they were filled in: {not_restored}"


def test_a_new_browser_context_with_the_same_storage_restores_the_answers(new_page, base_url):
    first = open_worksheet(new_page(), base_url + "process/evaluate.html")
    filled = fill_all(first)
    state = first.context.storage_state()
    second = open_worksheet(new_page(storage_state=state), base_url + "process/evaluate.html")
    assert read_all(second) == filled


def test_saving_is_announced_in_a_live_region(page, base_url):
    open_worksheet(page, base_url + "process/deliver.html")
    type_answer(page, "deliver.keep-talking", "Monthly meetings with the providers' forum")
    wait_saved(page)
    region = page.get_by_role("status")
    expect(region).to_be_visible()
    expect(region).to_have_text(re.compile(r"^Saved \d\d:\d\d$"))


def test_nothing_is_sent_over_the_network(page, base_url):
    open_worksheet(page, base_url + "process/evaluate.html")
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    fill_all(page)
    page.reload()
    page.locator(READY).wait_for(state="attached")
    assert all(url.startswith(base_url) for url in requests)
    assert not [url for url in requests if not re.search(r"\.(html|js|css|json|png|svg|ico|woff2?)(\?|$)", url)], requests


def test_a_first_visit_can_simply_start_typing_and_the_choice_follows_across_pages(page, base_url):
    open_worksheet(page, base_url + "process/evaluate.html")
    assert stored(page) == {}, "a visit that types nothing must store nothing"
    type_answer(page, "evaluate.core-purpose", "Day opportunities")
    wait_saved(page)
    open_worksheet(page, base_url + "process/redesign.html")
    expect(page.get_by_label("Assessment you are working on")).to_have_value(re.compile(".+"))
    expect(page.get_by_label("Assessment you are working on").locator("option:checked")).to_have_text("My assessment")
    page.goto(base_url + "my-worksheets.html")
    expect(page.locator("[data-mine-list]")).to_contain_text("My assessment")
    expect(page.locator("[data-mine-list]")).to_contain_text("Evaluate")


def test_two_tabs_editing_different_fields_both_keep_their_edits(page, base_url):
    url = base_url + "process/evaluate.html"
    one = open_worksheet(page, url)
    two = open_worksheet(page.context.new_page(), url)
    type_answer(one, "evaluate.core-purpose", "From tab one")
    type_answer(two, "evaluate.data", "From tab two")
    wait_saved(one)
    wait_saved(two)
    # Each tab shows the other's edit without a reload, and a reload shows both.
    expect(one.locator('[name="evaluate.data"]')).to_have_value("From tab two")
    expect(two.locator('[name="evaluate.core-purpose"]')).to_have_value("From tab one")
    one.reload()
    one.locator(READY).wait_for(state="attached")
    assert read_all(one) == {"evaluate.core-purpose": "From tab one", "evaluate.data": "From tab two"}


def test_an_edit_made_in_another_tab_to_a_field_being_typed_in_is_shown_not_lost(page, base_url):
    url = base_url + "process/evaluate.html"
    one = open_worksheet(page, url)
    two = open_worksheet(page.context.new_page(), url)
    type_answer(one, "evaluate.data", "Saved before")
    wait_saved(one)
    one.evaluate(HOLD_TIMERS)
    type_answer(one, "evaluate.core-purpose", "Tab one's purpose")
    type_answer(two, "evaluate.core-purpose", "Tab two's purpose")
    wait_saved(two)
    notice = one.get_by_role("alert").filter(has_text="was also changed in another tab")
    expect(notice).to_be_visible()
    expect(notice).to_contain_text("Tab two's purpose")
    expect(one.locator('[name="evaluate.core-purpose"]')).to_have_value("Tab one's purpose")
    one.evaluate(RELEASE_TIMERS)
    wait_saved(one)
    one.reload()
    expect(one.locator('[name="evaluate.core-purpose"]')).to_have_value("Tab one's purpose")
    expect(one.locator('[name="evaluate.data"]')).to_have_value("Saved before")


def test_two_copies_of_the_toolkit_on_one_origin_keep_their_answers_apart(page, site, tmp_path):
    from conftest import serve_to

    for copy in ("team-a", "team-b"):
        (tmp_path / copy).symlink_to(site.root, target_is_directory=True)
    with serve_to(page, tmp_path) as origin:
        open_worksheet(page, origin + "team-a/process/evaluate.html")
        type_answer(page, "evaluate.core-purpose", "Team A's purpose")
        wait_saved(page)
        open_worksheet(page, origin + "team-b/process/evaluate.html")
        assert read_all(page) == {}
        open_worksheet(page, origin + "team-a/process/evaluate.html")
        assert read_all(page) == {"evaluate.core-purpose": "Team A's purpose"}
        assert sorted(stored(page)) == sorted(
            key for key in stored(page) if key.startswith("scct/v1/team-a/")
        ) and stored(page)


def test_the_welsh_and_english_pages_share_one_set_of_answers(page, base_url):
    open_worksheet(page, base_url + "process/evaluate.html")
    type_answer(page, "evaluate.core-purpose", "One team, two languages")
    wait_saved(page)
    open_worksheet(page, base_url + "cy/process/evaluate.html")
    expect(page.locator('[name="evaluate.core-purpose"]')).to_have_value("One team, two languages")


def test_clearing_an_answer_in_one_tab_clears_it_in_the_other(page, base_url):
    url = base_url + "process/evaluate.html"
    one = open_worksheet(page, url)
    type_answer(one, "evaluate.core-purpose", "To be cleared")
    wait_saved(one)
    two = open_worksheet(page.context.new_page(), url)
    expect(two.locator('[name="evaluate.core-purpose"]')).to_have_value("To be cleared")
    type_answer(two, "evaluate.core-purpose", "")
    expect(one.locator('[name="evaluate.core-purpose"]')).to_have_value("")
    one.reload()
    one.locator(READY).wait_for(state="attached")
    assert read_all(one) == {}
