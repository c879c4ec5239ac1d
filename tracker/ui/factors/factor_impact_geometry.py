"""Where the impact chart draws things, as plain numbers: x is milliseconds since the
epoch (what QtCharts' axes hold), y a level (1 = low … 4 = critical) or an event count.

Kept apart from the widget so the shapes can be checked without drawing them.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime, timedelta

from tracker.domain.enums import FactorLevel, Precision
from tracker.domain.timewindow import ScheduledWindow, reported_days
from tracker.services.common.views import EventDay, FactorImpact, ReadingRow

Point = tuple[float, float]

# Events reported only to these are spread over the week or month, not piled on its
# first day (the date they are stored with).
SPREAD = (Precision.WEEK, Precision.MONTH)
LEVELS = tuple(FactorLevel)  # low, moderate, high, critical: drawn at 1, 2, 3, 4
LEVEL_FLOOR, LEVEL_CEILING = 0.5, 4.5  # the level axis's range: half a level of room
DAY_MS = 86_400_000.0
# A day's bar leaves this share of the day free on each side, so days stay apart.
BAR_INSET = 0.12
# The least room around what is drawn, and the least span shown (a single reading).
MIN_PAD_MS = DAY_MS / 2
MIN_SPAN_MS = 3 * DAY_MS


def ms(instant: datetime) -> float:
    return instant.timestamp() * 1000.0


def instant(x: float) -> datetime:
    """The instant at *x* (milliseconds since the epoch), in UTC."""
    return datetime.fromtimestamp(x / 1000.0, UTC)


def level_y(level: FactorLevel) -> int:
    return LEVELS.index(level) + 1


def day_span(day: date, tz_name: str) -> tuple[float, float]:
    """A reported date as the local day it names in the user's zone, [midnight, midnight).

    An event's date is a calendar date, not an instant; drawn in the display zone it lines
    up with the readings and windows shown in that zone. 23 or 25 hours across a clock
    change, as the day really is.
    """
    window = ScheduledWindow.days(day, tz_name)
    assert window.end is not None
    return ms(window.start or window.end), ms(window.end)


def reported_span(day: date, precision: Precision, tz_name: str, *,
                  midweek: bool = False) -> tuple[float, float]:
    """The days an event's reported date stands for (``reported_days``: the week
    around it, its calendar month, or just the day), from the first's start to the
    last's end in *tz_name*."""
    first, last = reported_days(day, precision, midweek=midweek)
    window = ScheduledWindow.days(first, tz_name, last)
    assert window.start is not None and window.end is not None
    return ms(window.start), ms(window.end)


def _days_in(day: date, precision: Precision) -> int:
    """Calendar days in the week or month *day* was reported to (a clock change makes
    one of them 23 or 25 hours long, not fewer days)."""
    if precision is Precision.WEEK:
        return 7
    first = day.replace(day=1)
    return ((first + timedelta(days=32)).replace(day=1) - first).days


def window_span(window: ScheduledWindow, min_width: float) -> tuple[float, float] | None:
    """A round's window, at least *min_width* wide (an exact start with no end is a
    moment); None for a window of unknown date, which has no place on a time axis."""
    if window.start is None:
        return None
    start = ms(window.start)
    end = ms(window.end) if window.end is not None else start
    return start, max(end, start + min_width)


def extent(impact: FactorImpact, tz_name: str) -> tuple[float, float] | None:
    """The x range that shows everything, with a margin; None when there is nothing."""
    xs: list[float] = [ms(r.observed_at) for r in impact.readings]
    xs += [ms(c.announced_when) for c in impact.changes]
    for day in impact.event_days:
        xs.extend(reported_span(day.day, day.precision, tz_name, midweek=day.midweek))
    for round_ in impact.rounds:
        span = window_span(round_.window, 0.0)
        xs.extend(span or ())
    if not xs:
        return None
    low, high = min(xs), max(xs)
    if high - low < MIN_SPAN_MS:
        middle = (low + high) / 2
        low, high = middle - MIN_SPAN_MS / 2, middle + MIN_SPAN_MS / 2
    pad = max((high - low) * 0.04, MIN_PAD_MS)
    return low - pad, high + pad


def level_steps(readings: Sequence[ReadingRow], x_end: float) -> tuple[list[Point],
                                                                       list[Point]]:
    """The level as a step line through the readings (oldest first), and its last level
    held on to *x_end* (drawn dashed: nothing was read after it)."""
    steps: list[Point] = []
    for reading in readings:
        x, y = ms(reading.observed_at), float(level_y(reading.level))
        if steps:
            steps.append((x, steps[-1][1]))
        steps.append((x, y))
    if not steps:
        return [], []
    last = steps[-1]
    return steps, [last, (max(x_end, last[0]), last[1])]


def day_bars(days: Iterable[EventDay], tz_name: str) -> list[Point]:
    """One outline of bars, filled down to 0: a bar per day for the events dated to that
    day (exact or day precision; an unknown precision is taken at its date)."""
    per_day = Counter[date]()
    for row in days:
        if row.precision not in SPREAD:
            per_day[row.day] += row.events
    outline: list[Point] = []
    for day in sorted(per_day):
        start, end = day_span(day, tz_name)
        inset = (end - start) * BAR_INSET
        height = float(per_day[day])
        outline += [(start + inset, 0.0), (start + inset, height), (end - inset, height),
                    (end - inset, 0.0)]
    return outline


def spread_outline(days: Iterable[EventDay], tz_name: str) -> list[Point]:
    """Events reported only to a week or month, spread evenly over it, per day: a step
    outline filled down to 0 (where spans overlap, their rates add up)."""
    changes: defaultdict[float, float] = defaultdict(float)
    for row in days:
        if row.precision in SPREAD:
            start, end = reported_span(row.day, row.precision, tz_name, midweek=row.midweek)
            rate = row.events / _days_in(row.day, row.precision)
            changes[start] += rate
            changes[end] -= rate
    outline: list[Point] = []
    level = 0.0
    for x in sorted(changes):
        outline.append((x, level))
        level += changes[x]
        level = 0.0 if abs(level) < 1e-9 else level  # sums of rates are not exact
        outline.append((x, level))
    return outline


def most_per_day(days: Iterable[EventDay], tz_name: str) -> float:
    """The tallest bar or spread level: what the count axis must reach."""
    heights = [y for _x, y in day_bars(days, tz_name) + spread_outline(days, tz_name)]
    return max(heights, default=0.0)


def count_axis(most: float) -> tuple[int, int]:
    """(top, tick interval) for an axis of event counts up to *most*: whole numbers, at
    most about five ticks, a little room above the tallest bar."""
    wanted = max(1.0, most * 1.1)
    interval = 1
    for interval in (m * 10**e for e in range(7) for m in (1, 2, 5)):
        if wanted / interval <= 5:
            break
    return interval * max(1, math.ceil(wanted / interval)), interval
