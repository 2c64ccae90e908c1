"""The macros package stays easy to change: no module imports another that imports it back."""

from __future__ import annotations

import ast
from pathlib import Path

MACROS = Path(__file__).resolve().parents[2] / "macros"


def imports_within_the_package() -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {}
    for file in MACROS.glob("*.py"):
        modules: set[str] = set()
        for node in ast.walk(ast.parse(file.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.level == 1:
                modules |= {node.module.split(".")[0]} if node.module else {alias.name for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("macros."):
                modules.add(node.module.split(".")[1])
        graph[file.stem] = modules
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    found = []

    def visit(module: str, path: list[str]) -> None:
        for imported in sorted(graph.get(module, ())):
            if imported in path:
                found.append(path[path.index(imported):] + [imported])
            elif len(path) < len(graph):
                visit(imported, path + [imported])

    for module in sorted(graph):
        visit(module, [module])
    return found


def test_no_module_of_the_macros_package_imports_itself_back():
    assert cycles(imports_within_the_package()) == []


def test_the_cycle_check_finds_a_cycle():
    """Negative control."""
    assert cycles({"content": {"translation_io"}, "translation_io": {"content"}})
