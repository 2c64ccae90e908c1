"""Translation coverage: which strings are without Welsh, and the warnings the build prints about it.

The loader decides, once, which strings are outdated, missing or orphaned (macros/welsh.py) and records
them as the toolkit's `translation_notices`; everything here reads those.
"""

from __future__ import annotations

import sys

from .models import LANGUAGES
from .toolkit import Toolkit
from .yaml_positions import dotted


def missing_translations(toolkit: Toolkit, language: str = "cy") -> list[str]:
    """Dotted paths (file: field) of every user-facing string without a `language` translation.

    Paths are those of the files as written: questions a group copies with `revisits` are not listed
    again under the copy (their words, and their translations, live in the original group). An
    English-only toolkit (no content/cy/) has nothing missing.
    """
    assert language in LANGUAGES and language != "en"
    return [
        f"{notice.source_file}: {dotted(notice.path)}"
        for notice in toolkit.translation_notices
        if notice.kind == "missing"
    ]


def print_translation_warnings(toolkit: Toolkit, stream=None) -> None:
    """One line per outdated, missing or orphaned translation, under a heading that says what it means."""
    stream = stream or sys.stderr
    notices = toolkit.translation_notices
    counts = {kind: sum(n.kind == kind for n in notices) for kind in ("outdated", "missing", "orphan")}
    if not notices:
        return
    print(
        f"Warning: Welsh translation being updated: {counts['outdated']} outdated, {counts['missing']} missing, "
        f"{counts['orphan']} unused. The site is built; Welsh pages show the last Welsh (or the English) "
        "marked as being updated. Strict mode (--strict-translations) would stop on outdated and missing Welsh.",
        file=stream,
    )
    for notice in notices:
        print(f"  warning: {notice.describe()}", file=stream)
