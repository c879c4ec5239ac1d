"""Extreme values typed on the command line are refused with a message, never a traceback
(issue 14, F14): a malformed URL, --report naming a folder, numbers past what a
database holds, a negative --limit, a date far outside the tracker's range."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import sqlite_dump
from tracker.cli import main

ACLED = Path(__file__).resolve().parents[1] / "data" / "acled" / "acled_export_iso.csv"


@pytest.fixture
def sample_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "sample.db"
    assert main(["sample", "--db", str(path)]) == 0
    capsys.readouterr()
    return path


@pytest.mark.parametrize("url", ["postgresql://[::1", "postgresql://u:hunter2@[::1/db",
                                 "postgresql://u:hunter2@host:port/db"])
def test_a_malformed_url_is_refused_without_quoting_it(
        url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["log", "--db", url]) == 2
    err = capsys.readouterr().err
    assert err.startswith("tracker: The database address is not a URL that can be read")
    assert "hunter2" not in err


def test_a_report_naming_a_folder_is_refused_before_the_import(
        sample_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = sqlite_dump(sample_file)
    folder = tmp_path / "reports"
    folder.mkdir()
    for target in (folder, folder / "missing" / "report.csv"):
        assert main(["import", "--db", str(sample_file), "--format", "acled", str(ACLED),
                     "--report", str(target)]) == 2
        assert capsys.readouterr().err.startswith(f"tracker: --report {target}")
    assert sqlite_dump(sample_file) == before  # nothing imported


@pytest.mark.parametrize(("command", "option"), [
    (["log", "--limit"], "--limit"),
    (["export", "--format", "timelinejs", "-o", "x.json", "--max-events"], "--max-events"),
    (["analyse", "--round"], "--round"),
    (["round", "show"], "ID"),
])
@pytest.mark.parametrize("value", ["1e20", "100000000000000000000", "-1", "9" * 5000])
def test_numbers_past_what_a_database_holds_are_usage_errors(
        sample_file: Path, command: list[str], option: str, value: str,
        capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main([*command, value, "--db", str(sample_file)])
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert f"argument {option}: " in err
    assert "whole number" in err and len(err) < 1000


@pytest.mark.parametrize("option", ["--window", "--baseline-weeks", "--baseline-windows"])
def test_analysis_settings_past_their_range_are_refused_by_the_service(
        sample_file: Path, option: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["analyse", "--all", option, "1" + "0" * 20, "--db", str(sample_file)]) == 2
    assert f"{option}: must be between 1" in capsys.readouterr().err


def test_log_limit_zero_shows_nothing_and_says_so(
        sample_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["log", "--db", str(sample_file), "--limit", "0"]) == 0
    assert "no edits recorded" in capsys.readouterr().err


@pytest.mark.parametrize("fmt", ["html", "csv", "timelinejs"])
@pytest.mark.parametrize(("option", "value"), [("--from", "9999-12-31"), ("--to", "0001-01-01"),
                                               ("--from", "2201-01-01")])
def test_an_export_range_outside_the_tracker_dates_names_the_option(
        sample_file: Path, tmp_path: Path, fmt: str, option: str, value: str,
        capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / f"out.{fmt}"
    assert main(["export", "--db", str(sample_file), "--format", fmt, option, value,
                 "-o", str(out)]) == 2
    assert capsys.readouterr().err == (
        f"tracker: {option}: {value!r} is outside the dates the tracker takes "
        "(1 Jan 1900 to 31 Dec 2200)\n")
    assert not out.exists()


def test_a_round_cannot_be_rescheduled_outside_the_range(
        sample_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = sqlite_dump(sample_file)
    for start in ("9999-12-31", "9998-06-01", "0001-01-01 10:00", "1899-12-31", "Dec 2201"):
        assert main(["round", "reschedule", "2", "--db", str(sample_file), "--start", start,
                     "--reason", "typo"]) == 2
        err = capsys.readouterr().err
        assert err.startswith("tracker: --start: "), err
        assert "outside" in err
    assert sqlite_dump(sample_file) == before
