"""The per-day counts of a first load, tallied as its rows go in (issue 19).

A bulk import drops the day-count triggers and counts every day again from the events
before its commit (storage.day_counts ``recount``): one GROUP BY over the whole table,
about 1.9 s of a million rows, all of it between the last row written and the events
being usable. When the table was empty before the load, and every row the load wrote was
inserted, current, and with the category it keeps, the counts are exactly those of the
rows it inserted. The writer (storage.event_upsert) hands them here as it inserts them,
and the tally costs a fraction of the recount (Counter counts the keys in C).

Anything else a load does to the events (a row written over a stored one, a new event
withdrawn on arrival, a row left to the rule pass, which then decides its category) makes
the tally stale: the writer then drops it, and the counts are recounted as before.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy import Connection

from tracker.storage.day_counts import DAY_COUNT_COLUMNS, recount


class DayTally:
    """The day counts of the rows inserted so far."""

    def __init__(self, category_of: Callable[[Any], str]) -> None:
        self._category_of = category_of
        self._events: Counter[tuple[Any, ...]] = Counter()
        self._deaths: Counter[tuple[Any, ...]] = Counter()

    def add(self, rows: Sequence[tuple[Any, ...]], key: Callable[[tuple[Any, ...]], Any],
            fatalities: int | None) -> None:
        """Count *rows*, inserted as current events (the table's default status): *key*
        gives a row's day, event type, what *category_of* tells its target category by
        (storage.new_event_rows: the id of the row's tail) and date precision, and its
        fatalities are at *fatalities* (None: no row has any)."""
        self._events.update(map(key, rows))
        if fatalities is None:
            return
        deaths = self._deaths
        for row in rows:
            # None (unknown) counts as none, as the recount's coalesce(sum(...), 0).
            if row[fatalities]:
                deaths[key(row)] += row[fatalities]

    def write(self, connection: Connection) -> None:
        """Replace the day counts with the tally; in the load's transaction. The events
        carry no injuries on import: 0, as the recount sums them."""
        events: Counter[tuple[Any, ...]] = Counter()
        deaths: Counter[tuple[Any, ...]] = Counter()
        category_of = self._category_of
        # Two tails may hold one category (two rules of it): their counts add up.
        for (day, kind, category, precision), counted in self._events.items():
            key = (day, kind, category_of(category), precision)
            events[key] += counted
            deaths[key] += self._deaths[day, kind, category, precision]
        connection.exec_driver_sql("DELETE FROM event_day_count")
        if not events:  # every record rejected: nothing inserted
            return
        connection.exec_driver_sql(
            f"INSERT INTO event_day_count ({DAY_COUNT_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, 0)",
            [(*key, counted, deaths[key]) for key, counted in events.items()])


def count_days(connection: Connection, tally: DayTally | None) -> None:
    """The day counts after a bulk load: from *tally* when the writer kept one, else
    counted again from the events."""
    if tally is None:
        recount(connection)
    else:
        tally.write(connection)
