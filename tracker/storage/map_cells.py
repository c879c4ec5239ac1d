"""Event counts per map cell and day (event_map_cell): filled from the events, kept by triggers.

The map draws events as density cells: a square of the longitude/latitude grid, counted
per day, event type and target category, at a few fixed grid sizes (GRID_DEGREES, each a
quarter of the one before, so one cell of a coarse grid is exactly 4 × 4 cells of the
next). Each cell is counted twice: per day, and per calendar month (``period``), so a
view of four years sums 48 rows a cell, not 1,400; the days of a partial month at
either end of the range come from the day rows. Panning or zooming reads the few cell
rows in view for the dates shown, never the events themselves.

Like the per-day counts (storage.day_counts), SQLite triggers keep the rows equal to the
events on every insert, update and delete; a bulk load drops them with the other derived
structures and calls ``recount`` once (storage.derived_structures). On PostgreSQL one
plpgsql function runs the same statements.

Cells are numbered from the south-west corner of the world: ``x = floor((lon + 180) /
size)``, ``y = floor((lat + 90) / size)``; both are never negative, so SQLite's integer
cast (which truncates) is the floor.
"""

from __future__ import annotations

from itertools import product

from sqlalchemy import text
from sqlalchemy.engine import Connection

from tracker.storage.counted_events import COUNTED_SQL

TABLE = "event_map_cell"
# Grid sizes in degrees, coarsest first: a continent, a country, an oblast, a town.
GRID_DEGREES = (2.0, 0.5, 0.125, 0.03125)
FINEST = len(GRID_DEGREES) - 1
SPLIT = 4  # cells of one grid per cell of the next coarser one, each way
DAY, MONTH = 0, 1  # the periods a row counts: the day, or the month starting on ``day``
KEY = ("grid", "period", "cell_x", "cell_y", "day", "event_type", "target_category")

# Rows by day for the partial months at either end of a range (domain/map_cells.py).
DAY_INDEX = "ix_event_map_cell_day"
DAY_INDEX_COLUMNS = ("grid", "period", "day", "cell_x", "cell_y", "events")

TRIGGER_PREFIX = "battlefield_event_map_"
# Columns whose change moves an event between cell rows; an update of anything else
# (the summary, a re-import of the same record) leaves the counts alone.
COUNTED_COLUMNS = ("latitude", "longitude", "event_date", "event_type", "target_category",
                   "record_status")


def counted_condition(row: str) -> str:
    """Which events the map counts, for the row named *row* ("new", "old", or the table):
    the events that count anywhere (storage.counted_events) and have coordinates."""
    return (f"{row}.latitude IS NOT NULL AND {row}.longitude IS NOT NULL "
            f"AND {row}.{COUNTED_SQL}")


def _cell(row: str, column: str, origin: int, size: float, dialect: str) -> str:
    value = f"({row}.{column} + {origin}.0) / {size!r}"
    if dialect == "postgresql":
        return f"CAST(floor({value}) AS INTEGER)"
    return f"CAST({value} AS INTEGER)"


def month_start(column: str, dialect: str) -> str:
    """SQL for the first day of *column*'s month (SQLite's ISO text or a real date)."""
    if dialect == "postgresql":
        return f"CAST(date_trunc('month', {column}) AS DATE)"
    return f"date({column}, 'start of month')"


def _days(row: str, dialect: str) -> tuple[tuple[int, str], ...]:
    return ((DAY, f"{row}.event_date"), (MONTH, month_start(f"{row}.event_date", dialect)))


def _add(row: str, dialect: str) -> str:
    """What one counted event adds to its cell rows, one statement per grid and period."""
    statements = []
    for (grid, size), (period, day) in product(enumerate(GRID_DEGREES), _days(row, dialect)):
        statements.append(
            f"INSERT INTO {TABLE} ({', '.join(KEY)}, events) SELECT {grid}, {period}, "
            f"{_cell(row, 'longitude', 180, size, dialect)}, "
            f"{_cell(row, 'latitude', 90, size, dialect)}, {day}, "
            f"{row}.event_type, {row}.target_category, 1 WHERE {counted_condition(row)} "
            f"ON CONFLICT ({', '.join(KEY)}) DO UPDATE SET events = {TABLE}.events + 1;")
    return " ".join(statements)


