"""Generate larger content sets (the real content multiplied N times) and a project copy that builds them.

Every step of the process and every Big Idea is copied N-1 more times with its ids suffixed ("-x2" ...),
so questions, worksheets and pages grow N-fold while principles, lenses, notes and sources stay shared.
References inside a copy (a group it revisits, the question a revisit copies) follow the copy. A thin
docs page is written for each copied step and Big Idea, as docs/ has for the originals.
Usage: python bench/scale_content.py N DEST   (DEST/ becomes a buildable copy of the project)
"""

from __future__ import annotations

import copy
import sys
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import ROOT, copy_project  # noqa: E402


def _ids(data: object) -> list[str]:
    found = []
    if isinstance(data, dict):
        for key, value in data.items():
            if key == "id" and isinstance(value, str):
                found.append(value)
            else:
                found += _ids(value)
    elif isinstance(data, list):
        for item in data:
            found += _ids(item)
    return found


def _renamed(data: object, names: dict[str, str]) -> object:
    """A deep copy with every string equal to a known id replaced by its new id."""
    if isinstance(data, dict):
        return {key: _renamed(value, names) for key, value in data.items()}
    if isinstance(data, list):
        return [_renamed(item, names) for item in data]
    if isinstance(data, str) and data in names:
        return names[data]
    return data


def _copies(items: list[dict], times: int) -> list[dict]:
    """The items, then times-1 renamed copies of the whole list (so revisits across steps still resolve)."""
    result = list(items)
    ids = _ids(items)
    for n in range(2, times + 1):
        names = {old: f"{old}-x{n}" for old in ids}
        result += [_renamed(copy.deepcopy(item), names) for item in items]
    return result


def scale(times: int, destination: Path) -> dict[str, int]:
    """Write a project copy at `destination` whose content is `times` the real content; returns counts."""
    copy_project(destination)
    content = destination / "content"
    process = yaml.safe_load((content / "process.yaml").read_text(encoding="utf-8"))
    ideas = yaml.safe_load((content / "big-ideas.yaml").read_text(encoding="utf-8"))
    original_steps = [step["id"] for step in process["steps"]]
    original_ideas = [idea["id"] for idea in ideas["ideas"]]
    process["steps"] = _copies(process["steps"], times)
    ideas["ideas"] = _copies(ideas["ideas"], times)
    (content / "process.yaml").write_text(yaml.safe_dump(process, allow_unicode=True, sort_keys=False), encoding="utf-8")
    (content / "big-ideas.yaml").write_text(yaml.safe_dump(ideas, allow_unicode=True, sort_keys=False), encoding="utf-8")
    docs = destination / "docs"
    pages = 0
    for n in range(2, times + 1):
        for step in original_steps:
            new = f"{step}-x{n}"
            (docs / "process" / f"{new}.md").write_text(f'# {{{{ title("{new}") }}}}\n\n{{{{ step_page("{new}") }}}}\n', encoding="utf-8")
            pages += 1
        for idea in original_ideas:
            new = f"{idea}-x{n}"
            slug = new.removeprefix("big-idea.")
            (docs / "big-ideas" / f"{slug}.md").write_text(f'# {{{{ title("{new}") }}}}\n\n{{{{ big_idea_page("{new}") }}}}\n', encoding="utf-8")
            pages += 1
    # Generated pages are not in the nav (MkDocs lists them as "not included in nav", which is not an error).
    return {"steps": len(process["steps"]), "ideas": len(ideas["ideas"]), "extra_pages": pages,
            "pages": len(list(docs.rglob("*.md")))}


if __name__ == "__main__":
    n, target = int(sys.argv[1]), Path(sys.argv[2])
    print(scale(n, target))
