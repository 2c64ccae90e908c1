"""The one script every page runs in <head>, before its first paint: `assets/head.js`.

Three small scripts must run there, before Material's bundle: Material's page globals
(`assets/embed/material-globals.js`), the toolkit's `assets/embed/early.js` (embed mode, and the room kept
for the worksheet bar) and the polyfills Material lists in `extra.polyfills` (the iframe-worker shim, which
lets search run from file://). The polyfills come last: the shim opens with "use strict", which as the
first statement of the file would apply to all of it. Each blocks the first paint, and a phone on a slow network pays a round trip
for each: published as one file, they cost one. The sources stay separate and readable.
"""

from __future__ import annotations

from pathlib import Path

HEAD_SCRIPT = "assets/head.js"
OWN_PARTS = ("assets/embed/material-globals.js", "assets/embed/early.js")


def head_script(site_dir: Path, polyfills: list[str]) -> str:
    """The parts, in order, each ended so the next cannot run into it."""
    parts = [*OWN_PARTS, *polyfills]
    return "".join(f"/* {part} */\n{(site_dir / part).read_text(encoding='utf-8').rstrip()}\n;\n" for part in parts)


def write_head_script(site_dir: Path, polyfills: list[str]) -> Path:
    output = site_dir / HEAD_SCRIPT
    output.write_text(head_script(site_dir, polyfills), encoding="utf-8")
    return output
