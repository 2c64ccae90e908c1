"""Every built page, English and Welsh, has zero errors from the W3C Nu Html Checker (vnu-jar, from npm).

The checker runs once over all pages with Java (Debian's default-jre-headless; `make test` installs it with
tools/ensure-java.sh, and npm ci installs vnu-jar from package-lock.json). A missing Java or checker FAILS
this test rather than skipping it: valid HTML is a gate, not a nicety.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from collections import Counter
from pathlib import Path

import pytest

from tests.conftest import ROOT

VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def run_checker(files: list[Path]) -> list[dict]:
    java = shutil.which("java")
    if not java:
        pytest.fail("Java is not installed: run `make test` (tools/ensure-java.sh installs default-jre-headless).")
    if not VNU_JAR.is_file():
        pytest.fail(f"the W3C checker is missing ({VNU_JAR}): run `npm ci` (vnu-jar is pinned in package.json).")
    result = subprocess.run(
        [java, "-jar", str(VNU_JAR), "--errors-only", "--format", "json", *map(str, files)],
        capture_output=True, text=True,
    )
    # vnu writes its JSON report to stderr and exits 1 when there are errors.
    try:
        return json.loads(result.stderr or result.stdout)["messages"]
    except (ValueError, KeyError):
        pytest.fail(f"the W3C checker did not report: {result.stdout}\n{result.stderr}")


@pytest.fixture(scope="module")
def messages(site) -> list[dict]:
    return run_checker(sorted(site.root.rglob("*.html")))


def test_every_page_english_and_welsh_is_checked(site):
    pages = sorted(site.root.rglob("*.html"))
    assert any(p.relative_to(site.root).parts[0] == "cy" for p in pages)
    assert len(pages) > 50


def test_every_page_has_zero_errors_from_the_w3c_checker(site, messages):
    errors = [m for m in messages if m.get("type") == "error" or m.get("subType") == "fatal"]
    if errors:
        summary = Counter(m["message"] for m in errors).most_common(10)
        where = sorted({Path(m["url"]).relative_to(site.root.resolve()).as_posix()
                        if m.get("url", "").startswith("/") else m.get("url", "") for m in errors})
        pytest.fail(f"{len(errors)} HTML error(s) in {len(where)} page(s), e.g. {where[:5]}:\n"
                    + "\n".join(f"  {n} × {message}" for message, n in summary))


def test_the_checker_finds_errors_when_there_are_some(tmp_path):
    """A negative control: the same run reports an invalid page (so a silent checker cannot pass)."""
    bad = tmp_path / "bad.html"
    bad.write_text('<!doctype html><html lang="en"><title>x</title><p id="a">1</p><p id="a">2</p>'
                   '<label tabindex="">x</label>', encoding="utf-8")
    messages = run_checker([bad])
    assert any("Duplicate ID" in m["message"] for m in messages)
    assert any("tabindex" in m["message"] for m in messages)
