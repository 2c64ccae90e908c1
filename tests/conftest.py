"""Shared fixtures: the content, the built site, a local HTTP server and a real headless Chromium.

The site is built once per test session with the real build script into a temporary folder; browser
tests load it from a real HTTP server on 127.0.0.1. Every page a test opens fails the test if it throws
an uncaught JavaScript error.
"""

from __future__ import annotations

import functools
from contextlib import contextmanager
import json
import posixpath
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Callable, Iterator

import pytest
from bs4 import BeautifulSoup

from macros.content import Toolkit, load_toolkit
from tools.local_server import serve_directory  # noqa: F401 (tests import it from here)

ROOT = Path(__file__).resolve().parent.parent

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


# -- content and site ---------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def toolkit() -> Toolkit:
    return load_toolkit()


def build_site(site_dir: Path, content_dir: Path | None = None, config: Path | None = None) -> subprocess.CompletedProcess:
    """Run the real build (`python -m tools.build`, as `make build`); returns the finished process with its
    output captured."""
    command = [sys.executable, "-m", "tools.build", "--site-dir", str(site_dir)]
    if content_dir is not None:
        command += ["--content-dir", str(content_dir)]
    if config is not None:
        command += ["--config", str(config)]
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True)


class BuiltSite:
    """The built site on disk, with helpers to read its pages as a user's browser would get them."""

    def __init__(self, root: Path):
        self.root = root

    def html(self, path: str) -> str:
        return (self.root / path).read_text(encoding="utf-8")

    @functools.lru_cache(maxsize=None)
    def soup(self, path: str) -> BeautifulSoup:
        return BeautifulSoup(self.html(path), "html.parser")

    def text(self, path: str) -> str:
        """The visible text of a page's main content, whitespace folded."""
        article = self.soup(path).select_one("article") or self.soup(path)
        return " ".join(article.get_text(" ").split())

    def pages(self) -> list[str]:
        return sorted(
            str(p.relative_to(self.root)) for p in self.root.rglob("*.html") if p.name != "404.html"
        )

    def worksheet_config_file(self, path: str) -> str:
        """The site path of the worksheet data file (assets/worksheet/site-config.js) the page loads."""
        src = self.soup(path).select_one("script[data-toolkit-config]")["src"]
        return posixpath.normpath(posixpath.join(posixpath.dirname(path), src))

    def worksheet_config(self, path: str) -> dict:
        """The worksheet scripts' data the page at `path` loads: `window.toolkitWorksheetConfig = {...};`."""
        text = (self.root / self.worksheet_config_file(path)).read_text(encoding="utf-8")
        return json.loads(text.split("window.toolkitWorksheetConfig=", 1)[1].rstrip().rstrip(";"))


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> BuiltSite:
    site_dir = tmp_path_factory.mktemp("built") / "site"
    result = build_site(site_dir)
    assert result.returncode == 0, f"the site did not build:\n{result.stdout}\n{result.stderr}"
    return BuiltSite(site_dir)


# -- HTTP servers -------------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def base_url(site: BuiltSite) -> Iterator[str]:
    with serve_directory(site.root) as url:
        yield url


@contextmanager
def serve_to(page, directory: Path, headers: dict[str, str] | None = None) -> Iterator[str]:
    """Serve `directory` for one test's `page`, closing the page before the server stops. A page left open
    sees its late requests (Material's search index) fail, as uncaught 'Network error's."""
    with serve_directory(directory, headers=headers) as url:
        try:
            yield url
        finally:
            page.close()


# -- browser ------------------------------------------------------------------------------------------


def chromium_path() -> str:
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if not path:
        pytest.fail("Chromium is not installed: run `make test`, which installs Debian's chromium package.")
    return path


@pytest.fixture(scope="session")
def playwright_instance():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        yield playwright


@pytest.fixture(scope="session")
def browser(playwright_instance):
    browser = playwright_instance.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
    yield browser
    browser.close()


@pytest.fixture
def new_page(browser) -> Iterator[Callable]:
    """Factory for pages in fresh browser contexts; each fails the test on an uncaught page error."""
    contexts = []
    errors: list[str] = []

    def make(**context_options):
        context = browser.new_context(**context_options)
        contexts.append(context)
        page = context.new_page()
        page.on("pageerror", lambda error: errors.append(str(error)))
        return page

    yield make
    for context in contexts:
        context.close()
    assert not errors, f"uncaught JavaScript errors: {errors}"


@pytest.fixture
def page(new_page):
    return new_page()
