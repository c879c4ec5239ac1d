"""Issue 17, failure 4: the real UCDP file imported as generic CSV, then as UCDP, is refused
(every event would count twice); forced, it imports."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from tests.conftest import REAL_DATA
from tracker.io.generic_layout import ColumnMapping
from tracker.services.imports.importing import ImportFormat, import_events
from tracker.services.reconcile.same_file import SameFileError
from tracker.storage.database import Database

GED_231 = REAL_DATA / "ucdp_ged_ukraine_2014-2022_ged231.csv"
AS_CSV = ColumnMapping(
    {"external_id": "id", "event_date": "date_start", "event_date_end": "date_end",
     "latitude": "latitude", "longitude": "longitude", "fatalities": "best",
     "location": "where_coordinates", "admin1": "adm_1"},
    dataset="ged231 as csv")


def _events(db: Database) -> dict[str, int]:
    with db.engine.connect() as connection:
        return dict(connection.execute(text(
            "SELECT dataset, count(*) FROM battlefield_event GROUP BY dataset")).all())


def test_the_same_file_under_a_second_name_is_refused(db: Database) -> None:
    first = import_events(db, GED_231, ImportFormat.CSV, mapping=AS_CSV)
    assert first.added > 3000

    with pytest.raises(SameFileError) as refused:
        import_events(db, GED_231, ImportFormat.UCDP)

    message = str(refused.value)
    assert "'ged231 as csv'" in message and "'UCDP GED'" in message
    assert "--force" in message and "twice" in message
    assert _events(db) == {"ged231 as csv": first.added}  # nothing written


def test_forced_it_imports(db: Database) -> None:
    first = import_events(db, GED_231, ImportFormat.CSV, mapping=AS_CSV)
    second = import_events(db, GED_231, ImportFormat.UCDP, force=True)
    assert second.added == first.added
    assert _events(db) == {"ged231 as csv": first.added, "UCDP GED": second.added}


def test_a_reimport_under_the_same_name_is_not_a_copy(db: Database) -> None:
    import_events(db, GED_231, ImportFormat.UCDP)
    again = import_events(db, GED_231, ImportFormat.UCDP)
    assert again.added == 0


def test_a_different_dataset_is_not_refused(db: Database) -> None:
    import_events(db, REAL_DATA / "ucdp_ged_ukraine_2014-2021_ged221_api.csv",
                  ImportFormat.UCDP)
    report = import_events(db, REAL_DATA.parent / "acled" / "acled_export_iso.csv",
                           ImportFormat.ACLED)
    assert report.added > 0
