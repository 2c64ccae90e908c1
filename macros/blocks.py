"""Rendered partials held out of a page's Markdown, and put back into its HTML once Markdown is done.

A macro's output is finished HTML. Left in the page's Markdown, Python-Markdown parses every tag of it
(md_in_html walks the whole block) only to pass it through unchanged: that was the largest single cost of
a build. So a macro writes a comment standing for its block, and `restore` swaps the HTML back in after
the conversion, before anything else reads the page. Headings inside partials were never in Material's
table of contents (raw HTML is opaque to it), so readers see exactly the same page.

Plain Python: an engine calls `restore` on each page's HTML. Until a build says it will
(`holding = True`, set by hooks/toolkit_pages.py), macros return their HTML inline, as before.
"""

from __future__ import annotations

import itertools
import re

from markupsafe import Markup

TOKEN = re.compile(r"<!--toolkit-block-(\d+)-->")


class BlockLostError(Exception):
    """A held block's placeholder did not come through Markdown (e.g. a macro inside a code block)."""


class RenderedBlocks:
    def __init__(self) -> None:
        self.holding = False
        self._blocks: dict[str, Markup] = {}
        self._numbers = itertools.count()

    def hold(self, html: Markup) -> Markup:
        """A placeholder for `html` when holding, else `html` itself."""
        if not self.holding:
            return html
        number = str(next(self._numbers))
        self._blocks[number] = html
        return Markup(f"<!--toolkit-block-{number}-->")

    def restore(self, html: str, page: str) -> str:
        """`html` with every placeholder replaced by its block; every held block must be placed."""
        placed = TOKEN.sub(lambda match: self._blocks.pop(match.group(1), match.group(0)), html)
        if self._blocks:
            lost = len(self._blocks)
            self._blocks.clear()
            raise BlockLostError(
                f"{page}: {lost} rendered block(s) did not come through Markdown. Put each macro on a line "
                "of its own, with a blank line before and after, and not inside a code block."
            )
        return placed
