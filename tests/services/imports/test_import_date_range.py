"""Event dates outside 1 Jan 1900 .. 31 Dec 2200 are rejected rows, naming the line and the
column, in every importer (issue 14, F1: a row dated 9999-12-31 once imported and then
bricked the window)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from tests.conftest import REAL_DATA
from tracker.io.event_fields import DateReader
from tracker.io.generic_layout import ColumnMapping
from tracker.io.input_errors import FieldError
from tracker.services.imports.importing import ImportFormat, import_events
from tracker.storage.database import Database

ACLED = Path(__file__).resolve().parents[2] / "data" / "acled" / "acled_export_iso.csv"
UCDP = REAL_DATA / "ucdp_ged_ukraine_2014-2021_ged221_api.csv"
OUTSIDE = ("9999-12-31", "0001-01-01", "9998-06-01", "1899-12-31", "2201-01-01")
EDGES = ("1900-01-01", "2200-12-31")


def _with_dates(source: Path, target: Path, columns: tuple[str, ...],
                dates: tuple[str, ...]) -> None:
    """*source*'s header and first records, one per date, with *columns* (and the year,
    which ACLED checks against the date) set to it and the id column made unique."""
    with source.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    header, first = rows[0], rows[1]
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    for number, day in enumerate(dates):
        row = list(first)
        row[0] = f"{row[0]}{number}"
        for column in columns:
            row[header.index(column)] = day
        if "year" in header:
            row[header.index("year")] = day[:4]
        writer.writerow(row)
    target.write_text(out.getvalue(), encoding="utf-8")


@pytest.mark.parametrize("text", [*OUTSIDE, "31 December 9999", "1/1/0001"])
def test_the_date_reader_refuses_a_day_outside_the_range(text: str) -> None:
    with pytest.raises(FieldError, match=r"outside the dates the tracker takes \(1 Jan 1900 "
                                         r"to 31 Dec 2200\)") as refused:
        DateReader(dayfirst=False).iso("event_date", text)
    assert refused.value.column == "event_date"


def test_the_first_and_last_days_of_the_range_are_read() -> None:
    reader = DateReader(dayfirst=False)
    assert [reader.iso("event_date", day) for day in EDGES] == list(EDGES)


def test_acled_rows_outside_the_range_are_rejected_naming_line_and_column(
        db: Database, tmp_path: Path) -> None:
    path = tmp_path / "acled.csv"
    _with_dates(ACLED, path, ("event_date",), (*OUTSIDE, *EDGES))
    report = import_events(db, path, ImportFormat.ACLED)
    assert (report.records, report.added, report.rejected) == (7, 2, 5)
    assert [(r.line, r.column) for r in report.rejections] == [
        (line, "event_date") for line in range(2, 7)]
    assert "'9999-12-31' is outside the dates the tracker takes" in report.rejections[0].reason


def test_ucdp_rows_outside_the_range_are_rejected(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "ucdp.csv"
    _with_dates(UCDP, path, ("date_start", "date_end"), (*OUTSIDE, *EDGES))
    report = import_events(db, path, ImportFormat.UCDP)
    assert (report.added, report.rejected) == (2, 5)
    assert {r.column for r in report.rejections} == {"date_start"}


def test_generic_csv_rows_outside_the_range_are_rejected(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "field.csv"
    path.write_text("Ref,When,Where\n" + "".join(
        f"F{number},{day},Kyiv\n" for number, day in enumerate((*OUTSIDE, *EDGES))),
        encoding="utf-8")
    mapping = ColumnMapping({"external_id": "Ref", "event_date": "When", "location": "Where"},
                            dataset="Field reports")
    report = import_events(db, path, ImportFormat.CSV, mapping=mapping)
    assert (report.added, report.rejected) == (2, 5)
    assert [(r.line, r.column) for r in report.rejections] == [
        (line, "When") for line in range(2, 7)]
