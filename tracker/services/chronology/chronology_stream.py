"""Streaming every event of a chronology in time order, told in words, for exports.

One query reads the events off the (event_date, id) index; their links, sources and
claims come from three more queries in that same order, read alongside it like a merge
join. So a million events take four statements, not four per batch, and memory holds one
row of each (the other queries sort only the linked, cited or claimed events).
"""

from __future__ import annotations

from collections.abc import Generator, Iterator
from datetime import date
from typing import Any, Generic, TypeVar

from sqlalchemy import ColumnElement, or_, select
from sqlalchemy.orm import Session

from tracker.domain.chronology import ChronologyEntry
from tracker.domain.claims import CasualtyClaim
from tracker.domain.enums import Precision
from tracker.domain.events import MIDWEEK_DATASETS, BattlefieldEvent, EventLink
from tracker.domain.factors import Factor
from tracker.domain.negotiation import Round
from tracker.domain.sources import Citation, Source
from tracker.services.chronology.chronology_text import (
    EVENT_COLUMNS,
    TimeTold,
    event_entry,
    link_text,
    tell_time,
)
from tracker.services.claims.claims import ClaimRow, claim_row
from tracker.services.records.citations import source_label

T = TypeVar("T")
STREAM_BATCH = 1000


class _Alongside(Generic[T]):
    """Values keyed by (event_date, event_id), read in that order beside the events."""

    def __init__(self, rows: Iterator[tuple[date, int, T]]) -> None:
        self._rows = rows
        self._next = next(rows, None)

    def take(self, day: date, event_id: int) -> tuple[T, ...]:
        """The values of event (*day*, *event_id*), the events before it being done with.

        Most events have no links or sources: they return at the first comparison.
        """
        upcoming = self._next
        if upcoming is None or (upcoming[0], upcoming[1]) > (day, event_id):
            return ()
        found: list[T] = []
        while upcoming is not None and (upcoming[0], upcoming[1]) <= (day, event_id):
            if (upcoming[0], upcoming[1]) == (day, event_id):
                found.append(upcoming[2])
            upcoming = next(self._rows, None)
        self._next = upcoming
        return tuple(dict.fromkeys(found))  # each once, in order


class EventTimes:
    """An event's time worked out once per distinct date: a day has hundreds of events."""

    def __init__(self) -> None:
        self._known: dict[tuple[Any, Any, Any, bool], TimeTold] = {}

    def __call__(self, raw_day: Any, raw_precision: Any, raw_end: Any,
                 dataset: str) -> TimeTold:
        midweek = dataset in MIDWEEK_DATASETS
        key = (raw_day, raw_precision, raw_end, midweek)
        found = self._known.get(key)
        if found is None:
            # SQLite's driver gives the stored text; PostgreSQL's gives a date already.
            found = self._known[key] = tell_time(
                _as_date(raw_day), Precision(raw_precision),
                None if raw_end is None else _as_date(raw_end), dataset)
        return found


def _as_date(raw: Any) -> date:
    return raw if isinstance(raw, date) else date.fromisoformat(raw)


def stream_events(session: Session, conditions: list[ColumnElement[bool]],
                  ) -> Generator[tuple[date, ChronologyEntry], None, None]:
    """Every event matching *conditions*, in (event_date, id) order, with its day.

    The rows are read from the driver's cursor as it gives them: SQLAlchemy compiles and
    binds the query, but turning a million rows into Row objects and converting each
    date would take as long as SQLite takes to find them, while a dict converts a day
    once (``_Days``).
    """
    event = BattlefieldEvent
    result = session.connection().execute(
        select(*EVENT_COLUMNS).where(*conditions).order_by(event.event_date, event.id))
    links = _Alongside(_links(session, conditions))
    sources = _Alongside(_sources(session, conditions))
    claims = _Alongside(_claims(session, conditions))
    told = EventTimes()
    cursor = result.cursor
    try:
        while batch := cursor.fetchmany(STREAM_BATCH):
            for row in batch:
                time = told(row[1], row[2], row[3], row[12])
                yield time.day, event_entry(row, links.take(time.day, row[0]),
                                            sources.take(time.day, row[0]), time,
                                            claims.take(time.day, row[0]))
    finally:
        result.close()


def _links(session: Session, conditions: list[ColumnElement[bool]],
           ) -> Iterator[tuple[date, int, str]]:
    event = BattlefieldEvent
    rows = session.execute(
        select(event.event_date, EventLink.event_id, EventLink.kind, EventLink.note,
               Round.title, Factor.name)
        .join(event, event.id == EventLink.event_id)
        .outerjoin(Round, Round.id == EventLink.round_id)
        .outerjoin(Factor, Factor.id == EventLink.factor_id)
        # A deleted round is hidden everywhere; its links come back with it on undo.
        .where(or_(EventLink.round_id.is_(None), Round.deleted_at.is_(None)), *conditions)
        .order_by(event.event_date, EventLink.event_id, EventLink.id)
        .execution_options(yield_per=STREAM_BATCH)
    )
    for day, event_id, kind, note, round_title, factor_name in rows:
        yield day, event_id, link_text(kind, note, round_title, factor_name)


def _sources(session: Session, conditions: list[ColumnElement[bool]],
             ) -> Iterator[tuple[date, int, str]]:
    event = BattlefieldEvent
    rows: Any = session.execute(
        select(event.event_date, Citation.event_id, Source)
        .join(event, event.id == Citation.event_id)
        .join(Source, Source.id == Citation.source_id)
        .where(*conditions)
        .order_by(event.event_date, Citation.event_id, Source.id)
        .execution_options(yield_per=STREAM_BATCH)
    )
    for day, event_id, source in rows:
        yield day, event_id, source_label(source)



def _claims(session: Session, conditions: list[ColumnElement[bool]],
            ) -> Iterator[tuple[date, int, ClaimRow]]:
    """The recorded claims of the events, in their order (few events have any)."""
    event = BattlefieldEvent
    rows: Any = session.execute(
        select(event.event_date, CasualtyClaim, Source)
        .join(event, event.id == CasualtyClaim.event_id)
        .outerjoin(Source, Source.id == CasualtyClaim.source_id)
        .where(*conditions)
        .order_by(event.event_date, CasualtyClaim.event_id, CasualtyClaim.recorded_at,
                  CasualtyClaim.id)
        .execution_options(yield_per=STREAM_BATCH)
    )
    for day, claim, source in rows:
        yield day, claim.event_id, claim_row(claim, source)
