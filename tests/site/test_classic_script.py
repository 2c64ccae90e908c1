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
    for module in ("worksheet/storage.js", "worksheet/view.js", "embed/storage-access.js", "worksheet/team.js", "report/docx.js"):
        assert f'"{module}": function (require, exports)' in script.read_text()
    subprocess.run(["node", "--check", str(script)], check=True)
    assert (site.root / "cy" / "assets" / "toolkit-classic.js").exists()
