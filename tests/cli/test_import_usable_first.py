"""``tracker import --usable-first``: the events committed first, then the rest built, the
command saying both times; a plain import builds everything before its one commit."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.acled_generator import write_acled_file
from tests.cli.test_imports import run
from tracker.storage.database import open_database
from tracker.storage.deferred_build import pending_statements, search_ready

TIMES = re.compile(r"usable after ([\d.]+) s, everything built after ([\d.]+) s")


@pytest.mark.sqlite_only  # SQLite's bulk mode
def test_usable_first_builds_after_the_commit_and_says_both_times(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = write_acled_file(tmp_path / "acled.csv", 12_000)
    status, out, err = run(capsys, "--db", tmp_path / "first.db", "--format", "acled",
                           "--usable-first", source)
    assert status == 0, err
    times = TIMES.search(out)
    assert times is not None, out
    assert float(times[1]) < float(times[2])
    # The build after the commit says how far it is and what it built: the full-text
    # index first while the categories' rules run in a second process
    # (services.imports.categories_ahead), the categories once they are done.
    assert "building: 1 of 15 done (full-text index)" in err
    assert re.search(r"building: \d+ of 15 done \(categories\)", err)
    assert "building: 15 of 15 done" in err
    db = open_database(tmp_path / "first.db")
    try:
        with db.engine.connect() as connection:
            assert pending_statements(connection) == [] and search_ready(connection)
    finally:
        db.close()

    status, out, err = run(capsys, "--db", tmp_path / "plain.db", "--format", "acled",
                           source)
    plain = TIMES.search(out)
    assert status == 0 and plain is not None, err
    assert plain[1] == plain[2]  # one transaction: usable once everything is built
