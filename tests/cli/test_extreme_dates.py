"""A database written before the tracker's date range (issue 14, F1-F3): every export and
the analysis still run, from the command line as a user types them."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from tests.extreme_date_figures import extreme_date_entries
from tests.extreme_dates import old_sample_file
from tracker.cli import main

FORMATS = ("html", "pdf", "timelinejs", "csv", "json", "md", "ics", "archive")


@pytest.fixture
def old_database(tmp_path: Path) -> Path:
    return old_sample_file(tmp_path / "old.db")


# The reports draw their chart with Qt: the QApplication the GUI tests share is made first
# (the command line would make a QGuiApplication, under which no widget can exist).
@pytest.mark.parametrize("fmt", FORMATS)
def test_every_export_survives_dates_stored_outside_the_range(
        qapp: QApplication, old_database: Path, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"all.{fmt}"
    assert main(["export", "--db", str(old_database), "--format", fmt, "--events", "all",
                 "-o", str(out)]) == 0
    assert out.stat().st_size > 0


@pytest.mark.parametrize("fmt", ["html", "pdf", "timelinejs", "csv"])
def test_an_unrelated_range_exports_too(qapp: QApplication, old_database: Path, tmp_path: Path,
                                        fmt: str) -> None:
    out = tmp_path / f"february.{fmt}"
    assert main(["export", "--db", str(old_database), "--format", fmt, "--from", "2026-01-20",
                 "--to", "2026-02-28", "-o", str(out)]) == 0


def test_the_chronology_lists_the_stored_events_as_they_are(
        old_database: Path, tmp_path: Path) -> None:
    out = tmp_path / "all.csv"
    assert main(["export", "--db", str(old_database), "--format", "csv", "--events", "all",
                 "-o", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    assert "1 Jan 1," in text and "31 Dec 9999" in text and "week of 1 Jun 9998" in text


@pytest.mark.parametrize("around", ["rounds", "changes", "readings"])
def test_the_analysis_skips_what_lies_outside_and_says_so(
        old_database: Path, around: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["analyse", "--db", str(old_database), "--all", "--around", around]) == 0
    err = capsys.readouterr().err
    if around != "changes":  # the sample's changes were entered in 2026
        assert "dated outside the dates the tracker takes (1 Jan 1900 to 31 Dec 2200)" in err


def test_every_entry_refuses_every_extreme_date() -> None:
    """The figure docs/RELIABILITY.md reports, whole."""
    tried, refused = extreme_date_entries()
    assert tried == refused == 45
