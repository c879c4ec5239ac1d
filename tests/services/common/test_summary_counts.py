"""The status bar's event count leaves out what does not count (issue 17): events a newer
release withdrew and the merged half of an accepted pair are kept, but are not events."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from tests.conftest import REAL_DATA
from tests.services.imports.test_import_real_data import API, GED231
from tracker.services.common import summary
from tracker.services.imports.importing import ImportFormat, import_events
from tracker.storage.database import Database


def _by_status(db: Database) -> dict[str, int]:
    with db.engine.connect() as connection:
        return dict(connection.execute(text(  # type: ignore[arg-type]
            "SELECT record_status, count(*) FROM battlefield_event "
            "GROUP BY record_status")).all())


def test_withdrawn_and_merged_events_are_not_counted(db: Database) -> None:
    import_events(db, REAL_DATA / API, ImportFormat.UCDP)
    report = import_events(db, REAL_DATA / GED231, ImportFormat.UCDP)
    assert report.withdrawn  # 23.1 dropped events 22.1 had
    with db.engine.begin() as connection:  # the secondary event of an accepted pair
        connection.execute(text(
            "UPDATE battlefield_event SET record_status = 'merged' WHERE id = "
            "(SELECT min(id) FROM battlefield_event WHERE record_status = 'current')"))
    statuses = _by_status(db)
    assert statuses["withdrawn"] == len(report.withdrawn) and statuses["merged"] == 1

    with db.reading() as session:
        counted = summary.counts(session)

    assert counted.events == statuses["current"] == sum(statuses.values()) - \
        len(report.withdrawn) - 1
    assert f"{counted.events:,} events" in counted.describe()


def test_the_count_without_kept_day_counts_is_the_same(
        db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    """Where no trigger keeps the per-day counts, the events themselves are counted."""
    import_events(db, REAL_DATA / API, ImportFormat.UCDP)
    import_events(db, REAL_DATA / GED231, ImportFormat.UCDP)
    with db.reading() as session:
        kept = summary.counts(session).events
    monkeypatch.setattr(summary, "counts_are_kept", lambda _connection: False)
    with db.reading() as session:
        assert summary.counts(session).events == kept == _by_status(db)["current"]
