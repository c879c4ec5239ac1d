"""What SQL a call runs, and SQLite's plan for each statement: the scale tests' evidence.

Timings prove nothing on a shared machine; a plan that seeks an index instead of
scanning the table, or sorts nothing, holds at a million rows as at a hundred.

``statements_of`` and ``limit_and_offset`` work on either backend; ``plans_of`` reads
SQLite's EXPLAIN QUERY PLAN, so tests that use it are marked ``sqlite_only``
(tests/postgres_plans.py reads PostgreSQL's plans).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, TypeVar

from sqlalchemy import event
from sqlalchemy.orm import Session

from tracker.storage.database import Database
from tracker.storage.fts_terms import TERMS_VIEW

T = TypeVar("T")
_SCANS_EVENTS = re.compile(r"SCAN battlefield_event\b(?!_)")
# A bound LIMIT or OFFSET as SQLite's driver (?) or psycopg (%(name)s) receives it.
_BOUND = r"(\?|%\((\w+)\)s)"
_LIMIT = re.compile(rf"\bLIMIT {_BOUND}")
_OFFSET = re.compile(rf"\bOFFSET {_BOUND}")


@dataclass(frozen=True)
class Statement:
    sql: str
    parameters: Any
    plan: tuple[str, ...]

    @property
    def plan_text(self) -> str:
        return "\n".join(self.plan)

    def scans_events(self) -> bool:
        """Whether it reads battlefield_event (or an index of it) from end to end.

        "SCAN t USING COVERING INDEX i" walks every entry too, but for a count(*) with
        no WHERE that is SQLite's page-by-page count, and for ORDER BY … LIMIT it stops
        at the limit: callers rule those in or out themselves.
        """
        return any(_SCANS_EVENTS.match(line) for line in self.plan)

    def sorts(self) -> bool:
        return any("TEMP B-TREE" in line for line in self.plan)


@contextmanager
def recorded(db: Database) -> Iterator[list[tuple[str, Any]]]:
    """The (SQL, parameters) of every statement run on *db* inside the block."""
    statements: list[tuple[str, Any]] = []

    def capture(_conn: object, _cursor: object, statement: str, parameters: Any,
                _context: object, _many: bool) -> None:
        statements.append((statement, parameters))

    event.listen(db.engine, "before_cursor_execute", capture)
    try:
        yield statements
    finally:
        event.remove(db.engine, "before_cursor_execute", capture)


def explain(db: Database, sql: str, parameters: Any) -> tuple[str, ...]:
    assert db.is_sqlite, "EXPLAIN QUERY PLAN is SQLite's: see tests/postgres_plans.py"
    with db.engine.connect() as connection:
        rows = connection.exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}", parameters)
        return tuple(row[-1] for row in rows)


def statements_of(db: Database, call: Callable[[Session], T],
                  ) -> tuple[T, list[tuple[str, Any]]]:
    """Run *call* in a read session; its result and the (SQL, parameters) of every
    SELECT it ran, on either backend."""
    with recorded(db) as statements, db.reading() as session:
        result = call(session)
    return result, [(sql, parameters) for sql, parameters in statements
                    if sql.lstrip().upper().startswith(("SELECT", "WITH"))
                    and not _looks_up_terms(sql)]


def _looks_up_terms(sql: str) -> bool:
    """The index's terms under a typed prefix, read (one seek a term, from the TEMP view
    of ``storage.fts_terms``) before the statement that matches them: no plan of events."""
    return TERMS_VIEW in sql


def plans_of(db: Database, call: Callable[[Session], T]) -> tuple[T, list[Statement]]:
    """Run *call* in a read session; its result and SQLite's plan of every SELECT it ran."""
    result, selects = statements_of(db, call)
    return result, [Statement(sql, parameters, explain(db, sql, parameters))
                    for sql, parameters in selects]


def limit_and_offset(sql: str, parameters: Any) -> tuple[int | None, int]:
    """The LIMIT (None: none) and OFFSET (0: none) a statement ran with.

    SQLite's compiler writes "LIMIT ? OFFSET ?" even for OFFSET 0, PostgreSQL's leaves
    a zero OFFSET out, and the parameters are a tuple for one and a dict for the other.
    """
    return _bound(_LIMIT, sql, parameters), _bound(_OFFSET, sql, parameters) or 0


def _bound(clause: re.Pattern[str], sql: str, parameters: Any) -> Any:
    found = list(clause.finditer(sql))
    if not found:
        return None
    assert len(found) == 1, f"more than one {clause.pattern} in {sql}"
    match = found[0]
    if match.group(2) is not None:
        return parameters[match.group(2)]
    return parameters[sql.count("?", 0, match.start(1))]
