"""Battlefield events: filtered counts and pages in SQL, never the whole table in Python.

The Events view asks for the rows it shows (``fetch_events`` with an offset and a limit)
and for the total (``count_events``); sorting and filtering are ORDER BY and WHERE over
the indexes in the schema, and free text goes through the FTS5 index on SQLite.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, false, func, or_, select, text
from sqlalchemy.orm import InstrumentedAttribute, Session

from tracker.domain.events import BattlefieldEvent, EventLink
from tracker.domain.factors import Factor
from tracker.domain.negotiation import Round
from tracker.services.citations import sources_for
from tracker.services.errors import NotFoundError, ValidationError
from tracker.services.views import EventDetail, EventLinkInfo, EventRow

# Columns the Events view may sort by, in display order; names are BattlefieldEvent fields.
SORTABLE = (
    "event_date", "event_type", "sub_event_type", "target_category", "location", "admin1",
    "fatalities", "injuries", "actor1", "dataset", "external_id",
)
_ROW_COLUMNS = tuple(column.name for column in fields(EventRow))
_FTS_TOKEN = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True, slots=True)
class EventFilter:
    """What the user narrowed the Events view to. Empty fields do not filter."""

    date_from: date | None = None
    date_to: date | None = None
    event_types: tuple[str, ...] = field(default_factory=tuple)
    place: str = ""
    text: str = ""
    target_category: str = ""

    def __post_init__(self) -> None:
        if self.date_from and self.date_to and self.date_to < self.date_from:
            raise ValidationError("date_to", "The end date is before the start date")


def _fts_query(words: str) -> str:
    """User text to an FTS5 query: every word must appear, as a prefix, quoted.

    Quoting each token keeps FTS5 operators (AND, NEAR, *, quotes) typed by a user from
    being read as syntax.
    """
    tokens = _FTS_TOKEN.findall(words)
    return " ".join(f'"{token}"*' for token in tokens)


def _conditions(session: Session, flt: EventFilter) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = []
    event = BattlefieldEvent
    if flt.date_from:
        conditions.append(event.event_date >= flt.date_from)
    if flt.date_to:
        conditions.append(event.event_date <= flt.date_to)
    if flt.event_types:
        conditions.append(event.event_type.in_(flt.event_types))
    if flt.target_category:
        conditions.append(event.target_category == flt.target_category)
    if flt.place.strip():
        pattern = f"%{_escape_like(flt.place.strip())}%"
        conditions.append(or_(
            event.location.ilike(pattern, escape="\\"),
            event.admin1.ilike(pattern, escape="\\"),
            event.admin2.ilike(pattern, escape="\\"),
        ))
    if flt.text.strip():
        conditions.append(_text_condition(session, flt.text))
    return conditions


def _text_condition(session: Session, words: str) -> ColumnElement[bool]:
    if session.get_bind().dialect.name == "sqlite":
        query = _fts_query(words)
        if not query:
            return false()
        return BattlefieldEvent.id.in_(
            select(text("rowid")).select_from(text("battlefield_event_fts"))
            .where(text("battlefield_event_fts MATCH :fts_query").bindparams(fts_query=query))
        )
    pattern = f"%{_escape_like(words.strip())}%"
    return or_(
        BattlefieldEvent.summary.ilike(pattern, escape="\\"),
        BattlefieldEvent.location.ilike(pattern, escape="\\"),
    )


def _escape_like(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _filtered(session: Session, query: Select[Any], flt: EventFilter) -> Select[Any]:
    conditions = _conditions(session, flt)
    return query.where(*conditions) if conditions else query


def count_events(session: Session, flt: EventFilter | None = None) -> int:
    query = _filtered(session, select(func.count(BattlefieldEvent.id)), flt or EventFilter())
    return session.scalar(query) or 0


def fetch_events(
    session: Session, flt: EventFilter | None = None, *, sort: str = "event_date",
    descending: bool = False, offset: int = 0, limit: int = 200,
) -> list[EventRow]:
    """One page of rows in ``sort_keys`` order, so pages never overlap or skip."""
    order: list[ColumnElement[Any]] = [key.desc() if descending else key.asc()
                                       for key in sort_keys(sort)]
    columns = [getattr(BattlefieldEvent, name) for name in _ROW_COLUMNS]
    query = _filtered(session, select(*columns), flt or EventFilter())
    rows = session.execute(query.order_by(*order).offset(offset).limit(limit))
    return [EventRow(*row) for row in rows]


def sort_keys(sort: str) -> list[InstrumentedAttribute[Any]]:
    """The full ORDER BY of the Events view for a sort column: the column, then tie-breaks.

    Every key list is the column order of one index, all in one direction, so a page
    deep in a million events is read straight off the index: SQLite appends the rowid
    to every index, so (column, event_date) serves (column, event_date, id). A sort by
    dataset or by id uses the unique (dataset, external_id) index, which is total by
    itself. Unknown counts sort as SQL sorts NULL, before every number ascending and
    after every number descending: putting them last both ways would take an ORDER BY
    expression no index can serve (a temporary B-tree over every row, seconds per page).
    """
    if sort not in SORTABLE:
        raise ValueError(f"Cannot sort events by {sort!r}")
    event = BattlefieldEvent
    if sort in ("dataset", "external_id"):
        return [event.dataset, event.external_id]
    column: InstrumentedAttribute[Any] = getattr(event, sort)
    if sort == "event_date":
        return [column, event.id]
    return [column, event.event_date, event.id]


def event_position(
    session: Session, flt: EventFilter, event_id: int, *, sort: str = "event_date",
    descending: bool = False,
) -> int | None:
    """The 0-based row of *event_id* under *flt* and the sort, or None if it is filtered out.

    Counted in SQL, so the Events view can scroll to one event among a million: the row
    number is how many filtered rows ``fetch_events`` puts before it, by a keyset
    comparison on the same ``sort_keys``.
    """
    keys = sort_keys(sort)
    event = BattlefieldEvent
    conditions = _conditions(session, flt)
    found = session.execute(select(*keys).where(event.id == event_id, *conditions)).first()
    if found is None:
        return None
    before = _sorts_before(list(zip(keys, found, strict=True)), descending=descending)
    return session.scalar(select(func.count(event.id)).where(before, *conditions)) or 0


def _sorts_before(
    keys: list[tuple[InstrumentedAttribute[Any], Any]], *, descending: bool,
) -> ColumnElement[bool]:
    """Rows ordered before the given key values, in one direction, NULL as the least value.

    Only the first key can be unknown (the date, dataset and ids never are).
    """
    (column, value), rest = keys[0], keys[1:]
    if not rest:  # unique by itself (the id, or the external id within a dataset)
        return column > value if descending else column < value
    after_tie = _sorts_before(rest, descending=descending)
    if value is None:
        # Ascending, NULLs come first, so only NULL rows with smaller ties precede;
        # descending, every known value precedes.
        tie = and_(column.is_(None), after_tie)
        return or_(column.is_not(None), tie) if descending else tie
    if descending:
        return or_(column > value, and_(column == value, after_tie))
    return or_(column.is_(None), column < value, and_(column == value, after_tie))


def event_row(session: Session, event_id: int) -> EventRow:
    columns = [getattr(BattlefieldEvent, name) for name in _ROW_COLUMNS]
    found = session.execute(
        select(*columns).where(BattlefieldEvent.id == event_id)
    ).first()
    if found is None:
        raise NotFoundError(f"Event {event_id} does not exist")
    return EventRow(*found)


def event_types(session: Session) -> list[str]:
    """Distinct types, read off the (event_type, event_date) index."""
    return list(session.execute(
        select(BattlefieldEvent.event_type).distinct().order_by(BattlefieldEvent.event_type)
    ).scalars())


def target_categories(session: Session) -> list[str]:
    return [value for value in session.execute(
        select(BattlefieldEvent.target_category).distinct()
        .order_by(BattlefieldEvent.target_category)
    ).scalars() if value]


def event_detail(session: Session, event_id: int) -> EventDetail:
    """The event, what it is linked to, and its sources."""
    row = event_row(session, event_id)
    links = session.execute(
        select(EventLink, Round.title, Factor.name)
        .outerjoin(Round, Round.id == EventLink.round_id)
        .outerjoin(Factor, Factor.id == EventLink.factor_id)
        .where(EventLink.event_id == event_id,
               # A deleted round is hidden everywhere else, so its links are too; they
               # stay in the database and come back with the round.
               or_(EventLink.round_id.is_(None), Round.deleted_at.is_(None)))
        .order_by(EventLink.id)
    )
    infos = tuple(
        EventLinkInfo(link.id, link.round_id, link.factor_id,
                      f"Round: {title}" if title else f"Factor: {name}", link.kind, link.note)
        for link, title, name in links
    )
    return EventDetail(row, infos, sources_for(session, "event_id", event_id))
