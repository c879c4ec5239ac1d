"""Open a database: engine, SQLite pragmas, migrations, and sessions scoped to a use case."""

from __future__ import annotations

import math
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event, inspect
from sqlalchemy.engine import URL, Engine
from sqlalchemy.exc import DatabaseError, NoSuchModuleError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from tracker.domain.edit_log import log_flushed_edits
from tracker.storage import migrate
from tracker.storage.application_name import unique_application_name
from tracker.storage.deferred_build import finish_killed_build
from tracker.storage.errors import NotATrackerDatabaseError, StorageError
from tracker.storage.fts_terms import create_terms_view
from tracker.storage.locations import describe, to_url
from tracker.storage.nul_on_flush import drop_nul_before_flush
from tracker.storage.read_only import ReadOnlyFile, read_only_file
from tracker.storage.sqlite_files import check_intact, folder_writable

# Writers wait this long for another process's lock before the user is told.
BUSY_TIMEOUT_MS = 5000


@dataclass(frozen=True)
class Database:
    """An open, migrated database. Sessions are short and belong to one user action."""

    engine: Engine
    url: URL
    sessions: sessionmaker[Session]
    # The copy taken before this open migrated the file (None when nothing was migrated).
    migration_backup: Path | None = None
    # PostgreSQL: the application_name of this open's connections, unique to it, which
    # the change notifications carry so its own writes are told apart (change_feed.py).
    application_name: str | None = None
    # Opened to read only, as a file in a folder the user cannot write (read_only.py):
    # how it was read, to tell the user; None for an ordinary open.
    read_only_note: str | None = None

    @property
    def label(self) -> str:
        return describe(self.url)

    @property
    def is_sqlite(self) -> bool:
        return self.url.get_backend_name() == "sqlite"

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One unit of work: commit on success, roll back everything on any error.

        Another connection holding SQLite's write lock past the busy timeout becomes a
        StorageError that says so, which the window and the CLI show like any other.
        """
        try:
            with self.sessions() as session, session.begin():
                yield session
        except OperationalError as exc:
            if self.is_sqlite and is_locked_error(exc):
                raise StorageError(locked_message(self.url)) from exc
            raise

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A read-only session; whatever it touched is rolled back."""
        with self.sessions() as session:
            yield session

    def check_intact(self, *, doing: str) -> None:
        """For an SQLite file: NotATrackerDatabaseError, with the way to recover, unless
        ``PRAGMA quick_check`` finds it whole; run before a large write (an import), which
        would otherwise fail half-way on a damaged page or spread the damage (F13)."""
        if not self.is_sqlite or self.url.database in (None, "", ":memory:"):
            return
        with self.engine.connect() as connection:
            raw = connection.connection.driver_connection
            assert isinstance(raw, sqlite3.Connection)
            check_intact(raw, Path(str(self.url.database)), doing=doing)

    def close(self) -> None:
        self.engine.dispose()


def is_locked_error(exc: OperationalError) -> bool:
    """SQLite's "database is locked" (or "table is locked"): another writer kept its lock."""
    return isinstance(exc.orig, sqlite3.OperationalError) and "is locked" in str(exc.orig)


def is_stale_snapshot_error(exc: OperationalError) -> bool:
    """SQLite refused to write at once because another connection committed since this
    transaction first read (SQLITE_BUSY_SNAPSHOT): no lock is held, waiting cannot help."""
    return is_locked_error(exc) and \
        getattr(exc.orig, "sqlite_errorcode", None) == sqlite3.SQLITE_BUSY_SNAPSHOT


def locked_message(url: URL) -> str:
    name = Path(url.database).name if url.database else describe(url)
    return (f"Another program (or another Negotiation Tracker window) is writing to {name}; "
            "try again in a moment. Nothing was changed.")


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # The sqlite3 driver opens transactions itself, lazily, and a SAVEPOINT outside one
    # commits on RELEASE: a nested "create the track" would then survive the rollback of
    # the round it belongs to. Take transaction control away from the driver and let
    # SQLAlchemy emit BEGIN (see _begin_sqlite), as the SQLAlchemy SQLite docs advise.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    # SQLite enforces foreign keys only when asked, on every connection.
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()
    ensure_math_functions(dbapi_connection)
    create_terms_view(dbapi_connection)


