"""Reading an iCalendar file (RFC 5545) into the rounds it describes, with the icalendar
library.

Each VEVENT becomes a CalendarEntry, or an EntryProblem naming its line, UID and field
when it cannot be one round (a floating time, a wall-clock time that does not exist, a
repeating event). A file that is not iCalendar at all is refused whole (InputFileError).
Times are resolved here, in the zone the file names, so a 02:30 that a spring-forward
change skips is refused instead of moved an hour.
"""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from icalendar import Calendar, Component

from tracker.domain.date_range import EARLIEST, LATEST, RANGE_TEXT, WINDOW_OVERHANG
from tracker.domain.enums import Precision
from tracker.domain.nul_text import NUL, NUL_REASON, has_nul
from tracker.domain.timewindow import WindowError, is_known_zone, localize
from tracker.io.calendar_lines import scan_layout
from tracker.io.file_kinds import refuse_binary
from tracker.io.input_errors import InputFileError

# Written by this program's export (schedule_calendar.PRECISION_PROPERTY) on week and
# month windows; older exports say it only in the summary's "…, date not fixed)".
PRECISION_PROPERTY = "X-NEGOTIATION-TRACKER-PRECISION"
_NOT_FIXED = re.compile(r" \((?:week of [^()]*\(to [^()]*\)|[^()]* \(month\)), date not fixed\)$")
# The fields an import reads: a broken value in any other property does not matter.
_READ = frozenset({"UID", "DTSTART", "DTEND", "DURATION", "SEQUENCE", "STATUS", "SUMMARY",
                   "LOCATION", "GEO", "DESCRIPTION"})
# What must be given once at most: what the import reads, and the precision it marks.
_READ_ONCE = tuple(sorted(_READ | {PRECISION_PROPERTY}))
_REPEATING = ("RRULE", "RDATE", "RECURRENCE-ID")
_TRACKER_PREFIX = "X-TRACKER-"


@dataclass(frozen=True, slots=True)
class ExactTimes:
    """A start (and maybe an end) at a time of day: UTC instants and the zone they were
    given in."""

    start: datetime
    end: datetime | None
    tz: str


@dataclass(frozen=True, slots=True)
class DayTimes:
    """All-day dates, *last* inclusive. *not_fixed*: the exporter marked the span as a
    week or month whose day is not known."""

    first: date
    last: date
    not_fixed: bool = False

    @property
    def precision(self) -> Precision:
        """WEEK for a marked Monday-to-Sunday span, MONTH for a marked calendar month;
        any other span is the days it covers."""
        if not self.not_fixed:
            return Precision.DAY
        if self.first.weekday() == 0 and self.last - self.first == timedelta(days=6):
            return Precision.WEEK
        following = (self.first + timedelta(days=32)).replace(day=1)
        if self.first.day == 1 and self.last == following - timedelta(days=1):
            return Precision.MONTH
        return Precision.DAY


@dataclass(frozen=True, slots=True)
class CalendarEntry:
    """One VEVENT that can be a round. *title* is the SUMMARY without the precision note
    this program's export adds; *location* is "" when the event has none."""

    uid: str
    line: int | None
    sequence: int
    title: str
    description: str
    location: str
    geo: tuple[float, float] | None
    status: str
    times: ExactTimes | DayTimes
    # Every X-TRACKER-… property, by name in upper case, as text: how this program's
    # export writes a round's fields that iCalendar has no property for.
    tracker_properties: dict[str, str]


@dataclass(frozen=True, slots=True)
class EntryProblem:
    """Why one VEVENT cannot be imported, naming where it is and which field is wrong."""

    uid: str
    line: int | None
    field: str
    reason: str

    def __str__(self) -> str:
        where = f"line {self.line}, " if self.line is not None else ""
        who = f"UID {self.uid}" if self.uid else "event without UID"
        return f"{where}{who}, {self.field}: {self.reason}"


@dataclass(frozen=True, slots=True)
class CalendarFile:
    """What a file holds: its name (X-WR-CALNAME), its zone (X-WR-TIMEZONE, when it is
    one), the entries that can be rounds, and the events that cannot."""

    path: Path
    name: str
    zone: str | None
    entries: tuple[CalendarEntry, ...]
    problems: tuple[EntryProblem, ...]


