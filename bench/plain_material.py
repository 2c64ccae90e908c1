"""The fair baseline for the build benchmark: the toolkit's own built pages, published by plain Material.

Each page of a built toolkit site (English at the root, Welsh under cy/) becomes a Markdown page holding
that page's article, the HTML the toolkit's macros rendered, as it is. Plain Material then publishes the
same pages, in both languages, with the same nav, Markdown extensions and Material plugins (search,
offline, privacy), in one Python process like tools/build.py. What plain Material does not do is the
toolkit's own work: loading and checking the content, rendering it through the macros, the theme
overrides, the Content-Security-Policy, the server headers and the file:// script. So the whole-build
ratio toolkit/plain is what the toolkit costs on top of Material for the same pages.

Usage: python bench/plain_material.py generate SITE DEST   (SITE: a built toolkit site; writes DEST/)
       python bench/plain_material.py build DEST            (builds DEST/site, English and Welsh)
"""

from __future__ import annotations

import html
import json
import re
import shutil
import sys
from pathlib import Path

import yaml

from common import ROOT

# Material's plugins as the toolkit's mkdocs.yml has them (mkdocs-macros and the hook are the toolkit's own).
PLUGINS = ["search", "offline", {"privacy": {"cache_dir": ".cache/privacy", "assets_exclude": ["unpkg.com/mermaid*"]}}]
ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">(.*)</article>', re.S)
H1 = re.compile(r"<h1[^>]*>(.*?)</h1>", re.S)
TAG = re.compile(r"<[^>]+>")


def article(page_html: str) -> tuple[str, str]:
    """(title, article HTML) of a built page: what the toolkit rendered inside Material's article."""
    match = ARTICLE.search(page_html)
    if not match:
        raise ValueError("no Material article in the page")
    body = match.group(1)
    h1 = H1.search(body)
    title = html.unescape(TAG.sub("", h1.group(1))).strip() if h1 else "Untitled"
    return title, body.strip()


def config(language: str, nav: list, docs_dir: str, site_dir: str) -> str:
    """A plain Material configuration: the toolkit's theme settings, nav and Markdown, no toolkit code."""
    project = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    theme = {key: value for key, value in project["theme"].items() if key not in ("custom_dir", "palette")}
    theme["language"] = language
    plain = {
        "site_name": "Social care commissioning toolkit (plain Material)",
        "use_directory_urls": False,
        "strict": True,
        "docs_dir": docs_dir,
        "site_dir": site_dir,
        "theme": theme,
        "nav": nav,
        "plugins": PLUGINS,
        "extra": {"polyfills": project["extra"]["polyfills"]},  # the local iframe-worker shim, as the toolkit
        "markdown_extensions": project["markdown_extensions"],
    }
    return json.dumps(plain, ensure_ascii=False)  # JSON is YAML


def generate(site: Path, destination: Path) -> list[str]:
    """Write the plain projects (English and Welsh) from a built toolkit site; returns the pages written."""
    from macros.content import load_toolkit
    from tools.build import _translate_nav  # the Welsh nav exactly as the toolkit translates it

    project = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    toolkit = load_toolkit()
    titles = {text.en: text.get("cy") for key, text in toolkit.ui.strings.items() if key.startswith("nav.")}
    written = []
    for language, folder, nav in (("en", site, project["nav"]), ("cy", site / "cy", _translate_nav(project["nav"], titles))):
        docs = destination / f"docs-{language}"
        for page in sorted(folder.rglob("*.html")):
            relative = page.relative_to(folder)
            if relative.parts[0] == "cy" or relative.name == "404.html":
                continue
            title, body = article(page.read_text(encoding="utf-8"))
            target = docs / relative.with_suffix(".md")
            target.parent.mkdir(parents=True, exist_ok=True)
            front = json.dumps({"title": title}, ensure_ascii=False)
            # One <div> around the article: Markdown leaves a block of HTML as it is.
            target.write_text(f"---\n{front}\n---\n\n<div>\n{body}\n</div>\n", encoding="utf-8")
            written.append(f"{language}/{relative}")
        for polyfill in project["extra"]["polyfills"]:  # served from the site, not unpkg.com
            (docs / polyfill).parent.mkdir(parents=True, exist_ok=True)
            (docs / polyfill).write_bytes((ROOT / "overrides" / polyfill).read_bytes())
        site_dir = "site" if language == "en" else "site/cy"
        (destination / f"mkdocs-{language}.yml").write_text(config(language, nav, docs.name, site_dir), encoding="utf-8")
    write_both_languages_project(destination, project["nav"], _translate_nav(project["nav"], titles))
    return written


def under_folder(nav, folder: str):
    """The nav with every page path moved under `folder`/ (section titles kept)."""
    if isinstance(nav, list):
        return [under_folder(item, folder) for item in nav]
    if isinstance(nav, dict):
        return {title: under_folder(value, folder) for title, value in nav.items()}
    return f"{folder}/{nav}"


def write_both_languages_project(destination: Path, nav: list, welsh_nav: list) -> None:
    """One project holding both languages' pages (Welsh under cy/), so one `mkdocs serve` rebuilds all of
    them on every save, as `make serve` does: the edit loop's baseline (bench/edit_loop.py)."""
    docs = destination / "docs-both"
    shutil.copytree(destination / "docs-en", docs)
    shutil.copytree(destination / "docs-cy", docs / "cy", ignore=shutil.ignore_patterns("assets"))
    both = nav + [{"Cymraeg": under_folder(welsh_nav, "cy")}]
    (destination / "mkdocs-both.yml").write_text(config("en", both, docs.name, "site-both"), encoding="utf-8")


def build(destination: Path) -> None:
    """Build the plain English and Welsh sites in this process, through MkDocs' Python API (strict)."""
    import logging
    import os

    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    os.chdir(destination)
    for language in ("en", "cy"):
        cfg = load_config(config_file=str(destination / f"mkdocs-{language}.yml"), strict=True)
        cfg.plugins.on_startup(command="build", dirty=False)
        try:
            mkdocs_build(cfg)
        finally:
            cfg.plugins.on_shutdown()


def main(argv: list[str]) -> int:
    if len(argv) == 3 and argv[0] == "generate":
        print("\n".join(generate(Path(argv[1]).resolve(), Path(argv[2]).resolve())))
        return 0
    if len(argv) == 2 and argv[0] == "build":
        build(Path(argv[1]).resolve())
        return 0
    print(__doc__.strip().splitlines()[-2].strip(), file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
