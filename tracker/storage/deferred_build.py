"""Derived structures built after an import's commit, so its events are usable at once.

A bulk import drops the derived structures of the events (storage.derived_structures).
Built inside the import's transaction, they keep the user waiting for work that browsing
does not need: the full-text index, the map's cell counts and the secondary indexes are
most of a large import's time. With the build deferred, the import's transaction puts
back only what the events must have to be browsed, counted and filtered by date and type
(the per-day counts and their triggers: counts read from them must be right), writes
down what is still to build, and commits. The events' categories are decided after
that commit too (storage.deferred_categories). The rest is then built one structure at a
time, each in its own transaction, which also crosses it off the list.

What is pending is kept in the database (database_setting, key PENDING_KEY: the CREATE
statements, and a mark per run whose categories are owed, as JSON), so a build killed
half-way is finished the next time the database is opened
(storage.database.open_database). Until then the missing structures are told apart by
their triggers: ``search_ready`` and ``map_cells_ready`` say whether the full-text index
and the map's cells follow the events, and ``categories_ready`` whether every category
is decided. A missing index only slows a query down; a stale full-text index, cell count
or category would give wrong answers, so the readers that use them refuse with
StillBuilding, whose message says why.

SQLite only: on other databases nothing is ever deferred.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import Connection, Engine, text
from sqlalchemy.exc import OperationalError

from tracker.domain.wording import say
from tracker.storage import map_cells
from tracker.storage.day_counts import TRIGGER_PREFIX as DAY_TRIGGERS
from tracker.storage.day_tally import DayTally, count_days
from tracker.storage.deferred_categories import (
    FoundBeside,
    StartAhead,
    categorise_runs,
    is_mark,
    mark,
    runs_marked,
)
from tracker.storage.derived_structures import DroppedStructures
from tracker.storage.errors import StorageError
from tracker.storage.full_text_build import rebuild_full_text

log = logging.getLogger(__name__)

PENDING_KEY = "pending_build"
CATEGORIES_STEP = "categories"
FTS_TRIGGER_PREFIX = "battlefield_event_fts_"
_FTS_INSERT_TRIGGER = f"{FTS_TRIGGER_PREFIX}insert"
_MAP_INSERT_TRIGGER = f"{map_cells.TRIGGER_PREFIX}insert"
_NAME = re.compile(r'CREATE\s+(?:UNIQUE\s+)?(INDEX|TRIGGER)\s+"?(\w+)"?', re.IGNORECASE)
# Page cache for a build: the sorts of CREATE INDEX and the FTS5 rebuild read the whole
# table, which a 2 MB default cache reads from disk again and again.
_BUILD_CACHE_KIB = 256 * 1024


class StillBuilding(StorageError):
    """A query needs a structure an import's build has not finished yet."""


@dataclass(frozen=True, slots=True)
class BuildStep:
    """One structure to build, in a transaction of its own: *statements* recreate it
    (an index, or the triggers of the full-text index or of the map's cells)."""

    name: str
    statements: tuple[str, ...]

    @property
    def needs_categories(self) -> bool:
        """Whether it reads what the categories step writes: the map's cells (counted by
        category) and an index of the category columns (target_category, target_source…)."""
        return self.name == "map cells" or any("target_" in sql for sql in self.statements)

    def run(self, connection: Connection, beside: FoundBeside | None = None) -> None:
        existing = _existing_names(connection)
        if self.name == CATEGORIES_STEP:
            found = beside.result() if beside is not None else None
            categorise_runs(connection, runs_marked(self.statements), found)
            return
        if self.name == "full-text index":
            rebuild_full_text(connection)
        elif self.name == "map cells":
            map_cells.recount(connection)
        for sql in self.statements:
            if _name_of(sql) not in existing:  # built already (twice opened, say)
                connection.exec_driver_sql(sql)


def keep_usable(connection: Connection, dropped: DroppedStructures,
                tally: DayTally | None = None, *,
                categorise_run: int | None = None) -> None:
    """In the import's transaction: count the days again (from *tally* when the load kept
    one: storage.day_tally) and put their triggers back, and note every other dropped
    structure as pending, and the categories of run *categorise_run* when its load left
    them undecided (storage.deferred_categories); the caller commits."""
    count_days(connection, tally)
    rest = [mark(categorise_run)] if categorise_run is not None else []
    for sql in dropped.statements:
        if _name_of(sql).startswith(DAY_TRIGGERS):
            connection.exec_driver_sql(sql)
        else:
            rest.append(sql)
    dropped.statements.clear()
    pending = pending_statements(connection)
    _write_pending(connection, pending + [sql for sql in rest if sql not in pending])


def pending_statements(connection: Connection) -> list[str]:
    """The CREATE statements still to run, oldest first ([] when nothing is pending)."""
    if connection.dialect.name != "sqlite":
        return []
    value = connection.execute(text("SELECT value FROM database_setting WHERE key = :key"),
                               {"key": PENDING_KEY}).scalar()
    return list(json.loads(value)) if value else []


