"""The content's public names, gathered in one place for the code and tests that import them from here.

Each job has its own module; this one only re-exports them (nothing imports this module back):

- `files.py`: the list of content files, their models and the default content folder
- `toolkit.py`: the loaded `Toolkit`, with lookups by id and the site path of each worksheet's page
- `loader.py`: `load_toolkit()`, the one way in (read, validate, merge Welsh, cross-check)
- `welsh.py`: merging content/cy/ and saying which Welsh is outdated, missing or orphaned
- `wording.py`: pydantic's errors in an author's words, located by file and line
- `references.py`: the cross-reference rules (ids that must exist or be unique, notes, HTML)
- `coverage.py`: strings without Welsh, and the warnings the build prints
- `check.py`: `python -m macros`, the check `make build` runs first
- `cache.py`: the toolkit loaded once per build and shared by the check, the hook and the macros
"""

from __future__ import annotations

from .check import main
from .coverage import missing_translations, print_translation_warnings
from .files import CONTENT_FILES, DEFAULT_CONTENT_DIR
from .loader import load_toolkit
from .toolkit import Toolkit, Worksheet
from .yaml_positions import ContentError, ContentErrors, LoadedYaml

__all__ = [
    "CONTENT_FILES",
    "DEFAULT_CONTENT_DIR",
    "ContentError",
    "ContentErrors",
    "LoadedYaml",
    "Toolkit",
    "Worksheet",
    "load_toolkit",
    "main",
    "missing_translations",
    "print_translation_warnings",
]
