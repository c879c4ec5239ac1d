"""The SQL behind the escalation analysis: sums over ranges of days, never rows in Python.

Each anchor costs one SELECT: a range seek on the event date index (or on the
(type, date) index when a type filter is set) over the days from its earliest baseline to
its last window, with one conditional sum per range and measure, grouped by the split
column. A million events span years; one anchor reads a few weeks of them.

Which events count (the precision rule): only events reported to the day (precision
"day" or "exact") are counted, on their ``event_date``. An event reported only to the
week or month carries a nominal date inside that week or month, so placing it before or
during a round would be a guess; such events are tallied apart, as ``imprecise``, when
their nominal date falls in a range, and never enter the counts, baselines or ratios. An
event reported over several days (``event_date_end``) counts on its first day.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, NamedTuple

from sqlalchemy import ColumnElement, and_, case, func, select
from sqlalchemy.orm import Session

from tracker.domain.enums import Precision
from tracker.domain.events import BattlefieldEvent

# Precisions whose day is known.
PRECISE = (Precision.DAY, Precision.EXACT)


@dataclass(frozen=True, slots=True)
class DayRange:
    """Calendar days from *first* to *last*, both included."""

    first: date
    last: date

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1

    def shifted(self, days: int) -> DayRange:
        step = timedelta(days=days)
        return DayRange(self.first + step, self.last + step)


@dataclass(frozen=True, slots=True)
class Tally:
    """What one range of days holds for one group."""

    events: int = 0
    fatalities: int = 0
    injuries: int = 0
    imprecise: int = 0

    def is_empty(self) -> bool:
        return not (self.events or self.imprecise)


class DailyCount(NamedTuple):
    day: date
    events: int
    fatalities: int
    injuries: int


def _is_precise() -> ColumnElement[bool]:
    return BattlefieldEvent.date_precision.in_(PRECISE)


def tally_ranges(session: Session, ranges: Sequence[DayRange], group: Any | None,
                 conditions: Sequence[ColumnElement[bool]]) -> dict[str | None, list[Tally]]:
    """One Tally per range for each value of the *group* column (None: no split).

    Groups with nothing in any range (their events fall between the ranges, which the
    single date seek also reads) are left out. When nothing is left, one all-zero total
    (key None) stands in, so an anchor in a quiet time still has its rows.
    """
    event = BattlefieldEvent
    precise = _is_precise()
    sums = []
    for days in ranges:
        inside = event.event_date.between(days.first, days.last)
        counted = and_(precise, inside)
        sums += [
            func.sum(case((counted, 1), else_=0)),
            func.sum(case((counted, func.coalesce(event.fatalities, 0)), else_=0)),
            func.sum(case((counted, func.coalesce(event.injuries, 0)), else_=0)),
            func.sum(case((and_(~precise, inside), 1), else_=0)),
        ]
    first = min(days.first for days in ranges)
    last = max(days.last for days in ranges)
    head = [group] if group is not None else []
    query = select(*head, *sums).where(event.event_date.between(first, last), *conditions)
    if group is not None:
        query = query.group_by(group)
    found: dict[str | None, list[Tally]] = {}
    for row in session.execute(query):
        values = [value or 0 for value in row[len(head):]]
        tallies = [Tally(*values[start:start + 4]) for start in range(0, len(values), 4)]
        if group is None or not all(tally.is_empty() for tally in tallies):
            found[row[0] if head else None] = tallies
    if not found:
        found[None] = [Tally() for _ in ranges]
    return found


def daily_counts(session: Session, days: DayRange,
                 conditions: Sequence[ColumnElement[bool]]) -> list[DailyCount]:
    """Events, fatalities and injuries reported to the day, for every day of *days*.

    One GROUP BY over the date index; days without events are filled in as zeros here, so
    a chart's line drops to the axis instead of skipping the gap. Week- and month-precision
    events are left out, as in the counts (a spike on a nominal date would mislead).
    """
    event = BattlefieldEvent
    query = (select(event.event_date, func.count(),
                    func.sum(func.coalesce(event.fatalities, 0)),
                    func.sum(func.coalesce(event.injuries, 0)))
             .where(event.event_date.between(days.first, days.last), _is_precise(),
                    *conditions)
             .group_by(event.event_date))
    found = {day: (count, fatalities or 0, injuries or 0)
             for day, count, fatalities, injuries in session.execute(query)}
    series = []
    for offset in range(days.days):
        day = days.first + timedelta(days=offset)
        series.append(DailyCount(day, *found.get(day, (0, 0, 0))))
    return series
