"""A calendar that subscribed to an earlier export follows the round when it goes away.

The subscriber is modelled as calendar clients do it (RFC 5545 3.8.7.4): an entry is kept
by UID and replaced only by a version with a greater SEQUENCE. Each file is the one the
export writes, read as it is by two client libraries: icalendar, and vobject (the one
Radicale and khal use).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import vobject
from icalendar import Calendar

from tests.conftest import cli_database
from tracker import cli
from tracker.domain.enums import RoundStatus
from tracker.domain.timewindow import ScheduledWindow
from tracker.services import rounds
from tracker.services.exports.schedule_calendar import round_uid, write_calendar
from tracker.services.rounds.calendar_import import import_calendar_file
from tracker.storage.database import Database

WEEK_ROUND = 2  # the sample's "Trilateral talks announced for the coming week"
UNDATED_ROUND = 1  # the sample's "Earlier talks", date unknown
KYIV = "Europe/Kyiv"
CONFIRMED = {
    "exact": ScheduledWindow.exact(datetime(2026, 2, 4, 10), datetime(2026, 2, 5, 18), KYIV),
    "days": ScheduledWindow.days(date(2026, 2, 4), KYIV, date(2026, 2, 5)),
}
FIRST_START = {"exact": datetime(2026, 2, 4, 10, tzinfo=ZoneInfo(KYIV)),
               "days": date(2026, 2, 4)}

Entry = tuple[int, str, datetime | date]  # SEQUENCE, STATUS, DTSTART
Entries = dict[str, Entry]


def _read_icalendar(path: Path) -> Entries:
    calendar = Calendar.from_ical(path.read_bytes())
    return {str(event["uid"]): (int(event["sequence"]), str(event["status"]),
                                event.decoded("dtstart"))
            for event in calendar.walk("VEVENT")}


def _read_vobject(path: Path) -> Entries:
    with path.open(encoding="utf-8", newline="") as stream:
        calendar = vobject.readOne(stream)
    return {event.uid.value: (int(event.sequence.value), event.status.value,
                              event.dtstart.value)
            for event in calendar.contents.get("vevent", [])}


READERS = [pytest.param(_read_icalendar, id="icalendar"),
           pytest.param(_read_vobject, id="vobject")]


class Subscriber:
    """A calendar's entries by UID, updated from each file as RFC 5545 says."""

    def __init__(self, read: Callable[[Path], Entries]) -> None:
        self.read = read
        self.entries: Entries = {}

    def subscribe(self, path: Path) -> None:
        for uid, entry in self.read(path).items():
            held = self.entries.get(uid)
            if held is None or entry[0] > held[0]:
                self.entries[uid] = entry


def _export(db: Database, path: Path) -> Path:
    with db.reading() as session:
        write_calendar(session, path)
    return path


def _confirm(db: Database, window: ScheduledWindow) -> None:
    with db.transaction() as session:
        state = rounds.state_of(rounds.get_round(session, WEEK_ROUND))
        rounds.change_round(session, WEEK_ROUND,
                            replace(state, window=window, status=RoundStatus.CONFIRMED),
                            rounds.ChangeNote("confirmed for 4-5 February"))


def _postpone(db: Database) -> None:
    with db.transaction() as session:
        rounds.postpone(session, WEEK_ROUND, rounds.ChangeNote("Iran tensions"))


def _cancel(db: Database) -> None:
    with db.transaction() as session:
        rounds.cancel(session, WEEK_ROUND, rounds.ChangeNote("called off"))


def _delete(db: Database) -> None:
    with db.transaction() as session:
        rounds.delete(session, WEEK_ROUND, rounds.ChangeNote("entered by mistake"))


@pytest.mark.parametrize("read", READERS)
@pytest.mark.parametrize("kind", sorted(CONFIRMED))
@pytest.mark.parametrize("step", [_postpone, _cancel, _delete],
                         ids=["postponed", "cancelled", "deleted"])
