"""storage.found_beside: the categories an import left to its build, found by reading the
committed file, are written with the per-day counts moved as a recount would leave them;
written otherwise than read, the days are counted again (SQLite)."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import Connection, text
from sqlalchemy.orm import Session

from tests.acled_generator import write_acled_file
from tracker.services.imports.importing import ImportFormat, import_events
from tracker.storage import day_counts
from tracker.storage.database import Database, open_database
from tracker.storage.deferred_categories import categorise_runs
from tracker.storage.found_beside import RunFound, found_in_file
from tracker.storage.rules_in_force import rule_set

pytestmark = pytest.mark.sqlite_only  # SQLite's bulk mode, and a file another process reads

ROWS = 12_000  # a bulk import: its categories are left to the build


@pytest.fixture
def undecided(tmp_path: Path) -> Iterator[tuple[Database, int]]:
    """A database whose one import committed its events with their categories owed."""
    db = open_database(tmp_path / "owed.db")
    import_events(db, write_acled_file(tmp_path / "acled.csv", ROWS), ImportFormat.ACLED,
                  defer_build=True)
    with db.engine.connect() as connection:
        run_id = connection.execute(text("SELECT max(id) FROM import_run")).scalar_one()
    yield db, run_id
    db.close()


def _found(db: Database, run_id: int) -> RunFound:
    with Session(db.engine) as session:
        rules = rule_set(session)
    assert db.url.database is not None
    return found_in_file(db.url.database, run_id, rules)


def _days(connection: Connection) -> list[tuple[object, ...]]:
    return [tuple(row) for row in connection.execute(text(
        "SELECT * FROM event_day_count ORDER BY day, event_type, target_category, "
        "date_precision"))]


def _recounted(connection: Connection) -> list[tuple[object, ...]]:
    day_counts.recount(connection)
    return _days(connection)


def test_the_moves_found_beside_leave_the_counts_a_recount_would(
        undecided: tuple[Database, int]) -> None:
    db, run_id = undecided
    found = _found(db, run_id)
    assert found.examined == ROWS and found.suggestions and found.day_moves
    with db.engine.connect() as connection, connection.begin() as transaction:
        before = _days(connection)
        categorise_runs(connection, [run_id], {run_id: found})
        after = _days(connection)
        assert after != before  # the events moved out of "" into their categories
        assert {row[2] for row in after} >= {"unknown"} and "" not in {row[2] for row in after}
        assert after == _recounted(connection)
        transaction.rollback()


def test_events_written_otherwise_than_read_are_counted_again(
        undecided: tuple[Database, int], caplog: pytest.LogCaptureFixture) -> None:
    db, run_id = undecided
    found = _found(db, run_id)
    # As if another connection had changed one of the run's events since it was read.
    stale = replace(found, examined=found.examined + 1,
                    day_moves=[(*found.day_moves[0][:4], 99, 0, 0)])
    with db.engine.connect() as connection, connection.begin() as transaction:
        with caplog.at_level(logging.WARNING, "tracker.storage.deferred_categories"):
            categorise_runs(connection, [run_id], {run_id: stale})
        assert "counting the days again" in caplog.text
        decided = _days(connection)
        assert decided == _recounted(connection)
        assert connection.execute(text(
            "SELECT count(*) FROM battlefield_event WHERE target_category = ''")
        ).scalar_one() == 0
        transaction.rollback()
