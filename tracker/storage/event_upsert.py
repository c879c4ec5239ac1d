"""Writing imported events in bulk: one transaction, upsert by (dataset, external_id).

The upsert updates a row only when the dataset changed it (ACLED's timestamp, otherwise
the raw record text), so the number of rows the database reports changed is exactly
added + updated, and re-importing a file changes nothing.

On SQLite a large import into a table that is small beside it drops the derived
structures (indexes, full-text and day-count triggers) inside the transaction and builds
them again at the end, through storage.derived_structures.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime
from typing import Any, cast

from sqlalchemy import Connection, Engine, Table, and_, func, literal_column, or_, select, text
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import SQLAlchemyError

from tracker.domain.events import (
    IMPORT_COLUMNS,
    IMPORT_CONSTANTS,
    BattlefieldEvent,
    BattlefieldEventRaw,
)
from tracker.storage.derived_structures import DroppedStructures, drop_derived, rebuild_derived

log = logging.getLogger(__name__)

COLUMNS = IMPORT_COLUMNS + IMPORT_CONSTANTS
_KEY = ("dataset", "external_id")
# An update rewrites what the dataset says, never the analyst's own target category.
_UPDATED = [name for name in COLUMNS if name not in (*_KEY, "target_category")]
# Page cache for the import connection: random inserts into the unique index miss a
# 2 MB default cache on every row once the table outgrows it.
_IMPORT_CACHE_KIB = 256 * 1024
# Bulk mode pays off when the new rows coming in are at least this share of the table; a
# re-import of rows already there (updates, mostly unchanged) keeps the indexes, since
# rebuilding them all would cost far more than the few rows that change.
_BULK_SHARE = 0.5


def count_dataset(connection: Connection, dataset: str) -> int:
    return connection.scalar(
        select(func.count()).select_from(BattlefieldEvent)
        .where(BattlefieldEvent.dataset == dataset)
    ) or 0


def count_all(connection: Connection) -> int:
    return connection.scalar(select(func.count()).select_from(BattlefieldEvent)) or 0


# A row is rewritten only when the dataset changed it: by its own last-modified stamp
# where the row has one (ACLED's timestamp: the same event from another export layout is
# unchanged), by the digest of its record text otherwise.
_CHANGED = (
    "(excluded.source_updated IS NOT NULL"
    " AND excluded.source_updated IS NOT battlefield_event.source_updated)"
    " OR (excluded.source_updated IS NULL"
    " AND excluded.raw_digest IS NOT battlefield_event.raw_digest)"
)


class EventUpsert:
    """Writes batches of event rows (``COLUMNS`` order) on one connection's transaction."""

    def __init__(self, connection: Connection, *, dataset: str, run_id: int,
                 imported_at: datetime, expected_new_rows: int,
                 portable: bool = False) -> None:
        """*portable* writes through SQLAlchemy Core, as on PostgreSQL, even on SQLite
        (so tests check that path on SQLite too)."""
        self.connection = connection
        self.sqlite = connection.dialect.name == "sqlite" and not portable
        self._dropped = DroppedStructures()
        stamp: object = imported_at.astimezone(UTC)
        if self.sqlite:
            # As SQLAlchemy stores a UTCDateTime in SQLite: naive UTC text.
            stamp = imported_at.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")
            self._prepare_sqlite(expected_new_rows)
        # What the caller appends to every row's IMPORT_COLUMNS values (IMPORT_CONSTANTS).
        self.constants: tuple[object, ...] = (dataset, run_id, stamp, "")

    # -- SQLite: the DB-API cursor, one prepared statement for every row ---------------

    def _prepare_sqlite(self, expected_new_rows: int) -> None:
        self._cursor = self.connection.connection.driver_connection.cursor()  # type: ignore[union-attr]
        # The pooled connection goes back to the window's reads afterwards: close()
        # gives it its own settings back.
        self._restore = [
            (name, self._cursor.execute(f"PRAGMA {name}").fetchone()[0])
            for name in ("cache_size", "threads")
        ]
        self._cursor.execute(f"PRAGMA cache_size=-{_IMPORT_CACHE_KIB}")
        # Worker threads for the sorts of CREATE INDEX (0 by default).
        self._cursor.execute("PRAGMA threads=2")
        columns = ", ".join(COLUMNS)
        marks = ", ".join("?" for _ in COLUMNS)
        updates = ", ".join(f"{name}=excluded.{name}" for name in _UPDATED)
        self._sql = (
            f"INSERT INTO battlefield_event ({columns}) VALUES ({marks}) "
            f"ON CONFLICT(dataset, external_id) DO UPDATE SET {updates} "
            f"WHERE {_CHANGED}"
        )
        # The record text of the rows this run inserted or changed (an unchanged row
        # keeps an older run's id), found by their key through the unique index.
        self._raw_sql = (
            "INSERT INTO battlefield_event_raw (event_id, raw) "
            "SELECT id, ? FROM battlefield_event "
            "WHERE dataset = ? AND external_id = ? AND import_run_id = ? "
            "ON CONFLICT(event_id) DO UPDATE SET raw = excluded.raw"
        )
        existing = count_all(self.connection)
        if expected_new_rows >= 10_000 and expected_new_rows >= existing * _BULK_SHARE:
            self._dropped = drop_derived(self.connection)

    def write(self, rows: Sequence[tuple[Any, ...]],
              raws: Sequence[tuple[str, str, str, int]]) -> int:
        """Upsert *rows* and their record texts; returns how many were inserted or changed.

        *raws* are (text, dataset, external_id, run id), one per row, in the same order.
        """
        if self.sqlite:
            self._cursor.executemany(self._sql, rows)
            changed = int(self._cursor.rowcount)
            self._cursor.executemany(self._raw_sql, raws)
            return changed
        return self._write_core(rows, raws)

    def close(self) -> None:
        """Give the connection back its page cache and sorter settings, whatever happened."""
        if not self.sqlite:
            return
        for name, value in self._restore:
            self._cursor.execute(f"PRAGMA {name}={int(value)}")
        self._cursor.close()

    @property
    def rebuild_steps(self) -> int:
        """How many builds ``finish`` runs: the full-text index, then each dropped index."""
        return self._dropped.build_steps

    def finish(self, step_done: Callable[[int], None] | None = None) -> None:
        """Build again what bulk mode dropped; the caller then commits.

        *step_done* is called with the number of builds finished after each one (they
        take seconds each at a million rows, which a progress display should show).
        """
        rebuild_derived(self.connection, self._dropped, step_done)

    # -- other databases: SQLAlchemy Core, RETURNING one row per row written ------------

    def _write_core(self, rows: Sequence[tuple[Any, ...]],
                    raws: Sequence[tuple[str, str, str, int]]) -> int:
        # Imported here: the PostgreSQL dialect is 50 ms of start-up SQLite never needs.
        from sqlalchemy.dialects.postgresql import insert as pg_insert

        table = cast(Table, BattlefieldEvent.__table__)
        statement = pg_insert(table) if self.connection.dialect.name == "postgresql" \
            else sqlite_insert(table)
        new = statement.excluded
        upsert: Any = statement.on_conflict_do_update(
            index_elements=list(_KEY),
            set_={name: statement.excluded[name] for name in _UPDATED},
            where=or_(  # _CHANGED, in SQLAlchemy's terms
                and_(new.source_updated.is_not(None),
                     new.source_updated.is_distinct_from(table.c.source_updated)),
                and_(new.source_updated.is_(None),
                     new.raw_digest.is_distinct_from(table.c.raw_digest))),
        ).returning(literal_column("1"))
        changed = len(self.connection.execute(upsert, [_core_values(r) for r in rows]).all())
        event = BattlefieldEvent
        ids: dict[str, int] = {external_id: event_id for external_id, event_id in
                               self.connection.execute(select(event.external_id, event.id).where(
            event.dataset == self.constants[0], event.import_run_id == self.constants[1],
            event.external_id.in_([raw[2] for raw in raws])))}
        raw_table = cast(Table, BattlefieldEventRaw.__table__)
        statement = pg_insert(raw_table) if self.connection.dialect.name == "postgresql" \
            else sqlite_insert(raw_table)
        texts = [{"event_id": ids[raw[2]], "raw": raw[0]} for raw in raws if raw[2] in ids]
        if texts:
            self.connection.execute(statement.on_conflict_do_update(
                index_elements=["event_id"], set_={"raw": statement.excluded.raw}), texts)
        return changed


