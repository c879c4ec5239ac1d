"""Importing .ics files: our own export back (round trip, SEQUENCE), a foreign calendar
(added, then updated by UID), refusals, hostile text, and undo/redo of an import."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar, Component, Event
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from tests.conftest import database_dump
from tests.hostile_text import HOSTILE, NUL_TEXT, as_shown
from tracker.domain.enums import ChangeKind, Precision, RoundStatus
from tracker.domain.negotiation import Round, ScheduleChange, Track, Venue
from tracker.domain.timewindow import ScheduledWindow
from tracker.io.input_errors import InputFileError
from tracker.services import rounds
from tracker.services.common.errors import ValidationError
from tracker.services.exports.schedule_calendar import round_uid, schedule_calendar, write_calendar
from tracker.services.rounds.calendar_import import (
    DEFAULT_TRACK,
    CalendarImport,
    import_calendar_file,
)
from tracker.storage.database import Database, open_database

WEEK_ROUND = 2  # the sample's "Trilateral talks announced for the coming week"

GOOGLE = """BEGIN:VCALENDAR\r
PRODID:-//Google Inc//Google Calendar 70.9054//EN\r
VERSION:2.0\r
X-WR-CALNAME:Desk calendar\r
X-WR-TIMEZONE:Europe/Kyiv\r
BEGIN:VEVENT\r
DTSTART;TZID=Europe/Kyiv:20260210T110000\r
DTEND;TZID=Europe/Kyiv:20260210T150000\r
UID:foo@google.com\r
SEQUENCE:{sequence}\r
STATUS:CONFIRMED\r
SUMMARY:Prisoner exchange talks\r
LOCATION:Istanbul\r
GEO:41.0082;28.9784\r
DESCRIPTION:Technical level\\, ICRC present\r
END:VEVENT\r
END:VCALENDAR\r
"""


def _exported(db: Database) -> Calendar:
    with db.reading() as session:
        return schedule_calendar(session).calendar


def _event(calendar: Calendar, uid: str) -> Component:
    [event] = [e for e in calendar.walk("VEVENT") if str(e["uid"]) == uid]
    return event


def _write(tmp_path: Path, calendar: Calendar | str, name: str = "talks.ics") -> Path:
    path = tmp_path / name
    text = calendar if isinstance(calendar, str) else calendar.to_ical().decode()
    path.write_text(text, encoding="utf-8", newline="")
    return path


def _set(event: Component, name: str, value: object) -> None:
    event.pop(name, None)
    event.add(name, value)


def _history(session: Session, round_id: int) -> list[ScheduleChange]:
    return list(session.scalars(select(ScheduleChange).where(ScheduleChange.round_id == round_id)
                                .order_by(ScheduleChange.id)))


def _counts(result: CalendarImport) -> tuple[int, int, int, int]:
    return result.added, result.updated, result.unchanged, len(result.refused)


def _moved_to_abu_dhabi(db: Database) -> Calendar:
    """The sample's export as a calendar user left it: the week round fixed to a time."""
    calendar = _exported(db)
    event = _event(calendar, round_uid(WEEK_ROUND))
    _set(event, "dtstart", datetime(2026, 2, 4, 10, 0, tzinfo=ZoneInfo("Asia/Dubai")))
    _set(event, "dtend", datetime(2026, 2, 4, 16, 0, tzinfo=ZoneInfo("Asia/Dubai")))
    _set(event, "summary", "Trilateral talks in Abu Dhabi")
    _set(event, "sequence", 1)
    _set(event, "status", "CONFIRMED")
    _set(event, "location", "Abu Dhabi")
    _set(event, "geo", (24.4539, 54.3773))
    event.pop("X-NEGOTIATION-TRACKER-PRECISION")
    return calendar


