"""The classic-script copy of the worksheet modules, used by pages opened from file://."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from hosting.classic_script import UnsupportedModule, classic_script, convert_module


def test_imports_and_exports_become_a_function_of_require_and_exports():
    code = convert_module(
        "worksheet/a.js",
        'import { t, x as y } from "./config.js";\nimport * as store from "../embed/s.js";\n'
        "export function f() { return import(\"./b.js\"); }\nexport const K = 1;\n",
    )
    assert 'const { t, x: y } = require("worksheet/config.js");' in code
    assert 'const store = require("embed/s.js");' in code
    assert 'Promise.resolve().then(() => require("worksheet/b.js"))' in code
    assert code.index("exports.f = f;") < code.index("function f()")  # hoisted functions published first
    assert code.index("exports.K = K;") > code.index("const K = 1;")
    assert "export " not in code and "import {" not in code


@pytest.mark.parametrize("source", ['export default function () {}', 'export { a };', 'import a from "./a.js";'])
def test_a_module_form_it_does_not_understand_stops_the_build(source):
    with pytest.raises(UnsupportedModule, match="worksheet/a.js:1"):
        convert_module("worksheet/a.js", source)


def test_the_built_copy_holds_every_worksheet_module_and_is_valid_javascript(site, tmp_path):
    # Made from the readable sources (the published copies of the modules are minified afterwards).
    script = site.root / "assets" / "toolkit-classic.js"
    assert script.read_text() == classic_script(Path(__file__).resolve().parents[2] / "overrides" / "assets")
    for module in ("worksheet/storage.js", "worksheet/view.js", "embed/frame.js", "embed/storage-access.js", "worksheet/team.js", "report/docx.js"):
        assert f'"{module}": function (require, exports)' in script.read_text()
    # started from the one entry module, as the module scripts are
    assert script.read_text().count("  require(") == 1 and '  require("worksheet/index.js");' in script.read_text()
    subprocess.run(["node", "--check", str(script)], check=True)
    assert (site.root / "cy" / "assets" / "toolkit-classic.js").exists()


def test_one_entry_module_and_the_fallback_deferred_after_it(site):
    """Every page has one module script, the entry; file-fallback.js is deferred and comes after it, so it
    runs once the modules have (or could not), and after any deferred script before it (the worksheet data)."""
    for page in site.pages():
        scripts = site.soup(page).select("script[src]")
        modules = [s for s in scripts if s.get("type") == "module"]
        assert [m["src"].rsplit("assets/", 1)[1] for m in modules] == ["worksheet/index.js"], page
        fallback = [s for s in scripts if s["src"].endswith("assets/file-fallback.js")]
        assert len(fallback) == 1 and fallback[0].has_attr("defer"), page
        assert scripts.index(fallback[0]) > scripts.index(modules[0]), page
        assert not fallback[0].has_attr("async") and scripts[-1] is fallback[0], page


def test_the_fallback_loads_the_copy_only_when_the_modules_did_not_run(site):
    """The decision is the entry module's marker on <html>, not the address's protocol."""
    fallback = site.html("assets/file-fallback.js")
    assert "data-toolkit-started" in fallback and "location.protocol" not in fallback
    entry = (Path(__file__).resolve().parents[2] / "overrides" / "assets" / "worksheet" / "index.js").read_text()
    assert 'document.documentElement.setAttribute("data-toolkit-started", "")' in entry
