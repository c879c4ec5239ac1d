"""The SQL behind the analysis: sums over ranges of days, never rows in Python.

Each anchor costs one SELECT over the days from its earliest baseline to its last window,
with one conditional sum per range and measure, grouped by the split column. What it reads
is a ``CountSource`` (``sources``): the per-day counts, a range seek on their
primary key over a few rows a day, or the events themselves, a range seek on the event
date index (or the (type, date) one when a type filter is set) over every event of those
weeks. Both give the same sums: a day-count row stands for its events, and carries their
date, type, target category and precision.

Which events count (the precision rule): only events reported to the day (precision
"day" or "exact") are counted, on their ``event_date``. An event reported only to the
week or month carries a nominal date inside that week or month, so placing it before or
during a round would be a guess; such events are tallied apart, as ``imprecise``, when
their nominal date falls in a range, and never enter the counts, baselines or ratios. An
event reported over a few days (``event_date_end``) counts on its first day; one over more
than a week (``EventTime.is_long``: a generic file's "1 Mar – 30 Jun" row) is tallied
apart like a week or month, never on its first day.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, NamedTuple

from sqlalchemy import ColumnElement, and_, case, func, select
from sqlalchemy.orm import Session

from tracker.domain.enums import Precision
from tracker.services.claims.figure_rule import figure_adjustments

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


@dataclass(frozen=True, slots=True)
class CountSource:
    """What the sums read: a table's day and precision columns, what one of its rows adds
    to the events, fatalities and injuries, the split column (None: no split) and the
    filter's conditions on that table."""

    day: Any
    precision: Any
    events: Any
    fatalities: Any
    injuries: Any
    group: Any | None
    conditions: tuple[ColumnElement[bool], ...]
    # The day-precision records spanning more than a week, read from the events (they are
    # few): the per-day counts cannot tell them, so their sums are taken back out.
    long_days: CountSource | None = None
    # For the events themselves: the condition that a record fits on its day.
    short: ColumnElement[bool] | None = None
    # The same filter and split over the events, where the figure rule's adjustment is
    # summed (services.claims.figure_rule: the few events with claims; issue 18).
    ruled: CountSource | None = None

    def is_precise(self) -> ColumnElement[bool]:
        precise = self.precision.in_(PRECISE)
        return precise if self.short is None else and_(precise, self.short)


def tally_ranges(session: Session, ranges: Sequence[DayRange],
                 source: CountSource) -> dict[str | None, list[Tally]]:
    """One Tally per range for each value of the source's group column (None: no split).

    Groups with nothing in any range (their events fall between the ranges, which the
    single date seek also reads) are left out. When nothing is left, one all-zero total
    (key None) stands in, so an anchor in a quiet time still has its rows.
    """
    precise = source.is_precise()
    sums = []
    for days in ranges:
        inside = source.day.between(days.first, days.last)
        counted = and_(precise, inside)
        sums += [
            func.sum(case((counted, source.events), else_=0)),
            func.sum(case((counted, source.fatalities), else_=0)),
            func.sum(case((counted, source.injuries), else_=0)),
            func.sum(case((and_(~precise, inside), source.events), else_=0)),
        ]
    first = min(days.first for days in ranges)
    last = max(days.last for days in ranges)
    group = source.group
    head = [group] if group is not None else []
    query = select(*head, *sums).where(source.day.between(first, last), *source.conditions)
    if group is not None:
        query = query.group_by(group)
    found: dict[str | None, list[Tally]] = {}
    for row in session.execute(query):
        values = [int(value or 0) for value in row[len(head):]]
        tallies = [Tally(*values[start:start + 4]) for start in range(0, len(values), 4)]
        if group is None or not all(tally.is_empty() for tally in tallies):
            found[row[0] if head else None] = tallies
    if source.long_days is not None:
        _take_back(found, tally_ranges(session, ranges, source.long_days))
    if source.ruled is not None:
        _by_figure_rule(session, found, ranges, source.ruled)
    if not found:
        found[None] = [Tally() for _ in ranges]
    return found


def _by_figure_rule(session: Session, found: dict[str | None, list[Tally]],
                    ranges: Sequence[DayRange], events: CountSource) -> None:
    """Killed and injured by the database's figure rule: each range's sums adjusted over
    its counted events with claims (none to adjust under the default rule)."""
    head = [events.group] if events.group is not None else []
    for number, days in enumerate(ranges):
        adjustments = figure_adjustments(session, head, [
            events.day.between(days.first, days.last), events.is_precise(),
            *events.conditions])
        for key, (killed, injured) in adjustments.items():
            tallies = found.get(key[0] if head else None)
            if tallies is not None:
                have = tallies[number]
                tallies[number] = Tally(have.events, have.fatalities + killed,
                                        have.injuries + injured, have.imprecise)


def _take_back(found: dict[str | None, list[Tally]],
               long_days: dict[str | None, list[Tally]]) -> None:
    """Move the long day-precision records out of the counts and into the imprecise."""
    for group, tallies in long_days.items():
        if all(tally.is_empty() for tally in tallies) or group not in found:
            continue
        found[group] = [
            Tally(have.events - long.events, have.fatalities - long.fatalities,
                  have.injuries - long.injuries, have.imprecise + long.events)
            for have, long in zip(found[group], tallies, strict=True)]


def daily_counts(session: Session, days: DayRange, source: CountSource) -> list[DailyCount]:
    """Events, fatalities and injuries reported to the day, for every day of *days*.

    One GROUP BY over the source's day; days without events are filled in as zeros here,
    so a chart's line drops to the axis instead of skipping the gap. Week- and
    month-precision events are left out, as in the counts (a spike on a nominal date
    would mislead).
    """
    query = (select(source.day, func.sum(source.events), func.sum(source.fatalities),
                    func.sum(source.injuries))
             .where(source.day.between(days.first, days.last), source.is_precise(),
                    *source.conditions)
             .group_by(source.day))
    found = {day: (int(count), int(fatalities or 0), int(injuries or 0))
             for day, count, fatalities, injuries in session.execute(query)}
    if source.long_days is not None:
        for long in daily_counts(session, days, source.long_days):
            if long.events and long.day in found:
                have = found[long.day]
                found[long.day] = (have[0] - long.events, have[1] - long.fatalities,
                                   have[2] - long.injuries)
    series = []
    for offset in range(days.days):
        day = days.first + timedelta(days=offset)
        series.append(DailyCount(day, *found.get(day, (0, 0, 0))))
    return series

