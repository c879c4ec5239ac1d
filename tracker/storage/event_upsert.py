"""Writing imported events in bulk: one transaction, each row compared with what is stored.

Each batch reads the stored events of its ids (one query through the unique (dataset,
external_id) index), compares every row field by field (storage.event_compare) and then
writes only what differs: new events inserted, changed ones updated, the rest left as
they are, so the summary's counts are the real differences and re-importing a file
changes nothing. A row of an older release than the stored event's is skipped, and its
differences reported, unless the user allows older releases (issue 17).

Given the batch's suggestions (the import gives them: services.targets.suggest_ahead, as
to storage.pg_bulk_load) each new row goes in on SQLite with the target category the
rules suggest, so both writers categorise alike and the rule pass after the load has
nothing to read back or rewrite (the import leaves it out then). The portable path
(SQLAlchemy Core, for other databases) inserts new rows undecided, and counts them for
that pass (``WriteCounts.unsuggested``).

On SQLite a large import into a table that is small beside it drops the derived
structures (indexes, full-text and day-count triggers) inside the transaction and builds
them again at the end, through storage.derived_structures, or (``finish_usable``) puts
back only the day counts and leaves the rest to storage.deferred_build after the commit.
Into an empty table it tallies the day counts as the rows go in (storage.day_tally)
instead of counting them again from the events.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime
from typing import Any, cast

from sqlalchemy import Connection, Engine, Table, bindparam, func, insert, select, text, update
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import SQLAlchemyError

from tracker.domain.events import BattlefieldEvent, BattlefieldEventRaw
from tracker.domain.target_rules import Found
from tracker.storage.counted_events import RecordStatus
from tracker.storage.day_tally import DayTally
from tracker.storage.deferred_build import keep_usable
from tracker.storage.derived_structures import DroppedStructures, drop_derived, rebuild_derived
from tracker.storage.errors import StorageError
from tracker.storage.event_compare import (
    COMPARED,
    COUNTRY_POSITION,
    DATE_POSITION,
    ID_POSITION,
    LABEL_POSITION,
    RANK_POSITION,
    ROW_COLUMNS,
    StoredEvent,
    differences,
)
from tracker.storage.first_load import closed_under_us
from tracker.storage.new_event_rows import NewEventRows
from tracker.storage.suggested_category import (
    UNDECIDED,
    Undecided,
)
from tracker.storage.withdrawals import SEEN_SQL as _SEEN_SQL
from tracker.storage.withdrawals import mark_seen, start_seen
from tracker.storage.write_counts import StoredVerdict, WriteCounts

log = logging.getLogger(__name__)

_KEY = ("dataset", "external_id")
# An update rewrites what the dataset says, never the analyst's own target category.
_UPDATED = [name for name in ROW_COLUMNS if name not in (*_KEY, "target_category")]
_UPDATED_POSITIONS = tuple(ROW_COLUMNS.index(name) for name in _UPDATED)
_INSERTED = (*ROW_COLUMNS, "first_imported_at")
# Page cache for the import connection: random inserts into the unique index miss a
# 2 MB default cache on every row once the table outgrows it.
_IMPORT_CACHE_KIB = 256 * 1024
# Bulk mode pays off when at least this many new rows come in, and at least this share
# of the table; a re-import of rows already there (updates, mostly unchanged) keeps the
# indexes, since rebuilding them all would cost far more than the few rows that change.
BULK_FROM_ROWS = 10_000
_BULK_SHARE = 0.5

# The rank of a newer release, already imported, that covers an event of this day and
# country and lacks it (so it arrives withdrawn), or None: (day ISO, country, rank).
Superseded = Callable[[str, str, "int | None"], "int | None"]


def count_dataset(connection: Connection, dataset: str) -> int:
    return connection.scalar(
        select(func.count()).select_from(BattlefieldEvent)
        .where(BattlefieldEvent.dataset == dataset)
    ) or 0


def count_all(connection: Connection) -> int:
    return connection.scalar(select(func.count()).select_from(BattlefieldEvent)) or 0


class EventUpsert:
    """Writes batches of event rows (``ROW_COLUMNS`` order) on one connection's transaction."""

    def __init__(self, connection: Connection, *, dataset: str, run_id: int,
                 imported_at: datetime, expected_new_rows: int,
                 portable: bool = False, allow_older: bool = False,
                 superseded: Superseded | None = None, track_seen: bool = False,
                 nothing_stored: bool = False) -> None:
        """*portable* writes through SQLAlchemy Core, as on PostgreSQL, even on SQLite
        (so tests check that path on SQLite too). *allow_older* lets an older release
        overwrite a newer one; *superseded* says which new events arrive withdrawn;
        *track_seen* notes every id written in ``import_seen`` (storage.withdrawals).
        *nothing_stored* says the dataset had no event when the import began: the rows'
        ids are then not looked up, as none can be stored (the reader refuses an id the
        file repeats, and no other import of the dataset can commit meanwhile:
        storage.dataset_lock)."""
        self.connection = connection
        self.dataset = dataset
        self.run_id = run_id
        self.sqlite = connection.dialect.name == "sqlite" and not portable
        self.allow_older = allow_older
        self.superseded = superseded
        self.counts = WriteCounts()
        # Never: the SQLite import leaves statistics to refresh_planner_statistics (the
        # attribute PgBulkLoad sets when its finish has analysed the events).
        self.analysed = False
        self.track_seen = track_seen
        self.nothing_stored = nothing_stored
        if track_seen:
            start_seen(connection)
        self._dropped = DroppedStructures()
        self._tally: DayTally | None = None  # the day counts, while they can be tallied
        self._categories_later = False  # categorise_after_commit
        self._imported_at = imported_at.astimezone(UTC)
        stamp: object = self._imported_at
        if self.sqlite:
            # As SQLAlchemy stores a UTCDateTime in SQLite: naive UTC text.
            text_stamp = self._imported_at.strftime("%Y-%m-%d %H:%M:%S.%f")
            stamp = text_stamp
            self._prepare_sqlite(expected_new_rows, text_stamp)
        self._stamp = stamp
        # What the caller appends to every row's IMPORT_COLUMNS values (IMPORT_CONSTANTS).
        self.constants: tuple[object, ...] = (dataset, run_id, stamp, "")

    # -- SQLite: the DB-API cursor, a few prepared statements for every row ------------

    def _prepare_sqlite(self, expected_new_rows: int, stamp: str) -> None:
        self._cursor = self.connection.connection.driver_connection.cursor()  # type: ignore[union-attr]
        self._new_rows = NewEventRows(self._cursor, stamp)
        # The pooled connection goes back to the window's reads afterwards: close()
        # gives it its own settings back.
        self._restore = [
            (name, self._cursor.execute(f"PRAGMA {name}").fetchone()[0])
            # The CHECKs first: put back before anything else could fail.
            for name in ("ignore_check_constraints", "cache_size", "threads")
        ]
        self._cursor.execute(f"PRAGMA cache_size=-{_IMPORT_CACHE_KIB}")
        # Worker threads for the sorts of CREATE INDEX (0 by default).
        self._cursor.execute("PRAGMA threads=2")
        # New events get the ids SQLite gives them, each the next after the largest
        # (the table has no AUTOINCREMENT): counted here, so their record texts go in by
        # id (``_insert`` makes sure). The import's transaction already holds the
        # write lock: no one else adds one.
        largest = self._cursor.execute("SELECT max(id) FROM battlefield_event").fetchone()[0]
        self._next_id = (largest or 0) + 1
        self._update_sql = (
            f"UPDATE battlefield_event SET {', '.join(f'{name}=?' for name in _UPDATED)} "
            "WHERE id = ?"
        )
        # The record text of the rows this run inserted or changed, by their event's id
        # (half the time of finding each by its key through the unique index).
        self._raw_sql = (
            "INSERT INTO battlefield_event_raw (event_id, raw) VALUES (?, ?) "
            "ON CONFLICT(event_id) DO UPDATE SET raw = excluded.raw"
        )
        existing = count_all(self.connection)
        if expected_new_rows >= BULK_FROM_ROWS and \
                expected_new_rows >= existing * _BULK_SHARE:
            self._dropped = drop_derived(self.connection)
            # The table's CHECKs (coordinates in range, no negative count, a known
            # precision) hold for every row an import writes: its reader refuses what
            # breaks them (io.event_fields), naming the line and field. Testing them
            # again was 10-20% of the insert's time (200,000 rows; close() puts them
            # back for every other write on this connection).
            self._cursor.execute("PRAGMA ignore_check_constraints=ON")
            if not existing:  # the day counts are then those of the rows inserted
                assert "injuries" not in ROW_COLUMNS  # none on import: the tally sums none
                # Not a closure over self: the writer would then be in a reference cycle,
                # and its cursor, with the connection it holds, freed only by a collection.
                self._tally = DayTally(self._new_rows.category_of)

    def write(self, rows: Sequence[tuple[Any, ...]], raws: Sequence[str],
              suggested: Sequence[Found] | None = None) -> int:
        """Compare *rows* with the stored events and write what differs, with the record
        texts of the rows written; returns how many were inserted or changed.

        *raws* are the record texts, one per row, in the same order;
        *suggested*, when given, the category the rules suggest for each (a new row goes
        in with it, decided at the import's instant; without, it is left undecided).
        """
        if suggested is None and not self._categories_later:
            self._tally = None  # their categories are the rule pass's to decide, now
        keys = [row[ID_POSITION] for row in rows]
        stored = {} if self.nothing_stored else self._stored(keys)
        if self.track_seen:
            if self.sqlite:
                self._cursor.executemany(_SEEN_SQL, [(key,) for key in keys])
            else:
                mark_seen(self.connection, keys)
        if self.sqlite and not stored:
            return self._insert_all(rows, raws, suggested)
        self._tally = None  # stored events written over, or kept: counted again
        # New rows: on SQLite as read (ROW_COLUMNS), elsewhere with the stamp (_INSERTED).
        inserts: list[tuple[Any, ...]] = []
        found: list[Found | Undecided] = []  # each new row's category, on SQLite
        updates: list[tuple[Any, ...]] = []
        written_raws: list[tuple[str, str]] = []  # (external id, record text)
        raw_ids: list[int] = []  # the event id of each written record text (SQLite)
        bumps: list[tuple[Any, ...]] = []
        restored: list[int] = []
        arrived: list[tuple[str, int]] = []
        counts = self.counts
        for place, (row, raw) in enumerate(zip(rows, raws, strict=True)):
            old = stored.get(row[ID_POSITION])
            if old is None:
                if self.sqlite:
                    inserts.append(row)
                    found.append(suggested[place] if suggested is not None else UNDECIDED)
                    raw_ids.append(self._next_id + len(inserts) - 1)
                else:
                    inserts.append((*row, self._stamp))
                if suggested is None or not self.sqlite:
                    counts.unsuggested += 1
                written_raws.append((row[ID_POSITION], raw))
                counts.added += 1
                newer = self.superseded(row[DATE_POSITION], row[COUNTRY_POSITION],
                                        row[RANK_POSITION]) if self.superseded else None
                if newer is not None:
                    arrived.append((row[ID_POSITION], newer))
                continue
            verdict = counts.judge_stored(row, old, differences(row, old),
                                          allow_older=self.allow_older)
            if verdict is StoredVerdict.TAKE_RANK:
                bumps.append((row[LABEL_POSITION], row[RANK_POSITION], old.id))
            if verdict in (StoredVerdict.KEEP, StoredVerdict.TAKE_RANK):
                continue
            updates.append((*(row[position] for position in _UPDATED_POSITIONS), old.id))
            written_raws.append((row[ID_POSITION], raw))
            raw_ids.append(old.id)
            if verdict is StoredVerdict.RESTORE:
                restored.append(old.id)
        counts.arrived_withdrawn += len(arrived)
        self._execute(inserts, found, updates, bumps, written_raws, raw_ids)
        self._set_statuses(restored, arrived)
        return len(inserts) + len(updates)

    def _insert_all(self, rows: Sequence[tuple[Any, ...]], raws: Sequence[str],
                    suggested: Sequence[Found] | None) -> int:
        """``write`` on SQLite for a batch of which no event is stored (every batch of a
        first import): every row inserted, in one pass over the batch instead of the
        row-by-row comparison (a third of the writing's own time). SQLite numbers them
        from ``_next_id`` on (``_insert`` makes sure): *ids*."""
        ids = range(self._next_id, self._next_id + len(rows))
        if suggested is None:
            self.counts.unsuggested += len(rows)
        self._insert(rows, suggested if suggested is not None else [UNDECIDED] * len(rows),
                     tally=self._tally)
        self._cursor.executemany(self._raw_sql, zip(ids, raws, strict=True))
        self.counts.added += len(rows)
        if self.superseded is not None:
            superseded = self.superseded
            arrived = [(row[ID_POSITION], newer) for row in rows if (newer := superseded(
                row[DATE_POSITION], row[COUNTRY_POSITION], row[RANK_POSITION])) is not None]
            self.counts.arrived_withdrawn += len(arrived)
            if arrived:
                self._tally = None  # withdrawn events are not counted
            self._set_statuses([], arrived)
        return len(rows)

    def _insert(self, rows: Sequence[tuple[Any, ...]], found: Sequence[Found | Undecided],
                *, tally: DayTally | None = None) -> None:
        """Insert new events, each with the category *found* for it (NewEventRows);
        SQLite numbers them from ``_next_id`` on. *tally* counts their days."""
        if not rows:
            return
        shape, inserts = self._new_rows.inserted(rows, found)
        self._cursor.executemany(shape.sql, inserts)
        if self._cursor.rowcount != len(inserts):  # a row whose tail was not found
            raise StorageError(f"{len(inserts) - self._cursor.rowcount} of {len(inserts)} "
                               "new events were not inserted; nothing was imported")
        self._next_id += len(inserts)
        # The ids the record texts are written under: SQLite gives the next after the
        # largest, unless the largest is already the last there is (it picks at random).
        last = self._cursor.execute("SELECT max(id) FROM battlefield_event").fetchone()[0]
        if last != self._next_id - 1:
            raise StorageError(
                f"the database numbered the new events up to {last}, not {self._next_id - 1} "
                "(its events already reach the largest number there is); nothing was "
                "imported, as their record texts could not be filed under the right events")
        if tally is not None:
            tally.add(inserts, shape.day_key(), shape.fatalities())

    def _stored(self, keys: list[str]) -> dict[str, StoredEvent]:
        """The stored events of *keys* in this dataset, by external id."""
        if not keys:
            return {}
        event = BattlefieldEvent
        columns = [event.id, event.external_id,
                   *(getattr(event, name) for name in COMPARED),
                   event.release_rank, event.record_status]
        if self.sqlite:
            names = ", ".join(column.key for column in columns)
            marks = ", ".join("?" for _ in keys)
            found = self._cursor.execute(
                f"SELECT {names} FROM battlefield_event WHERE dataset = ? "
                f"AND external_id IN ({marks})", (self.dataset, *keys)).fetchall()
        else:
            found = self.connection.execute(select(*columns).where(
                event.dataset == self.dataset, event.external_id.in_(keys))).all()
        return {row[1]: StoredEvent(row[0], tuple(row[2:-2]), row[-2], row[-1])
                for row in found}

    def _execute(self, inserts: list[tuple[Any, ...]], found: list[Found | Undecided],
                 updates: list[tuple[Any, ...]], bumps: list[tuple[Any, ...]],
                 raws: list[tuple[str, str]], raw_ids: list[int]) -> None:
        """Run what ``write`` found to do; *raws* are the (external id, record text) of
        the rows written, *raw_ids* (SQLite) their events' ids, *found* (SQLite) the
        category of each new row."""
        if self.sqlite:
            self._insert(inserts, found)
            if updates:
                self._cursor.executemany(self._update_sql, updates)
            if bumps:
                self._cursor.executemany(
                    "UPDATE battlefield_event SET source_release = ?, release_rank = ? "
                    "WHERE id = ?", bumps)
            if raws:
                self._cursor.executemany(self._raw_sql, zip(raw_ids, (text for _key, text in raws),
                                                            strict=True))
            return
        self._execute_core(inserts, updates, bumps, raws)

    def _set_statuses(self, restored: list[int], arrived: list[tuple[str, int]]) -> None:
        """Restored events current again; new events a newer release lacks, withdrawn
        (by key: their ids are new), with that release's rank."""
        event = cast(Table, BattlefieldEvent.__table__)
        if restored:
            self.connection.execute(
                update(event).where(event.c.id == bindparam("_id"))
                .values(record_status=RecordStatus.CURRENT.value,
                        status_changed_at=self._imported_at),
                [{"_id": event_id} for event_id in restored])
        if arrived:
            self.connection.execute(
                update(event).where(event.c.dataset == self.dataset,
                                    event.c.external_id == bindparam("_key"))
                .values(record_status=RecordStatus.WITHDRAWN.value,
                        status_changed_at=self._imported_at,
                        release_rank=bindparam("_rank")),
                [{"_key": key, "_rank": rank} for key, rank in arrived])

    def flush(self) -> None:
        """Nothing to wait for: each batch is written before ``write`` returns (PgBulkLoad
        merges the last one on a thread of its own)."""

    def close(self) -> None:
        """Give the connection back its CHECKs, page cache and sorter settings, whatever
        happened, then drop the new rows' tails."""
        if not self.sqlite:
            return
        if closed_under_us(self._cursor.connection):
            return  # its settings went with it (and the interrupt is what to raise)
        for name, value in self._restore:
            self._cursor.execute(f"PRAGMA {name}={int(value)}")
        try:
            self._new_rows.close()
        except sqlite3.OperationalError:
            # A read still open on the connection locks the table: left for the next
            # import to empty (NewEventRows), rather than hide what is being raised.
            log.warning("the import's temporary table of row tails was left", exc_info=True)
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
        rebuild_derived(self.connection, self._dropped, step_done, self._tally)

    def categorise_after_commit(self) -> bool:
        """Whether this load's new events may go in undecided, their categories left to
        the build after the commit (storage.deferred_categories): in bulk mode only,
        which is when there is such a build. Asked before the first row is written;
        ``finish_usable`` then notes the run's categories as pending."""
        self._categories_later = bool(self._dropped.statements)
        return self._categories_later

    def finish_usable(self) -> None:
        """Put back only what the events need to be browsed, counted and filtered (the
        day counts), and note the rest of what bulk mode dropped as pending, for
        storage.deferred_build to build after the caller's commit."""
        if self._dropped.statements:
            keep_usable(self.connection, self._dropped, self._tally,
                        categorise_run=self.run_id if self._categories_later else None)

