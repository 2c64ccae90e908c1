"""axe-core in real Chromium: inject it, run the WCAG 2.2 A/AA rules, and scan every built page in the ways
a page is seen (as loaded, printed, filled in, embedded). Shared by tests/browser/test_accessibility*.py
(two files, so that pytest-xdist runs the scans on both workers)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from worksheet_support import READY, worksheet_pages

ROOT = Path(__file__).resolve().parents[2]
AXE_SCRIPT = ROOT / "node_modules" / "axe-core" / "axe.min.js"

# Every WCAG 2.0, 2.1 and 2.2 success criterion at levels A and AA that axe can test automatically.
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
# Colours are measured as a reader sees the page once transitions are over (not mid-fade): each transition
# is taken to its end state at once rather than waited for.
RUN_AXE = """async () => {
    const finish = () => document.getAnimations().forEach((a) => {
        try { a.finish(); } catch (endless) { /* an endless animation has no end state to take */ }
    });
    finish();
    await new Promise((resolve) => requestAnimationFrame(resolve));
    finish();
    return axe.run(document, {runOnly: {type: 'tag', values: %s}, resultTypes: ['violations']});
}""" % json.dumps(WCAG_TAGS)


@pytest.fixture(scope="module")
def axe_script() -> Path:
    """axe-core's script, installed by `npm ci`; imported as a fixture by the accessibility test files."""
    if not AXE_SCRIPT.exists():
        pytest.fail(f"{AXE_SCRIPT} is missing: run `make test` (it runs `npm ci` from package-lock.json).")
    return AXE_SCRIPT


def axe_violations(page, axe_script: Path) -> list[dict]:
    """Run axe on the page as it is now; one dict per failing element."""
    if not page.evaluate("typeof window.axe === 'object'"):
        page.add_script_tag(path=str(axe_script))
    result = page.evaluate(RUN_AXE)
    return [
        {
            "rule": violation["id"],
            "impact": violation.get("impact"),
            "help": violation["help"],
            "target": " ".join(str(part) for part in node["target"]),
            "summary": " ".join(node.get("failureSummary", "").split()),
        }
        for violation in result["violations"]
        for node in violation["nodes"]
    ]


def describe(found: dict[str, list[dict]]) -> str:
    lines = []
    for where, violations in found.items():
        for v in violations:
            lines.append(f"{where}: {v['rule']} ({v['impact']}) at `{v['target']}`: {v['help']}. {v['summary']}")
    return "\n".join(lines)


FILL_WORKSHEET = """() => {
    // Answer every question: text in each text field, the first choice of each radio group, every checkbox.
    // Values are set and the same input/change events a user's typing or clicking fires are dispatched.
    const form = document.querySelector('form[data-module="worksheet"]');
    const visible = (el) => el.getClientRects().length > 0 && !el.disabled;
    const fire = (el) => {
        el.dispatchEvent(new Event('input', {bubbles: true}));
        el.dispatchEvent(new Event('change', {bubbles: true}));
    };
    let filled = 0;
    const groups = new Set();
    for (const el of form.querySelectorAll('textarea[name], input[name], select[name]')) {
        if (el.disabled || el.type === 'hidden' || el.type === 'file') continue;
        if (el.type === 'radio') {
            if (groups.has(el.name)) continue;
            groups.add(el.name);
            el.checked = true;
        } else if (el.type === 'checkbox') {
            el.checked = true;
        } else if (el.tagName === 'SELECT') {
            if (!visible(el) || el.options.length < 2) continue;
            el.selectedIndex = el.options.length - 1;
        } else {
            if (!visible(el)) continue;
            el.value = "Our team's answer, written during the accessibility check.";
        }
        fire(el);
        filled += 1;
    }
    return filled;
}"""


def fill_worksheet(page) -> int:
    """Answer every question on the page's worksheet; returns how many fields were filled."""
    return page.evaluate(FILL_WORKSHEET)


def scan_every_page(modes: tuple[str, ...], site, base_url: str, browser, axe_script: Path) -> None:
    """Every built page, seen in each of `modes`, has no WCAG A/AA violation and no uncaught JavaScript error.

    The modes in one call share each page's load, in order: "normal" (as loaded), "print" (the loaded page
    printed, as a person prints it), "filled" (every worksheet filled in first), "embed" (`?embed=1`)."""
    context = browser.new_context()
    context.add_init_script(path=str(axe_script))  # in every page before its own scripts: no extra round trip
    errors: list[str] = []
    found: dict[str, list[dict]] = {}
    scanned: list[str] = []
    try:
        page = context.new_page()
        page.on("pageerror", lambda error: errors.append(str(error)))
        query = "?embed=1" if "embed" in modes else ""
        paths = site.pages()
        worksheets = [path for path, _ in worksheet_pages(site)]
        if "filled" in modes:
            # Worksheet pages first, scanned just after being filled in; then every other page that shows
            # what is stored (My worksheets lists the assessment, the report has every answer). A page with
            # no toolkit module (data-module) shows nothing stored, so it is the page "normal" scans.
            assert worksheets, "no page has a worksheet form to fill in"
            showing = [p for p in paths if p not in worksheets and site.soup(p).select_one("[data-module]")]
            assert {"my-worksheets.html", "report.html"} <= set(showing), showing
            paths = worksheets + showing
        for path in paths:
            page.emulate_media(media="screen")
            page.goto(base_url + path + query)
            if path in worksheets:
                page.locator(READY).wait_for(state="attached")  # all it draws is drawn
            for mode in modes:
                if mode == "filled" and path in worksheets:
                    assert fill_worksheet(page) > 0, f"{path}: no worksheet field could be filled in"
                if mode == "print":
                    page.emulate_media(media="print")
                    assert page.evaluate("matchMedia('print').matches"), "the page is not seen as printed"
                violations = axe_violations(page, axe_script)
                scanned.append(f"{path} [{mode}]")
                if violations:
                    found[f"{path}{query} [{mode}]"] = violations
    finally:
        context.close()
    assert len(scanned) == len(paths) * len(modes) and len(paths) > 20
    assert not found, f"axe found WCAG A/AA violations ({sum(map(len, found.values()))} elements):\n{describe(found)}"
    assert not errors, f"uncaught JavaScript errors while scanning: {sorted(set(errors))}"
