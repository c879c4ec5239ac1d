"""No two modules of tracker.storage import each other, directly or round about: every
import counts, at the top, inside a function or for type checking only (issue 12 removed
backup <-> migrate and change_feed <-> database)."""

from __future__ import annotations

import ast
from pathlib import Path

import tracker.storage

STORAGE = Path(tracker.storage.__file__).parent


def imports_of(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


def storage_graph() -> dict[str, set[str]]:
    modules = {f"tracker.storage.{path.stem}": path for path in STORAGE.glob("*.py")
               if path.stem != "__init__"}
    return {name: imports_of(path) & set(modules) - {name} for name, path in modules.items()}


def cycle_from(start: str, graph: dict[str, set[str]]) -> list[str] | None:
    """A path of imports from *start* back to it, if there is one."""
    stack = [(start, [start])]
    seen: set[str] = set()
    while stack:
        module, path = stack.pop()
        for imported in graph[module]:
            if imported == start:
                return [*path, start]
            if imported not in seen:
                seen.add(imported)
                stack.append((imported, [*path, imported]))
    return None


def test_the_graph_is_read() -> None:
    graph = storage_graph()
    assert "tracker.storage.revisions" in graph["tracker.storage.migrate"]
    assert "tracker.storage.application_name" in graph["tracker.storage.database"]


def test_no_storage_module_imports_itself_round_about() -> None:
    graph = storage_graph()
    cycles = [cycle for name in sorted(graph) if (cycle := cycle_from(name, graph))]
    assert cycles == []
