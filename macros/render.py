"""Render content models to HTML through the Jinja partials in overrides/partials/toolkit/.

Plain Jinja and Python-Markdown only: nothing here knows about MkDocs or Material, so the same renderer
can serve another static-site engine. Python passes models; templates hold all markup.

The page being built is passed explicitly: `Renderer.render(template, page, ...)`, or `Renderer.on(page)`
for Python callers. Nothing about a page is kept on the renderer, which is shared by every page of every
build in a process (its templates are compiled once).
"""

from __future__ import annotations

import json
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import markdown
from jinja2 import Environment, FileSystemLoader, StrictUndefined, pass_context, select_autoescape
from jinja2.runtime import Context
from markupsafe import Markup, escape

from .toolkit import Toolkit
from .models import DEFAULT_LANGUAGE, NOTE_REFERENCE, SCALES, Localised

PARTIALS_DIR = Path(__file__).resolve().parent.parent / "overrides" / "partials" / "toolkit"

# Where pages live in the built site (use_directory_urls is off so the site also works from file://).
NOTES_PAGE = "big-ideas/notes.html"
MARKDOWN_EXTENSIONS = ["sane_lists", "attr_list"]
# A link in content Markdown with no scheme, no leading "/" and no leading "#" points into the site,
# relative to its root; it is rewritten relative to the page it appears on.
SITE_LINK = re.compile(r'href="(?![a-z][a-z0-9+.-]*:|/|#)([^"]+)"')
PAGE = "here"  # the name of the PageView in every template's context


@dataclass(frozen=True)
class PageContext:
    """The page being built."""

    url: str = "index.html"  # the page's path in the site, e.g. "process/evaluate.html"
    language: str = "en"


class Renderer:
    """The partials' Jinja environment and the content, shared by every page; `render` builds one piece."""

    def __init__(self, toolkit: Toolkit, partials_dir: Path = PARTIALS_DIR):
        self.toolkit = toolkit
        self.env = Environment(
            loader=FileSystemLoader(str(partials_dir)),
            autoescape=select_autoescape(default=True, default_for_string=True),
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
        )
        # One Markdown converter, reset before each use: building one per call was a tenth of a build.
        self.markdown_converter = markdown.Markdown(extensions=MARKDOWN_EXTENSIONS)
        # `t`, `md` and `md_inline` mark a string whose translation is being updated; `t_plain` is for
        # attributes, where no markup may go. Each reads the page from the template's context.
        self.env.filters.update(
            t=_on_page(lambda view, value: view.translate_marked(value)),
            t_plain=_on_page(lambda view, value: view.translate(value)),
            md=_on_page(lambda view, value: view.markdown_block(value)),
            md_inline=_on_page(lambda view, value: view.markdown_inline(value)),
            tojson_script=_json_for_script,
        )
        self.env.globals.update(toolkit=toolkit, scales=SCALES)

    def on(self, page: PageContext) -> PageView:
        """The page-dependent helpers (text in its language, links relative to it) for one page."""
        return PageView(self, page)

    def render(self, template: str, page: PageContext, /, **context) -> Markup:
        view = self.on(page)
        html = self.env.get_template(template).render(
            {PAGE: view, "ui": view.ui, "url": view.url, "page_url": view.page_url, "toolkit_root": view.toolkit_root},
            **context,
        )
        # Blank lines inside a raw HTML block can end it early in some Markdown engines; drop them.
        return Markup("\n".join(line for line in html.splitlines() if line.strip()))


class PageView:
    """The renderer's helpers for one page: its language and where links are relative to."""

    def __init__(self, renderer: Renderer, page: PageContext):
        self.renderer = renderer
        self.page = page
        self.toolkit = renderer.toolkit

    def translate(self, value: Localised | str | None) -> str:
        if value is None:
            return ""
        return value.get(self.page.language) if isinstance(value, Localised) else str(value)

    def translate_marked(self, value: Localised | str | None) -> Markup:
        """The text in the page's language, marked where its translation is being updated."""
        return self._with_mark(value, escape(self.translate(value)), block=False)

    def markdown_block(self, value: Localised | str | None) -> Markup:
        """Markdown to HTML, then site links made relative to the page, then note markers as links (their
        hrefs are already relative, so they come last). The loader allows no HTML in content but
        <span lang>, so what passes through here is the author's Markdown."""
        return self._with_mark(value, self._markdown(value), block=True)

    def markdown_inline(self, value: Localised | str | None) -> Markup:
        html = str(self._markdown(value)).strip()
        return self._with_mark(value, Markup(re.sub(r"^<p>(.*)</p>$", r"\1", html, flags=re.S)), block=False)

    def _markdown(self, value: Localised | str | None) -> Markup:
        html = self.renderer.markdown_converter.reset().convert(self.translate(value))
        html = SITE_LINK.sub(lambda m: f'href="{self.url(m.group(1))}"', html)
        return Markup(self._link_notes(html))

    def _with_mark(self, value: Localised | str | None, html: Markup, block: bool) -> Markup:
        """`html`, followed on a page in another language by the "translation being updated" mark when the
        translation of `value` is outdated (the last translation is shown) or missing (the English stands
        in, marked lang="en" so screen readers read it as English)."""
        language = self.page.language
        state = value.translation_state(language) if isinstance(value, Localised) else None
        if not state:
            return Markup(html)
        if state == "missing":
            tag = "div" if block else "span"
            html = Markup(f'<{tag} lang="{DEFAULT_LANGUAGE}">') + html + Markup(f"</{tag}>")
        mark = self.renderer.env.get_template("translation-mark.html").render(
            state=state,
            text=self.toolkit.text(f"translation.{state}", language),
            english=self.toolkit.text(f"translation.{state}", DEFAULT_LANGUAGE),
            language=language,
            english_language=DEFAULT_LANGUAGE,
        ).strip()
        return Markup(html) + Markup(" ") + Markup(mark)

    def ui(self, key: str) -> str:
        return self.toolkit.text(key, self.page.language)

    def url(self, target: str) -> str:
        """A link to `target` (a site path like "process/evaluate.html#q1") relative to the current page."""
        path, _, anchor = target.partition("#")
        here = posixpath.dirname(self.page.url)
        relative = posixpath.relpath(path, here or ".") if path else ""
        return relative + (f"#{anchor}" if anchor else "")

    def page_url(self, item_id: str) -> str:
        """A link to the page of a step, Big Idea or worksheet, by its id."""
        return self.url(self.toolkit.page_path(item_id))

    def toolkit_root(self) -> str:
        """The home page of the whole toolkit: English is built at the root, other languages below it.

        Worksheet storage is namespaced by this, so answers are shared between the languages."""
        home = "index.html" if self.page.language == DEFAULT_LANGUAGE else "../index.html"
        return self.url(home)

    def _link_notes(self, text: str) -> str:
        def link(match: re.Match) -> str:
            note = self.toolkit.note_by_id[match.group(1)]
            href = self.url(f"{NOTES_PAGE}#{note.id}")
            return self.renderer.env.get_template("note-ref.html").render(note=note, href=href, ui=self.ui).strip()

        return NOTE_REFERENCE.sub(link, text)


def _on_page(method: Callable[[PageView, object], object]):
    """A Jinja filter that runs `method` with the PageView of the template being rendered."""

    @pass_context
    def page_filter(context: Context, value):
        return method(context[PAGE], value)

    return page_filter


def _json_for_script(value: object) -> Markup:
    """JSON safe to place inside <script type="application/json">: no "</" can close the element."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))
