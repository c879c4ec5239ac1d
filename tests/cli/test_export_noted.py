"""Every ``tracker export`` is noted once for ``--changed-since last-export`` (issue 17):
the chronology's by the service the window uses too, the other formats after them."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tracker.cli import main


def _noted(db: Path) -> list[tuple[str, str]]:
    with sqlite3.connect(db) as connection:
        return [(kind, destination) for kind, destination in connection.execute(
            "SELECT kind, destination FROM export_record ORDER BY id")]


@pytest.mark.parametrize("fmt", ["csv", "json", "md", "ics"])
def test_an_export_to_a_file_is_noted_once(sample: Path, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"out.{fmt}"
    assert main(["export", "--db", str(sample), "--format", fmt, "-o", str(out)]) == 0
    assert out.exists()
    assert _noted(sample) == [(fmt, str(out))]


def test_an_export_to_standard_output_is_noted_once(
        sample: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "--db", str(sample), "--format", "csv"]) == 0
    assert capsys.readouterr().out.startswith("\ufeffdate,")
    assert _noted(sample) == [("csv", "(standard output)")]


def test_a_failed_export_is_not_noted(sample: Path, tmp_path: Path) -> None:
    out = tmp_path / "no-such-folder" / "out.csv"
    assert main(["export", "--db", str(sample), "--format", "csv", "-o", str(out)]) != 0
    assert _noted(sample) == []
