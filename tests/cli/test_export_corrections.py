"""`tracker export --corrections`: undone entries as corrections; without it, left out.
`tracker round show` prints both times of each change and marks the withdrawn one."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

import pytest

from tracker.cli import main
from tracker.domain.announcement import Announcement
from tracker.domain.timewindow import ScheduledWindow
from tracker.services import rounds
from tracker.storage.database import open_database

TALKS = 2  # the sample's week-of-2-Feb round


def _undone_move(db: Path) -> None:
    database = open_database(db, create=False)
    try:
        with database.transaction() as session:
            done = rounds.reschedule(session, TALKS, ScheduledWindow.days(
                date(2026, 2, 10), "Europe/Kyiv"), rounds.ChangeNote(
                    "typed by mistake", announced=Announcement.on_day(date(2026, 2, 1))))
            assert done.undo is not None
            done.undo(session)
    finally:
        database.close()


def _titles(out: str) -> list[str]:
    return [row["title"] for row in csv.DictReader(io.StringIO(out))
            if row["kind"] == "schedule change" and "Trilateral" in row["title"]]


@pytest.mark.parametrize(("flags", "expected"), [
    ([], []),
    (["--corrections"], [": rescheduled (withdrawn)", ": correction"]),
])
def test_export_leaves_out_or_tells_an_undone_move(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], flags: list[str],
        expected: list[str]) -> None:
    db = tmp_path / "t.db"
    assert main(["sample", "--db", str(db)]) == 0
    _undone_move(db)
    capsys.readouterr()
    assert main(["export", "--db", str(db), "--format", "csv", "--tz", "UTC",
                 *flags]) == 0
    titles = [t for t in _titles(capsys.readouterr().out) if "created" not in t]
    assert [t[t.index(":"):] for t in titles] == expected


def test_round_show_prints_both_times_and_marks_the_withdrawn_change(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "t.db"
    assert main(["sample", "--db", str(db)]) == 0
    _undone_move(db)
    capsys.readouterr()
    assert main(["round", "show", "--db", str(db), str(TALKS), "--tz", "UTC"]) == 0
    lines = capsys.readouterr().out.splitlines()
    [moved] = [n for n, line in enumerate(lines) if "rescheduled: " in line]
    assert lines[moved].startswith("  [withdrawn] announced 2026-02-01, entered ")
    assert "; change " in lines[moved + 1] and " retracted by " in lines[moved + 1]
    [undo] = [line for line in lines if "retraction: " in line]
    # The undo is a correction, never announced: only its entry time is given.
    assert undo.startswith("  announced — (a correction), entered ") and " UTC  " in undo
