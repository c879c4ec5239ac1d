"""``tracker import`` against the sqlite3 CLI's ``.import --csv`` and pandas, same file.

    python bench/bench_import.py [--rows N] [--repeat K] [--data FILE]

Every run starts from no database file and ends when its process has exited (data
committed, connection closed), so each side pays its own start-up and its own commit:

- tracker:  ``tracker import --db NEW.db --format acled FILE`` — the normalised events,
  their indexes, the FTS5 index and the import run, through the real command.
- sqlite3:  ``sqlite3 NEW.db ".import --csv FILE events"`` — every column as text into a
  bare table the shell creates from the header: no parsing, no index, no search.
- pandas:   ``read_csv`` + ``to_sql`` into a new SQLite file (harness_pandas.py), with
  pandas' defaults and with the fastest variant we found (text columns, 100,000-row
  chunks). No index either.

Targets: tracker ≤ 1.5× the sqlite3 CLI, and faster than pandas (both variants).
Each run's row count is checked afterwards, outside the timing.
"""

from __future__ import annotations

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
    interleaved,
    log,
    main_for,
    python,
    remove_database,
    run_child,
    sqlite3_cli,
    table_rows,
    tracker_command,
)

NAME = "import"


def run(options: Options) -> list[Comparison]:
    csv, rows = acled_csv(options)
    folder = options.work / "import"
    folder.mkdir(exist_ok=True)
    rss: dict[str, Samples] = {}

    def timed(name: str, command: list[str], db: Path, table: str) -> float:
        remove_database(db)
        child = run_child(command)
        found = table_rows(db, table)
        if found != rows:
            raise SystemExit(f"{name}: {found:,} rows in {db}, expected {rows:,}")
        rss.setdefault(name, Samples()).add(child.max_rss_bytes / 2**20)
        return child.seconds

    dbs = {name: folder / f"{name.replace(' ', '_').replace('.', '')}.db"
           for name in ("tracker import", "sqlite3 .import", "pandas default", "pandas tuned")}
    commands = {
        "tracker import": [*tracker_command(), "import", "--db", str(dbs["tracker import"]),
                           "--format", "acled", str(csv)],
        "sqlite3 .import": [sqlite3_cli(), str(dbs["sqlite3 .import"]),
                            f".import --csv '{csv}' events"],
        "pandas default": [python(), str(BENCH / "harness_pandas.py"), "default", str(csv),
                           str(dbs["pandas default"])],
        "pandas tuned": [python(), str(BENCH / "harness_pandas.py"), "tuned", str(csv),
                         str(dbs["pandas tuned"])],
    }
    tables = {name: "battlefield_event" if name == "tracker import" else "events"
              for name in commands}

    def case(name: str) -> Callable[[], float]:
        return lambda: timed(name, commands[name], dbs[name], tables[name])

    log(f"import: {rows:,} rows from {csv}, {options.repeat} rounds")
    samples = interleaved({name: case(name) for name in commands}, options.repeat,
                          label="import ")

    # The last tracker database is a finished import of this file by the importer as it
    # is now: the other benchmarks open it instead of importing the same file again.
    adopt_tracker_db(cached_tracker_db(options, csv), csv, dbs["tracker import"])
    for db in dbs.values():
        remove_database(db)

    subject = samples["tracker import"]
    peak = {name: f"{values.median:.0f}" for name, values in rss.items()}
    note = f"{rows:,} rows; peak RSS MiB " + ", ".join(f"{k} {v}" for k, v in peak.items())
    return [
        comparison(NAME, "tracker import", "sqlite3 .import --csv", subject,
                   samples["sqlite3 .import"], "s", Target("≤ 1.5×", max_ratio=1.5),
                   note),
        comparison(NAME, "tracker import", "pandas read_csv+to_sql (defaults)", subject,
                   samples["pandas default"], "s", Target("faster", below_one=True)),
        comparison(NAME, "tracker import", "pandas (text, 100k chunks)", subject,
                   samples["pandas tuned"], "s", Target("faster", below_one=True)),
    ]


def main() -> None:
    main_for(NAME, __doc__ or NAME, run)


if __name__ == "__main__":
    main()
