"""Restoring a backup into an SQLite database, after checking it and keeping what was there.

The backup is checked first (an SQLite file, ``integrity_check`` ok, a Negotiation Tracker
schema this program knows), read with whatever its ``-wal`` holds (issue 14, F12). What
the database held is then kept beside it, in a file of its own for every restore,
``<name>.before-restore-<UTC time>.bak`` (F11: a second restore overwrote the first copy).

- An intact database receives the backup through SQLite's backup API, in one transaction
  on it, which waits a bounded time for another program's write lock (F9).
- A damaged one (the file a restore exists to repair, F10) is kept byte for byte, with its
  ``-wal``, and replaced whole by a new file, the way the atomic writer replaces a file.
"""

from __future__ import annotations

import shutil
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy.engine import URL

from tracker.storage.backup import check_is_tracker_file, copy_database, sqlite_file
from tracker.storage.errors import (
    DatabaseBusyError,
    NotATrackerDatabaseError,
    StorageError,
    disk_full,
    is_disk_full,
)
from tracker.storage.revisions import REVISIONS
from tracker.storage.sqlite_files import (
    check_intact,
    copy_pages,
    folder_writable,
    reading_connection,
    summary,
    wal_of,
    writing_connection,
)

_NOT_RESTORED = "nothing was restored"


@dataclass(frozen=True, slots=True)
class RestoreResult:
    """Where the restored content came from and where the replaced content was kept.

    Attributes:
        restored_from: the backup.
        previous_saved_to: the copy of what the database held (None: it was new or empty).
        previous_was_damaged: the database was damaged, so the copy is byte for byte (with
            its ``-wal`` beside it, if it had one) rather than a checked SQLite backup.
    """

    restored_from: Path
    previous_saved_to: Path | None
    previous_was_damaged: bool = False


def check_backup(backup: Path) -> str:
    """The schema revision of a backup that is whole and ours; StorageError otherwise."""
    check_is_tracker_file(backup)
    with reading_connection(backup, leave_no_trace=True) as connection:
        return _checked_revision(connection, backup)


def restore(backup: Path, target: str | Path | URL | None, *,
            now: datetime | None = None) -> RestoreResult:
    """Replace the content of the database *target* with *backup*, after checking it.

    The current content is first kept beside it (see the module's docstring); *now* names
    that copy (the current time by default). Close every window on the database first:
    they would see the data change under them.
    """
    backup = Path(backup)
    database = sqlite_file(target)
    check_is_tracker_file(backup)
    with reading_connection(backup, leave_no_trace=True) as source:
        _checked_revision(source, backup)
        if database.exists() and database.resolve() == backup.resolve():
            raise StorageError(f"{backup} is the database itself; nothing to restore")
        if not database.exists() or database.stat().st_size == 0:
            _write_into(source, database)
            return RestoreResult(backup, None)
        saved_to = _safety_copy_name(database, now or datetime.now(UTC))
        if _keep_intact(database, saved_to):
            _write_into(source, database)
            return RestoreResult(backup, saved_to)
        _keep_bytes(database, saved_to)
        _replace_whole(source, database)
        return RestoreResult(backup, saved_to, previous_was_damaged=True)


def _checked_revision(connection: sqlite3.Connection, backup: Path) -> str:
    try:
        problems = [str(row[0]) for row in connection.execute("PRAGMA integrity_check")]
        (revision,) = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.DatabaseError as exc:
        raise NotATrackerDatabaseError(f"{backup} is damaged: {exc}; {_NOT_RESTORED}") \
            from exc
    if problems != ["ok"]:
        raise NotATrackerDatabaseError(
            f"{backup} is damaged ({summary(problems)}); {_NOT_RESTORED}")
    if revision not in REVISIONS:
        raise StorageError(
            f"{backup} was written by a newer version of Negotiation Tracker (schema "
            f"{revision}); update the program to restore it")
    return str(revision)


def _safety_copy_name(database: Path, now: datetime) -> Path:
    """``<name>.before-restore-20261205T091500Z.bak``, numbered if that name is taken."""
    stem = f"{database.name}.before-restore-{now.astimezone(UTC):%Y%m%dT%H%M%SZ}"
    candidate = database.with_name(f"{stem}.bak")
    number = 2
    while candidate.exists() or wal_of(candidate).exists():
        candidate = database.with_name(f"{stem}-{number}.bak")
        number += 1
    return candidate


def _keep_intact(database: Path, saved_to: Path) -> bool:
    """Copy the database to *saved_to* through the backup API if it is an intact tracker
    database (True); False, having written nothing, if it is damaged or not ours."""
    try:
        check_is_tracker_file(database)
        with reading_connection(database, leave_no_trace=True) as current:
            check_intact(current, database, doing=_NOT_RESTORED)
            copy_database(current, saved_to, database, doing=_NOT_RESTORED)
    except DatabaseBusyError:
        raise
    except NotATrackerDatabaseError:
        return False
    except sqlite3.DatabaseError as exc:  # unreadable beyond what the checks caught
        if isinstance(exc, sqlite3.OperationalError):
            raise StorageError(f"Cannot read {database}: {exc}; {_NOT_RESTORED}") from exc
        return False
    return True


def _keep_bytes(database: Path, saved_to: Path) -> None:
    """A byte-for-byte copy of a damaged database and of its -wal, for whoever may one day
    salvage more from it than a restore can."""
    pairs = [(database, saved_to)]
    if wal_of(database).exists():
        pairs.append((wal_of(database), wal_of(saved_to)))
    try:
        for original, copy in pairs:
            shutil.copyfile(original, copy)
    except OSError as exc:
        for _original, copy in pairs:
            copy.unlink(missing_ok=True)
        if is_disk_full(exc):
            raise disk_full(saved_to.parent, _NOT_RESTORED) from exc
        raise


def _write_into(source: sqlite3.Connection, database: Path) -> None:
    """The backup into the database itself, in one transaction on it (bounded wait)."""
    destination = writing_connection(database)
    try:
        copy_pages(source, destination, database, doing=_NOT_RESTORED)
    except sqlite3.Error as exc:
        if is_disk_full(exc):
            raise disk_full(database.resolve().parent, _NOT_RESTORED) from exc
        raise StorageError(f"Cannot restore into {database}: {exc}") from exc
    finally:
        destination.close()


def _replace_whole(source: sqlite3.Connection, database: Path) -> None:
    """A new file with the backup's content takes the damaged one's place; its -wal and
    -shm go (the -wal is kept in the copy): SQLite would replay it into the new file."""
    if not folder_writable(database):
        raise StorageError(f"{database} is damaged and its folder cannot be written, so "
                           f"it cannot be replaced; {_NOT_RESTORED}")
    copy_database(source, database, database, doing=_NOT_RESTORED)
    for leftover in (wal_of(database), database.with_name(f"{database.name}-shm")):
        leftover.unlink(missing_ok=True)
