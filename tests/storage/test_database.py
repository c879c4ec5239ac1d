"""Opening databases: creation, pragmas, and refusing files that are not ours, untouched."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import select, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import IntegrityError

from tests.storage.conftest import FileState
from tracker.domain.models import Round, Track
from tracker.storage import migrate
from tracker.storage.database import Database, ensure_math_functions, open_database
from tracker.storage.errors import (
    DatabaseTooNewError,
    NotATrackerDatabaseError,
    StorageError,
)
from tracker.storage.locations import default_database_path, describe, to_url

Snapshot = Callable[[Path], FileState]


def table_names(path: Path) -> set[str]:
    connection = sqlite3.connect(path)
    try:
        return {
            row[0]
            for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
        }
    finally:
        connection.close()


def stored_revision(path: Path) -> str:
    connection = sqlite3.connect(path)
    try:
        (revision,) = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        return str(revision)
    finally:
        connection.close()


def closed_database(path: Path) -> Path:
    """A fresh tracker database at *path*, closed, with its WAL checkpointed away."""
    open_database(path).close()
    wal = path.with_name(path.name + "-wal")
    assert not wal.exists() or wal.stat().st_size == 0
    return path


# -- creating and reopening ------------------------------------------------------------------


def test_open_creates_the_file_and_migrates_to_head(tmp_path: Path) -> None:
    path = tmp_path / "x.db"

    database = open_database(path)
    try:
        assert path.is_file()
        with database.engine.connect() as connection:
            assert migrate.current_revision(connection) == migrate.head_revision()
        assert database.is_sqlite
        assert database.label == str(path.resolve())
    finally:
        database.close()

    head = migrate.head_revision()
    assert head is not None
    assert stored_revision(path) == head
    assert {"round", "battlefield_event", "schedule_change", "citation"} <= table_names(path)


def test_open_creates_missing_parent_folders(tmp_path: Path) -> None:
    path = tmp_path / "a" / "b" / "x.db"
    open_database(path).close()
    assert path.is_file()


@pytest.mark.sqlite_only
def test_sessions_have_foreign_keys_on_and_wal(db: Database) -> None:
    with db.reading() as session:
        assert session.execute(text("PRAGMA foreign_keys")).scalar_one() == 1
        assert session.execute(text("PRAGMA journal_mode")).scalar_one() == "wal"
        assert session.execute(text("PRAGMA busy_timeout")).scalar_one() > 0
    with db.transaction() as session:  # and on every new connection of the pool
        assert session.execute(text("PRAGMA foreign_keys")).scalar_one() == 1


def test_foreign_keys_are_enforced(db: Database) -> None:
    with pytest.raises(IntegrityError, match=r"(?i)FOREIGN KEY"), db.transaction() as session:
        session.add(Round(track_id=999, title="orphan"))

    with db.reading() as session:
        assert session.scalars(select(Round)).all() == []


def test_reopening_is_a_no_op(tmp_path: Path, snapshot: Callable[[Path], FileState]) -> None:
    path = tmp_path / "x.db"
    database = open_database(path)
    with database.transaction() as session:
        session.add(Track(name="US-brokered trilateral talks"))
    database.close()
    with sqlite3.connect(path) as connection:
        schema_version = connection.execute("PRAGMA schema_version").fetchone()
    before = snapshot(path)

    again = open_database(path)
    try:
        with again.reading() as session:
            assert session.scalars(select(Track.name)).all() == ["US-brokered trilateral talks"]
    finally:
        again.close()

    after = snapshot(path)
    assert after.dump == before.dump
    with sqlite3.connect(path) as connection:
        assert connection.execute("PRAGMA schema_version").fetchone() == schema_version


def test_transaction_rolls_back_everything_on_error(db: Database) -> None:
    with pytest.raises(RuntimeError), db.transaction() as session:
        session.add(Track(name="prisoner-exchange track"))
        session.flush()
        raise RuntimeError("user cancelled")

    with db.reading() as session:
        assert session.scalars(select(Track)).all() == []


def test_a_released_savepoint_is_rolled_back_with_its_transaction(db: Database) -> None:
    # The sqlite3 driver would commit on RELEASE SAVEPOINT outside its own transaction.
    with pytest.raises(RuntimeError), db.transaction() as session:
        with session.begin_nested():
            session.add(Track(name="Inside a savepoint"))
        raise RuntimeError("the outer unit of work fails after the savepoint")
    with db.reading() as session:
        assert session.scalars(select(Track.name)).all() == []


def test_empty_file_becomes_a_tracker_database(tmp_path: Path) -> None:
    # A file dialog may create the file before the program opens it.
    path = tmp_path / "new.db"
    path.touch()

    open_database(path).close()

    assert stored_revision(path) == migrate.head_revision()


def test_open_accepts_a_url_object(tmp_path: Path) -> None:
    path = tmp_path / "x.db"
    database = open_database(make_url(f"sqlite:///{path}"))
    database.close()
    assert stored_revision(path) == migrate.head_revision()


def test_in_memory_database_is_migrated() -> None:
    database = open_database("sqlite://")
    try:
        with database.reading() as session:
            assert session.scalars(select(Track)).all() == []
        assert database.label == "(in memory)"
    finally:
        database.close()


# -- refusing what is not ours, untouched ---------------------------------------------------


def test_newer_database_is_refused_and_left_unchanged(
    tmp_path: Path, snapshot: Snapshot
) -> None:
    path = closed_database(tmp_path / "x.db")
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE alembic_version SET version_num='9999_future'")
    connection.close()
    before = snapshot(path)
    assert before.dump is not None and any("9999_future" in line for line in before.dump)

    with pytest.raises(DatabaseTooNewError, match="newer version") as caught:
        open_database(path)

    assert "9999_future" in str(caught.value)
    after = snapshot(path)
    assert after.sha256 == before.sha256
    assert after.dump == before.dump
    assert after.folder == before.folder
    assert stored_revision(path) == "9999_future"


def test_newer_database_in_rollback_journal_mode_is_not_switched_to_wal(
    tmp_path: Path, snapshot: Snapshot
) -> None:
    # A copy made by a backup tool may come back in the default journal mode; refusing it
    # must not rewrite its header to WAL either.
    path = closed_database(tmp_path / "x.db")
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA journal_mode=DELETE")
    with connection:
        connection.execute("UPDATE alembic_version SET version_num='9999_future'")
    connection.close()
    before = snapshot(path)

    with pytest.raises(DatabaseTooNewError):
        open_database(path)

    assert snapshot(path) == before
    with sqlite3.connect(path) as check:
        assert check.execute("PRAGMA journal_mode").fetchone() == ("delete",)
    check.close()


def test_newer_database_is_refused_every_time(tmp_path: Path) -> None:
    path = closed_database(tmp_path / "x.db")
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE alembic_version SET version_num='9999_future'")
    connection.close()

    for _ in range(2):
        with pytest.raises(DatabaseTooNewError):
            open_database(path)


def test_too_new_is_a_storage_error() -> None:
    # The window shows every StorageError in one place; these must be among them.
    assert issubclass(DatabaseTooNewError, StorageError)
    assert issubclass(NotATrackerDatabaseError, StorageError)


def test_sqlite_file_of_another_program_is_refused_and_left_unchanged(
    tmp_path: Path, snapshot: Snapshot
) -> None:
    path = tmp_path / "notes.db"
    connection = sqlite3.connect(path)  # default rollback journal, as most programs use
    with connection:
        connection.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
        connection.execute("INSERT INTO notes (body) VALUES ('keep me')")
    connection.close()
    before = snapshot(path)

    with pytest.raises(NotATrackerDatabaseError, match="notes"):
        open_database(path)

    after = snapshot(path)
    assert after.sha256 == before.sha256  # not even switched to WAL
    assert after.dump == before.dump
    assert after.folder == before.folder
    assert table_names(path) == {"notes"}


def test_text_file_is_refused_and_left_unchanged(tmp_path: Path, snapshot: Snapshot) -> None:
    path = tmp_path / "chronology.db"
    path.write_bytes(b"date,event\n2026-02-05,strike on substation\n")
    before = snapshot(path)

    with pytest.raises(NotATrackerDatabaseError, match="not an SQLite file"):
        open_database(path)

    after = snapshot(path)
    assert after.sha256 == before.sha256
    assert after.folder == before.folder


def test_short_binary_file_is_refused(tmp_path: Path, snapshot: Snapshot) -> None:
    path = tmp_path / "x.db"
    path.write_bytes(b"\x00\x01\x02")
    before = snapshot(path)

    with pytest.raises(NotATrackerDatabaseError):
        open_database(path)

    assert snapshot(path) == before


def test_damaged_sqlite_file_is_refused_as_not_ours(tmp_path: Path, snapshot: Snapshot) -> None:
    path = tmp_path / "x.db"
    path.write_bytes(b"SQLite format 3\x00" + b"\xff" * 200)
    before_bytes = path.read_bytes()

    with pytest.raises(NotATrackerDatabaseError):
        open_database(path)

    assert path.read_bytes() == before_bytes


def test_folder_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "data.db"
    folder.mkdir()

    with pytest.raises(StorageError, match="folder") as caught:
        open_database(folder)

    assert not isinstance(caught.value, NotATrackerDatabaseError | DatabaseTooNewError)
    assert list(folder.iterdir()) == []


def test_create_false_on_a_missing_path_creates_nothing(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "x.db"

    with pytest.raises(StorageError, match="does not exist"):
        open_database(path, create=False)

    assert not path.exists()
    assert not path.parent.exists()
    assert list(tmp_path.iterdir()) == []


def test_create_false_opens_an_existing_database(tmp_path: Path) -> None:
    path = closed_database(tmp_path / "x.db")
    open_database(path, create=False).close()
    assert stored_revision(path) == migrate.head_revision()


# -- locations ---------------------------------------------------------------------------------


def test_to_url_from_a_path(tmp_path: Path) -> None:
    url = to_url(tmp_path / "x.db")
    assert url.get_backend_name() == "sqlite"
    assert url.database == str((tmp_path / "x.db").resolve())


def test_to_url_resolves_relative_paths(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    url = to_url("data/x.db")
    assert url.database == str(tmp_path.resolve() / "data" / "x.db")
    assert Path(url.database).is_absolute()


def test_to_url_expands_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    url = to_url("~/talks/x.db")
    assert url.database == str(tmp_path.resolve() / "talks" / "x.db")
    assert "~" not in (url.database or "")


def test_to_url_keeps_sqlite_urls(tmp_path: Path) -> None:
    url = to_url(f"sqlite:///{tmp_path}/x.db")
    assert url.get_backend_name() == "sqlite"
    assert url.database == f"{tmp_path}/x.db"


def test_to_url_keeps_postgresql_urls_and_describe_hides_the_password() -> None:
    url = to_url("postgresql://u:s3cret@h/db")

    assert url.get_backend_name() == "postgresql"
    assert url.get_driver_name() == "psycopg"  # psycopg 3, the postgres extra's driver
    assert (url.username, url.password, url.host, url.database) == ("u", "s3cret", "h", "db")
    shown = describe(url)
    assert "s3cret" not in shown
    assert shown.startswith("postgresql://u:")
    assert shown.endswith("@h/db")


def test_describe_sqlite_is_the_file_path(tmp_path: Path) -> None:
    assert describe(to_url(tmp_path / "x.db")) == str((tmp_path / "x.db").resolve())
    assert describe(make_url("sqlite://")) == "(in memory)"


def test_to_url_default_is_in_the_user_data_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    url = to_url(None)
    assert url.get_backend_name() == "sqlite"
    assert url.database == str(tmp_path.resolve() / "negotiation-tracker" / "tracker.db")
    assert url.database == str(default_database_path().resolve())


def test_a_url_without_an_installed_driver_is_a_clear_storage_error() -> None:
    with pytest.raises(StorageError, match=r"no driver for 'nosuchdb' is installed"):
        open_database("nosuchdb://analyst@localhost/talks")


class _SqliteWithoutMath:
    """A sqlite3 connection as built without SQLITE_ENABLE_MATH_FUNCTIONS."""

    def __init__(self) -> None:
        self.added: dict[str, Callable[[float | None], float | None]] = {}

    def execute(self, sql: str) -> sqlite3.Cursor:
        name = sql.removeprefix("SELECT ").split("(")[0]
        if name not in self.added:
            raise sqlite3.OperationalError(f"no such function: {name}")
        return sqlite3.connect(":memory:").execute("SELECT 0")

    def create_function(self, name: str, narg: int,
                        function: Callable[[float | None], float | None], *,
                        deterministic: bool) -> None:
        assert narg == 1 and deterministic
        self.added[name] = function


def test_missing_math_functions_are_supplied() -> None:
    connection = _SqliteWithoutMath()
    ensure_math_functions(connection)
    assert set(connection.added) == {"sin", "cos", "radians"}
    assert connection.added["radians"](180.0) == pytest.approx(3.14159265)
    assert connection.added["cos"](None) is None  # NULL in, NULL out, like SQL's own
    ensure_math_functions(connection)  # present now: nothing is added twice
    assert len(connection.added) == 3


def test_a_database_connection_can_use_the_math_functions(db: Database) -> None:
    with db.reading() as session:
        assert session.scalar(text("SELECT sin(radians(90)) + cos(0)")) == pytest.approx(2.0)
