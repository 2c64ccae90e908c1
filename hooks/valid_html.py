"""MkDocs hook: three attributes in Material's own markup that the W3C Nu Html Checker reports as errors.

Material for MkDocs 9.8.1 writes them outside any template block, so no block override can reach them:

- `base.html`: `autocomplete="off"` on its two toggle checkboxes (`__drawer`, `__search`); HTML allows
  `autocomplete` on text-like inputs only. Browsers never autofill checkboxes, so nothing changes.
- `partials/nav-item.html`: `tabindex=""` on the section labels of the navigation (Material renders
  `tabindex="{{ tabindex }}"` and leaves it empty for sections that are not collapsible); an empty tabindex
  is not a valid integer and browsers ignore it, so dropping it changes nothing either.

Re-check when upgrading Material (tests/site/test_valid_html.py fails if any error comes back).
"""

from __future__ import annotations

import re

# Only these exact attributes on these exact elements: anything else is left as Material wrote it.
_CHECKBOX_AUTOCOMPLETE = re.compile(r'(<input class="md-toggle" data-md-toggle="(?:drawer|search)" type="checkbox" id="__(?:drawer|search)") autocomplete="off">')
_EMPTY_TABINDEX = re.compile(r'(<label class="md-nav__link[^"]*" for="[^"]*" id="[^"]*_label") tabindex="">')


def _valid(html: str) -> str:
    html = _CHECKBOX_AUTOCOMPLETE.sub(r"\1>", html)
    return _EMPTY_TABINDEX.sub(r"\1>", html)


def on_post_page(output: str, page, config) -> str:
    return _valid(output)


def on_post_template(output_content: str, template_name: str, config) -> str:
    """Static templates too (404.html)."""
    return _valid(output_content) if template_name.endswith(".html") else output_content