# -- other databases: SQLAlchemy Core, RETURNING one row per row written ------------

    def _execute_core(self, inserts: list[tuple[Any, ...]], updates: list[tuple[Any, ...]],
                      bumps: list[tuple[Any, ...]], raws: list[tuple[str, str]]) -> None:
        # Imported here: the PostgreSQL dialect is 50 ms of start-up SQLite never needs.
        from sqlalchemy.dialects.postgresql import insert as pg_insert

        table = cast(Table, BattlefieldEvent.__table__)
        if inserts:
            self.connection.execute(insert(table), [_core_values(row) for row in inserts])
        if updates:
            self.connection.execute(
                update(table).where(table.c.id == bindparam("_id"))
                .values({name: bindparam(f"_{name}") for name in _UPDATED}),
                [{**{f"_{key}": value for key, value in
                     _core_values(row[:-1], _UPDATED).items()}, "_id": row[-1]}
                 for row in updates])
        if bumps:
            self.connection.execute(
                update(table).where(table.c.id == bindparam("_id"))
                .values(source_release=bindparam("_label"), release_rank=bindparam("_rank")),
                [{"_label": label, "_rank": rank, "_id": event_id}
                 for label, rank, event_id in bumps])
        if not raws:
            return
        event = BattlefieldEvent
        ids: dict[str, int] = {external_id: event_id for external_id, event_id in
                               self.connection.execute(select(event.external_id, event.id).where(
            event.dataset == self.dataset, event.import_run_id == self.run_id,
            event.external_id.in_([key for key, _text in raws])))}
        raw_table = cast(Table, BattlefieldEventRaw.__table__)
        statement = pg_insert(raw_table) if self.connection.dialect.name == "postgresql" \
            else sqlite_insert(raw_table)
        texts = [{"event_id": ids[key], "raw": text} for key, text in raws if key in ids]
        if texts:
            self.connection.execute(statement.on_conflict_do_update(
                index_elements=["event_id"], set_={"raw": statement.excluded.raw}), texts)


