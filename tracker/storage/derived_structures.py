"""What SQLite derives from the events table, dropped before a bulk load and built again once.

The secondary indexes of battlefield_event, its full-text index (FTS5, kept by triggers)
and the per-day counts (storage.day_counts, kept by triggers) all cost a little on every
row written. A bulk load (a large event import, storage.event_upsert; an archive restore,
services.exports.archive_import) drops them inside its transaction and builds them at the end:
one sort per index, one FTS5 rebuild and one count cost a fraction of keeping a dozen
B-trees, the text index and the counts up to date row by row (31 s instead of 144 s for a
million rows). DDL is transactional in SQLite, so a cancelled or failed load gets them
all back on rollback. An import that commits its events first (storage.deferred_build)
puts back only the day counts before its commit and builds the rest after it.

On PostgreSQL storage.pg_derived drops the indexes and disables the counts' triggers
instead (no FTS5 there: its tsvector index is one of the indexes); on other databases
nothing is dropped.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy import Connection, text

from tracker.storage import map_cells, pg_derived
from tracker.storage.day_counts import TRIGGER_PREFIX
from tracker.storage.day_tally import DayTally, count_days
from tracker.storage.full_text_build import rebuild_full_text

EVENTS_TABLE = "battlefield_event"
# Triggers that maintain derived data: the full-text index's and the day counts'. Other
# triggers on the table (none today) keep rules, and are never dropped.
DERIVED_TRIGGERS = ("battlefield_event_fts_", TRIGGER_PREFIX, map_cells.TRIGGER_PREFIX)


@dataclass(slots=True)
class DroppedStructures:
    """The CREATE statements of what ``drop_derived`` dropped, in sqlite_master's order."""

    statements: list[str] = field(default_factory=list)

    @property
    def build_steps(self) -> int:
        """How many builds ``rebuild_derived`` reports: the full-text index and the day
        counts (one step), then each index (seconds each at a million rows)."""
        if not self.statements:
            return 0
        return 1 + sum(_is_index(sql) for sql in self.statements)


def drop_derived(connection: Connection, *, records: bool = False) -> DroppedStructures:
    """Drop battlefield_event's secondary indexes and derived triggers, in the caller's
    transaction; return what to build again (PostgreSQL: storage.pg_derived, where a load
    that writes record texts, *records*, also drops their foreign key)."""
    dropped = DroppedStructures()
    if connection.dialect.name == "postgresql":
        dropped.statements.extend(pg_derived.switch_off(connection, records=records))
        return dropped
    if connection.dialect.name != "sqlite":
        return dropped
    found = connection.execute(text(
        "SELECT type, name, sql FROM sqlite_master WHERE tbl_name = :table "
        "AND type IN ('index', 'trigger') AND sql IS NOT NULL"), {"table": EVENTS_TABLE}).all()
    for kind, name, sql in found:
        if kind == "trigger" and not name.startswith(DERIVED_TRIGGERS):
            continue
        connection.exec_driver_sql(f'DROP {kind.upper()} "{name}"')
        dropped.statements.append(sql)
    return dropped


def rebuild_derived(connection: Connection, dropped: DroppedStructures,
                    step_done: Callable[[int], None] | None = None,
                    tally: DayTally | None = None) -> None:
    """Build again what *dropped* names, from the rows now in the table (the day counts
    from *tally* when the load kept one: storage.day_tally); the caller commits.

    *step_done* is called with the number of builds finished after each one (a progress
    display shows them; it may raise to cancel, which rolls the whole load back).
    """
    if not dropped.statements:
        return
    if connection.dialect.name == "sqlite":
        rebuild_full_text(connection)
    # Before the indexes: one sorted pass over the table, while the page cache is warm.
    count_days(connection, tally)
    map_cells.recount(connection)
    done = 1
    if step_done is not None:
        step_done(done)
    for sql in dropped.statements:
        connection.exec_driver_sql(sql)
        if _is_index(sql):
            done += 1
            if step_done is not None:
                step_done(done)
    dropped.statements.clear()


def _is_index(sql: str) -> bool:
    return sql.upper().startswith("CREATE INDEX")
