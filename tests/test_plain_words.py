"""No table names in what the user reads (issue 16, finding 13: the import dialogs spoke
of "the import_run table").

Every sentence written in the window's code, its services and its command line (a string
literal with a space in it) is read for the database's table names. A bare name is a key
(a topic, an archive's table list), not text anyone reads, so it is left alone; so is SQL.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import tracker
from tracker.domain.models import Base  # every table registered, not only those imported so far

PACKAGE = Path(tracker.__file__).resolve().parent
USER_FACING = ("ui", "services", "cli")
# SQL text, including the pieces of a statement built over several lines (a SET list
# ", a = …", a condition "… IS NULL").
_SQL = re.compile(r"^\s*(SELECT|INSERT|UPDATE|DELETE|CREATE|DROP|ALTER|WITH|PRAGMA)\b|"
                  r"\b(FROM|JOIN|WHERE)\b|\bIS (NOT )?NULL\b|^\s*,?\s*\w+ = ")


def _sentences(path: Path) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) \
                and " " in node.value.strip() and not _SQL.search(node.value):
            found.append((node.lineno, node.value))
    return found


def _docstrings(path: Path) -> set[int]:
    """Line numbers of docstrings (read by programmers, not users)."""
    lines = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef) \
                and ast.get_docstring(node, clean=False) is not None:
            lines.add(node.body[0].lineno)
    return lines


def test_no_table_name_in_text_the_user_reads() -> None:
    tables = [name for name in Base.metadata.tables if "_" in name]  # "round" is a word
    assert "import_run" in tables and "event_day_count" in tables
    pattern = re.compile(r"\b(" + "|".join(map(re.escape, tables)) + r")\b")
    jargon = []
    for folder in USER_FACING:
        for path in sorted((PACKAGE / folder).rglob("*.py")):
            skip = _docstrings(path)
            for line, text in _sentences(path):
                if line not in skip and (match := pattern.search(text)):
                    jargon.append(f"{path.relative_to(PACKAGE)}:{line}: {match[0]} in "
                                  f"{text[:70]!r}")
    assert not jargon, "\n".join(jargon)
