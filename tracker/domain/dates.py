"""Typed dates to windows, through python-dateutil, keeping what precision was typed.

"2026-02-05 10:00" is exact, "5 Feb 2026" a day, "Feb 2026" a month, "week of 2 Feb 2026"
or "the coming week" a week, and "" or "unknown" no date at all. The precision is read off
which fields dateutil had to take from its default: we parse twice with two defaults that
differ in every field, and whatever changes between the two results was not typed.

``widen_window`` and ``window_with_end`` finish a typed window the way the Reschedule
dialog's date field and ``tracker round reschedule`` both do: a chosen precision wider
than the one typed, and a separate end.
"""

from __future__ import annotations

import re
import warnings
from datetime import date, datetime, timedelta

from dateutil import parser as dateutil_parser
from dateutil.parser import UnknownTimezoneWarning

from tracker.domain.announcement import Announcement
from tracker.domain.date_range import RANGE_TEXT, in_range
from tracker.domain.enums import Precision
from tracker.domain.errors import TrackerError
from tracker.domain.timewindow import ScheduledWindow, WindowError, localize

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
_WIDENS = {  # what a typed precision may be widened to ("5 Feb" as "the week of 5 Feb")
    Precision.EXACT: {Precision.EXACT},
    Precision.DAY: {Precision.EXACT, Precision.DAY},
    Precision.WEEK: {Precision.EXACT, Precision.DAY, Precision.WEEK},
    Precision.MONTH: {Precision.EXACT, Precision.DAY, Precision.WEEK, Precision.MONTH},
}


class DateParseError(TrackerError, ValueError):
    """Typed text that is not a date; the message quotes the text."""


def parse_date(text: str, *, dayfirst: bool = False, any_day: bool = False) -> date:
    """A single calendar day, for filters and event dates: one the tracker takes
    (domain/date_range.py), or with *any_day* one the caller's own rule judges."""
    parsed, precision = _parse(text, dayfirst=dayfirst)
    if precision not in (Precision.DAY, Precision.EXACT):
        raise DateParseError(f"{text!r} is not a single day")
    if not any_day and not in_range(parsed.date()):
        raise DateParseError(f"{text!r} is outside the dates the tracker takes ({RANGE_TEXT})")
    return parsed.date()


def parse_instant(text: str, tz: str, *, dayfirst: bool = False) -> datetime:
    """A wall-clock time in *tz* (or with an explicit offset), returned in UTC."""
    window = parse_window(text, tz, dayfirst=dayfirst)
    if window.start is None:
        raise DateParseError(f"{text!r} has no date")
    return window.start


def parse_announcement(text: str, tz: str, *, dayfirst: bool = False) -> Announcement:
    """When a change was announced, as typed: "1 Feb 2026" is that day, "1 Feb 2026 15:00"
    an instant in *tz* (or at a typed offset). Nothing coarser than a day."""
    parsed, precision = _parse(" ".join(text.split()), dayfirst=dayfirst)
    if precision is Precision.DAY:
        return Announcement.on_day(parsed.date())
    if precision is not Precision.EXACT:
        raise DateParseError(f"{text!r}: say the day it was announced, e.g. 1 Feb 2026")
    try:
        return Announcement.at_instant(localize(parsed, tz))
    except WindowError as exc:
        raise DateParseError(str(exc)) from exc


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


def widen_window(typed: ScheduledWindow, precision: Precision | None) -> ScheduledWindow:
    """*typed* taken at a wider *precision* (None: as typed), in its own zone.

    DateParseError when *typed* is already wider ("Feb 2026" as a day) or has no time
    where an exact window is asked for.
    """
    if precision is None or precision is typed.precision:
        return typed
    first = typed.first_day()
    if first is None or typed.precision not in _WIDENS[precision]:
        if precision is Precision.EXACT:
            raise DateParseError("An exact window needs a time, e.g. 5 Feb 2026 10:00")
        raise DateParseError(f"“{typed.describe()}” is wider than a {precision.value}; "
                             "type a date inside it")
    if precision is Precision.DAY:
        return ScheduledWindow.days(first, typed.tz)
    if precision is Precision.WEEK:
        return ScheduledWindow.week_of(first, typed.tz)
    return ScheduledWindow.month_of(first, typed.tz)


def window_with_end(window: ScheduledWindow, text: str, *, dayfirst: bool = False,
                    today: date | None = None) -> ScheduledWindow:
    """*window* ending at the typed *text* ("" keeps it as it is): a time for an exact
    window ("18:00" ends on the day it starts), a last day for a window of days."""
    text = text.strip()
    if not text:
        return window
    start = window.local_start()
    if window.precision not in (Precision.EXACT, Precision.DAY) or start is None:
        raise DateParseError("Only an exact time or a day can have a separate end")
    if window.precision is Precision.EXACT and ":" in text and len(text) <= 5:
        text = f"{start:%Y-%m-%d} {text}"
    end = parse_window(text, window.tz, dayfirst=dayfirst, today=today)
    if window.precision is Precision.EXACT:
        if end.precision is not Precision.EXACT or end.start is None:
            raise DateParseError("The end of an exact window needs a time, e.g. 18:00")
        return ScheduledWindow(Precision.EXACT, window.tz, window.start, end.start)
    last = end.first_day()
    if last is None or end.precision is not Precision.DAY:
        raise DateParseError("The last day needs a date, e.g. 7 Feb 2026")
    return ScheduledWindow.days(start.date(), window.tz, last)


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
