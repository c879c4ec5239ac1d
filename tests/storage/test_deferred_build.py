"""storage.deferred_build: an import that commits its events first is usable at once, never
answers from a stale structure, and ends (or, killed, is finished on next open) with the
schema and derived data of an import that built everything before its commit (SQLite)."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Connection, text

from tests.acled_generator import write_acled_file
from tracker.services.events.events import EventFilter, count_events
from tracker.services.exports.export import write_chronology
from tracker.services.exports.export_formats import ExportFormat
from tracker.services.imports.importing import (
    ImportFormat,
    ImportProgress,
    build_after_import,
    import_events,
)
from tracker.services.map.map_layers import map_cells
from tracker.services.map.projection import Area
from tracker.storage.database import Database, open_database
from tracker.storage.deferred_build import (
    StillBuilding,
    categories_ready,
    map_cells_ready,
    pending_statements,
    search_ready,
)

ROWS = 12_000  # a bulk import: new rows are over half the table
WORLD = Area(-180.0, -90.0, 180.0, 90.0)

pytestmark = pytest.mark.sqlite_only  # SQLite's bulk mode and its derived structures


@pytest.fixture(scope="module")
def acled(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_acled_file(tmp_path_factory.mktemp("deferred") / "acled.csv", ROWS)


@pytest.fixture
def opened(tmp_path: Path) -> Iterator[Database]:
    db = open_database(tmp_path / "deferred.db")
    yield db
    db.close()


def _schema(connection: Connection) -> list[tuple[str, ...]]:
    return [tuple(row) for row in connection.execute(text(
        "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name"))]


def _derived(db: Database) -> tuple[object, ...]:
    with db.engine.connect() as connection:
        return (
            _schema(connection),
            connection.execute(text("SELECT * FROM event_day_count ORDER BY 1, 2, 3, 4"))
            .all(),
            connection.execute(text("SELECT * FROM event_map_cell ORDER BY 1, 2, 3, 4, 5, "
                                    "6, 7")).all(),
            connection.execute(text(
                "SELECT count(*) FROM battlefield_event_fts WHERE battlefield_event_fts "
                "MATCH 'shelling'")).scalar_one(),
            connection.execute(text(
                "SELECT external_id, target_category, target_source, target_rule, "
                "target_confidence FROM battlefield_event ORDER BY external_id")).all(),
        )


def _whole(tmp_path: Path, acled: Path) -> tuple[object, ...]:
    """What an import that builds everything before its commit leaves."""
    db = open_database(tmp_path / "whole.db")
    try:
        import_events(db, acled, ImportFormat.ACLED)
        return _derived(db)
    finally:
        db.close()


@pytest.mark.parametrize("second_processes", [False, True],
                         ids=["rules-in-the-build", "rules-beside-the-build"])
def test_the_events_are_usable_at_the_commit_and_built_after(
        opened: Database, acled: Path, tmp_path: Path, second_processes: bool) -> None:
    report = import_events(opened, acled, ImportFormat.ACLED, defer_build=True)
    assert report.added == ROWS
    with opened.reading() as session:
        # Browsed, counted and filtered by date and type at once...
        assert count_events(session) == ROWS
        assert count_events(session, EventFilter(event_types=("Battles",))) > 0
        connection = session.connection()
        assert pending_statements(connection)
        assert not search_ready(connection) and not map_cells_ready(connection)
        # ...a word search says why it waits instead of answering from a stale index...
        with pytest.raises(StillBuilding, match="still being built"):
            count_events(session, EventFilter(text="shelling"))
        # ...and the map counts its cells from the events meanwhile.
        from_events = sum(cell.events for cell in map_cells(session, WORLD, 0, EventFilter()))
        # The rules have not looked at the events yet: each is "uncategorised", and what
        # would publish them by category says why it waits (storage.deferred_categories).
        assert not categories_ready(connection)
        assert connection.execute(text(
            "SELECT DISTINCT target_category, target_source FROM battlefield_event")
        ).all() == [("", None)]
        with pytest.raises(StillBuilding, match="categories are still being decided"):
            write_chronology(session, io.StringIO(), ExportFormat.CSV)
    assert from_events == ROWS

    seen: list[ImportProgress] = []
    built = build_after_import(opened, progress=seen.append,
                               second_processes=second_processes)
    assert built == seen[-1].indexes_total == len(seen) - 1
    assert [p.indexes_built for p in seen] == list(range(built + 1))
    # The categories first; or, while their rules run beside, the full-text index and
    # the steps that do not read categories meanwhile, and those that do after them.
    order = [p.step_built for p in seen][1:]
    assert order[0] == ("full-text index" if second_processes else "categories")
    assert order.index("categories") < order.index("map cells")
    assert order.index("categories") < order.index("ix_battlefield_event_target_date")
    assert _derived(opened) == _whole(tmp_path, acled)
    with opened.reading() as session:
        assert pending_statements(session.connection()) == []
        assert categories_ready(session.connection())
        assert count_events(session, EventFilter(text="shelling")) > 0
        assert sum(cell.events for cell in map_cells(session, WORLD, 0, EventFilter())) \
            == ROWS


@pytest.mark.parametrize("steps_built", [2, 0],
                         ids=["cut-after-two-steps", "cut-before-the-categories"])
def test_a_build_cut_short_is_finished_on_the_next_open(
        tmp_path: Path, acled: Path, steps_built: int) -> None:
    path = tmp_path / "killed.db"
    db = open_database(path)
    import_events(db, acled, ImportFormat.ACLED, defer_build=True)

    def stop(progress: ImportProgress) -> None:
        if progress.indexes_built == steps_built:
            raise KeyboardInterrupt  # as a kill would, between two builds

    with pytest.raises(KeyboardInterrupt):
        build_after_import(db, progress=stop)
    with db.engine.connect() as connection:
        left = pending_statements(connection)
        # Cut before the first step, the categories: they are owed (deferred_categories).
        assert categories_ready(connection) is (steps_built > 0)
    db.close()
    assert left

    reopened = open_database(path)
    try:
        with reopened.engine.connect() as connection:
            assert categories_ready(connection) and pending_statements(connection) == []
        assert _derived(reopened) == _whole(tmp_path, acled)
    finally:
        reopened.close()


def test_an_import_finishes_a_pending_build_first(
        opened: Database, acled: Path, tmp_path: Path) -> None:
    import_events(opened, acled, ImportFormat.ACLED, defer_build=True)
    again = import_events(opened, acled, ImportFormat.ACLED)  # all unchanged
    assert again.unchanged == ROWS
    with opened.engine.connect() as connection:
        assert pending_statements(connection) == []
    assert _derived(opened) == _whole(tmp_path, acled)
