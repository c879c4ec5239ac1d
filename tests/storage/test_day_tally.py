"""The day counts of a first bulk load, tallied as its rows go in (storage.day_tally):
the very counts a recount from the events gives, and a recount whenever the load did
anything the tally cannot follow."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from tests.acled_generator import write_acled_file
from tests.conftest import REAL_DATA
from tracker.services.imports import importing
from tracker.services.imports.importing import ImportFormat, build_after_import, import_events
from tracker.services.targets import suggest_ahead
from tracker.storage import day_tally, event_upsert
from tracker.storage.database import Database
from tracker.storage.day_counts import recount

pytestmark = pytest.mark.sqlite_only  # the SQLite writer tallies; PostgreSQL recounts

API = REAL_DATA / "ucdp_ged_ukraine_2014-2021_ged221_api.csv"
NEWER = REAL_DATA / "ucdp_ged_ukraine_2014-2022_ged231.csv"


def _counts(db: Database) -> list[tuple[Any, ...]]:
    with db.engine.connect() as connection:
        return [tuple(row) for row in connection.execute(text(
            "SELECT * FROM event_day_count ORDER BY 1, 2, 3, 4"))]


def _recounted(db: Database) -> list[tuple[Any, ...]]:
    """The counts a recount from the stored events gives (rolled back after)."""
    with db.engine.connect() as connection, connection.begin() as transaction:
        recount(connection)
        counted = [tuple(row) for row in connection.execute(text(
            "SELECT * FROM event_day_count ORDER BY 1, 2, 3, 4"))]
        transaction.rollback()
    return counted


@pytest.fixture
def recounts(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many times a load counted the days again from the events."""
    done: list[int] = []

    def counted(connection: Any, **kwargs: Any) -> None:
        done.append(1)
        recount(connection, **kwargs)

    monkeypatch.setattr(day_tally, "recount", counted)
    return done


@pytest.mark.parametrize("usable_first", [False, True], ids=["built", "usable first"])
def test_a_first_bulk_load_tallies_the_counts_a_recount_gives(
        db: Database, tmp_path: Path, recounts: list[int], usable_first: bool) -> None:
    source = write_acled_file(tmp_path / "acled.csv", 12_000)
    import_events(db, source, ImportFormat.ACLED, defer_build=usable_first)
    if usable_first:
        assert build_after_import(db)
    assert recounts == []
    counts = _counts(db)
    assert counts == _recounted(db)
    assert sum(row[4] for row in counts) == 12_000  # events
    assert sum(row[5] for row in counts) > 0  # fatalities
    assert len({row[2] for row in counts}) >= 2  # the rules' categories, each its own row


def test_a_bulk_load_into_a_table_with_events_counts_again(
        db: Database, tmp_path: Path, recounts: list[int]) -> None:
    import_events(db, API, ImportFormat.UCDP)
    assert recounts == []  # too few rows for bulk mode: the triggers counted them
    source = write_acled_file(tmp_path / "acled.csv", 12_000)
    import_events(db, source, ImportFormat.ACLED)
    assert recounts == [1]
    assert _counts(db) == _recounted(db)


def test_new_events_withdrawn_on_arrival_are_left_out_of_the_counts(
        db: Database, recounts: list[int], monkeypatch: pytest.MonkeyPatch) -> None:
    """The newer release, then none of its events (deleted), then the older release: the
    table is empty as the older one loads, and its events the newer lacks arrive
    withdrawn, uncounted."""
    monkeypatch.setattr(event_upsert, "BULK_FROM_ROWS", 1)
    monkeypatch.setattr(importing, "_BATCH", 1)  # each batch inserted whole
    import_events(db, NEWER, ImportFormat.UCDP)
    with db.engine.begin() as connection:
        connection.execute(text("DELETE FROM battlefield_event"))
    recounts.clear()
    older = import_events(db, API, ImportFormat.UCDP)
    assert older.arrived_withdrawn > 0
    assert recounts == [1]
    assert _counts(db) == _recounted(db)


def test_a_first_bulk_load_whose_every_record_is_rejected_counts_nothing(
        db: Database, tmp_path: Path, recounts: list[int]) -> None:
    source = write_acled_file(tmp_path / "acled.csv", 12_000)
    with source.open(newline="", encoding="utf-8") as readable:
        records = list(csv.reader(readable))
    day = records[0].index("event_date")
    for record in records[1:]:
        record[day] = "no date"
    with source.open("w", newline="", encoding="utf-8") as written:
        csv.writer(written).writerows(records)
    report = import_events(db, source, ImportFormat.ACLED)
    assert (report.added, report.rejected) == (0, 12_000)
    assert recounts == []
    assert _counts(db) == []


def test_a_load_given_no_suggestions_counts_again_after_the_rule_pass(
        db: Database, recounts: list[int], monkeypatch: pytest.MonkeyPatch) -> None:
    """Rows that go in undecided get their categories from the pass after the load: the
    counts are those of the categories it decided, not of the rows as inserted."""
    monkeypatch.setattr(event_upsert, "BULK_FROM_ROWS", 1)
    monkeypatch.setattr(suggest_ahead.BatchSuggestions, "all", lambda _self: None)
    import_events(db, API, ImportFormat.UCDP)
    assert recounts == [1]
    counts = _counts(db)
    assert counts == _recounted(db)
    assert "" not in {row[2] for row in counts}
