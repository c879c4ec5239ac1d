"""Reading .ics files: events into entries, what cannot be a round into problems that name
the line, UID and field, and files that are not calendars refused whole."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from tracker.domain.enums import Precision
from tracker.io.calendar_file import DayTimes, ExactTimes, parse_calendar, read_calendar
from tracker.io.input_errors import InputFileError

PATH = Path("desk.ics")


def _calendar(*events: str, header: str = "") -> str:
    body = "".join(f"BEGIN:VEVENT\r\n{event.strip()}\r\nEND:VEVENT\r\n" for event in events)
    return (f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n{header}{body}"
            "END:VCALENDAR\r\n")


def test_a_timed_event_in_a_named_zone_is_an_exact_window() -> None:
    text = _calendar("UID:a@x\r\nSUMMARY:Talks\r\nSEQUENCE:3\r\n"
                     "DTSTART;TZID=Europe/Kyiv:20260204T100000\r\n"
                     "DTEND;TZID=Europe/Kyiv:20260204T160000\r\nSTATUS:confirmed\r\n"
                     "LOCATION:Geneva\r\nGEO:46.2;6.15",
                     header="X-WR-CALNAME:Desk\r\nX-WR-TIMEZONE:Europe/Kyiv\r\n")
    calendar = parse_calendar(text, PATH)
    [entry] = calendar.entries
    assert (calendar.name, calendar.zone, calendar.problems) == ("Desk", "Europe/Kyiv", ())
    # Kyiv is UTC+2 in February.
    assert entry.times == ExactTimes(datetime(2026, 2, 4, 8, tzinfo=UTC),
                                     datetime(2026, 2, 4, 14, tzinfo=UTC), "Europe/Kyiv")
    assert (entry.uid, entry.line, entry.sequence, entry.status) == ("a@x", 6, 3, "CONFIRMED")
    assert (entry.location, entry.geo) == ("Geneva", (46.2, 6.15))


def test_utc_times_windows_zone_names_and_a_missing_end() -> None:
    text = _calendar("UID:z\r\nDTSTART:20260204T100000Z\r\nDURATION:PT2H",
                     "UID:w\r\nDTSTART;TZID=W. Europe Standard Time:20260204T100000",
                     "UID:v\r\nDTSTART;TZID=/citadel.org/20250101_1/Europe/Kyiv:"
                     "20260204T100000")
    z, w, v = parse_calendar(text, PATH).entries
    assert z.times == ExactTimes(datetime(2026, 2, 4, 10, tzinfo=UTC),
                                 datetime(2026, 2, 4, 12, tzinfo=UTC), "UTC")
    # Outlook's Windows zone name, and a vendor-prefixed TZID, become the IANA zone.
    assert w.times == ExactTimes(datetime(2026, 2, 4, 9, tzinfo=UTC), None, "Europe/Berlin")
    assert v.times == ExactTimes(datetime(2026, 2, 4, 8, tzinfo=UTC), None, "Europe/Kyiv")


def test_all_day_spans_and_the_exporters_week_and_month() -> None:
    text = _calendar(
        "UID:d\r\nDTSTART;VALUE=DATE:20260204",
        "UID:w\r\nDTSTART;VALUE=DATE:20260202\r\nDTEND;VALUE=DATE:20260209\r\n"
        "X-NEGOTIATION-TRACKER-PRECISION:WEEK",
        "UID:old\r\nSUMMARY:Talks (March 2026 (month)\\, date not fixed)\r\n"
        "DTSTART;VALUE=DATE:20260301\r\nDTEND;VALUE=DATE:20260401",
        "UID:plain\r\nDTSTART;VALUE=DATE:20260202\r\nDTEND;VALUE=DATE:20260209",
        "UID:moved\r\nDTSTART;VALUE=DATE:20260204\r\nDTEND;VALUE=DATE:20260211\r\n"
        "X-NEGOTIATION-TRACKER-PRECISION:WEEK")
    day, week, month, plain, moved = parse_calendar(text, PATH).entries
    assert day.times == DayTimes(date(2026, 2, 4), date(2026, 2, 4))
    assert isinstance(week.times, DayTimes) and week.times.precision is Precision.WEEK
    assert isinstance(month.times, DayTimes) and month.times.precision is Precision.MONTH
    assert month.title == "Talks"  # the export's precision note is not part of the title
    # Seven days from a Monday, unmarked: days. Marked, but from a Wednesday: days too.
    assert isinstance(plain.times, DayTimes) and plain.times.precision is Precision.DAY
    assert plain.times.last == date(2026, 2, 8)
    assert isinstance(moved.times, DayTimes) and moved.times.precision is Precision.DAY


@pytest.mark.parametrize(("event", "field", "reason"), [
    ("DTSTART:20260204T100000", "DTSTART", "floating time"),
    # The clocks go from 03:00 to 04:00 in Kyiv on 29 March 2026 (01:00 UTC).
    ("DTSTART;TZID=Europe/Kyiv:20260329T033000", "DTSTART", "does not exist in Europe/Kyiv"),
    ("DTSTART;TZID=Europe/Kyiv:20260204T100000\r\nDTEND;TZID=Europe/Kyiv:20260204T090000",
     "DTEND", "ends before it starts"),
    ("DTSTART;VALUE=DATE:20260204\r\nDTEND;VALUE=DATE:20260204", "DTEND", "later date"),
    ("DTSTART;TZID=Europe/Kyiv:20260204T100000\r\nRRULE:FREQ=WEEKLY", "RRULE", "repeating"),
    ("DTSTART;TZID=Europe/Kyiv:20260204T100000\r\nGEO:95;30", "GEO", "latitude"),
    ("DTSTART;TZID=Europe/Kyiv:20260204T100000\r\nSEQUENCE:two", "SEQUENCE",
     "cannot be read"),
    ("SUMMARY:no date", "DTSTART", "no start date"),
])
def test_an_event_that_cannot_be_a_round_is_a_problem_naming_line_uid_and_field(
        event: str, field: str, reason: str) -> None:
    text = _calendar("UID:fine\r\nDTSTART;VALUE=DATE:20260204", f"UID:bad@x\r\n{event}")
    calendar = parse_calendar(text, PATH)
    [problem] = calendar.problems
    assert [entry.uid for entry in calendar.entries] == ["fine"]
    assert (problem.uid, problem.field) == ("bad@x", field)
    assert reason in problem.reason
    # The second event begins on line 8, its UID on line 9; the field is on the line
    # after it, or the one after that; a missing field is reported at BEGIN:VEVENT.
    expected_line = 8 if "no start" in reason else 10 if "\r\n" not in event else 11
    assert problem.line == expected_line
    assert str(problem).startswith(f"line {expected_line}, UID bad@x, {field}: ")


def test_a_repeated_uid_and_a_missing_uid_are_refused() -> None:
    text = _calendar("UID:a\r\nDTSTART;VALUE=DATE:20260204",
                     "UID:a\r\nDTSTART;VALUE=DATE:20260205",
                     "DTSTART;VALUE=DATE:20260206")
    calendar = parse_calendar(text, PATH)
    assert [entry.times for entry in calendar.entries] == [
        DayTimes(date(2026, 2, 4), date(2026, 2, 4))]
    repeated, missing = calendar.problems
    assert (repeated.line, repeated.field) == (9, "UID")
    assert "line 4" in repeated.reason
    assert (missing.line, missing.field, missing.uid) == (12, "UID", "")


@pytest.mark.parametrize(("text", "line", "reason"), [
    ("", None, "not an iCalendar file"),
    ("hello\r\n", 1, "not an iCalendar content line"),
    ("BEGIN:VCARD\r\nEND:VCARD\r\n", 1, "starts with BEGIN:VCALENDAR"),
    ("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:a\r\n", 2, "has no END"),
    ("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nEND:VCALENDAR\r\n", 3, "END:VEVENT was expected"),
    ("BEGIN:VCALENDAR\r\nUID:a\r\nthis is not ical\r\nEND:VCALENDAR\r\n", 3, "content line"),
])
def test_a_file_that_is_not_a_calendar_is_refused_naming_the_line(
        text: str, line: int | None, reason: str) -> None:
    with pytest.raises(InputFileError) as refused:
        parse_calendar(text, PATH)
    assert refused.value.line == line
    assert reason in refused.value.reason
    assert str(refused.value).startswith("desk.ics")


def test_a_file_not_in_utf8_is_refused_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "latin.ics"
    path.write_bytes(b"BEGIN:VCALENDAR\r\nSUMMARY:Caf\xe9\r\nEND:VCALENDAR\r\n")
    with pytest.raises(InputFileError, match=r"latin.ics, line 2: not UTF-8"):
        read_calendar(path)


def test_folded_lines_keep_their_first_line_number() -> None:
    text = _calendar("UID:a\r\nSUMMARY:A long\r\n  title\r\nDTSTART:20260204T100000")
    [problem] = parse_calendar(text, PATH).problems
    assert problem.line == 8  # SUMMARY's continuation is line 7


@pytest.mark.parametrize("field", ["SEQUENCE", "STATUS", "GEO", "UID", "DTSTART"])
def test_a_property_given_twice_is_a_problem_naming_it(field: str) -> None:
    """icalendar gives a property written twice as a list of both: no one value to
    import (it crashed the import on SEQUENCE and GEO, and stored the list's text as a
    STATUS or UID). The event is refused, named by its first UID, at the property."""
    value = {"SEQUENCE": "2", "STATUS": "CONFIRMED", "GEO": "50.45;30.52",
             "UID": "other@x", "DTSTART": "20260205T100000Z"}[field]
    twice = f"{field}:{value}\r\n{field}:{value}" if field != "UID" else f"UID:{value}"
    text = _calendar("UID:fine\r\nDTSTART;VALUE=DATE:20260204",
                     f"UID:bad@x\r\nDTSTART:20260204T100000Z\r\n{twice}")
    calendar = parse_calendar(text, PATH)
    [problem] = calendar.problems
    assert [entry.uid for entry in calendar.entries] == ["fine"]
    assert (problem.uid, problem.field, problem.reason) == ("bad@x", field,
                                                            "given more than once")
    # The second event begins on line 8, its UID on line 9, its DTSTART on line 10.
    assert problem.line == {"UID": 9, "DTSTART": 10}.get(field, 11)
