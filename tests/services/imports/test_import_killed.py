"""A killed import leaves the database as it was, or holds the whole import: never half.

The child is the real `tracker import` process, SIGKILLed after its k-th progress line
(k = 0…last in turn) plus a seeded delay: while rows are written, while bulk mode builds
each index again, and around the commit that follows the last line.
"""

from __future__ import annotations

import shutil
import signal
import sqlite3
import subprocess
from pathlib import Path

import pytest

from tests.conftest import sqlite_dump
from tests.reliability_figures import ImportKillBench, import_kill_trials

TRIALS = 20


@pytest.fixture(scope="module")
def bench(tmp_path_factory: pytest.TempPathFactory) -> ImportKillBench:
    """20,000 generated ACLED rows into the sample scenario, imported once completely."""
    return ImportKillBench(tmp_path_factory.mktemp("import-kill"))


def test_killing_an_import_midway_changes_nothing(bench: ImportKillBench) -> None:
    database = bench.copy("midway.db")
    process = subprocess.Popen(bench.command(database), stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE, text=True)
    assert process.stderr is not None
    # The first progress line means rows are being written inside the transaction.
    first = process.stderr.readline()
    assert "records" in first, first
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert process.returncode == -signal.SIGKILL

    assert sqlite_dump(database) == bench.before
    # And the database is still a working tracker database that takes the import again.
    done = subprocess.run(bench.command(database), capture_output=True, text=True,
                          check=False)
    assert done.returncode == 0, done.stderr
    assert "20,000 added" in done.stdout
    assert bench.outcome(database) == "whole"


def test_kills_at_every_progress_point_leave_all_or_nothing(bench: ImportKillBench,
                                                             tmp_path: Path) -> None:
    # Bulk mode (20,000 new rows into 7): a line per 5,000 rows, then one per index built
    # (the full-text index, day counts and map cells, then the indexes; dataset + date
    # serves the reconciliation's search, place + date the map's points, country + date
    # the place filter's country).
    assert [line.split()[0] for line in bench.progress] == [
        "25%", "50%", "75%", "100%", *["indexing:"] * 13], bench.progress
    assert bench.whole[0]["battlefield_event"] == 20_000 + 7

    figures = import_kill_trials(TRIALS, tmp_path, seed=6, bench=bench)

    broken = [trial for trial in figures.trials if not trial.intact]
    assert broken == [], broken
    assert figures.intact == figures.tried == TRIALS
    # Every point was tried: before the first line, each row batch, each index, the end.
    assert {trial.point.line for trial in figures.trials} == set(
        range(bench.progress_lines + 1))
    assert figures.count("none") >= bench.progress_lines - 1  # all kills before the commit


def test_the_check_tells_half_an_import_from_none_or_all(bench: ImportKillBench) -> None:
    whole = bench.copy("half.db")
    assert subprocess.run(bench.command(whole), capture_output=True,
                          check=False).returncode == 0
    assert bench.outcome(whole) == "whole"
    with sqlite3.connect(whole) as connection:
        connection.execute("DELETE FROM battlefield_event_raw WHERE event_id % 2 = 0")
    assert bench.outcome(whole).startswith("part of the import")

    other = bench.copy("touched.db")
    with sqlite3.connect(other) as connection:
        connection.execute("UPDATE party SET name = name || '!' WHERE id = 1")
    assert bench.outcome(other) == "changed, no import"

    damaged = bench.copy("damaged.db")
    shutil.copyfile(bench.csv, damaged)  # not SQLite at all
    assert bench.outcome(damaged).startswith("unreadable")
