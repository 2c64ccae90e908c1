"""Hardening of the built site for hosting: file modes any web server can read, council.yml values that
can neither inject markup nor split a header, and a Content-Security-Policy that hashes only the inline
scripts the theme's own templates write (so an injected one is blocked).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import stat
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest

from conftest import BuiltSite, build_site
from hosting.council import CouncilError, load_council
from hosting.csp import content_security_policy, inline_script_hashes, site_script_hashes
from hosting.headers import render_header_files, site_headers

ROOT = Path(__file__).resolve().parent.parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "branding"
HOSTILE_NAME = "Evil <b>x</b> <script>alert('council')</script> & Co"
HOSTILE_COUNCIL = """\
organisation:
  name: "Evil <b>x</b> <script>alert('council')</script> & Co"
  url: "https://www.example.gov.uk/?a=1&b=2"
logo: logo.svg
contact:
  name: "<i>Team</i>"
  email: team@example.gov.uk
  phone: "01234 567890"
  url: https://www.example.gov.uk/contact
footer_links:
  - title: "<img src=x onerror=alert(1)>"
    url: https://www.example.gov.uk/privacy
"""


def policy_of(root: Path) -> str:
    return re.search(r"^  Content-Security-Policy: (.*)$", (root / "_headers").read_text(), re.M).group(1)


def wrong_modes(*roots: Path) -> list[str]:
    """Every folder (roots included) that is not 0755 and every file that is not 0644."""
    wrong = []
    for root in roots:
        for path in [root, *root.rglob("*")]:
            mode = path.lstat().st_mode
            if stat.S_ISLNK(mode):
                continue
            expected = 0o755 if stat.S_ISDIR(mode) else 0o644
            if stat.S_IMODE(mode) != expected:
                wrong.append(f"{oct(stat.S_IMODE(mode))} {path}")
    return wrong


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> BuiltSite:
    """A site built from a council.yml whose text values are full of markup, with a strict umask (077)."""
    folder = tmp_path_factory.mktemp("hostile-council")
    (folder / "council.yml").write_text(HOSTILE_COUNCIL, encoding="utf-8")
    shutil.copy(FIXTURES / "logo.svg", folder / "logo.svg")
    site_dir = tmp_path_factory.mktemp("hostile") / "site"
    previous = os.umask(0o077)
    try:
        with pytest.MonkeyPatch.context() as patch:
            patch.setenv("TOOLKIT_COUNCIL", str(folder / "council.yml"))
            result = build_site(site_dir)
    finally:
        os.umask(previous)
    assert result.returncode == 0, f"the site did not build:\n{result.stdout}\n{result.stderr}"
    return BuiltSite(site_dir)


# -- 9: modes -----------------------------------------------------------------------------------------


def test_every_built_folder_is_0755_and_every_file_0644(site):
    """A server running as another user (www-data) must be able to read the whole site after the swap."""
    server_config = site.root.parent / "server-config"
    assert server_config.is_dir()
    assert wrong_modes(site.root, server_config) == []


def test_modes_do_not_depend_on_the_umask(hostile):
    assert wrong_modes(hostile.root, hostile.root.parent / "server-config") == []


# -- 12: council.yml values ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, field",
    [
        ("organisation: {url: 'javascript:alert(1)'}", "organisation.url"),
        ("organisation: {url: 'JaVaScRiPt:alert(1)'}", "organisation.url"),
        ("organisation: {url: 'data:text/html,<script>alert(1)</script>'}", "organisation.url"),
        ("contact: {url: 'https://x.example.gov.uk/\"onmouseover=\"alert(1)'}", "contact.url"),
        ("contact: {url: \"https://x.example.gov.uk/'x\"}", "contact.url"),
        ("footer_links: [{title: Privacy, url: 'https://x.example.gov.uk/a b'}]", "footer_links.0.url"),
        ("footer_links: [{title: Privacy, url: 'https://x.example.gov.uk/<x>'}]", "footer_links.0.url"),
        ("footer_links: [{title: Privacy, url: \"https://x.example.gov.uk/\\ttab\"}]", "footer_links.0.url"),
        ("footer_links: [{title: Privacy, url: '/privacy'}]", "footer_links.0.url"),
        ("contact: {email: 'team\"@example.gov.uk'}", "contact.email"),
        ("contact: {phone: '01234\" onclick=\"x'}", "contact.phone"),
        ('embedding: {frame_ancestors: ["https://intranet.example.gov.uk\\n"]}', "embedding.frame_ancestors"),
        ('embedding: {frame_ancestors: ["https://intranet.example.gov.uk\\nX-Evil: 1"]}', "embedding.frame_ancestors"),
        ("embedding: {frame_ancestors: ['https://intranet.example.gov.uk; script-src *']}", "embedding.frame_ancestors"),
        ("embedding: {frame_ancestors: ['https://a.example.gov.uk,https://b.example.gov.uk']}", "embedding.frame_ancestors"),
        ("embedding: {frame_ancestors: ['https://a.example.gov.uk https://b.example.gov.uk']}", "embedding.frame_ancestors"),
        ("embedding: {frame_ancestors: ['https://intranet.example.gov.uk/path']}", "embedding.frame_ancestors"),
        ("embedding: {frame_ancestors: ['javascript://x']}", "embedding.frame_ancestors"),
    ],
)
def test_unsafe_council_values_are_refused_naming_the_field(tmp_path, text, field):
    file = tmp_path / "council.yml"
    file.write_text(text, encoding="utf-8")
    with pytest.raises(CouncilError) as raised:
        load_council(file)
    assert f"{field}: " in str(raised.value)


def test_a_logo_file_whose_name_could_leave_an_attribute_is_refused(tmp_path):
    name = 'logo.svg" onload="alert(1)'
    shutil.copy(FIXTURES / "logo.svg", tmp_path / name)  # the file exists: only its name is wrong
    file = tmp_path / "council.yml"
    file.write_text(f"logo: '{name}'", encoding="utf-8")
    with pytest.raises(CouncilError) as raised:
        load_council(file)
    assert "logo: " in str(raised.value) and "not an image file" in str(raised.value)


def test_ordinary_council_values_are_still_accepted(tmp_path):
    """Control: the checks refuse only what is unsafe."""
    file = tmp_path / "council.yml"
    file.write_text(
        """\
