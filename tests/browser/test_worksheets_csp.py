"""The worksheets work under a strict Content-Security-Policy: no inline script or style of theirs, no eval."""

from __future__ import annotations

import base64
import hashlib
import re

import pytest
from playwright.sync_api import expect

from conftest import serve_to
from worksheet_support import export_json, open_worksheet, type_answer, wait_saved

pytestmark = pytest.mark.browser

WATCH = "window.__violations = []; document.addEventListener('securitypolicyviolation', e => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));"


def policy(html: str) -> str:
    """Strict: only the site's own files, plus the theme's own inline scripts by hash (not the toolkit's)."""
    hashes = []
    for attrs, body in re.findall(r"<script([^>]*)>(.*?)</script>", html, re.S):
        if "src=" not in attrs and "application/json" not in attrs:
            digest = base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
            hashes.append(f"'sha256-{digest}'")
    return ("default-src 'self'; script-src 'self' " + " ".join(hashes) +
            "; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'")


def test_saving_exporting_and_the_chart_work_under_a_strict_policy(new_page, site):
    header = {"Content-Security-Policy": policy(site.html("process/redesign.html"))}
    page = new_page()
    with serve_to(page, site.root, headers=header) as url:
        page.add_init_script(WATCH)
        open_worksheet(page, url + "process/redesign.html")
        type_answer(page, "redesign.core-purpose", "Under a strict policy")
        page.locator('[name="redesign.options-score/principle.prevention/score"][value="fully"]').check()
        wait_saved(page)
        expect(page.get_by_role("region", name="Scores at a glance").locator("svg")).to_be_visible()
        _, document = export_json(page)
        assert document["answers"]["redesign.core-purpose"] == "Under a strict policy"
        page.get_by_role("button", name="New assessment").click()
        expect(page.locator("dialog[open]")).to_be_visible()
        page.keyboard.press("Escape")
        assert page.evaluate("window.__violations") == []
