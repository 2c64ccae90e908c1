"""Server header files: one strict Content-Security-Policy, written for nginx, Apache, IIS and _headers."""

from __future__ import annotations

import base64
import hashlib
import re
import xml.etree.ElementTree as ElementTree

import pytest

from hosting.csp import content_security_policy, inline_script_hashes
from hosting.headers import HEADER_FILES, render_header_files

POLICY_IN = {
    "_headers": re.compile(r"^  Content-Security-Policy: (.*)$", re.M),
    ".htaccess": re.compile(r'^  Header always set Content-Security-Policy "(.*)"$', re.M),
    "nginx-headers.conf": re.compile(r'^add_header Content-Security-Policy "(.*)" always;$', re.M),
}


def header_file(site, name: str) -> str:
    """A generated file: in the site, or (a server snippet) in server-config/ beside it."""
    path = site.root / name if name in HEADER_FILES else site.root.parent / "server-config" / name
    return path.read_text(encoding="utf-8")


def policies(site) -> dict[str, str]:
    found = {name: expr.search(header_file(site, name)).group(1) for name, expr in POLICY_IN.items()}
    config = ElementTree.fromstring(site.html("web.config"))
    found["web.config"] = config.find(".//customHeaders/add[@name='Content-Security-Policy']").get("value")
    return found


def sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def test_every_server_format_is_written_with_the_same_policy(site):
    for name in HEADER_FILES:
        assert (site.root / name).is_file(), name
    assert len(set(policies(site).values())) == 1


def test_policy_allows_no_inline_or_eval_and_nothing_from_elsewhere(site):
    policy = policies(site)["_headers"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
    assert directives["script-src"].split()[0] == "'self'"
    assert all(source.startswith("'sha256-") for source in directives["script-src"].split()[1:])
    assert "unsafe-eval" not in policy and "'unsafe-inline'" not in directives["script-src"]
    assert directives["default-src"] == "'self'" and directives["object-src"] == "'none'"
    assert "http" not in policy.replace("frame-ancestors", "")  # no other host is trusted for anything


def test_every_inline_script_of_every_page_is_hashed_in_the_policy(site):
    policy = policies(site)["_headers"]
    for path in site.pages():
        for source in inline_script_hashes(site.html(path)):
            assert source in policy, f"{path}: inline script {source} is not allowed by the policy"


def test_materials_own_inline_scripts_are_moved_to_files(site):
    """The per-page Material globals script is loaded from a file (its text differs by page depth)."""
    html = site.html("process/evaluate.html")
    assert '<script src="../assets/head.js" data-md-scope=".."></script>' in html
    assert "__md_scope=new URL" not in html


@pytest.mark.parametrize(
    "html, expected",
    [
        ("<script>alert(1)</script>", {sha256("alert(1)")}),
        ('<script type="module">go()</script>', {sha256("go()")}),
        ('<script type="application/json">{"a": 1}</script>', set()),
        ('<script src="x.js"></script>', set()),
        ('<script id="__config" type="application/json">{}</script><script>\nx()\n</script>', {sha256("\nx()\n")}),
    ],
)
def test_inline_script_hashes(html, expected):
    assert inline_script_hashes(html) == expected


def test_frame_ancestors_from_the_council_list():
    policy = content_security_policy([], ["https://intranet.example.gov.uk"])
    assert policy.endswith("frame-ancestors 'self' https://intranet.example.gov.uk")
    assert content_security_policy([], ["*"]).endswith("frame-ancestors *")


def test_header_files_quote_values_for_each_server():
    files = render_header_files({"Content-Security-Policy": "default-src 'self'", "X-Test": 'a "b" & c'})
    config = ElementTree.fromstring(files["web.config"])
    assert config.find(".//customHeaders/add[@name='X-Test']").get("value") == 'a "b" & c'
    assert "<IfModule" not in files[".htaccess"]  # without mod_headers Apache must fail, not drop the policy
    assert files["_headers"].splitlines()[1] == "/*"


def test_one_script_blocks_the_first_paint_and_it_holds_the_globals_early_js_and_the_shim(site):
    """Before the first paint every page fetches one script, holding what Material and the toolkit need."""
    for path in ("index.html", "process/evaluate.html", "cy/big-ideas/core-funding.html"):
        head = site.soup(path).select_one("head")
        scripts = [tag["src"] for tag in head.select("script[src]")]
        assert [src.rsplit("/", 1)[-1] for src in scripts] == ["head.js"], (path, scripts)
    text = (site.root / "assets/head.js").read_text(encoding="utf-8")
    globals_at, early_at, shim_at = (text.index(marker) for marker in ("__md_scope", "toolkit-supported", "IFrameWorker"))
    assert globals_at < early_at < shim_at
    assert not text.lstrip().startswith('"use strict"')  # the shim's directive must not govern the whole file


def test_no_script_in_the_body_holds_up_the_first_layout(site):
    """Material's bundle and every other body script wait for the parser (defer, or a module), so the page is
    laid out and painted before they run rather than in one long task with them (issue 10, Lighthouse)."""
    for path in site.pages():
        body_scripts = site.soup(path).select("body script[src]")
        assert any("assets/javascripts/bundle." in tag["src"] for tag in body_scripts), path
        waiting = [tag["src"] for tag in body_scripts if not (tag.has_attr("defer") or tag.get("type") == "module")]
        assert waiting == [], (path, waiting)