def _core_values(row: tuple[Any, ...]) -> dict[str, Any]:
    """A row as SQLAlchemy's types expect it: dates as date objects, not ISO text."""
    values = dict(zip(COLUMNS, row, strict=True))
    for name in ("event_date", "event_date_end"):
        if isinstance(values[name], str):
            values[name] = date.fromisoformat(values[name])
    return values


# Below this many written rows, autovacuum's own pass comes soon enough.
REFRESH_AFTER_ROWS = 1000


def refresh_planner_statistics(engine: Engine, written: int) -> None:
    """After a large import on PostgreSQL, VACUUM ANALYZE the events at once.

    Until autovacuum gets there, the planner works from the old row counts and the GIN
    index holds the new rows in its pending list, so a word search right after importing
    a file reads the whole table. VACUUM cannot run inside a transaction: this runs after
    the import's commit, on a connection of its own, and its failure (a lost connection,
    say) is only logged: the rows are saved either way. SQLite needs nothing (its query
    plans do not depend on statistics we keep).
    """
    if engine.dialect.name != "postgresql" or written < REFRESH_AFTER_ROWS:
        return
    try:
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.execute(text("VACUUM ANALYZE battlefield_event"))
    except SQLAlchemyError:
        # The import is committed whatever happens here; autovacuum will get there.
        log.warning("VACUUM ANALYZE after the import failed", exc_info=True)
