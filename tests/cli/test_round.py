"""``tracker round``: list and show rounds, and change a schedule through the operations;
each change writes one history entry, each refusal exits 2 with the window's message and
leaves the database as it was."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from contextlib import closing
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy.exc import OperationalError

from tests.conftest import sqlite_dump
from tracker.cli import main
from tracker.domain.enums import Precision, RoundModality, RoundStatus
from tracker.services import rounds
from tracker.services.common.views import RoundRow
from tracker.services.records.reference import create_venue
from tracker.services.rounds import round_row
from tracker.storage.database import open_database

# The sample's rounds: 1 "Earlier talks", held, date unknown; 2 "Trilateral talks announced
# for the coming week", scheduled for the week of 2 Feb 2026 in Kyiv's zone.
HELD, ANNOUNCED = "1", "2"


@pytest.fixture
def talks(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """The sample scenario, with venues to relocate to (two of them called Abu Dhabi)."""
    path = tmp_path / "talks.db"
    assert main(["sample", "--db", str(path)]) == 0
    db = open_database(path)
    try:
        with db.transaction() as session:
            create_venue(session, name="Geneva", country="Switzerland",
                         time_zone="Europe/Zurich")
            create_venue(session, name="Abu Dhabi", time_zone="Asia/Dubai")
            create_venue(session, name="Abu Dhabi", city="Yas Island", time_zone="Asia/Dubai")
    finally:
        db.close()
    capsys.readouterr()
    return path


def run(capsys: pytest.CaptureFixture[str], db: Path, *argv: str) -> tuple[int, str, str]:
    status = main(["round", *argv[:1], "--db", str(db), *argv[1:]])
    out, err = capsys.readouterr()
    return status, out, err


def column(db: Path, sql: str, *params: object) -> list[object]:
    """The first column of *sql*'s rows, read straight from the file."""
    with closing(sqlite3.connect(db)) as connection:
        return [found for found, *_ in connection.execute(sql, params)]


def history_count(db: Path) -> int:
    return int(str(column(db, "SELECT count(*) FROM schedule_change")[0]))


def venue_ids(db: Path, name: str) -> list[int]:
    return [int(str(found)) for found in
            column(db, "SELECT id FROM venue WHERE name = ? ORDER BY id", name)]


def row(db: Path, round_id: str) -> RoundRow:
    database = open_database(db, create=False)
    try:
        with database.reading() as session:
            return round_row(session, int(round_id))
    finally:
        database.close()


