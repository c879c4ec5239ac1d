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

from sqlalchemy import ColumnElement, Select, false, func, or_, select, text
from sqlalchemy.orm import Session

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
    """One page of rows; ``id`` breaks ties so pages never overlap or skip."""
    if sort not in SORTABLE:
        raise ValueError(f"Cannot sort events by {sort!r}")
    column = getattr(BattlefieldEvent, sort)
    order = [column.desc(), BattlefieldEvent.id.desc()] if descending else [
        column.asc(), BattlefieldEvent.id.asc()]
    if sort in ("fatalities", "injuries"):
        # Unknown counts sort after known ones either way, as a reader expects.
        order.insert(0, column.is_(None))
    columns = [getattr(BattlefieldEvent, name) for name in _ROW_COLUMNS]
    query = _filtered(session, select(*columns), flt or EventFilter())
    rows = session.execute(query.order_by(*order).offset(offset).limit(limit))
    return [EventRow(*row) for row in rows]


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
        .where(EventLink.event_id == event_id)
        .order_by(EventLink.id)
    )
    infos = tuple(
        EventLinkInfo(link.id, link.round_id, link.factor_id,
                      f"Round: {title}" if title else f"Factor: {name}", link.kind, link.note)
        for link, title, name in links
    )
    return EventDetail(row, infos, sources_for(session, "event_id", event_id))
