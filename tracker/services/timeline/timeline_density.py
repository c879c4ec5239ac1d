"""Battlefield events on the timeline: counts per bucket, or the events themselves.

The timeline asks for what its visible range needs at its zoom: a density strip of
events, fatalities or injuries per day, week, month, quarter or year and target
category, or, zoomed in far enough, the individual events to draw as markers. Both are
SQL over indexes: the density reads the per-day counts (EventDayCount, a few rows a
day) when the filter is only dates, types and a target category, and the events
themselves, through the Events view's own conditions, when it names a place or words.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from typing import Any

from sqlalchemy import ColumnElement, Date, Integer, case, cast, func, select
from sqlalchemy.orm import Session

from tracker.domain.enums import Precision
from tracker.domain.events import MIDWEEK_DATASETS, BattlefieldEvent, EventDayCount
from tracker.services.events.events import EventFilter, day_counts_answer, event_conditions
from tracker.storage.counted_events import is_counted


class Bucket(StrEnum):
    """Calendar spans the density strip counts by; weeks start on Monday (ISO)."""

    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    QUARTER = "quarter"
    YEAR = "year"


# Precisions that place an event on its day; anything coarser is drawn apart.
_TO_THE_DAY = (Precision.DAY.value, Precision.EXACT.value)

# About how many days each bucket spans, to pick one for a zoom level.
BUCKET_DAYS = {Bucket.DAY: 1.0, Bucket.WEEK: 7.0, Bucket.MONTH: 30.44,
               Bucket.QUARTER: 91.3, Bucket.YEAR: 365.25}


def bucket_for(days_per_pixel: float, min_pixels: float = 5.0) -> Bucket:
    """The finest bucket at least *min_pixels* wide at this zoom."""
    return next((bucket for bucket, days in BUCKET_DAYS.items()
                 if days / days_per_pixel >= min_pixels), Bucket.YEAR)


def bucket_start(day: date, bucket: Bucket) -> date:
    """The first day of the bucket holding *day* (the same rule as the SQL below)."""
    if bucket is Bucket.DAY:
        return day
    if bucket is Bucket.WEEK:
        return day - timedelta(days=day.weekday())
    if bucket is Bucket.MONTH:
        return day.replace(day=1)
    if bucket is Bucket.QUARTER:
        return day.replace(month=(day.month - 1) // 3 * 3 + 1, day=1)
    return day.replace(month=1, day=1)


def next_bucket(start: date, bucket: Bucket) -> date:
    """The first day after the bucket starting on *start*."""
    if bucket is Bucket.DAY:
        return start + timedelta(days=1)
    if bucket is Bucket.WEEK:
        return start + timedelta(days=7)
    months = {Bucket.MONTH: 1, Bucket.QUARTER: 3, Bucket.YEAR: 12}[bucket]
    month_index = start.year * 12 + start.month - 1 + months
    return date(month_index // 12, month_index % 12 + 1, 1)


def bucket_label(first_day: date, bucket: Bucket) -> str:
    """'5 Feb 2026', 'week of 2 Feb 2026', 'February 2026', 'Q1 2026' or '2026'."""
    if bucket is Bucket.DAY:
        return f"{first_day.day} {first_day:%b %Y}"
    if bucket is Bucket.WEEK:
        return f"week of {first_day.day} {first_day:%b %Y}"
    if bucket is Bucket.MONTH:
        return f"{first_day:%B %Y}"
    if bucket is Bucket.QUARTER:
        return f"Q{(first_day.month - 1) // 3 + 1} {first_day.year}"
    return str(first_day.year)


@dataclass(frozen=True, slots=True)
class DensityCell:
    """What happened in one bucket to one target category ("" when uncategorised).

    The ``imprecise_`` figures are the part of each total from events reported only to
    the week, month or less, counted on their recorded day: the strip draws them apart,
    so a month's worth of such events on its first day does not read as a one-day spike.
    """

    first_day: date
    target_category: str
    events: int
    fatalities: int
    injuries: int
    imprecise_events: int = 0
    imprecise_fatalities: int = 0
    imprecise_injuries: int = 0


@dataclass(frozen=True, slots=True)
class EventMarker:
    """One event as the timeline draws it, zoomed in."""

    id: int
    day: date
    precision: Precision
    event_type: str
    target_category: str
    fatalities: int | None
    place: str
    summary: str
    last_day: date | None = None  # the end of a span the dataset gave (UCDP's date_end)
    midweek: bool = False  # a week-precision date is the week's middle (MIDWEEK_DATASETS)

    @property
    def vague(self) -> bool:
        """Not known to one day: drawn as a span over the days it may be."""
        return self.precision not in (Precision.DAY, Precision.EXACT) or (
            self.last_day is not None and self.last_day > self.day)


def _bucket_expression(session: Session, column: Any, bucket: Bucket) -> ColumnElement[Any]:
    """SQL for ``bucket_start`` of a date column, on SQLite's ISO text or a real date."""
    if session.get_bind().dialect.name != "sqlite":
        if bucket is Bucket.DAY:
            return column
        return cast(func.date_trunc(bucket.value, column), Date)
    modifiers = {
        Bucket.DAY: (),
        # 'weekday 0' moves forward to Sunday (or stays), six days back is its Monday.
        Bucket.WEEK: ("weekday 0", "-6 days"),
        Bucket.MONTH: ("start of month",),
        Bucket.YEAR: ("start of year",),
    }
    if bucket is Bucket.QUARTER:
        month = cast(func.strftime("%m", column), Integer)
        return func.date(column, "start of month", func.printf("-%d months", (month - 1) % 3))
    return func.date(column, *modifiers[bucket])


