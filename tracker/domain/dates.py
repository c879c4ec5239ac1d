"""Typed dates to windows, through python-dateutil, keeping what precision was typed.

"2026-02-05 10:00" is exact, "5 Feb 2026" a day, "Feb 2026" a month, "week of 2 Feb 2026"
or "the coming week" a week, and "" or "unknown" no date at all. The precision is read off
which fields dateutil had to take from its default: we parse twice with two defaults that
differ in every field, and whatever changes between the two results was not typed.
"""

from __future__ import annotations

import re
import warnings
from datetime import date, datetime, timedelta

from dateutil import parser as dateutil_parser
from dateutil.parser import UnknownTimezoneWarning

from tracker.domain.enums import Precision
from tracker.domain.errors import TrackerError
from tracker.domain.timewindow import ScheduledWindow, WindowError

_DEFAULT_A = datetime(2000, 1, 1, 0, 0, 0)
_DEFAULT_B = datetime(2001, 2, 2, 1, 1, 1)
_UNKNOWN_WORDS = {"", "unknown", "tbd", "tba", "?", "date unknown"}
_WEEK_PREFIX = re.compile(r"^\s*(?:the\s+)?week\s+(?:of|starting|beginning)\s+", re.IGNORECASE)
# A date typed year first ("2026-02-05") is year-month-day whatever the day-first option
# says; dateutil would read it as year-day-month (5 Feb as 2 May).
_YEAR_FIRST = re.compile(r"^\s*\d{4}[-/.]")
_RELATIVE_WEEKS = {
    "this week": 0,
    "the coming week": 1,
    "coming week": 1,
    "next week": 1,
    "the week after next": 2,
}


class DateParseError(TrackerError, ValueError):
    """Typed text that is not a date; the message quotes the text."""


def parse_date(text: str, *, dayfirst: bool = False) -> date:
    """A single calendar day, for filters and event dates."""
    parsed, precision = _parse(text, dayfirst=dayfirst)
    if precision not in (Precision.DAY, Precision.EXACT):
        raise DateParseError(f"{text!r} is not a single day")
    return parsed.date()


def parse_instant(text: str, tz: str, *, dayfirst: bool = False) -> datetime:
    """A wall-clock time in *tz* (or with an explicit offset), returned in UTC."""
    window = parse_window(text, tz, dayfirst=dayfirst)
    if window.start is None:
        raise DateParseError(f"{text!r} has no date")
    return window.start


def parse_window(
    text: str, tz: str, *, dayfirst: bool = False, today: date | None = None
) -> ScheduledWindow:
    """Read a typed date, time, day, week or month as a ScheduledWindow in *tz*.

    Relative weeks ("the coming week", "next week") count from *today* (default: the
    current date), the way a statement announcing talks is read on the day it is made.
    """
    cleaned = " ".join(text.split())
    lowered = cleaned.lower()
    if lowered in _UNKNOWN_WORDS:
        return ScheduledWindow.unknown(tz)
    if lowered in _RELATIVE_WEEKS:
        base = today or date.today()
        return ScheduledWindow.week_of(base + timedelta(weeks=_RELATIVE_WEEKS[lowered]), tz)
    week_match = _WEEK_PREFIX.match(cleaned)
    try:
        if week_match:
            parsed, precision = _parse(cleaned[week_match.end():], dayfirst=dayfirst)
            if precision not in (Precision.DAY, Precision.EXACT):
                raise DateParseError(f"{text!r}: a week needs a day, e.g. 'week of 2 Feb 2026'")
            return ScheduledWindow.week_of(parsed.date(), tz)
        parsed, precision = _parse(cleaned, dayfirst=dayfirst)
        if precision is Precision.MONTH:
            return ScheduledWindow.month_of(parsed.date(), tz)
        if precision is Precision.DAY:
            return ScheduledWindow.days(parsed.date(), tz)
        return ScheduledWindow.exact(parsed, None, tz)
    except WindowError as exc:
        raise DateParseError(str(exc)) from exc
    except OverflowError as exc:
        # A day at the edge of the calendar (31 Dec 9999, 1 Jan 0001 east of UTC) has no
        # following midnight or no UTC instant that datetime can hold.
        raise DateParseError(f"{text!r} is outside the dates that can be stored") from exc


def _parse(text: str, *, dayfirst: bool) -> tuple[datetime, Precision]:
    if not text.strip():
        raise DateParseError("No date given")
    dayfirst = dayfirst and not _YEAR_FIRST.match(text)
    try:
        with warnings.catch_warnings():
            # A zone abbreviation dateutil does not know ("10:00 EEST") would be dropped
            # with a warning and the time read in the window's zone: refuse it instead.
            # Found by tests/properties.
            warnings.simplefilter("error", UnknownTimezoneWarning)
            first = dateutil_parser.parse(text, default=_DEFAULT_A, dayfirst=dayfirst)
            second = dateutil_parser.parse(text, default=_DEFAULT_B, dayfirst=dayfirst)
        # dateutil may read trailing digits as an offset of a day or more ("… 2026-03-29"
        # is -29 h), which datetime refuses only once the offset is used.
        first.utcoffset()
    except UnknownTimezoneWarning as exc:
        raise DateParseError(f"{text!r} names a time zone by an abbreviation that cannot be "
                             "read; give an offset (+03:00) or choose the zone") from exc
    except (ValueError, OverflowError) as exc:
        raise DateParseError(f"{text!r} is not a date dateutil can read") from exc
    if first.year != second.year:
        raise DateParseError(f"{text!r} has no year")
    if first.month != second.month:
        raise DateParseError(f"{text!r} has no month")
    if first.day != second.day:
        return first, Precision.MONTH
    if first.hour != second.hour:
        return first, Precision.DAY
    # Minutes and seconds default to zero when only an hour was typed ("10am").
    return first.replace(
        minute=first.minute if first.minute == second.minute else 0,
        second=first.second if first.second == second.second else 0,
    ), Precision.EXACT
