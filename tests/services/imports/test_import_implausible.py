"""Issue 14: UCDP rows whose death-toll estimates are out of order are said, not hidden.

The attack: rows with low > best or best > high were stored without a word. They are
stored as the dataset has them (its figures are its own), counted in the summary and
listed by line in the report's notes.
"""

from __future__ import annotations

from pathlib import Path

from tracker.services.imports.import_report import write_report
from tracker.services.imports.import_rows import implausible_toll
from tracker.services.imports.importing import ImportFormat, import_events
from tracker.storage.database import Database

HEADER = "id,year,date_start,date_end,type_of_violence,best,low,high\n"


def test_out_of_order_tolls_are_stored_counted_and_listed(
        db: Database, tmp_path: Path) -> None:
    path = tmp_path / "ged.csv"
    path.write_text(HEADER
                    + "1,2022,2022-03-01,2022-03-01,1,5,2,9\n"    # in order
                    + "2,2022,2022-03-02,2022-03-02,1,5,7,9\n"    # low above best
                    + "3,2022,2022-03-03,2022-03-03,1,12,2,9\n"   # best above high
                    + "4,2022,2022-03-04,2022-03-04,1,,2,\n",     # best unknown
                    encoding="utf-8")
    report = import_events(db, path, ImportFormat.UCDP)
    assert (report.records, report.added, report.rejected) == (4, 4, 0)
    assert [(item.line, item.column) for item in report.flagged] == [(3, "low"), (4, "high")]
    assert "7 is above the best estimate 5" in report.flagged[0].reason
    assert "(2 stored with implausible values)" in report.summary()
    assert any("line(s) 3, 4" in note for note in report.notes)
    saved = tmp_path / "report.csv"
    write_report(report, saved)
    assert "stored, but implausible: line 4, column 'high'" in saved.read_text("utf-8")


def test_the_rule() -> None:
    assert implausible_toll(5, 2, 9) is None
    assert implausible_toll(None, 2, 9) is None
    assert implausible_toll(5, 5, 5) is None
    assert implausible_toll(None, 9, 2) == ("low", "low estimate 9 is above the high "
                                                   "estimate 2")
