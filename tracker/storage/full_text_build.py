"""Building the events' full-text index (FTS5) from the table, in one segment (issue 19).

FTS5 gathers the terms of the rows it indexes in an in-memory hash and writes it out as
a new segment (a b-tree of terms) whenever the hash passes its ``hashsize``: 1 MiB by
default, so a rebuild over a million events wrote nine segments that it then partly
merged again, and every search afterwards looked each of its terms up in every segment.
With room for the whole index in the hash, the rebuild writes one segment once: at a
million events 6.8 s against 11.8 s and about 100 MiB more memory for those seconds
(sqlite3 shell, 256 MiB page cache on both sides), and a search reads one b-tree.

The setting is FTS5's own 'hashsize' (kept in its config table), put back as it was as
soon as the rebuild is done, so the triggers' row-by-row inserts and FTS5's merges work
as before.
"""

from __future__ import annotations

from sqlalchemy import Connection

FULL_TEXT_TABLE = "battlefield_event_fts"
# Room for the whole index of a few million events: the hash grows only as far as the
# rows need (a million ACLED events took about 100 MiB), never to this size up front;
# a larger table is written in a few segments.
REBUILD_HASH_BYTES = 512 * 1024 * 1024
# FTS5's default (fts5_config.c: FTS5_DEFAULT_HASHSIZE).
DEFAULT_HASH_BYTES = 1024 * 1024

_SET_HASH_SIZE = (f"INSERT INTO {FULL_TEXT_TABLE}({FULL_TEXT_TABLE}, rank) "
                  "VALUES ('hashsize', ?)")
_REBUILD = f"INSERT INTO {FULL_TEXT_TABLE}({FULL_TEXT_TABLE}) VALUES ('rebuild')"


def rebuild_full_text(connection: Connection) -> None:
    """Index every event anew, in the caller's transaction, as one segment (SQLite)."""
    before = connection.exec_driver_sql(
        f"SELECT v FROM {FULL_TEXT_TABLE}_config WHERE k = 'hashsize'").scalar()
    connection.exec_driver_sql(_SET_HASH_SIZE, (REBUILD_HASH_BYTES,))
    try:
        connection.exec_driver_sql(_REBUILD)
    finally:
        connection.exec_driver_sql(_SET_HASH_SIZE, (before or DEFAULT_HASH_BYTES,))
