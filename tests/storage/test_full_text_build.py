"""storage.full_text_build: a bulk import's full-text index is written as one segment, finds
exactly what FTS5's ordinary rebuild finds, and leaves FTS5's settings as they were
(SQLite).

12,000 events fit FTS5's default 1 MiB hash, so the tests first set a 64 KiB one: with it
these rows need several segments, as a million rows do with the default.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Connection

from tests.acled_generator import write_acled_file
from tracker.services.imports.importing import ImportFormat, build_after_import, import_events
from tracker.storage.database import Database, open_database
from tracker.storage.full_text_build import FULL_TEXT_TABLE

ROWS = 12_000  # a bulk import (the derived structures dropped and built once)
SMALL_HASH_BYTES = 64 * 1024
SEARCHES = ("shelling", "kharkiv*", "struck AND damaging", "pokrovsk OR odesa", "ukr*")

pytestmark = pytest.mark.sqlite_only  # FTS5 is SQLite's


@pytest.fixture(scope="module")
def acled(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_acled_file(tmp_path_factory.mktemp("full-text") / "acled.csv", ROWS)


def _segments(connection: Connection) -> int:
    return int(connection.exec_driver_sql(
        f"SELECT count(DISTINCT segid) FROM {FULL_TEXT_TABLE}_idx").scalar_one())


def _found(connection: Connection) -> list[list[int]]:
    return [[row[0] for row in connection.exec_driver_sql(
        f"SELECT rowid FROM {FULL_TEXT_TABLE} WHERE {FULL_TEXT_TABLE} MATCH ? ORDER BY rowid",
        (search,))] for search in SEARCHES]


def _settings(connection: Connection) -> dict[str, object]:
    return dict(connection.exec_driver_sql(
        f"SELECT k, v FROM {FULL_TEXT_TABLE}_config").all())


def _imported(path: Path, acled: Path, *, defer_build: bool) -> Database:
    db = open_database(path)
    with db.engine.begin() as connection:
        connection.exec_driver_sql(f"INSERT INTO {FULL_TEXT_TABLE}({FULL_TEXT_TABLE}, rank) "
                                   "VALUES ('hashsize', ?)", (SMALL_HASH_BYTES,))
    import_events(db, acled, ImportFormat.ACLED, defer_build=defer_build)
    if defer_build:
        assert build_after_import(db) > 0
    return db


@pytest.mark.parametrize("defer_build", [False, True], ids=["built before", "built after"])
def test_the_import_writes_one_segment_that_finds_what_a_plain_rebuild_finds(
        tmp_path: Path, acled: Path, defer_build: bool) -> None:
    db = _imported(tmp_path / "one.db", acled, defer_build=defer_build)
    try:
        with db.engine.begin() as connection:
            assert _segments(connection) == 1
            found = _found(connection)
            assert all(found) and len(found[0]) < ROWS  # each search finds some, not all
            assert _settings(connection)["hashsize"] == SMALL_HASH_BYTES  # as it was
            # FTS5's own rebuild with that setting: the same rows, found in more segments.
            connection.exec_driver_sql(
                f"INSERT INTO {FULL_TEXT_TABLE}({FULL_TEXT_TABLE}) VALUES ('rebuild')")
            assert _segments(connection) > 1
            assert _found(connection) == found
    finally:
        db.close()
