"""desktop/'s modules import one another without a cycle (module-level imports; a function's own lazy
import and type-only imports aside), so core, io, ui and the command line stay layers."""

from __future__ import annotations

import ast

from tests.fixtures.reports import REPO


def module_graph() -> dict[str, set[str]]:
    paths = {}
    for path in (REPO / "desktop").rglob("*.py"):
        name = ".".join(path.relative_to(REPO).with_suffix("").parts).removesuffix(".__init__")
        paths[name] = path
    graph: dict[str, set[str]] = {}
    for name, path in paths.items():
        deps = set()
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("desktop"):
                for alias in node.names:
                    child = f"{node.module}.{alias.name}"
                    deps.add(child if child in paths else node.module or "")
            elif isinstance(node, ast.Import):
                deps.update(a.name for a in node.names if a.name.startswith("desktop"))
        graph[name] = {d for d in deps if d in paths and d != name}
    return graph


def test_no_import_cycle() -> None:
    graph = module_graph()
    state: dict[str, int] = {}
    path: list[str] = []
    cycles: list[list[str]] = []

    def visit(module: str) -> None:
        state[module] = 1
        path.append(module)
        for dep in sorted(graph[module]):
            if state.get(dep) == 1:
                cycles.append([*path[path.index(dep):], dep])
            elif dep not in state:
                visit(dep)
        path.pop()
        state[module] = 2

    for module in sorted(graph):
        if module not in state:
            visit(module)
    assert cycles == []
    assert len(graph) > 100  # the scan saw the package


def test_reportlab_is_imported_only_inside_the_pdf_package() -> None:
    """The package's __init__ imports reportlab with the deferrals of desktop/io/pdf/deferred.py; a module
    elsewhere importing reportlab first would load it without them."""
    outside = []
    for path in (REPO / "desktop").rglob("*.py"):
        if path.is_relative_to(REPO / "desktop" / "io" / "pdf"):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [node.module or ""] if isinstance(node, ast.ImportFrom) else (
                [a.name for a in node.names] if isinstance(node, ast.Import) else [])
            if any(name.split(".")[0] == "reportlab" for name in names):
                outside.append(f"{path.relative_to(REPO)}:{node.lineno}")
    assert outside == []
