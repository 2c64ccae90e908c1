"""The words live in content/ only: not in templates, scripts, Python or pages (STYLE: one place each).

Also the STYLE rule that macros/__init__.py holds `define_env` and nothing else.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from pydantic import BaseModel

from macros.models import Localised

ROOT = Path(__file__).resolve().parents[2]
CODE_FILES = sorted(
    [p for p in (ROOT / "overrides").rglob("*") if p.suffix in {".html", ".js", ".mjs", ".css", ".py"}]
    + list((ROOT / "macros").rglob("*.py"))
    + list((ROOT / "docs").rglob("*.md"))
    + list((ROOT / "docs").rglob("*.html"))
)
MIN_LENGTH = 40  # shorter strings ("Who do we need to talk with?") may fairly recur as labels


def folded(text: str) -> str:
    return " ".join(text.split())


def texts(value: object) -> list[str]:
    """Every language's text of every Text field in a model, walking the loader's models."""
    if isinstance(value, Localised):
        return [text for text in (value.en, value.cy) if text]
    if isinstance(value, BaseModel):
        return [t for name in type(value).model_fields for t in texts(getattr(value, name))]
    if isinstance(value, dict):
        return [t for item in value.values() for t in texts(item)]
    if isinstance(value, list):
        return [t for item in value for t in texts(item)]
    return []


def long_passages(toolkit) -> list[str]:
    """Each Text, and each paragraph of a Markdown Text, of at least MIN_LENGTH characters."""
    found = set()
    # The guides' words; ui.yaml holds the toolkit's own interface strings, which docs may quote.
    for model in (toolkit.sources, toolkit.principles, toolkit.process, toolkit.big_ideas):
        for text in texts(model):
            for passage in [text, *re.split(r"\n\s*\n", text)]:
                passage = folded(passage)
                if len(passage) >= MIN_LENGTH:
                    found.add(passage)
    return sorted(found)


@pytest.fixture(scope="module")
def code_text() -> dict[str, str]:
    return {str(path.relative_to(ROOT)): folded(path.read_text(encoding="utf-8", errors="replace")) for path in CODE_FILES}


def test_the_scan_reads_templates_scripts_python_and_pages(code_text):
    for expected in ("overrides/partials/toolkit/question.html", "macros/render.py", "docs/principles.md"):
        assert expected in code_text
    assert any(name.endswith(".js") for name in code_text)


def test_there_are_long_passages_to_look_for(toolkit):
    passages = long_passages(toolkit)
    assert len(passages) > 200
    definition = folded(toolkit.principles.principles[0].definition.en)
    assert definition in passages


def copies(passages: list[str], files: dict[str, str]) -> list[str]:
    return [f"{name}: {passage[:70]}…" for passage in passages for name, text in files.items() if passage in text]


def test_no_content_text_is_written_into_code_or_pages(toolkit, code_text):
    found = copies(long_passages(toolkit), code_text)
    assert not found, "text from content/ written into code or pages (use the content, by id):\n" + "\n".join(found)


def test_the_scan_finds_a_passage_copied_into_a_page(toolkit, code_text):
    """Negative control: a page holding one paragraph of a principle's definition would be caught."""
    paragraph = toolkit.principles.principles[0].definition.en.split("\n\n")[0]
    page = code_text["docs/principles.md"] + "\n\n" + paragraph
    assert copies(long_passages(toolkit), {"docs/principles.md": folded(page)})


def test_macros_init_holds_only_define_env():
    tree = ast.parse((ROOT / "macros" / "__init__.py").read_text(encoding="utf-8"))
    body = [node for node in tree.body if not isinstance(node, (ast.Import, ast.ImportFrom))]
    if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
        body = body[1:]  # the module docstring
    assert [type(node).__name__ for node in body] == ["FunctionDef"]
    assert body[0].name == "define_env"
