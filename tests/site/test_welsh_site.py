"""The Welsh site: a counterpart for every page, a working switch, lang="cy", and no English interface."""

from __future__ import annotations

import posixpath
import re

import pytest
from bs4 import BeautifulSoup

from macros.translation_io import translatable_files


def english_pages(site) -> list[str]:
    return [page for page in site.pages() if not page.startswith("cy/")]


def welsh_pages(site) -> list[str]:
    return [page.removeprefix("cy/") for page in site.pages() if page.startswith("cy/")]


def test_every_english_page_has_a_welsh_counterpart_and_back(site):
    assert english_pages(site), "the English site is empty"
    assert sorted(english_pages(site)) == sorted(welsh_pages(site))


def switch_target(site, page: str) -> str:
    link = site.soup(page).select_one("[data-language-switch]")
    assert link is not None, f"{page} has no language switch"
    return posixpath.normpath(posixpath.join(posixpath.dirname(page), link["href"]))


@pytest.mark.parametrize("language", ["en", "cy"])
def test_the_language_switch_on_every_page_goes_to_its_counterpart(site, language):
    pages = english_pages(site) if language == "en" else ["cy/" + page for page in welsh_pages(site)]
    for page in pages:
        expected = "cy/" + page if language == "en" else page.removeprefix("cy/")
        assert switch_target(site, page) == expected, page


def test_the_switch_is_labelled_in_the_language_it_leads_to(site):
    english = site.soup("index.html").select_one("[data-language-switch]")
    welsh = site.soup("cy/index.html").select_one("[data-language-switch]")
    assert english["lang"] == english["hreflang"] == "cy"
    assert welsh["lang"] == welsh["hreflang"] == "en"
    assert english.get_text(strip=True) == "Cymraeg"
    assert welsh.get_text(strip=True) == "English"


def test_welsh_pages_declare_welsh_and_english_pages_english(site):
    for page in welsh_pages(site):
        assert site.soup("cy/" + page).html["lang"] == "cy", page
    for page in english_pages(site):
        assert site.soup(page).html["lang"] == "en", page


def test_welsh_pages_show_the_guides_in_welsh(site, toolkit):
    principle = toolkit.principle_by_id["principle.co-production"]
    idea = toolkit.idea_by_id["big-idea.provider-alliances"]
    assert principle.name.cy and idea.title.cy
    assert principle.name.cy in site.text("cy/principles.html")
    assert idea.title.cy in site.text("cy/big-ideas/provider-alliances.html")
    assert idea.title.cy not in site.text("big-ideas/provider-alliances.html")


def interface_strings(toolkit) -> list[str]:
    """English interface strings long enough that finding one on a page can't be a coincidence."""
    strings = []
    for text in toolkit.ui.strings.values():
        words = re.sub(r"\{[a-z_]+\}", " ", text.en).split()
        if len(words) >= 2 and text.en != text.get("cy"):
            strings.append(" ".join(words))
    return strings


def test_no_english_interface_string_appears_on_a_welsh_page(site, toolkit):
    strings = interface_strings(toolkit)
    assert len(strings) > 20, "the check has too few strings to mean anything"
    found = []
    for page in welsh_pages(site):
        soup = BeautifulSoup(site.html("cy/" + page), "html.parser")  # a copy: elements are removed below
        # Passages marked as English (a publication's English title, the link to the English page) are
        # right to be English; everything else on a Welsh page must be Welsh.
        for element in soup(["script", "style"]) + soup.select('[lang="en"]'):
            element.decompose()
        visible = " ".join(soup.get_text(" ").split())
        attributes = " ".join(
            value for tag in soup.find_all(True) for name, value in tag.attrs.items()
            if name in ("aria-label", "title", "placeholder", "alt") and isinstance(value, str)
        )
        found += [f"{page}: {s!r}" for s in strings if s in visible or s in attributes]
    assert not found, "English interface text on Welsh pages:\n" + "\n".join(found[:30])


def test_the_welsh_interface_strings_reach_the_worksheet_scripts(site, toolkit):
    """Strings the worksheet JavaScript shows come from the data the page loads, in the page's language."""
    saved = toolkit.ui.strings["status.saved"]
    assert saved.cy and saved.cy != saved.en
    assert site.worksheet_config("cy/process/evaluate.html")["strings"]["status.saved"] == saved.cy
    assert site.worksheet_config("process/evaluate.html")["strings"]["status.saved"] == saved.en


def test_all_content_is_translated(toolkit):
    missing = [f"{name}: {key}" for name, entries in translatable_files(toolkit).items()
               for key, _, current in entries if not current]
    assert not missing, "strings with no Welsh:\n" + "\n".join(missing)


def test_draft_translations_say_so_on_welsh_pages_only(site, toolkit):
    notice = toolkit.text("language.draft_notice", "cy")
    drafts = [name for name, status in toolkit.translation_reviews.items() if status == "draft"]
    for page in ("cy/index.html", "cy/process/evaluate.html"):
        assert (notice in site.text(page)) == bool(drafts), page
    assert notice not in site.text("index.html")


def test_english_titles_inside_welsh_pages_are_marked_as_english(site):
    marked = " ".join(span.get_text() for span in site.soup("cy/sources.html").select('[lang="en"]'))
    assert "Big Ideas for changing how social care is planned, purchased and paid for" in marked


def test_welsh_pages_describe_themselves_in_welsh(site, toolkit):
    description = site.soup("cy/index.html").select_one('meta[name="description"]')["content"]
    assert description == toolkit.text("toolkit.description", "cy")
    assert site.soup("index.html").select_one('meta[name="description"]')["content"] == toolkit.text("toolkit.description")


def test_welsh_words_inside_english_pages_are_marked_as_welsh(site):
    marked = [span.get_text() for span in site.soup("sources.html").select('[lang="cy"]')]
    assert "Llywodraeth Cymru" in marked
    assert "Cymraeg" in [a.get_text(strip=True) for a in site.soup("sources.html").select('a[lang="cy"]')]
