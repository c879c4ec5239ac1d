"""The first and last day the database holds anything dated: the range a view starts at.

A date filter or an export's From/To that starts at "a month ago" and "today" shows
nothing on a database of 2022's events (issue 16, finding 7); they start at the data's
own first and last day instead. Each kind is read with min() and max() over its column
(the events' over their date index), so the answer costs four small queries however
many events there are.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from tracker.domain.events import BattlefieldEvent
from tracker.domain.factors import FactorReading
from tracker.domain.negotiation import Round, ScheduleChange
from tracker.domain.timewindow import zone


@dataclass(frozen=True, slots=True)
class HeldDates:
    """The first and the last day with a dated round, change, reading or event."""

    first: date
    last: date


def _day(value: date | datetime | None, tz: str) -> date | None:
    if isinstance(value, datetime):
        return value.astimezone(zone(tz)).date()
    return value


def held_dates(session: Session, tz: str = "UTC") -> HeldDates | None:
    """The span of days the database holds, instants read as days in *tz*; None when
    nothing is dated (an empty database, or only rounds of unknown date)."""
    spans = (
        select(func.min(Round.window_start), func.max(Round.window_start))
        .where(Round.deleted_at.is_(None)),
        select(func.min(ScheduleChange.announced_at), func.max(ScheduleChange.announced_at)),
        select(func.min(FactorReading.observed_at), func.max(FactorReading.observed_at)),
        select(func.min(BattlefieldEvent.event_date), func.max(BattlefieldEvent.event_date)),
    )
    days: list[date] = []
    for query in spans:
        row = session.execute(query).one()
        days.extend(day for day in (_day(row[0], tz), _day(row[1], tz)) if day is not None)
    return HeldDates(min(days), max(days)) if days else None
