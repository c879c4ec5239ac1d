"""The first rows of a place filter, read by walking the sort index (issue 19, SQLite).

Testing each event against the list of every event in a place makes SQLite build that
list first: the 166,480 events in or around Kharkiv of a million, 40 ms before the first
row, when a screen needs 64 of them. Whether an event is in the place depends on its
location, district and region alone (the place is matched in those three columns), and
the events of one page share few of them. So the walk reads the events in the order of
the page, under the other conditions, asks the full-text index about each new
(location, district, region) once, for one of its events, and stops at a full page: the
same rows, in the same order, as the list would give, after reading only the rows the
page's own plan reads.

A place that is rare where the walk goes fills no page in WALK_ROWS rows, and one where
every event has its own place asks too often (MAX_PLACES): both give way to the list,
which is quick for a rare place. So does an order SQLite would sort rather than read
off an index, which the walk would sort in full before its first row.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, Select, select, text
from sqlalchemy.orm import Session

from tracker.services.common.views import EventRow

# Rows a first page walks before it gives way to the list of the place's events.
WALK_ROWS = 4_000
# Distinct (location, district, region) a walk asks the index about before it gives way.
MAX_PLACES = 256

_IN_PLACE = text("SELECT 1 FROM battlefield_event_fts "
                 "WHERE battlefield_event_fts MATCH :place AND rowid = :event_id")
_PLACE_COLUMNS = ("location", "admin1", "admin2")


def first_page_in_place(session: Session, columns: list[Any],
                        conditions: list[ColumnElement[bool]], order: list[Any],
                        place_query: str, limit: int) -> list[EventRow] | None:
    """The first *limit* rows (EventRow *columns*) in *order* that meet *conditions* and
    whose place matches the FTS5 *place_query*, or None where the walk gives way.

    *place_query* must test the location, district and region columns alone, on an index
    that is current (``require_search``)."""
    walk = select(*columns).where(*conditions).order_by(*order).limit(WALK_ROWS)
    if sorts_in_full(session, walk):
        return None
    names = [column.key for column in columns]
    where = [names.index(name) for name in _PLACE_COLUMNS]
    verdicts: dict[tuple[Any, ...], bool] = {}
    rows: list[EventRow] = []
    walked = 0
    connection = session.connection()
    result = connection.execute(walk)
    try:
        for values in result:  # stepped one row at a time: the walk stops at a page
            walked += 1
            place = tuple(values[index] for index in where)
            inside = verdicts.get(place)
            if inside is None:
                if len(verdicts) >= MAX_PLACES:
                    return None
                inside = connection.execute(
                    _IN_PLACE, {"place": place_query, "event_id": values[0]},
                ).first() is not None
                verdicts[place] = inside
            if inside:
                rows.append(EventRow(*values))
                if len(rows) >= limit:
                    return rows
    finally:
        result.close()
    # Fewer rows than the walk's bound: every event under the conditions was read.
    return rows if walked < WALK_ROWS else None


def sorts_in_full(session: Session, walk: Select[Any]) -> bool:
    """Whether SQLite would sort the walk's rows (a temporary B-tree for the ORDER BY)
    rather than read them in order off an index; the plan, not the values, is asked."""
    compiled = walk.compile(session.get_bind(),
                            compile_kwargs={"render_postcompile": True})
    unbound = (None,) * len(compiled.positiontup or ())
    plan = session.connection().exec_driver_sql(f"EXPLAIN QUERY PLAN {compiled}", unbound)
    return any("TEMP B-TREE" in str(row[-1]) for row in plan)
