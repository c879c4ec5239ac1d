"""An imported event keeps its record as the file had it, named by the file's header."""

from __future__ import annotations

from sqlalchemy import select

from tests.conftest import REAL_DATA
from tracker.domain.events import BattlefieldEvent
from tracker.services.events.event_records import event_provenance
from tracker.services.imports.importing import ImportFormat, import_events
from tracker.storage.database import Database

HDX = REAL_DATA / "ucdp_ged_ukraine_2014-2021_hdx_hxl.csv"
CP1252 = REAL_DATA / "ucdp_ged_ukraine_2014-2023_ged221+candidate_excel_cp1252.csv"


def _event_id(db: Database, external_id: str) -> int:
    with db.reading() as session:
        found = session.scalar(select(BattlefieldEvent.id).where(
            BattlefieldEvent.dataset == "UCDP GED", BattlefieldEvent.external_id == external_id))
    assert found is not None
    return found


def test_the_record_is_named_by_the_files_own_header(db: Database) -> None:
    import_events(db, HDX, ImportFormat.UCDP)
    with db.reading() as session:
        provenance = event_provenance(session, _event_id(db, "147997"))
    assert provenance is not None
    fields = dict(provenance.fields)
    # HDX's extra column is there under its own name, in the file's order.
    assert fields["iso3"] == "UKR"
    assert fields["id"] == "147997"
    assert provenance.file_name == HDX.name
    assert provenance.layout == "UCDP GED (HDX edition)"
    assert (provenance.fatalities_low, provenance.fatalities_high) == (
        int(fields["low"]), int(fields["high"]))


def test_a_newer_file_replaces_the_record_it_updates(db: Database) -> None:
    import_events(db, HDX, ImportFormat.UCDP)
    import_events(db, CP1252, ImportFormat.UCDP)
    # Issue 17: a record is updated only where a stored field differs. 154677 differs
    # between the two files (147997, which this test used before, does not, so it now
    # keeps the HDX record).
    with db.reading() as session:
        provenance = event_provenance(session, _event_id(db, "154677"))
        unchanged = event_provenance(session, _event_id(db, "147997"))
    assert provenance is not None
    assert provenance.encoding == "Windows-1252"
    # File 1's own date style, decoded from cp1252 and kept as it was written.
    assert dict(provenance.fields)["date_start"] == "7/14/2014 12:00:00 AM"
    assert "iso3" not in dict(provenance.fields)
    assert unchanged is not None and unchanged.layout == "UCDP GED (HDX edition)"


def test_an_event_not_imported_has_no_provenance(sample_db: Database) -> None:
    with sample_db.reading() as session:
        first = session.scalar(select(BattlefieldEvent.id).limit(1))
        assert first is not None
        assert event_provenance(session, first) is None


def test_multiline_records_come_back_whole(db: Database) -> None:
    api = REAL_DATA / "ucdp_ged_ukraine_2014-2021_ged221_api.csv"
    import_events(db, api, ImportFormat.UCDP)
    with db.reading() as session:
        ids = session.scalars(select(BattlefieldEvent.id)).all()
        multiline = [p for p in (event_provenance(session, i) for i in ids)
                     if p is not None and any("\n" in value for _, value in p.fields)]
    # SOURCES.md: 472 records of this file hold raw line breaks.
    assert len(multiline) == 472
