"""Edges of importing found in review: headerless files, repeated ids, stamps, settings."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import select, text

from tests.conftest import REAL_DATA
from tracker import cli
from tracker.domain.events import BattlefieldEvent
from tracker.services.imports.importing import ImportFormat, import_events
from tracker.storage.database import Database

API = REAL_DATA / "ucdp_ged_ukraine_2014-2021_ged221_api.csv"
ACLED_HEADER = "event_id_cnty,event_date,event_type,notes,timestamp\n"


def _summaries(db: Database) -> dict[str, str]:
    with db.reading() as session:
        rows = session.execute(select(BattlefieldEvent.external_id, BattlefieldEvent.summary))
        return {external_id: summary for external_id, summary in rows}


def test_a_headerless_candidate_release_is_read_with_the_standard_names(
        db: Database, tmp_path: Path) -> None:
    data = API.read_bytes()
    headerless = tmp_path / "candidate.csv"
    headerless.write_bytes(data[data.index(b"\n") + 1:])
    report = import_events(db, headerless, ImportFormat.UCDP)
    assert report.layout == "UCDP GED candidate release (no header)"
    assert (report.records, report.added, report.rejected) == (3000, 3000, 0)
    again = import_events(db, API, ImportFormat.UCDP)  # the same records, with a header
    assert (again.added, again.updated, again.unchanged) == (0, 0, 3000)


def test_a_repeated_id_is_rejected_and_the_first_record_kept(
        db: Database, tmp_path: Path) -> None:
    path = tmp_path / "acled.csv"
    path.write_text(ACLED_HEADER + "UKR1,2024-03-01,Battles,first,\n"
                    "UKR2,2024-03-02,Battles,second,\n"
                    "UKR1,2024-03-03,Battles,the same id again,\n", encoding="utf-8")
    report = import_events(db, path, ImportFormat.ACLED)
    assert (report.records, report.added, report.updated, report.rejected) == (3, 2, 0, 1)
    [rejection] = report.rejections
    assert (rejection.line, rejection.column) == (4, "event_id_cnty")
    assert "line 2" in rejection.reason
    assert _summaries(db) == {"UKR1": "first", "UKR2": "second"}


def test_rows_are_compared_by_their_fields_stamped_or_not(
        db: Database, tmp_path: Path) -> None:
    path = tmp_path / "acled.csv"
    path.write_text(ACLED_HEADER + "UKR1,2024-03-01,Battles,stamped,1700000000\n"
                    "UKR2,2024-03-02,Battles,no stamp,\n", encoding="utf-8")
    import_events(db, path, ImportFormat.ACLED)
    path.write_text(ACLED_HEADER + "UKR1,2024-03-01,Battles,stamped but edited,1700000000\n"
                    "UKR2,2024-03-02,Battles,no stamp but edited,\n", encoding="utf-8")
    report = import_events(db, path, ImportFormat.ACLED)
    # Issue 17: a stored field that differs is a change, whatever the timestamp says
    # (this test kept "stamped" under the same timestamp before).
    assert (report.updated, report.unchanged) == (2, 0)
    assert _summaries(db) == {"UKR1": "stamped but edited", "UKR2": "no stamp but edited"}


@pytest.mark.sqlite_only  # SQLite's PRAGMAs
def test_the_import_gives_the_connection_its_settings_back(db: Database) -> None:
    def settings() -> tuple[int, int]:
        with db.engine.connect() as connection:
            return (connection.execute(text("PRAGMA cache_size")).scalar_one(),
                    connection.execute(text("PRAGMA threads")).scalar_one())

    before = settings()
    import_events(db, API, ImportFormat.UCDP)
    assert settings() == before


@pytest.mark.sqlite_only  # SQLite's file lock
def test_a_locked_database_is_a_message_not_a_traceback(
        db: Database, capsys: pytest.CaptureFixture[str]) -> None:
    blocker = sqlite3.connect(str(db.url.database), timeout=0)
    try:
        blocker.execute("BEGIN IMMEDIATE")  # another writer holds the lock
        code = cli.main(["import", "--db", str(db.url.database), "--format", "ucdp",
                         str(API)])
    finally:
        blocker.rollback()
        blocker.close()
    assert code == 2
    error = capsys.readouterr().err
    assert "the database is as it was" in error and "locked" in error
    assert "Traceback" not in error
