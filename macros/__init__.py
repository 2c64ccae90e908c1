"""mkdocs-macros entry point: load the content once per build and register the page macros.

This is the only MkDocs-aware code; everything it calls is plain Python and Jinja (see pages.py).
"""

from __future__ import annotations

from .cache import RENDERED_BLOCKS, current_renderer
from .pages import PageMacros
from .render import PageContext


def define_env(env) -> None:
    """Called by mkdocs-macros at the start of every build (so `mkdocs serve` picks up content edits)."""
    # Loaded once per build and shared with the hook and the check (macros/cache.py); TOOLKIT_CONTENT_DIR
    # lets the tests build the real site from a fixture copy of the content.
    renderer = current_renderer()  # made once per loaded toolkit, its partials compiled once per process

    def current_page() -> PageContext:
        page = env.page
        language = (page.meta or {}).get("lang") or env.conf["theme"].get("language", "en")
        return PageContext(url=page.url or "index.html", language=language)

    macros = PageMacros(renderer, current_page, RENDERED_BLOCKS)
    for name in macros.names():
        env.macro(getattr(macros, name), name)
    env.variables["toolkit_version"] = macros.toolkit_version
    # The site's name and description are interface text too, in the language being built.
    language = env.conf["theme"].get("language", "en")
    env.conf["site_name"] = renderer.toolkit.text("toolkit.name", language)
    env.conf["site_description"] = renderer.toolkit.text("toolkit.description", language)
    # The theme templates (overrides/main.html) read the language switch and notices from here.
    env.conf["extra"]["toolkit_language"] = macros.language_links(env.conf["theme"].get("language", "en"))
