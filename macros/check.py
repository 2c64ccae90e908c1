"""`python -m macros [folder] [--strict-translations]`: check the content, as `make build` does first.

Prints each mistake on its own line (exit 1), then each outdated, missing or orphaned translation as a
warning. The toolkit it loads is kept (macros/cache.py), so the build that follows does not load it again.
"""

from __future__ import annotations

import sys
from pathlib import Path

from . import translations
from .cache import cached_toolkit
from .coverage import print_translation_warnings
from .files import DEFAULT_CONTENT_DIR
from .yaml_positions import ContentErrors


def main(argv: list[str] | None = None) -> int:
    """`python -m macros [folder] [--strict-translations]`: validate content; print each mistake
    on its own line (exit 1), then each outdated, missing or orphaned translation as a warning.

    Outdated and missing Welsh are warnings (the site is built, with the last Welsh or the English marked
    on Welsh pages); with --strict-translations or TOOLKIT_STRICT_TRANSLATIONS=1 they are mistakes."""
    argv = list(sys.argv[1:] if argv is None else argv)
    strict = translations.strict_from_environment()
    if "--strict-translations" in argv:
        argv.remove("--strict-translations")
        strict = True
    folder = Path(argv[0]) if argv else DEFAULT_CONTENT_DIR
    try:
        toolkit = cached_toolkit(folder, strict_translations=strict)
    except ContentErrors as errors:
        print(f"Content has {len(errors.errors)} mistake(s); the site was not built:", file=sys.stderr)
        for error in errors.errors:
            print(f"  {error.describe()}", file=sys.stderr)
        if strict and any(error.message.endswith("[strict translations]") for error in errors.errors):
            print("Strict translations are on (--strict-translations or TOOLKIT_STRICT_TRANSLATIONS=1): "
                  "outdated and missing Welsh stop the build.", file=sys.stderr)
        return 1
    print_translation_warnings(toolkit)
    print(f"Content OK: {len(toolkit.principle_by_id)} principles, {len(toolkit.question_by_id)} questions, "
          f"{len(toolkit.idea_by_id)} Big Ideas, {len(toolkit.worksheets)} worksheets.")
    return 0
