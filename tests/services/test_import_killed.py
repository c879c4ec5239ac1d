"""A killed import leaves the database exactly as it was: one transaction, never half."""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import SHARED, sqlite_dump
from tracker.services.sample import load_sample
from tracker.storage.database import open_database


@pytest.fixture
def acled_file(tmp_path: Path) -> Path:
    target = tmp_path / "acled.csv"
    with target.open("w", encoding="utf-8", newline="") as out:
        subprocess.run([sys.executable, str(SHARED / "tools" / "gen_acled.py"), "60000"],
                       stdout=out, check=True)
    return target


def test_killing_an_import_midway_changes_nothing(tmp_path: Path, acled_file: Path) -> None:
    database = tmp_path / "tracker.db"
    db = open_database(database)
    with db.transaction() as session:
        load_sample(session)
    db.close()
    before = sqlite_dump(database)

    process = subprocess.Popen(
        [sys.executable, "-m", "tracker", "import", "--db", str(database),
         "--format", "acled", str(acled_file)],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )
    assert process.stderr is not None
    # The first progress line means rows are being written inside the transaction.
    first = process.stderr.readline()
    assert "records" in first, first
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert process.returncode == -signal.SIGKILL

    assert sqlite_dump(database) == before
    # And the database is still a working tracker database that takes the import again.
    done = subprocess.run(
        [sys.executable, "-m", "tracker", "import", "--db", str(database), "--format",
         "acled", str(acled_file)], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert "60,000 added" in done.stdout
