"""What the rules find for an import run's events, read beside the build after its commit.

An import that commits once usable leaves its events' categories to the build after
(storage.deferred_categories). A second process (services.imports.categories_ahead)
reads the run's committed events from the file while the build writes other structures
(WAL lets it), applies the rules, and notes how each counted event moves between the
per-day counts: from its category as read ("" for an undecided one) to the one the rules
give it. The categories step then writes the suggestions and adds those moves to the
day counts, instead of counting every day again from the events: the recount read the
whole table through the write-ahead log that the step's own UPDATE had just filled
(about 5 s at a million events).

The moves are right only if the step writes exactly the events that were read. It
checks that it wrote as many as were read; otherwise the caller counts the days again.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Connection

from tracker.domain.target_rules import RuleSet
from tracker.storage.counted_events import RecordStatus
from tracker.storage.rule_pass import (
    PAGE,
    decision_stamp,
    open_pages,
    stage,
    start_staging,
    write_staged,
)

# The event's id and the rules' four fields (as storage.rule_pass reads them), then
# what places it in the per-day counts (storage.day_counts).
_COLUMNS = ("id, summary, sub_event_type, actor1, actor2, event_date, event_type, "
            "date_precision, fatalities, injuries, record_status, target_category")
_CURRENT = RecordStatus.CURRENT.value
_UNKNOWN = "unknown"  # what the rule pass writes where no rule matched


@dataclass(frozen=True, slots=True)
class RunFound:
    """What the rules found for one run: *suggestions* (event id, category, rule,
    confidence) where a rule matched; how many open events were *examined*; and
    *day_moves*, the per-day counts' changes (day, event type, category, precision,
    events, fatalities, injuries), net, each key once."""

    suggestions: list[tuple[Any, ...]]
    examined: int
    day_moves: list[tuple[Any, ...]]


def found_in_file(path: str, run_id: int, rules: RuleSet) -> RunFound:
    """Apply *rules* to run *run_id*'s open events in the SQLite file *path*, read-only
    through a connection of its own; in id order, a page at a time."""
    suggestions: list[tuple[Any, ...]] = []
    moves: defaultdict[tuple[Any, ...], list[int]] = defaultdict(lambda: [0, 0, 0])
    examined = 0
    # As a URI, so that a path holding "?", "#" or "%" is the file's name.
    reader = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True)
    try:
        for page in open_pages(lambda sql, values: reader.execute(sql, values).fetchall(),
                               "?", run_id, _COLUMNS):
            found = rules.found_all([(row[1], row[2], row[3], row[4]) for row in page])
            for row, hit in zip(page, found, strict=True):
                if hit is not None:
                    suggestions.append((row[0], *hit))
                category = hit[0] if hit is not None else _UNKNOWN
                if row[10] == _CURRENT and category != row[11]:
                    day, kind, precision = row[5], row[6], row[7]
                    deaths, injuries = row[8] or 0, row[9] or 0
                    _move(moves[day, kind, row[11], precision], -1, -deaths, -injuries)
                    _move(moves[day, kind, category, precision], 1, deaths, injuries)
            examined += len(page)
    finally:
        reader.close()
    return RunFound(suggestions, examined,
                    [(*key, *sums) for key, sums in moves.items() if any(sums)])


def _move(sums: list[int], events: int, deaths: int, injuries: int) -> None:
    sums[0] += events
    sums[1] += deaths
    sums[2] += injuries


def apply_found(connection: Connection, run_id: int, found: RunFound) -> bool:
    """Write *found*'s suggestions, and make every other open event of the run 'unknown',
    as the rule pass does; in the caller's transaction. Returns whether exactly the
    events that were read were written: only then do *found*'s day moves hold."""
    stamp = decision_stamp(connection)
    start_staging(connection)
    for start in range(0, len(found.suggestions), PAGE):
        stage(connection, found.suggestions[start:start + PAGE])
    return write_staged(connection, run_id, stamp) == found.examined


def move_day_counts(connection: Connection, moves: list[tuple[Any, ...]]) -> None:
    """Add *moves* (RunFound.day_moves) to the per-day counts, and drop the rows left
    with no event, as the counts' own triggers do; in the caller's transaction."""
    if not moves:
        return
    connection.exec_driver_sql(
        "INSERT INTO event_day_count (day, event_type, target_category, date_precision, "
        "events, fatalities, injuries) VALUES (?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (day, event_type, target_category, date_precision) DO UPDATE SET "
        "events = events + excluded.events, fatalities = fatalities + excluded.fatalities, "
        "injuries = injuries + excluded.injuries", moves)
    connection.exec_driver_sql("DELETE FROM event_day_count WHERE events = 0")
