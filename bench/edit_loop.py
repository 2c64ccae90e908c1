"""The editor's loop under `make serve`: save a content file, and time until the page served shows the edit.

Starts tools/serve.py (from a copy of the project, so the real files are never touched) on a free port,
waits for its first build, then several times: changes the English of one question in content/process.yaml,
and polls the served page until it shows the new words. Also times a Python edit (the site's name
changed in the copy's macros/__init__.py), which restarts the server in a fresh process, until the page
is served again, built by the new code. Then, for the baseline, plain Material's own `mkdocs serve` on the
same built pages (bench/plain_material.py), with the same edit to the same question and the same polling:
once on one project holding both languages (Welsh under cy/), so that like `make serve` it rebuilds every
page on a save, the target's baseline; and once on the English pages alone, half of them, for scale.
Figures only, never a test.
Usage: python bench/edit_loop.py [--repeat 5] [--skip-python] [--skip-plain]
"""

from __future__ import annotations

import argparse
import json
import os
import queue
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

from common import PYTHON, RESULTS, ROOT, copy_project, table

QUESTION = "text: What is the core purpose of the service?"
PAGE = "process/evaluate.html"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def wait_until(predicate, timeout: float, step: float = 0.1) -> float:
    """Poll `predicate` until true; the seconds it took. Fails after `timeout`.

    Ten looks a second, as a person reloading would: polling much faster makes the server's threads
    compete with the build it is timing."""
    started = time.perf_counter()
    while time.perf_counter() - started < timeout:
        if predicate():
            return time.perf_counter() - started
        time.sleep(step)
    raise SystemExit(f"edit loop: nothing served within {timeout} s")


def timed_edits(path: Path, old: str, url: str, repeat: int) -> list[float]:
    """Save `path` with `old` replaced by new words, `repeat` times; the seconds until `url` shows each."""
    original = path.read_text(encoding="utf-8")
    times = []
    for number in range(repeat):
        words = f"What is the core purpose of the service (edit {number})?"
        path.write_text(original.replace(old, old.replace("What is the core purpose of the service?", words), 1),
                        encoding="utf-8")
        times.append(wait_until(lambda: words in fetch(url), timeout=120))
        time.sleep(0.5)
    return times


def plain_material_projects(tmp: Path) -> Path:
    """The plain Material projects (bench/plain_material.py) made from a fresh build of the toolkit."""
    import plain_material

    site = tmp / "plain-source-site"
    subprocess.run([PYTHON, "-m", "tools.build", "--site-dir", str(site)], cwd=ROOT, check=True, capture_output=True,
                   env=dict(os.environ, NO_MKDOCS_2_WARNING="1"))
    plain = tmp / "plain"
    plain_material.generate(site, plain)
    return plain


def plain_material_loop(plain: Path, project: str, repeat: int) -> list[float]:
    """Plain Material's `mkdocs serve` on one plain project ("both" or "en"): a page saved until it is served."""
    port = free_port()
    url = f"http://127.0.0.1:{port}/{PAGE}"
    # Live reload left on: without it MkDocs 1.6 does not watch for changes at all.
    process = subprocess.Popen([PYTHON, "-m", "mkdocs", "serve", "-q", "-f", f"mkdocs-{project}.yml", "-a", f"127.0.0.1:{port}"],
                               cwd=plain, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               env=dict(os.environ, NO_MKDOCS_2_WARNING="1"))
    try:
        wait_until(lambda: "What is the core purpose of the service?" in fetch(url), timeout=300)
        time.sleep(1)
        page = plain / f"docs-{project}" / PAGE.replace(".html", ".md")
        return timed_edits(page, "What is the core purpose of the service?", url, repeat)
    finally:
        stop(process)


def stop(process: subprocess.Popen) -> None:
    """Stop a server as Ctrl+C would, and kill it if it does not stop within 30 s."""
    process.send_signal(signal.SIGINT)
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()


