"""The site's Content-Security-Policy, computed from the built pages.

No 'unsafe-inline' and no 'unsafe-eval' for scripts. An inline <script> in the built HTML runs only if its
sha256 hash is in the policy, and the build hashes only the inline scripts the theme's templates are known
to write: those written literally in a template of the theme (the toolkit's overrides/ and Material's own
templates), where a `{{ … }}` may stand only for a plain word, number or path. Any other inline script
(one in page content, or one that got in through a setting) is left out of the policy, so browsers block
it, and the hook reports it (a strict build fails). JSON data scripts (type="application/json") are never
executed and need no hash. Styles keep 'unsafe-inline' because Material writes style attributes into its
HTML (see docs/deployment.md).
"""

from __future__ import annotations

import base64
import functools
import hashlib
import importlib.util
import re
from pathlib import Path
from typing import Iterable, NamedTuple, Sequence

ROOT = Path(__file__).resolve().parent.parent

# <script ...>text</script> with no src attribute; the browser hashes `text` exactly as written.
SCRIPT = re.compile(r"<script(?P<attrs>(?:\s[^>]*)?)>(?P<text>.*?)</script\s*>", re.S | re.I)
SCRIPT_TYPE = re.compile(r"""\stype\s*=\s*["']?([^"'\s>]+)""", re.I)
EXECUTABLE_TYPES = {"", "text/javascript", "application/javascript", "module"}

# In a template: a {{ expression }} (with optional whitespace control) and a {# comment #}.
TEMPLATE_EXPRESSION = re.compile(r"\{\{(-?).*?(-?)\}\}", re.S)
TEMPLATE_COMMENT = re.compile(r"\{#.*?#\}", re.S)
# What a {{ … }} inside a trusted script may have rendered: a path, URL, word or number. No quote,
# bracket, parenthesis, space or semicolon, so it can add no code of its own.
PLACEHOLDER = r"[A-Za-z0-9_./:#?=%+-]*"


def executable_inline_scripts(html: str) -> list[str]:
    """The text of every inline script in `html` that a browser would run."""
    texts = []
    for match in SCRIPT.finditer(html):
        attrs = match.group("attrs") or ""
        if re.search(r"\ssrc\s*=", attrs, re.I):
            continue
        kind = SCRIPT_TYPE.search(attrs)
        if (kind.group(1).lower() if kind else "") not in EXECUTABLE_TYPES:
            continue
        texts.append(match.group("text"))
    return texts


def script_hash(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode()}'"


def inline_script_hashes(html: str) -> set[str]:
    """CSP hash sources ('sha256-…') for every executable inline script in one page, trusted or not."""
    return {script_hash(text) for text in executable_inline_scripts(html)}


def theme_template_dirs() -> list[Path]:
    """The theme's template folders: the toolkit's overrides, then Material's (as mkdocs.yml sets them)."""
    spec = importlib.util.find_spec("material")
    material = [Path(folder) / "templates" for folder in (spec.submodule_search_locations or [])] if spec else []
    return [ROOT / "overrides", *material]


def _template_pattern(text: str) -> re.Pattern | None:
    """A pattern matching what one inline script written in a template can render to (None: unknowable)."""
    if "{%" in text:  # a statement (include, if, for) can render anything: not trusted
        return None
    pieces, position, strip_next = [], 0, False
    for match in TEMPLATE_EXPRESSION.finditer(text):
        literal = text[position : match.start()]
        if strip_next:
            pieces.append(r"\s*")
            literal = literal.lstrip()
        if match.group(1):  # {{- strips the whitespace before it
            pieces.append(re.escape(literal.rstrip()) + r"\s*")
        else:
            pieces.append(re.escape(literal))
        pieces.append(PLACEHOLDER)
        strip_next, position = bool(match.group(2)), match.end()
    literal = text[position:]
    pieces.append((r"\s*" + re.escape(literal.lstrip())) if strip_next else re.escape(literal))
    return re.compile("".join(pieces), re.S)


@functools.lru_cache(maxsize=8)
def _trusted_patterns(template_dirs: tuple[Path, ...]) -> tuple[re.Pattern, ...]:
    patterns: dict[str, re.Pattern] = {}
    for folder in template_dirs:
        for template in sorted(Path(folder).rglob("*.html")) if Path(folder).is_dir() else []:
            source = TEMPLATE_COMMENT.sub("", template.read_text(encoding="utf-8"))
            for text in executable_inline_scripts(source):
                if text.strip() and (pattern := _template_pattern(text)) is not None:
                    patterns[pattern.pattern] = pattern
    return tuple(patterns.values())


def trusted_script_patterns(template_dirs: Sequence[Path] | None = None) -> tuple[re.Pattern, ...]:
    """Patterns for every inline script the theme's templates write."""
    dirs = theme_template_dirs() if template_dirs is None else template_dirs
    return _trusted_patterns(tuple(Path(folder).resolve() for folder in dirs))


def is_trusted(text: str, patterns: Iterable[re.Pattern]) -> bool:
    return any(pattern.fullmatch(text) for pattern in patterns)


class SiteScripts(NamedTuple):
    hashes: list[str]  # the policy's hash sources: trusted inline scripts only
    untrusted: list[tuple[str, str]]  # (page, the start of the script) for every other inline script


def site_scripts(site_dir: Path, template_dirs: Sequence[Path] | None = None) -> SiteScripts:
    patterns = trusted_script_patterns(template_dirs)
    hashes: set[str] = set()
    untrusted: list[tuple[str, str]] = []
    verdicts: dict[str, bool] = {}
    for page in sorted(Path(site_dir).rglob("*.html")):
        for text in executable_inline_scripts(page.read_text(encoding="utf-8")):
            if text not in verdicts:
                verdicts[text] = is_trusted(text, patterns)
            if verdicts[text]:
                hashes.add(script_hash(text))
            else:
                untrusted.append((page.relative_to(site_dir).as_posix(), " ".join(text.split())[:80]))
    return SiteScripts(sorted(hashes), untrusted)


def site_script_hashes(site_dir: Path, template_dirs: Sequence[Path] | None = None) -> list[str]:
    """The hash sources for the whole site: only inline scripts the theme's templates write."""
    return site_scripts(site_dir, template_dirs).hashes


def frame_ancestors(allowed: Iterable[str]) -> str:
    allowed = list(allowed)
    if "'none'" in allowed:  # no framing at all, not even by the site itself
        return "'none'"
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