def test_an_export_imported_back_changes_nothing(sample_db: Database, tmp_path: Path) -> None:
    with sample_db.reading() as session:
        write_calendar(session, tmp_path / "talks.ics")
    before = database_dump(sample_db)
    result = import_calendar_file(sample_db, tmp_path / "talks.ics")
    assert _counts(result) == (0, 0, 1, 0)
    assert result.summary() == "talks.ics: 0 added, 0 updated, 1 unchanged, 0 refused"
    assert database_dump(sample_db) == before


def test_a_rescheduled_event_moves_the_round_with_one_recorded_change(
        sample_db: Database, tmp_path: Path) -> None:
    path = _write(tmp_path, _moved_to_abu_dhabi(sample_db))
    result = import_calendar_file(sample_db, path)
    assert _counts(result) == (0, 1, 0, 0)
    with sample_db.reading() as session:
        round_ = session.get(Round, WEEK_ROUND)
        assert round_ is not None and round_.venue is not None
        # 10:00 in Abu Dhabi (UTC+4) is 06:00 UTC.
        assert round_.window == ScheduledWindow(
            Precision.EXACT, "Asia/Dubai", datetime(2026, 2, 4, 6, tzinfo=UTC),
            datetime(2026, 2, 4, 12, tzinfo=UTC))
        assert round_.status is RoundStatus.CONFIRMED
        assert round_.title == "Trilateral talks in Abu Dhabi"
        venue = round_.venue
        assert (venue.name, venue.latitude, venue.longitude, venue.time_zone) == (
            "Abu Dhabi", 24.4539, 54.3773, "Asia/Dubai")
        created, imported = _history(session, WEEK_ROUND)
        assert created.kind is ChangeKind.CREATED
        assert imported.kind is ChangeKind.STATUS  # window, venue and status in one record
        assert imported.reason == "Imported from talks.ics (SEQUENCE 1)"
        assert imported.old_precision is Precision.WEEK
        assert imported.new_venue_id == venue.id
    # The next export says SEQUENCE 1, and the same file again changes nothing.
    assert int(str(_event(_exported(sample_db), round_uid(WEEK_ROUND))["sequence"])) == 1
    assert _counts(import_calendar_file(sample_db, path)) == (0, 0, 1, 0)


def test_an_event_whose_sequence_is_not_newer_is_left_alone(
        sample_db: Database, tmp_path: Path) -> None:
    calendar = _moved_to_abu_dhabi(sample_db)
    _set(_event(calendar, round_uid(WEEK_ROUND)), "sequence", 0)
    result = import_calendar_file(sample_db, _write(tmp_path, calendar))
    assert _counts(result) == (0, 0, 1, 0)
    with sample_db.reading() as session:
        round_ = session.get(Round, WEEK_ROUND)
        assert round_ is not None and round_.window.precision is Precision.WEEK


