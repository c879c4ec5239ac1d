"""Reading one field of a dataset row: dates, counts, coordinates, precisions.

Each reader raises FieldError with the column's header name and a reason a user can act
on. Dates go through python-dateutil, with the day-first rule of the dataset, and are
cached: a million events fall on a few thousand distinct date strings, and a cache hit
is a dictionary lookup where dateutil would take tens of microseconds.
"""

from __future__ import annotations

import re
import warnings
from datetime import date, datetime

from dateutil import parser as date_parser
from dateutil.parser import UnknownTimezoneWarning

from tracker.domain.date_range import RANGE_TEXT, in_range
from tracker.io.input_errors import FieldError

# Two defaults that differ in every part: a date that parses to different values under
# them was missing a part (dateutil fills gaps from the default, silently).
_DEFAULT_A = datetime(2000, 1, 1)
_DEFAULT_B = datetime(2001, 2, 2)
_MAX_CACHED_DATES = 200_000
# Digits-only dates, optionally followed by a time ("05/02/2014 00:00", "1/22/2014
# 12:00:00 AM", "2014-01-22 00:00:00.000"); the time is ignored.
_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T].*)?\Z", re.DOTALL)
_SLASHED_DATE = re.compile(r"(\d{1,2})[/.](\d{1,2})[/.](\d{4})(?:[ T].*)?\Z", re.DOTALL)


class DateReader:
    """Date strings of one dataset to ISO dates, with the dataset's day-first rule."""

    def __init__(self, *, dayfirst: bool) -> None:
        self.dayfirst = dayfirst
        self._cache: dict[str, str] = {}

    def iso(self, column: str, text: str) -> str:
        """The date in *text* as ``YYYY-MM-DD`` (how dates are stored), or FieldError."""
        found = self._cache.get(text)
        if found is not None:
            return found
        day = self._parse(column, text)
        if not in_range(day):
            raise FieldError(column, f"{text!r} is outside the dates the tracker takes "
                                     f"({RANGE_TEXT})")
        value = day.isoformat()
        if len(self._cache) < _MAX_CACHED_DATES:
            self._cache[text] = value
        return value

    def _parse(self, column: str, text: str) -> date:
        stripped = text.strip()
        if not stripped:
            raise FieldError(column, "is empty; a date is required")
        numeric = _ISO_DATE.match(stripped) or _SLASHED_DATE.match(stripped)
        if numeric is not None:
            return self._numeric(column, text, numeric)
        try:
            with warnings.catch_warnings():
                # Only the day is kept, so a zone name dateutil cannot read does not matter.
                warnings.simplefilter("ignore", UnknownTimezoneWarning)
                first = date_parser.parse(stripped, dayfirst=self.dayfirst, default=_DEFAULT_A)
                second = date_parser.parse(stripped, dayfirst=self.dayfirst,
                                           default=_DEFAULT_B)
        except (ValueError, OverflowError) as exc:
            raise FieldError(column, f"{text!r} is not a date") from exc
        if first.date() != second.date():
            raise FieldError(column, f"{text!r} is not a full date (day, month and year)")
        return first.date()

    def _numeric(self, column: str, text: str, found: re.Match[str]) -> date:
        """All-digit dates, read in the one order the dataset uses and never swapped.

        dateutil reads 12/13/2022 as 13 December even when told day-first, because no
        13th month exists; in a day-first dataset that value is an error, not a date.
        ISO dates ("2014-01-22T00:00:00", "2022-4-5") are year, month, day in any dataset.
        """
        if found.re is _ISO_DATE:
            year, month, day = (int(part) for part in found.groups())
            order = "year-month-day"
        else:
            first, second, year = (int(part) for part in found.groups())
            day, month = (first, second) if self.dayfirst else (second, first)
            order = "day/month/year" if self.dayfirst else "month/day/year"
        try:
            return date(year, month, day)
        except ValueError as exc:
            raise FieldError(column, f"{text!r} is not a real date, read as {order} "
                                     f"({exc})") from exc


# No recorded event has a million casualties; a larger number is a typo or a shifted column,
# and it would overflow PostgreSQL's 32-bit integer columns (and the day sums) anyway.
LARGEST_COUNT = 1_000_000
# ACLED's timestamp is stored as a 64-bit integer on both databases.
LARGEST_WHOLE = 2**63 - 1


def count(column: str, text: str) -> int | None:
    """A number of people: empty is unknown; negative, fractional or implausibly large
    numbers are refused."""
    stripped = text.strip()
    if not stripped:
        return None
    try:
        value = int(stripped)
    except ValueError:
        try:
            number = float(stripped)  # "3.0" from a spreadsheet re-save
        except ValueError:
            raise FieldError(column, f"{text!r} is not a whole number") from None
        if not number.is_integer():
            raise FieldError(column, f"{text!r} is not a whole number") from None
        value = int(number)
    if value < 0:
        raise FieldError(column, f"{value} is negative")
    if value > LARGEST_COUNT:
        raise FieldError(column, f"{value:,} is more than {LARGEST_COUNT:,}, "
                                 "larger than any event's count")
    return value


def coordinate(column: str, text: str, limit: float) -> float | None:
    stripped = text.strip()
    if not stripped:
        return None
    try:
        value = float(stripped)
    except ValueError:
        raise FieldError(column, f"{text!r} is not a number") from None
    if not -limit <= value <= limit:
        raise FieldError(column, f"{value} is outside -{limit:g}..{limit:g}")
    return value


def choice(column: str, text: str, allowed: dict[str, str]) -> str:
    """The value of the code *text* (trimmed) among *allowed*'s codes."""
    found = allowed.get(text.strip())
    if found is None:
        codes = ", ".join(sorted(code for code in allowed if code))
        raise FieldError(column, f"{text!r} is not one of {codes}")
    return found


def whole(column: str, text: str) -> int | None:
    """An integer that is not a count (ACLED's Unix timestamp): empty is unknown."""
    stripped = text.strip()
    if not stripped:
        return None
    try:
        value = int(stripped)
    except ValueError:
        raise FieldError(column, f"{text!r} is not a whole number") from None
    if abs(value) > LARGEST_WHOLE:
        raise FieldError(column, f"{text.strip()!r} is out of range")
    return value