def test_the_subscriber_shows_the_round_cancelled(
        sample_db: Database, tmp_path: Path, read: Callable[[Path], Entries], kind: str,
        step: Callable[[Database], None]) -> None:
    uid = round_uid(WEEK_ROUND)
    _confirm(sample_db, CONFIRMED[kind])
    subscriber = Subscriber(read)
    subscriber.subscribe(_export(sample_db, tmp_path / "before.ics"))
    sequence, status, start = subscriber.entries[uid]
    assert (status, start) == ("CONFIRMED", FIRST_START[kind])

    step(sample_db)
    subscriber.subscribe(_export(sample_db, tmp_path / "after.ics"))

    # The same entry, at the times the subscriber has, now cancelled.
    assert subscriber.entries[uid][0] > sequence
    assert subscriber.entries[uid][1:] == ("CANCELLED", FIRST_START[kind])
    assert set(subscriber.entries) == {uid}  # no second entry for the round


@pytest.mark.parametrize("read", READERS)
def test_the_sequence_rises_with_every_step_and_a_deleted_round_stays_cancelled(
        sample_db: Database, tmp_path: Path, read: Callable[[Path], Entries]) -> None:
    uid = round_uid(WEEK_ROUND)
    moved = ScheduledWindow.days(date(2026, 2, 11), KYIV, date(2026, 2, 12))
    steps: list[tuple[Callable[[Database], None], str, datetime | date]] = [
        (lambda db: _confirm(db, CONFIRMED["exact"]), "CONFIRMED", FIRST_START["exact"]),
        (_postpone, "CANCELLED", FIRST_START["exact"]),
        (lambda db: _confirm(db, moved), "CONFIRMED", date(2026, 2, 11)),
        (_cancel, "CANCELLED", date(2026, 2, 11)),
        (_delete, "CANCELLED", date(2026, 2, 11)),
    ]
    subscriber = Subscriber(read)
    sequences = []
    for number, (step, status, start) in enumerate(steps):
        step(sample_db)
        subscriber.subscribe(_export(sample_db, tmp_path / f"{number}.ics"))
        assert subscriber.entries[uid][1:] == (status, start)
        sequences.append(subscriber.entries[uid][0])
    assert sequences == sorted(set(sequences))  # strictly rising
    # Still there, unchanged, in any later file while its history exists.
    later = read(_export(sample_db, tmp_path / "later.ics"))
    assert later[uid] == subscriber.entries[uid]


def test_a_round_never_dated_is_never_written(sample_db: Database, tmp_path: Path) -> None:
    with sample_db.reading() as session:
        export = write_calendar(session, tmp_path / "before.ics")
    assert export.undated == ("Earlier talks (implied by the report)",)
    with sample_db.transaction() as session:
        rounds.delete(session, UNDATED_ROUND, rounds.ChangeNote("duplicate"))
    with sample_db.reading() as session:
        export = write_calendar(session, tmp_path / "after.ics")
    assert (export.undated, export.withdrawn) == ((), ())
    assert round_uid(UNDATED_ROUND) not in _read_icalendar(tmp_path / "after.ics")


def test_the_export_names_what_it_sent_as_cancelled(sample_db: Database, tmp_path: Path) -> None:
    _confirm(sample_db, CONFIRMED["exact"])
    _postpone(sample_db)
    with sample_db.reading() as session:
        export = write_calendar(session, tmp_path / "talks.ics")
    assert export.rounds == 0
    assert export.withdrawn == ("Trilateral talks announced for the coming week",)
    [event] = Calendar.from_ical((tmp_path / "talks.ics").read_bytes()).walk("VEVENT")
    assert "postponed, no new date" in str(event["summary"])
    assert str(event["description"]).startswith("Postponed, no new date. Was: 4 Feb 2026 10:00")


def test_a_deleted_rounds_cancellation_read_back_changes_nothing(
        sample_db: Database, tmp_path: Path) -> None:
    _confirm(sample_db, CONFIRMED["exact"])
    _delete(sample_db)
    result = import_calendar_file(sample_db, _export(sample_db, tmp_path / "talks.ics"))
    assert (result.added, result.updated, result.unchanged, result.refused) == (0, 0, 1, ())


