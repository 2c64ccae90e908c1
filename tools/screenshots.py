"""Screenshots of the home page, a step and a Big Idea at a laptop (1366 px) and a phone (390 px) width.

    .venv/bin/python tools/screenshots.py [--site-dir site] [--out screenshots] [--full-page]

Serves the built site (run `make build` first) on a local port and photographs each page with Playwright
and Debian's Chromium (/usr/bin/chromium), one PNG per page and width, into the output folder. A step is
also photographed with an answer typed, to show the saved status and an answer box grown to its text.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tools.local_server import serve_directory  # noqa: E402

# The same switches as the browser tests (tests/conftest.py CHROMIUM_ARGS).
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync",
]
PAGES = {
    "home": "index.html",
    "step-redesign": "process/redesign.html",
    "step-evaluate": "process/evaluate.html",
    "big-idea": "big-ideas/provider-alliances.html",
    "matrix": "process/index.html",
}
WIDTHS = {"laptop-1366": (1366, 768), "phone-390": (390, 844)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site-dir", type=Path, default=ROOT / "site")
    parser.add_argument("--out", type=Path, default=ROOT / "screenshots")
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    parser.add_argument("--full-page", action="store_true", help="the whole page, not just the first screen")
    args = parser.parse_args()
    if not (args.site_dir / "index.html").is_file():
        parser.error(f"no built site in {args.site_dir}: run `make build` first")
    args.out.mkdir(parents=True, exist_ok=True)

    from playwright.sync_api import sync_playwright

    with serve_directory(args.site_dir) as base_url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=args.chromium, args=CHROMIUM_ARGS)
        for width_name, (width, height) in WIDTHS.items():
            context = browser.new_context(viewport={"width": width, "height": height})
            page = context.new_page()
            for name, path in PAGES.items():
                page.goto(base_url + path)
                page.wait_for_load_state("networkidle")
                shot = args.out / f"{name}-{width_name}.png"
                page.screenshot(path=str(shot), full_page=args.full_page)
                print(shot)
            # The "at a glance" matrix on its own, and the end of a step (check your answers, the way on).
            page.goto(base_url + PAGES["matrix"])
            page.locator(".toolkit-table-wrap").screenshot(path=str(args.out / f"matrix-table-{width_name}.png"))
            page.goto(base_url + PAGES["step-evaluate"])
            page.locator("#check-answers").scroll_into_view_if_needed()
            page.screenshot(path=str(args.out / f"step-end-{width_name}.png"))
            # A step being filled in: an answer several lines long, scrolled to the answer box.
            page.goto(base_url + PAGES["step-evaluate"])
            box = page.locator("textarea").first
            box.fill("\n".join(f"Line {n} of an answer that keeps growing." for n in range(1, 9)))
            box.scroll_into_view_if_needed()
            page.wait_for_timeout(600)
            shot = args.out / f"step-typing-{width_name}.png"
            page.screenshot(path=str(shot))
            print(shot)
            context.close()
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
