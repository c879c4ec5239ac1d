"""Damaged and foreign files are refused untouched; a held write lock is a clear message."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import select

from tests.storage.bad_file_figures import bad_files, try_bad_file
from tests.storage.bad_files import BAD_FILES, neighbours, tracker_bytes
from tracker.domain.models import Track
from tracker.storage import database as database_module
from tracker.storage.database import Database, open_database
from tracker.storage.errors import NotATrackerDatabaseError, StorageError

# File bytes, headers and SQLite's own lock: SQLite by nature.
pytestmark = pytest.mark.sqlite_only


@pytest.fixture(scope="module")
def whole(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    return tracker_bytes(tmp_path_factory.mktemp("whole"))


@pytest.mark.parametrize("name", list(BAD_FILES))
def test_a_bad_file_is_refused_clearly_and_left_byte_for_byte(
        tmp_path: Path, whole: bytes, name: str) -> None:
    assert try_bad_file(tmp_path, name, whole)


def test_a_truncated_database_names_what_is_missing(tmp_path: Path, whole: bytes) -> None:
    path = tmp_path / "talks.db"
    path.write_bytes(whole[:len(whole) - 2048])

    with pytest.raises(NotATrackerDatabaseError) as caught:
        open_database(path)

    expected = len(whole)  # the sample fills whole pages; the header counts them all
    assert f"({len(whole) - 2048:,} of {expected:,} bytes)" in str(caught.value)
    assert "restore a backup" in str(caught.value)
    assert neighbours(path) == []


def test_a_whole_database_still_opens(tmp_path: Path, whole: bytes) -> None:
    # The truncation check reads the header's page count: a good file must pass it.
    path = tmp_path / "talks.db"
    path.write_bytes(whole)
    open_database(path).close()


def test_the_figure_counts_every_bad_file() -> None:
    assert bad_files() == (len(BAD_FILES), len(BAD_FILES))


# -- a second program holding the write lock ------------------------------------------------


@pytest.fixture
def quick_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Database:
    # Wait 50 ms for the lock instead of 5 s: the test is about what happens after.
    monkeypatch.setattr(database_module, "BUSY_TIMEOUT_MS", 50)
    return open_database(tmp_path / "talks.db")


def test_a_write_while_another_connection_holds_the_lock_is_a_clear_storage_error(
        quick_db: Database) -> None:
    blocker = sqlite3.connect(str(quick_db.url.database), timeout=0)
    try:
        blocker.execute("BEGIN IMMEDIATE")
        with pytest.raises(StorageError) as caught, quick_db.transaction() as session:
            session.add(Track(name="Blocked track"))
    finally:
        blocker.rollback()
        blocker.close()

    assert str(caught.value) == (
        "Another program (or another Negotiation Tracker window) is writing to talks.db; "
        "try again in a moment. Nothing was changed.")
    with quick_db.transaction() as session:  # the lock is gone: the same write succeeds
        session.add(Track(name="Blocked track"))
    with quick_db.reading() as session:
        assert session.scalars(select(Track.name)).all() == ["Blocked track"]
    quick_db.close()


def test_a_second_instance_reads_while_the_first_writes(quick_db: Database) -> None:
    second = open_database(Path(str(quick_db.url.database)), create=False)
    try:
        with quick_db.transaction() as session:
            session.add(Track(name="Written by the first"))
            session.flush()
            with second.reading() as other:  # WAL: readers see the last commit, unblocked
                assert other.scalars(select(Track.name)).all() == []
        with second.transaction() as session:
            session.add(Track(name="Written by the second"))
        with quick_db.reading() as session:
            assert sorted(session.scalars(select(Track.name))) == [
                "Written by the first", "Written by the second"]
    finally:
        second.close()
        quick_db.close()


def test_other_operational_errors_are_not_called_a_lock(quick_db: Database) -> None:
    from sqlalchemy import text
    from sqlalchemy.exc import OperationalError

    with pytest.raises(OperationalError, match="no such table"), \
            quick_db.transaction() as session:
        session.execute(text("INSERT INTO no_such_table VALUES (1)"))
    quick_db.close()
