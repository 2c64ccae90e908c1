"""All the benchmarks in one run, printed as one set of tables (`make bench`).

Build cost (against plain Material, and at 1x, 10x and 100x the content), the editor's loop under
`make serve`, page weight, Lighthouse and the test suite's time. Each also runs alone: bench/build_bench.py,
bench/edit_loop.py, bench/page_weight.py, bench/lighthouse.py, bench/suite_time.py. Raw figures of the
last run are written to bench/results/*.json (not committed). Figures depend on the machine: they belong
in the README with the date and machine, never in tests.
Usage: python bench/run.py [--quick] [--scales 1,10] [--skip-suite]
  --quick: one repetition, content up to 10x, desktop Lighthouse only, no suite run
  --scales: the content multiples to build (100x takes several minutes on 2 cores)
  --skip-suite: leave out the test suite's time (it runs the whole suite, 7 minutes or more)
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import time

import build_bench
import edit_loop
import lighthouse
import page_weight
import suite_time


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--scales", default=None, help="comma-separated content multiples (default 1,10,100)")
    parser.add_argument("--skip-suite", action="store_true")
    args = parser.parse_args()
    scales = [int(s) for s in args.scales.split(",")] if args.scales else [1, 10] if args.quick else [1, 10, 100]
    started = time.time()
    sections = []
    print("Build cost ...", file=sys.stderr, flush=True)
    sections += build_bench.tables(build_bench.run(repeat=1 if args.quick else 3, scales=scales))
    print("Editor's loop ...", file=sys.stderr, flush=True)
    sections += edit_loop.tables(edit_loop.run(repeat=3 if args.quick else 5))
    print("Page weight ...", file=sys.stderr, flush=True)
    sections += page_weight.tables(page_weight.run())
    print("Lighthouse ...", file=sys.stderr, flush=True)
    sections += lighthouse.tables(lighthouse.run(presets=["desktop"] if args.quick else None))
    if not (args.quick or args.skip_suite):
        print("Test suite ...", file=sys.stderr, flush=True)
        sections += suite_time.tables(suite_time.run())
    machine = f"{platform.system()} {platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}"
    print(f"## Benchmarks ({time.strftime('%Y-%m-%d')}, {machine}, {time.time() - started:.0f} s)\n")
    print("\n\n".join(sections))
    return 0


if __name__ == "__main__":
    sys.exit(main())
