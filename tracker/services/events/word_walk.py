"""The first rows of a search for words, read by walking the sort index and asking the
full-text index about each event in turn (issue 19, SQLite).

Testing each event against the list of every match makes SQLite build that list before
its first row: the 166,480 events of a million that name Kharkiv, about 35 ms, when a
screenful needs 64 of them. Asking the index whether it holds one event (FTS5 with its
rowid given) costs about 15 µs: where one event in six names the words, the first 400
events in order hold a screenful, found in about 6 ms. The walk is one statement whose
rows each carry that question (a correlated EXISTS), read a row at a time, so the
questions stop with the page.

For rarer words the walk would go on for long (one event in seventy: 4,500 questions,
70 ms, for 64 rows), while the list of their matches is short and quick to build. So
the walk gives way as soon as it falls behind a pace of one row found in PACE entries,
by more than SLACK entries, and where SQLite would sort the rows rather than read them
off an index (``place_walk.sorts_in_full``): the caller then reads the page the usual
way. A walk that gives way has cost a few milliseconds.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, column, exists, literal_column, select, table, text
from sqlalchemy.orm import Session

from tracker.services.common.views import EventRow
from tracker.services.events.place_walk import sorts_in_full

# Entries of the walk it may take, on average, to find one row. At this pace a
# screenful costs 64 × 8 questions of ~15 µs, about 8 ms: what the list costs for some
# 40,000 matches (~0.2 µs each), while words this common have 125,000 in a million.
PACE = 8
# How far the walk may fall behind that pace before it gives way: chance runs of events
# without the words at its start (one in six, say) stay well within it.
SLACK = 64

_FULL_TEXT = table("battlefield_event_fts", column("rowid"))
_MATCHES = text("battlefield_event_fts MATCH :words")


def first_rows_probed(session: Session, columns: list[Any],
                      conditions: list[ColumnElement[bool]], order: list[Any],
                      words_query: str, limit: int) -> list[EventRow] | None:
    """The first *limit* rows (EventRow *columns*, the id first) in *order* that meet
    *conditions* and match the FTS5 *words_query*, or None where the walk gives way.

    The walk reads ids alone, off the sort index itself where it covers them; only the
    rows found are then read from the table. *words_query* must be a query of an index
    that is current (``require_search``)."""
    event_id = columns[0]
    # Correlated: the subquery names the walked event's id, one question per entry.
    has_words = exists(select(literal_column("1")).select_from(_FULL_TEXT)
                       .where(_MATCHES.bindparams(words=words_query),
                              _FULL_TEXT.c.rowid == event_id))
    budget = limit * PACE + SLACK
    walk = select(event_id, has_words).where(*conditions).order_by(*order).limit(budget)
    if sorts_in_full(session, walk):
        return None
    found = _walk(session, walk, limit, budget)
    if found is None:
        return None
    rows = {values[0]: values for values in session.execute(
        select(*columns).where(event_id.in_(found)))}
    return [EventRow(*rows[found_id]) for found_id in found if found_id in rows]


def _walk(session: Session, walk: Any, limit: int, budget: int) -> list[int] | None:
    """The ids of the first *limit* matches of *walk* (which reads at most *budget*
    entries), or None where it falls behind."""
    found: list[int] = []
    walked = 0
    result = session.connection().execute(walk)
    try:
        for found_id, matches in result:  # stepped one row at a time: stops at a page
            walked += 1
            if matches:
                found.append(found_id)
                if len(found) >= limit:
                    return found
            elif walked - PACE * len(found) > SLACK:
                return None
    finally:
        result.close()
    # Fewer entries than the budget: every event under the conditions was asked about.
    return found if walked < budget else None
