"""Serve the whole toolkit (English and Welsh) at http://127.0.0.1:8000 and rebuild it on every edit.

Each rebuild is the real build (tools/build.py), whose pages are rendered by MkDocs in fresh processes, so
edits to content/, docs/, overrides/, macros/ (Python included) and mkdocs.yml all take effect; reload
the page to see them. Whatever goes wrong in a rebuild (a content or YAML mistake, a broken template, an
exception in the build itself, a file saved half-way through a build) is printed, the last good site keeps
being served, and the next save is built again.

Usage: python tools/serve.py [--host 127.0.0.1] [--port 8000] [--site-dir site] [--content-dir content]
                             [--strict-translations]
"""

from __future__ import annotations

import argparse
import sys
import time
import traceback
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import build as build_module  # noqa: E402
from build import ROOT  # noqa: E402
from local_server import serve_directory  # noqa: E402

WATCHED = ["content", "docs", "overrides", "macros", "hooks", "hosting", "mkdocs.yml", "council.yml"]
SITE = ROOT / "site"


def snapshot(content_dir: Path | None = None) -> dict[Path, float]:
    """The modification time of every watched file (content_dir stands in for content/ when given)."""
    paths = [ROOT / name for name in WATCHED if not (content_dir and name == "content")]
    paths += [Path(content_dir)] if content_dir else []
    files: dict[Path, float] = {}
    for path in paths:
        for file in [path] if path.is_file() else path.rglob("*") if path.is_dir() else []:
            if file.is_file() and "__pycache__" not in file.parts:
                try:
                    files[file] = file.stat().st_mtime
                except OSError:  # deleted while we looked (an editor's temporary file)
                    continue
    return files


def rebuild_once(site: Path = SITE, content_dir: Path | None = None, strict_translations: bool = False) -> bool:
    """Build the site once; True if it was rebuilt, False if not (the last good site is left in place).

    Never raises, except KeyboardInterrupt (Ctrl+C): any mistake, in the content or in the code, is
    printed and `make serve` carries on serving the last good site until the next save."""
    try:
        ok = build_module.build(site, content_dir=content_dir, strict_translations=strict_translations) == 0
    except KeyboardInterrupt:
        raise
    except BaseException as error:  # noqa: BLE001 - a rebuild must never stop the server
        if isinstance(error, SystemExit) and error.code in (0, None):
            ok = True
        else:
            traceback.print_exc()
            print(f"The build stopped with an error: {type(error).__name__}: {error}", file=sys.stderr, flush=True)
            ok = False
    if ok:
        print("Rebuilt.", flush=True)
    else:
        print("Build failed: still serving the last good site. Fix the mistake and save again.", flush=True)
    return ok


def watch(site: Path, content_dir: Path | None, strict_translations: bool, interval: float) -> None:
    """Rebuild whenever a watched file changes, until Ctrl+C."""
    seen = snapshot(content_dir)
    while True:
        time.sleep(interval)
        now = snapshot(content_dir)
        if now != seen:
            seen = now
            print("Change seen: rebuilding...", flush=True)
            rebuild_once(site, content_dir, strict_translations)
            # Files saved during the rebuild are picked up by the next look, as their times differ from `seen`.


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--site-dir", type=Path, default=SITE)
    parser.add_argument("--content-dir", type=Path, default=None)
    parser.add_argument("--strict-translations", action="store_true")
    parser.add_argument("--interval", type=float, default=1.0, help="seconds between looks for changes")
    args = parser.parse_args(argv)
    site = args.site_dir.resolve()
    args.content_dir = args.content_dir.resolve() if args.content_dir else None  # the build runs in ROOT
    if not rebuild_once(site, args.content_dir, args.strict_translations) and not site.exists():
        print("There is no site to serve yet: it will be served once the mistake is fixed.", flush=True)
        site.mkdir(parents=True)
    with serve_directory(site, host=args.host, port=args.port) as url:
        print(f"Serving the toolkit at {url} (Welsh at {url}cy/). Edits rebuild it; Ctrl+C stops.", flush=True)
        try:
            watch(site, args.content_dir, args.strict_translations, args.interval)
        except KeyboardInterrupt:
            pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
