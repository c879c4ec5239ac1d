"""``tracker import`` against the sqlite3 shell, pandas and the app-schema floor, same file.

    python bench/bench_import.py [--rows N] [--repeat K] [--data FILE] [--scaling 100000,300000]

Every run starts from no database file (or, for the floor, a copy of an empty tracker
database) and ends when its process has exited (data committed, connection closed), so
each side pays its own start-up and its own commit:

- tracker usable-first: ``tracker import --usable-first`` — the events committed as soon
  as they can be browsed, counted and filtered by date and type, then the full-text
  index, the map's cells and the secondary indexes built, each committed on its own.
  Two times: *usable* (the process's wall time less the build after the commit, which
  the command prints) and *built* (the whole process).
- app-schema floor: the sqlite3 shell alone loads the file into the same schema
  (import_floor.py: staging ``.import``, INSERT…SELECT, raw records, day counts, map
  cells, full-text index, the same indexes and triggers); checked once against the
  tracker's database, column by column.
- sqlite3 .import: ``sqlite3 NEW.db ".import --csv FILE events"`` — every column as text
  into a bare table: no parsing, no index, no search.
- pandas to_sql: ``read_csv`` + ``to_sql`` with pandas' defaults (harness_pandas.py), what
  most people write to get a file into SQLite; no index either.

Targets (issue 19): time to usable ≤ 1.5× pandas' to_sql; everything built ≤ 1.0× the
app-schema floor; the bare ``.import`` × 1.5 stays the long-range goal for usable.
``--scaling`` repeats the comparison at smaller sizes (one line each) before the main one.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from common import (
    BENCH,
    Comparison,
    Options,
    Samples,
    Target,
    acled_csv,
    adopt_tracker_db,
    cached_tracker_db,
    comparison,
    empty_tracker_db,
    interleaved,
    log,
    need_pandas,
    parser,
    print_machine,
    print_table,
    python,
    remove_database,
    run_child,
    save_results,
    sqlite3_cli,
    table_rows,
    tracker_command,
)

NAME = "import"
_TIMES = re.compile(r"usable after ([\d.]+) s, everything built after ([\d.]+) s")
USABLE, BUILT = "tracker usable", "tracker built"
FLOOR, BARE, PANDAS = "app-schema floor", "sqlite3 .import", "pandas to_sql"


def _copy(source: Path, target: Path) -> None:
    remove_database(target)
    target.write_bytes(source.read_bytes())


def measure(options: Options, csv: Path, rows: int, repeat: int,
            folder: Path) -> tuple[dict[str, Samples], str]:
    """Samples of every side at *rows*, and the floor's check against the tracker."""
    empty = empty_tracker_db(options)
    floor_sql = folder / "floor.sql"
    run_child([python(), str(BENCH / "import_floor.py"), "sql", str(empty), str(csv),
               str(floor_sql)])
    script = floor_sql.read_text()
    dbs = {name: folder / f"{re.sub(r'[^a-z]+', '_', name)}.db"
           for name in (USABLE, FLOOR, BARE, PANDAS)}
    usable = Samples()

    def tracker(name: str, *flags: str) -> Callable[[], float]:
        # Usable: the wall time less what the command did after the commit (it prints
        # both times from its start); built: the whole process.
        def run() -> float:
            remove_database(dbs[name])
            child = run_child([*tracker_command(), "import", "--db", str(dbs[name]),
                               "--format", "acled", *flags, str(csv)])
            _check_rows(name, dbs[name], "battlefield_event", rows)
            times = _TIMES.search(child.stdout)
            if times is None:
                raise SystemExit(f"{name}: no times in its output:\n{child.stdout}")
            usable.add(child.seconds - (float(times[2]) - float(times[1])))
            return child.seconds
        return run

    def shell(name: str, command: list[str], table: str, stdin: str | None = None,
              start_from: Path | None = None) -> Callable[[], float]:
        def run() -> float:
            if start_from is not None:
                _copy(start_from, dbs[name])
            else:
                remove_database(dbs[name])
            child = run_child(command, stdin_text=stdin)
            _check_rows(name, dbs[name], table, rows)
            return child.seconds
        return run

    cases = {
        BUILT: tracker(USABLE, "--usable-first"),
        FLOOR: shell(FLOOR, [sqlite3_cli(), str(dbs[FLOOR])], "battlefield_event",
                     stdin=script, start_from=empty),
        BARE: shell(BARE, [sqlite3_cli(), str(dbs[BARE]), f".import --csv '{csv}' events"],
                    "events"),
        PANDAS: shell(PANDAS, [python(), str(BENCH / "harness_pandas.py"), "default",
                               str(csv), str(dbs[PANDAS])], "events"),
    }
    log(f"import: {rows:,} rows from {csv}, {repeat} rounds")
    samples = interleaved(cases, repeat, label=f"import {rows:,} ")
    samples[USABLE] = usable
    checked = run_child([python(), str(BENCH / "import_floor.py"), "check", str(dbs[FLOOR]),
                         str(dbs[USABLE])], ok_codes=(0, 1)).stdout.strip()
    # The last tracker database is a finished import of this file by the importer as
    # it is now: the other benchmarks open it instead of importing the same file again.
    if rows == options.rows:
        adopt_tracker_db(cached_tracker_db(options, csv), csv, dbs[USABLE])
    for db in dbs.values():
        remove_database(db)
    return samples, checked


