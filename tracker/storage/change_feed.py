"""Which tables other programs changed in the open database, told without a query each time.

A window polls a ChangeFeed every few seconds (ui/common/change_watcher.py) and re-reads what the
changed tables show; ``poll`` never waits and never asks the server.

PostgreSQL (migration 0008): a statement-level trigger on every table in WATCHED_TABLES
sends a notification on CHANNEL whose payload is "<table> <application_name>". Every open
Database gives its connections a name of its own (storage.application_name), so a feed
drops what its own Database wrote: the window announced that itself. The feed LISTENs on
one autocommit connection of its own and reads what the server has already sent down that
socket. The trigger runs once per statement, and the server delivers identical
notifications of one transaction once, so an import of 100,000 rows in one transaction is
one notification per table it wrote. A statement that changed no row notifies too (the
views re-read for nothing, which is harmless). If the server closes the connection, the
feed connects again quietly, at once and then less and less often while that fails, and
reports ANY_TABLE: what changed meanwhile was not heard.

SQLite: ``PRAGMA data_version`` on one long-lived read-only connection changes exactly
when another connection commits, so a poll is one cheap local query; it cannot say which
tables, so it reports ANY_TABLE. Our own writes go through the engine's other connections
and change it too, so the caller calls ``own_write`` after each: the version is read again
(a commit by another program in that instant goes unannounced until the next one, a race
the PostgreSQL feed does not have).
"""

from __future__ import annotations

import select
import sqlite3
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol

from sqlalchemy.engine import Engine

if TYPE_CHECKING:
    import psycopg

    from tracker.storage.database import Database

CHANNEL = "tracker_changes"
# What a poll reports when it cannot say which tables changed.
ANY_TABLE = "*"
# Every table whose rows a window shows. Not event_day_count and edit_log: they change only
# in the same transactions as battlefield_event and the edited records; nor
# import_mapping, which only the import dialog reads, when it opens.
WATCHED_TABLES = (
    "party", "person", "track", "venue", "round", "round_participant", "schedule_change",
    "factor", "factor_reading", "dependency", "source", "citation",
    "battlefield_event", "battlefield_event_raw", "event_link", "import_run",
    "event_match", "dataset_preference", "target_category", "target_rule",
    "casualty_claim",
)
NOTIFY_FUNCTION = "tracker_notify_change"
NOTIFY_TRIGGER_SUFFIX = "_notify_change"

# A server that does not answer must not hold the window for long, and is tried again
# less and less often: first after RETRY_FIRST_S, doubling up to RETRY_MAX_S.
CONNECT_TIMEOUT_S = 2
RETRY_FIRST_S = 5.0
RETRY_MAX_S = 60.0
# Reads of the socket in one poll at most: a busy server must not keep the window there.
_READS_PER_POLL = 100


class ChangeFeed(Protocol):
    def poll(self) -> set[str]:
        """The tables others changed since the last poll (ANY_TABLE: unknown which)."""

    def own_write(self) -> None:
        """Our own Database just committed: do not report that as someone else's change."""

    def close(self) -> None: ...


def open_change_feed(db: Database) -> ChangeFeed | None:
    """A feed for *db*, or None for a database nobody else can change (in memory)."""
    if db.is_sqlite:
        path = db.url.database
        return SqliteFeed(path) if path and path != ":memory:" else None
    if db.url.get_backend_name() == "postgresql" and db.application_name:
        return PostgresFeed(db.engine, db.application_name)
    return None


# -- PostgreSQL: the DDL of migration 0008 --------------------------------------------------

def postgres_ddl(tables: tuple[str, ...] = WATCHED_TABLES) -> list[str]:
    """The function and the statement-level triggers that notify CHANNEL."""
    function = (
        f"CREATE FUNCTION {NOTIFY_FUNCTION}() RETURNS trigger AS $$ BEGIN "
        f"PERFORM pg_notify('{CHANNEL}', "
        "TG_TABLE_NAME || ' ' || current_setting('application_name')); "
        "RETURN NULL; END; $$ LANGUAGE plpgsql"
    )
    return [function] + [
        f'CREATE TRIGGER {table}{NOTIFY_TRIGGER_SUFFIX} '
        f'AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "{table}" '
        f"FOR EACH STATEMENT EXECUTE FUNCTION {NOTIFY_FUNCTION}()"
        for table in tables
    ]


