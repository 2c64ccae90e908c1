"""Generate larger content sets (the real content multiplied N times) and a project copy that builds them.

Every step of the process and every Big Idea is copied N-1 more times with its ids suffixed ("-x2" ...),
so questions, worksheets and pages grow N-fold while principles, lenses, notes and sources stay shared.
References inside a copy (a group it revisits, the question a revisit copies) follow the copy. A thin
docs page is written for each copied step and Big Idea, as docs/ has for the originals, and the Welsh of
each copy (content/cy/) is copied under the copy's keys, so the Welsh pages grow N-fold too, in Welsh.
Usage: python bench/scale_content.py N DEST   (DEST/ becomes a buildable copy of the project)
"""

from __future__ import annotations

import copy
import sys
from pathlib import Path

import yaml

from common import copy_project


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


def _welsh_copies(translation_file: Path, ids: list[str], times: int) -> int:
    """Copy each Welsh string of the copied items under the copy's key (`<id>-x<n>:<field>`); returns the
    number of strings added. Keys are `<nearest item id>:<field path>` (macros/translations.py)."""
    if not translation_file.exists():
        return 0
    document = yaml.safe_load(translation_file.read_text(encoding="utf-8"))
    copied = set(ids)
    strings = document.get("strings") or {}
    added = {}
    for n in range(2, times + 1):
        for key, entry in strings.items():
            anchor, _, field = key.partition(":")
            if anchor in copied:
                added[f"{anchor}-x{n}:{field}"] = dict(entry)
    document["strings"] = {**strings, **added}
    translation_file.write_text(yaml.safe_dump(document, allow_unicode=True, sort_keys=False, width=110), encoding="utf-8")
    return len(added)


def scale(times: int, destination: Path) -> dict[str, int]:
    """Write a project copy at `destination` whose content is `times` the real content; returns counts."""
    copy_project(destination)
    content = destination / "content"
    process = yaml.safe_load((content / "process.yaml").read_text(encoding="utf-8"))
    ideas = yaml.safe_load((content / "big-ideas.yaml").read_text(encoding="utf-8"))
    original_steps = [step["id"] for step in process["steps"]]
    original_ideas = [idea["id"] for idea in ideas["ideas"]]
    step_ids, idea_ids = _ids(process["steps"]), _ids(ideas["ideas"])
    process["steps"] = _copies(process["steps"], times)
    ideas["ideas"] = _copies(ideas["ideas"], times)
    welsh = _welsh_copies(content / "cy" / "process.yaml", step_ids, times)
    welsh += _welsh_copies(content / "cy" / "big-ideas.yaml", idea_ids, times)
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
    return {"steps": len(process["steps"]), "ideas": len(ideas["ideas"]), "extra_pages": pages, "welsh_strings_added": welsh,
            "pages": len(list(docs.rglob("*.md")))}


if __name__ == "__main__":
    n, target = int(sys.argv[1]), Path(sys.argv[2])
    print(scale(n, target))
