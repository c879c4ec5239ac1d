"""The reconciliation's candidate search on a million events, against the same SQL run by
the sqlite3 CLI.

    python bench/reconcile.py [--rows N] [--repeat K] [--km KM] [--data FILE]

Data: the ACLED rows of tests/acled_generator.py (N of them, imported by ``tracker
import`` and cached like the other benchmarks' database), plus a UCDP-like second dataset
derived from every other ACLED event in SQL: the same day, a point jittered by up to
±0.005° (about half a kilometre), UCDP's type of violence for ACLED's event type, and its
fatalities with a low and high estimate. So N ACLED events are searched against N/2
UCDP-like ones: 1.5 N events in the database.

The tracker side is the service the window and ``tracker reconcile find`` call,
``find_candidates``, in this process, timed from the call to its return inside a
transaction that is then rolled back (so every round starts from no pairs): SQLAlchemy,
the temporary (day, place) table, its index, and every stretch's INSERT … SELECT of
scored pairs all count. The reference is the very SQL it sent (captured with a
``before_cursor_execute`` listener, values written in), run by the ``sqlite3`` shell
with ``.timer on`` between BEGIN and ROLLBACK, once untimed and once timed, after the
pragmas the tracker sets on every connection (foreign keys on: each pair inserted is
checked against its two events on both sides): the sum of the shell's "real" times of the
same statements, the engine alone.

The distance defaults to 2 km, not the window's 10: the generator packs every event into
six boxes of about 45 × 30 km (some 120 events per box per day), where 10 km would give
each event dozens of neighbours, far denser than any real dataset.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import sqlite3
import time
from pathlib import Path
from typing import Any

from bench_query import inline
from common import (
    Comparison,
    Options,
    Samples,
    acled_csv,
    comparison,
    log,
    parser,
    print_machine,
    print_table,
    remove_database,
    run_child,
    save_results,
    sqlite3_cli,
    tracker_db,
)

NAME = "reconcile"
DEFAULT_KM = 2.0
_RUN_TIME = re.compile(r"^Run Time: real ([0-9.]+)", re.MULTILINE)
_CONNECTION_PRAGMAS = "PRAGMA foreign_keys=ON;\nPRAGMA synchronous=NORMAL;\n"
# The UCDP-like copy of every other ACLED event: same day, a jittered point, UCDP's types.
_DERIVE = """
INSERT INTO battlefield_event (dataset, external_id, event_date, event_date_end,
    date_precision, event_type, sub_event_type, target_category, actor1, actor2,
    interaction, admin1, admin2, location, country, latitude, longitude, fatalities,
    fatalities_low, fatalities_high, summary, reported_by, imported_at, record_status)
SELECT 'UCDP GED', 'U' || id, event_date, NULL, 'day',
    CASE event_type WHEN 'Violence against civilians' THEN 'One-sided violence'
        WHEN 'Strategic developments' THEN 'Non-state conflict'
        ELSE 'State-based conflict' END,
    '', '', actor1, actor2, '', admin1, admin2, location, country,
    latitude + (abs(random()) % 1001 - 500) / 100000.0,
    longitude + (abs(random()) % 1001 - 500) / 100000.0,
    fatalities, fatalities, fatalities + id % 3, summary, reported_by, imported_at,
    'current'
FROM battlefield_event WHERE dataset = 'ACLED' AND id % 2 = 0
"""


def two_dataset_db(options: Options) -> tuple[Path, int, int]:
    """The cached ACLED database with the UCDP-like dataset added (made once per CSV and
    schema); its path and the two datasets' sizes."""
    csv, _rows = acled_csv(options)
    base = tracker_db(options, csv)
    path = options.work / f"reconcile_{csv.stem}.db"
    stamp = path.with_name(path.name + ".stamp.json")
    identity = json.dumps({"base": str(base), "size": base.stat().st_size,
                           "mtime": int(base.stat().st_mtime)})
    if not (path.exists() and stamp.exists() and stamp.read_text() == identity):
        log(f"deriving the UCDP-like dataset into {path.name}")
        building = path.with_name(path.name + ".building")
        remove_database(building)
        shutil.copyfile(base, building)
        # Closed (so checkpointed) before the rename: a WAL left beside the old name would
        # hold the rows the renamed file lacks.
        connection = sqlite3.connect(building)
        try:
            connection.execute(_DERIVE)
            connection.commit()
            connection.execute("ANALYZE")
            connection.commit()
        finally:
            connection.close()
        remove_database(path)
        building.replace(path)
        stamp.write_text(identity)
    with sqlite3.connect(path) as connection:
        sizes = dict(connection.execute(
            "SELECT dataset, count(*) FROM battlefield_event GROUP BY dataset").fetchall())
    return path, sizes["ACLED"], sizes["UCDP GED"]


