"""Backup and restore under attack (issue 14): a second restore, a WAL source, a locked
database, a damaged one, a read-only folder and a full disk."""

from __future__ import annotations

import sqlite3
import threading
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tests.storage.damage import (
    add_track,
    checkpointed,
    damage_header,
    damage_table,
    hold_write_lock,
    track_names,
    tracker_file,
    with_rows_only_in_its_wal,
)
from tests.unprivileged import run_unprivileged, shared_folder, writable_by_anyone
from tracker.storage import backup, sqlite_files
from tracker.storage.database import open_database
from tracker.storage.errors import DatabaseBusyError, NotATrackerDatabaseError, StorageError
from tracker.storage.recover import recover
from tracker.storage.restore import check_backup, restore

pytestmark = pytest.mark.sqlite_only

AT_NINE = datetime(2026, 12, 5, 9, 0, tzinfo=UTC)


def test_each_restore_keeps_its_own_copy_of_what_was_there(tmp_path: Path) -> None:
    """F11: the second restore overwrote .before-restore.bak, and the original was gone."""
    database = tracker_file(tmp_path / "talks.db", "Original")
    saved = backup.back_up_file(database, tmp_path / "backup.db")
    db = open_database(database)
    add_track(db, "Added after the backup")
    db.close()

    first = restore(saved, database, now=AT_NINE)
    db = open_database(database)
    add_track(db, "Added after the first restore")
    db.close()
    second = restore(saved, database, now=AT_NINE)  # the same second: numbered
    third = restore(saved, database)

    assert first.previous_saved_to == tmp_path / "talks.db.before-restore-20261205T090000Z.bak"
    assert second.previous_saved_to == tmp_path / \
        "talks.db.before-restore-20261205T090000Z-2.bak"
    assert third.previous_saved_to is not None
    assert len({first.previous_saved_to, second.previous_saved_to,
                third.previous_saved_to}) == 3
    assert track_names(first.previous_saved_to) == ["Original", "Added after the backup"]
    assert track_names(second.previous_saved_to) == ["Original",
                                                     "Added after the first restore"]
    assert track_names(database) == ["Original"]


def test_a_restore_from_a_wal_database_brings_what_is_in_its_wal(tmp_path: Path) -> None:
    """F12: the source was opened immutable=1, and the rows in its -wal were dropped."""
    source = with_rows_only_in_its_wal(tmp_path)
    immutable = sqlite3.connect(f"{source.as_uri()}?immutable=1", uri=True)
    assert [row[0] for row in immutable.execute("SELECT name FROM track")] == [
        "In the main file"]  # the attack's premise: the -wal holds the last commit
    immutable.close()
    database = tracker_file(tmp_path / "talks.db", "To be replaced")

    check_backup(source)
    restore(source, database)

    assert track_names(database) == ["In the main file", "Only in the -wal"]
    assert track_names(source) == ["In the main file", "Only in the -wal"]


def test_a_backup_of_a_wal_database_holds_what_is_in_its_wal(tmp_path: Path) -> None:
    source = with_rows_only_in_its_wal(tmp_path)
    written = backup.back_up_file(source, tmp_path / "backup.db")
    assert track_names(written) == ["In the main file", "Only in the -wal"]


