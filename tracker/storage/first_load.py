"""The journal of a database's first load: a rollback journal instead of the WAL.

In WAL mode every page a transaction writes is written twice: once to the WAL, once more
when the checkpoint copies it into the database. The first import into a new database
writes nearly all of its pages, so that second copy is most of its commit (about 4 s of
a million ACLED rows, measured on the app-schema floor). With a rollback journal
(``DELETE``) SQLite writes the new pages straight into the file and journals only the
few pages that held something before. A kill mid-import still leaves nothing behind:
the journal is rolled back on the next open, as the WAL's uncommitted frames are ignored.

The switch needs the file to itself: SQLite leaves WAL mode only when no other connection
has the database open, and otherwise keeps WAL (the window, reading as it imports, does).
The WAL comes back after the commit, for the readers that follow.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Connection


@contextmanager
def first_load_journal(connection: Connection) -> Iterator[None]:
    """Around a transaction on *connection*: a rollback journal while the events table is
    empty and no one else has the file open; WAL again afterwards, whatever happened."""
    if connection.dialect.name != "sqlite":
        yield
        return
    # The driver's own connection: SQLAlchemy's would begin a transaction for the query,
    # and a journal mode cannot change inside one.
    raw = connection.connection.driver_connection
    assert raw is not None
    empty = raw.execute("SELECT NOT EXISTS (SELECT 1 FROM battlefield_event)").fetchone()[0]
    switched = bool(empty) and raw.execute(
        "PRAGMA journal_mode=DELETE").fetchone()[0].lower() == "delete"
    try:
        yield
    finally:
        # Not on a connection an interrupt closed (Ctrl+C in one of SQLAlchemy's
        # statements): the interrupt is what to raise, and every connection opened sets
        # WAL again.
        if switched and not closed_under_us(raw):
            raw.execute("PRAGMA journal_mode=WAL").fetchone()


def closed_under_us(raw: Any) -> bool:
    """Whether the driver's SQLite connection *raw* is closed: as SQLAlchemy leaves it
    when an interrupt lands in one of its statements (it invalidates the connection).
    A clean-up on it then has nothing to put back, and must not hide the interrupt."""
    try:
        raw.total_changes  # noqa: B018  (raises on a closed connection, and only then)
    except sqlite3.ProgrammingError:
        return True
    return False
