"""The chronology: rounds, schedule changes, factor readings and events in one time order.

The order is decided in SQL: a UNION ALL of (time, kind, id) over the four tables, sorted
by the database, read in pages (the Chronology view) or streamed (exports). Only the rows
of one page or batch are then loaded and told in words, with their links and sources
fetched per batch, so a million events never sit in Python at once.

Days mean what the reader expects of each kind of fact:
- a battlefield event belongs to the day it was reported for;
- a round announced by day, week or month belongs to those days at its venue ("5 Feb"
  in Kyiv is 5 Feb, wherever the analyst sits);
- instants (a round at an exact time, a schedule change, a factor reading) belong to
  their day in the reader's zone *tz*.
Dated facts sort at 12:00 UTC of their (first) day, which falls on that same calendar
day for readers within twelve hours of UTC, so entries under day headings never go back
and forth. Venues east of UTC+12 (Auckland in summer, Kiribati) are the exception.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import (
    ColumnElement,
    DateTime,
    Select,
    and_,
    case,
    cast,
    func,
    literal,
    or_,
    select,
    union_all,
)
from sqlalchemy.orm import Session

from tracker.domain.chronology import EVENT_HOUR_UTC, ChronologyEntry, EntryKind
from tracker.domain.enums import Precision
from tracker.domain.events import BattlefieldEvent
from tracker.domain.factors import FactorReading
from tracker.domain.negotiation import Round, ScheduleChange
from tracker.domain.timewindow import ScheduledWindow
from tracker.services.chronology_text import describe_entries

_RANK = {EntryKind.ROUND: 0, EntryKind.SCHEDULE_CHANGE: 1, EntryKind.FACTOR_READING: 2,
         EntryKind.EVENT: 3}
_KIND_BY_RANK = {rank: kind for kind, rank in _RANK.items()}
STREAM_BATCH = 1000


# Widest UTC offsets in the tz database: a venue's day lies within these of the UTC day.
_EARLIEST_OFFSET = timedelta(hours=14)
_LATEST_OFFSET = timedelta(hours=12)


def _bounds(date_from: date | None, date_to: date | None,
            tz: str) -> tuple[datetime | None, datetime | None]:
    """The instants where *date_from* begins and the day after *date_to* begins, in *tz*
    (a local midnight; a day across a DST change is 23 or 25 hours long)."""
    start = ScheduledWindow.days(date_from, tz).start if date_from else None
    end = ScheduledWindow.days(date_to, tz).end if date_to else None
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


def _overlapping(start: datetime | None, end: datetime | None) -> list[ColumnElement[bool]]:
    """An exact round's time overlaps [start, end): one without an end is an instant."""
    conditions: list[ColumnElement[bool]] = []
    if end is not None:
        conditions.append(Round.window_start < end)
    if start is not None:
        conditions.append(or_(Round.window_end > start,
                              and_(Round.window_end.is_(None), Round.window_start >= start)))
    return conditions


def _dialect(session: Session) -> str:
    return session.get_bind().dialect.name


def _event_time(session: Session) -> ColumnElement[Any]:
    column: ColumnElement[Any] = BattlefieldEvent.__table__.c.event_date
    if _dialect(session) == "sqlite":
        # SQLite keeps dates and datetimes as ISO text, which sort together.
        return func.datetime(column, f"+{EVENT_HOUR_UTC} hours")
    return func.timezone("UTC", cast(column, DateTime())) + timedelta(hours=EVENT_HOUR_UTC)


def _round_time(session: Session) -> ColumnElement[Any]:
    """An exact round sorts at its start; one announced by day, week or month at 12:00
    UTC of its first day at the venue.

    That window starts at local midnight, D 00:00 minus the venue's offset. Twelve hours
    later is within day D (UTC) for every offset above UTC-12 and up to UTC+12, so the
    start of that UTC day plus twelve hours is D's noon. Venues east of UTC+12 (Auckland
    in summer, Kiribati) are the exception the module docstring names.
    """
    start: ColumnElement[Any] = Round.__table__.c.window_start
    if _dialect(session) == "sqlite":
        noon = func.datetime(start, "+12 hours", "start of day", "+12 hours")
    else:
        shifted = func.timezone("UTC", start) + timedelta(hours=12)
        noon = func.timezone("UTC", func.date_trunc("day", shifted) + timedelta(hours=12))
    return case((Round.window_precision == Precision.EXACT, start), else_=noon)


def _rounds_on_days(session: Session, date_from: date | None,
                    date_to: date | None) -> list[int]:
    """Rounds announced by day, week or month whose days at the venue overlap the range.

    Rounds number in the tens or hundreds: SQL narrows them to those within a day of the
    range in UTC, and their local days are then compared exactly here.
    """
    query = select(Round).where(Round.deleted_at.is_(None), Round.window_start.is_not(None),
                                Round.window_precision != Precision.EXACT)
    if date_to is not None:
        query = query.where(Round.window_start < datetime.combine(
            date_to + timedelta(days=1), datetime.min.time(), UTC) + _EARLIEST_OFFSET)
    if date_from is not None:
        since = datetime.combine(date_from, datetime.min.time(), UTC) - _LATEST_OFFSET
        query = query.where(Round.window_end > since)
    chosen = []
    for round_ in session.scalars(query):
        first, last = round_.window.first_day(), round_.window.last_day()
        if first is None or last is None:
            continue
        if (date_to is None or first <= date_to) and (date_from is None or last >= date_from):
            chosen.append(round_.id)
    return chosen


def _timeline(session: Session, date_from: date | None, date_to: date | None,
              tz: str) -> Select[Any]:
    start, end = _bounds(date_from, date_to, tz)

    rounds = select(_round_time(session).label("at"),
                    literal(_RANK[EntryKind.ROUND]).label("rank"),
                    Round.id.label("record_id")).where(Round.deleted_at.is_(None))
    if date_from is not None or date_to is not None:
        # Undated rounds belong to no range; exact ones when their time overlaps it
        # (a session from 5 Feb 10:00 to 6 Feb 18:00 is on both days).
        exact = and_(Round.window_precision == Precision.EXACT, *_overlapping(start, end))
        rounds = rounds.where(or_(exact, Round.id.in_(
            _rounds_on_days(session, date_from, date_to))))

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
    session: Session, *, date_from: date | None = None, date_to: date | None = None,
    tz: str = "UTC",
) -> int:
    timeline = _timeline(session, date_from, date_to, tz).order_by(None).subquery()
    return session.scalar(select(func.count()).select_from(timeline)) or 0


def chronology_page(
    session: Session, *, offset: int, limit: int, date_from: date | None = None,
    date_to: date | None = None, tz: str = "UTC",
) -> list[ChronologyEntry]:
    """Entries *offset* … *offset + limit* in time order (the Chronology view's pages)."""
    keys = session.execute(
        _timeline(session, date_from, date_to, tz).offset(offset).limit(limit)
    ).all()
    return describe_entries(session, [(_KIND_BY_RANK[rank], rid) for rank, rid in keys], tz)


def iter_chronology(
    session: Session, *, date_from: date | None = None, date_to: date | None = None,
    tz: str = "UTC",
) -> Iterator[ChronologyEntry]:
    """Every entry in time order, streamed in batches (exports)."""
    result = session.execute(
        _timeline(session, date_from, date_to, tz),
        execution_options={"yield_per": STREAM_BATCH},
    )
    for batch in result.partitions(STREAM_BATCH):
        yield from describe_entries(
            session, [(_KIND_BY_RANK[rank], rid) for rank, rid in batch], tz
        )