organisation: {name: "Brent & Harrow <Council>", url: "https://www.example.gov.uk/?a=1&b=2"}
contact: {email: team.name+care@example.gov.uk, phone: "+44 (0)1234 567-890", url: "mailto:team@example.gov.uk"}
footer_links:
  - {title: Call us, url: "tel:+441234567890"}
  - {title: Old site, url: "http://old.example.gov.uk:8080/a/b#c"}
embedding: {frame_ancestors: ["https://intranet.example.gov.uk:8443", "https://*.example.gov.uk", "'self'"]}
""",
        encoding="utf-8",
    )
    council = load_council(file)
    assert council.organisation.name == "Brent & Harrow <Council>"
    assert len(council.embedding.frame_ancestors) == 3


def test_markup_in_council_values_is_shown_as_text(hostile):
    for path in ("index.html", "process/evaluate.html", "cy/index.html"):
        soup = hostile.soup(path)
        footer = soup.select_one("[data-council-footer]")
        assert footer.select("b, i, img, script") == [], path
        text = " ".join(footer.get_text(" ").split())
        assert HOSTILE_NAME in text and "<i>Team</i>" in text and "<img src=x onerror=alert(1)>" in text, path
        link = footer.select_one(".toolkit-footer__organisation a")
        assert link["href"] == "https://www.example.gov.uk/?a=1&b=2" and link.get_text() == HOSTILE_NAME
        brand = soup.select_one("[data-embed-brand]")
        assert brand.select("b, script") == [] and HOSTILE_NAME in brand.get_text(), path
        logo = soup.select_one(".md-header .md-logo img")
        assert logo["alt"] == HOSTILE_NAME, path
        assert "<script>alert('council')" not in hostile.html(path)


def test_a_council_script_would_not_be_allowed_by_the_policy(hostile):
    hashes = set(re.findall(r"'sha256-[^']+'", policy_of(hostile.root)))
    assert hashes, "the policy has none of Material's inline scripts"
    assert inline_script_hashes("<script>alert('council')</script>").isdisjoint(hashes)


def test_an_injected_inline_script_is_not_hashed(site, tmp_path):
    """The policy is a backstop: only the theme's own inline scripts are hashed, not one found in a page."""
    page = site.html("process/evaluate.html")
    theirs = inline_script_hashes(page)
    assert theirs, "the page has none of Material's inline scripts to compare with"
    injected = "<script>document.title='injected'</script>"
    (tmp_path / "page.html").write_text(page.replace("</body>", injected + "</body>"), encoding="utf-8")
    hashes = set(site_script_hashes(tmp_path))
    assert theirs <= hashes
    assert inline_script_hashes(injected).isdisjoint(hashes)
    # and the built site's policy allows exactly the theme's scripts it contains
    assert set(re.findall(r"'sha256-[^']+'", policy_of(site.root))) == set(site_script_hashes(site.root))