def test_a_week_and_a_month_come_back_with_their_precision(
        sample_db: Database, db: Database, tmp_path: Path) -> None:
    with sample_db.transaction() as session:
        rounds.reschedule(session, WEEK_ROUND,
                            ScheduledWindow.month_of(date(2026, 3, 1), "Europe/Kyiv"),
                            rounds.ChangeNote("only the month is known"))
    calendar = _exported(sample_db)
    event = _event(calendar, round_uid(WEEK_ROUND))
    assert str(event["status"]) == "TENTATIVE"
    # Into an empty database: the round is added, in the calendar's track.
    result = import_calendar_file(db, _write(tmp_path, calendar))
    assert _counts(result) == (1, 0, 0, 0)
    with db.reading() as session:
        [added] = session.scalars(select(Round)).all()
        assert added.window == ScheduledWindow.month_of(date(2026, 3, 1), "UTC")
        assert added.title == "Trilateral talks announced for the coming week"
        assert added.track.name == "Negotiation Tracker: talks schedule"
        assert added.calendar_uid == round_uid(WEEK_ROUND)
        assert added.status is RoundStatus.SCHEDULED
    # Back in the sample, the week is read in the round's own zone (Kyiv), as a week.
    with sample_db.transaction() as session:
        rounds.reschedule(session, WEEK_ROUND,
                            ScheduledWindow.week_of(date(2026, 2, 2), "Europe/Kyiv"),
                            rounds.ChangeNote("back to the week"))
        rounds.change_round(session, WEEK_ROUND, replace(rounds.state_of(
            rounds.get_round(session, WEEK_ROUND)), status=RoundStatus.CONFIRMED),
            rounds.ChangeNote("confirmed"))
    calendar = _exported(sample_db)
    event = _event(calendar, round_uid(WEEK_ROUND))
    assert str(event["status"]) == "TENTATIVE"
    _set(event, "sequence", int(str(event["sequence"])) + 1)
    event.pop("X-NEGOTIATION-TRACKER-PRECISION")  # as an export from before it had one
    _set(event, "dtstart", date(2026, 2, 9))
    _set(event, "dtend", date(2026, 2, 16))
    result = import_calendar_file(sample_db, _write(tmp_path, calendar, "next-week.ics"))
    assert _counts(result) == (0, 1, 0, 0)
    with sample_db.reading() as session:
        round_ = session.get(Round, WEEK_ROUND)
        assert round_ is not None
        assert round_.window == ScheduledWindow.week_of(date(2026, 2, 9), "Europe/Kyiv")
        assert round_.status is RoundStatus.CONFIRMED  # TENTATIVE only for the week


def test_a_foreign_event_is_added_then_updated_by_its_uid(
        sample_db: Database, tmp_path: Path) -> None:
    path = _write(tmp_path, GOOGLE.format(sequence=0), "desk.ics")
    assert _counts(import_calendar_file(sample_db, path)) == (1, 0, 0, 0)
    with sample_db.reading() as session:
        added = session.scalar(select(Round).where(Round.calendar_uid == "foo@google.com"))
        assert added is not None and added.venue is not None
        assert added.track.name == "Desk calendar"
        # 11:00 in Kyiv (UTC+2 in February).
        assert added.window == ScheduledWindow(
            Precision.EXACT, "Europe/Kyiv", datetime(2026, 2, 10, 9, tzinfo=UTC),
            datetime(2026, 2, 10, 13, tzinfo=UTC))
        assert (added.title, added.agenda, added.status) == (
            "Prisoner exchange talks", "Technical level, ICRC present", RoundStatus.CONFIRMED)
        assert (added.venue.name, added.venue.time_zone) == ("Istanbul", "Europe/Kyiv")
        [created] = _history(session, added.id)
        assert created.reason == "Imported from desk.ics (SEQUENCE 0)"
        rounds = session.scalar(select(func.count()).select_from(Round))
    assert _counts(import_calendar_file(sample_db, path)) == (0, 0, 1, 0)
    moved = GOOGLE.format(sequence=1).replace("20260210T1", "20260212T1")
    result = import_calendar_file(sample_db, _write(tmp_path, moved, "desk.ics"))
    assert _counts(result) == (0, 1, 0, 0)
    with sample_db.reading() as session:
        assert session.scalar(select(func.count()).select_from(Round)) == rounds
        updated = session.scalar(select(Round).where(Round.calendar_uid == "foo@google.com"))
        assert updated is not None
        assert updated.window.start == datetime(2026, 2, 12, 9, tzinfo=UTC)
        assert session.scalar(select(func.count()).select_from(Venue)
                              .where(Venue.name == "Istanbul")) == 1


def test_without_a_calendar_name_rounds_go_to_the_imported_calendar_track(
        db: Database, tmp_path: Path) -> None:
    text = GOOGLE.format(sequence=0).replace("X-WR-CALNAME:Desk calendar\r\n", "")
    import_calendar_file(db, _write(tmp_path, text))
    with db.reading() as session:
        assert session.scalars(select(Track.name)).all() == [DEFAULT_TRACK]


