"""Hosting anywhere: under a sub-path of another site (with the headers the build generated, its strict
Content-Security-Policy included), opened from disk (the offline zip), and never asking a third-party host
for anything.
"""

from __future__ import annotations

import re

import zipfile
from pathlib import Path
from urllib.parse import urlparse

import pytest
from playwright.sync_api import expect

from conftest import serve_directory
from hosting.offline import pack
from test_csp import csp_page, generated_headers
from worksheet_support import READY, worksheet_pages

pytestmark = pytest.mark.browser

ANSWER = 'form[data-module="worksheet"] textarea'


@pytest.fixture(scope="module")
def subpath_url(site, tmp_path_factory):
    """The site at /toolkit/ on a server whose root is something else (as on an intranet), sending the
    headers the build generated for it (`_headers`, the same as its nginx, Apache and IIS files)."""
    root = tmp_path_factory.mktemp("intranet-root")
    (root / "toolkit").symlink_to(site.root, target_is_directory=True)
    (root / "index.html").write_text("<!doctype html><title>Intranet home</title>", encoding="utf-8")
    with serve_directory(root, headers=generated_headers(site)) as url:
        yield url + "toolkit/"


def assert_styled_with_navigation(page):
    """Material's stylesheet and the toolkit's are applied, and the navigation is there."""
    header = page.locator(".md-header")
    expect(header).to_be_visible()
    assert header.evaluate("(el) => getComputedStyle(el).position") == "sticky"  # main.css loaded
    assert page.locator(".toolkit-footer").evaluate("(el) => getComputedStyle(el).display") == "block"  # toolkit.css
    expect(page.locator(".md-sidebar--primary a.md-nav__link[href$='process/evaluate.html']").first).to_be_visible()


def worksheet_ready(page):
    """The worksheet script has mounted: it has filled in the choice of assessment."""
    expect(page.locator('form[data-module="worksheet"] select[data-assessment] option').first).to_be_attached()


def use_worksheet(page, text: str, saved: str):
    """Answer, see it saved, reload, and find the answer again."""
    worksheet_ready(page)
    field = page.locator(ANSWER).first
    field.fill(text)
    field.blur()
    expect(page.locator('form[data-module="worksheet"] [data-status]').first).to_contain_text(saved)
    page.reload()
    expect(page.locator(ANSWER).first).to_have_value(text)


@pytest.fixture(scope="module")
def saved(toolkit) -> str:
    return toolkit.text("status.saved").split("{")[0].strip()


def test_every_page_works_under_a_sub_path_asks_no_other_host_and_keeps_to_its_policy(site, subpath_url, new_page):
    page = csp_page(new_page)
    origin = urlparse(subpath_url).netloc
    outside, failed = [], []
    page.on("request", lambda r: urlparse(r.url).scheme not in ("data", "blob") and urlparse(r.url).netloc != origin and outside.append(r.url))
    page.on("response", lambda r: r.status >= 400 and failed.append(f"{r.status} {r.url}"))
    # (requests cut short by going on to the next page are aborted, not missing)
    page.on("requestfailed", lambda r: "ERR_ABORTED" not in (r.failure or "") and failed.append(f"{r.failure} {r.url}"))
    pages = site.pages()
    assert len(pages) > 20
    worksheets = {path for path, _ in worksheet_pages(site)}
    for path in pages + ["process/evaluate.html?embed=1"]:
        if path.endswith("?embed=1"):
            # (before leaving the last page) search loads its worker and index from the site too
            page.locator("input.md-search__input").click()
            page.locator("input.md-search__input").press_sequentially("principles")
            expect(page.locator(".md-search-result__item").first).to_be_visible()
        response = page.goto(subpath_url + path)
        assert "content-security-policy" in {name.lower() for name in response.headers}
        expect(page.locator("article h1").first).to_be_visible()
        assert urlparse(page.url).path.startswith("/toolkit/")
        if path.split("?")[0] in worksheets:
            page.locator(READY).wait_for(state="attached")  # its parts loaded too
        page.evaluate("new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)))")  # late scripts ran
    assert outside == [], f"requests to other hosts: {outside}"
    assert failed == [], f"missing under /toolkit/: {failed}"
    assert page.violations == [], f"Content-Security-Policy violations: {page.violations}"


