"""Writing imported events into PostgreSQL at COPY speed: stage, compare, merge, set-based.

The row-by-row path (storage.event_upsert's SQLAlchemy Core branch) spent two thirds of a
PostgreSQL import waiting on batched ``INSERT … ON CONFLICT … RETURNING`` (2,257 rows/s;
issue 19). Here each batch the reader hands over is:

1. copied (psycopg 3's ``COPY … FROM STDIN``) into a temporary staging table whose columns
   are battlefield_event's own, plus the row's place in the batch and its record text;
2. joined once with the stored events on the (dataset, external_id) key: which rows are
   new, and which stored ones differ in any compared field (``IS DISTINCT FROM``, the
   fields storage.event_compare compares);
3. decided in Python for the rows that matched only, with the same rules as the SQLite
   path (event_compare.differences and is_older: an older release is skipped and its
   differences reported unless allowed, a withdrawn event told again is restored, the same
   values told by a newer release take its rank); the rows that differ are read back
   once, by id, for the report's field changes;
4. merged in a few statements: new rows inserted (those a newer release, imported before,
   lacks arriving withdrawn: ``superseded`` from services.imports.withdrawing, asked for
   the new rows only), changed rows updated from the stage, record texts upserted.

The merge of a batch runs on a thread of its own while the caller reads the next batch:
the server spends about twice as long merging a batch (the tsvector, the keys, the
record texts) as Python takes to read, check and convert one, and both used to wait for
each other. Only one merge is ever under way, on the one connection, in order: the next
``write`` (or ``flush``, ``finish``, ``close``) waits for it first and raises what it
raised, so every statement still runs in the caller's transaction, in the same order.

Given the batch's suggestions (the import gives them: services.targets.suggest_ahead)
each new row goes in with the target category the rules suggest, so the rule pass that
follows the load does not rewrite every row it just wrote (on PostgreSQL an UPDATE
writes a new row version and computes its tsvector again).

A load that is large beside the table runs in bulk mode (storage.pg_derived through
storage.derived_structures): secondary indexes and the record texts' foreign key dropped
and the day-count and map-cell triggers off inside the transaction, recounted, rebuilt and
added once by ``finish``; a load smaller than that but at least TRIGGERS_OFF_SHARE of the
table switches the triggers alone off (storage.pg_derived: they cost milliseconds a row).
Everything is in the caller's transaction: a failure or a cancel rolls it all back.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor, wait
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection

from tracker.domain.target_rules import Found
from tracker.storage import pg_derived
from tracker.storage.counted_events import RecordStatus
from tracker.storage.derived_structures import DroppedStructures, drop_derived, rebuild_derived
from tracker.storage.event_compare import (
    COMPARED,
    COUNTRY_POSITION,
    DATE_POSITION,
    ID_POSITION,
    RANK_POSITION,
    ROW_COLUMNS,
    StoredEvent,
    differences,
)
from tracker.storage.event_upsert import Superseded, count_all
from tracker.storage.suggested_category import SUGGESTED_COLUMNS, with_suggestion
from tracker.storage.withdrawals import start_seen
from tracker.storage.write_counts import StoredVerdict, WriteCounts

STAGE = "import_stage"
_KEY = ("dataset", "external_id")
# An update rewrites what the dataset says, never the analyst's own target category.
_UPDATED = tuple(name for name in ROW_COLUMNS if name not in (*_KEY, "target_category"))
_COLUMNS = ", ".join(ROW_COLUMNS)
_JOIN = "e.dataset = s.dataset AND e.external_id = s.external_id"
_DIFFERS = " OR ".join(f"s.{name} IS DISTINCT FROM e.{name}" for name in COMPARED)
# A statement and its parameters, run by the merge thread.
_Statement = tuple[str, "Sequence[Any] | dict[str, Any] | None"]
# As storage.event_upsert decides bulk mode: new rows at least half the table, and many.
_BULK_ROWS = 10_000
_BULK_SHARE = 0.5


class PgBulkLoad:
    """Writes batches of event rows (``ROW_COLUMNS`` order) through a staging table, on
    one connection's transaction; the same interface and counts as EventUpsert."""

    def __init__(self, connection: Connection, *, dataset: str, run_id: int,
                 imported_at: datetime, expected_new_rows: int, allow_older: bool = False,
                 superseded: Superseded | None = None, track_seen: bool = False,
                 nothing_stored: bool = False) -> None:
        self.connection = connection
        # The dataset had no event when the import began: no row can match a stored one
        # (the reader refuses an id the file repeats, and the import holds the dataset:
        # storage.dataset_lock), so none is looked up.
        self.nothing_stored = nothing_stored
        self.dataset = dataset
        self.run_id = run_id
        self.allow_older = allow_older
        self.superseded = superseded
        self.track_seen = track_seen
        self.counts = WriteCounts()
        # Whether ``finish`` analysed the events (the import's VACUUM then skips ANALYZE).
        self.analysed = False
        self._stamp = imported_at.astimezone(UTC)
        self.constants: tuple[object, ...] = (dataset, run_id, self._stamp, "")
        if track_seen:
            start_seen(connection)
        driver = connection.connection.driver_connection
        assert driver is not None
        self._cursor = driver.cursor()
        # One merge at a time, overlapping the caller's reading of the next batch: psycopg
        # lets go of the GIL while the server works.
        self._merger = ThreadPoolExecutor(max_workers=1, thread_name_prefix="pg-merge")
        self._merging: Future[None] | None = None
        # The stage has battlefield_event's own column types: COPY converts the text once,
        # and the comparison is between values of the same type.
        self._cursor.execute(
            f"CREATE TEMPORARY TABLE {STAGE} ON COMMIT DROP AS "
            f"SELECT 0 AS ord, {_COLUMNS}, {', '.join(SUGGESTED_COLUMNS)}, ''::text AS raw "
            "FROM battlefield_event WITH NO DATA")
        # Bulk mode as on SQLite (indexes and triggers) for a load at least half the
        # table; the triggers alone off for a smaller one they would slow down.
        existing = count_all(connection)
        self._dropped = DroppedStructures()
        if expected_new_rows >= _BULK_ROWS and expected_new_rows >= existing * _BULK_SHARE:
            self._dropped = drop_derived(connection, records=True)
        elif pg_derived.triggers_pay_off(expected_new_rows, existing):
            self._dropped.statements.extend(pg_derived.switch_off(connection, indexes=False))

    def write(self, rows: Sequence[tuple[Any, ...]],
              raws: Sequence[str],
              suggested: Sequence[Found] | None = None) -> int:
        """Compare *rows* with the stored events and write what differs, with the record
        texts of the rows written; returns how many were inserted or changed.

        *raws* are the record texts, one per row, in the same order;
        *suggested*, when given, the category the rules suggest for each (a new row goes
        in with it, decided at the import's instant; without, it is left undecided).
        """
        if not rows:
            return 0
        # The stage rows (with their suggested categories) are made while the last
        # batch's merge may still run; the stage is that batch's until its merge is done.
        staged = self._stage_rows(rows, raws, suggested)
        self.flush()
        self._stage(staged)
        matched = [] if self.nothing_stored else self._matched(rows)
        stored = self._stored([event_id for _, event_id, _, _, differs in matched if differs])
        updates: list[int] = []
        bumps: list[int] = []
        restored: list[int] = []
        for place, event_id, rank, status, differs in matched:
            self._decide(rows[place], place, StoredEvent(event_id, stored.get(event_id, ()),
                                                        rank, status),
                         differs, updates, bumps, restored)
        added = len(rows) - len(matched)
        self.counts.added += added
        merge = [self._insert(rows, {place for place, *_ in matched})] if added else []
        merge.extend(self._update(updates, bumps, restored))
        if self.track_seen:
            merge.append((f"INSERT INTO import_seen (external_id) SELECT external_id "
                          f"FROM {STAGE} ON CONFLICT DO NOTHING", None))
        self._merging = self._merger.submit(self._run, merge)
        return added + len(updates)

    def _matched(self, rows: Sequence[tuple[Any, ...]]) -> list[tuple[int, int, Any, str, bool]]:
        """The staged rows whose event is stored: (place, id, rank, status, differs)."""
        # The keys as an array too: the planner, which knows nothing of the stage's size,
        # then probes the unique key instead of scanning the events.
        return self._cursor.execute(
            f"SELECT s.ord, e.id, e.release_rank, e.record_status, ({_DIFFERS}) "
            f"FROM battlefield_event e JOIN {STAGE} s ON {_JOIN} "
            "WHERE e.dataset = %s AND e.external_id = ANY(%s::varchar[])",
            (self.dataset, [row[ID_POSITION] for row in rows])).fetchall()

    def _run(self, statements: list[_Statement]) -> None:
        for sql, parameters in statements:
            self._cursor.execute(sql, parameters)

    def flush(self) -> None:
        """Wait for the last batch's merge; raise what it raised (the transaction is
        then aborted, and the caller rolls it back)."""
        merging, self._merging = self._merging, None
        if merging is not None:
            merging.result()

    def _stage_rows(self, rows: Sequence[tuple[Any, ...]],
                    raws: Sequence[str],
                    suggested: Sequence[Found] | None) -> list[tuple[Any, ...]]:
        """The stage's rows: place, columns (the suggested category in), record text."""
        stamp = self._stamp
        if suggested is None:
            # All the batch's rows: which of them are new is known only once merged.
            self.counts.unsuggested += len(rows)
            return [(place, *row, None, None, None, None, raw)
                    for place, (row, raw) in enumerate(zip(rows, raws, strict=True))]
        staged = []
        for place, (row, raw, found) in enumerate(zip(rows, raws, suggested, strict=True)):
            categorised, decided = with_suggestion(row, found, stamp)
            staged.append((place, *categorised, *decided, raw))
        return staged

    def _stage(self, staged: list[tuple[Any, ...]]) -> None:
        self._cursor.execute(f"TRUNCATE {STAGE}")
        with self._cursor.copy(
                f"COPY {STAGE} (ord, {_COLUMNS}, {', '.join(SUGGESTED_COLUMNS)}, raw) FROM STDIN"
        ) as copy:
            for row in staged:
                copy.write_row(row)

    def _stored(self, ids: list[int]) -> dict[int, tuple[Any, ...]]:
        """The compared fields of the stored events that differ, by id (for the report)."""
        if not ids:
            return {}
        found = self._cursor.execute(
            f"SELECT id, {', '.join(COMPARED)} FROM battlefield_event WHERE id = ANY(%s)",
            (ids,)).fetchall()
        return {row[0]: tuple(row[1:]) for row in found}

    def _decide(self, row: tuple[Any, ...], place: int, old: StoredEvent, differs: bool,
                updates: list[int], bumps: list[int], restored: list[int]) -> None:
        """What to do with a row whose event is stored (the SQLite path's rules)."""
        verdict = self.counts.judge_stored(row, old, differences(row, old) if differs else [],
                                           allow_older=self.allow_older)
        if verdict is StoredVerdict.TAKE_RANK:
            bumps.append(place)
        if verdict in (StoredVerdict.KEEP, StoredVerdict.TAKE_RANK):
            return
        updates.append(place)
        if verdict is StoredVerdict.RESTORE:
            restored.append(old.id)

    def _insert(self, rows: Sequence[tuple[Any, ...]], matched: set[int]) -> _Statement:
        """The insert of the staged rows whose key is new, in the file's order; those a
        newer release already imported lacks arrive withdrawn, with that release's rank."""
        keys: list[str] = []
        ranks: list[int] = []
        if self.superseded is not None:
            for place, row in enumerate(rows):
                if place in matched:
                    continue
                newer = self.superseded(row[DATE_POSITION], row[COUNTRY_POSITION],
                                        row[RANK_POSITION])
                if newer is not None:
                    keys.append(row[ID_POSITION])
                    ranks.append(newer)
        self.counts.arrived_withdrawn += len(keys)
        chosen = [f"coalesce(a.rank, s.{name})" if name == "release_rank" else f"s.{name}"
                  for name in ROW_COLUMNS]
        new_only = "" if not matched else (
            f"WHERE NOT EXISTS (SELECT 1 FROM battlefield_event e WHERE {_JOIN}) ")
        suggested = ", ".join(SUGGESTED_COLUMNS)
        staged = ", ".join(f"s.{name}" for name in SUGGESTED_COLUMNS)
        # The record texts go in by the ids the insert returns: no second look-up by key.
        return (
            f"WITH inserted AS (INSERT INTO battlefield_event ({_COLUMNS}, "
            f"{suggested}, first_imported_at, record_status, status_changed_at) "
            f"SELECT {', '.join(chosen)}, {staged}, %(at)s, "
            f"CASE WHEN a.rank IS NULL THEN %(current)s ELSE %(withdrawn)s END, "
            f"CASE WHEN a.rank IS NULL THEN NULL ELSE %(at)s END FROM {STAGE} s "
            "LEFT JOIN unnest(%(keys)s::varchar[], %(ranks)s::bigint[]) AS a(key, rank) "
            f"ON a.key = s.external_id {new_only}ORDER BY s.ord "
            "RETURNING id, external_id) "
            "INSERT INTO battlefield_event_raw (event_id, raw) SELECT i.id, s.raw "
            f"FROM inserted i JOIN {STAGE} s ON s.external_id = i.external_id",
            {"at": self._stamp, "current": RecordStatus.CURRENT.value,
             "withdrawn": RecordStatus.WITHDRAWN.value, "keys": keys, "ranks": ranks})

    def _update(self, updates: list[int], bumps: list[int],
                restored: list[int]) -> list[_Statement]:
        """The statements that rewrite the changed rows from the stage, give the same
        values told again their new rank, and make withdrawn events told again current."""
        statements: list[_Statement] = []
        if updates:
            values = ", ".join(f"{name} = s.{name}" for name in _UPDATED)
            statements.append((
                f"WITH updated AS (UPDATE battlefield_event e SET {values} FROM {STAGE} s "
                f"WHERE {_JOIN} AND s.ord = ANY(%s) RETURNING e.id, s.raw) "
                "INSERT INTO battlefield_event_raw (event_id, raw) SELECT id, raw "
                "FROM updated ON CONFLICT (event_id) DO UPDATE SET raw = excluded.raw",
                (updates,)))
        if bumps:
            statements.append((
                "UPDATE battlefield_event e SET source_release = s.source_release, "
                f"release_rank = s.release_rank FROM {STAGE} s "
                f"WHERE {_JOIN} AND s.ord = ANY(%s)", (bumps,)))
        if restored:
            statements.append((
                "UPDATE battlefield_event SET record_status = %s, status_changed_at = %s "
                "WHERE id = ANY(%s)", (RecordStatus.CURRENT.value, self._stamp, restored)))
        return statements

    def close(self) -> None:
        """Wait for a merge still under way (its error, if any, is the transaction's,
        which the caller is rolling back or has raised already), then let go."""
        if self._merging is not None:
            wait([self._merging])
            self._merging = None
        self._merger.shutdown()
        self._cursor.close()

    @property
    def rebuild_steps(self) -> int:
        """How many builds ``finish`` runs: the recount, then each dropped index."""
        return self._dropped.build_steps

    def categorise_after_commit(self) -> bool:
        """Never on PostgreSQL: nothing is built after its commit, so the rules run in
        the load (storage.event_upsert's counterpart)."""
        return False

    def finish_usable(self) -> None:
        """What an import that commits once usable calls: on PostgreSQL nothing is left
        for after the commit (storage.deferred_build is SQLite's), so all is built now."""
        self.finish()

    def finish(self, step_done: Callable[[int], None] | None = None) -> None:
        """Recount and build again what bulk mode switched off; the caller then commits.

        The seen ids and the events then get statistics: a temporary table has none, and
        the events' are those of the table before the load; without them the planner
        joined the withdrawal test (storage.withdrawals.unseen) row by row against every
        seen id (over ten minutes at 100,000 rows).
        """
        self.flush()
        rebuild_derived(self.connection, self._dropped, step_done)
        if self.track_seen:
            self._cursor.execute("ANALYZE import_seen")
        if self.counts.added >= _BULK_ROWS:
            self._cursor.execute("ANALYZE battlefield_event")
            self.analysed = True