def _core_values(row: tuple[Any, ...],
                 names: Sequence[str] = _INSERTED) -> dict[str, Any]:
    """A row as SQLAlchemy's types expect it: dates as date objects, not ISO text, and
    instants as aware datetimes."""
    values = dict(zip(names, row, strict=True))
    for name in ("event_date", "event_date_end"):
        if isinstance(values.get(name), str):
            values[name] = date.fromisoformat(values[name])
    for name in ("imported_at", "first_imported_at"):
        if isinstance(values.get(name), str):
            values[name] = datetime.fromisoformat(values[name]).replace(tzinfo=UTC)
    return values


# Below this many written rows, autovacuum's own pass comes soon enough.
REFRESH_AFTER_ROWS = 1000


def refresh_planner_statistics(engine: Engine, written: int, *,
                               analysed: bool = False) -> None:
    """After a large import on PostgreSQL, VACUUM ANALYZE the events at once.

    Until autovacuum gets there, the planner works from the old row counts and the GIN
    index holds the new rows in its pending list, so a word search right after importing
    a file reads the whole table; and until a VACUUM marks the new pages all-visible, every
    count the window runs on an index (the day index, the type index) visits the table's
    pages too instead of the index alone. VACUUM cannot run inside a transaction: this runs
    after the import's commit, on a connection of its own, and its failure (a lost
    connection, say) is only logged: the rows are saved either way. SQLite needs nothing
    (its query plans do not depend on statistics we keep).

    *analysed*: the import's transaction has analysed the events after writing them
    (storage.pg_bulk_load's ``finish``; the statistics commit with it), so VACUUM alone
    is left to do: a second ANALYZE would sample the same rows again (a second at 300,000).
    """
    if engine.dialect.name != "postgresql" or written < REFRESH_AFTER_ROWS:
        return
    try:
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.execute(text("VACUUM battlefield_event" if analysed
                                    else "VACUUM ANALYZE battlefield_event"))
    except SQLAlchemyError:
        # The import is committed whatever happens here; autovacuum will get there.
        log.warning("VACUUM ANALYZE after the import failed", exc_info=True)