def test_sub_path_styles_navigation_and_worksheets(subpath_url, new_page, saved):
    page = new_page()
    page.goto(subpath_url + "index.html")
    assert_styled_with_navigation(page)
    page.locator(".md-sidebar--primary a.md-nav__link[href$='process/evaluate.html']").first.click()
    expect(page).to_have_url(subpath_url + "process/evaluate.html")
    use_worksheet(page, "Answered under a sub-path", saved)


@pytest.fixture(scope="module")
def unzipped(site, tmp_path_factory) -> Path:
    """The offline zip (as `make offline` makes it), unzipped the way a user would."""
    folder = tmp_path_factory.mktemp("offline")
    archive = pack(site.root, folder / "toolkit.zip")
    with zipfile.ZipFile(archive) as opened:
        names = opened.namelist()
        assert "social-care-toolkit/index.html" in names and "social-care-toolkit/README.txt" in names
        opened.extractall(folder / "unzipped")
    return folder / "unzipped" / "social-care-toolkit"


def test_offline_copy_works_from_disk(unzipped, new_page):
    """Pages, navigation, styles, search and worksheets work from file://. Browsers refuse ES modules from
    file:// (CORS: origin 'null'), so there the page loads the classic-script copy of the same code."""
    page = new_page()
    outside = []
    page.on("request", lambda r: urlparse(r.url).scheme not in ("file", "data", "blob") and outside.append(r.url))
    page.goto(unzipped.joinpath("index.html").as_uri())
    assert_styled_with_navigation(page)
    page.locator(".md-sidebar--primary a.md-nav__link[href$='process/evaluate.html']").first.click()
    expect(page).to_have_url(unzipped.joinpath("process", "evaluate.html").as_uri())
    expect(page.locator("article h1").first).to_be_visible()
    page.locator("form[data-module=worksheet][data-worksheet-ready]").wait_for(state="attached")
    field = page.locator(ANSWER).first
    field.fill("Written on a shared drive")
    expect(page.locator("[role=status]").first).to_contain_text(re.compile(r"\d{1,2}:\d{2}"))
    page.reload()
    page.locator("form[data-module=worksheet][data-worksheet-ready]").wait_for(state="attached")
    expect(page.locator(ANSWER).first).to_have_value("Written on a shared drive")
    # search works from disk: the offline plugin's index script and the local Worker shim
    page.locator("input.md-search__input").click()
    page.locator("input.md-search__input").press_sequentially("principles")
    expect(page.locator(".md-search-result__item").first).to_be_visible()
    page.locator(".md-search-result__item a").first.click()
    expect(page.locator("article h1").first).to_be_visible()
    assert page.url.startswith("file://")
    assert outside == []


READY = "form[data-module=worksheet][data-worksheet-ready]"


def test_the_classic_copy_loads_only_where_the_modules_did_not_run(base_url, unzipped, new_page):
    """file-fallback.js decides by whether the entry module ran (<html data-toolkit-started>), not by the
    protocol: over http the modules run and the copy is never fetched; where the entry module cannot be
    loaded (from disk, or refused by a server) the copy starts the same behaviours, once."""
    page = new_page()
    requested = []
    page.on("request", lambda r: requested.append(r.url))
    page.goto(base_url + "process/evaluate.html")
    page.locator(READY).wait_for(state="attached")
    page.wait_for_load_state("load")
    assert page.evaluate("document.documentElement.hasAttribute('data-toolkit-started')")
    assert not [url for url in requested if url.endswith("toolkit-classic.js")]

    for url in (unzipped.joinpath("process", "evaluate.html").as_uri(), base_url + "process/evaluate.html"):
        page = new_page()
        page.route("**/assets/worksheet/index.js", lambda route: route.abort())  # no effect on file://
        requested = []
        page.on("request", lambda r, requested=requested: requested.append(r.url))
        page.goto(url)
        page.locator(READY).wait_for(state="attached")
        assert [u for u in requested if u.endswith("/assets/toolkit-classic.js")], url
        assert page.locator("[data-module][data-module-initialised]").count() == 1, url  # the worksheet, once
        field = page.locator(ANSWER).first
        field.fill("Saved by the classic copy")
        expect(page.locator("[role=status]").first).to_contain_text(re.compile(r"\d{1,2}:\d{2}"))
