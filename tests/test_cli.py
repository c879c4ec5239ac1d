"""The command line: sample, export, and clear messages for bad input."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from tracker.cli import main


def test_sample_then_export_csv_between_dates(tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "s.db"
    assert main(["sample", "--db", str(db)]) == 0
    assert "7 events" in capsys.readouterr().out
    out = tmp_path / "chronology.csv"
    assert main(["export", "--db", str(db), "--format", "csv", "--from", "2026-01-26",
                 "--to", "1 Feb 2026", "-o", str(out)]) == 0
    with out.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert {row["kind"] for row in rows} >= {"event", "round", "schedule change"}
    assert all(row["when_utc"] < "2026-02-02" for row in rows)
    assert "entries written" in capsys.readouterr().err


def test_sample_refuses_a_database_that_has_data(tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "s.db"
    assert main(["sample", "--db", str(db)]) == 0
    before = db.read_bytes()
    assert main(["sample", "--db", str(db)]) == 2
    assert "already holds data" in capsys.readouterr().err
    assert db.read_bytes() == before


def test_export_json_to_stdout(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "s.db"
    main(["sample", "--db", str(db)])
    capsys.readouterr()
    assert main(["export", "--db", str(db), "--format", "json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["format_version"] == 1
    assert len(document["entries"]) > 10


def test_bad_date_names_the_option(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "s.db"
    main(["sample", "--db", str(db)])
    out = tmp_path / "x.md"
    assert main(["export", "--db", str(db), "--format", "md", "--from", "31/31/2026",
                 "-o", str(out)]) == 2
    assert "--from" in capsys.readouterr().err
    assert not out.exists()


def test_export_from_a_missing_database_creates_nothing(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "nope.db"
    assert main(["export", "--db", str(missing), "--format", "csv"]) == 2
    assert "does not exist" in capsys.readouterr().err
    assert not missing.exists()


def test_dayfirst_reads_day_before_month(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    main(["sample", "--db", str(db)])
    out = tmp_path / "c.csv"
    assert main(["export", "--db", str(db), "--format", "csv", "--from", "02/02/2026",
                 "--to", "08/02/2026", "--dayfirst", "-o", str(out)]) == 0
    with out.open(encoding="utf-8", newline="") as handle:
        kinds = [row["kind"] for row in csv.DictReader(handle)]
    assert kinds == ["round"]


def test_module_entry_point_matches_the_script() -> None:
    import runpy
    import sys

    argv = sys.argv
    sys.argv = ["tracker", "--version"]
    try:
        with pytest.raises(SystemExit) as exited:
            runpy.run_module("tracker", run_name="__main__")
    finally:
        sys.argv = argv
    assert exited.value.code == 0
