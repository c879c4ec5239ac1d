"""PostgreSQL's COPY import (storage.pg_bulk_load) reports and stores what SQLite's does.

The real UCDP releases (tests/data/ucdp) imported in the same order into an SQLite file
and into a PostgreSQL database: every summary count, every listed change, withdrawn
event and flagged candidate, the stored values and the day counts agree. Skipped
without a PostgreSQL server (tests/postgres.py).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import text

from tests.conftest import REAL_DATA
from tests.services.imports.test_import_real_data import API, CP1252, GED231, HDX
from tracker.services.imports.import_report import ImportReport
from tracker.services.imports.importing import ImportFormat, import_events
from tracker.storage.database import Database, open_database

ORDERS = {
    "22.1, 23.1, then the older HDX 22.1": (API, GED231, HDX),
    "candidates, then 23.1, then 22.1 again": (CP1252, GED231, API),
}


def summary(report: ImportReport) -> tuple[object, ...]:
    """Everything an import says, apart from its timing."""
    return (
        report.records, report.added, report.updated, report.unchanged, report.rejected,
        report.older, report.dates_moved, report.restored, report.arrived_withdrawn,
        report.release, report.scope, report.changes_found,
        sorted((c.external_id, c.field, c.old, c.new) for c in report.changes),
        sorted((c.external_id, c.field, c.old, c.new) for c in report.older_changes),
        sorted(event.external_id for event in report.withdrawn),
        sorted(event.external_id for event in report.candidates_missing),
    )


def _plain(value: object) -> object:
    return value.isoformat() if isinstance(value, date) else value


def contents(db: Database) -> tuple[object, ...]:
    """The stored events (compared fields, status, release, category) and day counts."""
    with db.engine.connect() as connection:
        events = sorted(tuple(map(_plain, row)) for row in connection.execute(text(
            "SELECT external_id, event_date, event_date_end, fatalities, fatalities_low, "
            "fatalities_high, latitude, longitude, record_status, release_rank, "
            "source_release, target_category FROM battlefield_event")))
        days = sorted(tuple(map(_plain, row)) for row in connection.execute(text(
            "SELECT day, event_type, target_category, date_precision, events, fatalities "
            "FROM event_day_count")))
        raws = connection.scalar(text("SELECT count(*) FROM battlefield_event_raw"))
    return events, days, raws


@pytest.mark.parametrize("order", list(ORDERS.values()), ids=list(ORDERS))
def test_postgresql_imports_report_and_store_what_sqlite_does(
        pg: Database, tmp_path: Path, order: tuple[str, ...]) -> None:
    lite = open_database(tmp_path / "tracker.db")
    try:
        for name in order:
            on_sqlite = import_events(lite, REAL_DATA / name, ImportFormat.UCDP)
            on_postgres = import_events(pg, REAL_DATA / name, ImportFormat.UCDP)
            assert summary(on_postgres) == summary(on_sqlite), name
        assert contents(pg) == contents(lite)
    finally:
        lite.close()
