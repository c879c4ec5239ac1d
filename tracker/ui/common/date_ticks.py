"""Date ticks for a time axis, on the user's display zone's wall clock.

Qt's QDateTimeAxis labels instants in the process's local zone, not the zone the user
chose to see times in; the impact chart labels a category axis with these ticks instead.
Ticks sit on round local times (midnights, Mondays, the first of a month), so a day
across a daylight-saving change is still one tick apart from the next.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from tracker.domain.timewindow import WindowError, localize, zone
from tracker.ui.common.date_text import (
    clock_text,
    day_month_text,
    day_text,
    month_text,
    short_month_text,
)


@dataclass(frozen=True, slots=True)
class Tick:
    at: datetime  # aware, UTC
    label: str


@dataclass(frozen=True, slots=True)
class _Step:
    unit: str  # "hour", "day", "week", "month" or "year"
    size: int
    seconds: float  # about how long one step is, to count ticks before making them


_STEPS = tuple(
    _Step(unit, size, seconds * size)
    for unit, seconds, sizes in (
        ("hour", 3600, (1, 3, 6, 12)), ("day", 86400, (1, 2)), ("week", 7 * 86400, (1, 2)),
        ("month", 30.44 * 86400, (1, 3, 6)), ("year", 365.25 * 86400, (1, 2, 5, 10, 25)),
    )
    for size in sizes
)


def date_ticks(start: datetime, end: datetime, tz_name: str, max_ticks: int) -> list[Tick]:
    """Ticks between *start* and *end* (aware instants), at most *max_ticks* (at least
    2) of them, at the finest step that fits, labelled in *tz_name*."""
    span = (end - start).total_seconds()
    limit = max(2, max_ticks)
    step = next((s for s in _STEPS if span / s.seconds <= limit), _STEPS[-1])
    ticks: list[Tick] = []
    previous: datetime | None = None
    for wall in _walls(start.astimezone(zone(tz_name)).replace(tzinfo=None), step):
        try:
            instant = localize(wall, tz_name)
        except WindowError:  # a wall time skipped by a clock change: no tick there
            continue
        if instant > end:
            break
        if instant >= start:
            ticks.append(Tick(instant, _label(wall, step, previous)))
            previous = wall
    return ticks


def _walls(first: datetime, step: _Step) -> Iterator[datetime]:
    """Round wall-clock times from just before *first*, *step* apart, without end."""
    if step.unit == "hour":
        wall = first.replace(hour=first.hour - first.hour % step.size, minute=0, second=0,
                             microsecond=0)
        while True:
            yield wall
            wall += timedelta(hours=step.size)
    day = first.date()
    if step.unit in ("day", "week"):
        if step.unit == "week":
            day -= timedelta(days=day.weekday())  # Mondays, as ISO weeks start
        days = step.size * (7 if step.unit == "week" else 1)
        while True:
            yield datetime(day.year, day.month, day.day)
            day += timedelta(days=days)
    months = step.size * (12 if step.unit == "year" else 1)
    index = day.year * 12 + day.month - 1
    index -= index % months
    while True:
        yield datetime(index // 12, index % 12 + 1, 1)
        index += months


def _label(wall: datetime, step: _Step, previous: datetime | None) -> str:
    """Short labels; the year is added on the first tick and where it changes."""
    new_year = previous is None or previous.year != wall.year
    if step.unit == "year":
        return str(wall.year)
    if step.unit == "month":
        return month_text(wall) if new_year or wall.month == 1 else short_month_text(wall)
    day = _day_text(wall.date(), with_year=new_year)
    if step.unit == "hour":
        new_day = previous is None or previous.date() != wall.date()
        return f"{day} {clock_text(wall)}" if new_day else clock_text(wall)
    return day


def _day_text(day: date, *, with_year: bool) -> str:
    return day_text(day) if with_year else day_month_text(day)
