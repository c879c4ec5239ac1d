"""Dates outside the tracker's range in an .ics file are refused events naming the line,
UID and field (issue 14, F2), and a DURATION past the calendar's end is one too, not an
OverflowError (F5)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tests.io.test_calendar_file import _calendar
from tracker.io.calendar_file import DayTimes, parse_calendar
from tracker.services.rounds.calendar_import import import_calendar_file
from tracker.storage.database import Database

PATH = Path("desk.ics")
OUTSIDE = "is outside the dates the tracker takes (1 Jan 1900 to 31 Dec 2200)"


@pytest.mark.parametrize(("times", "field", "reason"), [
    ("DTSTART:00010101T000000Z", "DTSTART", f"0001-01-01 {OUTSIDE}"),
    ("DTSTART:99991231T235959Z", "DTSTART", f"9999-12-31 {OUTSIDE}"),
    ("DTSTART;VALUE=DATE:00010101", "DTSTART", f"0001-01-01 {OUTSIDE}"),
    ("DTSTART;VALUE=DATE:99991231", "DTSTART", f"9999-12-31 {OUTSIDE}"),
    ("DTSTART;VALUE=DATE:18991231", "DTSTART", f"1899-12-31 {OUTSIDE}"),
    ("DTSTART;TZID=Europe/Kyiv:22010101T100000", "DTSTART", f"2201-01-01 {OUTSIDE}"),
    ("DTSTART:20260101T000000Z\r\nDTEND:99991231T000000Z", "DTEND", f"9999-12-31 {OUTSIDE}"),
    ("DTSTART:20260101T000000Z\r\nDURATION:P100000D", "DURATION", f"2299-10-17 {OUTSIDE}"),
    ("DTSTART:20260101T000000Z\r\nDURATION:P3000000D", "DURATION",
     "3,000,000 days from the start is past the dates that can be stored"),
    ("DTSTART;VALUE=DATE:20260101\r\nDURATION:P3000000D", "DURATION",
     "3,000,000 days from the start is past the dates that can be stored"),
    ("DTSTART:20260101T000000Z\r\nDURATION:-P800000D", "DURATION",
     "-800,000 days from the start is past the dates that can be stored"),
])
def test_a_date_outside_the_range_is_a_problem_naming_line_uid_and_field(
        times: str, field: str, reason: str) -> None:
    calendar = parse_calendar(_calendar(f"UID:far\r\nSUMMARY:Talks\r\n{times}"), PATH)
    assert calendar.entries == ()
    [problem] = calendar.problems
    line = 7 + times.count("\n") if field != "DTSTART" else 7
    assert (problem.uid, problem.line, problem.field, problem.reason) == (
        "far", line, field, reason)


def test_the_edges_of_the_range_are_read() -> None:
    text = _calendar("UID:first\r\nDTSTART;VALUE=DATE:19000101",
                     "UID:last\r\nDTSTART;VALUE=DATE:22001231\r\nDTEND;VALUE=DATE:22010101")
    first, last = parse_calendar(text, PATH).entries
    assert first.times == DayTimes(date(1900, 1, 1), date(1900, 1, 1))
    assert last.times == DayTimes(date(2200, 12, 31), date(2200, 12, 31))


def test_an_import_of_far_dates_adds_nothing_and_lists_them(db: Database,
                                                              tmp_path: Path) -> None:
    path = tmp_path / "far.ics"
    path.write_text(_calendar("UID:a\r\nDTSTART:00010101T000000Z",
                              "UID:b\r\nDTSTART;VALUE=DATE:99991231",
                              "UID:c\r\nDTSTART;VALUE=DATE:20260204"), encoding="utf-8")
    result = import_calendar_file(db, path)
    assert (result.added, len(result.refused)) == (1, 2)
    assert [problem.uid for problem in result.refused] == ["a", "b"]
