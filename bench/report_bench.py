"""Benchmark: building the report and its Word file for a fully answered assessment, in Chromium.

Seeds an assessment with every worksheet filled (1,000-character answers, every score) and 20 actions,
opens the report page and times, from the performance marks the page sets, drawing the report
(`toolkit:report-start` to `toolkit:report-drawn`) and making the .docx (`toolkit:docx-start` to
`toolkit:docx-made`); the baseline, measured in the same run, is an assessment with one answer.
Goal: report and .docx together under 200 ms. Prints figures; it is not a test.
Run: .venv/bin/python bench/report_bench.py [--site site]
"""

from __future__ import annotations

import statistics
import sys

from common import CHROMIUM, CHROMIUM_ARGS, serve_directory, site_to_measure

RUNS = 5

SEED = """([full]) => {
  const text = ('lorem ipsum dolor sit amet, consectetur adipiscing elit. ').repeat(20).slice(0, 1000);
  const time = '2026-11-30T09:00:00.000Z';
  const sheets = {};
  for (const template of document.querySelectorAll('template[data-report-sheet]')) {
    const id = template.dataset.reportSheet;
    const answers = {};
    for (const field of template.content.querySelectorAll('[name]')) {
      if (field.type === 'radio') answers[field.name] = field.value; else answers[field.name] = text;
      if (!full) break;
    }
    if (!full && Object.keys(sheets).length) continue;
    sheets[id] = time;
    localStorage.setItem(`scct/v1/answers/bench/${id}`, JSON.stringify({updated: time, epoch: 'e', answers}));
  }
  if (full) {
    const actions = {};
    for (let i = 1; i <= 20; i++) for (const [field, value] of Object.entries({what: text.slice(0, 200), owner: 'Owner ' + i, due: '2027-03-31', principles: 'principle.prevention', priority: 'high', status: 'in-progress', order: String(i)})) actions[`action/a${i}/${field}`] = value;
    localStorage.setItem('scct/v1/answers/bench/action-plan', JSON.stringify({updated: time, epoch: 'e', answers: actions}));
    sheets['action-plan'] = time;
  }
  localStorage.setItem('scct/v1/index', JSON.stringify({current: 'bench', assessments: [{id: 'bench', name: 'Bench', created: time, updated: time, sheets}]}));
}"""

MEASURE = """(names) => new Promise((done) => {
  const check = () => {
    const [start, end] = names.map((name) => performance.getEntriesByName(name).pop());
    if (start && end) done(end.startTime - start.startTime); else setTimeout(check, 20);
  };
  check();
})"""


def run(browser, base: str, full: bool) -> tuple[float, float]:
    context = browser.new_context(accept_downloads=True)
    page = context.new_page()
    page.goto(base + "report.html")
    page.evaluate("() => localStorage.clear()")
    page.evaluate(SEED, [full])
    page.reload()
    page.locator("[data-module=report][data-report-ready]").wait_for()
    report = page.evaluate(MEASURE, ["toolkit:report-start", "toolkit:report-drawn"])
    with page.expect_download():
        page.locator('[data-report-action="word"]').click()
    word = page.evaluate(MEASURE, ["toolkit:docx-start", "toolkit:docx-made"])
    context.close()
    return report, word


def main() -> int:
    site = site_to_measure(__doc__.splitlines()[0], page="report.html")
    from playwright.sync_api import sync_playwright

    with serve_directory(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        results = {full: [run(browser, base, full) for _ in range(RUNS)] for full in (False, True)}
        browser.close()
    for full, values in results.items():
        report = statistics.median(v[0] for v in values)
        word = statistics.median(v[1] for v in values)
        name = "every worksheet answered, 20 actions" if full else "one answer (baseline)"
        goal = f" (goal: under 200 ms together) {'OK' if report + word < 200 else 'OVER'}" if full else ""
        print(f"Report of an assessment with {name}: draw {report:.0f} ms, .docx {word:.0f} ms (medians of {RUNS}){goal}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
