"""Errors the storage layer reports to users in words they can act on."""

from __future__ import annotations

import errno
import sqlite3
from pathlib import Path

from sqlalchemy.exc import SQLAlchemyError

from tracker.domain.errors import TrackerError


class StorageError(TrackerError):
    """A database could not be opened or used; the message says why and what to do."""


class DatabaseBusyError(StorageError):
    """Another connection kept its lock on the database too long; nothing was changed."""


class DatabaseTooNewError(StorageError):
    """The database was written by a newer Negotiation Tracker; nothing was changed."""


class NotATrackerDatabaseError(StorageError):
    """The file is not a Negotiation Tracker database (or is damaged); nothing was changed."""


def database_failure(error: SQLAlchemyError | sqlite3.OperationalError, what: str) -> StorageError:
    """A failure of the database itself while doing *what* ("The change"): a full disk,
    a lost connection (a lock held too long is said by Database.transaction already).
    Its transaction was rolled back, so it is said as a StorageError with the
    database's own reason, not as a bug. The driver's own error (sqlite3's, from a raw
    cursor that bulk imports use) is said the same way."""
    reason = getattr(error, "orig", None) or error
    said = f"the disk is full ({reason})" if is_disk_full(reason) else reason
    failed = StorageError(f"{what} failed, the database is as it was: {said}")
    failed.__cause__ = error
    return failed


def is_disk_full(exc: BaseException) -> bool:
    """SQLite's SQLITE_FULL or the system's ENOSPC (EDQUOT: a quota is a full disk too)."""
    if isinstance(exc, sqlite3.Error):
        return getattr(exc, "sqlite_errorcode", None) == sqlite3.SQLITE_FULL \
            or "disk is full" in str(exc)
    return isinstance(exc, OSError) and exc.errno in (errno.ENOSPC,
                                                      getattr(errno, "EDQUOT", -1))


def disk_full(folder: Path, doing: str) -> StorageError:
    return StorageError(f"The disk is full: there is no room left in {folder}; {doing}. "
                        "Free some space there and try again.")
