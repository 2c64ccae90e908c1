"""The page as first painted is the page once Material's script has run: nothing pops in or moves.

Material's bundle is deferred (so the page is laid out and painted before it runs, issue 10). Its first
act is to swap <html class="no-js"> for "js", which shows the search; early.js, in <head>, makes that swap
before the first paint, so the search is there from the start. Each test holds the bundle back, measures
the page as first painted, lets the bundle run, and measures again. If the bundle never comes,
file-fallback.js puts "no-js" back, so Material's stylesheet hides the search that could not work.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from worksheet_support import held_back, wait_until_requested

pytestmark = pytest.mark.browser

BUNDLE = "**/assets/javascripts/bundle.*.min.js"
BOX = "(el) => { const r = el.getBoundingClientRect(); return [r.left, r.top, r.width, r.height]; }"
TWO_FRAMES = "new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))"
BUNDLE_RAN = "() => window.document$ !== undefined"  # Material publishes its streams when its bundle runs

# What a person sees of the search at each width: the box in the header, or the button that opens it.
SEARCH = {(1366, 768): "form.md-search__form", (390, 844): "label.md-header__button[for='__search']"}


@pytest.mark.parametrize("viewport", SEARCH, ids=["1366px", "390px"])
def test_the_search_and_the_title_are_painted_where_they_stay(new_page, base_url, viewport):
    page = new_page(viewport={"width": viewport[0], "height": viewport[1]})
    held, release = held_back(page, BUNDLE)
    page.goto(base_url + "process/evaluate.html", wait_until="commit")
    wait_until_requested(page, held, "Material's bundle")
    page.locator("main h1").wait_for()
    page.evaluate(TWO_FRAMES)
    search, title = page.locator(SEARCH[viewport]), page.locator(".md-header__title")
    painted = {"search visible": search.is_visible(), "search": search.evaluate(BOX), "title": title.evaluate(BOX)}

    release()
    page.wait_for_function(BUNDLE_RAN)
    page.wait_for_load_state("load")
    page.evaluate(TWO_FRAMES)
    assert painted == {"search visible": True, "search": search.evaluate(BOX), "title": title.evaluate(BOX)}


def test_without_materials_bundle_the_search_is_hidden_again(new_page, base_url):
    page = new_page(viewport={"width": 1366, "height": 768})
    page.route(BUNDLE, lambda route: route.abort())
    page.goto(base_url + "process/evaluate.html")
    expect(page.locator("html")).to_have_class(re.compile(r"(^| )no-js( |$)"))
    expect(page.locator("form.md-search__form")).to_be_hidden()
    expect(page.locator("main h1")).to_be_visible()
    assert page.evaluate(BUNDLE_RAN) is False
