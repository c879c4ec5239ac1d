"""Issue 14, F7: one quote never closed must not swallow the rest of the file.

The attack: a 9-record file whose record 3 opens a quote and never closes it was read as
"3 records: 2 added, 1 rejected", records 4-9 neither imported nor counted; at 108 MB
the runaway field held 615 MB.
"""

from __future__ import annotations

import tracemalloc
from pathlib import Path

import pytest
from sqlalchemy import select

from tracker.domain.events import BattlefieldEvent
from tracker.io import csv_records
from tracker.io.csv_records import MAX_RECORD_LINES, CsvFile
from tracker.io.input_errors import InputFileError
from tracker.io.text_encoding import scan_text_file
from tracker.services.imports.importing import ImportFormat, import_events
from tracker.storage.database import Database

HEADER = "event_id_cnty,event_date,event_type,notes,timestamp\n"


def _row(number: int, notes: str = "clash") -> str:
    return f"UKR{number},2024-03-0{number},Battles,{notes},\n"


def _nine_records(path: Path) -> Path:
    rows = [_row(n) for n in range(1, 10)]
    rows[2] = _row(3, '"shelling, then')  # the quote opens and is never closed
    path.write_text(HEADER + "".join(rows), encoding="utf-8")
    return path


def _stored(db: Database) -> set[str]:
    with db.reading() as session:
        return set(session.scalars(select(BattlefieldEvent.external_id)))


def test_records_after_an_unclosed_quote_are_imported_and_counted(
        db: Database, tmp_path: Path) -> None:
    report = import_events(db, _nine_records(tmp_path / "acled.csv"), ImportFormat.ACLED)
    assert (report.records, report.added, report.rejected) == (9, 8, 1)
    assert report.lines == 10  # the header and nine lines: every line was read
    [rejection] = report.rejections
    assert rejection.line == 4  # record 3 is on line 4, after the header
    assert "quote opened on line 4 is never closed" in rejection.reason
    assert _stored(db) == {f"UKR{n}" for n in range(1, 10)} - {"UKR3"}
    assert "9 records: 8 added" in report.summary()
    assert "10 lines read" in report.summary()


def test_strict_mode_still_refuses_the_file(db: Database, tmp_path: Path) -> None:
    with pytest.raises(InputFileError) as caught:
        import_events(db, _nine_records(tmp_path / "acled.csv"), ImportFormat.ACLED,
                      strict=True)
    assert caught.value.line == 4
    assert _stored(db) == set()


def test_a_runaway_quote_is_cut_off_after_the_line_limit_and_reading_resumes(
        tmp_path: Path) -> None:
    """A quote that a later quote closes, far below, would swallow every record between:
    past MAX_RECORD_LINES the record is rejected and the lines after it read again."""
    path = tmp_path / "runaway.csv"
    between = MAX_RECORD_LINES + 50
    path.write_text("a,b\n" + '1,"opens\n' + "".join(f"{n},x\n" for n in range(between))
                    + '2,closes"\n', encoding="utf-8")
    with CsvFile(path, scan_text_file(path)) as source:
        source.header()
        records = list(source.records())
        lines_read = source.lines_read
    broken = [record for record in records if not isinstance(record, tuple)]
    good = [record for record in records if isinstance(record, tuple)]
    assert [record.line for record in broken] == [2]
    assert "not closed within" in broken[0].reason
    # Every line after it was read as its own record (the last one's quote is text).
    assert [record[0] for record in good] == list(range(3, between + 4))
    assert lines_read == between + 3


def test_one_overlong_line_is_skipped_without_being_held(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A 60 MB cell (the header attack) is refused after MAX_RECORD_CHARS, not read whole
    (the limit is lowered so that holding the line would show)."""
    limit = 1_000_000
    monkeypatch.setattr(csv_records, "MAX_RECORD_CHARS", limit)
    path = tmp_path / "huge.csv"
    with path.open("w", encoding="utf-8") as handle:
        handle.write("a,b\n1,")
        for _ in range(60):
            handle.write("x" * 1_000_000)
        handle.write("\n2,fine\n")
    facts = scan_text_file(path)  # reads 8 MB chunks: not what is measured
    tracemalloc.start()
    try:
        with CsvFile(path, facts) as source:
            source.header()
            records = list(source.records())
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert not isinstance(records[0], tuple) and records[0].line == 2
    assert f"{limit:,} characters" in records[0].reason
    assert records[1] == (3, ["2", "fine"], "2,fine")
    assert peak < 10 * limit  # a few pieces' worth, not the 60 MB line


def test_a_huge_header_cell_is_refused_not_stored(
        db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(csv_records, "MAX_RECORD_CHARS", 1_000_000)
    path = tmp_path / "huge_header.csv"
    path.write_text("event_date,event_type," + "n" * 1_000_010 + "\n",
                    encoding="utf-8")
    with pytest.raises(InputFileError) as caught:
        import_events(db, path, ImportFormat.CSV)
    assert caught.value.line == 1
    assert len(str(caught.value)) < 500  # the message does not carry the cell
