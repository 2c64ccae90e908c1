"""MkDocs hook: what the toolkit's macros need from the engine beyond mkdocs-macros.

- Each page's rendered partials skip Markdown (macros/blocks.py) and are put back into its HTML here,
  before any other plugin reads the page (search, privacy).
- The worksheet scripts' data is written once per language, as assets/worksheet/site-config.js
  (macros/worksheet_config.py), rather than into every worksheet page.

Thin on purpose: the work is done by plain modules in macros/ (no MkDocs there).
"""

from __future__ import annotations

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

from macros.blocks import BlockLostError
from macros.cache import RENDERED_BLOCKS, current_renderer
from macros.pages import PageMacros
from macros.worksheet_config import SITE_CONFIG, site_config_script


def on_config(config):
    RENDERED_BLOCKS.holding = True  # this engine calls on_page_content, so macros may hold their blocks
    return config


def on_files(files, config):
    language = config.theme.get("language", "en")
    script = site_config_script(current_renderer(), language, PageMacros.toolkit_version)
    files.append(File.generated(config, SITE_CONFIG, content=script))
    return files


@event_priority(100)  # first: every other plugin must see the page whole
def on_page_content(html, page, config, files):
    try:
        return RENDERED_BLOCKS.restore(html, page.file.src_uri)
    except BlockLostError as error:
        raise PluginError(str(error)) from None
