"""Backups with SQLite's backup API: File › Back Up…'s core, before migrations, restore."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest
from alembic import command

from tests.conftest import sqlite_dump
from tests.storage.bad_files import neighbours
from tracker import cli
from tracker.domain.models import Track
from tracker.storage import backup, migrate, restore
from tracker.storage.database import Database, open_database
from tracker.storage.errors import NotATrackerDatabaseError, StorageError

# Backups, file bytes and SQLite's own lock: SQLite by nature.
pytestmark = pytest.mark.sqlite_only


def add_track(db: Database, name: str) -> None:
    with db.transaction() as session:
        session.add(Track(name=name))


def journal_mode(path: Path) -> str:
    connection = sqlite3.connect(path)
    try:
        return str(connection.execute("PRAGMA journal_mode").fetchone()[0])
    finally:
        connection.close()


def test_a_backup_of_an_open_database_holds_what_was_committed(
        sample_db: Database, tmp_path: Path) -> None:
    add_track(sample_db, "Committed before the backup")
    target = tmp_path / "copies" / "talks-backup.db"
    target.parent.mkdir()

    written = backup.back_up_engine(sample_db.engine, target)

    assert written == target
    # The open database's content (still partly in its -wal file) is all in the copy.
    assert sqlite_dump(target) == sqlite_dump(str(sample_db.url.database))
    assert journal_mode(target) == "delete"  # one self-contained file
    assert sorted(entry.name for entry in target.parent.iterdir()) == ["talks-backup.db"]


def test_a_backup_replaces_an_older_one_whole(sample_db: Database, tmp_path: Path) -> None:
    target = tmp_path / "backup.db"
    target.write_bytes(b"an older backup")
    backup.back_up_engine(sample_db.engine, target)
    assert restore.check_backup(target) == migrate.head_revision()


def test_a_failed_backup_leaves_nothing_behind(sample_db: Database, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "backup.db"
    target.write_bytes(b"the previous backup")

    def full_disk(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(backup.os, "fsync", full_disk)
    with pytest.raises(OSError, match="No space"):
        backup.back_up_engine(sample_db.engine, target)

    assert target.read_bytes() == b"the previous backup"
    assert sorted(entry.name for entry in tmp_path.iterdir()) == sorted(
        ["backup.db", "sample.db", "sample.db-wal", "sample.db-shm"])


def test_a_backup_never_replaces_the_database_itself(sample_db: Database) -> None:
    path = Path(str(sample_db.url.database))
    before = sqlite_dump(path)
    with pytest.raises(StorageError, match="cannot replace the database itself"):
        backup.back_up_engine(sample_db.engine, path)
    assert sqlite_dump(path) == before


def test_back_up_change_restore_gives_back_the_backed_up_content(
        sample_db: Database, tmp_path: Path) -> None:
    path = Path(str(sample_db.url.database))
    saved = backup.back_up_engine(sample_db.engine, tmp_path / "backup.db")
    at_backup = sqlite_dump(path)
    add_track(sample_db, "Added after the backup")
    changed = sqlite_dump(path)
    assert changed != at_backup
    sample_db.close()  # the README: close the window first

    result = restore.restore(saved, path, now=datetime(2026, 12, 5, 9, 15, tzinfo=UTC))

    assert sqlite_dump(path) == at_backup
    assert result.previous_saved_to == tmp_path / "sample.db.before-restore-20261205T091500Z.bak"
    assert sqlite_dump(result.previous_saved_to) == changed  # nothing is lost by restoring
    reopened = open_database(path, create=False)
    reopened.close()


@pytest.mark.parametrize("content", [b"not a database", b"SQLite format 3\x00" + bytes(300)])
def test_restore_refuses_a_bad_backup_and_changes_nothing(
        db: Database, tmp_path: Path, content: bytes) -> None:
    path = Path(str(db.url.database))
    add_track(db, "Keep me")
    db.close()
    before = path.read_bytes()
    bad = tmp_path / "bad.bak"
    bad.write_bytes(content)

    with pytest.raises(StorageError):
        restore.restore(bad, path)

    assert path.read_bytes() == before
    assert bad.read_bytes() == content
    assert neighbours(bad) == []


def test_restore_refuses_a_truncated_backup(sample_db: Database, tmp_path: Path) -> None:
    saved = backup.back_up_engine(sample_db.engine, tmp_path / "backup.db")
    whole = saved.read_bytes()
    saved.write_bytes(whole[:len(whole) // 2])
    with pytest.raises(NotATrackerDatabaseError, match="damaged"):
        restore.check_backup(saved)


def test_restore_refuses_a_backup_from_a_newer_program(sample_db: Database,
                                                       tmp_path: Path) -> None:
    saved = backup.back_up_engine(sample_db.engine, tmp_path / "backup.db")
    with sqlite3.connect(saved) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999_future'")
    connection.close()
    with pytest.raises(StorageError, match="newer version"):
        restore.restore(saved, Path(str(sample_db.url.database)))


def test_restore_refuses_another_programs_sqlite_file(db: Database, tmp_path: Path) -> None:
    other = tmp_path / "notes.sqlite"
    with sqlite3.connect(other) as connection:
        connection.execute("CREATE TABLE notes (body TEXT)")
    connection.close()
    with pytest.raises(NotATrackerDatabaseError, match="not a Negotiation Tracker"):
        restore.restore(other, Path(str(db.url.database)))


def test_a_server_database_is_backed_up_with_the_servers_tools() -> None:
    with pytest.raises(StorageError, match="pg_dump"):
        backup.sqlite_file("postgresql://analyst@localhost/talks")


# -- before a migration ------------------------------------------------------------------------


def older_database(path: Path) -> tuple[str, str]:
    """A tracker database one revision behind head, closed; (its revision, its dump)."""
    previous = migrate.REVISIONS[-2]
    db = open_database(path)
    add_track(db, "Made with the previous version")
    with db.engine.begin() as connection:
        command.downgrade(migrate.alembic_config(connection), previous)
    db.close()
    return previous, sqlite_dump(path)


def test_a_migration_first_saves_a_copy_beside_the_database(tmp_path: Path) -> None:
    path = tmp_path / "talks.db"
    previous, before = older_database(path)

    db = open_database(path)
    db.close()

    expected = tmp_path / f"talks.db.before-{previous}-to-{migrate.head_revision()}.bak"
    assert db.migration_backup == expected
    assert sqlite_dump(expected) == before
    assert restore.check_backup(expected) == previous
    again = open_database(path)  # at head now: no second copy
    again.close()
    assert again.migration_backup is None


def test_the_copy_goes_to_the_user_data_folder_when_the_folder_is_read_only(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "talks.db"
    _previous, before = older_database(path)
    data = tmp_path / "user-data"
    monkeypatch.setattr(backup, "_writable", lambda _folder: False)
    monkeypatch.setattr(backup, "data_folder", lambda: data)

    db = open_database(path)
    db.close()

    assert db.migration_backup is not None and db.migration_backup.parent == data
    assert sqlite_dump(db.migration_backup) == before


def test_no_copy_of_a_new_database(tmp_path: Path) -> None:
    db = open_database(tmp_path / "new.db")
    db.close()
    assert db.migration_backup is None
    assert sorted(entry.name for entry in tmp_path.iterdir()) == ["new.db"]


def test_when_the_copy_cannot_be_written_the_database_is_not_migrated(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "talks.db"
    _previous, before = older_database(path)

    def full_disk(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(backup.os, "fsync", full_disk)
    with pytest.raises(StorageError, match="not changed"):
        open_database(path)

    assert sqlite_dump(path) == before


# -- the command line -------------------------------------------------------------------------


def test_tracker_backup_and_restore(sample_db: Database, tmp_path: Path,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    path = Path(str(sample_db.url.database))
    out = tmp_path / "nightly.db"

    assert cli.main(["backup", "--db", str(path), "-o", str(out)]) == 0
    assert f"backed up to {out}" in capsys.readouterr().err
    at_backup = sqlite_dump(path)
    add_track(sample_db, "Added after the backup")
    sample_db.close()

    assert cli.main(["restore", "--db", str(path), str(out)]) == 0
    assert f"restored from {out}" in capsys.readouterr().err
    assert sqlite_dump(path) == at_backup


def test_tracker_restore_of_a_bad_file_is_a_message(db: Database, tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"date,event\n")
    assert cli.main(["restore", "--db", str(db.url.database), str(bad)]) == 2
    assert "not a Negotiation Tracker database" in capsys.readouterr().err
