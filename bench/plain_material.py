"""Generate the same guides as plain Markdown pages for a plain Material build: the comparison baseline.

The words come from the project's own loader (macros.content.load_toolkit), so both builds publish the
same text: one page per principle list, step, Big Idea, and the guides' introductions, notes and sources.
No macros, no worksheets, no toolkit stylesheet or scripts: Material as it comes.
Usage: python bench/plain_material.py DEST  (writes DEST/mkdocs.yml and DEST/docs/)
"""

from __future__ import annotations

import sys
from pathlib import Path

from pydantic import BaseModel

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import ROOT  # noqa: E402

from macros.content import load_toolkit  # noqa: E402
from macros.models import Localised  # noqa: E402

MKDOCS_YML = """\
site_name: Social care commissioning toolkit (plain Material)
use_directory_urls: false
strict: true
theme:
  name: material
  language: en
  font: false
plugins:
  - search
markdown_extensions:
  - attr_list
  - tables
  - toc
"""

SKIP_FIELDS = {"id", "title", "number", "source", "approach", "revisits", "changed_since", "answer", "principles"}


def markdown(model: object, level: int = 2) -> list[str]:
    """Every text of a content model, in order: titles as headings, everything else as paragraphs."""
    lines: list[str] = []
    if isinstance(model, Localised):
        return [model.en, ""]
    if isinstance(model, list):
        for item in model:
            lines += markdown(item, level)
        return lines
    if isinstance(model, dict):
        for key, value in model.items():
            lines += [f"{'#' * min(level, 6)} {key}", ""] + markdown(value, level + 1)
        return lines
    if not isinstance(model, BaseModel):
        return [str(model), ""] if isinstance(model, str) and " " in model else []
    title = getattr(model, "title", None)
    if isinstance(title, Localised):
        lines += [f"{'#' * min(level, 6)} {title.en}", ""]
    for name in type(model).model_fields:
        if name in SKIP_FIELDS:
            continue
        lines += markdown(getattr(model, name), level + 1 if isinstance(title, Localised) else level)
    return lines


def page(title: str, body: list[str]) -> str:
    return "\n".join([f"# {title}", ""] + body) + "\n"


def generate(destination: Path, content_dir: Path | None = None) -> list[str]:
    """Write the plain project; returns its pages (paths under docs/)."""
    toolkit = load_toolkit(content_dir) if content_dir else load_toolkit()
    docs = destination / "docs"
    pages: dict[str, str] = {
        "index.md": page("Social care commissioning toolkit", markdown(toolkit.principles.intro) + markdown(toolkit.big_ideas.intro)),
        "principles.md": page("The six principles", markdown(toolkit.principles.principles_intro) + markdown(toolkit.principles.principles)),
        "process/index.md": page("The principles-based process", markdown(toolkit.process.matrix) + markdown(toolkit.principles.closing)),
        "big-ideas/index.md": page("Big Ideas", markdown(toolkit.big_ideas.approaches) + markdown(toolkit.big_ideas.core_components)),
        "big-ideas/questions-and-tests.md": page("Three questions and four tests", markdown(toolkit.big_ideas.questions) + markdown(toolkit.big_ideas.tests)),
        "big-ideas/your-own.md": page(toolkit.big_ideas.own_idea.title.en, markdown(toolkit.big_ideas.own_idea)),
        "big-ideas/notes.md": page("Notes and references", markdown(toolkit.big_ideas.notes)),
        "sources.md": page("Sources and attribution", markdown(toolkit.sources.sources)),
    }
    for step in toolkit.process.steps:
        pages[f"process/{step.id}.md"] = page(step.title.en, markdown(step.model_copy(update={"title": None})))
    for idea in toolkit.big_ideas.ideas:
        pages[f"big-ideas/{idea.id.removeprefix('big-idea.')}.md"] = page(idea.title.en, markdown(idea.model_copy(update={"title": None})))
    for name, text in pages.items():
        (docs / name).parent.mkdir(parents=True, exist_ok=True)
        # Note markers ([[note-id]]) are the toolkit's own syntax: plain Markdown shows them as text.
        (docs / name).write_text(text, encoding="utf-8")
    (destination / "mkdocs.yml").write_text(MKDOCS_YML, encoding="utf-8")
    return sorted(pages)


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "bench" / "results" / "plain"
    print("\n".join(generate(target)))
