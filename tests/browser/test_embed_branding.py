"""A sample council's name, logo and colours, as a user sees them, on normal and embedded pages."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect

from conftest import build_site, serve_directory

pytestmark = pytest.mark.browser

SAMPLE = Path(__file__).resolve().parent.parent / "fixtures" / "branding" / "council.yml"
PRIMARY = "rgb(106, 27, 77)"  # #6a1b4d in the sample


@pytest.fixture(scope="module")
def branded_url(tmp_path_factory):
    site_dir = tmp_path_factory.mktemp("branded-browser") / "site"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("TOOLKIT_COUNCIL", str(SAMPLE))
        result = build_site(site_dir)
    assert result.returncode == 0, result.stderr
    with serve_directory(site_dir) as url:
        yield url


def background(locator) -> str:
    return locator.evaluate("(el) => getComputedStyle(el).backgroundColor")


def logo_loaded(locator) -> bool:
    return locator.evaluate("(img) => img.complete && img.naturalWidth > 0")


def test_normal_page_shows_the_council(branded_url, page):
    page.goto(branded_url + "process/evaluate.html")
    header = page.locator(".md-header")
    assert background(header) == PRIMARY
    logo = page.locator(".md-header .md-logo img")
    expect(logo).to_be_visible()
    expect(logo).to_have_attribute("alt", "Example Borough Council")
    assert logo_loaded(logo)
    footer = page.locator("[data-council-footer]")
    expect(footer).to_contain_text("Published by Example Borough Council")
    expect(footer.get_by_role("link", name="Privacy notice")).to_be_visible()
    expect(page.locator("[data-embed-brand]")).to_be_hidden()


def test_embedded_page_shows_the_council(branded_url, page):
    page.goto(branded_url + "process/evaluate.html?embed=1")
    expect(page.locator(".md-header")).to_be_hidden()
    strip = page.locator("[data-embed-brand]")
    expect(strip).to_be_visible()
    expect(strip).to_contain_text("Example Borough Council")
    assert background(strip) == PRIMARY
    assert logo_loaded(strip.locator("img"))


def test_default_colours_are_not_the_councils(base_url, page):
    """Negative control: the unbranded site does not paint the sample's colour."""
    page.goto(base_url + "process/evaluate.html")
    assert background(page.locator(".md-header")) != PRIMARY
