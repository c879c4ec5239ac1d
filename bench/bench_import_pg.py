"""``tracker import`` into PostgreSQL against ``psql \\copy`` and the server-side bulk floor.

    python bench/bench_import_pg.py [--rows N] [--repeat K] [--data FILE]

The server: TRACKER_BENCH_POSTGRES_URL (any database on it; the user must be allowed to
create databases), or else a temporary cluster this script starts itself (initdb into a
temporary folder, pg_ctl on 127.0.0.1 at a free port, as .ci/run does) and stops at the
end; it says which. Every run gets a new database, and ends when its process has exited:

- tracker:  ``tracker import --db postgresql://… --format acled FILE`` into a database
  migrated beforehand (outside the timing): the real command, events, record texts, the
  import run, target suggestions, day counts, map cells, indexes, VACUUM ANALYZE.
- psql \\copy: ``\\copy events FROM FILE CSV HEADER`` into a bare table of text columns
  named from the header: no parsing, no index, no trigger.
- floor:    what the server itself needs to load the file into the app's schema in bulk
  mode, all in one psql script: ``\\copy`` into a text staging table, then INSERT…SELECT
  converting into battlefield_event (indexes dropped, derived triggers off), the record
  texts into battlefield_event_raw, then the day counts and map cells recounted and the
  indexes built again (storage.pg_derived's bulk mode, written out as SQL). It validates
  nothing and suggests no target categories.

Targets (issue 19): tracker ≤ 2× the floor, and ≤ 30× psql \\copy. Each run's row count
is checked afterwards, outside the timing.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from common import (
    REPO,
    Comparison,
    Options,
    Target,
    acled_csv,
    comparison,
    interleaved,
    log,
    main_for,
    python,
    run_child,
    tracker_command,
)

NAME = "import_pg"
URL_VARIABLE = "TRACKER_BENCH_POSTGRES_URL"
# Debian and Ubuntu keep the server programs off PATH, one folder per major version.
_DEBIAN_PG_ROOT = Path("/usr/lib/postgresql")


def pg_bin() -> Path:
    """The folder of the PostgreSQL server programs: pg_ctl's on PATH, else Debian's
    newest; SystemExit when there is none."""
    on_path = shutil.which("pg_ctl")
    if on_path:
        return Path(on_path).resolve().parent  # a link on PATH: its folder holds the rest
    found = sorted(_DEBIAN_PG_ROOT.glob("*/bin"), key=lambda p: int(p.parent.name)) \
        if _DEBIAN_PG_ROOT.is_dir() else []
    if not found:
        raise SystemExit("no PostgreSQL server programs (pg_ctl) on PATH or under "
                         f"{_DEBIAN_PG_ROOT}; set {URL_VARIABLE}")
    return found[-1]


def _as_server_user(command: list[str]) -> list[str]:
    """postgres refuses to run as root: root runs it as the postgres user."""
    return ["runuser", "-u", "postgres", "--", *command] if os.getuid() == 0 else command


@contextmanager
def _server() -> Iterator[str]:
    """The server's URL (to its ``postgres`` database): the given one, or a cluster of
    our own for the length of the run."""
    given = os.environ.get(URL_VARIABLE, "").strip()
    if given:
        log(f"PostgreSQL: {URL_VARIABLE} is given; using that server")
        yield given
        return
    binaries = pg_bin()
    folder = Path(tempfile.mkdtemp(prefix="bench-pg-"))
    if os.getuid() == 0:
        shutil.chown(folder, "postgres")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    data = folder / "data"
    subprocess.run(_as_server_user([str(binaries / "initdb"), "-D", str(data), "-A", "trust",
                                    "-U", "tracker"]), check=True, stdout=subprocess.DEVNULL)
    subprocess.run(_as_server_user([
        str(binaries / "pg_ctl"), "-D", str(data), "-l", str(folder / "server.log"), "-w",
        "-o", f"-h 127.0.0.1 -p {port} -k {folder} -F", "start"]), check=True,
        stdout=subprocess.DEVNULL)
    log(f"PostgreSQL: no {URL_VARIABLE}; started a temporary cluster of our own "
        f"({binaries.parent.name}, port {port}, fsync off as in CI)")
    try:
        yield f"postgresql://tracker@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run(_as_server_user([str(binaries / "pg_ctl"), "-D", str(data), "-m",
                                        "fast", "-w", "stop"]), check=False,
                       stdout=subprocess.DEVNULL)
        shutil.rmtree(folder, ignore_errors=True)


def _psql(url: str, *args: str) -> list[str]:
    return ["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", url, *args]


def _sql(url: str, sql: str) -> str:
    done = subprocess.run(_psql(url, "-At", "-c", sql), capture_output=True, text=True,
                          check=True)
    return done.stdout.strip()


def _new_database(server: str, name: str, *, migrated: bool) -> str:
    _sql(server, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    _sql(server, f'CREATE DATABASE "{name}"')
    url = server.rsplit("/", 1)[0] + f"/{name}"
    if migrated:
        subprocess.run([python(), "-c", "import sys; from tracker.storage.database import "
                        "open_database; open_database(sys.argv[1]).close()", url],
                       check=True, cwd=REPO)
    return url


def _header(csv: Path) -> list[str]:
    with csv.open(encoding="utf-8") as handle:
        return handle.readline().rstrip("\r\n").split(",")


def _floor_script(csv: Path) -> str:
    """The server-side bulk load of *csv* into the app's schema (see the docstring)."""
    names = _header(csv)
    staged = ", ".join(f'"{name}" text' for name in names)
    return FLOOR_SQL.format(staged=staged, csv=str(csv).replace("'", "''"),
                            map_cells=_map_cells_sql())


