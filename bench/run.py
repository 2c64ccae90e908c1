"""All the benchmarks in one run, printed as one set of tables (`make bench`).

Build time (against plain Material, and at 1x, 10x and 100x the content), page weight, and Lighthouse.
Each also runs alone: bench/build_bench.py, bench/page_weight.py, bench/lighthouse.py. Raw figures of the
last run are written to bench/results/*.json (not committed). Figures depend on the machine: they belong
in the README with the date and machine, never in tests.
Usage: python bench/run.py [--quick]   (--quick: one repetition, content up to 10x, desktop Lighthouse only)
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import build_bench  # noqa: E402
import lighthouse  # noqa: E402
import page_weight  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    started = time.time()
    sections = []
    print("Build time ...", file=sys.stderr, flush=True)
    sections += build_bench.tables(build_bench.run(repeat=1 if args.quick else 3,
                                                   scales=[1, 10] if args.quick else [1, 10, 100]))
    print("Page weight ...", file=sys.stderr, flush=True)
    sections += page_weight.tables(page_weight.run())
    print("Lighthouse ...", file=sys.stderr, flush=True)
    sections += lighthouse.tables(lighthouse.run(presets=["desktop"] if args.quick else None))
    machine = f"{platform.system()} {platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}"
    print(f"## Benchmarks ({time.strftime('%Y-%m-%d')}, {machine}, {time.time() - started:.0f} s)\n")
    print("\n\n".join(sections))
    return 0


if __name__ == "__main__":
    sys.exit(main())
