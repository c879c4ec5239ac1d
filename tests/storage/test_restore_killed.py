"""A killed restore leaves the database as it was, or holding the backup: never half.

The child is the real `tracker restore` process, SIGKILLed at seeded moments from its
start to past its end: while it keeps a copy of what the database held, while it writes
the backup into the database, and around the commit (issue 14: the SIGKILL trials now
cover restore too).
"""

from __future__ import annotations

import sqlite3
import subprocess
from pathlib import Path

import pytest

from tests.reliability_figures import KillPoint, RestoreKillBench, restore_kill_trials

pytestmark = pytest.mark.sqlite_only

TRIALS = 20


@pytest.fixture(scope="module")
def bench(tmp_path_factory: pytest.TempPathFactory) -> RestoreKillBench:
    return RestoreKillBench(tmp_path_factory.mktemp("restore-kill"))


def test_kills_during_a_restore_leave_the_database_as_it_was_or_restored(
        bench: RestoreKillBench, tmp_path: Path) -> None:
    figures = restore_kill_trials(TRIALS, tmp_path, seed=6, bench=bench)

    broken = [trial for trial in figures.trials if not trial.intact]
    assert broken == [], broken
    assert figures.intact == figures.tried == TRIALS
    # Kills landed before the commit and after it.
    assert figures.count("none") > 0 and figures.count("whole") > 0, figures


def test_a_restore_killed_midway_can_be_run_again(bench: RestoreKillBench) -> None:
    killed = bench.trial(KillPoint(0, bench.duration / 2), "again.db")
    assert killed.intact, killed
    database = bench.folder / "again.db"
    done = subprocess.run(bench.command(database), capture_output=True, text=True,
                          check=False)
    assert done.returncode == 0, done.stderr
    assert bench.outcome(database) == "whole"


def test_the_check_tells_a_half_restore_from_none_or_all(bench: RestoreKillBench) -> None:
    database = bench.copy("half.db")
    assert bench.outcome(database) == "none"
    connection = sqlite3.connect(database)
    with connection:
        connection.execute("DELETE FROM track WHERE id % 2 = 0")
    connection.close()
    assert bench.outcome(database) == "neither as it was nor the backup"