def test_a_time_the_clocks_skip_is_refused_and_the_rest_imported(
        sample_db: Database, tmp_path: Path) -> None:
    # Kyiv moves from 03:00 to 04:00 on 29 March 2026: 03:30 never happens there.
    skipped = GOOGLE.format(sequence=0).replace("20260210T110000", "20260329T033000") \
        .replace("20260210T150000", "20260329T050000").replace("foo@google", "dst@google")
    both = skipped.replace("END:VCALENDAR\r\n", "") + GOOGLE.format(sequence=0).split(
        "X-WR-TIMEZONE:Europe/Kyiv\r\n")[1]
    result = import_calendar_file(sample_db, _write(tmp_path, both, "desk.ics"))
    assert _counts(result) == (1, 0, 0, 1)
    [problem] = result.refused
    assert str(problem) == ("line 7, UID dst@google.com, DTSTART: 2026-03-29 03:30 does not "
                            "exist in Europe/Kyiv (clocks change that night)")


def test_a_floating_time_is_refused_naming_the_uid(
        sample_db: Database, tmp_path: Path) -> None:
    text = GOOGLE.format(sequence=0).replace("DTSTART;TZID=Europe/Kyiv:", "DTSTART:")
    result = import_calendar_file(sample_db, _write(tmp_path, text))
    assert _counts(result) == (0, 0, 0, 1)
    assert "UID foo@google.com, DTSTART: 2026-02-10 11:00 is a floating time" \
        in str(result.refused[0])


def test_a_status_move_the_rules_forbid_is_refused(
        sample_db: Database, tmp_path: Path) -> None:
    calendar = _moved_to_abu_dhabi(sample_db)
    with sample_db.transaction() as session:
        rounds.cancel(session, WEEK_ROUND, rounds.ChangeNote("called off"))
    before = database_dump(sample_db)
    _set(_event(calendar, round_uid(WEEK_ROUND)), "sequence", 5)
    result = import_calendar_file(sample_db, _write(tmp_path, calendar))
    assert _counts(result) == (0, 0, 0, 1)
    assert result.refused[0].field == "STATUS"
    assert "cancelled round cannot become confirmed" in result.refused[0].reason
    # The venue made for the refused event went with it (a savepoint per event).
    assert database_dump(sample_db) == before


@pytest.mark.parametrize("broken", [
    "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:a\r\n",  # cut short
    "garbage\r\n",
])
def test_a_broken_file_is_refused_and_the_database_is_unchanged(
        sample_db: Database, tmp_path: Path, broken: str) -> None:
    before = database_dump(sample_db)
    with pytest.raises(InputFileError, match=r"^broken.ics, line \d+: "):
        import_calendar_file(sample_db, _write(tmp_path, broken, "broken.ics"))
    assert database_dump(sample_db) == before


def test_strict_refuses_the_whole_file_at_a_bad_event(
        sample_db: Database, tmp_path: Path) -> None:
    good = _moved_to_abu_dhabi(sample_db)
    bad = Event()
    bad.add("uid", "floating@x")
    bad.add("dtstart", datetime(2026, 2, 4, 10, 0))
    good.add_component(bad)
    before = database_dump(sample_db)
    with pytest.raises(InputFileError) as refused:
        import_calendar_file(sample_db, _write(tmp_path, good), strict=True)
    assert (refused.value.column, refused.value.path.name) == ("DTSTART", "talks.ics")
    assert "UID floating@x" in str(refused.value)
    assert database_dump(sample_db) == before


