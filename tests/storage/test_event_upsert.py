"""The portable upsert (SQLAlchemy Core, as PostgreSQL uses) counts as the SQLite one does."""

from __future__ import annotations

import functools
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from tests.acled_generator import write_acled_file
from tests.conftest import REAL_DATA
from tracker.domain.events import BattlefieldEvent, BattlefieldEventRaw
from tracker.services.imports import importing
from tracker.services.imports.importing import ImportFormat, ImportProgress, import_events
from tracker.storage import event_upsert
from tracker.storage.database import Database, open_database
from tracker.storage.errors import StorageError

API = REAL_DATA / "ucdp_ged_ukraine_2014-2021_ged221_api.csv"
NEWER = REAL_DATA / "ucdp_ged_ukraine_2014-2022_ged231.csv"


def _counts(db: Database) -> list[tuple[int, int, int, int]]:
    first = import_events(db, API, ImportFormat.UCDP)
    again = import_events(db, API, ImportFormat.UCDP)
    newer = import_events(db, NEWER, ImportFormat.UCDP)
    return [(r.added, r.updated, r.unchanged, r.rejected) for r in (first, again, newer)]


def _raw_records(db: Database) -> int:
    with db.reading() as session:
        return session.scalar(select(func.count()).select_from(BattlefieldEventRaw)) or 0


def test_both_paths_count_alike(db: Database, tmp_path: Path,
                                monkeypatch: pytest.MonkeyPatch) -> None:
    fast = _counts(db)
    assert fast[1] == (0, 0, 3000, 0)
    monkeypatch.setattr(importing, "EventUpsert",
                        functools.partial(event_upsert.EventUpsert, portable=True))
    other = open_database(tmp_path / "portable.db")
    try:
        assert _counts(other) == fast
        assert _raw_records(other) == _raw_records(db) == 3000 + fast[2][0]
    finally:
        other.close()


@pytest.mark.sqlite_only  # SQLite's bulk mode drops and rebuilds indexes
def test_a_bulk_import_reports_each_index_it_builds(db: Database, tmp_path: Path) -> None:
    source = write_acled_file(tmp_path / "acled.csv", 12_000)
    seen: list[ImportProgress] = []
    import_events(db, source, ImportFormat.ACLED, progress=seen.append)
    building = [(p.indexes_built, p.indexes_total) for p in seen if p.indexing]
    with db.engine.connect() as connection:
        indexes = connection.exec_driver_sql(
            "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
            "AND tbl_name = 'battlefield_event'").scalar_one()
    # The full-text index, then every secondary index, each once and in order.
    assert building == [(n, indexes + 1) for n in range(1, indexes + 2)]


def _older_after_newer(db: Database) -> tuple[int, list[tuple[object, ...]]]:
    """The newer UCDP release, then the older one: the older's events the newer lacks
    arrive withdrawn. What the second import reports of them, and how they are stored."""
    import_events(db, NEWER, ImportFormat.UCDP)
    older = import_events(db, API, ImportFormat.UCDP)
    with db.engine.connect() as connection:
        stored = connection.exec_driver_sql(
            "SELECT external_id, record_status, release_rank, status_changed_at IS NOT NULL "
            "FROM battlefield_event ORDER BY external_id").all()
    return older.arrived_withdrawn, [tuple(row) for row in stored]


@pytest.mark.sqlite_only  # the portable path is what PostgreSQL runs; this compares on one file
def test_new_events_of_an_older_release_arrive_withdrawn_on_both_paths(
        db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """One-row batches, so a new event's batch holds nothing stored: SQLite then inserts
    the batch whole (EventUpsert._insert_all), and must withdraw as the row-by-row
    comparison of the portable path does."""
    monkeypatch.setattr(importing, "_BATCH", 1)
    fast = _older_after_newer(db)
    assert fast[0] > 0
    assert sum(status == "withdrawn" for _, status, _, _ in fast[1]) >= fast[0]
    monkeypatch.setattr(importing, "EventUpsert",
                        functools.partial(event_upsert.EventUpsert, portable=True))
    other = open_database(tmp_path / "portable.db")
    try:
        assert _older_after_newer(other) == fast
    finally:
        other.close()


@pytest.mark.sqlite_only  # the SQLite writer's connection settings
def test_a_bulk_import_leaves_the_checks_on_for_every_other_write(
        db: Database, tmp_path: Path) -> None:
    """Bulk mode leaves the table's CHECKs to the reader, which made them; the pooled
    connection the import wrote on checks them again for the window's edits."""
    import_events(db, write_acled_file(tmp_path / "acled.csv", 12_000), ImportFormat.ACLED)
    assert db.engine.pool.checkedin() == 1  # type: ignore[attr-defined]  # the import's
    with db.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA ignore_check_constraints").scalar() == 0
        with pytest.raises(IntegrityError, match="latitude"):
            connection.exec_driver_sql(
                "UPDATE battlefield_event SET latitude = 100 WHERE id = 1")


@pytest.mark.sqlite_only  # SQLite numbers the new events; their texts go in by number
def test_an_import_stops_rather_than_file_a_text_under_another_event(db: Database) -> None:
    """With an event numbered with the last id there is, SQLite numbers new events at
    random: the import cannot know which record text is whose, and writes nothing."""
    import_events(db, API, ImportFormat.UCDP)
    columns = ", ".join(column.key for column in BattlefieldEvent.__table__.columns
                        if column.key not in ("id", "external_id"))
    with db.engine.begin() as connection:
        connection.exec_driver_sql(
            f"INSERT INTO battlefield_event (id, external_id, {columns}) "
            f"SELECT 9223372036854775807, 'last', {columns} FROM battlefield_event "
            "WHERE id = 1")
    before = _raw_records(db), _events(db)
    with pytest.raises(StorageError, match="numbered the new events"):
        import_events(db, NEWER, ImportFormat.UCDP)
    assert (_raw_records(db), _events(db)) == before


def _events(db: Database) -> int:
    with db.reading() as session:
        return session.scalar(select(func.count()).select_from(BattlefieldEvent)) or 0
