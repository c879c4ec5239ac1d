"""Copies of an SQLite database taken with SQLite's online backup API, and restoring one.

The backup API copies a consistent snapshot while other connections go on reading and
writing (a plain file copy of a WAL database can miss what is still in the -wal file or
catch a page half-written). A copy is first written to a temporary file beside its
destination and renamed into place, so a destination never holds half a backup. Copies
are switched to the rollback journal: a backup is one self-contained file.

A database is copied only when ``quick_check`` finds it whole (issue 14, F13): a copy of a
damaged file would pass for a backup until the day it is needed. Restoring is restore.py.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import stat
from pathlib import Path

from sqlalchemy.engine import URL, Engine

from tracker.storage.atomic_files import atomic_path
from tracker.storage.errors import NotATrackerDatabaseError, StorageError, disk_full, is_disk_full
from tracker.storage.locations import data_folder, describe, to_url
from tracker.storage.sqlite_files import (
    check_intact,
    copy_pages,
    reading_connection,
    writing_connection,
)

SQLITE_HEADER = b"SQLite format 3\x00"
_NOT_COPIED = "nothing was copied"


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
        database = sqlite_file(engine.url)
        if Path(destination).resolve() == database.resolve():
            raise StorageError(f"The backup cannot replace the database itself "
                               f"({destination})")
        check_intact(source, database, doing=_NOT_COPIED)
        return copy_database(source, destination, database)


def back_up_file(database: Path, destination: Path) -> Path:
    """Copy the tracker database file *database* to *destination* without migrating it."""
    check_is_tracker_file(database)
    if database.resolve() == Path(destination).resolve():
        raise StorageError(f"The backup cannot replace the database itself ({database})")
    # Read-only, and from a private copy where the folder cannot be written (F16).
    with reading_connection(database) as source:
        check_intact(source, database, doing=_NOT_COPIED)
        return copy_database(source, destination, database)


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
    except (OSError, sqlite3.Error, StorageError) as exc:
        raise StorageError(
            f"{database} needs a schema upgrade ({from_revision} → {to_revision}), but the "
            f"copy to keep first could not be written to {folder}: {exc}. The database was "
            "not changed."
        ) from exc


def _writable(folder: Path) -> bool:
    return os.access(folder, os.W_OK)


def check_is_tracker_file(path: Path) -> None:
    """NotATrackerDatabaseError unless *path* is an SQLite file with our migration table."""
    if not path.is_file():
        raise StorageError(f"{path} does not exist or is not a file")
    with path.open("rb") as handle:
        if handle.read(16) != SQLITE_HEADER:
            raise NotATrackerDatabaseError(
                f"{path} is not a Negotiation Tracker database (it is not an SQLite file)")
    try:
        with reading_connection(path, leave_no_trace=True) as connection:
            tables = {row[0] for row in connection.execute(
                "SELECT name FROM sqlite_master WHERE type='table'")}
    except sqlite3.DatabaseError as exc:
        raise NotATrackerDatabaseError(
            f"{path} is not a Negotiation Tracker database or is damaged: {exc}") from exc
    if "alembic_version" not in tables:
        raise NotATrackerDatabaseError(f"{path} is not a Negotiation Tracker database")


def copy_database(source: sqlite3.Connection, destination: Path, database: Path, *,
                  doing: str = _NOT_COPIED) -> Path:
    """Write all of *source* (the database *database*) to *destination*, whole or not at
    all, as one self-contained file; the destination is what the atomic writer makes of it
    (a link's target, a device written in place, another user's file refused)."""
    destination = Path(destination)
    new_file = not destination.exists()
    try:
        with atomic_path(destination) as temporary:
            if new_file:  # a new copy is as private as the database: its permissions
                with contextlib.suppress(OSError):
                    os.chmod(temporary, stat.S_IMODE(database.stat().st_mode) & 0o777)
            target = writing_connection(temporary)
            try:
                copy_pages(source, target, database, doing=doing)
                target.execute("PRAGMA journal_mode=DELETE")
            finally:
                target.close()
    except sqlite3.Error as exc:
        folder = destination.resolve().parent
        if is_disk_full(exc):
            raise disk_full(folder, f"{destination} was not written") from exc
        raise StorageError(f"Cannot write {destination}: {exc}; {doing}") from exc
    return destination
