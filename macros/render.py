"""Render content models to HTML through the Jinja partials in overrides/partials/toolkit/.

Plain Jinja and Python-Markdown only: nothing here knows about MkDocs or Material, so the same renderer
can serve another static-site engine. Python passes models; templates hold all markup.
"""

from __future__ import annotations

import json
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path

import markdown
from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from .content import Toolkit
from .models import NOTE_REFERENCE, Localised

PARTIALS_DIR = Path(__file__).resolve().parent.parent / "overrides" / "partials" / "toolkit"

# Where pages live in the built site (use_directory_urls is off so the site also works from file://).
NOTES_PAGE = "big-ideas/notes.html"
MARKDOWN_EXTENSIONS = ["sane_lists", "attr_list"]


@dataclass
class PageContext:
    """What the renderer needs to know about the page being built."""

    url: str = "index.html"  # the page's path in the site, e.g. "process/evaluate.html"
    language: str = "en"


class Renderer:
    """Turns toolkit content into HTML for one page at a time."""

    def __init__(self, toolkit: Toolkit, partials_dir: Path = PARTIALS_DIR):
        self.toolkit = toolkit
        self.page = PageContext()
        self.env = Environment(
            loader=FileSystemLoader(str(partials_dir)),
            autoescape=select_autoescape(default=True, default_for_string=True),
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
        )
        self.env.filters.update(t=self.translate, md=self.markdown_block, md_inline=self.markdown_inline)
        self.env.filters["tojson_script"] = _json_for_script
        self.env.globals.update(ui=self.ui, url=self.url, toolkit=toolkit, page=lambda: self.page)

    # -- filters and globals available to every partial -------------------------------------------------

    def translate(self, value: Localised | str | None) -> str:
        if value is None:
            return ""
        return value.get(self.page.language) if isinstance(value, Localised) else str(value)

    def markdown_block(self, value: Localised | str | None) -> Markup:
        """Markdown to HTML. Content is trusted (it is ours), but it is still escaped by Markdown rules."""
        text = self.translate(value)
        return Markup(markdown.markdown(self._link_notes(text), extensions=MARKDOWN_EXTENSIONS))

    def markdown_inline(self, value: Localised | str | None) -> Markup:
        html = str(self.markdown_block(value)).strip()
        return Markup(re.sub(r"^<p>(.*)</p>$", r"\1", html, flags=re.S))

    def ui(self, key: str) -> str:
        return self.toolkit.text(key, self.page.language)

    def url(self, target: str) -> str:
        """A link to `target` (a site path like "process/evaluate.html#q1") relative to the current page."""
        path, _, anchor = target.partition("#")
        here = posixpath.dirname(self.page.url)
        relative = posixpath.relpath(path, here or ".") if path else ""
        return relative + (f"#{anchor}" if anchor else "")

    def _link_notes(self, text: str) -> str:
        notes = {note.id: note for note in self.toolkit.big_ideas.notes}

        def link(match: re.Match) -> str:
            note = notes[match.group(1)]
            href = self.url(f"{NOTES_PAGE}#{note.id}")
            return self.env.get_template("note-ref.html").render(note=note, href=href).strip()

        return NOTE_REFERENCE.sub(link, text)

    # -- rendering -------------------------------------------------------------------------------------

    def render(self, template: str, page: PageContext | None = None, **context) -> Markup:
        if page is not None:
            self.page = page
        html = self.env.get_template(template).render(**context)
        # Blank lines inside a raw HTML block can end it early in some Markdown engines; drop them.
        return Markup("\n".join(line for line in html.splitlines() if line.strip()))


def _json_for_script(value: object) -> Markup:
    """JSON safe to place inside <script type="application/json">: no "</" can close the element."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))