def _check_rows(name: str, db: Path, table: str, rows: int) -> None:
    found = table_rows(db, table)
    if found != rows:
        raise SystemExit(f"{name}: {found:,} rows in {db}, expected {rows:,}")


def comparisons(samples: dict[str, Samples], rows: int, checked: str) -> list[Comparison]:
    note = f"{rows:,} rows; floor against the tracker's database: {checked}"
    return [
        comparison(NAME, f"{USABLE} ({rows:,})", f"{PANDAS} (defaults)", samples[USABLE],
                   samples[PANDAS], "s", Target("≤ 1.5×", max_ratio=1.5), note),
        comparison(NAME, f"{USABLE} ({rows:,})", f"{BARE} --csv", samples[USABLE],
                   samples[BARE], "s", Target("≤ 1.5× (long-range)", max_ratio=1.5)),
        comparison(NAME, f"{BUILT} ({rows:,})", FLOOR, samples[BUILT], samples[FLOOR], "s",
                   Target("≤ 1.0×", max_ratio=1.0)),
        comparison(NAME, f"{FLOOR} ({rows:,})", f"{BARE} --csv", samples[FLOOR],
                   samples[BARE], "s", None),
    ]


def scaling_for(rows: int) -> tuple[int, ...]:
    """The smaller sizes of the scaling line a run at *rows* measures first (run_all)."""
    return tuple(size for size in (100_000, 300_000) if size < rows) if rows >= 1_000_000 \
        else ()


def run(options: Options, scaling: tuple[int, ...] = ()) -> list[Comparison]:
    folder = options.work / "import"
    folder.mkdir(exist_ok=True)
    results: list[Comparison] = []
    for rows in scaling:  # smaller sizes first, one round each is enough for a shape
        smaller = Options(rows=rows, repeat=options.repeat, data=None, work=options.work,
                          markdown=options.markdown)
        csv, found = acled_csv(smaller)
        samples, checked = measure(smaller, csv, found, max(1, options.repeat // 3), folder)
        results += comparisons(samples, found, checked)
    csv, rows = acled_csv(options)
    samples, checked = measure(options, csv, rows, options.repeat, folder)
    return results + comparisons(samples, rows, checked)


def main() -> None:
    arguments = parser(__doc__ or NAME)
    arguments.add_argument("--scaling", default="",
                           help="comma-separated smaller row counts to measure first "
                                "(e.g. 100000,300000), for the scaling line")
    args = arguments.parse_args()
    need_pandas()
    options = Options.from_args(args)
    scaling = tuple(int(value) for value in args.scaling.split(",") if value.strip())
    results = run(options, scaling)
    print_machine()
    print_table(results, markdown=options.markdown, title=NAME)
    log(f"samples saved in {save_results(options, NAME, results)}")


if __name__ == "__main__":
    main()
