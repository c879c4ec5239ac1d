"""Where one event sits in the filtered, sorted Events table, counted in SQL.

``EventsView.select_event`` must scroll to an event among a million rows without reading
them: the row number is the count of filtered rows that ``fetch_events`` orders before
the event, i.e. a keyset comparison on (sort column, id) under the same NULL rule.

NOTE: this is service-level SQL kept in the UI layer until ``tracker.services.events``
offers it (it needs that module's filter conditions, hence the private import); it has
no Qt and moves there unchanged.
"""

from __future__ import annotations

from sqlalchemy import ColumnElement, and_, false, func, or_, select, true
from sqlalchemy.orm import Session

from tracker.domain.events import BattlefieldEvent
from tracker.services.events import SORTABLE, EventFilter
from tracker.services.events import _conditions as filter_conditions

# Columns fetch_events sorts with unknown values last in both directions.
_NULLS_LAST = ("fatalities", "injuries")


def event_position(
    session: Session, flt: EventFilter, event_id: int, *, sort: str = "event_date",
    descending: bool = False,
) -> int | None:
    """The 0-based row of *event_id* under *flt* and the sort, or None if it is filtered out."""
    if sort not in SORTABLE:
        raise ValueError(f"Cannot sort events by {sort!r}")
    event = BattlefieldEvent
    conditions = filter_conditions(session, flt)
    column = getattr(event, sort)
    found = session.execute(
        select(event.id, column).where(event.id == event_id, *conditions)
    ).first()
    if found is None:
        return None
    value = found[1]
    before = _sorts_before(column, value, event_id, descending=descending,
                           nulls_last=sort in _NULLS_LAST)
    count = session.scalar(select(func.count(event.id)).where(before, *conditions))
    return count or 0


def _sorts_before(
    column: ColumnElement[object], value: object, event_id: int, *, descending: bool,
    nulls_last: bool,
) -> ColumnElement[bool]:
    """Rows ordered before (value, event_id) by ``column``, then id, in one direction."""
    identity = BattlefieldEvent.id
    id_before = identity > event_id if descending else identity < event_id
    if value is None:
        # Only nullable columns hold None; every known value comes first, then the
        # unknown ones by id.
        known = column.is_not(None) if nulls_last else false()
        return or_(known, and_(column.is_(None), id_before))
    value_before = column > value if descending else column < value
    known_first = column.is_not(None) if nulls_last else true()
    return and_(known_first, or_(value_before, and_(column == value, id_before)))
