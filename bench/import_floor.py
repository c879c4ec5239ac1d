"""The app-schema floor of an ACLED import: the sqlite3 shell alone loads the same file into
the same schema, as fast as SQLite itself can.

    python bench/import_floor.py sql EMPTY_DB CSV OUT_SQL   # write the script
    python bench/import_floor.py check FLOOR_DB TRACKER_DB  # compare the two results

The script (run as ``sqlite3 COPY_OF_EMPTY_DB < OUT_SQL``) does what a bulk import does,
in SQL only: the file ``.import``-ed into a staging table as text, then one transaction
that drops the events' derived structures, converts and inserts every row with
INSERT…SELECT (ids given, so the raw records go in by id), stores the record texts,
counts the days and the map cells with the app's own statements, rebuilds the full-text
index in one segment as the app does (storage.full_text_build's setting) and creates the
app's indexes and triggers again (their CREATE statements read from the empty database).
It validates nothing, rejects nothing and runs no category rules: it is the floor the
tracker's import cannot go under, not a second importer.

``check`` compares the floor's database with the tracker's, column by column for the
imported fields, and the derived tables by their content; it prints what differs.
"""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

from tracker.storage import map_cells
from tracker.storage.day_counts import RECOUNT_SQL
from tracker.storage.derived_structures import DERIVED_TRIGGERS
from tracker.storage.full_text_build import (
    DEFAULT_HASH_BYTES,
    FULL_TEXT_TABLE,
    REBUILD_HASH_BYTES,
)

STAMP = "2026-01-01 00:00:00.000000"
# battlefield_event column: SQL over the staging table's ACLED columns (all text).
_EVENT = {
    "id": "rowid",
    "dataset": "'ACLED'",
    "external_id": "event_id_cnty",
    "event_date": "event_date",
    "date_precision": "CASE time_precision WHEN '1' THEN 'day' WHEN '2' THEN 'week' "
                      "ELSE 'month' END",
    "event_type": "event_type",
    "sub_event_type": "sub_event_type",
    "target_category": "'unknown'",
    "target_source": "'rule'",
    "actor1": "actor1",
    "actor2": "actor2",
    "assoc_actor_1": "assoc_actor_1",
    "assoc_actor_2": "assoc_actor_2",
    "admin1": "admin1",
    "admin2": "admin2",
    "location": "location",
    "latitude": "CAST(nullif(latitude, '') AS REAL)",
    "longitude": "CAST(nullif(longitude, '') AS REAL)",
    "fatalities": "CAST(nullif(fatalities, '') AS INTEGER)",
    "summary": "notes",
    "interaction": "interaction",
    "reported_by": "source",
    "source_updated": "CAST(timestamp AS INTEGER)",
    "import_run_id": "1",
    "country": "country",
    "country_code": "'UKR'",
    "record_status": "'current'",
    "source_release": "'ACLED timestamp ' || timestamp",
    "release_rank": "CAST(timestamp AS INTEGER)",
    "imported_at": f"'{STAMP}'",
    "first_imported_at": f"'{STAMP}'",
}
# What ``check`` compares row by row (the constants and stamps differ by design).
COMPARED = ("external_id", "event_date", "date_precision", "event_type", "sub_event_type",
            "actor1", "actor2", "admin1", "admin2", "location", "latitude", "longitude",
            "fatalities", "summary", "interaction", "reported_by", "source_updated",
            "country", "release_rank")


def _raw_text(header: list[str]) -> str:
    """The record's CSV line again, quoted where the file would quote it."""
    fields = [f"""CASE WHEN "{name}" GLOB '*[,"]*' THEN '"' || replace("{name}", '"', '""')"""
              f""" || '"' ELSE "{name}" END""" for name in header]
    return " || ',' || ".join(fields)


class _Recorder:
    """Stands in for a connection: keeps the SQL map_cells.recount would run."""

    class dialect:
        name = "sqlite"

    def __init__(self) -> None:
        self.statements: list[str] = []

    def execute(self, statement: object) -> None:
        self.statements.append(str(statement))


def derived_statements(empty_db: Path) -> list[tuple[str, str, str]]:
    """(kind, name, CREATE sql) of the events' secondary indexes and derived triggers."""
    with sqlite3.connect(empty_db) as connection:
        found = connection.execute(
            "SELECT type, name, sql FROM sqlite_master WHERE tbl_name = 'battlefield_event' "
            "AND type IN ('index', 'trigger') AND sql IS NOT NULL").fetchall()
    return [(kind, name, sql) for kind, name, sql in found
            if kind == "index" or name.startswith(DERIVED_TRIGGERS)]