def test_an_injected_inline_script_is_reported(site, tmp_path):
    from hosting.csp import site_scripts

    page = site.html("index.html").replace("</body>", "<script>steal()</script></body>")
    (tmp_path / "index.html").write_text(page, encoding="utf-8")
    assert site_scripts(tmp_path).untrusted == [("index.html", "steal()")]


def test_a_page_with_an_inline_script_of_its_own_fails_the_build_naming_it(tmp_path):
    """End to end: raw HTML in a page brings a script no template writes; the strict build stops."""
    docs = tmp_path / "docs"
    shutil.copytree(ROOT / "docs", docs)
    with (docs / "deployment.md").open("a", encoding="utf-8") as page:
        page.write("\n<script>injected()</script>\n")
    config = ROOT / f".mkdocs.hardening-{os.getpid()}.yml"  # INHERIT is relative; .mkdocs.*.yml is ignored by git
    config.write_text(json.dumps({"INHERIT": "mkdocs.yml", "docs_dir": str(docs)}), encoding="utf-8")
    try:
        result = build_site(tmp_path / "site", config=config)
    finally:
        config.unlink()
    assert result.returncode != 0
    assert "deployment.html: an inline script that no theme template writes" in result.stdout + result.stderr
    assert not (tmp_path / "site").exists()


def test_frame_ancestors_none_stands_alone():
    assert content_security_policy([], ["'none'"]).endswith("frame-ancestors 'none'")


@pytest.mark.parametrize("value", ["default-src 'self'\nX-Evil: 1", "a\rb", "a\x00b"])
def test_a_header_value_with_a_line_break_is_refused(value):
    with pytest.raises(ValueError, match="line break"):
        render_header_files(site_headers(value))


@pytest.mark.parametrize("built", ["site", "hostile"])
def test_header_files_have_one_header_per_line(built, request):
    root = request.getfixturevalue(built).root
    lines = (root / "_headers").read_text().splitlines()
    assert lines[1] == "/*"
    for line in lines[2:]:
        assert re.fullmatch(r"  [A-Za-z-]+: \S[^\r\n]*", line), line
    for path in (root / ".htaccess", root.parent / "server-config" / "apache-headers.conf"):
        headers = [line for line in path.read_text().splitlines() if "Header " in line and not line.startswith("#")]
        assert len(headers) == 3 and all(re.fullmatch(r'\s*Header always set [A-Za-z-]+ "[^"]*"', h) for h in headers), path
    nginx = (root.parent / "server-config" / "nginx-headers.conf").read_text().splitlines()
    added = [line for line in nginx if line.startswith("add_header")]
    assert len(added) == 3 and all(line.endswith('" always;') for line in added)


def test_web_config_hides_the_config_files(site):
    config = ElementTree.fromstring(site.html("web.config"))
    hidden = {tag.get("segment") for tag in config.findall(".//requestFiltering/hiddenSegments/add")}
    assert {".htaccess", "_headers", "web.config"} <= hidden
