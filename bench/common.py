"""Shared pieces of the benchmarks: paths, a gzip-serving HTTP server, timing, and the table printer.

The benchmarks run as scripts (`python bench/run.py`), so this folder is on the import path; the project's
packages (tools, macros) are importable because `make` installs the project (`pip install -e .`). A build
of a project copy runs as `python -m tools.build` from the copy's folder, so it uses the copy's code.

Nothing here is a test: benchmark figures vary by machine and go in the README, never in assertions.
"""

from __future__ import annotations

import gzip
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Sequence

from tools.local_server import QuietHandler, serve_directory

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
RESULTS = ROOT / "bench" / "results"  # ignored by git: raw JSON of the last run
COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".md")

# What a copy of the project for a benchmark build leaves out: outputs, environments, history, tests.
NOT_COPIED = {".git", ".venv", "node_modules", "site", "bench", "tests", ".pytest_cache", "dist", "test-results"}


class GzipHandler(QuietHandler):
    """Static files as a normal web server sends them: text gzipped when the browser accepts it."""

    def send_head(self):  # noqa: D102 - same contract as the standard library's
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (accepts and path.is_file() and path.suffix in COMPRESSIBLE):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=3600")
        self.end_headers()
        import io

        return io.BytesIO(body)


def serve(directory: Path):
    """Serve `directory` over HTTP on 127.0.0.1 with gzip; a context manager yielding the base URL."""
    return serve_directory(directory, handler=GzipHandler)


def copy_project(destination: Path) -> Path:
    """A copy of the project's build inputs (no site/, venv, node_modules or tests) at `destination`."""
    destination.mkdir(parents=True, exist_ok=True)
    for source in ROOT.iterdir():
        if source.name in NOT_COPIED or source.name.startswith((".site-build", "site.")):
            continue
        if source.is_dir():
            shutil.copytree(source, destination / source.name, ignore=shutil.ignore_patterns("__pycache__", "engine-check"))
        else:
            shutil.copy2(source, destination / source.name)
    return destination


def timed_run(command: Sequence[str], cwd: Path, env: dict | None = None) -> float:
    """Run a command to completion; its wall-clock time in seconds. Fails loudly if the command fails."""
    started = time.perf_counter()
    result = subprocess.run(list(command), cwd=cwd, env={**os.environ, **(env or {})}, capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(f"benchmark command failed: {' '.join(command)}\n{result.stdout}\n{result.stderr}")
    return elapsed


def measured_run(command: Sequence[str], cwd: Path, env: dict | None = None) -> tuple[float, float]:
    """Run a command to completion; (wall-clock seconds, CPU seconds: user + system of it and its children).

    CPU time is what a busy machine changes least, so ratios are computed from it."""
    import resource

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    wall = timed_run(command, cwd, env)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def median_time(command: Sequence[str], cwd: Path, repeat: int, env: dict | None = None) -> tuple[float, list[float]]:
    times = [timed_run(command, cwd, env) for _ in range(repeat)]
    return statistics.median(times), times


def table(headers: Sequence[str], rows: Sequence[Sequence[object]], title: str = "") -> str:
    """A plain-text table (also valid Markdown), columns padded to fit."""
    cells = [[str(h) for h in headers]] + [[str(c) for c in row] for row in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]
    line = lambda row: "| " + " | ".join(c.ljust(w) for c, w in zip(row, widths)) + " |"  # noqa: E731
    out = ([f"### {title}", ""] if title else []) + [line(cells[0]), "|" + "|".join("-" * (w + 2) for w in widths) + "|"]
    return "\n".join(out + [line(row) for row in cells[1:]])


def kib(n: float) -> str:
    return f"{n / 1024:.1f} KiB"


def site_to_measure(description: str, page: str = "process/evaluate.html") -> Path:
    """The built site a browser benchmark measures (`--site`, default site/), built first if `page` is missing."""
    import argparse

    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--site", type=Path, default=ROOT / "site")
    site = parser.parse_args().site
    if not (site / page).exists():
        subprocess.run([PYTHON, "-m", "tools.build", "--site-dir", str(site)], cwd=ROOT, check=True)
    return site