# What queries may call (the suggestions' great-circle test). SQLite has them only when
# built with SQLITE_ENABLE_MATH_FUNCTIONS, which not every platform's library is.
_MATH_FUNCTIONS: dict[str, Callable[[float], float]] = {
    "sin": math.sin, "cos": math.cos, "radians": math.radians,
}


def ensure_math_functions(dbapi_connection: Any) -> None:
    """Give a sqlite3 connection Python versions of the math functions it lacks."""
    for name, function in _MATH_FUNCTIONS.items():
        try:
            dbapi_connection.execute(f"SELECT {name}(0)").close()
        except sqlite3.OperationalError:  # "no such function"
            dbapi_connection.create_function(name, 1, _null_safe(function),
                                             deterministic=True)


def _null_safe(function: Callable[[float], float]) -> Callable[[float | None], float | None]:
    # SQL functions return NULL for NULL, as the built-in ones do.
    return lambda value: None if value is None else function(value)


def _begin_sqlite(connection: Any) -> None:
    connection.exec_driver_sql("BEGIN")


def open_database(target: str | Path | URL | None = None, *, create: bool = True,
                  read_only: bool = False) -> Database:
    """Open (creating if allowed) and migrate the database at *target*.

    Raises StorageError subclasses with a message for the user. A database from a newer
    version, or a file that is not ours, is refused before anything is written to it.
    With *read_only* (a command that only reads), a file in a folder the user cannot
    write is read without writing beside it (read_only.py) and never migrated.
    """
    url = target if isinstance(target, URL) else to_url(target)
    if url.get_backend_name() == "sqlite" and url.database not in (None, "", ":memory:"):
        path = Path(url.database)
        if not path.exists():
            if not create:
                raise StorageError(f"{path} does not exist")
            path.parent.mkdir(parents=True, exist_ok=True)
        elif path.is_dir():
            raise StorageError(f"{path} is a folder, not a database file")
        else:
            _check_sqlite_header(path)
        reader = read_only_file(path) if read_only and path.is_file() else None
        if reader is not None:
            return _open_read_only(url, reader)
    application_name = unique_application_name(url)
    try:
        engine = create_engine(url, future=True, connect_args=(
            {"application_name": application_name} if application_name else {}))
    except (ImportError, NoSuchModuleError) as exc:
        # A URL for a server whose Python driver is not installed (psycopg for PostgreSQL).
        raise StorageError(
            f"Cannot open {describe(url)}: no driver for {url.drivername!r} is installed "
            f"({exc})"
        ) from exc
    try:
        # Look before writing: PRAGMA journal_mode=WAL rewrites the file header, so a file
        # that is not ours, or is newer, is refused on connections without the pragmas.
        _refuse_foreign_schema(engine, url)
        migrate.refuse_newer(engine)
        if url.get_backend_name() == "sqlite":
            engine.dispose()  # drop the plain connections; new ones get the pragmas
            event.listen(engine, "connect", _sqlite_pragmas)
            event.listen(engine, "begin", _begin_sqlite)
        saved = migrate.upgrade(engine)
        if url.get_backend_name() == "sqlite":
            finish_killed_build(engine)  # what an import's killed build left to build
    except OperationalError as exc:
        engine.dispose()
        raise StorageError(f"Cannot open {describe(url)}: {exc.orig}{_why_unwritable(url)}") \
            from exc
    except DatabaseError as exc:
        engine.dispose()
        raise NotATrackerDatabaseError(
            f"{describe(url)} is not a Negotiation Tracker database or is damaged: {exc.orig}"
        ) from exc
    except BaseException:
        engine.dispose()
        raise
    sessions = sessionmaker(engine, expire_on_commit=False)
    event.listen(sessions, "after_flush", log_flushed_edits)  # who changed what, and when
    event.listen(sessions, "before_flush", drop_nul_before_flush)  # see domain/nul_text.py
    return Database(engine, url, sessions, saved, application_name)


