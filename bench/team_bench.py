"""Benchmark: opening colleagues' whole-assessment files and drawing the team view, in Chromium.

Times, on the Evaluate worksheet, from choosing the files to the team view drawn beside every question
(performance marks `toolkit:files-chosen` and `toolkit:team-view-drawn`), for 2 colleagues (the baseline,
measured in the same run) and for 20, each file a whole assessment: every Evaluate answer of 1,000
characters, every score, and answers in the other worksheets. Goal: 20 files in under 300 ms.
Prints figures; it is not a test. Run: .venv/bin/python bench/team_bench.py [--site site]
"""

from __future__ import annotations

import json
import statistics
import sys

from common import CHROMIUM, CHROMIUM_ARGS, serve_directory, site_to_measure

RUNS = 5
LENGTH = 1000
LEVELS = ["not-at-all", "partly", "mostly", "fully"]

FIELDS = """() => {
  const form = document.querySelector('form[data-module="worksheet"]');
  const out = {};
  for (const el of form.elements) if (el.name && el.type !== 'file') out[el.name] = el.type === 'radio' ? 'choice' : 'text';
  return {fields: out, sheets: window.toolkitWorksheetConfig.worksheets.map((s) => s.id)};
}"""

TIMED = """() => new Promise((done) => {
  const check = () => {
    const drawn = performance.getEntriesByName('toolkit:team-view-drawn').pop();
    const chosen = performance.getEntriesByName('toolkit:files-chosen').pop();
    if (drawn && chosen) done(drawn.startTime - chosen.startTime); else setTimeout(check, 20);
  };
  check();
})"""


def colleague_file(number: int, fields: dict, sheets: list[str]) -> dict:
    text = (f"Colleague {number}: " + "lorem ipsum dolor sit amet, consectetur adipiscing elit. " * 40)[:LENGTH]
    evaluate = {name: (LEVELS[(number + len(name)) % 4] if kind == "choice" else text) for name, kind in fields.items()}
    worksheets = {"evaluate": {"updated": "2026-11-30T09:00:00Z", "answers": evaluate}}
    for sheet in sheets:
        worksheets.setdefault(sheet, {"updated": "2026-11-30T09:00:00Z", "answers": {f"{sheet}.note": text}})
    document = {"format": "social-care-commissioning-toolkit/worksheet", "version": 2,
                "respondent": {"name": f"Colleague {number}"}, "assessment": {"name": "Day services 2026"},
                "worksheets": worksheets}
    return {"name": f"colleague-{number}.json", "mimeType": "application/json", "buffer": json.dumps(document).encode()}


def time_team_view(browser, base: str, files: list[dict]) -> float:
    context = browser.new_context()
    page = context.new_page()
    page.goto(base + "process/evaluate.html")
    page.locator('form[data-module="worksheet"][data-worksheet-ready]').wait_for(state="attached")
    page.locator('form[data-module="worksheet"] .toolkit-files > summary').click()
    page.locator("[data-import]").set_input_files(files)
    elapsed = page.evaluate(TIMED)
    context.close()
    return elapsed


def main() -> int:
    site = site_to_measure(__doc__.splitlines()[0])
    from playwright.sync_api import sync_playwright

    with serve_directory(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page()
        page.goto(base + "process/evaluate.html")
        found = page.evaluate(FIELDS)
        page.close()
        files = [colleague_file(n, found["fields"], found["sheets"]) for n in range(1, 21)]
        size = sum(len(f["buffer"]) for f in files)
        results = {count: [time_team_view(browser, base, files[:count]) for _ in range(RUNS)] for count in (2, 20)}
        browser.close()
    print(f"Team view on Evaluate: {len(found['fields'])} fields; 20 whole-assessment files, {size / 1024:.0f} KB in all")
    for count, values in results.items():
        median = statistics.median(values)
        goal = f" (goal: under 300 ms) {'OK' if median < 300 else 'OVER'}" if count == 20 else " (baseline)"
        print(f"{count} colleagues' files opened and drawn: median {median:.0f} ms over {RUNS} runs "
              f"(min {min(values):.0f}, max {max(values):.0f}){goal}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
