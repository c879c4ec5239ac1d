"""The dates the tracker accepts: 1 January 1900 to 31 December 2200.

Python's calendar runs from year 1 to 9999, but a date near either end has no room
around it: a timeline's margin, "the day after" or a week's Sunday falls off the
calendar and raises OverflowError. No peace talk, strike or source the tracker is for
lies outside this range, so a date outside it is a typing mistake or a damaged file
(issue 14, F1–F3), and every entry refuses it: the event importers, the archive, the
iCalendar import, the dialogs and the command line.

A database written before the rule may still hold such a date. Every stored instant is
read through ``clamp_instant`` (domain/base.py's column type), so no view or export
meets one it cannot compute with; a view that meets an event's day outside the range
leaves it off its axis and says so, never a traceback.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

from tracker.domain.errors import TrackerError

EARLIEST = date(1900, 1, 1)
LATEST = date(2200, 12, 31)
# An instant is accepted when some zone reads it as a day in the range: local clocks run
# from UTC-12 to UTC+14 (and local mean time, before zones, within a day of UTC).
_ZONE_SLACK = timedelta(days=1)
EARLIEST_INSTANT = datetime.combine(EARLIEST, time(), UTC) - _ZONE_SLACK
LATEST_INSTANT = datetime.combine(LATEST, time(), UTC) + 2 * _ZONE_SLACK
# A window that starts inside the range may end after it (the week or month of
# 31 Dec 2200).
WINDOW_OVERHANG = timedelta(days=32)
RANGE_TEXT = f"{EARLIEST.day} {EARLIEST:%b %Y} to {LATEST.day} {LATEST:%b %Y}"


class DateRangeError(TrackerError, ValueError):
    """A date outside EARLIEST..LATEST; ``field`` names what carried it."""

    def __init__(self, field: str, shown: str) -> None:
        self.field = field
        super().__init__(f"{field}: {shown} is outside the dates the tracker takes "
                         f"({RANGE_TEXT})")


def in_range(day: date) -> bool:
    return EARLIEST <= day <= LATEST


def check_day(day: date, field: str) -> date:
    """*day*, or DateRangeError naming *field*."""
    if not in_range(day):
        raise DateRangeError(field, day.isoformat())
    return day


def instant_in_range(instant: datetime, *, overhang: timedelta = timedelta(0)) -> bool:
    """True when *instant* falls on a day in the range, or at most *overhang* after it
    (the end of a window that starts inside)."""
    return EARLIEST_INSTANT <= instant.astimezone(UTC) <= LATEST_INSTANT + overhang


def check_instant(instant: datetime, field: str) -> datetime:
    """*instant* (timezone-aware), or DateRangeError naming *field*."""
    if not instant_in_range(instant):
        utc = instant.astimezone(UTC)
        raise DateRangeError(field, f"{utc.date().isoformat()} {utc:%H:%M} UTC")
    return instant


def clamp_instant(instant: datetime) -> datetime:
    """*instant*, or, when it lies outside what an entry accepts, a day past the nearest
    edge: how an instant stored before the rule is read. Everything around it (a margin,
    a baseline, the next local midnight) then exists, and ``instant_in_range`` still
    tells it apart (the timeline leaves it out of its fit, the analysis skips it)."""
    return min(max(instant, EARLIEST_INSTANT - _ZONE_SLACK),
               LATEST_INSTANT + WINDOW_OVERHANG + _ZONE_SLACK)
