"""What the worksheet JavaScript needs from the build, as one file per language.

Interface strings (from ui.yaml, in the language), the worksheets with their titles and pages, and what
the score charts plot. No guide text beyond titles and short labels. `root` is the toolkit's home page:
storage keys are namespaced by its path, so English and Welsh pages share answers.

It is written once per language as `assets/worksheet/site-config.js` (a classic script setting a global,
so it also loads from file://, where modules and fetch() cannot read files), not into every page: the list
of worksheets grows with the content, and a copy in each page made the site grow faster than its pages.
Links in it are relative to the language's home folder; worksheet/config.js resolves them.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from .models import SCALES
from .render import PageContext, PageView, Renderer

EXPORT_FORMAT = "social-care-commissioning-toolkit/worksheet"
EXPORT_VERSION = 1
# Interface strings the scripts show, by key prefix in ui.yaml.
SCRIPT_STRING_PREFIXES = (
    "worksheet", "assessment", "dialog", "status", "storage", "sync", "export", "import", "summary", "mine",
    "score", "rating", "count", "date", "carry", "check", "team", "report", "action", "baseline", "person", "compare",
)
# The saved-file format's JSON Schema is the one place its limits are written; the scripts get them from
# here, and tests/site/test_format_limits.py checks that the format page states the same numbers.
SCHEMA = Path(__file__).resolve().parent.parent / "docs" / "schemas" / "worksheet-export-v1.schema.json"
SITE_CONFIG = "assets/worksheet/site-config.js"  # in each language's folder


@lru_cache(maxsize=1)
def format_limits(schema_path: Path = SCHEMA) -> dict[str, int]:
    """The export format's limits, read from its JSON Schema."""
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    answers = schema["properties"]["answers"]
    return {
        "bytes": schema["x-max-file-bytes"],
        "answers": answers["maxProperties"],
        "length": answers["additionalProperties"]["maxLength"],
        "key": answers["propertyNames"]["maxLength"],
        "name": schema["properties"]["assessment"]["properties"]["name"]["maxLength"],
    }


def action_plan(view: PageView, last_step) -> dict:
    """The action plan of an assessment, kept like a worksheet ("action-plan") and edited on the last step."""
    return {"id": "action-plan", "title": view.ui("action.title"), "url": view.url(last_step.page), "kind": "actions"}


def site_config_script(renderer: Renderer, language: str, toolkit_version: str) -> str:
    """The text of `SITE_CONFIG` for one language (its template: partials/toolkit/site-config.js)."""
    home = PageContext(url="index.html", language=language)
    data = worksheet_config(renderer.on(home), toolkit_version)
    return renderer.env.get_template("site-config.js").render(data=data)


def worksheet_config(view: PageView, toolkit_version: str) -> dict:
    """The data, with links relative to `view`'s page (the language's home page for SITE_CONFIG)."""
    toolkit = view.toolkit
    steps = [sheet for sheet in toolkit.worksheets if sheet.kind == "step"]
    first_score = {}
    for step, question in toolkit.step_questions():
        if question.answer == "principle-scores":
            first_score.setdefault(step.id, question.id)
    return {
        "format": EXPORT_FORMAT,
        "version": EXPORT_VERSION,
        "toolkit_version": toolkit_version,
        "limits": format_limits(),
        "root": view.toolkit_root(),
        "strings": {
            key: view.ui(key)
            for key in toolkit.ui.strings
            if key.split(".")[0] in SCRIPT_STRING_PREFIXES
        },
        "worksheets": [
            {"id": sheet.id, "title": view.translate(sheet.title), "url": view.url(sheet.page),
             "kind": sheet.kind}
            for sheet in toolkit.worksheets
        ] + ([action_plan(view, steps[-1])] if steps else []),
        # The questions of each step (ids), to find those left unanswered (suggested actions).
        "questions": {sheet.id: [q.id for group in sheet.step.groups for q in group.questions] for sheet in steps},
        "action_plan": steps[-1].id if steps else None,
        "scores": first_score,
        "principles": [
            {"id": p.id, "label": view.translate(p.name)} for p in toolkit.principles.principles
        ],
        "tests": [{"id": lens.id, "label": view.translate(lens.short)} for lens in toolkit.big_ideas.tests],
        "levels": {"score": list(SCALES["score"]), "rating": list(SCALES["rating"])},
    }
