"""The command line: sample, export, and clear messages for bad input."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.acled_generator import write_acled_file
from tracker.cli import main
from tracker.domain.timewindow import local_zone_name


def test_sample_then_export_csv_between_dates(tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "s.db"
    assert main(["sample", "--db", str(db)]) == 0
    assert "7 events" in capsys.readouterr().out
    out = tmp_path / "chronology.csv"

    def kinds(last_day: str) -> set[str]:
        assert main(["export", "--db", str(db), "--format", "csv", "--from", "2026-01-26",
                     "--to", last_day, "-o", str(out)]) == 0
        with out.open(encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.DictReader(handle))
        assert all("2026-01-26" <= row["date"] < "2026-02-03" for row in rows)
        return {row["kind"] for row in rows}

    # The round is "the week of 2 Feb" in Kyiv; it starts at 22:00 UTC on 1 Feb, but a
    # range that ends on 1 Feb does not hold it: a round's days are its venue's.
    assert kinds("1 Feb 2026") == {"event", "schedule change", "factor reading"}
    assert kinds("2 Feb 2026") == {"event", "schedule change", "factor reading", "round"}
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
    assert document["format_version"] == 3
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


def test_an_unwritable_output_names_the_users_file(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "s.db"
    main(["sample", "--db", str(db)])
    capsys.readouterr()
    out = tmp_path / "nonexistent" / "x.csv"
    assert main(["export", "--db", str(db), "--format", "csv", "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert err == f"tracker: cannot write {out}: No such file or directory\n"
    assert not out.parent.exists()


@pytest.mark.parametrize("command", [["export", "--format", "json"], ["log"]])
def test_a_closed_pipe_ends_the_output_quietly(tmp_path: Path, command: list[str]) -> None:
    db = tmp_path / "s.db"
    main(["sample", "--db", str(db)])
    # The reader is gone before the command writes anything, as with `| head -1` on a
    # long output, so the write must meet a closed pipe whatever the pipe's size.
    reader, writer = os.pipe()
    os.close(reader)
    try:
        done = subprocess.run(
            [sys.executable, "-m", "tracker", command[0], "--db", str(db), *command[1:]],
            stdout=writer, stderr=subprocess.PIPE, text=True, timeout=120, check=False)
    finally:
        os.close(writer)
    assert (done.returncode, done.stderr) == (1, "")


@pytest.fixture(scope="module")
def many_events(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample with 3,000 generated ACLED events: an export longer than a pipe holds."""
    folder = tmp_path_factory.mktemp("pipe")
    db = folder / "s.db"
    main(["sample", "--db", str(db)])
    events = write_acled_file(folder / "acled.csv", 3000)
    assert main(["import", "--db", str(db), "--format", "acled", str(events)]) == 0
    return db


@pytest.mark.parametrize("fmt", ["csv", "json", "md"])
def test_a_pipe_closed_while_events_stream_ends_quietly(many_events: Path, fmt: str) -> None:
    # `tracker export … | head`: the reader leaves while the events' cursor is open. The
    # cursor is closed with the session, not at garbage collection after it, which
    # printed SQLAlchemy's "Error closing cursor" traceback.
    command = [sys.executable, "-m", "tracker", "export", "--db", str(many_events),
               "--format", fmt]
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE) as done:
        assert done.stdout is not None and done.stderr is not None
        assert done.stdout.read(4096)
        done.stdout.close()
        err = done.stderr.read().decode()
        done.wait(timeout=120)
    assert (done.returncode, err) == (1, "")


def test_export_days_and_times_are_in_the_zone_asked_for(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "s.db"
    assert main(["sample", "--db", str(db)]) == 0
    capsys.readouterr()
    # The sample's readings are at 10:00 UTC on 31 Jan: 12:00 in Kyiv, 05:00 in New York.
    for zone, told in (("Europe/Kyiv", "31 Jan 2026 12:00 EET"),
                       ("America/New_York", "31 Jan 2026 05:00 EST")):
        assert main(["export", "--db", str(db), "--format", "json", "--tz", zone]) == 0
        document = json.loads(capsys.readouterr().out)
        assert document["filters"]["time_zone"] == zone
        assert {entry["when"] for entry in document["entries"]
                if entry["kind"] == "factor reading"} == {told}
    assert main(["export", "--db", str(db), "--format", "csv", "--tz", "Mars/Olympus"]) == 2
    assert "Unknown time zone: 'Mars/Olympus'" in capsys.readouterr().err


def test_the_default_zone_is_the_computers(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TZ", "Asia/Tokyo")
    assert local_zone_name() == "Asia/Tokyo"
    monkeypatch.setenv("TZ", "Not/AZone")
    assert local_zone_name() != "Not/AZone"
