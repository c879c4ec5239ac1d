"""The Events view's "Changed since last export" filter (issue 17): the events an import
added, corrected or withdrawn after the latest export, and none before any export."""

from __future__ import annotations

from pathlib import Path

from tracker.services.events.events import LAST_EXPORT, EventFilter, count_events, fetch_events
from tracker.services.exports.changes_since import record_export
from tracker.services.imports.importing import ImportFormat, import_events
from tracker.storage.database import Database

ACLED = Path(__file__).resolve().parents[2] / "data" / "acled" / "releases"


def test_changed_since_the_last_export(db: Database) -> None:
    import_events(db, ACLED / "acled_ukr_export_2024-01-10.csv", ImportFormat.ACLED)
    changed = EventFilter(changed_since=LAST_EXPORT)
    with db.reading() as session:
        assert count_events(session, changed) == 0  # nothing exported yet
    with db.transaction() as session:
        record_export(session, "csv", "out.csv")
    import_events(db, ACLED / "acled_ukr_export_2024-01-17.csv", ImportFormat.ACLED)
    with db.reading() as session:
        assert count_events(session, changed) == 3
        found = {row.external_id: row.record_status
                 for row in fetch_events(session, changed, limit=10)}
        assert count_events(session) == 6
    assert found == {"UKR143800": "current", "UKR143804": "withdrawn",
                     "UKR143805": "current"}
