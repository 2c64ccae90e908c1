"""How long the whole test suite takes (`make test`'s pytest run), printed by `make bench`: never a test.

Runs `python -m pytest -q` once in the project, as `make test` does after its set-up, and reports the
wall-clock time, the CPU time and pytest's own summary line. The target (issue 10) is 8 minutes on 2 cores.
Usage: python bench/suite_time.py [pytest arguments...]   (e.g. `-m "not browser"` for a part of it)
"""

from __future__ import annotations

import json
import re
import resource
import subprocess
import sys
import time

from common import PYTHON, RESULTS, ROOT, table


def run(arguments: list[str] | None = None) -> dict:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    result = subprocess.run([PYTHON, "-m", "pytest", "-q", "-p", "no:cacheprovider", *(arguments or [])], cwd=ROOT,
                            capture_output=True, text=True)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    summary = next((line.strip("= ") for line in reversed(result.stdout.splitlines())
                    if re.search(r"\d+ (passed|failed|error)", line)), "no summary")
    figures = {"wall_s": round(wall, 1), "cpu_s": round(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime, 1),
               "summary": summary, "arguments": arguments or [], "exit_code": result.returncode}
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "suite.json").write_text(json.dumps(figures, indent=2), encoding="utf-8")
    return figures


def tables(figures: dict) -> list[str]:
    minutes = figures["wall_s"] / 60
    what = "the whole suite" + (f" ({' '.join(figures['arguments'])})" if figures["arguments"] else "")
    return [table(["test suite", "wall", "CPU", "pytest says"],
                  [[what, f"{minutes:.1f} min", f"{figures['cpu_s'] / 60:.1f} min", figures["summary"]]],
                  "Test suite (target: at most 8 minutes on 2 cores)")]


def main() -> int:
    print("\n\n".join(tables(run(sys.argv[1:]))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
