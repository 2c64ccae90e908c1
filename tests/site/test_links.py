"""Every internal link, asset and #anchor in the built site resolves (tests read site/ as built).

Each page's href and src values are resolved relative to the page, as a browser does; the file must exist
and a #fragment must name an element id in the target page. Links stay relative so the site works under
any sub-path and from file://, so only the 404 page (served at any depth) may start a link with "/".
"""

from __future__ import annotations

import functools
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urljoin, urlsplit

from bs4 import BeautifulSoup

SKIP_SCHEMES = {"http", "https", "mailto", "tel", "javascript", "data", "blob"}
LINK_ATTRIBUTES = {"a": "href", "link": "href", "area": "href", "script": "src", "img": "src",
                   "iframe": "src", "source": "src", "form": "action"}


@functools.lru_cache(maxsize=None)
def _ids(file: Path) -> frozenset[str]:
    soup = BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")
    return frozenset(tag["id"] for tag in soup.find_all(id=True)) | frozenset(
        tag["name"] for tag in soup.find_all("a", attrs={"name": True})
    )


def broken_links(root: Path, pages: list[str]) -> list[str]:
    """Every link or asset reference in `pages` (paths under `root`) that does not resolve, described."""
    problems = []
    for page in pages:
        soup = BeautifulSoup((root / page).read_text(encoding="utf-8"), "html.parser")
        base = "http://site.invalid/" + page
        for tag_name, attribute in LINK_ATTRIBUTES.items():
            for tag in soup.find_all(tag_name, attrs={attribute: True}):
                value = tag[attribute].strip()
                if not value or urlsplit(value).scheme in SKIP_SCHEMES:
                    continue
                if PurePosixPath(page).name != "404.html" and value.startswith("/"):
                    problems.append(f"{page}: <{tag_name} {attribute}={value!r}> is root-absolute (breaks under a sub-path)")
                    continue
                target = urlsplit(urljoin(base, value))
                path = unquote(target.path).lstrip("/")
                if not path or path.endswith("/"):
                    path += "index.html"
                file = root / PurePosixPath(path)
                if not file.is_file():
                    problems.append(f"{page}: <{tag_name} {attribute}={value!r}>: {path} does not exist")
                    continue
                if target.fragment and file.suffix == ".html" and unquote(target.fragment) not in _ids(file):
                    problems.append(f"{page}: <{tag_name} {attribute}={value!r}>: {path} has no id {target.fragment!r}")
    return problems


def all_pages(root: Path) -> list[str]:
    return sorted(str(p.relative_to(root)) for p in root.rglob("*.html"))


def test_every_internal_link_and_anchor_resolves(site):
    pages = all_pages(site.root)
    assert len(pages) > 20
    problems = broken_links(site.root, pages)
    assert not problems, f"{len(problems)} broken link(s):\n" + "\n".join(problems)


def test_every_page_links_to_its_stylesheets_and_scripts(site):
    """The checker sees the assets: every page loads the toolkit stylesheet and the worksheet script."""
    for page in site.pages():
        soup = site.soup(page)
        assert any(link["href"].endswith("assets/toolkit.css") for link in soup.select("link[rel=stylesheet]")), page
        assert any(script["src"].endswith("assets/worksheet/index.js") for script in soup.select("script[src]")), page


def test_the_checker_finds_missing_files_and_anchors(tmp_path):
    """Negative control on a two-page site: a missing page, a missing anchor, a missing asset, a root link."""
    (tmp_path / "sub").mkdir()
    (tmp_path / "index.html").write_text(
        '<a href="sub/page.html#here">ok</a><a href="sub/page.html#nowhere">bad anchor</a>'
        '<a href="missing.html">bad page</a><img src="img/none.png"><a href="#top">own</a><p id="top"></p>'
        '<a href="/sub/page.html">root</a><a href="https://example.org/x">external</a>',
        encoding="utf-8",
    )
    (tmp_path / "sub" / "page.html").write_text('<h2 id="here">Here</h2><a href="../index.html#top">up</a>', encoding="utf-8")
    problems = broken_links(tmp_path, all_pages(tmp_path))
    assert len(problems) == 4, problems
    assert any("nowhere" in p for p in problems) and any("missing.html" in p for p in problems)
    assert any("none.png" in p for p in problems) and any("root-absolute" in p for p in problems)