def floor_sql(empty_db: Path, csv: Path) -> str:
    header = csv.open(encoding="utf-8").readline().strip().split(",")
    derived = derived_statements(empty_db)
    cells = _Recorder()
    map_cells.recount(cells)  # type: ignore[arg-type]
    names = ", ".join(_EVENT)
    lines = [
        # A new file's first load in a rollback journal, as the tracker's (first_load.py).
        ".bail on", "PRAGMA journal_mode=DELETE;", "PRAGMA synchronous=NORMAL;",
        "PRAGMA foreign_keys=ON;",
        "PRAGMA cache_size=-262144;", "PRAGMA threads=2;",
        "CREATE TEMP TABLE staging (" + ", ".join(f'"{name}" TEXT' for name in header) + ");",
        f".import --csv --skip 1 --schema temp '{csv}' staging",
        "BEGIN;",
        *(f'DROP {kind.upper()} "{name}";' for kind, name, _sql in derived),
        "INSERT INTO import_run (id, dataset, layout, file_name, file_size, encoding, "
        "header, started_at, finished_at, records, added, updated, unchanged, rejected) "
        f"VALUES (1, 'ACLED', 'ACLED export', '{csv.name}', {csv.stat().st_size}, 'UTF-8', "
        f"'', '{STAMP}', '{STAMP}', 0, 0, 0, 0, 0);",
        f"INSERT INTO battlefield_event ({names}) SELECT {', '.join(_EVENT.values())} "
        "FROM staging;",
        "INSERT INTO battlefield_event_raw (event_id, raw) "
        f"SELECT rowid, {_raw_text(header)} FROM staging;",
        "DROP TABLE staging;",
        "DELETE FROM event_day_count;", f"{RECOUNT_SQL};",
        f"INSERT INTO {FULL_TEXT_TABLE}({FULL_TEXT_TABLE}, rank) "
        f"VALUES ('hashsize', {REBUILD_HASH_BYTES});",
        f"INSERT INTO {FULL_TEXT_TABLE}({FULL_TEXT_TABLE}) VALUES ('rebuild');",
        f"INSERT INTO {FULL_TEXT_TABLE}({FULL_TEXT_TABLE}, rank) "
        f"VALUES ('hashsize', {DEFAULT_HASH_BYTES});",
        *(f"{sql};" for sql in cells.statements),
        *(f"{sql};" for _kind, _name, sql in derived),
        "COMMIT;", "PRAGMA journal_mode=WAL;",
    ]
    return "\n".join(lines) + "\n"


def check(floor_db: Path, tracker_db: Path) -> list[str]:
    """What differs between the two databases' imported content ([] when nothing)."""
    problems = []
    with sqlite3.connect(floor_db) as connection:
        connection.execute("ATTACH DATABASE ? AS app", (str(tracker_db),))
        for table, columns in (("battlefield_event", ", ".join(COMPARED)),
                               ("event_day_count", "day, event_type, date_precision, "
                                "events, fatalities, injuries"),
                               ("event_map_cell", "grid, period, cell_x, cell_y, day, "
                                "event_type, events")):
            for one, other in (("main", "app"), ("app", "main")):
                differing = connection.execute(
                    f"SELECT count(*) FROM (SELECT {columns} FROM {one}.{table} "
                    f"EXCEPT SELECT {columns} FROM {other}.{table})").fetchone()[0]
                if differing:
                    problems.append(f"{differing:,} rows of {one}.{table} not in {other}'s")
        raw = connection.execute(
            "SELECT count(*) FROM main.battlefield_event_raw r JOIN main.battlefield_event e "
            "ON e.id = r.event_id JOIN app.battlefield_event a ON a.external_id = "
            "e.external_id JOIN app.battlefield_event_raw ar ON ar.event_id = a.id "
            "WHERE ar.raw <> r.raw").fetchone()[0]
        if raw:
            problems.append(f"{raw:,} record texts differ")
        for query in ("shelling", "kharkiv", "drone"):
            found = [connection.execute(
                f"SELECT count(*) FROM {schema}.battlefield_event_fts WHERE "
                f"battlefield_event_fts MATCH ?", (query,)).fetchone()[0]
                for schema in ("main", "app")]
            if found[0] != found[1]:
                problems.append(f"full-text {query!r}: {found[0]} against {found[1]}")
        segments = [connection.execute(
            f"SELECT count(DISTINCT segid) FROM {schema}.{FULL_TEXT_TABLE}_idx").fetchone()[0]
            for schema in ("main", "app")]
        if segments[0] != segments[1]:
            problems.append(f"full-text segments: {segments[0]} against {segments[1]}")
        schemas = [sorted(row[0] for row in connection.execute(
            f"SELECT sql FROM {schema}.sqlite_master WHERE sql IS NOT NULL"))
            for schema in ("main", "app")]
        if schemas[0] != schemas[1]:
            problems.append("the schemas differ")
    return problems


def main() -> None:
    if sys.argv[1:2] == ["sql"] and len(sys.argv) == 5:
        Path(sys.argv[4]).write_text(floor_sql(Path(sys.argv[2]), Path(sys.argv[3])))
    elif sys.argv[1:2] == ["check"] and len(sys.argv) == 4:
        problems = check(Path(sys.argv[2]), Path(sys.argv[3]))
        print("\n".join(problems) if problems else "same content")
        sys.exit(1 if problems else 0)
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
