"""Issue 17, failure 1 with a different --map: a generic CSV imported again with another
column for a field re-reads every row by what is stored, field by field (it once said
"2,723 unchanged", comparing a digest of the raw text). The summary counts only the
real differences, and --report lists each changed field with its old and new value.

The file is the real UCDP GED 23.1 extract, first mapped with its "low" deaths, then
with its "best"; every expected figure is worked out from the file with the csv module.
"""

from __future__ import annotations

import csv
from pathlib import Path

from sqlalchemy import text

from tests.conftest import REAL_DATA
from tests.services.imports.test_import_real_data import GED231, source_rows
from tracker.io.generic_layout import ColumnMapping
from tracker.services.imports.import_report import write_report
from tracker.services.imports.importing import ImportFormat, import_events
from tracker.storage.database import Database

DATASET = "GED extract"


def mapped(deaths: str) -> ColumnMapping:
    return ColumnMapping({"external_id": "id", "event_date": "date_start",
                          "fatalities": deaths}, dataset=DATASET)


def test_another_column_for_a_field_updates_exactly_the_rows_that_differ(
        db: Database, tmp_path: Path) -> None:
    rows = source_rows(GED231)
    first = import_events(db, REAL_DATA / GED231, ImportFormat.CSV, mapping=mapped("low"))
    assert (first.added, first.rejected) == (len(rows), 0)
    differing = {row["id"]: (row["low"], row["best"]) for row in rows
                 if int(row["low"]) != int(row["best"])}
    assert 0 < len(differing) < len(rows)

    again = import_events(db, REAL_DATA / GED231, ImportFormat.CSV, mapping=mapped("best"))

    assert (again.added, again.updated, again.unchanged, again.rejected) == (
        0, len(differing), len(rows) - len(differing), 0)
    assert again.dates_moved == 0  # the same dates: none moved
    assert {(change.external_id, change.field, change.old, change.new)
            for change in again.changes} == {
        (key, "fatalities", low, best) for key, (low, best) in differing.items()}
    with db.engine.connect() as connection:
        stored = dict(connection.execute(text(  # type: ignore[arg-type]
            "SELECT external_id, fatalities FROM battlefield_event WHERE dataset = :d"),
            {"d": DATASET}).all())
    assert stored == {row["id"]: int(row["best"]) for row in rows}

    out = tmp_path / "report.csv"
    write_report(again, out)
    with out.open(encoding="utf-8", newline="") as handle:
        lines = list(csv.reader(handle))
    listed = {tuple(line[:4]) for line in lines[lines.index(
        ["event", "field", "old", "new", "changed"]) + 1:] if len(line) >= 4}
    assert listed == {(key, "fatalities", low, best) for key, (low, best) in differing.items()}


def test_the_same_mapping_again_changes_nothing(db: Database) -> None:
    import_events(db, REAL_DATA / GED231, ImportFormat.CSV, mapping=mapped("best"))
    again = import_events(db, REAL_DATA / GED231, ImportFormat.CSV, mapping=mapped("best"))
    assert (again.added, again.updated, again.changes) == (0, 0, [])