# The app's conversion of an ACLED row, written as SQL (io.acled_layout); the record text
# is rebuilt from the staged columns (the tracker stores the line as read).
FLOOR_SQL = r"""
BEGIN;
CREATE TEMP TABLE stage ({staged}) ON COMMIT DROP;
\copy stage FROM '{csv}' CSV HEADER
INSERT INTO import_run (dataset, layout, file_name, file_size, encoding, header, started_at,
  finished_at, records, added, updated, unchanged, rejected, release_kind, scope, older,
  withdrawn)
  VALUES ('ACLED', 'ACLED', 'floor', 0, 'UTF-8', '', now(), now(), 0, 0, 0, 0, 0, 'acled',
  '', 0, 0);
CREATE TEMP TABLE dropped ON COMMIT DROP AS SELECT indexname, indexdef FROM pg_indexes i
  WHERE tablename = 'battlefield_event' AND NOT EXISTS (SELECT 1 FROM pg_constraint c
  WHERE c.conindid = to_regclass(quote_ident(i.indexname)));
DO $$ DECLARE r record; BEGIN
  FOR r IN SELECT indexname FROM dropped LOOP EXECUTE 'DROP INDEX ' || quote_ident(r.indexname);
  END LOOP; END $$;
ALTER TABLE battlefield_event DISABLE TRIGGER battlefield_event_day_insert_delete;
ALTER TABLE battlefield_event DISABLE TRIGGER battlefield_event_day_update;
ALTER TABLE battlefield_event DISABLE TRIGGER battlefield_event_map_insert_delete;
ALTER TABLE battlefield_event DISABLE TRIGGER battlefield_event_map_update;
WITH inserted AS (
  INSERT INTO battlefield_event (dataset, external_id, event_date, date_precision,
    event_type, sub_event_type, interaction, actor1, actor2, admin1, admin2, location,
    latitude, longitude, fatalities, summary, reported_by, source_updated, country,
    country_code, assoc_actor_1, assoc_actor_2, import_run_id, imported_at,
    first_imported_at, target_category, source_release, release_rank, record_status)
  SELECT 'ACLED', event_id_cnty, event_date::date,
    CASE time_precision WHEN '1' THEN 'day' WHEN '2' THEN 'week' ELSE 'month' END,
    event_type, sub_event_type, coalesce(interaction, ''), coalesce(actor1, ''),
    coalesce(actor2, ''), coalesce(admin1, ''), coalesce(admin2, ''),
    coalesce(location, ''), latitude::float8, longitude::float8, fatalities::int,
    coalesce(notes, ''), coalesce(source, ''), "timestamp"::bigint, coalesce(country, ''),
    coalesce(iso, ''), coalesce(assoc_actor_1, ''), coalesce(assoc_actor_2, ''),
    currval('import_run_id_seq'), now(), now(), '', 'ACLED export', "timestamp"::bigint,
    'current'
  FROM stage RETURNING id, external_id)
INSERT INTO battlefield_event_raw (event_id, raw)
  SELECT i.id, concat_ws(',', s.*) FROM inserted i JOIN stage s
  ON s.event_id_cnty = i.external_id;
DELETE FROM event_day_count;
INSERT INTO event_day_count (day, event_type, target_category, date_precision, events,
  fatalities, injuries) SELECT event_date, event_type, target_category, date_precision,
  count(*), coalesce(sum(fatalities), 0), coalesce(sum(injuries), 0)
  FROM battlefield_event WHERE record_status = 'current'
  GROUP BY event_date, event_type, target_category, date_precision;
{map_cells}
DO $$ DECLARE r record; BEGIN
  FOR r IN SELECT indexdef FROM dropped LOOP EXECUTE r.indexdef; END LOOP; END $$;
ALTER TABLE battlefield_event ENABLE TRIGGER battlefield_event_day_insert_delete;
ALTER TABLE battlefield_event ENABLE TRIGGER battlefield_event_day_update;
ALTER TABLE battlefield_event ENABLE TRIGGER battlefield_event_map_insert_delete;
ALTER TABLE battlefield_event ENABLE TRIGGER battlefield_event_map_update;
COMMIT;
"""


