"""Every page has the structure assistive technology relies on (WCAG 1.3.1, 2.4.1, 2.4.2, 2.4.6, 3.1.1),
and the accessibility statement is published, linked from every page's footer, and says how it was tested.
"""

from __future__ import annotations

from collections import Counter

import pytest


def test_every_page_has_exactly_one_h1(site):
    wrong = {page: len(site.soup(page).find_all("h1")) for page in site.pages()}
    wrong = {page: count for page, count in wrong.items() if count != 1}
    assert not wrong, f"pages without exactly one h1 (page: count): {wrong}"


def test_every_page_has_a_unique_title(site):
    """Unique within each language: a page and its translation may share a title until it is translated."""
    titles = {page: (site.soup(page).title.get_text(strip=True) if site.soup(page).title else "") for page in site.pages()}
    assert all(titles.values()), [page for page, title in titles.items() if not title]
    for language in {site.soup(page).html.get("lang") for page in titles}:
        in_language = {p: t for p, t in titles.items() if site.soup(p).html.get("lang") == language}
        repeated = [title for title, n in Counter(in_language.values()).items() if n > 1]
        assert not repeated, f"lang={language}: titles used by more than one page: " + "; ".join(
            f"{title!r} on {[p for p, t in in_language.items() if t == title]}" for title in repeated
        )


def test_every_page_says_its_language(site):
    missing = [page for page in site.pages() if not (site.soup(page).html.get("lang") or "").strip()]
    assert not missing, f"<html> without lang: {missing}"
    # Welsh pages say so, so screen readers pronounce them in Welsh.
    welsh = [page for page in site.pages() if page.startswith("cy/")]
    assert all(site.soup(page).html["lang"].startswith("cy") for page in welsh), welsh


@pytest.mark.parametrize("landmark", ["main", "nav", "footer", "header"])
def test_every_page_has_its_landmarks(site, landmark):
    roles = {"main": "main", "nav": "navigation", "footer": "contentinfo", "header": "banner"}
    missing = [
        page for page in site.pages()
        if not site.soup(page).find(landmark) and not site.soup(page).find(attrs={"role": roles[landmark]})
    ]
    assert not missing, f"pages without a <{landmark}> landmark: {missing}"
    if landmark == "main":
        several = [page for page in site.pages() if len(site.soup(page).find_all("main")) > 1]
        assert not several, f"pages with more than one <main>: {several}"


def test_every_page_has_a_skip_link_to_its_content(site):
    for page in site.pages():
        skip = site.soup(page).select_one("a.md-skip")
        assert skip is not None, f"{page}: no skip link"
        target = skip["href"].lstrip("#")
        assert site.soup(page).find(id=target) is not None, f"{page}: skip link points at missing #{target}"


def test_every_page_footer_links_to_the_accessibility_statement(site):
    """In the footer landmark (<footer>, contentinfo), where screen reader users look for it."""
    missing = []
    for page in site.pages():
        footer = site.soup(page).find("footer")
        links = [a for a in (footer.find_all("a", href=True) if footer else []) if a["href"].endswith("accessibility.html")]
        if not links:
            missing.append(page)
    assert not missing, f"pages whose footer does not link to the accessibility statement: {missing}"


STATEMENT_SECTIONS = [
    "How accessible this website is",
    "Feedback and contact information",
    "Reporting accessibility problems",
    "Enforcement procedure",
    "Technical information about this website's accessibility",
    "Compliance status",
    "Non-accessible content",
    "What we're doing to improve accessibility",
    "Preparation of this accessibility statement",
    "How we tested this website",
]


def test_accessibility_statement_follows_the_uk_model(site):
    soup = site.soup("accessibility.html")
    headings = [h.get_text(" ", strip=True) for h in soup.select("article h2, article h3")]
    missing = [section for section in STATEMENT_SECTIONS if not any(h.startswith(section) for h in headings)]
    assert not missing, f"the statement lacks the model statement's sections: {missing} (has {headings})"
    text = site.text("accessibility.html")
    for fact in ["WCAG 2.2", "AA", "axe-core", "keyboard", "320", "200%", "Public Sector Bodies",
                 "Equality Advisory and Support Service"]:
        assert fact in text, f"the accessibility statement does not mention {fact!r}"


def test_accessibility_statement_is_in_the_navigation(site):
    nav = site.soup("index.html").select_one("nav.md-nav--primary")
    assert nav.find("a", href=lambda h: h and h.endswith("accessibility.html")) is not None
