"""Lighthouse (the npm package, driving Debian's Chromium) on every kind of page: the four category scores.

Goals: accessibility 100, best practices 100 (issue 5), performance at least 98 on mobile over three runs
(issue 10; the lowest of the runs is shown). The built site is served locally with gzip, as a web server
would. Each page is audited with Lighthouse's default mobile emulation (a mid-range phone on a throttled
4G connection), three times, and once with its desktop preset (a council laptop).
Usage: python bench/lighthouse.py [desktop|mobile ...] [--runs 3]   (needs `npm ci`: `make bench` runs it)
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from common import CHROMIUM, PYTHON, RESULTS, ROOT, serve, table

PAGES = [
    ("Home", "index.html"),
    ("A principle", "principles.html#principle.co-production"),
    ("Step worksheet (Evaluate)", "process/evaluate.html"),
    ("Big Idea (Provider alliances)", "big-ideas/provider-alliances.html"),
    ("My worksheets", "my-worksheets.html"),
    ("Report", "report.html"),
    ("Welsh step worksheet (Gwerthuso)", "cy/process/evaluate.html"),
]
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
GOALS = {"performance": 98, "desktop performance": 95, "accessibility": 100, "best-practices": 100}
RUNS = {"mobile": 3, "desktop": 1}  # the target is on mobile, over three runs
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"


PRESETS = ["desktop", "mobile"]


def audit(url: str, output: Path, preset: str = "desktop") -> dict:
    if not LIGHTHOUSE.exists():
        raise SystemExit(f"{LIGHTHOUSE} is missing: run `npm ci` (or `make bench`).")
    command = [str(LIGHTHOUSE), url, "--output=json", f"--output-path={output}", "--quiet",
               "--only-categories=" + ",".join(CATEGORIES)] + (["--preset=desktop"] if preset == "desktop" else []) + [
               "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage"]
    result = subprocess.run(command, env={**os.environ, "CHROME_PATH": CHROMIUM}, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"lighthouse failed on {url}:\n{result.stderr[-3000:]}")
    report = json.loads(output.read_text(encoding="utf-8"))
    scores = {c: round(100 * (report["categories"][c]["score"] or 0)) for c in CATEGORIES}
    failing = {
        c: [ref["id"] for ref in report["categories"][c]["auditRefs"]
            if ref.get("weight", 0) > 0 and (report["audits"][ref["id"]].get("score") is not None)
            and report["audits"][ref["id"]]["score"] < 1]
        for c in CATEGORIES
    }
    metrics = {m: report["audits"][m].get("displayValue", "") for m in
               ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift")}
    return {"scores": scores, "below_full_marks": failing, "metrics": metrics}


def build_site(work: Path) -> Path:
    site = work / "site"
    subprocess.run([PYTHON, "-m", "tools.build", "--site-dir", str(site)], check=True, cwd=ROOT,
                   capture_output=True)
    return site


def run(site: Path | None = None, presets: list[str] | None = None, runs: dict | None = None) -> list[dict]:
    """One row per page and preset: the lowest score of each category over the runs, with every run's."""
    rows = []
    runs = runs or RUNS
    with tempfile.TemporaryDirectory(prefix="bench-lighthouse-") as tmp:
        work = Path(tmp)
        site = site or build_site(work)
        with serve(site) as base:
            for preset in presets or PRESETS:
                for label, path in PAGES:
                    audits = [audit(base + path, work / "report.json", preset) for _ in range(runs.get(preset, 1))]
                    worst = min(audits, key=lambda a: a["scores"]["performance"])
                    rows.append({"page": label, "path": path, "preset": preset, **worst,
                                 "scores": {c: min(a["scores"][c] for a in audits) for c in CATEGORIES},
                                 "performance_runs": [a["scores"]["performance"] for a in audits],
                                 "cls_runs": [a["metrics"]["cumulative-layout-shift"] for a in audits]})
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "lighthouse.json").write_text(json.dumps(rows, indent=2), encoding="utf-8")
    return rows


def tables(rows: list[dict]) -> list[str]:
    def mark(category: str, score: int) -> str:
        goal = GOALS.get(category)
        return f"{score}" + ("" if goal is None or score >= goal else f" (goal {goal})")

    def goal_for(category: str, preset: str) -> str:
        return category if category != "performance" or preset == "mobile" else "desktop performance"

    body = [[row["page"], row["preset"]] + [mark(goal_for(c, row["preset"]), row["scores"][c]) for c in CATEGORIES]
            + [", ".join(map(str, row.get("performance_runs", []))), ", ".join(row.get("cls_runs", [])),
               row["metrics"]["largest-contentful-paint"], row["metrics"]["total-blocking-time"]] for row in rows]
    out = [table(["Page", "Device", "Performance (lowest)", "Accessibility", "Best practices", "SEO",
                  "Performance runs", "CLS runs", "LCP", "TBT"], body,
                 "Lighthouse 12.8.2 (local server with gzip; target: mobile performance at least 98 in every run)")]
    below = [f"- {row['page']} ({row['preset']}), {c}: {', '.join(ids)}" for row in rows for c, ids in row["below_full_marks"].items() if ids]
    if below:
        out.append("Audits below full marks:\n" + "\n".join(below))
    return out


if __name__ == "__main__":
    count = int(sys.argv[sys.argv.index("--runs") + 1]) if "--runs" in sys.argv else None
    chosen = [p for p in sys.argv[1:] if p in PRESETS] or None
    print("\n\n".join(tables(run(presets=chosen, runs={p: count for p in PRESETS} if count else None))))
