"""Serve the whole toolkit (English and Welsh) at http://127.0.0.1:8000 and rebuild it on every edit.

Each rebuild is the real build (tools/build.py), run in this process: an edit to content/, docs/,
overrides/, mkdocs.yml or council.yml is built straight away (about a second and a half on a quiet
machine, as the modules and compiled templates are already loaded). An edit to a Python file (macros/,
hooks/, hosting/, tools/) restarts this program in a fresh process, which serves the last site while it
builds, so Python edits take effect too. Reload the page to see an edit. Whatever goes wrong in a rebuild
(a content or YAML mistake, a broken template, an exception in the build itself, a file saved half-way
through a build) is printed, the last good site keeps being served, and the next save is built again.

Usage: python -m tools.serve [--host 127.0.0.1] [--port 8000] [--site-dir site] [--content-dir content]
                             [--strict-translations]
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
import time
import traceback
from pathlib import Path

from tools import build as build_module
from tools.build import ROOT
from tools.local_server import serve_directory

WATCHED = ["content", "docs", "overrides", "macros", "hooks", "hosting", "tools", "mkdocs.yml", "council.yml"]
RESTARTED = "--restarted"  # given to the fresh process after a Python edit: serve the last site, then build
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


def changed(before: dict[Path, float], after: dict[Path, float]) -> set[Path]:
    """The files added, removed or modified between two snapshots."""
    return {path for path in before.keys() | after.keys() if before.get(path) != after.get(path)}


def needs_fresh_process(paths: set[Path]) -> bool:
    """Whether an edit is to Python, which a running process cannot take in: it must start again."""
    return any(path.suffix == ".py" for path in paths)


def watch(
    site: Path, content_dir: Path | None, strict_translations: bool, interval: float, seen: dict | None = None
) -> None:
    """Rebuild whenever a watched file changes, until Ctrl+C; return when a Python file changed (the
    caller then restarts in a fresh process). `seen` is the snapshot the last build started from, so a
    file saved while it ran is built next."""
    seen = snapshot(content_dir) if seen is None else seen
    while True:
        time.sleep(interval)
        now = snapshot(content_dir)
        if now != seen:
            edited = changed(seen, now)
            seen = now
            if needs_fresh_process(edited):
                names = ", ".join(sorted(str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)
                                         for path in edited if path.suffix == ".py"))
                print(f"Python changed ({names}): restarting in a fresh process...", flush=True)
                return
            print("Change seen: rebuilding...", flush=True)
            rebuild_once(site, content_dir, strict_translations)
            # Files saved during the rebuild are picked up by the next look, as their times differ from `seen`.


def restart(args: argparse.Namespace) -> None:
    """Replace this process by a fresh one running the same command (which re-imports every module).

    It runs from the project's folder as `python -m tools.serve`, so it imports this project's code (a
    copy of the project included), whatever is installed; its folders are given as absolute paths."""
    arguments = ["--host", args.host, "--port", str(args.port), "--site-dir", str(args.site_dir.resolve()),
                 "--interval", str(args.interval), RESTARTED]
    arguments += ["--content-dir", str(args.content_dir)] if args.content_dir else []
    arguments += ["--strict-translations"] if args.strict_translations else []
    sys.stdout.flush()
    sys.stderr.flush()
    os.chdir(ROOT)
    os.execv(sys.executable, [sys.executable, "-m", "tools.serve", *arguments])


def stop_on_ctrl_c_and_term() -> None:
    """Ctrl+C and a service manager's SIGTERM both stop the server cleanly. Python ignores Ctrl+C when it
    was started in the background of a script (the shell set SIGINT to ignored), so say it again here."""
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGTERM, signal.default_int_handler)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--site-dir", type=Path, default=SITE)
    parser.add_argument("--content-dir", type=Path, default=None)
    parser.add_argument("--strict-translations", action="store_true")
    parser.add_argument("--interval", type=float, default=0.2, help="seconds between looks for changes")
    parser.add_argument(RESTARTED, action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    stop_on_ctrl_c_and_term()
    site = args.site_dir.resolve()
    args.content_dir = args.content_dir.resolve() if args.content_dir else None  # the build runs in ROOT
    serve_first = args.restarted and site.is_dir()  # after a Python edit: keep the last site up meanwhile
    seen = snapshot(args.content_dir)  # before building: anything saved from now on is built again
    if not serve_first and not rebuild_once(site, args.content_dir, args.strict_translations) and not site.exists():
        print("There is no site to serve yet: it will be served once the mistake is fixed.", flush=True)
        site.mkdir(parents=True)
    with serve_directory(site, host=args.host, port=args.port) as url:
        print(f"Serving the toolkit at {url} (Welsh at {url}cy/). Edits rebuild it; Ctrl+C stops.", flush=True)
        try:
            if serve_first:
                rebuild_once(site, args.content_dir, args.strict_translations)
            watch(site, args.content_dir, args.strict_translations, args.interval, seen)
        except KeyboardInterrupt:
            return 0
    restart(args)  # a Python file changed; the server is closed, so the fresh process can take the port
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except KeyboardInterrupt:  # Ctrl+C or SIGTERM before the server was up (during the first build)
        sys.exit(0)
