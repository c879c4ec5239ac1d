"""VTIMEZONE blocks written the way Outlook and Google write them: one STANDARD and one
DAYLIGHT observance with a yearly RRULE, read from the zone's rules in tzdata.

Why not icalendar's ``add_missing_timezones()`` (issue 15): it lists every transition
from 1970 to 2037 as RDATEs, dated at the wall time *after* the change, and vobject
(which Radicale reads calendars with) read 09:00 in Kyiv in February as 06:00Z from it.

How a block is made: the zone's transitions are found with zoneinfo, from the year before
the first time the file gives in the zone until well after the last (so the rule in force
at the end is checked over more than a full cycle of weekdays). Transitions of the same
kind (offsets, name, month, wall time) in consecutive years are one observance, written
with the rule that gives exactly their days ("last Sunday of March", "second Sunday of
March", "Friday on or after the 23rd", "22 March"); one that follows no rule is a
block of its own with no RRULE. DTSTART is the wall time before the change, in the
offset it changes from (RFC 5545 3.6.5: "DTSTART:19671029T020000" with
"TZOFFSETFROM:-0400" is 02:00 EDT), so the hour around each change reads right too.
A zone with no change near the file's times is one STANDARD block.
"""

from __future__ import annotations

import calendar as month_days
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

from icalendar import Calendar, Timezone, TimezoneDaylight, TimezoneStandard, vRecur

# Transitions are found by sampling the offset; no zone changes twice within this.
_STEP = timedelta(hours=12)
# The rule in force at the last time is checked over this many years after it: more than
# two runs of the seven weekdays, so "last Sunday" and "fourth Sunday" cannot be confused.
_YEARS_AFTER = 15
_DAY_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


@dataclass(frozen=True, slots=True)
class Transition:
    """One change of a zone's offset, name or daylight flag, at a UTC instant."""

    instant: datetime
    offset_from: timedelta
    offset_to: timedelta
    name: str
    daylight: bool

    @property
    def wall(self) -> datetime:
        """The wall-clock time of the change, before it, as DTSTART gives it."""
        return (self.instant + self.offset_from).replace(tzinfo=None)

    def kind(self) -> tuple[bool, timedelta, timedelta, str, int, time]:
        """What repeats each year in a rule: the same change, month and time of day."""
        return (self.daylight, self.offset_from, self.offset_to, self.name,
                self.wall.month, self.wall.time())


_State = tuple[timedelta, str, bool]


def _state(tz: ZoneInfo, instant: datetime) -> _State:
    local = instant.astimezone(tz)
    offset, dst = local.utcoffset(), local.dst()
    assert offset is not None
    return offset, local.tzname() or "", bool(dst)


def transitions(tz: ZoneInfo, start: datetime, end: datetime) -> list[Transition]:
    """Every change in *tz* between the UTC instants *start* and *end*, in order."""
    found: list[Transition] = []
    before = _state(tz, start)
    low = start
    while low < end:
        high = min(low + _STEP, end)
        after = _state(tz, high)
        if after != before:
            found.append(_bisect(tz, low, high, before))
            before = _state(tz, found[-1].instant)
        low = high
    return found


@lru_cache(maxsize=64)
def _changes(tzid: str, start: datetime, end: datetime) -> tuple[Transition, ...]:
    """transitions(), kept: each export of the same years asks for the same ones."""
    return tuple(transitions(ZoneInfo(tzid), start, end))


def _bisect(tz: ZoneInfo, low: datetime, high: datetime, before: _State) -> Transition:
    """The first second after *low* whose state differs from *before* (tzdata gives
    changes to the second)."""
    first, last = int(low.timestamp()), int(high.timestamp())
    while last - first > 1:
        middle = (first + last) // 2
        if _state(tz, datetime.fromtimestamp(middle, UTC)) == before:
            first = middle
        else:
            last = middle
    instant = datetime.fromtimestamp(last, UTC)
    offset, name, daylight = _state(tz, instant)
    return Transition(instant, before[0], offset, name, daylight)


# -- yearly rules ---------------------------------------------------------------------------

_DayRule = tuple[dict[str, object], Callable[[int], int | None]]


def _rules(month: int, weekday: int, days: set[int], lengths: set[int]) -> list[_DayRule]:
    """The ways of naming a day of *month* each year, most specific first: each a RRULE's
    day parts and the day of the month it gives in a year (None: no such day)."""
    code = _DAY_CODES[weekday]

    def nth(n: int) -> Callable[[int], int | None]:
        def day(year: int) -> int | None:
            first = (weekday - date(year, month, 1).weekday()) % 7 + 1
            found = first + 7 * (n - 1)
            return found if found <= month_days.monthrange(year, month)[1] else None
        return day

    def last(year: int) -> int:
        length = month_days.monthrange(year, month)[1]
        return length - (date(year, month, length).weekday() - weekday) % 7

    def on_or_after(least: int) -> Callable[[int], int | None]:
        def day(year: int) -> int | None:
            found = least + (weekday - date(year, month, least).weekday()) % 7
            return found if found <= month_days.monthrange(year, month)[1] else None
        return day

    lowest = min(days)
    found: list[_DayRule] = [({"BYDAY": f"-1{code}"}, last)]
    found += [({"BYDAY": f"{n}{code}"}, nth(n)) for n in range(1, 5)]
    if lowest + 6 <= min(lengths):  # "Fri>=23": seven days that every such month has
        found.append(({"BYMONTHDAY": list(range(lowest, lowest + 7)), "BYDAY": code},
                      on_or_after(lowest)))
    found.append(({"BYMONTHDAY": lowest}, lambda year: lowest))
    return found


