"""``tracker import --format ics``: the summary, each refusal on its own line, exit 0/1/2,
and --strict; a refused file leaves the database as it was."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import sqlite_dump
from tracker.cli import main

EVENT = ("BEGIN:VEVENT\r\nUID:{uid}\r\nSUMMARY:Talks\r\nDTSTART{start}\r\n"
         "LOCATION:Geneva\r\nEND:VEVENT\r\n")
KYIV = ";TZID=Europe/Kyiv:20260210T110000"


def _calendar(tmp_path: Path, *events: tuple[str, str]) -> Path:
    path = tmp_path / "desk.ics"
    body = "".join(EVENT.format(uid=uid, start=start) for uid, start in events)
    path.write_text(f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//EN\r\n{body}"
                    "END:VCALENDAR\r\n", encoding="utf-8", newline="")
    return path


def run(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> tuple[int, str, str]:
    status = main(["import", *map(str, argv)])
    out, err = capsys.readouterr()
    return status, out, err


def test_events_are_added_then_unchanged(tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    path = _calendar(tmp_path, ("a@x", KYIV), ("b@x", ";VALUE=DATE:20260211"))
    db = tmp_path / "talks.db"
    assert run(capsys, "--db", db, "--format", "ics", path) == (
        0, "desk.ics: 2 added, 0 updated, 0 unchanged, 0 refused\n", "")
    assert run(capsys, "--db", db, "--format", "ics", path)[1] == (
        "desk.ics: 0 added, 0 updated, 2 unchanged, 0 refused\n")


def test_a_refused_event_is_listed_and_the_status_is_1(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _calendar(tmp_path, ("a@x", KYIV), ("float@x", ":20260210T110000"))
    status, out, _err = run(capsys, "--db", tmp_path / "t.db", "--format", "ics", path)
    assert status == 1
    assert out.splitlines() == [
        "desk.ics: 1 added, 0 updated, 0 unchanged, 1 refused",
        "  refused: line 13, UID float@x, DTSTART: 2026-02-10 11:00 is a floating time (no "
        "TZID and no Z): the file does not say in which time zone it is"]


def test_strict_and_broken_files_change_nothing(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "t.db"
    assert run(capsys, "--db", db, "--format", "ics",
               _calendar(tmp_path, ("a@x", KYIV)))[0] == 0
    before = sqlite_dump(db)
    path = _calendar(tmp_path, ("b@x", KYIV), ("float@x", ":20260210T110000"))
    status, out, err = run(capsys, "--db", db, "--format", "ics", path, "--strict")
    assert (status, out) == (2, "")
    assert err.startswith("tracker: desk.ics, line 13, column 'DTSTART': UID float@x: ")
    path.write_text("BEGIN:VCALENDAR\r\nnonsense\r\n", encoding="utf-8")
    status, _out, err = run(capsys, "--db", db, "--format", "ics", path)
    assert status == 2
    assert err == ("tracker: desk.ics, line 2: not an iCalendar content line: "
                   "'nonsense'\n")
    status, _out, err = run(capsys, "--db", db, "--format", "ics", tmp_path / "missing.ics")
    assert status == 2 and "missing.ics: cannot be read" in err
    assert sqlite_dump(db) == before
