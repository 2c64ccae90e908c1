"""The site's Content-Security-Policy, computed from the built pages.

No 'unsafe-inline' and no 'unsafe-eval' for scripts: every executable inline <script> that is left in the
built HTML (Material emits a few) is allowed by its sha256 hash, computed here after the build. JSON data
scripts (type="application/json") are never executed and need no hash. Styles keep 'unsafe-inline'
because Material writes style attributes into its HTML (see docs/deployment.md).
"""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path
from typing import Iterable

# <script ...>text</script> with no src attribute; the browser hashes `text` exactly as written.
SCRIPT = re.compile(r"<script(?P<attrs>(?:\s[^>]*)?)>(?P<text>.*?)</script\s*>", re.S | re.I)
SCRIPT_TYPE = re.compile(r"""\stype\s*=\s*["']?([^"'\s>]+)""", re.I)
EXECUTABLE_TYPES = {"", "text/javascript", "application/javascript", "module"}


def inline_script_hashes(html: str) -> set[str]:
    """CSP hash sources ('sha256-…') for every executable inline script in one page."""
    hashes = set()
    for match in SCRIPT.finditer(html):
        attrs = match.group("attrs") or ""
        if re.search(r"\ssrc\s*=", attrs, re.I):
            continue
        kind = SCRIPT_TYPE.search(attrs)
        if (kind.group(1).lower() if kind else "") not in EXECUTABLE_TYPES:
            continue
        digest = hashlib.sha256(match.group("text").encode("utf-8")).digest()
        hashes.add(f"'sha256-{base64.b64encode(digest).decode()}'")
    return hashes


def site_script_hashes(site_dir: Path) -> list[str]:
    hashes: set[str] = set()
    for page in sorted(Path(site_dir).rglob("*.html")):
        hashes |= inline_script_hashes(page.read_text(encoding="utf-8"))
    return sorted(hashes)


def frame_ancestors(allowed: Iterable[str]) -> str:
    sources = list(dict.fromkeys(["'self'", *allowed]))
    return "*" if "*" in sources else " ".join(sources)


def content_security_policy(script_hashes: Iterable[str], allowed_ancestors: Iterable[str]) -> str:
    """The policy for every page of the site, as one header value."""
    directives = {
        "default-src": "'self'",
        "script-src": " ".join(["'self'", *script_hashes]),
        "style-src": "'self' 'unsafe-inline'",
        "img-src": "'self' data:",
        "font-src": "'self' data:",
        "connect-src": "'self'",
        "worker-src": "'self'",
        "frame-src": "'self'",
        "object-src": "'none'",
        "base-uri": "'self'",
        "form-action": "'self'",
        "frame-ancestors": frame_ancestors(allowed_ancestors),
    }
    return "; ".join(f"{name} {value}" for name, value in directives.items())
