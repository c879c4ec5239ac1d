"""A process killed while it saves a schedule change leaves each save all there or not.

The child opens the database and saves reschedules the way the window does
(tracker.services.rounds.reschedule inside Database.transaction), one after another,
printing "saved N" after each commit; it is SIGKILLed after its k-th line plus a seeded
delay of up to 20 ms, which lands inside saves (each takes a few milliseconds).
"""

from __future__ import annotations

import shutil
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

from tests.reliability_figures import EditKillBench, edit_kill_trials
from tracker.domain.enums import Precision
from tracker.domain.timewindow import ScheduledWindow
from tracker.services.rounds import ChangeNote, reschedule
from tracker.storage.database import open_database

TRIALS = 20


def test_kills_during_saves_leave_every_round_as_its_history_says(tmp_path: Path) -> None:
    figures = edit_kill_trials(TRIALS, tmp_path, seed=6)

    broken = [trial for trial in figures.trials if not trial.intact]
    assert broken == [], broken
    assert figures.intact == figures.tried == TRIALS
    # Killed just after opening (line 0 or 1, "ready") and after many saves alike.
    assert figures.count("none") >= 1
    assert figures.count("whole") >= TRIALS - 3


def _saved_once(bench: EditKillBench, folder: Path) -> Path:
    database = folder / "edited.db"
    shutil.copyfile(bench.base, database)
    db = open_database(database)
    start = datetime(2026, 3, 2, 9, tzinfo=UTC)
    with db.transaction() as session:
        reschedule(session, 2, ScheduledWindow(Precision.EXACT, "Europe/Istanbul", start,
                                               start + timedelta(hours=3)),
                   ChangeNote(reason="kill trial 0"))
    db.close()
    return database


def test_the_check_finds_a_half_saved_edit(tmp_path: Path) -> None:
    bench = EditKillBench(tmp_path / "bench")
    database = _saved_once(bench, tmp_path)
    assert bench.outcome(database, reported=1) == "whole"
    assert bench.outcome(database, reported=0) == "whole"  # killed before printing
    # A save the child reported, missing from the database.
    assert bench.outcome(database, reported=2).startswith("1 saves in the database")
    # The round moved without its history record (or the record without the round).
    with sqlite3.connect(database) as connection:
        connection.execute("UPDATE round SET window_start = '2026-03-02 10:00:00.000000' "
                           "WHERE id = 2")
    assert bench.outcome(database, reported=1) == \
        "rounds [2] differ from their newest schedule change"
