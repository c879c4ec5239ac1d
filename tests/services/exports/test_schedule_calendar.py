"""The schedule as iCalendar, parsed back with the icalendar library."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar
from sqlalchemy import update

from tests.conftest import cli_database
from tracker import cli
from tracker.domain.enums import Precision, RoundFormat
from tracker.domain.events import BattlefieldEvent
from tracker.domain.timewindow import ScheduledWindow
from tracker.services import rounds
from tracker.services.exports.schedule_calendar import round_uid, schedule_calendar
from tracker.services.records.record_edits import edit_record
from tracker.services.rounds import list_rounds
from tracker.storage.counted_events import RecordStatus
from tracker.storage.database import Database

# Titles are one line (the form joins lines); the agenda keeps its line break.
HOSTILE = 'Talks, "final"; round\\two — مفاوضات 🕊️ ' + "x" * 120
AGENDA = "a;b,c\\d\nsecond line"


def _events(db: Database) -> dict[str, Any]:
    with db.reading() as session:
        text = schedule_calendar(session).calendar.to_ical()
    parsed = Calendar.from_ical(text)
    return {str(event["uid"]): event for event in parsed.walk("VEVENT")}


def _week_round(db: Database) -> int:
    with db.reading() as session:
        [found] = [r.id for r in list_rounds(session) if r.window.precision is Precision.WEEK]
    return found


def test_a_week_window_is_an_all_day_tentative_span(sample_db: Database) -> None:
    event = _events(sample_db)[round_uid(_week_round(sample_db))]
    assert event.decoded("dtstart") == date(2026, 2, 2)
    assert event.decoded("dtend") == date(2026, 2, 9)
    assert str(event["status"]) == "TENTATIVE"
    assert "date not fixed" in str(event["summary"])
    assert int(event["sequence"]) == 0


def _moved_week_round(db: Database, window: ScheduledWindow) -> int:
    round_id = _week_round(db)
    with db.transaction() as session:
        rounds.reschedule(session, round_id, window, rounds.ChangeNote("moved"))
    return round_id


def test_a_reschedule_to_an_exact_time_raises_the_sequence(sample_db: Database) -> None:
    round_id = _moved_week_round(sample_db, ScheduledWindow.exact(
        datetime(2026, 2, 4, 10, 0), datetime(2026, 2, 4, 16, 0), "Europe/Kyiv"))
    with sample_db.reading() as session:
        text = schedule_calendar(session).calendar.to_ical().decode()
    event = _events(sample_db)[round_uid(round_id)]
    start = event.decoded("dtstart")
    assert start == datetime(2026, 2, 4, 10, 0, tzinfo=ZoneInfo("Europe/Kyiv"))
    assert "DTSTART;TZID=Europe/Kyiv:20260204T100000" in text
    assert "BEGIN:VTIMEZONE\r\nTZID:Europe/Kyiv" in text
    assert int(event["sequence"]) == 1
    assert "date not fixed" not in str(event["summary"])


def test_hostile_text_is_escaped_and_folded(sample_db: Database) -> None:
    round_id = _week_round(sample_db)
    with sample_db.transaction() as session:
        edit_record(session, "round", round_id, {"title": HOSTILE, "format": RoundFormat.TRILATERAL,
                                                 "agenda": AGENDA, "outcome": ""}, None)
    with sample_db.reading() as session:
        raw = schedule_calendar(session).calendar.to_ical()
    assert all(len(line) <= 75 for line in raw.split(b"\r\n"))  # RFC 5545 3.1, in octets
    event = _events(sample_db)[round_uid(round_id)]
    assert str(event["summary"]).startswith(HOSTILE)
    assert str(event["description"]).endswith(f"Agenda: {AGENDA}")


def test_the_command_writes_the_file_and_names_what_it_left_out(
        sample_db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "talks.ics"
    database = cli_database(sample_db)
    assert cli.main(["export", "--db", database, "--format", "ics"]) == 2
    assert cli.main(["export", "--db", database, "--format", "ics", "-o", str(target)]) == 0
    assert target.read_bytes().startswith(b"BEGIN:VCALENDAR\r\n")
    error = capsys.readouterr().err
    assert "1 round written" in error and "date is unknown" in error


def test_a_window_across_a_clock_change_ends_in_its_own_offset(sample_db: Database) -> None:
    round_id = _moved_week_round(sample_db, ScheduledWindow.exact(
        datetime(2026, 3, 8, 1, 30), datetime(2026, 3, 8, 4, 30), "America/New_York"))
    event = _events(sample_db)[round_uid(round_id)]
    assert "When: 8 Mar 2026 01:30 EST – 04:30 EDT" in str(event["description"])
    # Two hours, not three: each end in its own offset (same-zone subtraction is wall time).
    assert (event.decoded("dtend").astimezone(UTC) - event.decoded("dtstart")
            == timedelta(hours=2))


def test_the_listed_events_keep_their_dates_and_say_which_are_not_current(
        sample_db: Database) -> None:
    """The sample's week round has seven linked events; its entry lists the latest five,
    says how many more there are, keeps a week-dated event a week, and never passes a
    withdrawn record off as a current event."""
    round_id = _week_round(sample_db)
    with sample_db.reading() as session:
        linked = rounds.linked_events(session, round_id=round_id)
    assert len(linked) == 7
    newest = max(linked, key=lambda event: event.event_date)
    with sample_db.transaction() as session:  # as a release that no longer has it does
        session.execute(update(BattlefieldEvent).where(BattlefieldEvent.id == newest.event_id)
                        .values(record_status=RecordStatus.WITHDRAWN.value))
    lines = str(_events(sample_db)[round_uid(round_id)]["description"]).splitlines()
    listed = [line for line in lines if line.startswith("Event ")]
    assert len(listed) == 5
    assert "2 more linked events (the latest 5 are listed)" in lines
    [withdrawn] = [line for line in listed if newest.summary in line]
    assert "(withdrawn by its source; not counted): " in withdrawn
    assert sum("not counted" in line for line in listed) == 1
    # The sample's drone strike is dated to the week of 26 Jan only: never a single day.
    with sample_db.reading() as session:
        weekly = [event for event in rounds.linked_events(session, round_id=round_id)
                  if event.date_precision is Precision.WEEK]
    told = [line for event in weekly for line in listed if event.summary[:40] in line]
    assert weekly and told
    assert all(line.startswith("Event week of 26 Jan 2026") for line in told)
