"""One import of a dataset at a time on a shared PostgreSQL server.

An import decides from the dataset's events at its start (event_upsert.count_dataset)
whether a row of its file can match a stored event, and whether a stored event can be
one its release lacks: with none stored, it neither looks the file's ids up nor notes
them. That holds only if no other import of the dataset commits meanwhile.

On SQLite it cannot: the import counts after its first write, and its transaction holds
the database's one write lock from then on. On PostgreSQL another session (a second
window, a colleague, a sync beside a command-line import) could commit rows of the same
dataset while this import runs. So the import first takes a transaction-level advisory
lock on the dataset's name: a second import of that dataset waits until the first has
committed or rolled back, then counts what it left. Imports of other datasets do not
wait for it, and the lock goes with the transaction, however it ends.
"""

from __future__ import annotations

from sqlalchemy import Connection, text

# The first key of the two-key advisory lock: the tracker's imports, apart from any other
# advisory locks a shared server's other programs take (the second key is the dataset's).
IMPORT_LOCKS = 0x74726B  # "trk"


def hold_dataset(connection: Connection, dataset: str) -> None:
    """Wait until no other transaction imports *dataset*, then hold it until this one ends
    (PostgreSQL; nothing to do on SQLite, whose write lock the import already holds)."""
    if connection.dialect.name != "postgresql":
        return
    connection.execute(text("SELECT pg_advisory_xact_lock(:imports, hashtext(:dataset))"),
                       {"imports": IMPORT_LOCKS, "dataset": dataset})
