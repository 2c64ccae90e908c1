"""Publish the toolkit's own scripts and stylesheet without comments and spare white space.

The sources in overrides/assets/ stay readable (they are commented for the people who change them); the
published copies are what every visitor downloads, so they are minified after the build by rjsmin and
rcssmin (small, pure, long-kept minifiers; no bundler, nothing renamed, so the modules import each other
as they do in the sources). bench/worksheet_bench.py measures both.
"""

from __future__ import annotations

from pathlib import Path

import rcssmin
import rjsmin
from mkdocs.plugins import event_priority

SCRIPT_FOLDERS = ("assets/worksheet", "assets/embed", "assets/report")
SCRIPTS = ("assets/file-fallback.js", "assets/head.js")
STYLESHEETS = ("assets/toolkit.css", "assets/worksheet/team.css")


def minify_site_assets(site_dir: Path) -> None:
    """Minify the toolkit's scripts and stylesheet in a built site, in place."""
    scripts = [path for folder in SCRIPT_FOLDERS for path in sorted((site_dir / folder).glob("*.js"))]
    for path in scripts + [site_dir / name for name in SCRIPTS if (site_dir / name).is_file()]:
        path.write_text(rjsmin.jsmin(path.read_text(encoding="utf-8")), encoding="utf-8")
    for name in STYLESHEETS:
        path = site_dir / name
        if path.is_file():
            path.write_text(rcssmin.cssmin(path.read_text(encoding="utf-8")), encoding="utf-8")


@event_priority(-120)  # last: after hooks/site_hosting.py (-110) makes the file:// copy from the readable sources
def on_post_build(config, **kwargs) -> None:
    minify_site_assets(Path(config["site_dir"]))
