"""Scheduled windows: UTC instants plus the precision they were announced with.

"Talks in the coming week" is not a point in time. A window keeps the span that was meant
(a local day, an ISO week, a calendar month) as UTC instants computed from local midnights
in the announcing zone, so a day across a daylight-saving change is 23 or 25 hours long, and
an exact time that does not exist on the wall clock is refused rather than shifted.
"""

from __future__ import annotations

import os
from contextlib import suppress
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from tracker.domain.date_range import WINDOW_OVERHANG, DateRangeError, in_range, instant_in_range
from tracker.domain.enums import Precision
from tracker.domain.errors import TrackerError
from tracker.domain.event_time import EventTime
from tracker.domain.event_time import day_text as _day
from tracker.domain.wording import month_year_words, say


class WindowError(TrackerError, ValueError):
    """A window that cannot exist: unknown zone, end before start, missing wall-clock time."""


class WindowRangeError(DateRangeError, WindowError):
    """A window outside the dates the tracker takes (domain/date_range.py): both a
    DateRangeError and a WindowError, so either handler sees it."""


def zone(name: str) -> ZoneInfo:
    """Return the IANA zone called *name*, or raise WindowError naming it."""
    if not name or name != name.strip():
        raise WindowError(f"Unknown time zone: {name!r}")
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError) as exc:
        # OSError: a name that is a folder of the zone database ("America") or unreadable.
        raise WindowError(f"Unknown time zone: {name!r}") from exc


def is_known_zone(name: str) -> bool:
    try:
        zone(name)
    except WindowError:
        return False
    return True


def all_zone_names() -> list[str]:
    return sorted(available_timezones())


def local_zone_name() -> str:
    """This computer's IANA zone, from TZ or the /etc/localtime link; 'UTC' if unknown.

    For the command line, which has no Qt; the window asks Qt, which also knows Windows.
    """
    candidates = [os.environ.get("TZ", "").lstrip(":")]
    with suppress(OSError):
        target = os.path.realpath("/etc/localtime")
        if "zoneinfo" + os.sep in target:
            candidates.append(target.split("zoneinfo" + os.sep, 1)[1])
    return next((name for name in candidates if name and is_known_zone(name)), "UTC")


def localize(wall: datetime, tz_name: str, *, fold: int = 0) -> datetime:
    """Attach *tz_name* to a naive wall-clock time and return the instant in UTC.

    A time skipped by a spring-forward change (03:30 on the last Sunday of March in Kyiv,
    where clocks jump from 03:00 to 04:00) does not exist; it raises WindowError instead of
    silently moving an hour. For a time that occurs twice (autumn), *fold* picks the first
    (0) or second (1) occurrence.
    """
    if wall.tzinfo is not None:
        return wall.astimezone(UTC)
    tz = zone(tz_name)
    aware = wall.replace(tzinfo=tz, fold=fold)
    try:
        round_trip = aware.astimezone(UTC).astimezone(tz)
    except OverflowError as exc:
        # 1 Jan 0001 east of UTC (or 31 Dec 9999 west of it) has no UTC instant datetime
        # can hold. Found by tests/properties.
        raise WindowError(f"{wall:%Y-%m-%d %H:%M} in {tz_name} is outside the dates that "
                          "can be stored") from exc
    if round_trip.replace(tzinfo=None) != wall:
        raise WindowError(
            f"{wall:%Y-%m-%d %H:%M} does not exist in {tz_name} (clocks change that night)"
        )
    return aware.astimezone(UTC)


def is_ambiguous(wall: datetime, tz_name: str) -> bool:
    """True when *wall* happens twice in *tz_name* (the hour repeated in autumn)."""
    tz = zone(tz_name)
    first = wall.replace(tzinfo=tz, fold=0)
    if first.utcoffset() == wall.replace(tzinfo=tz, fold=1).utcoffset():
        return False
    # The offsets also differ for a time skipped in spring, which happens not twice but never.
    return first.astimezone(UTC).astimezone(tz).replace(tzinfo=None) == wall


