"""Issue 17 at the command line: --allow-older, --scope, --release, the report of changed
fields, and ``tracker export --changed-since DATE|last-export``."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from tracker.cli import main

ACLED = Path(__file__).resolve().parents[1] / "data" / "acled" / "releases"
FIRST = ACLED / "acled_ukr_export_2024-01-10.csv"
CORRECTED = ACLED / "acled_ukr_export_2024-01-10_corrected.csv"
LATER = ACLED / "acled_ukr_export_2024-01-17.csv"


def run(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> tuple[int, str, str]:
    status = main([*map(str, argv)])
    out, err = capsys.readouterr()
    return status, out, err


def test_the_report_lists_each_changed_field(tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "t.db"
    run(capsys, "import", "--db", db, "--format", "acled", FIRST)
    report = tmp_path / "report.csv"
    status, out, _ = run(capsys, "import", "--db", db, "--format", "acled", CORRECTED,
                         "--report", report)
    assert status == 0 and "0 added, 1 updated, 4 unchanged" in out
    rows = list(csv.reader(report.read_text(encoding="utf-8").splitlines()))
    assert ["UKR143800", "fatalities", "0", "7"] in rows


def test_an_older_export_is_skipped_unless_allowed(tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "t.db"
    run(capsys, "import", "--db", db, "--format", "acled", LATER)
    _, out, _ = run(capsys, "import", "--db", db, "--format", "acled", CORRECTED)
    assert "1 added, 0 updated, 4 unchanged" in out and "1 added as withdrawn" in out
    assert "1 record of an older release than the one stored was skipped" in out
    _, out, _ = run(capsys, "import", "--db", db, "--format", "acled", CORRECTED,
                    "--allow-older")
    assert "1 updated" in out


def test_release_options_are_checked(tmp_path: Path,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "t.db"
    status, _, err = run(capsys, "import", "--db", db, "--format", "acled", FIRST,
                         "--release-date", "2024-01-10")
    assert status == 2 and "--release-date is for --format csv" in err
    status, _, err = run(capsys, "import", "--db", db, "--format", "acled", FIRST,
                         "--scope", "region=Kyiv")
    assert status == 2 and "country=NAME" in err


def test_changed_since_the_last_export(tmp_path: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "t.db"
    run(capsys, "import", "--db", db, "--format", "acled", FIRST)
    status, _, err = run(capsys, "export", "--db", db, "--format", "csv",
                         "--changed-since", "last-export")
    assert status == 2 and "nothing was exported" in err
    assert run(capsys, "export", "--db", db, "--format", "csv", "-o", tmp_path / "c.csv")[0] == 0
    run(capsys, "import", "--db", db, "--format", "acled", LATER)

    status, out, _ = run(capsys, "export", "--db", db, "--format", "csv",
                         "--changed-since", "last-export")

    assert status == 0
    changes = {(row["change"], row["event_id"]) for row in csv.DictReader(io.StringIO(out))}
    assert changes == {("corrected", "UKR143800"), ("withdrawn", "UKR143804"),
                       ("added", "UKR143805")}
    # That listing was an export too: nothing changed since it.
    _, out, _ = run(capsys, "export", "--db", db, "--format", "csv",
                    "--changed-since", "last-export")
    assert list(csv.DictReader(io.StringIO(out))) == []
    # A day before everything: every event was added since.
    _, out, _ = run(capsys, "export", "--db", db, "--format", "csv",
                    "--changed-since", "2000-01-01")
    assert len(list(csv.DictReader(io.StringIO(out)))) == 6
