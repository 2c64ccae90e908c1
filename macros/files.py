"""The content files: the one list of them, the model each must match and where each sits in a Toolkit.

Adding a file here (and a field of that name to `Toolkit`) is how a new kind of content arrives; the
loader, the translation files, the PO export and the coverage report all read this list.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel

from .models import BigIdeasGuide, Pages, PrinciplesGuide, Process, Sources, Ui

# Each content file, the model it must match, and the Toolkit field that holds it once loaded.
CONTENT_FILE_FIELDS: dict[str, tuple[type[BaseModel], str]] = {
    "sources.yaml": (Sources, "sources"),
    "principles.yaml": (PrinciplesGuide, "principles"),
    "process.yaml": (Process, "process"),
    "big-ideas.yaml": (BigIdeasGuide, "big_ideas"),
    "ui.yaml": (Ui, "ui"),
    "pages.yaml": (Pages, "pages"),
}
CONTENT_FILES: dict[str, type[BaseModel]] = {name: model for name, (model, _) in CONTENT_FILE_FIELDS.items()}

DEFAULT_CONTENT_DIR = Path(__file__).resolve().parent.parent / "content"


def anchor_of(name: str) -> str:
    """The key prefix of a file's own strings (those under no item with an id): 'process' for process.yaml."""
    return name.removesuffix(".yaml")