def test_hostile_text_round_trips(db: Database, tmp_path: Path) -> None:
    calendar = Calendar()
    calendar.add("prodid", "-//test//EN")
    calendar.add("version", "2.0")
    for number, text in enumerate(HOSTILE):
        event = Event()
        event.add("uid", f"hostile-{number}@example.org")
        event.add("dtstart", date(2026, 3, 1 + number))
        event.add("summary", text)
        event.add("location", text)
        event.add("description", text)
        calendar.add_component(event)
    result = import_calendar_file(db, _write(tmp_path, calendar))
    assert _counts(result) == (len(HOSTILE), 0, 0, 0)
    with db.reading() as session:
        rounds = {r.calendar_uid: r for r in session.scalars(select(Round))}
        for number, text in enumerate(HOSTILE):
            round_ = rounds[f"hostile-{number}@example.org"]
            # Titles and venue names are one line, as the forms make them; the agenda is
            # kept as written (icalendar leaves a CR of CRLF in place, escaping the LF).
            assert round_.title == " ".join(text.split()), text[:30]
            assert round_.venue is not None and round_.venue.name == " ".join(text.split())
            assert round_.agenda.replace("\r\n", "\n") == text.replace("\r\n", "\n")
    # Our own export of those rounds, imported into a second database, keeps the titles.
    second = tmp_path / "second.db"
    with db.reading() as session:
        write_calendar(session, tmp_path / "again.ics")
    other = open_database(second)
    try:
        assert _counts(import_calendar_file(other, tmp_path / "again.ics"))[0] == len(HOSTILE)
        with other.reading() as session:
            titles = sorted(session.scalars(select(Round.title)))
    finally:
        other.close()
    expected = sorted(" ".join(as_shown(t).split()) for t in HOSTILE)
    assert titles == expected


def test_a_nul_refuses_its_event_naming_the_field_on_either_database(
        db: Database, tmp_path: Path) -> None:
    """NUL is not text (tracker/domain/nul_text.py): PostgreSQL could not store it, so
    neither database does; the event is refused like any other bad value."""
    calendar = Calendar()
    calendar.add("prodid", "-//test//EN")
    calendar.add("version", "2.0")
    for uid, field in (("good@x", None), ("title@x", "summary"), ("agenda@x", "description"),
                       ("NUL\x00in-uid@x", None)):
        event = Event()
        event.add("uid", uid)
        event.add("dtstart", date(2026, 3, 2))
        event.add("summary", "Talks")
        if field is not None:
            _set(event, field, NUL_TEXT)
        calendar.add_component(event)
    path = _write(tmp_path, calendar)
    before = database_dump(db)
    with pytest.raises(InputFileError, match=r"UID title@x: contains a NUL character"):
        import_calendar_file(db, path, strict=True)
    assert database_dump(db) == before
    result = import_calendar_file(db, path)
    assert _counts(result) == (1, 0, 0, 3)
    assert [(p.uid, p.field) for p in result.refused] == [
        ("title@x", "SUMMARY"), ("agenda@x", "DESCRIPTION"), ("NUL\ufffdin-uid@x", "UID")]
    assert all("NUL character (U+0000)" in p.reason for p in result.refused)
    with db.reading() as session:
        assert list(session.scalars(select(Round.calendar_uid))) == ["good@x"]
    # The calendar's name would name a track: the whole file is refused.
    calendar.add("x-wr-calname", NUL_TEXT)
    before = database_dump(db)
    with pytest.raises(InputFileError) as refused:
        import_calendar_file(db, _write(tmp_path, calendar, "named.ics"))
    assert refused.value.column == "X-WR-CALNAME" and "NUL" in refused.value.reason
    assert database_dump(db) == before