@pytest.mark.parametrize("read", READERS)
@pytest.mark.parametrize(("tz", "start", "end"), [
    # Spring forward: the window ends in the later offset.
    ("America/New_York", datetime(2026, 3, 8, 1, 30), datetime(2026, 3, 8, 4, 30)),
    ("Europe/Kyiv", datetime(2026, 3, 29, 1, 30), datetime(2026, 3, 29, 5, 0)),
    # In February and in summer, long after the first date of the zone's rules.
    ("Europe/Kyiv", datetime(2026, 2, 4, 10), datetime(2026, 2, 5, 18)),
    ("Europe/Kyiv", datetime(2026, 7, 14, 10), datetime(2026, 7, 14, 18)),
])
def test_clients_read_the_instants_the_round_has(
        sample_db: Database, tmp_path: Path, read: Callable[[Path], Entries], tz: str,
        start: datetime, end: datetime) -> None:
    window = ScheduledWindow.exact(start, end, tz)
    _confirm(sample_db, window)
    entry = read(_export(sample_db, tmp_path / "talks.ics"))[round_uid(WEEK_ROUND)]
    assert entry[2] == window.start


def test_an_end_in_the_repeated_autumn_hour_is_written_in_utc(
        sample_db: Database, tmp_path: Path) -> None:
    # 00:30 EDT to 01:30 EST on 1 Nov 2026: two hours, ending in the second 01:30.
    start = datetime(2026, 11, 1, 0, 30, tzinfo=ZoneInfo("America/New_York"))
    end = datetime(2026, 11, 1, 1, 30, fold=1, tzinfo=ZoneInfo("America/New_York"))
    window = ScheduledWindow.exact(start, end, "America/New_York")
    assert window.end is not None and window.start is not None
    assert window.end - window.start == timedelta(hours=2)
    _confirm(sample_db, window)
    path = _export(sample_db, tmp_path / "talks.ics")
    text = path.read_bytes().decode("utf-8")
    assert "DTSTART;TZID=America/New_York:20261101T003000\r\n" in text
    assert "DTEND:20261101T063000Z\r\n" in text
    with path.open(encoding="utf-8", newline="") as stream:
        event = vobject.readOne(stream).vevent
    assert event.dtend.value == window.end
    [read_back] = Calendar.from_ical(path.read_bytes()).walk("VEVENT")
    assert read_back.decoded("dtend") == window.end


def test_the_command_names_the_rounds_it_wrote_as_cancelled(
        sample_db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _confirm(sample_db, CONFIRMED["exact"])
    _postpone(sample_db)
    target = tmp_path / "talks.ics"
    assert cli.main(["export", "--db", cli_database(sample_db), "--format", "ics",
                     "-o", str(target)]) == 0
    error = capsys.readouterr().err
    assert "0 rounds written" in error
    assert ("written as cancelled (no date any more, or deleted): "
            "Trilateral talks announced for the coming week") in error


def test_a_newer_event_for_a_deleted_round_is_refused_not_added(
        sample_db: Database, tmp_path: Path) -> None:
    _confirm(sample_db, CONFIRMED["exact"])
    text = _export(sample_db, tmp_path / "before.ics").read_bytes()
    _delete(sample_db)
    newer = tmp_path / "newer.ics"
    newer.write_bytes(text.replace(b"SEQUENCE:1\r\n", b"SEQUENCE:9\r\n"))
    result = import_calendar_file(sample_db, newer)
    assert (result.added, result.updated, result.unchanged) == (0, 0, 0)
    assert [problem.field for problem in result.refused] == ["UID"]
    assert "was deleted" in result.refused[0].reason


@pytest.mark.parametrize("read", READERS)
def test_an_undone_postponement_brings_the_entry_back(
        sample_db: Database, tmp_path: Path, read: Callable[[Path], Entries]) -> None:
    uid = round_uid(WEEK_ROUND)
    _confirm(sample_db, CONFIRMED["exact"])
    subscriber = Subscriber(read)
    with sample_db.transaction() as session:
        postponed = rounds.postpone(session, WEEK_ROUND, rounds.ChangeNote("Iran tensions"))
    subscriber.subscribe(_export(sample_db, tmp_path / "postponed.ics"))
    cancelled = subscriber.entries[uid]
    assert cancelled[1:] == ("CANCELLED", FIRST_START["exact"])
    assert postponed.undo is not None
    with sample_db.transaction() as session:
        postponed.undo(session)
    subscriber.subscribe(_export(sample_db, tmp_path / "undone.ics"))
    assert subscriber.entries[uid][0] > cancelled[0]
    assert subscriber.entries[uid][1:] == ("CONFIRMED", FIRST_START["exact"])
