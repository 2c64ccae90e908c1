"""Build time: the toolkit against plain Material, and how the toolkit's build grows with content.

1. `make build`'s command (tools/build.py: validate, build English and Welsh) on the real content, and a
   plain Material build of the same guides as Markdown pages (bench/plain_material.py), alternated in one
   run, several times each; the medians and their ratio.
2. The toolkit build of the content multiplied 1x, 10x and 100x (bench/scale_content.py).
Usage: python bench/build_bench.py [--repeat 3] [--scales 10,100]
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import PYTHON, RESULTS, ROOT, table, timed_run  # noqa: E402

import plain_material  # noqa: E402
import scale_content  # noqa: E402

ENV = {"NO_MKDOCS_2_WARNING": "1"}


def html_pages(site: Path) -> int:
    return sum(1 for _ in site.rglob("*.html"))


def compare_with_plain(work: Path, repeat: int) -> dict:
    toolkit_site, plain_dir = work / "toolkit-site", work / "plain"
    plain_pages = plain_material.generate(plain_dir)
    toolkit_cmd = [PYTHON, str(ROOT / "tools" / "build.py"), "--site-dir", str(toolkit_site)]
    plain_cmd = [PYTHON, "-m", "mkdocs", "build", "--strict", "--quiet", "-f", str(plain_dir / "mkdocs.yml"),
                 "-d", str(plain_dir / "site")]
    toolkit_times, plain_times = [], []
    for _ in range(repeat):  # alternate, so a busy moment on the machine hits both alike
        toolkit_times.append(timed_run(toolkit_cmd, ROOT, ENV))
        plain_times.append(timed_run(plain_cmd, plain_dir, ENV))
    return {
        "toolkit": {"median": statistics.median(toolkit_times), "times": toolkit_times, "pages": html_pages(toolkit_site)},
        "plain": {"median": statistics.median(plain_times), "times": plain_times, "pages": html_pages(plain_dir / "site"),
                  "markdown_pages": len(plain_pages)},
    }


def growth(work: Path, scales: list[int], repeat: int) -> list[dict]:
    rows = []
    for times in scales:
        project = work / f"x{times}"
        counts = scale_content.scale(times, project)
        command = [PYTHON, "tools/build.py", "--site-dir", str(project / "site")]
        reps = repeat if times <= 10 else 1  # the largest set is built once: minutes, not seconds
        runs = [timed_run(command, project, ENV) for _ in range(reps)]
        rows.append({**counts, "scale": times, "median": statistics.median(runs), "times": runs,
                     "pages": html_pages(project / "site")})
        shutil.rmtree(project, ignore_errors=True)  # the 100x site is hundreds of megabytes
    return rows


def run(repeat: int = 3, scales: list[int] | None = None) -> dict:
    scales = scales if scales is not None else [1, 10, 100]
    with tempfile.TemporaryDirectory(prefix="bench-build-") as tmp:
        work = Path(tmp)
        result = {"plain": compare_with_plain(work, repeat), "growth": growth(work, scales, repeat)}
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "build.json").write_text(json.dumps(result, indent=2), encoding="utf-8")
    return result


def tables(result: dict) -> list[str]:
    p = result["plain"]
    rows = [
        ["Toolkit (`make build`, English + Welsh)", p["toolkit"]["pages"], f"{p['toolkit']['median']:.2f} s",
         ", ".join(f"{t:.2f}" for t in p["toolkit"]["times"]), f"{p['toolkit']['median'] / p['plain']['median']:.1f}x"],
        ["Plain Material, same guides as Markdown", p["plain"]["pages"], f"{p['plain']['median']:.2f} s",
         ", ".join(f"{t:.2f}" for t in p["plain"]["times"]), "1.0x"],
    ]
    for row, key in zip(rows, ["toolkit", "plain"]):
        row.insert(3, f"{1000 * p[key]['median'] / p[key]['pages']:.0f} ms")
    out = [table(["Build", "HTML pages", "Median", "Per page", "Runs (s)", "Ratio"], rows, "Build time: toolkit against plain Material")]
    if result["growth"]:
        base = result["growth"][0]
        grow = [[f"{g['scale']}x", g["steps"], g["ideas"], g["pages"], f"{g['median']:.1f} s",
                 f"{1000 * g['median'] / g['pages']:.0f} ms", f"{g['median'] / base['median']:.1f}x"]
                for g in result["growth"]]
        out.append(table(["Content", "Steps", "Big Ideas", "HTML pages", "Build", "Per page", f"vs {base['scale']}x"],
                         grow, "Build time as content grows"))
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--scales", default="1,10,100", help="comma-separated multiples of the content")
    args = parser.parse_args()
    result = run(args.repeat, [int(s) for s in args.scales.split(",") if s])
    print("\n\n".join(tables(result)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