def yearly_rule(walls: list[datetime]) -> vRecur | None:
    """The yearly RRULE that gives exactly these changes (one a year, consecutive years,
    same month and time), or None when no rule does."""
    month = walls[0].month
    days = {wall.day for wall in walls}
    lengths = {month_days.monthrange(wall.year, month)[1] for wall in walls}
    weekday = walls[0].weekday()
    for parts, day_in in _rules(month, weekday, days, lengths):
        if all(day_in(wall.year) == wall.day for wall in walls):
            return vRecur({"FREQ": "YEARLY", "BYMONTH": month, **parts})
    return None


def _runs(found: Iterable[Transition]) -> list[list[Transition]]:
    """Changes of one kind in consecutive years, in the order they begin."""
    runs: list[list[Transition]] = []
    open_runs: dict[tuple[object, ...], list[Transition]] = {}
    for change in found:
        run = open_runs.get(change.kind())
        if run is not None and run[-1].wall.year == change.wall.year - 1:
            run.append(change)
            continue
        open_runs[change.kind()] = [change]
        runs.append(open_runs[change.kind()])
    return runs


# -- the blocks -----------------------------------------------------------------------------

Observance = TimezoneStandard | TimezoneDaylight


def _observance(first: Transition, rule: vRecur | None = None) -> Observance:
    part = TimezoneDaylight() if first.daylight else TimezoneStandard()
    part.add("dtstart", first.wall)
    part.add("tzoffsetfrom", first.offset_from)
    part.add("tzoffsetto", first.offset_to)
    part.add("tzname", first.name)
    if rule is not None:
        part.add("rrule", rule)
    return part


def zone_block(tzid: str, first: datetime, last: datetime) -> Timezone:
    """The VTIMEZONE for *tzid* that reads every time from *first* to *last* (aware
    datetimes) in the offset tzdata gives it."""
    tz = ZoneInfo(tzid)
    start = datetime(first.astimezone(tz).year - 1, 1, 1, tzinfo=tz).astimezone(UTC)
    scan_end = datetime(last.astimezone(tz).year + _YEARS_AFTER + 1, 1, 1, tzinfo=UTC)
    parts: list[Observance] = []
    for run in _runs(_changes(tzid, start, scan_end)):
        if run[0].instant > last:
            continue  # begins after every time in the file
        rule = yearly_rule([change.wall for change in run]) if len(run) > 1 else None
        if rule is None:  # no rule gives these days: each change a block of its own
            parts += [_observance(change) for change in run if change.instant <= last]
            continue
        if run[-1].wall.year < scan_end.year - 1:
            # A rule that has ended. UNTIL is in UTC (RFC 5545 3.8.5.3), but dateutil
            # (icalendar's and vobject's reader) compares it with the wall time as if
            # both were local: a day later keeps the last change, and the next one is a
            # year away.
            rule["UNTIL"] = run[-1].instant + timedelta(days=1)
        parts.append(_observance(run[0], rule))
    if not any(_onset(part) <= first.astimezone(tz).replace(tzinfo=None) for part in parts):
        # No change before the first time (a zone without daylight saving): the
        # observance in force then, from the start of the year before.
        offset, name, daylight = _state(tz, start)
        parts.append(_observance(Transition(start, offset, offset, name, daylight)))
    block = Timezone()
    block.add("tzid", tzid)
    for part in sorted(parts, key=lambda part: (_onset(part), part.name)):
        block.add_component(part)
    return block


def _onset(part: Observance) -> datetime:
    onset: datetime = part.decoded("dtstart")
    return onset


def add_zone_blocks(calendar: Calendar) -> None:
    """Put a VTIMEZONE for each TZID the events use at the head of *calendar*, sorted
    by TZID, each covering the times the events give in it."""
    times: dict[str, list[datetime]] = {}
    for event in calendar.walk("VEVENT"):
        for name in ("DTSTART", "DTEND"):
            value = event.get(name)
            tzid = value.params.get("TZID") if value is not None else None
            if tzid and isinstance(value.dt, datetime):
                times.setdefault(str(tzid), []).append(value.dt)
    blocks = [zone_block(tzid, min(times[tzid]), max(times[tzid]))
              for tzid in sorted(times)]
    calendar.subcomponents[:0] = blocks
