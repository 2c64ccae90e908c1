"""The score summary: an SVG chart drawn by the toolkit with the same data as a table; Evaluate and
Redesign together; a Big Idea's four tests."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from worksheet_support import open_worksheet, wait_saved

pytestmark = pytest.mark.browser


def score(page, question: str, principle: str, value: str) -> None:
    page.locator(f'[name="{question}/principle.{principle}/score"][value="{value}"]').check()


def rows(table) -> list[list[str]]:
    return [[cell.strip() for cell in row.locator("th, td").all_inner_texts()] for row in table.locator("tr").all()]


def test_no_chart_until_something_is_scored(page, base_url):
    open_worksheet(page, base_url + "process/evaluate.html")
    expect(page.locator("[data-summary]")).to_be_hidden()
    score(page, "evaluate.principle-scores", "prevention", "partly")
    expect(page.get_by_role("region", name="Scores at a glance")).to_be_visible()


def test_evaluate_and_redesign_scores_are_drawn_on_one_chart_with_a_table(page, base_url):
    open_worksheet(page, base_url + "process/evaluate.html")
    score(page, "evaluate.principle-scores", "prevention", "partly")
    score(page, "evaluate.principle-scores", "sustainability", "not-at-all")
    wait_saved(page)
    open_worksheet(page, base_url + "process/redesign.html")
    score(page, "redesign.options-score", "prevention", "fully")
    wait_saved(page)
    region = page.get_by_role("region", name="Scores at a glance")
    table = region.locator("table")
    expect(table.locator("caption")).to_have_text("The scores as a table")
    expect(table.locator("tr", has_text="Prevention")).to_contain_text("Fully")
    data = rows(table)
    assert data[0] == ["Principle", "Evaluate", "Redesign"]
    assert ["Prevention", "Partly", "Fully"] in data
    assert ["Financial sustainability", "Not at all", "Not scored"] in data or any(
        row[1:] == ["Not at all", "Not scored"] for row in data
    )
    svg = region.locator("svg")
    expect(svg).to_be_visible()
    bars = svg.locator("rect.toolkit-chart__bar")
    widths = {
        title: float(width)
        for title, width in bars.evaluate_all("els => els.map(e => [e.querySelector('title')?.textContent, e.getAttribute('width')])")
        if title
    }
    assert widths["Evaluate, Prevention: Partly"] * 2 == widths["Redesign, Prevention: Fully"]
    # The chart follows the form as it changes.
    score(page, "redesign.options-score", "prevention", "mostly")
    expect(table.locator("tr", has_text="Prevention")).to_contain_text("Mostly")
    page.goto(base_url + "my-worksheets.html")
    expect(page.locator("[data-mine-list] table.toolkit-chart-table")).to_contain_text("Partly")
    expect(page.locator("[data-mine-list] svg")).to_be_visible()


def test_a_big_idea_chart_shows_the_four_tests(page, base_url):
    open_worksheet(page, base_url + "big-ideas/pressing-pause.html")
    page.locator('[name="test.power/rating"][value="yes"]').check()
    region = page.get_by_role("region", name="Scores at a glance")
    # The chart's code loads when there is something to draw: wait for the table as a reader would.
    expect(region.locator("table tbody tr", has_text="Power")).to_contain_text("Yes")
    data = rows(region.locator("table"))
    assert data[0] == ["Test", "Your rating"]
    assert len(data) == 5
    assert ["Power", "Yes"] in data
    expect(region.locator("svg rect.toolkit-chart__bar")).to_have_count(4)