class _Refused(Exception):
    def __init__(self, field: str, reason: str) -> None:
        super().__init__(reason)
        self.field = field
        self.reason = reason


def read_calendar(path: Path) -> CalendarFile:
    """Read and check *path*; InputFileError (naming the file and line) if it is not a
    readable calendar. OSError when it cannot be read at all."""
    raw = path.read_bytes()
    refuse_binary(path, raw[:64])
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[:exc.start].count(b"\n") + 1
        raise InputFileError(path, line, None,
                             "not UTF-8 text, which iCalendar files are") from exc
    return parse_calendar(text, path)


def parse_calendar(text: str, path: Path) -> CalendarFile:
    layout = scan_layout(text, path)
    try:
        with warnings.catch_warnings():
            # icalendar warns when it guesses a vendor-prefixed TZID; the guess is kept.
            warnings.simplefilter("ignore")
            calendar = Calendar.from_ical(text)
    except ValueError as exc:
        raise InputFileError(path, None, None, f"not a readable iCalendar file ({exc})") from exc
    zone_name = str(calendar.get("X-WR-TIMEZONE", ""))
    entries: list[CalendarEntry] = []
    problems: list[EntryProblem] = []
    first_line: dict[str, int | None] = {}
    for index, event in enumerate(calendar.walk("VEVENT")):
        lines = layout.events[index] if index < len(layout.events) else {}
        given = event.get("UID", "")
        # A UID given twice is refused in _entry; the report names the event by the first.
        uid = str(given[0] if isinstance(given, list) else given).strip()
        try:
            if uid in first_line:
                seen = first_line[uid]
                raise _Refused("UID", "the same UID is used by the event at "
                               + (f"line {seen}" if seen else "an earlier event"))
            first_line[uid] = lines.get("BEGIN")
            entries.append(_entry(event, uid, lines))
        except _Refused as refused:
            line = lines.get(refused.field, lines.get("BEGIN"))
            # A NUL in the UID is shown as the exporters show one, not written out raw.
            problems.append(EntryProblem(uid.replace(NUL, "\ufffd"), line, refused.field,
                                         refused.reason))
    name = str(calendar.get("X-WR-CALNAME", "")).strip()
    if has_nul(name):  # the name of the track new rounds go to
        raise InputFileError(path, None, "X-WR-CALNAME", NUL_REASON)
    return CalendarFile(path, name, zone_name if is_known_zone(zone_name) else None,
                        tuple(entries), tuple(problems))


def _entry(event: Component, uid: str, lines: dict[str, int]) -> CalendarEntry:
    for name, message in event.errors:
        if str(name).upper() in _READ:
            raise _Refused(str(name).upper(), f"cannot be read ({message})")
    # A property read as one value, given twice, has no one value to import (icalendar
    # gives the list of them): the event is refused, naming it, whichever it is.
    for name in _READ_ONCE:
        if isinstance(event.get(name), list):
            raise _Refused(name, "given more than once")
    for name in ("UID", "SUMMARY", "DESCRIPTION", "LOCATION"):
        if has_nul(str(event.get(name, ""))):  # see domain/nul_text.py
            raise _Refused(name, NUL_REASON)
    if not uid:
        raise _Refused("UID", "no UID, so a later import could not find this round again")
    for name in _REPEATING:
        if name in event:
            raise _Refused(name, "a repeating event is not one round; export one "
                                 "occurrence of it instead")
    summary = _text(event, "SUMMARY")
    marked = str(event.get(PRECISION_PROPERTY, "")).upper() in ("WEEK", "MONTH")
    title = _NOT_FIXED.sub("", summary)
    sequence = event.get("SEQUENCE", 0)
    return CalendarEntry(
        uid=uid, line=lines.get("BEGIN"), sequence=int(sequence), title=title,
        description=_text(event, "DESCRIPTION"), location=_text(event, "LOCATION"),
        geo=_geo(event), status=str(event.get("STATUS", "")).strip().upper(),
        times=_times(event, not_fixed=marked or title != summary),
        tracker_properties={str(name).upper(): _text(event, str(name)) for name in event
                            if str(name).upper().startswith(_TRACKER_PREFIX)},
    )


