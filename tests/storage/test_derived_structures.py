"""storage.derived_structures: what a bulk load drops comes back exactly as a new database
has it, with the full-text index and the day counts made from the rows (SQLite)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Connection, text

from tracker.services.common.sample import load_sample
from tracker.storage.database import Database, open_database
from tracker.storage.derived_structures import (
    DERIVED_TRIGGERS,
    drop_derived,
    rebuild_derived,
)


@pytest.fixture
def sqlite_db(tmp_path: Path) -> Iterator[Database]:
    db = open_database(tmp_path / "derived.db")
    yield db
    db.close()


def schema(connection: Connection) -> list[tuple[str, str, str, str]]:
    return [tuple(row) for row in connection.execute(text(
        "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name"))]


def derived_data(connection: Connection) -> tuple[list[tuple[object, ...]], int]:
    counts = [tuple(row) for row in connection.execute(text(
        "SELECT * FROM event_day_count ORDER BY day, event_type, target_category, "
        "date_precision"))]
    found = connection.scalar(text(
        "SELECT count(*) FROM battlefield_event_fts WHERE battlefield_event_fts MATCH 'drone'"))
    return counts, int(found or 0)


def test_drop_then_rebuild_leaves_the_schema_of_a_new_database(sqlite_db: Database) -> None:
    with sqlite_db.engine.begin() as connection:
        fresh = schema(connection)
        dropped = drop_derived(connection)
        after_drop = {name for _kind, name, _table, _sql in schema(connection)}
        steps: list[int] = []
        rebuild_derived(connection, dropped, steps.append)
        assert schema(connection) == fresh
    assert dropped.statements == []  # built: nothing is left to build twice
    # Every secondary index and derived trigger of the events went, and only those.
    gone = {name for _kind, name, _table, _sql in fresh} - after_drop
    indexes = [name for kind, name, table, sql in fresh
               if kind == "index" and table == "battlefield_event" and sql]
    triggers = [name for kind, name, table, _sql in fresh
                if kind == "trigger" and name.startswith(DERIVED_TRIGGERS)]
    assert indexes and triggers
    assert gone == {*indexes, *triggers}
    assert steps == list(range(1, len(indexes) + 2))


def test_rebuilt_counts_and_text_index_match_the_ones_kept_row_by_row(
        sqlite_db: Database) -> None:
    with sqlite_db.transaction() as session:
        load_sample(session)
    with sqlite_db.engine.connect() as connection:
        kept = derived_data(connection)
    assert kept[0] and kept[1]  # the sample has counted days and a drone strike
    with sqlite_db.engine.begin() as connection:
        connection.execute(text("UPDATE battlefield_event SET fatalities = fatalities + 1"))
        expected = derived_data(connection)  # the triggers kept them
        connection.execute(text("UPDATE battlefield_event SET fatalities = fatalities - 1"))
        dropped = drop_derived(connection)
        connection.execute(text("UPDATE battlefield_event SET fatalities = fatalities + 1"))
        rebuild_derived(connection, dropped)
        assert derived_data(connection) == expected


def test_a_load_that_fails_gets_everything_back(sqlite_db: Database) -> None:
    with sqlite_db.engine.connect() as connection:
        fresh = schema(connection)
    with pytest.raises(RuntimeError), sqlite_db.engine.begin() as connection:
        assert drop_derived(connection).build_steps > 1
        raise RuntimeError("the load failed")
    with sqlite_db.engine.connect() as connection:
        assert schema(connection) == fresh