def test_undo_and_redo_take_an_import_back_and_forth(
        sample_db: Database, tmp_path: Path) -> None:
    calendar = _moved_to_abu_dhabi(sample_db)
    for component in Calendar.from_ical(GOOGLE.format(sequence=0)).walk("VEVENT"):
        calendar.add_component(component)
    with sample_db.reading() as session:
        before = session.get(Round, WEEK_ROUND)
        assert before is not None
        window, title = before.window, before.title
    result = import_calendar_file(sample_db, _write(tmp_path, calendar))
    assert _counts(result) == (1, 1, 0, 0)
    assert result.outcome.undo is not None
    with sample_db.transaction() as session:
        undone = result.outcome.undo(session)
    with sample_db.reading() as session:
        round_ = session.get(Round, WEEK_ROUND)
        assert round_ is not None
        assert (round_.window, round_.title, round_.venue_id) == (window, title, None)
        assert round_.status is RoundStatus.SCHEDULED
        *_, imported, retraction = _history(session, WEEK_ROUND)
        # Taken back as a retraction of the import's change, not as a second move.
        assert retraction.retracts_id == imported.id
        assert retraction.reason == "Undo: Imported from talks.ics (SEQUENCE 1)"
        added = session.get(Round, result.rounds[1].round_id)
        assert added is not None
        assert added.deleted_at is not None and added.calendar_uid is None
    assert undone.undo is not None
    with sample_db.transaction() as session:
        undone.undo(session)
    with sample_db.reading() as session:
        round_ = session.get(Round, WEEK_ROUND)
        assert round_ is not None and round_.title == "Trilateral talks in Abu Dhabi"
        added = session.get(Round, result.rounds[1].round_id)
        assert added is not None
        assert added.deleted_at is None and added.calendar_uid == "foo@google.com"


def test_undo_refuses_when_a_round_changed_since(sample_db: Database, tmp_path: Path) -> None:
    result = import_calendar_file(sample_db, _write(tmp_path, _moved_to_abu_dhabi(sample_db)))
    with sample_db.transaction() as session:
        rounds.cancel(session, WEEK_ROUND, rounds.ChangeNote("called off"))
    with pytest.raises(ValidationError, match="changed since the import"), \
            sample_db.transaction() as session:
        assert result.outcome.undo is not None
        result.outcome.undo(session)


def test_a_deleted_imported_round_is_refused_not_duplicated(
        sample_db: Database, tmp_path: Path) -> None:
    path = _write(tmp_path, GOOGLE.format(sequence=0))
    [added] = import_calendar_file(sample_db, path).rounds
    with sample_db.transaction() as session:
        rounds.delete(session, added.round_id, rounds.ChangeNote("not talks"))
    result = import_calendar_file(sample_db, _write(tmp_path, GOOGLE.format(sequence=3)))
    assert _counts(result) == (0, 0, 0, 1)
    assert result.refused[0].field == "UID"
    assert "was deleted" in result.refused[0].reason


def test_confirmed_keeps_a_held_round_held(sample_db: Database, tmp_path: Path) -> None:
    # The export writes CONFIRMED for a held round: reading it back must not demote it.
    held = GOOGLE.format(sequence=1).replace("foo@google.com", round_uid(1)) \
        .replace("20260210T", "20250110T")
    result = import_calendar_file(sample_db, _write(tmp_path, held))
    assert _counts(result) == (0, 1, 0, 0)
    with sample_db.reading() as session:
        round_ = session.get(Round, 1)
        assert round_ is not None and round_.status is RoundStatus.HELD
        assert round_.window.start == datetime(2025, 1, 10, 9, tzinfo=UTC)
        assert round_.agenda == "Ending the war."  # ours: DESCRIPTION is not its agenda
        assert _history(session, 1)[-1].kind is ChangeKind.RESCHEDULED


def test_a_round_from_another_calendar_is_exported_with_its_uid_and_comes_back_once(
        sample_db: Database, tmp_path: Path) -> None:
    import_calendar_file(sample_db, _write(tmp_path, GOOGLE.format(sequence=0), "desk.ics"))
    exported = tmp_path / "ours.ics"
    with sample_db.reading() as session:
        write_calendar(session, exported)
        rounds = session.scalar(select(func.count()).select_from(Round))
    assert "UID:foo@google.com" in exported.read_text("utf-8")
    # Importing our own export back adds nothing: every round matches by its UID.
    added, _updated, _unchanged, refused = _counts(import_calendar_file(sample_db, exported))
    assert (added, refused) == (0, 0)
    with sample_db.reading() as session:
        assert session.scalar(select(func.count()).select_from(Round)) == rounds