def _local_midnight(day: date, tz_name: str) -> datetime:
    # Midnight itself may be skipped in a few zones (e.g. historical changes at 00:00);
    # the day then starts at the first wall-clock instant that exists. A skipped wall time
    # with fold=0 maps through the offset from before the change, which for a gap opening
    # at midnight is the instant of the change itself, however long the gap (Samoa skipped
    # all of 30 Dec 2011; Tehran's gap was one hour).
    wall = datetime(day.year, day.month, day.day)
    try:
        return localize(wall, tz_name)
    except WindowError:
        return wall.replace(tzinfo=zone(tz_name), fold=0).astimezone(UTC)


@dataclass(frozen=True, slots=True)
class ScheduledWindow:
    """A start/end pair of UTC instants, the precision it was given with, and its zone.

    ``end`` is exclusive. For ``UNKNOWN`` both are None. ``tz`` is the zone the window was
    announced in (normally the venue's); it decides where local days and weeks begin.
    """

    precision: Precision
    tz: str
    start: datetime | None = None
    end: datetime | None = None

    def __post_init__(self) -> None:
        zone(self.tz)
        if self.precision is Precision.UNKNOWN:
            if self.start is not None or self.end is not None:
                raise WindowError("A window of unknown date has no start or end")
            return
        if self.start is None:
            raise WindowError(f"A {self.precision.value} window needs a start")
        for instant in (self.start, self.end):
            if instant is not None and instant.utcoffset() != timedelta(0):
                raise WindowError("Window instants must be in UTC")
        if self.end is not None and self.end <= self.start:
            raise WindowError("The end must be after the start")

    # -- constructors -------------------------------------------------------------------

    @classmethod
    def unknown(cls, tz: str = "UTC") -> ScheduledWindow:
        return cls(Precision.UNKNOWN, tz)

    @classmethod
    def stored(cls, precision: Precision, tz: str, start: datetime | None,
               end: datetime | None) -> ScheduledWindow:
        """A window as a database row holds it, made safe to show and to export.

        A row written before the rules of issue 14 (or by hand) may name a zone this
        computer does not know, which reads as UTC; its instants, read at the edge of the
        tracker's dates (domain/base.py), may then coincide, and the end is put a day on.
        """
        tz = tz if is_known_zone(tz) else "UTC"
        if start is not None and end is not None and end <= start:
            end = start + timedelta(days=1)
        try:
            return cls(precision, tz, start, end)
        except WindowError:  # a precision without a start, or the other way round
            return cls.unknown(tz)

    @classmethod
    def exact(
        cls, start: datetime, end: datetime | None, tz: str, *, fold: int = 0
    ) -> ScheduledWindow:
        """From wall-clock times in *tz* (naive) or aware datetimes."""
        _check_days(start.date())  # the end is checked with the window (check_range)
        start_utc = localize(start, tz, fold=fold)
        end_utc = localize(end, tz, fold=fold) if end is not None else None
        if end_utc is not None and end_utc <= start_utc:
            raise WindowError("The end must be after the start")
        return cls(Precision.EXACT, tz, start_utc, end_utc).check_range()

    @classmethod
    def days(cls, first: date, tz: str, last: date | None = None) -> ScheduledWindow:
        """Whole local days from *first* to *last* inclusive."""
        last = last or first
        if last < first:
            raise WindowError("The end must be after the start")
        _check_days(first, last)  # so the day after the last one exists
        return cls(
            Precision.DAY, tz, _local_midnight(first, tz),
            _local_midnight(last + timedelta(days=1), tz),
        )

    @classmethod
    def week_of(cls, day: date, tz: str) -> ScheduledWindow:
        """The ISO week (Monday to Sunday, local) that contains *day*."""
        _check_days(day)
        monday = day - timedelta(days=day.weekday())
        return cls(
            Precision.WEEK, tz, _local_midnight(monday, tz),
            _local_midnight(monday + timedelta(days=7), tz),
        )

    @classmethod
    def month_of(cls, day: date, tz: str) -> ScheduledWindow:
        _check_days(day)
        first = day.replace(day=1)
        following = (first + timedelta(days=32)).replace(day=1)
        return cls(
            Precision.MONTH, tz, _local_midnight(first, tz), _local_midnight(following, tz)
        )

    def check_range(self, field: str = "window") -> ScheduledWindow:
        """This window, or WindowRangeError when it starts outside the tracker's dates
        (or ends long after them). Windows read from the database are not checked, so a
        date stored before the rule can still be shown; every write is."""
        if self.start is not None and not self._starts_in_range():
            raise WindowRangeError(field, _shown_instant(self.start))
        if self.end is not None and not instant_in_range(self.end, overhang=WINDOW_OVERHANG):
            raise WindowRangeError(field, _shown_instant(self.end))
        return self

    def _starts_in_range(self) -> bool:
        assert self.start is not None
        # The instant first: a local day is computed only for an instant that has one.
        return instant_in_range(self.start) and \
            in_range(self.start.astimezone(zone(self.tz)).date())

    # -- views ----------------------------------------------------------------------------

    def local_start(self, tz_name: str | None = None) -> datetime | None:
        return self.start.astimezone(zone(tz_name or self.tz)) if self.start else None

    def local_end(self, tz_name: str | None = None) -> datetime | None:
        return self.end.astimezone(zone(tz_name or self.tz)) if self.end else None

    def first_day(self) -> date | None:
        """The local calendar day the window starts on, in its own zone."""
        local = self.local_start()
        return local.date() if local else None

    def last_day(self) -> date | None:
        """The last local calendar day touched by the window (its end is exclusive)."""
        if self.end is None:
            return self.first_day()
        return (self.end.astimezone(zone(self.tz)) - timedelta(microseconds=1)).date()

    def describe(self, tz_name: str | None = None) -> str:
        """Human text that keeps the precision: never shows a week as an exact time."""
        shown = tz_name or self.tz
        if self.precision is Precision.UNKNOWN or self.start is None:
            return say("date unknown")
        if self.precision is Precision.MONTH:
            return say("{month} (month)").format(
                month=month_year_words(self.start.astimezone(zone(self.tz))))
        first, last = self.first_day(), self.last_day()
        assert first is not None and last is not None
        if self.precision is Precision.WEEK:
            return say("week of {first} (to {last})").format(first=_day(first),
                                                             last=_day(last))
        if self.precision is Precision.DAY:
            return _day(first) if first == last else f"{_day(first)} – {_day(last)}"
        start = self.start.astimezone(zone(shown))
        text = f"{_day(start.date())} {start:%H:%M}"
        if self.end is None:
            return f"{text} {start.tzname()}"
        end = self.end.astimezone(zone(shown))
        end_day = "" if end.date() == start.date() else f"{_day(end.date())} "
        if (end.tzname(), end.utcoffset()) == (start.tzname(), start.utcoffset()):
            dash = "–" if not end_day else " – "
            return f"{text}{dash}{end_day}{end:%H:%M} {start.tzname()}"
        # Across a clock change each end reads in its own offset: "01:30 EST – 04:30 EDT".
        return f"{text} {start.tzname()} – {end_day}{end:%H:%M} {end.tzname()}"

    def sort_key(self) -> datetime:
        """Unknown dates sort last."""
        return self.start or datetime.max.replace(tzinfo=UTC)


def _check_days(*days: date) -> None:
    for day in days:
        if not in_range(day):
            raise WindowRangeError("window", day.isoformat())


def _shown_instant(instant: datetime) -> str:
    utc = instant.astimezone(UTC)
    return f"{utc.date().isoformat()} {utc:%H:%M} UTC"


def describe_day(day: date, precision: Precision, last_day: date | None = None, *,
                 midweek: bool = False) -> str:
    """A reported date (a battlefield event's) as precisely as it was reported
    (event_time.EventTime.describe): a week never reads as a day, a span never as its
    first day."""
    return EventTime.of(day, precision, last_day, midweek=midweek).describe()


def reported_days(day: date, precision: Precision, last_day: date | None = None, *,
                  midweek: bool = False) -> tuple[date, date]:
    """The first and last day a reported event date may stand for (EventTime.of)."""
    told = EventTime.of(day, precision, last_day, midweek=midweek)
    return told.first, told.last
