"""`make engine-check`: build the English site with Zensical and with ProperDocs, and say page by page what
differs from the MkDocs build. Not a test, and not part of `make test`: it installs each engine in its own
scratch virtual environment (network needed the first time), builds a copy of the project, and reports.

For each engine: does it build at all (and the last lines of its log when not), and for every English page
of the MkDocs build: is the page there, does it hold the same worksheet forms (`form[data-module=worksheet]`),
is its HTML the same (the generator tag aside), does it request anything from another host, are its inline scripts allowed by the MkDocs build's
Content-Security-Policy (their sha256 hashes in `_headers`), and are the server header files written.

The engines build with `strict: false` (a copy of mkdocs.yml) so that everything they produce is compared;
whether they pass strict mode is reported from their log. Material's privacy plugin needs the network to
fetch any third-party asset it finds; offline, its warnings are reported, not fatal.

Usage: python bench/engine_check.py [--engines zensical,properdocs] [--work .cache/engine-check] [--keep]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import venv
from pathlib import Path

from common import PYTHON, RESULTS, ROOT, copy_project, table

from hosting.csp import inline_script_hashes

ENGINES = {
    # engine: (the packages it needs besides requirements.txt, the build command in its venv's bin/)
    "zensical": (["zensical"], ["zensical", "build", "-f", "engine.yml"]),
    "properdocs": (["properdocs"], ["properdocs", "build", "-f", "engine.yml", "-d", "site"]),
}
WORKSHEET_FORM = re.compile(r"<form\b[^>]*\bdata-module=\"worksheet\"", re.I)
# Resources a browser fetches by itself (links to other sites are not requests).
RESOURCE = re.compile(
    r"<(?:script|img|iframe|source|audio|video|embed)\b[^>]*\ssrc=\"((?:https?:)?//[^\"]+)\""
    r"|<link\b[^>]*\shref=\"((?:https?:)?//[^\"]+)\"",
    re.I,
)
GENERATOR = re.compile(r'<meta name="generator" content="[^"]*">')  # names the engine: not a difference
CSP_HASH = re.compile(r"'sha256-[A-Za-z0-9+/=]+'")
HEADER_FILES = ["_headers", ".htaccess", "web.config"]
SNIPPETS = ["nginx-headers.conf", "apache-headers.conf"]


def engine_python(work: Path, engine: str) -> Path:
    """A virtual environment with the project's pinned packages and the engine (made once, then reused)."""
    folder = work / f"venv-{engine}"
    python = folder / "bin" / "python"
    stamp = folder / ".installed"
    if not stamp.exists():
        venv.create(folder, with_pip=True)
        packages, _ = ENGINES[engine]
        for arguments in (["-r", str(ROOT / "requirements.txt")], packages):
            subprocess.run([str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", *arguments],
                           check=True)
        stamp.touch()
    return python


def reference_site(work: Path) -> Path:
    """The MkDocs build (tools/build.py) of the project as it is: the site the engines are compared with."""
    site = work / "mkdocs" / "site"
    subprocess.run([PYTHON, "-m", "tools.build", "--site-dir", str(site)], cwd=ROOT, check=True, capture_output=True,
                   env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    return site


def engine_site(work: Path, engine: str) -> tuple[Path, dict]:
    """Build a copy of the project with `engine`; returns its site folder and what the build said."""
    python = engine_python(work, engine)
    project = work / f"{engine}-project"
    shutil.rmtree(project, ignore_errors=True)
    copy_project(project)
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    (project / "engine.yml").write_text(config.replace("\nstrict: true\n", "\nstrict: false\n"), encoding="utf-8")
    _, command = ENGINES[engine]
    # The project's packages (macros, hosting) importable as the hook and the macros expect.
    env = {**os.environ, "PYTHONPATH": str(project), "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run([str(python.parent / command[0]), *command[1:]], cwd=project, env=env,
                            capture_output=True, text=True, timeout=1200)
    log = (result.stdout + result.stderr).strip().splitlines()
    said = {
        "exit_code": result.returncode,
        "warnings": [line for line in log if "WARNING" in line][:20],
        "errors": [line for line in log if "Error" in line or "ERROR" in line][-5:],
        "log_tail": log[-8:],
    }
    return project / "site", said


def english_pages(site: Path) -> list[str]:
    return sorted(str(path.relative_to(site)) for path in site.rglob("*.html")
                  if path.relative_to(site).parts[0] != "cy")


def allowed_hashes(site: Path) -> set[str]:
    headers = site / "_headers"
    return set(CSP_HASH.findall(headers.read_text(encoding="utf-8"))) if headers.exists() else set()


def compare(reference: Path, built: Path) -> dict:
    """Page by page: what the engine's site lacks, or adds, against the MkDocs site (English pages)."""
    allowed = allowed_hashes(reference)
    pages = []
    for page in english_pages(reference):
        mine = reference / page
        theirs = built / page
        row: dict = {"page": page, "present": theirs.exists()}
        expected_forms = len(WORKSHEET_FORM.findall(mine.read_text(encoding="utf-8")))
        row["forms_expected"] = expected_forms
        if theirs.exists():
            html = theirs.read_text(encoding="utf-8", errors="replace")
            row["forms"] = len(WORKSHEET_FORM.findall(html))
            row["same_html"] = GENERATOR.sub("", html) == GENERATOR.sub("", mine.read_text(encoding="utf-8"))
            row["third_party"] = sorted({a or b for a, b in RESOURCE.findall(html)})
            row["scripts_not_allowed"] = len(inline_script_hashes(html) - allowed)
        pages.append(row)
    extra = sorted(set(english_pages(built)) - set(english_pages(reference))) if built.is_dir() else []
    return {
        "pages": pages,
        "extra_pages": extra,
        "header_files": {name: (built / name).exists() for name in HEADER_FILES},
        "header_files_same": [name for name in HEADER_FILES if (built / name).exists() and (reference / name).exists()
                              and (built / name).read_bytes() == (reference / name).read_bytes()],
        "snippets": {name: (built.parent / "server-config" / name).exists() or (built / ".server-config" / name).exists()
                     for name in SNIPPETS},
    }


def run(engines: list[str], work: Path) -> dict:
    work.mkdir(parents=True, exist_ok=True)
    reference = reference_site(work)
    report = {"reference_pages": len(english_pages(reference)), "engines": {}}
    for engine in engines:
        print(f"{engine} ...", file=sys.stderr, flush=True)
        try:
            site, said = engine_site(work, engine)
        except (subprocess.CalledProcessError, subprocess.TimeoutExpired) as error:
            report["engines"][engine] = {"said": {"exit_code": None, "errors": [str(error)], "warnings": [],
                                                  "log_tail": []}, "comparison": None}
            continue
        report["engines"][engine] = {"said": said, "comparison": compare(reference, site) if site.is_dir() else None}
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "engine_check.json").write_text(json.dumps(report, indent=2), encoding="utf-8")
    return report


def tables(report: dict) -> list[str]:
    out = []
    summary = []
    for engine, result in report["engines"].items():
        said, comparison = result["said"], result["comparison"]
        pages = comparison["pages"] if comparison else []
        present = sum(row["present"] for row in pages)
        forms_expected = sum(row["forms_expected"] for row in pages)
        forms = sum(row.get("forms", 0) for row in pages)
        third = sorted({url for row in pages for url in row.get("third_party", [])})
        blocked = sum(row.get("scripts_not_allowed", 0) for row in pages)
        same = sum(bool(row.get("same_html")) for row in pages)
        same_headers = set((comparison or {}).get("header_files_same", []))
        headers = [name + (" (same)" if name in same_headers else " (differs)")
                   for name, there in (comparison or {}).get("header_files", {}).items() if there]
        summary.append([
            engine,
            "yes" if said["exit_code"] == 0 else f"no (exit {said['exit_code']})",
            f"{present} / {report['reference_pages']}",
            f"{same} / {report['reference_pages']}",
            f"{forms} / {forms_expected}",
            len(third),
            blocked,
            ", ".join(headers) or "none",
        ])
    out.append(table(["engine", "builds", "English pages", "same HTML (but the generator tag)", "worksheet forms", "third-party requests",
                      "inline scripts the CSP would block", "header files"], summary,
                     "Other engines against the MkDocs build (English site)"))
    for engine, result in report["engines"].items():
        said, comparison = result["said"], result["comparison"]
        lines = [f"### {engine}", ""]
        if said["exit_code"] != 0:
            lines += ["The build stopped:", "", "```", *(said["errors"] or said["log_tail"]), "```", ""]
        if comparison:
            rows = [[row["page"], "yes" if row["present"] else "MISSING",
                     f"{row.get('forms', '-')} / {row['forms_expected']}",
                     ", ".join(row.get("third_party", [])) or "-", row.get("scripts_not_allowed", "-")]
                    for row in comparison["pages"]
                    if not row["present"] or row.get("forms") != row["forms_expected"] or row.get("third_party")
                    or row.get("scripts_not_allowed")]
            if rows:
                lines.append(table(["page", "present", "worksheet forms", "third-party requests",
                                    "inline scripts not in the CSP"], rows))
            else:
                lines.append("Every English page is there, with its worksheet forms, no third-party request and "
                             "only inline scripts the CSP allows.")
            if comparison["extra_pages"]:
                lines += ["", f"Pages only this engine wrote: {', '.join(comparison['extra_pages'])}"]
            missing_snippets = [name for name, there in comparison["snippets"].items() if not there]
            if missing_snippets:
                lines += ["", f"Server snippets not written: {', '.join(missing_snippets)}"]
        if said["warnings"]:
            lines += ["", f"Warnings (first {len(said['warnings'])}):", "", "```", *said["warnings"], "```"]
        out.append("\n".join(lines))
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--engines", default=",".join(ENGINES))
    parser.add_argument("--work", type=Path, default=ROOT / ".cache" / "engine-check")
    args = parser.parse_args()
    engines = [name for name in args.engines.split(",") if name]
    unknown = sorted(set(engines) - set(ENGINES))
    if unknown:
        parser.error(f"unknown engine(s): {', '.join(unknown)} (known: {', '.join(ENGINES)})")
    print("\n\n".join(tables(run(engines, args.work.resolve()))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