def drop_postgres_ddl(tables: tuple[str, ...] = WATCHED_TABLES) -> list[str]:
    return [f'DROP TRIGGER IF EXISTS {table}{NOTIFY_TRIGGER_SUFFIX} ON "{table}"'
            for table in tables] + [f"DROP FUNCTION IF EXISTS {NOTIFY_FUNCTION}()"]


# -- the feeds ---------------------------------------------------------------------------

class PostgresFeed:
    """LISTENs on a connection of its own; drops what *own_name*'s connections wrote."""

    def __init__(self, engine: Engine, own_name: str,
                 clock: Callable[[], float] = time.monotonic) -> None:
        cargs, cparams = engine.dialect.create_connect_args(engine.url)
        self._connect_args = (cargs, {
            **cparams, "autocommit": True, "connect_timeout": CONNECT_TIMEOUT_S,
            "application_name": f"{own_name} listening"})
        self._own = own_name
        self._clock = clock
        self._connection: psycopg.Connection[Any] | None = None
        self._retry_at = 0.0
        self._retry_after = RETRY_FIRST_S
        self._connect()

    @property
    def listener_pid(self) -> int | None:
        """The server process that listens (None while disconnected)."""
        return None if self._connection is None else self._connection.info.backend_pid

    def _connect(self) -> bool:
        import psycopg

        cargs, cparams = self._connect_args
        connection = None
        try:
            connection = psycopg.connect(*cargs, **cparams)
            connection.execute(f"LISTEN {CHANNEL}")
        except psycopg.Error:
            if connection is not None:
                connection.close()
            self._retry_at = self._clock() + self._retry_after
            self._retry_after = min(self._retry_after * 2, RETRY_MAX_S)
            return False
        self._connection = connection
        self._retry_after = RETRY_FIRST_S
        return True

    def wait(self, timeout: float) -> bool:
        """Block up to *timeout* seconds until the server sends something (for tests and
        threads; a window polls instead). False when nothing came or nothing listens."""
        if self._connection is None:
            return False
        readable, _, _ = select.select([self._connection.fileno()], [], [], timeout)
        return bool(readable)

    def poll(self) -> set[str]:
        import psycopg

        if self._connection is None:
            if self._clock() < self._retry_at or not self._connect():
                return set()
            return {ANY_TABLE}  # back after a gap in which anything may have changed
        connection = self._connection
        pgconn = connection.pgconn
        changed: set[str] = set()
        try:
            # Read all that has arrived. A server that closed the connection sent an
            # error first; the end of the stream shows on the read after it.
            for _ in range(_READS_PER_POLL):
                pgconn.consume_input()
                while (notice := pgconn.notifies()) is not None:
                    table, _, writer = notice.extra.decode(
                        connection.info.encoding, errors="replace").partition(" ")
                    if writer != self._own:
                        changed.add(table)
                if not select.select([connection.fileno()], [], [], 0)[0]:
                    break
        except psycopg.Error:
            self._drop_connection()
            self._retry_at = self._clock()  # the server may be back already (a restart)
            return changed | self.poll()
        return changed

    def own_write(self) -> None:
        """Nothing to do: notifications name their writer."""

    def _drop_connection(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    def close(self) -> None:
        self._drop_connection()
        self._retry_at = float("inf")


class SqliteFeed:
    """Watches the file's data version on a read-only connection of its own."""

    def __init__(self, path: str) -> None:
        self._connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True,
                                           check_same_thread=False)
        self._seen = self._version()

    def _version(self) -> int | None:
        try:
            row = self._connection.execute("PRAGMA data_version").fetchone()
        except sqlite3.Error:
            return None  # the file is busy, gone or closed; try again next time
        return int(row[0])

    def poll(self) -> set[str]:
        now = self._version()
        if now is None or now == self._seen:
            return set()
        self._seen = now
        return {ANY_TABLE}

    def own_write(self) -> None:
        self._seen = self._version()

    def close(self) -> None:
        self._connection.close()