def build_steps(statements: list[str]) -> list[BuildStep]:
    """The builds *statements* need: the categories (every count by category waits for
    them, and the map's cells are counted by category), the full-text index and the
    map's cells (the searches and the map wait for them), then each index."""
    marks = tuple(sql for sql in statements if is_mark(sql))
    fts = tuple(sql for sql in statements if _name_of(sql).startswith(FTS_TRIGGER_PREFIX))
    cells = tuple(sql for sql in statements
                  if _name_of(sql).startswith(map_cells.TRIGGER_PREFIX))
    steps = [BuildStep(CATEGORIES_STEP, marks)] if marks else []
    if fts:
        steps.append(BuildStep("full-text index", fts))
    if cells:
        steps.append(BuildStep("map cells", cells))
    steps += [BuildStep(_name_of(sql), (sql,)) for sql in statements
              if sql not in marks and sql not in fts and sql not in cells]
    return steps


def build_pending(engine: Engine,
                  step_done: Callable[[int, int, str], None] | None = None,
                  ahead: StartAhead | None = None) -> int:
    """Build what is pending, a structure per transaction; returns how many were built.

    *step_done* is told (done, total, the name of the step just built) after each commit;
    it may raise to stop, which leaves the rest pending for the next call (the next open,
    at the latest). *ahead*, when given, starts the rules of the categories owed beside
    the build; until they are done, the steps that do not depend on the categories are
    built meanwhile (storage.deferred_categories).
    """
    if engine.dialect.name != "sqlite":
        return 0
    with engine.connect() as connection:
        pending = pending_statements(connection)
    steps = build_steps(pending)
    runs = runs_marked(pending)
    beside = ahead(runs) if ahead is not None and runs else None
    total = len(steps)
    if step_done is not None and steps:
        step_done(0, total, "")  # a display says what is being built from the start
    for done in range(1, total + 1):
        step = _next_step(steps, beside)
        with engine.begin() as connection:
            cursor = connection.connection.driver_connection.cursor()  # type: ignore[union-attr]
            cache = cursor.execute("PRAGMA cache_size").fetchone()[0]
            cursor.execute(f"PRAGMA cache_size=-{_BUILD_CACHE_KIB}")
            try:
                step.run(connection, beside)
                left = [sql for sql in pending_statements(connection)
                        if sql not in step.statements]
                _write_pending(connection, left)
            finally:
                cursor.execute(f"PRAGMA cache_size={int(cache)}")
                cursor.close()
        if step_done is not None:
            step_done(done, total, step.name)
    return total


def _next_step(steps: list[BuildStep], beside: FoundBeside | None) -> BuildStep:
    """Take the next step of *steps* (build_steps' order), except that the categories,
    while their rules run *beside*, wait for them behind every step that does not read
    the categories."""
    if beside is None or steps[0].name != CATEGORIES_STEP or beside.ready():
        return steps.pop(0)
    later = next((step for step in steps[1:] if not step.needs_categories), steps[0])
    steps.remove(later)
    return later


def finish_killed_build(engine: Engine) -> None:
    """On open: build what a build killed half-way left pending. Another connection
    holding the write lock is most likely building it now: it is left to that one."""
    try:
        build_pending(engine)
    except OperationalError as exc:
        if "locked" not in str(exc.orig):
            raise
        log.info("pending structures left to the connection building them: %s", exc.orig)


def search_ready(connection: Connection) -> bool:
    """Whether the full-text index follows the events (its triggers exist); always true
    off SQLite, where the search column is kept row by row."""
    return connection.dialect.name != "sqlite" or _has_trigger(connection,
                                                               _FTS_INSERT_TRIGGER)


def map_cells_ready(connection: Connection) -> bool:
    """Whether the map's cell counts follow the events (their triggers exist)."""
    return connection.dialect.name != "sqlite" or _has_trigger(connection,
                                                               _MAP_INSERT_TRIGGER)


def require_search(connection: Connection) -> None:
    """Raise StillBuilding while the full-text index is being built after an import."""
    if not search_ready(connection):
        raise StillBuilding(say(
            "The word index is still being built after the import; search again in a "
            "moment. Browsing and the date and type filters work meanwhile."))


def categories_ready(connection: Connection) -> bool:
    """Whether every event's category is decided: no import left its categories to the
    build (storage.deferred_categories)."""
    return not any(is_mark(entry) for entry in pending_statements(connection))


def require_categories(connection: Connection) -> None:
    """Raise StillBuilding while an import's categories are being decided after it."""
    if not categories_ready(connection):
        raise StillBuilding(say(
            "The events' target categories are still being decided after the import; "
            "try again in a moment. Nothing counted by category is told before that."))


def require_map_cells(connection: Connection) -> None:
    """Raise StillBuilding while the map's cells are being counted after an import."""
    if not map_cells_ready(connection):
        raise StillBuilding(say(
            "The map's cells are still being counted after the import; the map shows "
            "them in a moment."))


def _write_pending(connection: Connection, statements: list[str]) -> None:
    connection.execute(text("DELETE FROM database_setting WHERE key = :key"),
                       {"key": PENDING_KEY})
    if statements:
        connection.execute(text(
            "INSERT INTO database_setting (key, value) VALUES (:key, :value)"),
            {"key": PENDING_KEY, "value": json.dumps(statements)})


def _has_trigger(connection: Connection, name: str) -> bool:
    return connection.execute(text(
        "SELECT 1 FROM sqlite_master WHERE type = 'trigger' AND name = :name"),
        {"name": name}).first() is not None


def _existing_names(connection: Connection) -> set[str]:
    return {row[0] for row in connection.execute(text(
        "SELECT name FROM sqlite_master WHERE type IN ('index', 'trigger')"))}


def _name_of(sql: str) -> str:
    found = _NAME.match(sql.strip())
    return found.group(2) if found else sql
