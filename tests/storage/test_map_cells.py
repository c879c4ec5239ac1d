"""The map's cell counts stay equal to a GROUP BY of the events at every grid size,
however the events change: inserts, updates, deletes, a bulk import."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import delete, update

from tests.acled_generator import write_acled_file
from tracker.domain.events import BattlefieldEvent
from tracker.services.imports.importing import ImportFormat, import_events
from tracker.storage.database import Database
from tracker.storage.map_cells import GRID_DEGREES, TRIGGER_PREFIX, sqlite_triggers

BULK_ROWS = 12_000
CELLS = ("SELECT grid, period, cell_x, cell_y, day, event_type, target_category, events "
         "FROM event_map_cell ORDER BY 1, 2, 3, 4, 5, 6, 7")


def _direct(grid: int, period: int, dialect: str) -> str:
    """The cells of *grid* per day (period 0) or month (1) counted straight from the
    events (floor() spelled for each database: every coordinate here is inside the world,
    so the shifted values are never negative and SQLite's integer cast is the floor)."""
    size = GRID_DEGREES[grid]
    floor = "CAST(floor({}) AS INTEGER)" if dialect == "postgresql" else "CAST({} AS INTEGER)"
    month = ("CAST(date_trunc('month', event_date) AS DATE)" if dialect == "postgresql"
             else "date(event_date, 'start of month')")
    day = "event_date" if period == 0 else month
    x = floor.format(f"(longitude + 180.0) / {size!r}")
    y = floor.format(f"(latitude + 90.0) / {size!r}")
    return (f"SELECT {grid}, {period}, {x} AS x, {y} AS y, {day} AS d, event_type, "
            "target_category, count(*) FROM battlefield_event "
            "WHERE latitude IS NOT NULL AND longitude IS NOT NULL "
            "GROUP BY x, y, d, event_type, target_category")


def _as_text(row: Any) -> tuple[Any, ...]:
    """A row with its day as SQLite returns it (ISO text); PostgreSQL returns a date."""
    return tuple(value.isoformat() if isinstance(value, date) else value for value in row)


def cells(db: Database) -> list[tuple[Any, ...]]:
    """The cell counts, after checking they equal a direct count of the events."""
    with db.engine.connect() as connection:
        dialect = connection.dialect.name
        kept = [_as_text(row) for row in connection.exec_driver_sql(CELLS).all()]
        direct = sorted(_as_text(row) for grid in range(len(GRID_DEGREES)) for period in (0, 1)
                        for row in connection.exec_driver_sql(
                            _direct(grid, period, dialect)).all())
    assert kept == direct
    return kept


def event(external_id: str, day: date, lat: float | None, lon: float | None, *,
          kind: str = "Battles", category: str = "energy") -> BattlefieldEvent:
    return BattlefieldEvent(dataset="TEST", external_id=external_id, event_date=day,
                            event_type=kind, target_category=category, latitude=lat,
                            longitude=lon, summary=external_id)


D1, D2 = date(2024, 2, 28), date(2024, 2, 29)


@pytest.fixture
def four(db: Database) -> Database:
    with db.transaction() as session:
        session.add_all([
            event("kyiv-a", D1, 50.45, 30.52), event("kyiv-b", D1, 50.45, 30.52),
            event("kharkiv", D2, 49.99, 36.23, kind="Riots", category=""),
            event("nowhere", D2, None, None),  # no coordinates: not on the map
        ])
    return db


def test_inserts_are_counted_in_every_grid(four: Database) -> None:
    rows = cells(four)
    assert len(rows) == 2 * 2 * len(GRID_DEGREES)  # two places, by day and by month
    kyiv = [row for row in rows if row[5] == "Battles"]
    assert [row[-1] for row in kyiv] == [2] * 2 * len(GRID_DEGREES)
    # Grid 0 (2°): Kyiv's longitude 30.52 is in cell floor(210.52 / 2) = 105.
    assert kyiv[0][:5] == (0, 0, 105, 70, "2024-02-28")
    assert kyiv[1][:5] == (0, 1, 105, 70, "2024-02-01")


def test_updates_move_events_between_cells(four: Database) -> None:
    with four.transaction() as session:
        session.execute(update(BattlefieldEvent).where(
            BattlefieldEvent.external_id == "kyiv-b").values(latitude=46.48, longitude=30.73))
        session.execute(update(BattlefieldEvent).where(
            BattlefieldEvent.external_id == "nowhere").values(latitude=47.84, longitude=35.14))
        session.execute(update(BattlefieldEvent).where(
            BattlefieldEvent.external_id == "kharkiv").values(target_category="transport"))
        session.execute(update(BattlefieldEvent).where(
            BattlefieldEvent.external_id == "kyiv-a").values(summary="edited"))
    rows = cells(four)
    assert sum(row[-1] for row in rows if row[:2] == (0, 0)) == 4
    with four.transaction() as session:  # coordinates taken away: off the map
        session.execute(update(BattlefieldEvent).where(
            BattlefieldEvent.external_id == "nowhere").values(latitude=None))
    assert sum(row[-1] for row in cells(four) if row[:2] == (0, 0)) == 3


def test_deletes_take_the_counts_away_and_empty_rows_go(four: Database) -> None:
    with four.transaction() as session:
        session.execute(delete(BattlefieldEvent).where(
            BattlefieldEvent.external_id.in_(("kyiv-a", "kharkiv"))))
    rows = cells(four)
    assert [row[-1] for row in rows] == [1] * 2 * len(GRID_DEGREES)
    with four.transaction() as session:
        session.execute(delete(BattlefieldEvent))
    assert cells(four) == []


@pytest.mark.sqlite_only  # SQLite's bulk mode drops the triggers and recounts
def test_a_bulk_import_recounts_and_puts_the_triggers_back(
        db: Database, tmp_path: Path) -> None:
    import_events(db, write_acled_file(tmp_path / "acled.csv", BULK_ROWS), ImportFormat.ACLED)
    rows = cells(db)
    assert sum(row[-1] for row in rows if row[:2] == (0, 0)) == BULK_ROWS
    with db.engine.connect() as connection:
        names = {name for (name,) in connection.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE "
            f"'{TRIGGER_PREFIX}%'")}
    assert names == set(sqlite_triggers())
    with db.transaction() as session:  # and they work again
        session.add(event("typed", date(2031, 1, 1), 44.6, 33.5))
    assert sum(row[-1] for row in cells(db) if row[:2] == (0, 0)) == BULK_ROWS + 1
