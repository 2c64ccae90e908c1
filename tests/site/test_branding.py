"""Council branding from council.yml, without forking: a sample council's build, and its mistakes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import BuiltSite, build_site
from hosting.council import CouncilError, load_council

SAMPLE = Path(__file__).resolve().parent.parent / "fixtures" / "branding" / "council.yml"


@pytest.fixture(scope="module")
def branded(tmp_path_factory) -> BuiltSite:
    site_dir = tmp_path_factory.mktemp("branded") / "site"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("TOOLKIT_COUNCIL", str(SAMPLE))
        result = build_site(site_dir)
    assert result.returncode == 0, f"the branded site did not build:\n{result.stdout}\n{result.stderr}"
    return BuiltSite(site_dir)


@pytest.mark.parametrize("path", ["index.html", "process/evaluate.html", "big-ideas/core-funding.html"])
def test_footer_names_the_council_with_its_contact_and_links(branded, path):
    footer = branded.soup(path).select_one("[data-council-footer]")
    text = " ".join(footer.get_text(" ").split())
    assert "Published by Example Borough Council" in text
    assert "Adult social care commissioning team" in text and "01234 567890" in text
    links = {a.get_text(strip=True): a["href"] for a in footer.select("a")}
    assert links["Privacy notice"] == "https://www.example-borough.gov.uk/privacy"
    assert links["commissioning@example-borough.gov.uk"] == "mailto:commissioning@example-borough.gov.uk"
    assert (branded.root / Path(path).parent / links["Accessibility statement"]).resolve() == (branded.root / "accessibility.html").resolve()


def test_logo_is_published_and_shown_in_the_header(branded):
    assert (branded.root / "assets/council/logo.svg").read_text() == SAMPLE.with_name("logo.svg").read_text()
    logo = branded.soup("process/evaluate.html").select_one(".md-header .md-logo img")
    assert logo["src"] == "../assets/council/logo.svg" and logo["alt"] == "Example Borough Council"
    strip = branded.soup("process/evaluate.html").select_one("[data-embed-brand]")
    assert strip.select_one("img")["src"] == "../assets/council/logo.svg"
    assert "Example Borough Council" in strip.get_text()


def test_colours_reach_every_page_through_the_generated_stylesheet(branded):
    css = (branded.root / "assets/council/branding.css").read_text()
    assert "--md-primary-fg-color: #6a1b4d;" in css and "--md-typeset-a-color: #6a1b4d;" in css
    for path in branded.pages():
        assert branded.soup(path).select_one('link[href$="assets/council/branding.css"]'), path


def test_embedding_councils_are_in_frame_ancestors(branded):
    policy = re.search(r"Content-Security-Policy: (.*)", (branded.root / "_headers").read_text()).group(1)
    assert "frame-ancestors 'self' https://intranet.example-borough.gov.uk https://*.example-borough.gov.uk" in policy


def test_the_default_build_has_no_council(site):
    """Negative control: without a council, no name, no logo file, and only the site may frame it."""
    assert site.soup("index.html").select_one(".toolkit-footer__organisation") is None
    assert not (site.root / "assets/council/logo.svg").exists()
    assert "frame-ancestors 'self'" in site.html("_headers")
    # No colours: no stylesheet to fetch before the first paint.
    assert not (site.root / "assets/council/branding.css").exists()
    assert not site.soup("index.html").select('link[href*="assets/council/"]')


@pytest.mark.parametrize(
    "text, field",
    [
        ("colours: {primary: 'red; background: url(x)'}", "colours.primary"),
        ("embedding: {frame_ancestors: ['intranet.example.gov.uk']}", "embedding.frame_ancestors"),
        ("logo: missing.svg", "logo"),
        ("organisation: {name: X, colour: red}", "organisation.colour"),
    ],
)
def test_mistakes_in_council_yml_name_the_field(tmp_path, text, field):
    file = tmp_path / "council.yml"
    file.write_text(text, encoding="utf-8")
    with pytest.raises(CouncilError, match=re.escape(field)):
        load_council(file)


def test_a_mistake_fails_the_build_and_says_where(tmp_path):
    bad = tmp_path / "council.yml"
    bad.write_text("colours: {primary: 'not a colour!'}\n", encoding="utf-8")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("TOOLKIT_COUNCIL", str(bad))
        result = build_site(tmp_path / "site")
    assert result.returncode != 0
    assert "colours.primary" in result.stdout + result.stderr