def test_list_as_a_table_csv_and_json(talks: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, talks, "list")
    assert status == 0
    lines = out.splitlines()
    assert lines[0].split() == ["ID", "STATUS", "WHEN", "VENUE", "MODALITY", "TITLE"]
    assert lines[1].startswith("2   scheduled  week of 2 Feb 2026 (to 8 Feb 2026)")
    assert lines[2].startswith("1   held       date unknown")
    _, out, _ = run(capsys, talks, "list", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [(r["id"], r["status"], r["start_utc"], r["tz"]) for r in rows] == [
        ("2", "scheduled", "2026-02-01T22:00:00Z", "Europe/Kyiv"),
        ("1", "held", "", "Europe/Kyiv")]
    _, out, _ = run(capsys, talks, "list", "--format", "json", "--status", "held")
    assert [(r["id"], r["start_utc"], r["version"]) for r in json.loads(out)] == [
        (1, None, 1)]


def test_show_tells_the_window_in_its_zone_and_in_utc_and_the_history(
        talks: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, talks, "show", ANNOUNCED, "--tz", "America/New_York")
    assert status == 0
    assert out.startswith("Round 2: Trilateral talks announced for the coming week\n")
    assert "  when:     week of 2 Feb 2026 (to 8 Feb 2026) (Europe/Kyiv)\n" in out
    assert "  UTC:      2026-02-01 22:00 → 2026-02-08 22:00 UTC\n" in out
    assert "History (times in America/New_York):\n" in out
    assert " EST  sample scenario  created: scheduled: week of 2 Feb 2026" in out


def test_reschedule_reads_the_date_as_the_dialog_does(
        talks: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = history_count(talks)
    status, out, err = run(capsys, talks, "reschedule", ANNOUNCED, "--start", "5 Feb 2026 10:00",
                           "--end", "18:00", "--reason", "The mediator asked for more time",
                           "--factor", "1", "--source", "2")
    assert (status, err) == (0, "")
    assert out == "Round 2: rescheduled: week of 2 Feb 2026 (to 8 Feb 2026) → 5 Feb 2026 " \
                  "10:00–18:00 EET\n"
    assert history_count(talks) == before + 1
    window = row(talks, ANNOUNCED).window
    # In the round's own zone (Kyiv, UTC+2) unless --tz says otherwise.
    assert (window.precision, window.tz) == (Precision.EXACT, "Europe/Kyiv")
    assert (f"{window.start:%H:%M}", f"{window.end:%H:%M}") == ("08:00", "16:00")
    _, out, _ = run(capsys, talks, "show", ANNOUNCED)
    assert "The mediator asked for more time; because of U.S.–Iran tensions; source: " in out


def test_reschedule_widens_to_the_precision_asked_in_another_zone(
        talks: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, talks, "reschedule", ANNOUNCED, "--start", "11/02/2026", "--dayfirst",
               "--precision", "week", "--tz", "Europe/Zurich", "--reason", "moved")[0] == 0
    window = row(talks, ANNOUNCED).window
    assert (window.precision, window.tz, window.first_day().isoformat()) == (
        Precision.WEEK, "Europe/Zurich", "2026-02-09")


def test_a_new_date_for_a_postponed_round_is_the_services_rule(
        talks: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, talks, "postpone", ANNOUNCED, "--reason", "Iran")[0] == 0
    assert row(talks, ANNOUNCED).status is RoundStatus.POSTPONED
    assert run(capsys, talks, "reschedule", ANNOUNCED, "--start", "Mar 2026",
               "--reason", "new date")[0] == 0
    assert row(talks, ANNOUNCED).status is RoundStatus.SCHEDULED


@pytest.mark.parametrize("by_name", [True, False])
def test_relocate_by_name_or_id(talks: Path, by_name: bool,
                                capsys: pytest.CaptureFixture[str]) -> None:
    before = history_count(talks)
    venue = "geneva" if by_name else str(venue_ids(talks, "Geneva")[0])
    status, out, _ = run(capsys, talks, "relocate", ANNOUNCED, "--venue", venue,
                         "--reason", "A neutral host")
    assert (status, out) == (0, "Round 2: relocated: venue: unknown → Geneva\n")
    assert history_count(talks) == before + 1
    venue_row = row(talks, ANNOUNCED).venue
    assert venue_row is not None and venue_row.name == "Geneva"


def test_relocate_across_zones_needs_keep_and_shows_both(
        talks: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, talks, "reschedule", ANNOUNCED, "--start", "5 Feb 2026 10:00",
               "--end", "18:00", "--reason", "time set")[0] == 0
    before = history_count(talks)
    status, out, err = run(capsys, talks, "relocate", ANNOUNCED, "--venue", "Geneva",
                           "--reason", "A neutral host")
    assert (status, out) == (2, "")
    assert err.startswith("tracker: --keep wall-clock|instant is needed: Geneva is in "
                          "Europe/Zurich, the round's times in Europe/Kyiv")
    assert "(still 10:00, now Zurich time: 5 Feb 2026 10:00–18:00 CET)" in err
    assert "(now 09:00 in Zurich: 5 Feb 2026 09:00–17:00 CET)" in err
    assert history_count(talks) == before

    status, out, _ = run(capsys, talks, "relocate", ANNOUNCED, "--venue", "Geneva",
                         "--keep", "wall-clock", "--reason", "A neutral host")
    assert (status, out) == (0, "Round 2: relocated: 5 Feb 2026 10:00–18:00 EET → "
                                "5 Feb 2026 10:00–18:00 CET; venue: unknown → Geneva\n")
    moved = row(talks, ANNOUNCED).window
    assert (moved.tz, f"{moved.start:%H:%M}") == ("Europe/Zurich", "09:00")  # UTC


def test_relocate_keeping_the_instant(talks: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, talks, "reschedule", ANNOUNCED, "--start", "5 Feb 2026 10:00",
               "--reason", "time set")[0] == 0
    before = row(talks, ANNOUNCED).window
    assert run(capsys, talks, "relocate", ANNOUNCED, "--venue", str(venue_ids(
        talks, "Abu Dhabi")[0]), "--keep", "instant", "--reason", "moved")[0] == 0
    moved = row(talks, ANNOUNCED).window
    assert (moved.tz, moved.start) == ("Asia/Dubai", before.start)


def test_a_round_at_a_venue_of_unknown_zone_says_so(
        talks: Path, capsys: pytest.CaptureFixture[str]) -> None:
    database = open_database(talks)
    try:
        with database.transaction() as session:  # as calendar import places a round
            venue = create_venue(session, name="Somewhere")
            state = rounds.state_of(rounds.get_round(session, int(ANNOUNCED)))
            rounds.change_round(session, int(ANNOUNCED), replace(state, venue_id=venue),
                                rounds.ChangeNote("imported"))
    finally:
        database.close()
    assert "  venue:    Somewhere (time zone not known)\n" in run(
        capsys, talks, "show", ANNOUNCED)[1]
    status, _, err = run(capsys, talks, "relocate", ANNOUNCED, "--venue", "Somewhere",
                         "--reason", "again")
    assert (status, err) == (2, "tracker: Nothing changed\n")  # not a move: no zone asked
    status, _, err = run(capsys, talks, "relocate", HELD, "--venue", "Somewhere",
                         "--reason", "placed")
    assert (status, err) == (2, "tracker: The time zone of Somewhere is not known (it reads "
                                "UTC): set the venue's zone first, so the round's times are "
                                "read where it is held\n")


@pytest.mark.parametrize(("action", "status", "told"), [
    ("postpone", RoundStatus.POSTPONED, "status changed: status: scheduled → postponed; "
                                        "week of 2 Feb 2026 (to 8 Feb 2026) → date unknown"),
    ("cancel", RoundStatus.CANCELLED, "status changed: status: scheduled → cancelled"),
    ("held", RoundStatus.HELD, "status changed: status: scheduled → held"),
])
def test_status_changes_write_one_history_entry(
        talks: Path, action: str, status: RoundStatus, told: str,
        capsys: pytest.CaptureFixture[str]) -> None:
    before = history_count(talks)
    result = run(capsys, talks, action, ANNOUNCED, "--reason", "news")
    assert result == (0, f"Round 2: {told}\n", "")
    assert history_count(talks) == before + 1
    assert row(talks, ANNOUNCED).status is status


def test_delete_then_restore(talks: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = history_count(talks)
    assert run(capsys, talks, "delete", HELD, "--reason", "entered twice") == (
        0, "Round 1: deleted: deleted\n", "")
    assert run(capsys, talks, "show", HELD)[2] == "tracker: Round 1 does not exist\n"
    assert run(capsys, talks, "restore", HELD, "--reason", "it was not a duplicate") == (
        0, "Round 1: restored: restored\n", "")
    assert history_count(talks) == before + 2
    assert row(talks, HELD).title == "Earlier talks (implied by the report)"


@pytest.mark.parametrize(("argv", "message"), [
    (["reschedule", ANNOUNCED, "--start", "31/31/2026"],
     "--start: '31/31/2026' is not a date dateutil can read"),
    (["reschedule", ANNOUNCED, "--start", "5 Feb 2026", "--precision", "exact"],
     "--start: An exact window needs a time, e.g. 5 Feb 2026 10:00"),
    (["reschedule", ANNOUNCED, "--start", "week of 9 Feb 2026", "--end", "12 Feb 2026"],
     "--end: Only an exact time or a day can have a separate end"),
    (["reschedule", ANNOUNCED, "--start", "9 Feb 2026", "--tz", "Mars/Olympus"],
     "Unknown time zone: 'Mars/Olympus'"),
    (["reschedule", ANNOUNCED, "--start", "week of 2 Feb 2026"], "Nothing changed"),
    (["reschedule", "99", "--start", "9 Feb 2026"], "Round 99 does not exist"),
    (["relocate", ANNOUNCED, "--venue", "Atlantis"], "No venue is named 'Atlantis'"),
    (["relocate", ANNOUNCED, "--venue", "99"], "Venue 99 does not exist"),
    (["relocate", ANNOUNCED, "--venue", "abu dhabi"],
     "2 venues are named 'abu dhabi': give the id ({abu_dhabi})"),
    (["cancel", HELD], "A held round cannot become cancelled"),
    (["postpone", "99"], "Round 99 does not exist"),
    (["restore", "99"], "Round 99 does not exist"),
    (["restore", ANNOUNCED], "Round 2 is not deleted; there is nothing to restore"),
    (["held", ANNOUNCED, "--factor", "99"], "Factor 99 does not exist"),
    (["cancel", ANNOUNCED, "--source", "99"], "Source 99 does not exist"),
])
def test_a_refused_change_leaves_the_database_as_it_was(
        talks: Path, argv: list[str], message: str,
        capsys: pytest.CaptureFixture[str]) -> None:
    before = sqlite_dump(talks)
    status, out, err = run(capsys, talks, *argv, "--reason", "r")
    assert (status, out) == (2, "")
    ids = ", ".join(map(str, venue_ids(talks, "Abu Dhabi")))
    assert err.startswith(f"tracker: {message.format(abu_dhabi=ids)}"), err
    assert sqlite_dump(talks) == before


def test_a_change_needs_a_reason(talks: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["round", "postpone", "--db", str(talks), ANNOUNCED])
    assert exited.value.code == 2
    assert "--reason" in capsys.readouterr().err


def test_a_missing_database_is_not_created(tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "none.db"
    assert run(capsys, missing, "list")[0] == 2
    assert not missing.exists()


def test_a_change_over_a_version_since_passed_is_refused(
        talks: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--if-version is the version the user read (tracker round show): a colleague's change
    since then refuses the change, as the window's conflict check does."""
    seen = row(talks, ANNOUNCED).version
    assert run(capsys, talks, "postpone", ANNOUNCED, "--reason", "a colleague")[0] == 0
    before = sqlite_dump(talks)
    status, out, err = run(capsys, talks, "cancel", ANNOUNCED, "--reason", "mine",
                           "--if-version", str(seen))
    assert (status, out) == (2, "")
    assert "changed" in err and "tracker: " in err, err
    assert sqlite_dump(talks) == before
    status, _out, _err = run(capsys, talks, "cancel", ANNOUNCED, "--reason", "mine",
                             "--if-version", str(row(talks, ANNOUNCED).version))
    assert status == 0
    assert row(talks, ANNOUNCED).status is RoundStatus.CANCELLED


def test_list_and_show_tell_the_modality(talks: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, talks, "edit", ANNOUNCED, "--modality", "in-person")[0] == 0
    _, out, _ = run(capsys, talks, "list")
    header, announced, held = out.splitlines()
    assert announced[header.index("MODALITY"):].startswith("in person  Trilateral talks")
    assert held[header.index("MODALITY"):].startswith("unknown    Earlier talks")
    _, out, _ = run(capsys, talks, "list", "--format", "csv")
    assert [r["modality"] for r in csv.DictReader(io.StringIO(out))] == [
        "in person", "unknown"]
    _, out, _ = run(capsys, talks, "list", "--format", "json")
    assert [r["modality"] for r in json.loads(out)] == ["in person", "unknown"]
    _, out, _ = run(capsys, talks, "show", ANNOUNCED)
    assert "  format:   trilateral\n  modality: in person\n" in out


def test_edit_changes_the_fields_of_the_round_that_are_not_its_schedule(
        talks: Path, capsys: pytest.CaptureFixture[str]) -> None:
    seen = row(talks, ANNOUNCED).version
    changes = history_count(talks)
    status, out, err = run(capsys, talks, "edit", ANNOUNCED, "--modality", "hybrid",
                           "--format", "technical", "--outcome", "Talks about talks",
                           "--if-version", str(seen))
    assert (status, err) == (0, "")
    assert out == (f"Round 2 (version {seen + 1}): format: trilateral → technical; "
                   "modality: unknown → hybrid; outcome: (empty) → Talks about talks\n")
    edited = row(talks, ANNOUNCED)
    assert (edited.modality, edited.format.value) == (RoundModality.HYBRID, "technical")
    assert history_count(talks) == changes  # not a schedule change
    assert column(talks, "SELECT fields FROM edit_log ORDER BY id DESC LIMIT 1") == [
        "format,modality,outcome"]


@pytest.mark.parametrize(("argv", "message"), [
    (["--title", "   "], "tracker: A round needs a title"),
    (["--modality", "virtual", "--if-version", "1"], "tracker: "),
    ([], "tracker: nothing to change: give at least one of --title, --format, --modality"),
])
def test_a_refused_edit_exits_2_and_leaves_the_database_as_it_was(
        talks: Path, argv: list[str], message: str,
        capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, talks, "edit", ANNOUNCED, "--agenda", "moved on")[0] == 0  # version 2
    before = sqlite_dump(talks)
    status, out, err = run(capsys, talks, "edit", ANNOUNCED, *argv)
    assert (status, out) == (2, "")
    assert err.startswith(message), err
    assert sqlite_dump(talks) == before


def test_a_modality_the_tracker_does_not_know_is_refused_by_the_parser(
        talks: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = sqlite_dump(talks)
    with pytest.raises(SystemExit) as exited:
        main(["round", "edit", "--db", str(talks), ANNOUNCED, "--modality", "by-post"])
    assert exited.value.code == 2
    assert "invalid choice: 'by-post'" in capsys.readouterr().err
    assert sqlite_dump(talks) == before


def test_a_database_failure_mid_change_is_told_not_a_traceback(
        talks: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The server gone or the disk full half-way through a change: one line saying the
    database is as it was, exit 2, and nothing written."""
    def disk_full(*_args: object, **_kwargs: object) -> None:
        raise OperationalError("UPDATE round", {}, Exception("database or disk is full"))

    monkeypatch.setattr("tracker.services.rounds.operations.change_round", disk_full)
    before = sqlite_dump(talks)
    status, out, err = run(capsys, talks, "postpone", ANNOUNCED, "--reason", "r")
    assert (status, out) == (2, "")
    assert err == ("tracker: the change failed, the database is as it was: "
                   "database or disk is full\n")
    assert sqlite_dump(talks) == before


def test_a_change_says_when_it_was_announced(
        capsys: pytest.CaptureFixture[str], talks: Path) -> None:
    """Typed on any day, dated by the announcement: a day stays a day, a time is read in
    --tz; one announced after it is entered is refused and nothing is written."""
    status, _, _ = run(capsys, talks, "postpone", ANNOUNCED, "--reason", "tensions",
                       "--announced", "1 Feb 2026")
    assert status == 0
    assert column(talks, "SELECT announced_at FROM schedule_change "
                         "ORDER BY id DESC LIMIT 1") == ["2026-02-01 00:00:00.000000"]
    assert column(talks, "SELECT announced_precision FROM schedule_change "
                         "ORDER BY id DESC LIMIT 1") == ["day"]
    status, _, _ = run(capsys, talks, "reschedule", ANNOUNCED, "--start", "2026-02-10",
                       "--reason", "set", "--tz", "Europe/Kyiv",
                       "--announced", "2026-02-03 15:00")
    assert status == 0
    assert column(talks, "SELECT announced_at FROM schedule_change "
                         "ORDER BY id DESC LIMIT 1") == ["2026-02-03 13:00:00.000000"]
    before = history_count(talks)
    status, _, err = run(capsys, talks, "cancel", ANNOUNCED, "--reason", "off",
                         "--announced", "2999-01-01")
    assert status == 2 and "announced after it was entered" in err
    assert history_count(talks) == before


def test_a_change_announced_before_others_is_the_one_confirmed(
        talks: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The history runs in announcement order: the change just entered, announced before
    one entered earlier (dated when it was entered), is not last in it. The command
    confirms the change it made, not the history's last line."""
    status, _, err = run(capsys, talks, "reschedule", ANNOUNCED, "--start", "5 Feb 2026",
                         "--reason", "entered first, dated when entered")
    assert (status, err) == (0, "")
    status, out, err = run(capsys, talks, "reschedule", ANNOUNCED, "--start", "6 Feb 2026",
                           "--reason", "entered second", "--announced", "2026-02-01")
    assert (status, err) == (0, "")
    assert out == "Round 2: rescheduled: 5 Feb 2026 → 6 Feb 2026\n"