def _map_cells_sql() -> str:
    """The map cells' recount as the app runs it (storage.map_cells.recount), as SQL."""
    # The recount asks the catalogue for the cells' primary key (which it drops and adds
    # again): the schema's own, as the migrations name it.
    code = ("from sqlalchemy.dialects import postgresql\n"
            "from tracker.storage import map_cells\n"
            "class C:\n"
            "    dialect = postgresql.dialect()\n"
            "    statements = []\n"
            "    def execute(self, clause, *args):\n"
            "        if not str(clause).startswith('SELECT'):\n"
            "            self.statements.append(str(clause))\n"
            "        return self\n"
            "    exec_driver_sql = execute\n"
            "    def first(self):\n"
            "        return ('pk_event_map_cell', 'PRIMARY KEY (grid, period, cell_x, '\n"
            "                'cell_y, day, event_type, target_category)')\n"
            "c = C()\n"
            "map_cells.recount(c)\n"
            "print(';\\n'.join(c.statements) + ';')\n")
    done = subprocess.run([python(), "-c", code], capture_output=True, text=True, check=True,
                          cwd=REPO)
    return done.stdout


def _count(url: str, table: str) -> int:
    return int(_sql(url, f"SELECT count(*) FROM {table}"))


def run(options: Options) -> list[Comparison]:
    csv, rows = acled_csv(options)
    folder = options.work / "import_pg"
    folder.mkdir(exist_ok=True)
    if shutil.which("psql") is None:
        raise SystemExit("psql is needed as a reference (apt-get install postgresql-client)")
    floor_file = folder / "floor.sql"
    floor_file.write_text(_floor_script(csv), encoding="utf-8")
    columns = ", ".join(f'"{name}" text' for name in _header(csv))
    with _server() as server:
        def tracker() -> float:
            url = _new_database(server, "bench_tracker", migrated=True)
            child = run_child([*tracker_command(), "import", "--db", url, "--format",
                               "acled", str(csv)])
            _check("tracker import", _count(url, "battlefield_event"), rows)
            return child.seconds

        def copy() -> float:
            url = _new_database(server, "bench_copy", migrated=False)
            _sql(url, f"CREATE TABLE events ({columns})")
            child = run_child(_psql(url, "-c", f"\\copy events FROM '{csv}' CSV HEADER"))
            _check("psql \\copy", _count(url, "events"), rows)
            return child.seconds

        def floor() -> float:
            url = _new_database(server, "bench_floor", migrated=True)
            child = run_child(_psql(url, "-f", str(floor_file)))
            _check("floor", _count(url, "battlefield_event"), rows)
            return child.seconds

        cases: dict[str, Callable[[], float]] = {
            "tracker import": tracker, "psql \\copy": copy, "floor": floor}
        log(f"import_pg: {rows:,} rows from {csv}, {options.repeat} rounds")
        samples = interleaved(cases, options.repeat, label="import_pg ")
        for name in ("bench_tracker", "bench_copy", "bench_floor"):
            _sql(server, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    subject = samples["tracker import"]
    note = f"{rows:,} rows into PostgreSQL"
    return [
        comparison(NAME, "tracker import (PostgreSQL)", "server-side bulk floor", subject,
                   samples["floor"], "s", Target("≤ 2×", max_ratio=2.0), note),
        comparison(NAME, "tracker import (PostgreSQL)", "psql \\copy (bare text table)",
                   subject, samples["psql \\copy"], "s", Target("≤ 30×", max_ratio=30.0)),
    ]


def _check(name: str, found: int, rows: int) -> None:
    if found != rows:
        raise SystemExit(f"{name}: {found:,} rows, expected {rows:,}")


def main() -> None:
    main_for(NAME, __doc__ or NAME, run)


if __name__ == "__main__":
    main()
