"""Lighthouse mobile performance with Material's bundle deferred (as built) against the same site with the
bundle parser-blocking (Material's own markup), runs interleaved so both see the same machine.

The baseline is the built site with only the bundle's `defer` taken out of every page, so the one
difference measured is where the bundle runs: after the first layout and paint, or inside it (issue 10).
Usage: python bench/lighthouse_deferred_bundle.py [--runs 3]   (needs `npm ci`: `make bench` installs it)
"""

from __future__ import annotations

import contextlib
import re
import shutil
import sys
import tempfile
from pathlib import Path

from common import serve, table
from lighthouse import PAGES, audit, build_site

DEFERRED_BUNDLE = re.compile(r'<script defer (src="[^"]*assets/javascripts/bundle\.[0-9a-f]+\.min\.js")')


def parser_blocking_copy(site: Path, destination: Path) -> Path:
    """A copy of `site` whose pages load Material's bundle as Material writes it, without `defer`."""
    shutil.copytree(site, destination)
    changed = 0
    for page in destination.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        baseline, count = DEFERRED_BUNDLE.subn(r"<script \1", html)
        if count:
            page.write_text(baseline, encoding="utf-8")
            changed += 1
    if not changed:
        raise SystemExit("no page loads a deferred bundle: nothing to compare")
    return destination


def run(runs: int = 3) -> list[list[str]]:
    rows = []
    with tempfile.TemporaryDirectory(prefix="bench-deferred-bundle-") as tmp:
        work = Path(tmp)
        deferred = build_site(work)
        blocking = parser_blocking_copy(deferred, work / "parser-blocking")
        with contextlib.ExitStack() as stack:
            bases = {name: stack.enter_context(serve(root)) for name, root in (("deferred", deferred), ("blocking", blocking))}
            for label, path in PAGES:
                scores = {name: [] for name in bases}
                for _ in range(runs):
                    for name, base in bases.items():
                        report = audit(base + path, work / "report.json", "mobile")
                        scores[name].append(report["scores"]["performance"])
                rows.append([label, ", ".join(map(str, scores["deferred"])), str(min(scores["deferred"])),
                             ", ".join(map(str, scores["blocking"])), str(min(scores["blocking"]))])
    return rows


if __name__ == "__main__":
    count = int(sys.argv[sys.argv.index("--runs") + 1]) if "--runs" in sys.argv else 3
    print(table(["Page", "bundle deferred: runs", "lowest", "parser-blocking (baseline): runs", "lowest"], run(count),
                "Lighthouse mobile performance, runs interleaved (target: at least 98 in every run)"))