def _uses_day_counts(session: Session, flt: EventFilter) -> bool:
    return day_counts_answer(session, flt)


def event_density(session: Session, first_day: date, last_day: date, bucket: Bucket,
                  flt: EventFilter | None = None) -> list[DensityCell]:
    """Events, fatalities and injuries per bucket and target category, for the buckets
    that touch *first_day*..*last_day* (whole buckets, so an edge bar is not cut short),
    within the filter's own dates too."""
    flt = flt or EventFilter()
    low = bucket_start(first_day, bucket)
    high = next_bucket(bucket_start(last_day, bucket), bucket) - timedelta(days=1)
    if flt.date_from:
        low = max(low, flt.date_from)
    if flt.date_to:
        high = min(high, flt.date_to)
    if high < low:
        return []
    if _uses_day_counts(session, flt):
        table = EventDayCount
        day: Any = table.day
        vague = table.date_precision.not_in(_TO_THE_DAY)
        sums: tuple[Any, ...] = (
            func.sum(table.events), func.sum(table.fatalities), func.sum(table.injuries),
            *(func.sum(case((vague, column), else_=0))
              for column in (table.events, table.fatalities, table.injuries)))
        conditions = [day >= low, day <= high]
        if flt.event_types:
            conditions.append(table.event_type.in_(flt.event_types))
        if flt.target_category:
            conditions.append(table.target_category == flt.target_category)
        category: Any = table.target_category
    else:
        event = BattlefieldEvent
        day = event.event_date
        vague = event.date_precision.not_in(_TO_THE_DAY)
        sums = (func.count(), func.coalesce(func.sum(event.fatalities), 0),
                func.coalesce(func.sum(event.injuries), 0),
                func.sum(case((vague, 1), else_=0)),
                *(func.coalesce(func.sum(case((vague, column), else_=0)), 0)
                  for column in (event.fatalities, event.injuries)))
        conditions = [day >= low, day <= high, *event_conditions(session, flt), is_counted()]
        category = event.target_category
    start = _bucket_expression(session, day, bucket).label("first_day")
    query = (select(start, category, *sums).where(*conditions)
             .group_by(start, category).order_by(start, category))
    return [DensityCell(_as_date(row[0]), row[1] or "", *(int(value or 0) for value in row[2:]))
            for row in session.execute(query)]


def count_in_range(session: Session, first_day: date, last_day: date,
                   flt: EventFilter | None = None) -> int:
    """How many events fall on these days under the filter (to decide on markers)."""
    flt = flt or EventFilter()
    if _uses_day_counts(session, flt):
        table = EventDayCount
        conditions = [table.day >= first_day, table.day <= last_day,
                      *_date_bounds(table.day, flt)]
        if flt.event_types:
            conditions.append(table.event_type.in_(flt.event_types))
        if flt.target_category:
            conditions.append(table.target_category == flt.target_category)
        return int(session.scalar(select(func.coalesce(func.sum(table.events), 0))
                                  .where(*conditions)) or 0)
    event = BattlefieldEvent
    return int(session.scalar(select(func.count()).select_from(event).where(
        event.event_date >= first_day, event.event_date <= last_day,
        *event_conditions(session, flt), is_counted())) or 0)


def event_markers(session: Session, first_day: date, last_day: date,
                  flt: EventFilter | None = None, *, limit: int = 2000) -> list[EventMarker]:
    """The events on these days under the filter, in date order, at most *limit*."""
    event = BattlefieldEvent
    query = (select(event.id, event.event_date, event.date_precision, event.event_type,
                    event.target_category, event.fatalities, event.location,
                    func.substr(event.summary, 1, 300), event.event_date_end,
                    event.dataset.in_(MIDWEEK_DATASETS))
             .where(event.event_date >= first_day, event.event_date <= last_day,
                    *event_conditions(session, flt or EventFilter()), is_counted())
             .order_by(event.event_date, event.id).limit(limit))
    return [EventMarker(row[0], _as_date(row[1]), Precision(row[2]), row[3], row[4], row[5],
                        row[6], row[7], _as_date(row[8]) if row[8] is not None else None,
                        bool(row[9]))
            for row in session.execute(query)]


def _date_bounds(day: Any, flt: EventFilter) -> list[ColumnElement[bool]]:
    bounds = []
    if flt.date_from:
        bounds.append(day >= flt.date_from)
    if flt.date_to:
        bounds.append(day <= flt.date_to)
    return bounds


def _as_date(value: Any) -> date:
    # SQLite's date() gives ISO text; a Date column and PostgreSQL give dates.
    return value if isinstance(value, date) else date.fromisoformat(str(value))
