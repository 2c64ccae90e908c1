"""WCAG 2.2 AA, checked by axe-core in real Chromium on every built page, in each way a page is seen.

Modes: as loaded; with every worksheet filled in (and then the other pages that show what is stored, so
"My worksheets" lists the saved assessments and the report has every answer: the pages with no toolkit
module show nothing stored, so they are as "as loaded" scans them); embedded (`?embed=1`); and printed
(print media). The site is served
without any Content-Security-Policy header so axe can be injected as a script. A violation names the rule,
the element and the page, so a failure says what to fix and where.
"""

from __future__ import annotations

import pytest

from axe_support import axe_script, axe_violations, scan_every_page  # noqa: F401 (axe_script is a fixture)

pytestmark = pytest.mark.browser


# Each page is loaded once and scanned as loaded, then printed. The other two ways, filled in and embedded,
# are in test_accessibility_filled_and_embed.py, so that the two test workers share the scans.
def test_every_page_has_no_wcag_a_or_aa_violations_as_loaded_or_printed(site, base_url, browser, axe_script):
    scan_every_page(("normal", "print"), site, base_url, browser, axe_script)


def test_the_scan_catches_violations_it_is_meant_to(page, base_url, axe_script):
    """Negative control: the same injection and rule tags report contrast, labels and target size."""
    page.goto(base_url + "index.html")
    page.evaluate(
        """() => {
            const article = document.querySelector('article');
            article.insertAdjacentHTML('beforeend',
              '<p style="color:#aaa;background:#fff">Pale text</p>' +
              '<input type="text" name="unlabelled">' +
              '<div><button style="all:unset;display:inline-block;width:8px;height:8px">a</button>' +
              '<button style="all:unset;display:inline-block;width:8px;height:8px">b</button></div>');
        }"""
    )
    rules = {violation["rule"] for violation in axe_violations(page, axe_script)}
    assert {"color-contrast", "label", "target-size"} <= rules, rules