def _remove(row: str, dialect: str) -> str:
    statements = []
    for (grid, size), (period, day) in product(enumerate(GRID_DEGREES), _days(row, dialect)):
        where = (f"grid = {grid} AND period = {period} "
                 f"AND cell_x = {_cell(row, 'longitude', 180, size, dialect)} "
                 f"AND cell_y = {_cell(row, 'latitude', 90, size, dialect)} "
                 f"AND day = {day} AND event_type = {row}.event_type "
                 f"AND target_category = {row}.target_category")
        statements.append(f"UPDATE {TABLE} SET events = events - 1 WHERE {where};")
        statements.append(f"DELETE FROM {TABLE} WHERE {where} AND events = 0;")
    return " ".join(statements)


def sqlite_triggers() -> dict[str, str]:
    """The SQLite triggers by name. An update is two triggers (take the old row's counts
    away, add the new row's), each firing only when its row is counted."""
    updated = f"AFTER UPDATE OF {', '.join(COUNTED_COLUMNS)} ON battlefield_event"
    return {
        f"{TRIGGER_PREFIX}insert":
            f"CREATE TRIGGER {TRIGGER_PREFIX}insert AFTER INSERT ON battlefield_event "
            f"WHEN {counted_condition('new')} BEGIN {_add('new', 'sqlite')} END",
        f"{TRIGGER_PREFIX}delete":
            f"CREATE TRIGGER {TRIGGER_PREFIX}delete AFTER DELETE ON battlefield_event "
            f"WHEN {counted_condition('old')} BEGIN {_remove('old', 'sqlite')} END",
        f"{TRIGGER_PREFIX}update_old":
            f"CREATE TRIGGER {TRIGGER_PREFIX}update_old {updated} "
            f"WHEN {counted_condition('old')} BEGIN {_remove('old', 'sqlite')} END",
        f"{TRIGGER_PREFIX}update_new":
            f"CREATE TRIGGER {TRIGGER_PREFIX}update_new {updated} "
            f"WHEN {counted_condition('new')} BEGIN {_add('new', 'sqlite')} END",
    }


POSTGRES_FUNCTION = "battlefield_event_map_cells"
POSTGRES_TRIGGERS = {
    f"{TRIGGER_PREFIX}insert_delete": "AFTER INSERT OR DELETE",
    f"{TRIGGER_PREFIX}update": f"AFTER UPDATE OF {', '.join(COUNTED_COLUMNS)}",
}


def postgres_ddl() -> list[str]:
    """The function and triggers that keep the cell counts current on PostgreSQL."""
    function = (
        f"CREATE FUNCTION {POSTGRES_FUNCTION}() RETURNS trigger AS $$ BEGIN "
        # Nested: OLD is unset on INSERT and NEW on DELETE, and SQL does not promise
        # to skip the right side of an AND.
        f"IF TG_OP IN ('DELETE', 'UPDATE') THEN IF {counted_condition('OLD')} THEN "
        f"{_remove('OLD', 'postgresql')} END IF; END IF; "
        f"IF TG_OP IN ('INSERT', 'UPDATE') THEN IF {counted_condition('NEW')} THEN "
        f"{_add('NEW', 'postgresql')} END IF; END IF; "
        "RETURN NULL; END; $$ LANGUAGE plpgsql"
    )
    return [function] + [
        f"CREATE TRIGGER {name} {when} ON battlefield_event FOR EACH ROW "
        f"EXECUTE FUNCTION {POSTGRES_FUNCTION}()"
        for name, when in POSTGRES_TRIGGERS.items()
    ]


def create_triggers(connection: Connection) -> None:
    """Create what keeps the counts current, for this connection's database."""
    if connection.dialect.name == "postgresql":
        statements = postgres_ddl()
    elif connection.dialect.name == "sqlite":
        statements = list(sqlite_triggers().values())
    else:
        return
    for sql in statements:
        connection.exec_driver_sql(sql)


