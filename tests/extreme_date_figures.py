"""The extreme-date figures for docs/RELIABILITY.md (found by tests/reliability_figures.py;
issue 14, F1-F5).

``extreme_date_entries``: dates at and past the calendar's edges given to every entry
(typed windows and days, dataset rows, iCalendar events, archive rows); each must be
refused with the project's own error naming where. ``extreme_date_views``: a database
written before the rule, holding such dates, through every export and the analysis; each
must succeed.
"""

from __future__ import annotations

import contextlib
import io
import tempfile
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from tests.extreme_dates import old_sample_file
from tracker.cli import main
from tracker.domain.dates import parse_date, parse_window
from tracker.domain.enums import Precision
from tracker.domain.errors import TrackerError
from tracker.domain.timewindow import ScheduledWindow
from tracker.io.calendar_file import parse_calendar
from tracker.io.event_fields import DateReader
from tracker.services.exports.archive import archive_table
from tracker.services.exports.archive_columns import table_codecs
from tracker.services.exports.archive_rules import check_row

DAYS = ("0001-01-01", "1899-12-31", "2201-01-01", "9998-06-01", "9999-12-31")
EXPORTS = ("html", "pdf", "timelinejs", "csv", "json", "md", "ics", "archive")
AROUND = ("rounds", "changes", "readings")


def _calendar_event(day: str) -> object:
    compact = day.replace("-", "")
    text = ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nBEGIN:VEVENT\r\nUID:far\r\n"
            f"DTSTART;VALUE=DATE:{compact}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")
    calendar = parse_calendar(text, Path("far.ics"))
    if calendar.problems:  # the event refused, naming its line, UID and field
        raise TrackerError(str(calendar.problems[0]))
    return calendar


def _archive_value(table: str, column: str, value: object) -> Any:
    codec = next(codec for codec in table_codecs(archive_table(table)) if codec.name == column)
    return codec.read(value)


def _archive_round(day: str) -> None:
    """A round's row whose window is that day in UTC, read and checked as a restore does."""
    start = _archive_value("round", "window_start", f"{day}T00:00:00.000000Z")
    check_row("round", {"window_precision": Precision.DAY, "window_tz": "UTC",
                        "window_start": start, "window_end": start + timedelta(days=1)})


ENTRIES: tuple[Callable[[str], object], ...] = (
    lambda day: parse_window(day, "Europe/Kyiv"),  # the dialogs and --start
    lambda day: parse_window(f"{day} 10:00", "America/New_York"),
    lambda day: parse_window(f"week of {day}", "UTC"),
    lambda day: ScheduledWindow.days(date.fromisoformat(day), "UTC"),
    parse_date,  # --from, --to, a source's dates
    lambda day: DateReader(dayfirst=False).iso("event_date", day),  # ACLED, UCDP, CSV rows
    _calendar_event,
    lambda day: _archive_value("battlefield_event", "event_date", day),
    _archive_round,
)


def extreme_date_entries() -> tuple[int, int]:
    """(extreme dates given to an entry, refused with the project's own error)."""
    tried = refused = 0
    for entry in ENTRIES:
        for day in DAYS:
            tried += 1
            try:
                entry(day)
            except TrackerError:
                refused += 1
            except Exception:  # counted as not refused clearly: that is the figure
                pass
    return tried, refused


def extreme_date_views() -> tuple[int, int]:
    """(exports and analyses of a database holding extreme dates, that succeeded)."""
    commands: list[list[str]] = [["export", "--format", fmt, "--events", "all", "-o", fmt]
                                 for fmt in EXPORTS]
    commands += [["analyse", "--all", "--around", around] for around in AROUND]
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        old_sample_file(folder / "old.db")
        succeeded = 0
        for command in commands:
            if command[-2] == "-o":
                command[-1] = str(folder / f"out.{command[-1]}")
            quiet = io.StringIO()
            try:
                with contextlib.redirect_stdout(quiet), contextlib.redirect_stderr(quiet):
                    status = main([*command, "--db", str(folder / "old.db")])
            except Exception:  # a traceback: not survived
                continue
            succeeded += status == 0
        return len(commands), succeeded
