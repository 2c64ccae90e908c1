"""Rendered partials held out of Markdown and put back afterwards (macros/blocks.py)."""

from __future__ import annotations

import markdown
import pytest
from markupsafe import Markup

from macros.blocks import BlockLostError, RenderedBlocks

PARTIAL = Markup('<section class="x">\n<h2 id="a">A *heading* with\n\nblank lines</h2>\n</section>')


def holding() -> RenderedBlocks:
    blocks = RenderedBlocks()
    blocks.holding = True
    return blocks


def test_a_held_block_comes_back_unchanged_after_markdown():
    blocks = holding()
    page = f"# Title\n\n{blocks.hold(PARTIAL)}\n\nSome *text*.\n"
    html = blocks.restore(markdown.markdown(page, extensions=["md_in_html", "attr_list", "tables"]), "p.md")
    assert str(PARTIAL) in html  # not a character changed: no <em>, no paragraphs inside
    assert "<em>text</em>" in html and "<h1>Title</h1>" in html


def test_without_an_engine_that_restores_blocks_stay_inline():
    assert RenderedBlocks().hold(PARTIAL) is PARTIAL


def test_a_block_lost_in_markdown_fails_naming_the_page():
    blocks = holding()
    page = f"```\n{blocks.hold(PARTIAL)}\n```\n"  # in a code block its placeholder is escaped
    with pytest.raises(BlockLostError, match=r"^docs/x\.md: 1 rendered block"):
        blocks.restore(markdown.markdown(page, extensions=["fenced_code"]), "docs/x.md")
    assert blocks.restore("<p>next page</p>", "y.md") == "<p>next page</p>"  # nothing left over for the next
