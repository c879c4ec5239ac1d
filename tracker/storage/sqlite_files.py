"""Reading and copying SQLite database files safely: the pieces backup and restore share.

- ``reading_connection``: a read-only connection that sees every committed row, also
  those still in the file's ``-wal`` (issue 14, F12: ``immutable=1`` left them out), and
  also where the folder cannot be written, which SQLite needs for a WAL file's ``-shm``
  (F16: such a file was called "damaged"): it then reads a private copy of both files.
- ``check_intact``: ``PRAGMA quick_check``, told as damage with the way to recover (F13).
- ``copy_pages``: SQLite's backup API bounded in time: CPython retries a busy database
  forever, so a restore waited as long as another program kept its write lock (F9).
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tracker.storage.errors import (
    DatabaseBusyError,
    NotATrackerDatabaseError,
)

# How long a copy waits for another program's write lock on the file it reads or replaces.
LOCK_TIMEOUT_S = 5.0
# How many of quick_check's findings a message quotes (a damaged file can have thousands).
_PROBLEMS_QUOTED = 3


def wal_of(path: Path) -> Path:
    return path.with_name(f"{path.name}-wal")


def has_wal(path: Path) -> bool:
    """Whether committed pages may wait in *path*'s -wal file, not yet in the file itself."""
    wal = wal_of(path)
    return wal.is_file() and wal.stat().st_size > 0


def folder_writable(path: Path) -> bool:
    """Whether SQLite may create files (-wal, -shm, -journal) beside *path*."""
    return os.access(path.parent, os.W_OK | os.X_OK)


@contextmanager
def reading_connection(path: Path, *, leave_no_trace: bool = False) -> Iterator[
        sqlite3.Connection]:
    """A connection that reads *path* with everything committed to it, closed afterwards.

    Ordinarily a plain connection, as any reader of a live database opens (it may fold
    the -wal into the file when it closes, as every tracker does). With *leave_no_trace*
    (a backup being checked, a damaged database kept as it is) a file without a -wal is
    opened ``immutable``: no lock, nothing written or created beside it; one with a -wal
    is opened read-only, which reads the -wal. Where the folder cannot be written, the
    file and its -wal are copied to a private folder and read there.
    """
    path = Path(path)
    if has_wal(path) and not folder_writable(path):
        with tempfile.TemporaryDirectory(prefix="tracker-read-") as folder:
            copy = Path(folder) / path.name
            shutil.copyfile(path, copy)
            shutil.copyfile(wal_of(path), wal_of(copy))
            with _closing(sqlite3.connect(copy, timeout=LOCK_TIMEOUT_S)) as connection:
                yield connection
        return
    if not leave_no_trace:
        with _closing(sqlite3.connect(path, timeout=LOCK_TIMEOUT_S)) as connection:
            yield connection
        return
    uri = path.resolve().as_uri()
    mode = "mode=ro" if has_wal(path) else "immutable=1"
    with _closing(sqlite3.connect(f"{uri}?{mode}", uri=True,
                                  timeout=LOCK_TIMEOUT_S)) as connection:
        yield connection


@contextmanager
def _closing(connection: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    try:
        yield connection
    finally:
        connection.close()


def check_intact(connection: sqlite3.Connection, path: Path, *, doing: str) -> None:
    """NotATrackerDatabaseError, with the way to recover, unless ``quick_check`` says ok.

    *doing* says what was about to happen and did not ("nothing was copied").
    """
    try:
        problems = [str(row[0]) for row in connection.execute("PRAGMA quick_check")]
    except sqlite3.OperationalError as exc:
        if is_busy(exc):
            raise DatabaseBusyError(busy_message(path, doing)) from exc
        raise damaged(path, str(exc), doing) from exc
    except sqlite3.DatabaseError as exc:
        raise damaged(path, str(exc), doing) from exc
    if problems != ["ok"]:
        raise damaged(path, summary(problems), doing)


def is_damage(exc: BaseException | None) -> bool:
    """SQLite found the file corrupt (SQLITE_CORRUPT) or not a database (SQLITE_NOTADB)."""
    return isinstance(exc, sqlite3.DatabaseError) and getattr(
        exc, "sqlite_errorcode", None) in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB)


def damaged(path: Path, what: str, doing: str) -> NotATrackerDatabaseError:
    return NotATrackerDatabaseError(
        f"{path} is damaged ({what}); {doing}. Save what can still be read into a new "
        f"file with: tracker recover --db {path} -o RECOVERED.db, then check it and "
        "restore it or your latest backup (see the README).")


def summary(problems: list[str]) -> str:
    """The first few findings of an integrity check, each on one line, and how many more
    (without the "*** in database main ***" headings, which say nothing to a user)."""
    problems = [line for problem in problems for line in problem.splitlines()
                if line.strip() and not line.startswith("*** in database")]
    quoted = "; ".join(problem[:200] for problem in problems[:_PROBLEMS_QUOTED])
    more = len(problems) - _PROBLEMS_QUOTED
    return f"{quoted}; and {more} more problems" if more > 0 else quoted


def copy_pages(source: sqlite3.Connection, destination: sqlite3.Connection,
               path: Path, *, doing: str) -> None:
    """Copy all of *source* into *destination* in one step (one transaction on the
    destination), giving up once another connection has held a lock for LOCK_TIMEOUT_S;
    *path* and *doing* say which file was busy and what was not done."""
    deadline = time.monotonic() + LOCK_TIMEOUT_S

    def give_up_when_busy(status: int, _remaining: int, _total: int) -> None:
        # Each step already waited the busy timeout; CPython would retry without end.
        if status in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED) and \
                time.monotonic() >= deadline:
            raise DatabaseBusyError(busy_message(path, doing))

    source.backup(destination, progress=give_up_when_busy)


def is_busy(exc: sqlite3.Error) -> bool:
    return getattr(exc, "sqlite_errorcode", None) in (sqlite3.SQLITE_BUSY,
                                                       sqlite3.SQLITE_LOCKED) \
        or "is locked" in str(exc)


def busy_message(path: Path, doing: str) -> str:
    return (f"{path} is busy: another program (or a Negotiation Tracker window) is "
            f"writing to it; {doing}. Close it, or wait until it is done, and try again.")


def writing_connection(path: Path) -> sqlite3.Connection:
    """A plain connection to write *path* with, waiting LOCK_TIMEOUT_S for other writers."""
    return sqlite3.connect(path, timeout=LOCK_TIMEOUT_S)