def _text(event: Component, name: str) -> str:
    value = event.get(name, "")
    if isinstance(value, list):
        raise _Refused(name, "given more than once")
    return str(value)


def _geo(event: Component) -> tuple[float, float] | None:
    if "GEO" not in event:
        return None
    latitude, longitude = event.decoded("GEO")
    if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
        raise _Refused("GEO", f"{latitude};{longitude} is not a latitude;longitude")
    return float(latitude), float(longitude)


def _single(event: Component, name: str) -> Any:
    """The decoded value of *name* (given once at most: _entry refused it otherwise)."""
    if name not in event:
        return None
    return event.decoded(name)


def _times(event: Component, *, not_fixed: bool) -> ExactTimes | DayTimes:
    start = _single(event, "DTSTART")
    end = _single(event, "DTEND")
    duration = _single(event, "DURATION")
    if start is None:
        raise _Refused("DTSTART", "no start date")
    _check_range(start, "DTSTART")
    end_field = "DTEND"
    if end is None and isinstance(duration, timedelta):
        end_field = "DURATION"
        try:
            end = start + duration
        except OverflowError as exc:  # past 9999 (issue 14, F5): once a traceback
            raise _Refused("DURATION", f"{duration.days:,} days from the start is past the "
                                       "dates that can be stored") from exc
    if end is not None:
        _check_range(end, end_field, end=True)
    if not isinstance(start, datetime):  # an all-day date
        if end is not None and (isinstance(end, datetime) or end <= start):
            raise _Refused("DTEND", "an all-day event must end on a later date")
        last = end - timedelta(days=1) if end is not None else start
        return DayTimes(start, last, not_fixed)
    if end is not None and not isinstance(end, datetime):
        raise _Refused("DTEND", "a timed event must end at a time, not on a date")
    start_utc, tz = _instant(start, "DTSTART")
    end_utc, end_tz = _instant(end, "DTEND") if end is not None else (None, tz)
    if tz == "UTC":  # a start in the hour repeated in autumn is written in UTC
        tz = end_tz
    if end_utc == start_utc:  # zero length: the end was not given (RFC 5545 3.6.1)
        end_utc = None
    if end_utc is not None and end_utc <= start_utc:
        raise _Refused("DTEND", "the event ends before it starts")
    return ExactTimes(start_utc, end_utc, tz)


def _check_range(value: date, field: str, *, end: bool = False) -> None:
    """Refuse a day outside the tracker's dates (domain/date_range.py): an event on
    1 Jan 0001 or 31 Dec 9999 once imported and then broke every view (issue 14, F2).
    An end may lie a little past the last day, as a window's may."""
    day = value.date() if isinstance(value, datetime) else value
    latest = LATEST + WINDOW_OVERHANG if end else LATEST
    if not EARLIEST <= day <= latest:
        raise _Refused(field, f"{day.isoformat()} is outside the dates the tracker takes "
                              f"({RANGE_TEXT})")


def _instant(value: datetime, field: str) -> tuple[datetime, str]:
    """The UTC instant of a DTSTART/DTEND and the IANA zone it was given in."""
    if value.tzinfo is None:
        raise _Refused(field, f"{value:%Y-%m-%d %H:%M} is a floating time (no TZID and no "
                              "Z): the file does not say in which time zone it is")
    zone_name = value.tzinfo.key if isinstance(value.tzinfo, ZoneInfo) else ""
    if not is_known_zone(zone_name):
        if value.utcoffset() == timedelta(0) and value.tzinfo.tzname(value) == "UTC":
            return value.astimezone(UTC), "UTC"
        raise _Refused(field, f"time zone {value.tzinfo.tzname(value)!r} is not an IANA "
                              "zone name (such as Europe/Kyiv)")
    try:
        return localize(value.replace(tzinfo=None), zone_name), zone_name
    except WindowError as exc:
        raise _Refused(field, str(exc)) from exc

