"""The worksheet bar appears without moving anything (no layout shift, Lighthouse's CLS).

The bar needs JavaScript, so worksheet.js reveals it. Its room is kept from the first paint wherever the
scripts can run (early.js marks <html class="toolkit-supported">; toolkit.css keeps a hidden [data-bar]'s
room), so the questions below it stay where they were painted. Each test holds worksheet.js back, measures
the page as first painted, lets the script run, and measures again; without JavaScript the bar takes no
room at all.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from worksheet_support import FORM, READY, held_back, wait_until_requested

pytestmark = pytest.mark.browser

WORKSHEET_SCRIPT = "**/assets/worksheet/worksheet.js"
FIRST_QUESTION = f"{FORM} .toolkit-question"
LONG_NAME = "Older people's day services, north and east localities, joint review with health partners 2025"

# Every layout shift not caused by input, as Lighthouse counts them (CLS).
RECORD_SHIFTS = """
window.__shifts = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__shifts.push(entry.value);
}).observe({ type: "layout-shift", buffered: true });
"""

TOP = "(el) => el.getBoundingClientRect().top + scrollY"  # in the document, wherever it is scrolled


def open_held(page, url):
    """Open `url` with worksheet.js held back; returns the function that lets it come. Meanwhile the page is
    as first painted."""
    held, release = held_back(page, WORKSHEET_SCRIPT)
    page.add_init_script(RECORD_SHIFTS)
    page.goto(url, wait_until="domcontentloaded")
    expect(page.locator(f"{FORM}[data-module-initialised]")).to_be_attached()  # index.js has asked for it
    page.wait_for_function("() => document.readyState === 'complete'")
    wait_until_requested(page, held, "worksheet.js")
    # two frames: what is measured has been painted
    page.evaluate("new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))")
    return release


def assert_nothing_moves(page, url):
    release = open_held(page, url)
    bar = page.locator(f"{FORM} .toolkit-bar[data-bar]")
    before = page.locator(FIRST_QUESTION).first.evaluate(TOP)
    room = bar.bounding_box()
    shown_early = bar.is_visible() or page.locator(f"{FORM} [data-nojs]").is_visible()

    release()
    page.locator(READY).wait_for(state="attached")
    expect(bar).to_be_visible()
    page.evaluate("new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))")
    after = page.locator(FIRST_QUESTION).first.evaluate(TOP)
    assert after == pytest.approx(before, abs=0.5), f"the first question moved from {before}px to {after}px"
    assert page.evaluate("window.__shifts.reduce((a, b) => a + b, 0)") == pytest.approx(0, abs=0.001)
    # Before the script ran, the bar was not shown (nor focusable) but had its room; and with JavaScript on,
    # no "turn on JavaScript" line was shown.
    assert room and room["height"] > 50 and not shown_early


VIEWPORTS = {"phone": (320, 640), "mobile": (412, 823), "desktop": (1350, 940)}


@pytest.mark.parametrize("viewport", VIEWPORTS, ids=list(VIEWPORTS))
@pytest.mark.parametrize("path", ["process/evaluate.html", "big-ideas/provider-alliances.html", "cy/process/evaluate.html"])
def test_the_bar_appears_without_moving_the_questions(new_page, base_url, path, viewport):
    width, height = VIEWPORTS[viewport]
    page = new_page(viewport={"width": width, "height": height})
    assert_nothing_moves(page, base_url + path)


@pytest.mark.parametrize("viewport", ["phone", "desktop"])
def test_restored_answers_and_a_long_assessment_name_move_nothing_either(new_page, base_url, viewport):
    """A returning person: the status says the answers were restored (it is pinned, out of the bar's flow)
    and the choice of assessment shows a long name (the select has a set width, so the row does not rewrap)."""
    width, height = VIEWPORTS[viewport]
    page = new_page(viewport={"width": width, "height": height})
    url = base_url + "process/evaluate.html"
    page.goto(url)
    page.locator(READY).wait_for(state="attached")
    page.locator(f"{FORM} [data-action=new]").click()
    page.locator("dialog input").fill(LONG_NAME)
    page.locator("dialog button[value=save]").click()
    page.locator(f"{FORM} textarea").first.fill("An answer to restore")
    expect(page.locator(f"{FORM} [data-status]")).to_contain_text(re.compile(r"\d{1,2}:\d{2}"))

    assert_nothing_moves(page, url)
    expect(page.locator(f"{FORM} select[data-assessment] option:checked")).to_have_text(LONG_NAME)
    expect(page.locator(f"{FORM} textarea").first).to_have_value("An answer to restore")
    expect(page.locator(f"{FORM} [data-status]")).not_to_be_empty()


def test_without_javascript_the_bar_takes_no_room(new_page, base_url):
    page = new_page(java_script_enabled=False)
    page.goto(base_url + "process/evaluate.html")
    assert page.locator(f"{FORM} .toolkit-bar[data-bar]").bounding_box() is None
    expect(page.locator(f"{FORM} [data-nojs]")).to_be_visible()
    assert "toolkit-supported" not in (page.locator("html").get_attribute("class") or "")
