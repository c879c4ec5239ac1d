"""The rule pass: suggest a category for every event nobody has decided, in bulk.

An event is open to the rules while no analyst has decided it: its target_source is
'rule' (an earlier suggestion, which a rule change may revise) or it has no category
and no source yet. An analyst's category (target_source 'analyst', or any category
stored before migration 0015) is never touched, so a re-import or a rule change keeps
every choice a person made.

The pass reads the open rows in id order a page at a time (a keyset, never an OFFSET),
applies the compiled rules in Python (domain.target_rules: Cyrillic needs Python's case
folding, which SQLite's lower() lacks) and stages the suggestions the rules made in a
temporary table (COPY on PostgreSQL, one executemany a page on SQLite). Then two set-based
UPDATEs write them, in the caller's transaction: one joins the staged suggestions, one makes
every other open event 'unknown'. No statement per event: on PostgreSQL each UPDATE
statement fires the change notification once, and a per-row UPDATE also ran the day-count
and map-cell triggers row by row (issue 19: over seven minutes in one CI test). Inside an
import it reads only the rows that run wrote and did not already categorise while
loading them (both import writers take suggest_ahead's suggestions for new rows), and
the import's bulk mode has the triggers off. Over a whole database it drops the derived
structures first when it rewrites most of the table, as a bulk import does
(storage.derived_structures, on SQLite and PostgreSQL), and builds them at the end:
keeping the day counts and the indexes row by row would cost several times more.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, and_, func, or_, select
from sqlalchemy.orm import Session

from tracker.domain.base import utc_now
from tracker.domain.errors import TrackerError
from tracker.domain.events import BattlefieldEvent
from tracker.domain.target_rules import RuleSet
from tracker.storage import pg_derived
from tracker.storage.derived_structures import DroppedStructures, drop_derived, rebuild_derived
from tracker.storage.rules_in_force import rule_set

RULE = "rule"
ANALYST = "analyst"
PAGE = 20_000
# As for an import (storage.event_upsert): dropping and rebuilding pays off from here.
_BULK_ROWS = 10_000
_BULK_SHARE = 0.5

# Told after each page: rows done, rows to do.
PassProgress = Callable[[int, int], None]


class CategorisingCancelled(TrackerError):
    """The pass was cancelled: nothing it suggested is kept (its transaction rolls back)."""

    def __init__(self) -> None:
        super().__init__("Categorising was cancelled; no category was changed.")


@dataclass(frozen=True, slots=True)
class PassResult:
    """What a pass did: rows it looked at, and how many got a category other than unknown."""

    examined: int
    categorised: int


def open_to_rules() -> Any:
    """The condition of an event whose category the rules may (re)suggest."""
    event = BattlefieldEvent
    return or_(event.target_source == RULE,
               and_(event.target_source.is_(None), event.target_category == ""))


def suggest_targets(connection: Connection, *, run_id: int | None = None,
                    rules: RuleSet | None = None, progress: PassProgress | None = None,
                    cancel: threading.Event | None = None,
                    cancelled: type[TrackerError] = CategorisingCancelled) -> PassResult:
    """Suggest categories for the open events (those an import run *run_id* wrote, or
    all); in the caller's transaction. Raises *cancelled* when *cancel* is set (an
    import passes its own ImportCancelled: one cancel error, whoever noticed)."""
    if rules is None:
        with Session(bind=connection) as session:
            rules = rule_set(session)
    event = BattlefieldEvent
    where = open_to_rules()
    if run_id is not None:
        where = and_(event.import_run_id == run_id, where)
    # Inside an import nobody watches this pass's own progress: no count (a full scan).
    total = 0
    if progress is not None or run_id is None:
        total = connection.scalar(select(func.count()).select_from(event).where(where)) or 0
    dropped = DroppedStructures()
    if run_id is None:
        dropped = _switch_off(connection, total)
    done = categorised = 0
    stamp = decision_stamp(connection)
    start_staging(connection)
    for page in _pages(connection, run_id):
        if cancel is not None and cancel.is_set():
            raise cancelled
        # What the rules suggest, as an import stores it (the same call as on load).
        found = rules.found_all([(row[1], row[2], row[3], row[4]) for row in page])
        values = [(row[0], *hit) for row, hit in zip(page, found, strict=True)
                  if hit is not None]
        stage(connection, values)
        categorised += len(values)
        done += len(page)
        if progress is not None:
            progress(done, total)
    if cancel is not None and cancel.is_set():  # asked during the last page
        raise cancelled
    write_staged(connection, run_id, stamp)
    if dropped.statements:
        rebuild_derived(connection, dropped, None)
    return PassResult(done, categorised)


def _switch_off(connection: Connection, total: int) -> DroppedStructures:
    """Bulk mode for a pass over the whole database that rewrites *total* events: the
    derived structures dropped when that is most of the table; on PostgreSQL, its
    day-count and map-cell triggers off for a smaller share too (storage.pg_derived:
    they cost milliseconds a row, where the pass's two UPDATEs cost microseconds)."""
    if not total:
        return DroppedStructures()
    all_rows = connection.scalar(select(func.count()).select_from(BattlefieldEvent)) or 0
    if total >= _BULK_ROWS and total >= all_rows * _BULK_SHARE:
        return drop_derived(connection)
    if connection.dialect.name == "postgresql" and pg_derived.triggers_pay_off(total, all_rows):
        return DroppedStructures(pg_derived.switch_off(connection, indexes=False))
    return DroppedStructures()


# Open to the rules (``open_to_rules``), as SQL for the driver's own cursor: at a million
# rows SQLAlchemy's per-row parameter and result processing would cost as much as the
# rules themselves.
_OPEN_SQL = ("(target_source = 'rule' OR (target_source IS NULL AND target_category = ''))")


def _marks(connection: Connection, count: int) -> list[str]:
    mark = "?" if connection.dialect.paramstyle == "qmark" else "%s"
    return [mark] * count


# An event the import's own load categorised as it went in (storage.event_upsert or
# storage.pg_bulk_load, with services.targets.suggest_ahead's suggestions): decided by
# the rules at the very instant the run imported it.
# (Written so that no NULL makes the whole test NULL, which would leave the row out.)
_LOADED_SQL = ("NOT (coalesce(target_source, '') = 'rule' AND target_decided_at IS NOT NULL "
               "AND target_decided_at = imported_at)")


_RULE_COLUMNS = "id, summary, sub_event_type, actor1, actor2"


def _pages(connection: Connection, run_id: int | None) -> Iterator[list[Any]]:
    """The open events (of run *run_id*, or all) in id order, a page at a time."""
    mark = _marks(connection, 1)[0]
    return open_pages(lambda sql, values: list(connection.exec_driver_sql(sql, values).all()),
                     mark, run_id)


def open_pages(fetch: Callable[[str, tuple[Any, ...]], list[Any]], mark: str,
               run_id: int | None, columns: str = _RULE_COLUMNS) -> Iterator[list[Any]]:
    """``_pages`` through *fetch* (SQL, values) -> rows, *mark* the driver's placeholder:
    the *columns* of each open event (the id first, then the rules' four fields)."""
    where = _OPEN_SQL
    head: tuple[Any, ...] = ()
    if run_id is not None:
        where = f"import_run_id = {mark} AND {_LOADED_SQL} AND {where}"
        head = (run_id,)
    sql = (f"SELECT {columns} FROM battlefield_event "
           f"WHERE {where} AND id > {mark} ORDER BY id LIMIT {mark}")
    after = 0
    while True:
        page = fetch(sql, (*head, after, PAGE))
        if not page:
            return
        yield page
        after = page[-1][0]


def decision_stamp(connection: Connection) -> object:
    """When this pass decided, as the driver takes it: every row it writes gets the same."""
    if connection.dialect.name == "sqlite":
        # As SQLAlchemy stores a UTCDateTime in SQLite: naive UTC text.
        return utc_now().strftime("%Y-%m-%d %H:%M:%S.%f")
    return utc_now()


# The suggestions the rules made, staged for one UPDATE … FROM: (event id, category, rule,
# confidence). A temporary table of the pass's own connection, dropped when it is done.
_STAGE = "target_suggestion"


def start_staging(connection: Connection) -> None:
    connection.exec_driver_sql(
        f"CREATE TEMPORARY TABLE IF NOT EXISTS {_STAGE} (id INTEGER PRIMARY KEY, "
        "category VARCHAR NOT NULL, rule VARCHAR NOT NULL, confidence DOUBLE PRECISION)")
    connection.exec_driver_sql(f"DELETE FROM {_STAGE}")


def stage(connection: Connection, values: list[tuple[Any, ...]]) -> None:
    """Add a page's suggestions to the stage: COPY on PostgreSQL, executemany elsewhere."""
    if not values:
        return
    if connection.dialect.name == "postgresql":
        driver = connection.connection.driver_connection
        assert driver is not None
        with driver.cursor() as cursor, cursor.copy(
                f"COPY {_STAGE} (id, category, rule, confidence) FROM STDIN") as copy:
            for row in values:
                copy.write_row(row)
        return
    marks = ", ".join(_marks(connection, 4))
    connection.exec_driver_sql(
        f"INSERT INTO {_STAGE} (id, category, rule, confidence) VALUES ({marks})", values)


def write_staged(connection: Connection, run_id: int | None, stamp: object) -> int:
    """Write the staged suggestions, then make every other open event (of the run, or
    all) 'unknown': two statements, whatever the number of events. Returns how many
    events the two wrote."""
    mark = _marks(connection, 1)[0]
    suggested = connection.exec_driver_sql(
        f"UPDATE battlefield_event SET target_category = s.category, target_source = 'rule', "
        f"target_rule = s.rule, target_confidence = s.confidence, target_decided_at = {mark} "
        f"FROM {_STAGE} AS s WHERE battlefield_event.id = s.id", (stamp,))
    run = f"import_run_id = {mark} AND {_LOADED_SQL} AND " if run_id is not None else ""
    unknown = connection.exec_driver_sql(
        f"UPDATE battlefield_event SET target_category = 'unknown', target_source = 'rule', "
        f"target_rule = NULL, target_confidence = NULL, target_decided_at = {mark} "
        f"WHERE {run}{_OPEN_SQL} AND NOT EXISTS "
        f"(SELECT 1 FROM {_STAGE} AS s WHERE s.id = battlefield_event.id)",
        (stamp, *((run_id,) if run_id is not None else ())))
    connection.exec_driver_sql(f"DROP TABLE {_STAGE}")
    return suggested.rowcount + unknown.rowcount