def shell_seconds(db: Path, statements: list[str]) -> float:
    """One shell: the statements between BEGIN and ROLLBACK, untimed, then timed; the sum
    of the timed run's statement times."""
    body = "BEGIN;\n" + "".join(f"{statement};\n" for statement in statements) + "ROLLBACK;\n"
    # The pragmas the tracker sets on every connection (storage/database.py), so the shell
    # checks event_match's foreign keys on every pair as the tracker does.
    script = ".timer on\n.output /dev/null\n" + _CONNECTION_PRAGMAS + body + body
    child = run_child([sqlite3_cli(), "-bail", str(db)], stdin_text=script)
    times = [float(found) for found in _RUN_TIME.findall(child.stdout)]
    times = times[_CONNECTION_PRAGMAS.count(";"):]
    each = len(statements) + 2
    if len(times) != 2 * each:
        raise RuntimeError(f"expected {2 * each} timings from the shell, got "
                           f"{child.stdout[-1000:]!r} {child.stderr[-1000:]!r}")
    return sum(times[each + 1:-1])  # the statements of the timed run, not BEGIN/ROLLBACK


def run(options: Options, km: float) -> list[Comparison]:
    from sqlalchemy import event
    from sqlalchemy.orm import Session

    from tracker.services.reconcile.finding import find_candidates, search_terms
    from tracker.storage.database import open_database

    path, acled, ucdp = two_dataset_db(options)
    db = open_database(path, create=False)
    terms = search_terms("ACLED", "UCDP GED", km)
    captured: list[tuple[str, Any]] = []

    def search() -> tuple[float, int]:
        with db.engine.connect() as connection:
            transaction = connection.begin()
            try:
                started = time.perf_counter()
                result = find_candidates(Session(bind=connection), terms)
                return time.perf_counter() - started, result.proposed
            finally:
                transaction.rollback()

    @event.listens_for(db.engine, "before_cursor_execute")
    def capture(_conn: Any, _cursor: Any, statement: str, parameters: Any, _context: Any,
                _many: bool) -> None:
        captured.append((statement, tuple(parameters or ())))

    log(f"warm-up search, {acled:,} ACLED against {ucdp:,} UCDP-like events, {km:g} km")
    seconds, pairs = search()
    event.remove(db.engine, "before_cursor_execute", capture)
    # The transaction's own BEGIN is the shell script's, around the statements.
    statements = [inline(statement, parameters) for statement, parameters in captured
                  if statement.strip().upper() != "BEGIN"]
    log(f"warm-up: {pairs:,} pairs in {seconds:.1f} s; {len(statements)} statements")

    inside, shell = Samples(), Samples()
    for round_number in range(1, options.repeat + 1):
        seconds, found = search()
        if found != pairs:
            raise RuntimeError(f"round {round_number} found {found:,} pairs, not {pairs:,}")
        inside.add(seconds)
        shell.add(shell_seconds(path, statements))
        log(f"{round_number}/{options.repeat}: {inside.values[-1]:.2f} s in-process, "
            f"{shell.values[-1]:.2f} s shell")
    db.close()
    return [comparison(
        NAME, f"find_candidates, {acled:,} ACLED × {ucdp:,} UCDP-like, {km:g} km",
        "same SQL, sqlite3 shell .timer", inside, shell, "s", None,
        f"{pairs:,} pairs proposed; {len(statements)} statements")]


def main() -> None:
    arguments: argparse.ArgumentParser = parser(__doc__ or NAME)
    arguments.add_argument("--km", type=float, default=DEFAULT_KM,
                           help="the search's largest distance (default %(default)s km)")
    args = arguments.parse_args()
    options = Options.from_args(args)
    results = run(options, args.km)
    print_machine()
    print_table(results, markdown=options.markdown, title=NAME)
    log(f"samples saved in {save_results(options, NAME, results)}")


if __name__ == "__main__":
    main()
