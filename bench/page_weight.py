"""Page weight: the bytes each kind of page transfers, gzipped, against the same page from plain Material.

Each page is loaded in Chromium from a local server that gzips text as web servers do; every response the
page causes (HTML, CSS, scripts, the search index its search worker fetches, icons) is recorded with its
encoded size, in a fresh browser context so nothing comes from cache. The plain Material site is the
toolkit's own built pages published by plain Material (bench/plain_material.py), built in the same run, so
"the toolkit adds" is its theme, stylesheet and scripts, not its words.
Usage: python bench/page_weight.py
"""

from __future__ import annotations

import json
import os
import subprocess
import tempfile
from collections import defaultdict
from pathlib import Path

from common import CHROMIUM, CHROMIUM_ARGS, PYTHON, RESULTS, ROOT, kib, serve, table

import plain_material

# One page of each kind, and its counterpart in the plain Material site.
PAGE_TYPES = [
    ("Home", "index.html", "index.html"),
    ("Principles", "principles.html", "principles.html"),
    ("Process at a glance (matrix)", "process/index.html", "process/index.html"),
    ("Step worksheet (Evaluate)", "process/evaluate.html", "process/evaluate.html"),
    ("Big Idea worksheet", "big-ideas/provider-alliances.html", "big-ideas/provider-alliances.html"),
    ("My worksheets", "my-worksheets.html", None),
]


def kind(url: str, content_type: str) -> str:
    if "html" in content_type:
        return "html"
    if url.endswith(".css") or "css" in content_type:
        return "css"
    if url.endswith((".js", ".mjs")) or "javascript" in content_type:
        return "js"
    if "search" in url and (url.endswith(".json") or "search_index" in url):
        return "search"
    return "other"


def weigh(browser, base_url: str, path: str) -> dict:
    """Encoded (gzipped) bytes transferred for one page load, by kind, after the page settles."""
    context = browser.new_context()
    sizes: dict[str, int] = defaultdict(int)
    requests = []
    context.on("requestfinished", lambda request: requests.append(request))
    page = context.new_page()
    page.goto(base_url + path, wait_until="networkidle")
    for request in requests:
        response = request.response()
        if response is None or not request.url.startswith(base_url):
            continue
        body = request.sizes()["responseBodySize"]
        sizes[kind(request.url, response.headers.get("content-type", ""))] += body
        sizes["requests"] += 1
    context.close()
    sizes["total"] = sum(v for k, v in sizes.items() if k not in ("requests",))
    return dict(sizes)


def build_plain(work: Path, toolkit_site: Path) -> Path:
    plain = work / "plain"
    plain_material.generate(toolkit_site, plain)
    subprocess.run([PYTHON, str(ROOT / "bench" / "plain_material.py"), "build", str(plain)], check=True,
                   env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    return plain / "site"


def build_toolkit(work: Path) -> Path:
    site = work / "toolkit-site"
    subprocess.run([PYTHON, "-m", "tools.build", "--site-dir", str(site)], check=True, cwd=ROOT,
                   capture_output=True)
    return site


def run() -> list[dict]:
    from playwright.sync_api import sync_playwright

    rows = []
    with tempfile.TemporaryDirectory(prefix="bench-weight-") as tmp:
        work = Path(tmp)
        toolkit_site = build_toolkit(work)
        plain_site = build_plain(work, toolkit_site)
        with serve(toolkit_site) as toolkit_url, serve(plain_site) as plain_url, sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for label, toolkit_path, plain_path in PAGE_TYPES:
                toolkit = weigh(browser, toolkit_url, toolkit_path)
                plain = weigh(browser, plain_url, plain_path) if plain_path else None
                rows.append({"page": label, "path": toolkit_path, "toolkit": toolkit, "plain": plain})
            browser.close()
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "page-weight.json").write_text(json.dumps(rows, indent=2), encoding="utf-8")
    return rows


def signed(n: int) -> str:
    return ("+" if n >= 0 else "-") + kib(abs(n))


def tables(rows: list[dict]) -> list[str]:
    body = []
    for row in rows:
        t, p = row["toolkit"], row["plain"]
        body.append([
            row["page"], kib(t.get("html", 0)), kib(t.get("css", 0)), kib(t.get("js", 0)),
            kib(t.get("search", 0) + t.get("other", 0)), f"{kib(t['total'])} ({t['requests']})",
            f"{kib(p['total'])} ({p['requests']})" if p else "no counterpart",
            f"{signed(t['total'] - p['total'])} (HTML {signed(t.get('html', 0) - p.get('html', 0))})" if p else "",
        ])
    headers = ["Page", "HTML", "CSS", "JS", "Search index, icons", "Toolkit total (requests)",
               "Plain Material (requests)", "Toolkit adds"]
    return [table(headers, body, "Page weight: bytes transferred, gzipped, first visit")]


if __name__ == "__main__":
    print("\n\n".join(tables(run())))
