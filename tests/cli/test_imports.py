"""``tracker import`` end to end: progress and summary, exit codes 0/1/2, --report, --strict,
and --map for other CSV files, remembered for the next file with the same columns."""

from __future__ import annotations

import csv
import re
import sqlite3
from pathlib import Path

import pytest

from tests.conftest import sqlite_dump
from tracker.cli import main
from tracker.io.import_formats import ImportFormat

DATA = Path(__file__).resolve().parents[1] / "data"
ACLED = DATA / "acled" / "acled_export_iso.csv"
BAD = DATA / "bad"
FIELD_HEADER = "Ref,When,Where,What,Killed\n"


def events(path: Path) -> list[tuple[str, str, str, str, str, int | None]]:
    connection = sqlite3.connect(path)
    try:
        return connection.execute(
            "SELECT dataset, external_id, event_date, location, event_type, fatalities "
            "FROM battlefield_event ORDER BY dataset, external_id").fetchall()
    finally:
        connection.close()


def run(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> tuple[int, str, str]:
    status = main(["import", *map(str, argv)])
    out, err = capsys.readouterr()
    return status, out, err


@pytest.fixture
def db_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """A database that already holds the twelve ACLED fixture events."""
    path = tmp_path / "cli.db"
    assert run(capsys, "--db", path, "--format", "acled", ACLED)[0] == 0
    return path


def test_a_clean_import_shows_progress_and_a_summary(tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "new.db"

    status, out, err = run(capsys, "--db", path, "--format", "acled", ACLED)

    assert status == 0
    assert re.search(r"^100%\s+12 records, [\d,]+/s", err, re.MULTILINE), err
    assert out.startswith("acled_export_iso.csv (ACLED export, UTF-8) into 'ACLED': 12 records: "
                          "12 added, 0 updated, 0 unchanged, 0 rejected")
    assert len(events(path)) == 12
    # Again: all unchanged, still exit 0.
    status, out, _ = run(capsys, "--db", path, "--format", "acled", ACLED)
    assert status == 0 and "12 records: 0 added, 0 updated, 12 unchanged, 0 rejected" in out


def test_rejected_rows_exit_1_are_listed_and_saved_with_report(
        db_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    report = tmp_path / "rejected.csv"

    status, out, err = run(capsys, "--db", db_file, "--format", "acled", BAD / "bad_dates.csv",
                           "--report", report)

    assert status == 1
    assert "8 records: 2 added, 0 updated, 0 unchanged, 6 rejected" in out
    assert "  rejected: line 3, column 'event_date': '2023-02-30' is not a real date" in out
    assert f"Report written to {report}" in err
    with report.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0][:5] == ["file", "layout", "dataset", "encoding", "records"]
    assert rows[1][2:9] == ["ACLED", "UTF-8", "8", "2", "0", "0", "6"]
    start = rows.index(["line", "column", "reason"])
    assert [(row[0], row[1]) for row in rows[start + 1:]] == [
        (str(line), "event_date") for line in range(3, 9)]
    assert len(events(db_file)) == 14


def test_a_refused_file_exits_2_and_leaves_the_database_as_it_was(
        db_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = sqlite_dump(db_file)
    report = tmp_path / "never.csv"

    status, out, err = run(capsys, "--db", db_file, "--format", "acled", BAD / "utf16.csv",
                           "--report", report)

    assert status == 2
    assert err.startswith("tracker: utf16.csv, line 1: is UTF-16")
    assert out == ""
    assert not report.exists()
    assert sqlite_dump(db_file) == before


def test_strict_exits_2_at_the_first_bad_row_with_nothing_written(
        db_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = sqlite_dump(db_file)

    status, _, err = run(capsys, "--db", db_file, "--format", "acled", "--strict",
                         BAD / "bad_dates.csv")

    assert status == 2
    assert "bad_dates.csv, line 3, column 'event_date': '2023-02-30'" in err
    assert "nothing was imported" in err
    assert sqlite_dump(db_file) == before


def _field_file(tmp_path: Path, name: str, *rows: str, header: str = FIELD_HEADER) -> Path:
    path = tmp_path / name
    path.write_text(header + "".join(row + "\n" for row in rows), encoding="utf-8")
    return path


def test_map_reads_any_csv_and_is_remembered_for_the_same_columns(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "field.db"
    first = _field_file(tmp_path, "week1.csv", "F-1,03/02/2026,Kharkiv,Drone strike,2",
                        "F-2,13/02/2026,Odesa,Missile attack,")
    mapping = ["--map", "external_id=Ref", "--map", "event_date=When", "--map",
               "location=Where", "--map", "event_type=What", "--map", "fatalities=Killed"]

    status, out, _ = run(capsys, "--db", path, "--format", "csv", *mapping,
                         "--dataset", "Field reports", "--dayfirst", first)

    assert status == 0, out
    assert "(CSV with a column mapping, UTF-8) into 'Field reports': 2 records: 2 added" in out
    # Same columns, no --map: last time's mapping, dataset and day-first rule.
    second = _field_file(tmp_path, "week2.csv", "F-2,13/02/2026,Odesa,Missile attack,1",
                         "F-3,05/02/2026,Dnipro,Shelling,0")
    status, out, _ = run(capsys, "--db", path, "--format", "csv", second)
    assert status == 0, out
    assert "into 'Field reports': 2 records: 1 added, 1 updated, 0 unchanged" in out
    assert events(path) == [
        ("Field reports", "F-1", "2026-02-03", "Kharkiv", "Drone strike", 2),
        ("Field reports", "F-2", "2026-02-13", "Odesa", "Missile attack", 1),
        ("Field reports", "F-3", "2026-02-05", "Dnipro", "Shelling", 0),
    ]


def test_other_columns_without_map_are_refused(tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "field.db"
    assert main(["sample", "--db", str(path)]) == 0
    capsys.readouterr()
    before = sqlite_dump(path)
    other = _field_file(tmp_path, "other.csv", "2026-02-03,Kyiv", header="Date,Place\n")

    status, _, err = run(capsys, "--db", path, "--format", "csv", other)

    assert status == 2
    assert err.startswith("tracker: other.csv, line 1: needs a column mapping")
    assert sqlite_dump(path) == before
    status, _, err = run(capsys, "--db", path, "--format", "csv", "--map", "when", other)
    assert status == 2 and "--map 'when': use FIELD=COLUMN" in err


def test_the_format_help_names_every_registered_format(
        capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["import", "--help"])
    text = " ".join(capsys.readouterr().out.split())
    assert "acled, ucdp or csv: battlefield events; ics: rounds from a calendar" in text
    for fmt in ImportFormat:
        assert fmt.value in text