def test_a_restore_gives_up_while_another_program_holds_the_write_lock(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """F9: CPython's backup() retries a busy database without end, so restore hung."""
    monkeypatch.setattr(sqlite_files, "LOCK_TIMEOUT_S", 0.5)
    database = tracker_file(tmp_path / "talks.db", "Being written")
    saved = backup.back_up_file(database, tmp_path / "backup.db")
    locker = hold_write_lock(database)
    outcome: list[BaseException | None] = []

    def attempt() -> None:
        try:
            restore(saved, database)
        except BaseException as exc:  # handed to the test's thread
            outcome.append(exc)
        else:
            outcome.append(None)

    try:
        worker = threading.Thread(target=attempt, daemon=True)
        worker.start()
        worker.join(timeout=60)
        assert not worker.is_alive(), "restore still waiting for the lock after 60 s"
    finally:
        locker.kill()
        locker.communicate()
    (error,) = outcome
    assert isinstance(error, DatabaseBusyError)
    assert "is busy" in str(error) and "nothing was restored" in str(error)
    assert track_names(database) == ["Being written"]


@pytest.mark.parametrize("damage", ["header", "page"])
def test_a_restore_repairs_a_damaged_database_and_keeps_its_bytes(
        tmp_path: Path, damage: str) -> None:
    """F10: restore refused the damaged database it exists to repair."""
    database = tracker_file(tmp_path / "talks.db", "Backed up")
    saved = backup.back_up_file(database, tmp_path / "backup.db")
    db = open_database(database)
    add_track(db, "Lost to the damage")
    db.close()
    if damage == "header":
        damage_header(database)
    else:
        damage_table(database, "track")
    damaged_bytes = database.read_bytes()

    result = restore(saved, database, now=AT_NINE)

    assert result.previous_was_damaged
    assert result.previous_saved_to is not None
    assert result.previous_saved_to.read_bytes() == damaged_bytes
    assert track_names(database) == ["Backed up"]
    assert check_backup(database) == check_backup(saved)
    reopened = open_database(database, create=False)
    reopened.close()


def test_a_damaged_database_is_not_backed_up(tmp_path: Path) -> None:
    """F13: backup copied a file with a damaged page, with exit 0."""
    database = tracker_file(tmp_path / "talks.db", "One")
    damage_table(database, "track")
    target = tmp_path / "backup.db"

    with pytest.raises(NotATrackerDatabaseError) as raised:
        backup.back_up_file(database, target)

    message = str(raised.value)
    assert "damaged" in message and "tracker recover" in message
    assert "nothing was copied" in message
    assert len(message) < 600 and "\n" not in message
    assert not target.exists()
    assert sorted(path.name for path in tmp_path.iterdir()) == ["talks.db"]


def test_the_window_does_not_back_up_a_damaged_database_either(tmp_path: Path) -> None:
    database = tracker_file(tmp_path / "talks.db", "One")
    db = open_database(database)
    db.close()
    damage_table(database, "track")
    db = open_database(database, create=False)
    try:
        with pytest.raises(NotATrackerDatabaseError, match="damaged"):
            backup.back_up_engine(db.engine, tmp_path / "backup.db")
        with pytest.raises(NotATrackerDatabaseError, match="tracker recover"):
            db.check_intact(doing="nothing was imported")
    finally:
        db.close()
    assert not (tmp_path / "backup.db").exists()


def test_a_damaged_backup_is_refused_in_a_few_words(tmp_path: Path) -> None:
    """F13: restore refused a damaged backup with a 100-line message."""
    database = tracker_file(tmp_path / "talks.db", *[f"Track {n}" for n in range(300)])
    saved = backup.back_up_file(database, tmp_path / "backup.db")
    damage_table(saved, "track")
    with pytest.raises(NotATrackerDatabaseError) as raised:
        restore(saved, database)
    assert "damaged" in str(raised.value) and "nothing was restored" in str(raised.value)
    assert len(str(raised.value)) < 800 and "\n" not in str(raised.value)


@pytest.mark.parametrize("use_cli", [True, False])
def test_recover_saves_what_can_be_read_into_a_file_restore_takes(
        tmp_path: Path, use_cli: bool) -> None:
    database = tracker_file(tmp_path / "talks.db", "Safe", "Also safe")
    db = open_database(database)
    db.close()
    damage_table(database, "edit_log")

    result = recover(database, tmp_path / "recovered.db", use_cli=use_cli)

    assert result.written == tmp_path / "recovered.db"
    check_backup(result.written)
    assert track_names(result.written) == ["Safe", "Also safe"]
    if result.method == "row by row":
        assert result.unreadable == ("edit_log",)
        assert result.rows["track"] == 2
    restored = restore(result.written, database)
    assert restored.previous_was_damaged
    assert track_names(database) == ["Safe", "Also safe"]


def test_a_backup_to_a_full_disk_says_so(tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """Full disk: a raw sqlite3.OperationalError traceback, now a message naming the folder."""
    database = tracker_file(tmp_path / "talks.db", "One")
    plain = sqlite_files.writing_connection

    def full_disk(path: Path) -> sqlite3.Connection:
        connection = plain(path)
        connection.execute("PRAGMA max_page_count = 2")  # what SQLite does on a full disk
        return connection

    monkeypatch.setattr(backup, "writing_connection", full_disk)
    (tmp_path / "out").mkdir()
    with pytest.raises(StorageError) as raised:
        backup.back_up_file(database, tmp_path / "out" / "backup.db")
    assert "The disk is full" in str(raised.value)
    assert str(tmp_path / "out") in str(raised.value)
    assert list((tmp_path / "out").iterdir()) == []


# -- a database in a folder the user cannot write (F16), as an unprivileged user -------------

_BACK_UP_AND_READ = """
import sys
from tracker import cli
database, out = sys.argv[1], sys.argv[2]
print("backup", cli.main(["backup", "--db", database, "-o", out]), flush=True)
print("log", cli.main(["log", "--db", database]), flush=True)
print("write", cli.main(["round", "postpone", "--db", database, "1", "--reason", "x"]),
      flush=True)
"""


def test_a_wal_database_in_a_read_only_folder_is_backed_up_and_read() -> None:
    with shared_folder() as folder:
        source = with_rows_only_in_its_wal(folder, "talks.db")
        for path in folder.rglob("*"):
            path.chmod(0o755 if path.is_dir() else 0o644)
        out = writable_by_anyone(folder / "out") / "backup.db"

        done = run_unprivileged(_BACK_UP_AND_READ, str(source), str(out))

        assert done.returncode == 0, done.stderr
        lines = done.stdout.splitlines()
        assert (lines[0], lines[-2], lines[-1]) == ("backup 0", "log 0", "write 2"), \
            done.stderr
        assert f"Its folder {folder} cannot be written by you" in done.stderr
        assert "damaged" not in done.stderr
        assert "cannot be written by you" in done.stderr  # it says how it was read
        assert "Only in the -wal" in done.stdout
        assert track_names(out) == ["In the main file", "Only in the -wal"]
        assert sorted(path.name for path in folder.iterdir()) == [
            "live", "out", "talks.db", "talks.db-wal"]


def test_checkpointed_sources_need_no_wal(tmp_path: Path) -> None:
    source = checkpointed(with_rows_only_in_its_wal(tmp_path))
    assert track_names(backup.back_up_file(source, tmp_path / "b.db")) == [
        "In the main file", "Only in the -wal"]


def test_a_new_backup_is_as_private_as_the_database(tmp_path: Path) -> None:
    database = tracker_file(tmp_path / "talks.db", "Private")
    database.chmod(0o600)
    written = backup.back_up_file(database, tmp_path / "backup.db")
    assert written.stat().st_mode & 0o777 == 0o600