def _open_read_only(url: URL, reader: ReadOnlyFile) -> Database:
    """A database that is only read: no migration (it would write), no pragmas that write."""
    engine = create_engine(url, future=True, creator=reader.connect)
    reader.remove_with(engine)
    event.listen(engine, "connect", _read_only_pragmas)
    event.listen(engine, "begin", _begin_sqlite)
    try:
        _refuse_foreign_schema(engine, url)
        current = migrate.refuse_newer(engine)
    except DatabaseError as exc:
        engine.dispose()
        raise NotATrackerDatabaseError(
            f"{describe(url)} is not a Negotiation Tracker database or is damaged: {exc.orig}"
        ) from exc
    if current != migrate.head_revision():
        engine.dispose()
        raise StorageError(
            f"{describe(url)} was written by an older version and must be upgraded before "
            f"it is read, which needs writing to it: {reader.note}. Copy it to a folder of "
            "yours and open the copy.")
    sessions = sessionmaker(engine, expire_on_commit=False)
    return Database(engine, url, sessions, read_only_note=reader.note)


def _read_only_pragmas(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.isolation_level = None  # as in _sqlite_pragmas
    dbapi_connection.execute("PRAGMA foreign_keys=ON")
    ensure_math_functions(dbapi_connection)
    create_terms_view(dbapi_connection)


def _why_unwritable(url: URL) -> str:
    """Why SQLite could not open a file it may read: its folder cannot be written."""
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        return ""
    path = Path(url.database)
    if not path.exists() or folder_writable(path):
        return ""
    return (f". Its folder {path.parent} cannot be written by you, and SQLite writes files "
            "beside a database to change it (and to read one with a -wal); copy it to a "
            "folder of yours. Commands that only read it (export, log, analysis) work "
            "as it is.")


def refuse_empty_file(target: str | Path | URL | None) -> None:
    """StorageError for an SQLite file of 0 bytes, which a command that only reads must not
    take for a database: opening it writes a whole schema into it (issue 14)."""
    url = target if isinstance(target, URL) else to_url(target)
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        return
    path = Path(url.database)
    if path.is_file() and path.stat().st_size == 0:
        raise NotATrackerDatabaseError(
            f"{path} is empty (0 bytes), not a Negotiation Tracker database; it was left "
            "as it was. Name the right file with --db, or import into it to start one.")


def _check_sqlite_header(path: Path) -> None:
    with path.open("rb") as handle:
        header = handle.read(100)
    if header and header[:16] != b"SQLite format 3\x00":
        raise NotATrackerDatabaseError(
            f"{path} is not a Negotiation Tracker database (it is not an SQLite file)"
        )
    _refuse_truncated(path, header)


def _refuse_truncated(path: Path, header: bytes) -> None:
    """A file shorter than its header says was cut off (a copy that stopped half-way).

    SQLite opens such a file and fails only when a query reaches a missing page, so it is
    told apart here, by the header. Not while a -wal file exists: the pages it holds are
    not in the main file yet.
    """
    if len(header) < 100 or header[24:28] != header[92:96]:
        return  # no page count in the header (SQLite before 3.7.0 wrote none)
    wal = path.with_name(path.name + "-wal")
    if wal.exists() and wal.stat().st_size > 0:
        return
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    expected = int.from_bytes(header[28:32], "big") * page_size
    actual = path.stat().st_size
    if actual < expected:
        raise NotATrackerDatabaseError(
            f"{path} is not a Negotiation Tracker database or is damaged: it is shorter "
            f"than its header says ({actual:,} of {expected:,} bytes), as if a copy "
            "stopped half-way. It was left as it was; restore a backup (see the README)."
        )


def _refuse_foreign_schema(engine: Engine, url: URL) -> None:
    """A database with tables but no migration record belongs to some other program."""
    with engine.connect() as connection:
        tables = set(inspect(connection).get_table_names())
    if tables and "alembic_version" not in tables:
        raise NotATrackerDatabaseError(
            f"{describe(url)} holds tables ({', '.join(sorted(tables)[:5])}…) but is not a "
            "Negotiation Tracker database; it was left as it was"
        )
