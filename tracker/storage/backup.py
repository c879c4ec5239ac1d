"""Copies of an SQLite database taken with SQLite's online backup API, and restoring one.

The backup API copies a consistent snapshot while other connections go on reading and
writing (a plain file copy of a WAL database can miss what is still in the -wal file or
catch a page half-written). A copy is first written to a temporary file beside its
destination and renamed into place, so a destination never holds half a backup. Copies
are switched to the rollback journal: a backup is one self-contained file.

Restoring writes a backup into the database through the same API, in one transaction on
the destination, after the backup was checked (an SQLite file, ``integrity_check`` ok, a
Negotiation Tracker schema this program knows) and the current content was saved beside.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import tempfile
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.engine import URL, Engine

from tracker.storage.errors import NotATrackerDatabaseError, StorageError
from tracker.storage.locations import data_folder, describe, to_url
from tracker.storage.revisions import REVISIONS

SQLITE_HEADER = b"SQLite format 3\x00"
# How long a copy waits for another program's write lock on the file it reads or replaces.
LOCK_TIMEOUT_S = 5.0


@dataclass(frozen=True, slots=True)
class RestoreResult:
    """Where the restored content came from and where the replaced content was kept."""

    restored_from: Path
    previous_saved_to: Path | None


def sqlite_file(target: str | Path | URL | None) -> Path:
    """The file of an SQLite database target; StorageError for a server or memory."""
    url = target if isinstance(target, URL) else to_url(target)
    if url.get_backend_name() != "sqlite":
        raise StorageError(
            f"{describe(url)} is a database server: back it up with the server's own tools "
            "(pg_dump for PostgreSQL)"
        )
    if url.database in (None, "", ":memory:"):
        raise StorageError("An in-memory database has no file to back up")
    return Path(url.database)


def back_up_engine(engine: Engine, destination: Path) -> Path:
    """Copy the open SQLite database of *engine* to *destination*, atomically."""
    with engine.connect() as connection:
        source = connection.connection.driver_connection
        if not isinstance(source, sqlite3.Connection):
            raise StorageError(f"{describe(engine.url)} is not an SQLite database")
        if Path(destination).resolve() == sqlite_file(engine.url).resolve():
            raise StorageError(f"The backup cannot replace the database itself "
                               f"({destination})")
        return _copy(source, destination)


def back_up_file(database: Path, destination: Path) -> Path:
    """Copy the tracker database file *database* to *destination* without migrating it."""
    _check_is_tracker_file(database)
    if database.resolve() == destination.resolve():
        raise StorageError(f"The backup cannot replace the database itself ({database})")
    source = sqlite3.connect(database, timeout=LOCK_TIMEOUT_S)
    try:
        return _copy(source, destination)
    finally:
        source.close()


def backup_before_migration(engine: Engine, from_revision: str, to_revision: str) -> Path | None:
    """The automatic copy taken before a migration of a file database (None otherwise).

    Named ``<name>.before-<from>-to-<to>.bak`` beside the database, or in the user data
    folder when the database's folder cannot be written to.
    """
    url = engine.url
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        return None
    database = Path(url.database)
    name = f"{database.name}.before-{from_revision}-to-{to_revision}.bak"
    folder = database.parent if _writable(database.parent) else data_folder()
    folder.mkdir(parents=True, exist_ok=True)
    try:
        return back_up_engine(engine, folder / name)
    except (OSError, sqlite3.Error) as exc:
        raise StorageError(
            f"{database} needs a schema upgrade ({from_revision} → {to_revision}), but the "
            f"copy to keep first could not be written to {folder}: {exc}. The database was "
            "not changed."
        ) from exc


def check_backup(backup: Path) -> str:
    """The schema revision of a backup that is whole and ours; StorageError otherwise."""
    _check_is_tracker_file(backup)
    # immutable: only read, never lock or leave -wal/-shm files beside the backup.
    connection = sqlite3.connect(f"{backup.resolve().as_uri()}?immutable=1", uri=True)
    try:
        problems = [row[0] for row in connection.execute("PRAGMA integrity_check")]
        (revision,) = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.DatabaseError as exc:
        raise NotATrackerDatabaseError(f"{backup} is damaged: {exc}") from exc
    finally:
        connection.close()
    if problems != ["ok"]:
        raise NotATrackerDatabaseError(
            f"{backup} is damaged ({'; '.join(problems[:3])}); nothing was restored")
    if revision not in REVISIONS:
        raise StorageError(
            f"{backup} was written by a newer version of Negotiation Tracker (schema "
            f"{revision}); update the program to restore it")
    return str(revision)


def restore(backup: Path, target: str | Path | URL | None) -> RestoreResult:
    """Replace the content of the database *target* with *backup*, after checking it.

    The current content is first copied to ``<name>.before-restore.bak`` beside it. Close
    every window on the database first: they would see the data change under them.
    """
    database = sqlite_file(target)
    check_backup(backup)
    if database.exists() and database.resolve() == backup.resolve():
        raise StorageError(f"{backup} is the database itself; nothing to restore")
    previous: Path | None = None
    if database.exists() and database.stat().st_size > 0:
        previous = back_up_file(
            database, database.with_name(f"{database.name}.before-restore.bak"))
    source = sqlite3.connect(f"{backup.resolve().as_uri()}?immutable=1", uri=True)
    destination = sqlite3.connect(database, timeout=LOCK_TIMEOUT_S)
    try:
        # One transaction on the destination: the whole backup or, on failure, no change.
        source.backup(destination)
    except sqlite3.OperationalError as exc:
        raise StorageError(f"Cannot restore into {database}: {exc}") from exc
    finally:
        destination.close()
        source.close()
    return RestoreResult(backup, previous)


def _writable(folder: Path) -> bool:
    return os.access(folder, os.W_OK)


def _check_is_tracker_file(path: Path) -> None:
    if not path.is_file():
        raise StorageError(f"{path} does not exist or is not a file")
    with path.open("rb") as handle:
        if handle.read(16) != SQLITE_HEADER:
            raise NotATrackerDatabaseError(
                f"{path} is not a Negotiation Tracker database (it is not an SQLite file)")
    connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        tables = {row[0] for row in connection.execute(
            "SELECT name FROM sqlite_master WHERE type='table'")}
    except sqlite3.DatabaseError as exc:
        raise NotATrackerDatabaseError(
            f"{path} is not a Negotiation Tracker database or is damaged: {exc}") from exc
    finally:
        connection.close()
    if "alembic_version" not in tables:
        raise NotATrackerDatabaseError(f"{path} is not a Negotiation Tracker database")


def _copy(source: sqlite3.Connection, destination: Path) -> Path:
    destination = Path(destination)
    folder = destination.parent if str(destination.parent) else Path(".")
    descriptor, temporary_name = tempfile.mkstemp(
        prefix=f".{destination.name}.", suffix=".part", dir=folder)
    os.close(descriptor)
    temporary = Path(temporary_name)
    try:
        target = sqlite3.connect(temporary)
        try:
            source.backup(target)
            target.execute("PRAGMA journal_mode=DELETE")
        finally:
            target.close()
        with temporary.open("rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(temporary, destination)
    except BaseException:
        for leftover in (temporary, Path(f"{temporary}-journal"), Path(f"{temporary}-wal"),
                         Path(f"{temporary}-shm")):
            with contextlib.suppress(OSError):
                leftover.unlink()
        raise
    return destination
