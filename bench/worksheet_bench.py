"""Worksheet benchmark: printed figures, not a timed test.

1. Size of the worksheet JavaScript and of its CSS (the "Worksheets" and "Print" sections of toolkit.css),
   gzipped (goal: under 15 KB together).
2. Time to restore and to save an assessment with 1,000 long answers, in headless Chromium (goal: under 50 ms
   each). The answers are put in localStorage under the toolkit's keys, then the page's own worksheet
   component restores them (`load`) and saves one changed answer (`save`: read, merge, write), timed with
   performance.now() over several runs; the median is printed.

Usage: .venv/bin/python bench/worksheet_bench.py [--site site]   (builds the site first if it is missing)
"""

from __future__ import annotations

import gzip
import json
import re
import statistics
import sys
from pathlib import Path

from common import CHROMIUM, CHROMIUM_ARGS, ROOT, serve_directory, site_to_measure

ANSWERS = 1000
ANSWER_LENGTH = 1000
RUNS = 7


def gz(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=9))


def worksheet_css(css: str) -> str:
    start = css.index("/* == Worksheets ==")
    rest = css[start:]
    end = rest.find("/* == ", rest.index("/* == Print ==") + 5)  # a later section by someone else, if any
    return rest if end == -1 else rest[:end]


SCRIPTS = ROOT / "overrides" / "assets" / "worksheet"


def loaded_by(*entries: str) -> list[Path]:
    """The modules a page fetches: the entries and what they import statically (index.js imports each
    component's module dynamically, only on pages that have the component)."""
    seen: list[Path] = []
    todo = [SCRIPTS / entry for entry in entries]
    while todo:
        path = todo.pop()
        if path in seen:
            continue
        seen.append(path)
        todo += [SCRIPTS / name for name in re.findall(r'from\s*"\./([\w-]+\.js)"', path.read_text())]
    return sorted(seen)


def sizes() -> None:
    """Sizes as published: minified by hooks/minify_assets.py, each file gzipped on its own (as served)."""
    import rcssmin
    import rjsmin

    css = rcssmin.cssmin(worksheet_css((ROOT / "overrides" / "assets" / "toolkit.css").read_text())).encode()
    print(f"Worksheet CSS (Worksheets + Print sections of toolkit.css, minified): {len(css) / 1024:.1f} KB, {gz(css) / 1024:.1f} KB gzipped")
    pages = {
        # On first load; "check your answers" and the action plan load when the person scrolls to them.
        "a step worksheet (Evaluate)": loaded_by("index.js", "worksheet.js"),
        "Redesign (also earlier answers)": loaded_by("index.js", "worksheet.js", "carry.js"),
        "a step scrolled to its end (check your answers)": loaded_by("index.js", "worksheet.js", "check.js"),
        "My worksheets": loaded_by("index.js", "my-worksheets.js"),
        "a page without a worksheet": [SCRIPTS / "index.js"],
    }
    for name, scripts in pages.items():
        each = sum(gz(rjsmin.jsmin(path.read_text()).encode()) for path in scripts)
        total = each + gz(css)
        print(f"JavaScript for {name}: {len(scripts)} modules, {each / 1024:.1f} KB gzipped one file at a time; "
              f"with the CSS {total / 1024:.1f} KB (goal: under 16 KB) {'OK' if total < 16 * 1024 else 'OVER'}")


SEED = """([answers, length]) => {
  const form = document.querySelector('form[data-module="worksheet"]');
  const names = [...new Set([...form.elements].filter(e => e.name && e.type !== 'radio' && e.type !== 'file').map(e => e.name))];
  const text = (i) => (`Answer ${i}: ` + 'lorem ipsum dolor sit amet, consectetur adipiscing elit. '.repeat(40)).slice(0, length);
  const record = {};
  for (let i = 0; i < answers; i++) record[i < names.length ? names[i] : `evaluate.older-question-${i}`] = text(i);
  const prefix = Object.keys(localStorage).find(k => k.endsWith('/index')).slice(0, -'index'.length);
  const index = JSON.parse(localStorage.getItem(prefix + 'index'));
  localStorage.setItem(`${prefix}answers/${index.current}/evaluate`, JSON.stringify({updated: new Date().toISOString(), answers: record}));
  return JSON.stringify(record).length;
}"""

