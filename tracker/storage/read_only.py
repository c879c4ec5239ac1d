"""Reading an SQLite database in a folder the user cannot write to (issue 14, F16).

SQLite writes beside a WAL database even to read it (the ``-shm`` index of its ``-wal``),
so such a file could not even be exported: "unable to open database file". A command
that only reads opens it in one of two ways, and says so:

- with committed pages still in a ``-wal``: a private copy of the file and its ``-wal``,
  read in a temporary folder (removed when the engine goes), so nothing committed is left
  out;
- otherwise ``immutable``: the file alone holds every committed page, and nothing needs
  to be written to read it.
"""

from __future__ import annotations

import shutil
import sqlite3
import tempfile
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.engine import Engine

from tracker.storage.sqlite_files import folder_writable, has_wal, wal_of

BUSY_TIMEOUT_S = 5.0


@dataclass(frozen=True, slots=True)
class ReadOnlyFile:
    """How to connect to a database that can only be read here, and what to tell."""

    connect: Callable[[], sqlite3.Connection]
    note: str
    private_folder: Path | None = None

    def remove_with(self, engine: Engine) -> None:
        """Remove the private copy once *engine* is gone (or the program ends)."""
        if self.private_folder is not None:
            weakref.finalize(engine, shutil.rmtree, str(self.private_folder), True)


def read_only_file(path: Path) -> ReadOnlyFile | None:
    """How to read *path* when its folder cannot be written; None when it can (open it
    as usual)."""
    if folder_writable(path):
        return None
    cannot = f"{path.parent} cannot be written by you"
    if has_wal(path):
        folder = Path(tempfile.mkdtemp(prefix="tracker-read-"))
        copy = folder / path.name
        shutil.copyfile(path, copy)
        shutil.copyfile(wal_of(path), wal_of(copy))
        return ReadOnlyFile(
            _connector(f"{copy.as_uri()}?mode=ro"),
            f"{path} was read from a copy of it and its -wal, as they were now ({cannot}, "
            "and SQLite must write beside a database with a -wal to read it)", folder)
    return ReadOnlyFile(_connector(f"{path.resolve().as_uri()}?immutable=1"),
                        f"{path} was read as it is, read-only ({cannot})")


def _connector(uri: str) -> Callable[[], sqlite3.Connection]:
    def connect() -> sqlite3.Connection:
        # As SQLAlchemy's pysqlite dialect connects: the same thread rule it relies on.
        return sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_S,
                               check_same_thread=False)

    return connect