def recount(connection: Connection) -> None:
    """Count every cell again from the events (after a bulk load, or once on upgrade).

    One pass over the events, for the finest grid's days; each coarser grid is then
    summed from the grid below it (fewer rows than events): a coarse cell is exactly
    SPLIT × SPLIT cells of the next grid, and integer division is the floor for the
    non-negative cell numbers. Months likewise: the finest grid's months from its days,
    each coarser grid's from the months of the grid below (a month of a coarse cell is
    the sum of its finer cells' months), so the month of a day is worked out once per
    finest-grid row instead of once per row of every grid.
    """
    dialect = connection.dialect.name
    size = GRID_DEGREES[FINEST]
    columns = ", ".join(KEY)
    # The day index is built once at the end (one sort) instead of row by row in day
    # order, which is not the order the rows are written in: half the recount's time.
    connection.execute(text(f"DROP INDEX IF EXISTS {DAY_INDEX}"))
    key = _drop_primary_key(connection)
    connection.execute(text(f"DELETE FROM {TABLE}"))
    connection.execute(text(
        f"INSERT INTO {TABLE} ({columns}, events) "
        f"SELECT {FINEST}, {DAY}, {_cell('e', 'longitude', 180, size, dialect)} AS x, "
        f"{_cell('e', 'latitude', 90, size, dialect)} AS y, e.event_date, e.event_type, "
        f"e.target_category, count(*) FROM battlefield_event AS e "
        f"WHERE {counted_condition('e')} "
        "GROUP BY x, y, e.event_date, e.event_type, e.target_category"))
    connection.execute(text(
        f"INSERT INTO {TABLE} ({columns}, events) "
        f"SELECT {FINEST}, {MONTH}, cell_x, cell_y, {_month_of_day(dialect)} AS month, "
        f"event_type, target_category, sum(events) FROM {TABLE} "
        f"WHERE grid = {FINEST} AND period = {DAY} "
        "GROUP BY cell_x, cell_y, month, event_type, target_category"))
    for grid in range(FINEST - 1, -1, -1):
        for period in (DAY, MONTH):
            connection.execute(text(
                f"INSERT INTO {TABLE} ({columns}, events) "
                f"SELECT {grid}, {period}, cell_x / {SPLIT} AS x, cell_y / {SPLIT} AS y, "
                f"day, event_type, target_category, sum(events) FROM {TABLE} "
                f"WHERE grid = {grid + 1} AND period = {period} "
                "GROUP BY x, y, day, event_type, target_category"))
    if key is not None:
        connection.exec_driver_sql(f"ALTER TABLE {TABLE} ADD CONSTRAINT {key}")
    connection.execute(text(
        f"CREATE INDEX {DAY_INDEX} ON {TABLE} ({', '.join(DAY_INDEX_COLUMNS)})"))


def _drop_primary_key(connection: Connection) -> str | None:
    """On PostgreSQL, drop the cells' primary key for the recount and return the text that
    adds it again (name and definition); None elsewhere. Kept while the rows go in, each
    insert stepped through the key's B-tree at a random place: a fifth of the recount.
    Built again at the end it is one sort, and it still refuses a duplicate cell. The DDL
    is transactional, and takes the lock the day index's DROP INDEX already holds."""
    if connection.dialect.name != "postgresql":
        return None  # SQLite cannot drop a primary key; the table is small there anyway
    found = connection.execute(text(
        "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint "
        "WHERE conrelid = to_regclass(:table) AND contype = 'p'"), {"table": TABLE}).first()
    if found is None:
        return None
    name, definition = found
    connection.exec_driver_sql(f'ALTER TABLE {TABLE} DROP CONSTRAINT "{name}"')
    return f'"{name}" {definition}'


def _month_of_day(dialect: str) -> str:
    """The first of the month of the ``day`` column: on SQLite, whose days are ISO text,
    cut from the text (a third of the cost of date(…, 'start of month'))."""
    if dialect == "sqlite":
        return "substr(day, 1, 8) || '01'"
    return month_start("day", dialect)


def counts_are_kept(connection: Connection) -> bool:
    """Whether triggers keep the cell counts current (SQLite and PostgreSQL)."""
    return connection.dialect.name in ("sqlite", "postgresql")
