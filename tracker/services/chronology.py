"""The chronology: rounds, schedule changes, factor readings and events in one time order.

The order is decided in SQL: a UNION ALL of (time, kind, id) over the four tables, sorted
by the database, read in pages (the Chronology view) or streamed (exports). Only the rows
of one page or batch are then loaded and told in words, with their links and sources
fetched per batch, so a million events never sit in Python at once.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import (
    ColumnElement,
    DateTime,
    Select,
    and_,
    cast,
    func,
    literal,
    or_,
    select,
    union_all,
)
from sqlalchemy.orm import Session

from tracker.domain.chronology import ChronologyEntry, EntryKind
from tracker.domain.events import BattlefieldEvent
from tracker.domain.factors import FactorReading
from tracker.domain.negotiation import Round, ScheduleChange
from tracker.services.chronology_text import describe_entries

_RANK = {EntryKind.ROUND: 0, EntryKind.SCHEDULE_CHANGE: 1, EntryKind.FACTOR_READING: 2,
         EntryKind.EVENT: 3}
_KIND_BY_RANK = {rank: kind for kind, rank in _RANK.items()}
STREAM_BATCH = 1000


def _bounds(date_from: date | None, date_to: date | None) -> tuple[datetime | None,
                                                                  datetime | None]:
    start = datetime.combine(date_from, time(), UTC) if date_from else None
    end = datetime.combine(date_to + timedelta(days=1), time(), UTC) if date_to else None
    return start, end


def _within(
    column: Any, start: datetime | None, end: datetime | None
) -> list[ColumnElement[bool]]:
    conditions = []
    if start is not None:
        conditions.append(column >= start)
    if end is not None:
        conditions.append(column < end)
    return conditions


def _event_time(session: Session) -> ColumnElement[Any]:
    # SQLite keeps dates and datetimes as ISO text, which already sort together; other
    # databases need the date turned into a timestamp to share one column in the union.
    column: ColumnElement[Any] = BattlefieldEvent.__table__.c.event_date
    if session.get_bind().dialect.name == "sqlite":
        return column
    return cast(column, DateTime(timezone=True))


def _timeline(session: Session, date_from: date | None, date_to: date | None) -> Select[Any]:
    start, end = _bounds(date_from, date_to)
    filtered = start is not None or end is not None

    rounds = select(Round.window_start.label("at"), literal(_RANK[EntryKind.ROUND]).label(
        "rank"), Round.id.label("record_id")).where(Round.deleted_at.is_(None))
    if filtered:
        # A round belongs to a range when its window overlaps it; undated rounds do not.
        rounds = rounds.where(Round.window_start.is_not(None))
        if end is not None:
            rounds = rounds.where(Round.window_start < end)
        if start is not None:
            rounds = rounds.where(or_(
                and_(Round.window_end.is_(None), Round.window_start >= start),
                Round.window_end > start,
            ))

    changes = select(
        ScheduleChange.recorded_at, literal(_RANK[EntryKind.SCHEDULE_CHANGE]), ScheduleChange.id
    ).where(*_within(ScheduleChange.recorded_at, start, end))
    readings = select(
        FactorReading.observed_at, literal(_RANK[EntryKind.FACTOR_READING]), FactorReading.id
    ).where(*_within(FactorReading.observed_at, start, end))

    events = select(_event_time(session), literal(_RANK[EntryKind.EVENT]), BattlefieldEvent.id)
    if date_from is not None:
        events = events.where(BattlefieldEvent.event_date >= date_from)
    if date_to is not None:
        events = events.where(BattlefieldEvent.event_date <= date_to)

    merged = union_all(rounds, changes, readings, events).subquery("timeline")
    return select(merged.c.rank, merged.c.record_id).order_by(
        merged.c.at.is_(None), merged.c.at, merged.c.rank, merged.c.record_id
    )


def count_chronology(
    session: Session, *, date_from: date | None = None, date_to: date | None = None
) -> int:
    timeline = _timeline(session, date_from, date_to).order_by(None).subquery()
    return session.scalar(select(func.count()).select_from(timeline)) or 0


def chronology_page(
    session: Session, *, offset: int, limit: int, date_from: date | None = None,
    date_to: date | None = None,
) -> list[ChronologyEntry]:
    """Entries *offset* … *offset + limit* in time order (the Chronology view's pages)."""
    keys = session.execute(
        _timeline(session, date_from, date_to).offset(offset).limit(limit)
    ).all()
    return describe_entries(session, [(_KIND_BY_RANK[rank], rid) for rank, rid in keys])


def iter_chronology(
    session: Session, *, date_from: date | None = None, date_to: date | None = None
) -> Iterator[ChronologyEntry]:
    """Every entry in time order, streamed in batches (exports)."""
    result = session.execute(
        _timeline(session, date_from, date_to),
        execution_options={"yield_per": STREAM_BATCH},
    )
    for batch in result.partitions(STREAM_BATCH):
        yield from describe_entries(
            session, [(_KIND_BY_RANK[rank], rid) for rank, rid in batch]
        )