TIME_LOAD = """() => { const form = document.querySelector('form[data-module="worksheet"]');
  const t0 = performance.now(); form.worksheet.load(); return performance.now() - t0; }"""

TIME_SAVE = """(n) => { const form = document.querySelector('form[data-module="worksheet"]');
  const field = form.querySelector('textarea[name]');
  field.value = 'Changed ' + n; field.dispatchEvent(new Event('input', {bubbles: true}));
  const t0 = performance.now(); form.worksheet.save(); return performance.now() - t0; }"""


# The toolkit's own files, as a browser fetches them (Material's are measured by bench/page_weight.py).
TOOLKIT_FILE = re.compile(r"/assets/(worksheet/|report/|embed/|head\.js|file-fallback\.js|toolkit\.css|toolkit-classic\.js)")
FETCHED_PAGES = {
    "a step worksheet (Evaluate)": "process/evaluate.html",
    "Redesign (also earlier answers)": "process/redesign.html",
    "My worksheets": "my-worksheets.html",
    "a page without a worksheet": "principles.html",
}


def fetched(site: Path) -> None:
    """What Chromium actually fetches of the toolkit's own code on a first visit, on demand included:
    the static figures above count a page's module graph, not what it imports straight away."""
    from playwright.sync_api import sync_playwright

    with serve_directory(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for name, path in FETCHED_PAGES.items():
            page = browser.new_page()
            bodies: dict[str, bytes] = {}
            page.on("response", lambda r: TOOLKIT_FILE.search(r.url) and bodies.setdefault(r.url, r.body()))
            page.goto(base + path, wait_until="networkidle")
            page.wait_for_timeout(500)
            page.close()
            total = sum(gz(body) for body in bodies.values())
            names = sorted(url.split("/assets/", 1)[1] for url in bodies)
            print(f"Fetched on a first visit to {name}: {len(bodies)} toolkit files, {total / 1024:.1f} KB gzipped "
                  f"one file at a time, CSS included ({', '.join(names)})")
        browser.close()


def timings(site: Path) -> None:
    from playwright.sync_api import sync_playwright

    with serve_directory(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page()
        page.goto(base + "process/evaluate.html")
        page.locator('form[data-module="worksheet"][data-worksheet-ready]').wait_for(state="attached")
        page.locator('[name="evaluate.core-purpose"]').fill("start")
        page.locator("[data-status]").filter(has_text="Saved").wait_for()
        size = page.evaluate(SEED, [ANSWERS, ANSWER_LENGTH])
        page.reload()
        page.locator('form[data-module="worksheet"][data-worksheet-ready]').wait_for(state="attached")
        loads = [page.evaluate(TIME_LOAD) for _ in range(RUNS)]
        saves = [page.evaluate(TIME_SAVE, n) for n in range(RUNS)]
        kept = page.evaluate("() => document.querySelectorAll('[data-orphans-list] dt').length")
        browser.close()
    print(f"Assessment: {ANSWERS} answers of {ANSWER_LENGTH} characters ({size / 1024:.0f} KB of JSON; "
          f"{kept} of them shown as answers to questions no longer in the worksheet)")
    for name, values in (("restore", loads), ("save one change", saves)):
        median = statistics.median(values)
        print(f"Time to {name}: median {median:.1f} ms over {RUNS} runs (min {min(values):.1f}, max {max(values):.1f}) "
              f"(goal: under 50 ms) {'OK' if median < 50 else 'OVER'}")


def main() -> int:
    site = site_to_measure(__doc__.splitlines()[0])
    sizes()
    fetched(site)
    timings(site)
    return 0


if __name__ == "__main__":
    sys.exit(main())
