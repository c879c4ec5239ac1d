"""The command line under the storage attacks of issue 14: what -o may replace (--force),
an empty database file, a damaged one, a full disk and a database that is busy."""

from __future__ import annotations

import os
import sqlite3
import stat
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event
from sqlalchemy.engine import Engine

from tests.storage.damage import damage_table, hold_write_lock, track_names, tracker_file
from tests.unprivileged import as_root, run_unprivileged, shared_folder, writable_by_anyone
from tracker.cli import main
from tracker.storage import sqlite_files

pytestmark = pytest.mark.sqlite_only

ACLED = Path(__file__).resolve().parent.parent / "data" / "acled" / "acled_export_iso.csv"


@pytest.fixture
def sample(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "talks.db"
    assert main(["sample", "--db", str(path)]) == 0
    capsys.readouterr()
    return path


# -- an empty file is not a database -----------------------------------------------------------


@pytest.mark.parametrize("command", [
    ["export", "--format", "csv"], ["log"], ["analysis", "--all"], ["round", "list"]])
def test_reading_an_empty_file_refuses_and_writes_nothing_into_it(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], command: list[str]) -> None:
    """Exporting from a 0-byte file wrote a whole schema into it."""
    empty = tmp_path / "empty.db"
    empty.touch()
    assert main([*command, "--db", str(empty)]) == 2
    assert "is empty (0 bytes)" in capsys.readouterr().err
    assert empty.stat().st_size == 0
    assert sorted(path.name for path in tmp_path.iterdir()) == ["empty.db"]


# -- a damaged database --------------------------------------------------------------------------


