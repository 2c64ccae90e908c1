"""WCAG 2.2 AA with every worksheet filled in (on each page that shows stored answers), and on every built
page embedded (`?embed=1`); see test_accessibility.py for the page as loaded and printed, and the negative
control; the scans are in axe_support.py."""

from __future__ import annotations

import pytest

from axe_support import axe_script, scan_every_page  # noqa: F401 (axe_script is a fixture)

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("mode", ["filled", "embed"])
def test_every_page_has_no_wcag_a_or_aa_violations(mode, site, base_url, browser, axe_script):
    scan_every_page((mode,), site, base_url, browser, axe_script)