def run(repeat: int = 5, python_edit: bool = True, plain: bool = True) -> dict:
    with tempfile.TemporaryDirectory(prefix="edit-loop-") as tmp:
        project = copy_project(Path(tmp) / "project")
        port = free_port()
        url = f"http://127.0.0.1:{port}/{PAGE}"
        command = [PYTHON, "-u", "-m", "tools.serve", "--port", str(port),  # from the copy: its own code
                   "--site-dir", str(Path(tmp) / "site")]
        process = subprocess.Popen(command, cwd=project, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                   text=True, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"))
        lines: queue.Queue[str] = queue.Queue()
        threading.Thread(target=lambda: [lines.put(line) for line in process.stdout], daemon=True).start()
        try:
            started = time.perf_counter()
            wait_until(lambda: QUESTION.split(": ", 1)[1] in fetch(url), timeout=300, step=0.1)
            first_build = time.perf_counter() - started
            time.sleep(1)  # let the server settle into watching
            content_times = timed_edits(project / "content" / "process.yaml", QUESTION, url, repeat)
            python_time = None
            if python_edit:
                entry = project / "macros" / "__init__.py"
                marker = "edit-loop-python-edit"
                source = entry.read_text(encoding="utf-8")
                # A change to the Python that shows on every page: the site's name gains a marker.
                needle = 'env.conf["site_name"] = renderer.toolkit.text("toolkit.name", language)'
                if needle in source:
                    entry.write_text(source.replace(needle, needle + f' + " {marker}"', 1), encoding="utf-8")
                    python_time = wait_until(lambda: marker in fetch(url), timeout=300)
        finally:
            stop(process)
        plain_projects = plain_material_projects(Path(tmp)) if plain else None
        plain_times = plain_material_loop(plain_projects, "both", repeat) if plain else []
        english_times = plain_material_loop(plain_projects, "en", repeat) if plain else []
    result = {
        "first_build_s": round(first_build, 2),
        "content_edit_s": [round(t, 2) for t in content_times],
        "content_edit_median_s": round(statistics.median(content_times), 2),
        "python_edit_s": round(python_time, 2) if python_time is not None else None,
        "plain_edit_s": [round(t, 2) for t in plain_times],
        "plain_edit_median_s": round(statistics.median(plain_times), 2) if plain_times else None,
        "plain_english_edit_s": [round(t, 2) for t in english_times],
        "plain_english_edit_median_s": round(statistics.median(english_times), 2) if english_times else None,
    }
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "edit_loop.json").write_text(json.dumps(result, indent=2), encoding="utf-8")
    return result


def tables(result: dict) -> list[str]:
    rows = [
        ["`make serve` starts: first page served", f"{result['first_build_s']:.2f} s"],
        ["a content edit saved → page served with it (median)",
         f"{result['content_edit_median_s']:.2f} s (runs: {', '.join(f'{t:.2f}' for t in result['content_edit_s'])})"],
    ]
    if result.get("plain_edit_median_s") is not None:
        rows.append(["baseline: plain Material's `mkdocs serve` rebuilding the same pages, English and Welsh, the same page saved → served (median)",
                     f"{result['plain_edit_median_s']:.2f} s (runs: {', '.join(f'{t:.2f}' for t in result['plain_edit_s'])})"])
        rows.append(["for scale: plain Material on the English pages alone (half the pages; median)",
                     f"{result['plain_english_edit_median_s']:.2f} s (runs: {', '.join(f'{t:.2f}' for t in result['plain_english_edit_s'])})"])
    if result["python_edit_s"] is not None:
        rows.append(["a Python edit saved → page served by the new code (fresh process)", f"{result['python_edit_s']:.2f} s"])
    return [table(["editor's loop (`make serve`)", "time"], rows,
                  "The editor's loop (target: a content edit served within 2 s, and never slower than plain Material)")]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--skip-python", action="store_true")
    parser.add_argument("--skip-plain", action="store_true")
    args = parser.parse_args()
    print("\n\n".join(tables(run(args.repeat, python_edit=not args.skip_python, plain=not args.skip_plain))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