def test_a_damaged_database_is_told_as_such_by_every_command(
        sample: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """F13: import and export crashed with a raw sqlite3.DatabaseError; backup copied it."""
    damage_table(sample, "battlefield_event")
    before = sample.read_bytes()

    assert main(["import", "--db", str(sample), "--format", "acled", str(ACLED)]) == 2
    refused_import = capsys.readouterr().err
    assert main(["export", "--db", str(sample), "--format", "csv"]) == 2
    refused_export = capsys.readouterr().err
    assert main(["backup", "--db", str(sample), "-o", str(tmp_path / "b.db")]) == 2
    refused_backup = capsys.readouterr().err

    for said in (refused_import, refused_export, refused_backup):
        assert said.startswith("tracker: ") and "damaged" in said, said
        assert "tracker recover" in said and "Traceback" not in said
    assert "nothing was imported" in refused_import
    assert not (tmp_path / "b.db").exists()
    assert sample.read_bytes() == before

    recovered = tmp_path / "recovered.db"
    assert main(["recover", "--db", str(sample), "-o", str(recovered)]) == 0
    assert "tracker restore" in capsys.readouterr().err
    assert main(["restore", "--db", str(sample), str(recovered)]) == 0
    assert "it was damaged" in capsys.readouterr().err
    assert main(["export", "--db", str(sample), "--format", "csv"]) == 0


# -- a full disk --------------------------------------------------------------------------------


@pytest.fixture
def full_disk() -> Iterator[None]:
    """Every SQLite connection SQLAlchemy opens may grow its file by a few pages only:
    SQLite then fails with SQLITE_FULL, "database or disk is full", as on a full disk."""

    def no_room(dbapi_connection: Any, _record: Any) -> None:
        (pages,) = dbapi_connection.execute("PRAGMA page_count").fetchone()
        dbapi_connection.execute(f"PRAGMA max_page_count = {pages + 2}")

    event.listen(Engine, "connect", no_room)
    yield
    event.remove(Engine, "connect", no_room)


def test_an_import_onto_a_full_disk_says_the_disk_is_full(
        sample: Path, capsys: pytest.CaptureFixture[str], full_disk: None) -> None:
    before = track_names(sample)
    assert main(["import", "--db", str(sample), "--format", "acled", str(ACLED)]) == 2
    said = capsys.readouterr().err
    assert "The disk is full" in said and str(sample.parent) in said, said
    assert "the import failed, the database is as it was" in said
    assert track_names(sample) == before


def test_a_backup_onto_a_full_disk_says_the_disk_is_full(
        sample: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    plain = sqlite_files.writing_connection

    def small(path: Path) -> sqlite3.Connection:
        connection = plain(path)
        connection.execute("PRAGMA max_page_count = 2")
        return connection

    monkeypatch.setattr("tracker.storage.backup.writing_connection", small)
    out = tmp_path / "out"
    out.mkdir()
    assert main(["backup", "--db", str(sample), "-o", str(out / "b.db")]) == 2
    said = capsys.readouterr().err
    assert said.startswith("tracker: The disk is full") and str(out) in said, said
    assert list(out.iterdir()) == []


def test_an_export_onto_a_full_disk_says_the_disk_is_full(
        sample: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    def no_space(_descriptor: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("tracker.storage.atomic_files.os.fsync", no_space)
    out = tmp_path / "chronology.csv"
    assert main(["export", "--db", str(sample), "--format", "csv", "-o", str(out)]) == 2
    said = capsys.readouterr().err
    assert "The disk is full" in said and str(tmp_path) in said, said
    assert not out.exists()


# -- a busy database -----------------------------------------------------------------------------


def test_restore_says_the_database_is_busy_instead_of_hanging(
        sample: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sqlite_files, "LOCK_TIMEOUT_S", 0.5)
    saved = tmp_path / "b.db"
    assert main(["backup", "--db", str(sample), "-o", str(saved)]) == 0
    locker = hold_write_lock(sample)
    try:
        assert main(["restore", "--db", str(sample), str(saved)]) == 2
    finally:
        locker.kill()
        locker.communicate()
    said = capsys.readouterr().err
    assert "is busy" in said and "nothing was restored" in said, said


# -- what -o may replace, as an unprivileged user -------------------------------------------------

_EXPORT_AS_NOBODY = """
import sys
from tracker import cli
database, out, *force = sys.argv[1:]
print("status", cli.main(["export", "--db", database, "--format", "csv", "-o", out, *force]))
"""


@pytest.mark.parametrize("force", [False, True])
def test_export_replaces_another_users_read_only_file_only_with_force(force: bool) -> None:
    """F8: as an unprivileged user, root's read-only file in a writable folder was replaced."""
    if not as_root():
        pytest.skip("making a file owned by another user needs root")
    with shared_folder() as folder:
        database = tracker_file(folder / "talks.db", "A track")
        database.chmod(0o644)
        shared = writable_by_anyone(folder / "shared")
        theirs = shared / "chronology.csv"
        theirs.write_text("root's chronology", encoding="utf-8")
        theirs.chmod(0o644)

        done = run_unprivileged(_EXPORT_AS_NOBODY, str(database), str(theirs),
                                *(["--force"] if force else []))

        if force:
            assert done.stdout.strip() == "status 0", done.stderr
            assert theirs.read_text(encoding="utf-8").startswith("\ufeffdate,time,")
        else:
            assert done.stdout.strip() == "status 2", done.stderr
            assert f"cannot write {theirs}" in done.stderr and "--force" in done.stderr
            assert theirs.read_text(encoding="utf-8") == "root's chronology"
        assert sorted(path.name for path in shared.iterdir()) == ["chronology.csv"]


def test_backup_analysis_and_export_take_force(sample: Path, tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    assert main(["backup", "--db", str(sample), "-o", str(out), "--force"]) == 0
    assert main(["analysis", "--db", str(sample), "--all", "-o", str(tmp_path / "a.csv"),
                 "--force"]) == 0
    assert main(["export", "--db", str(sample), "--format", "json", "-o",
                 str(tmp_path / "e.json"), "--force"]) == 0
    assert main(["recover", "--db", str(sample), "-o", str(tmp_path / "r.db"),
                 "--force"]) == 0
    capsys.readouterr()


def test_export_into_a_fifo_and_backup_through_a_link(
        sample: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """F8 at the command line: the pipe's reader gets the export; the link stays a link."""
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []

    def read() -> None:
        with fifo.open("rb") as reader:
            received.append(reader.read())

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    assert main(["export", "--db", str(sample), "--format", "csv", "-o", str(fifo)]) == 0
    reader.join(timeout=30)
    assert received[0].startswith(b"\xef\xbb\xbfdate,time,")
    assert stat.S_ISFIFO(fifo.lstat().st_mode)

    (tmp_path / "nightly").mkdir()
    link = tmp_path / "latest.db"
    link.symlink_to(tmp_path / "nightly" / "talks.db")
    assert main(["backup", "--db", str(sample), "-o", str(link)]) == 0
    assert link.is_symlink()
    assert track_names(tmp_path / "nightly" / "talks.db") == track_names(sample)
    capsys.readouterr()


def test_the_windows_imports_refuse_a_damaged_database_too(
        sample: Path, tmp_path: Path) -> None:
    """F13 in the window: File › Import Events… and Import Calendar… run the same import
    services as the command line, which check the file before writing."""
    from tracker.io.import_formats import ImportFormat
    from tracker.services.exports.schedule_calendar import write_calendar
    from tracker.services.imports.importing import import_events
    from tracker.services.rounds.calendar_import import import_calendar_file
    from tracker.storage.database import open_database
    from tracker.storage.errors import StorageError

    calendar = tmp_path / "talks.ics"
    db = open_database(sample, create=False)
    try:
        with db.reading() as session:
            write_calendar(session, calendar)
    finally:
        db.close()
    damage_table(sample, "battlefield_event")
    before = sample.read_bytes()
    db = open_database(sample, create=False)
    try:
        for attempt in (lambda: import_events(db, ACLED, ImportFormat.ACLED),
                        lambda: import_calendar_file(db, calendar)):
            with pytest.raises(StorageError, match="nothing was imported"):
                attempt()
    finally:
        db.close()
    assert sample.read_bytes() == before
