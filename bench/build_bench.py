"""Build cost: the toolkit against plain Material publishing the same pages, and how it grows with content.

1. `make build`'s command (tools/build.py: check, English and Welsh, publish, one process) on the real
   content, and plain Material publishing the toolkit's own built pages, both languages, with the same
   Material plugins (bench/plain_material.py), alternated in one run, several times each. The ratio is of
   median CPU seconds (user + system), which a busy machine disturbs less than wall-clock time.
2. The toolkit build of the content multiplied 1x, 10x and 100x, Welsh included (bench/scale_content.py):
   CPU per HTML page at each scale, and the ratio to 1x (1.0 is linear growth).
Usage: python bench/build_bench.py [--repeat 3] [--scales 1,10,100]
   (100x builds about 2,600 pages: several minutes on 2 cores; --scales 1,10 for a quick look)
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

from common import PYTHON, RESULTS, ROOT, measured_run, table

import plain_material
import scale_content

ENV = {"NO_MKDOCS_2_WARNING": "1"}


def html_pages(site: Path) -> int:
    return sum(1 for _ in site.rglob("*.html"))


def compare_with_plain(work: Path, repeat: int) -> dict:
    toolkit_site, plain_dir = work / "toolkit-site", work / "plain"
    toolkit_cmd = [PYTHON, "-m", "tools.build", "--site-dir", str(toolkit_site)]
    plain_cmd = [PYTHON, str(ROOT / "bench" / "plain_material.py"), "build", str(plain_dir)]
    # The first build on a fresh machine, with no compiled templates kept yet (.cache/jinja/); it also
    # writes the pages plain Material will publish. Later builds, as every rerun, find the cache warm.
    shutil.rmtree(ROOT / ".cache" / "jinja", ignore_errors=True)
    cold = measured_run(toolkit_cmd, ROOT, ENV)
    plain_pages = plain_material.generate(toolkit_site, plain_dir)
    runs: dict[str, list[tuple[float, float]]] = {"toolkit": [], "plain": []}
    for _ in range(repeat):  # alternate, so a busy moment on the machine hits both alike
        runs["toolkit"].append(measured_run(toolkit_cmd, ROOT, ENV))
        runs["plain"].append(measured_run(plain_cmd, plain_dir, ENV))
    result = {}
    for name, site in (("toolkit", toolkit_site), ("plain", plain_dir / "site")):
        result[name] = {
            "wall": statistics.median(w for w, _ in runs[name]), "cpu": statistics.median(c for _, c in runs[name]),
            "cpu_runs": [c for _, c in runs[name]], "pages": html_pages(site),
        }
    result["plain"]["markdown_pages"] = len(plain_pages)
    result["toolkit_first"] = {"wall": cold[0], "cpu": cold[1], "cpu_runs": [cold[1]], "pages": result["toolkit"]["pages"]}
    return result


def growth(work: Path, scales: list[int], repeat: int) -> list[dict]:
    rows = []
    for times in scales:
        project = work / f"x{times}"
        counts = scale_content.scale(times, project)
        command = [PYTHON, "-m", "tools.build", "--site-dir", str(project / "site")]  # the copy's code
        reps = repeat if times <= 10 else 1  # the largest set is built once: minutes, not seconds
        runs = [measured_run(command, project, ENV) for _ in range(reps)]
        rows.append({**counts, "scale": times, "wall": statistics.median(w for w, _ in runs),
                     "cpu": statistics.median(c for _, c in runs), "cpu_runs": [c for _, c in runs],
                     "pages": html_pages(project / "site"),
                     "evaluate_page_bytes": (project / "site" / "process" / "evaluate.html").stat().st_size})
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
    ratio = p["toolkit"]["cpu"] / p["plain"]["cpu"]
    rows = []
    labels = (("toolkit", "the toolkit (`make build`: check, English + Welsh, publish)"),
              ("toolkit_first", "the toolkit's first build, no compiled templates kept yet (not in the ratio)"),
              ("plain", "plain Material, the same built pages, both languages, same plugins"))
    for key, label in labels:
        if key not in p:
            continue
        r = p[key]
        rows.append([label, r["pages"], f"{r['cpu']:.2f} s", f"{1000 * r['cpu'] / r['pages']:.0f} ms",
                     f"{r['wall']:.2f} s", ", ".join(f"{c:.2f}" for c in r["cpu_runs"]),
                     f"{r['cpu'] / p['plain']['cpu']:.2f}x"])
    out = [table(["build", "HTML pages", "median CPU", "CPU per page", "median wall", "CPU runs (s)", "CPU ratio"],
                 rows, "Whole build: the toolkit against plain Material (target: ratio at most 1.0x)")]
    if result["growth"]:
        base = result["growth"][0]
        base_per_page = base["cpu"] / base["pages"]
        grow = [[f"{g['scale']}x", g["steps"], g["ideas"], g["pages"], f"{g['cpu']:.1f} s",
                 f"{1000 * g['cpu'] / g['pages']:.0f} ms", f"{(g['cpu'] / g['pages']) / base_per_page:.2f}x",
                 f"{g['evaluate_page_bytes'] / 1024:.0f} KiB"]
                for g in result["growth"]]
        out.append(table(["content", "steps", "Big Ideas", "HTML pages", "CPU", "CPU per page",
                          f"per page vs {base['scale']}x", "a step page"],
                         grow, "Build cost as content grows, Welsh included (target: per page at 100x within 1.2x of 1x)"))
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
