"""The Events view's filter and full-text search on a 1M-event database, against the same
SQL run by the sqlite3 CLI.

    python bench/bench_query.py [--rows N] [--repeat K] [--data FILE]

The tracker side is the Events view's own model, ``EventsTableModel``, over a
``Workspace`` on the database, in this process (Qt's offscreen platform, no window).
What a filter change costs the view is timed end to end: ``refresh()`` (what
``set_filter`` calls when the filter differs: reset, the counts of ``_recount``) and
then ``data()`` for every column of the first 40 rows, what the first paint asks for,
which makes the model's ``PageCache`` fetch the page it needs. So SQLAlchemy compiling
the queries, the sessions (BEGIN/ROLLBACK), SQLite, the rows becoming ``EventRow``s and
the cell texts all count, and the bench follows whatever queries the model issues.

The reference is the very SQL those calls sent to SQLite (captured with a SQLAlchemy
``before_cursor_execute`` listener, bound values written in as literals), run by the
``sqlite3`` shell with ``.timer on`` and output to /dev/null: the sum of the shell's
"real" times of the same SELECTs. Both sides are warm: the in-process connection is
pooled and has run each case once untimed; each round starts one shell process that
runs the statements once untimed, then once timed. The shell's timer does not count its
own start, opening the file or parsing, so it is the engine's time for the statements
alone (at 1 ms resolution per statement); the ratio is the app's overhead around them.

Cases (synthetic data: six places, five event types, four years):
- filter: 2023, "Explosions/Remote violence", place "Kharkiv" (date range + type + place);
- search "Pokrovsk March": two words, both required, ~1.4% of events;
- search "Kharkiv": one word in ~1/6 of events (a large match set to count);
- for context, no target: no filter, the table scrolled to its end (the last 40 rows).

Target for the filter and the searches: median ≤ 50 ms, and ≤ 2× the shell.
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from common import (
    Comparison,
    Options,
    Samples,
    Target,
    acled_csv,
    comparison,
    log,
    main_for,
    run_child,
    sqlite3_cli,
    tracker_db,
)

NAME = "query"
VISIBLE_ROWS = 40  # rows on screen in the 820-pixel window, with room to spare
TARGET = Target("≤ 50 ms and ≤ 2×", max_ratio=2.0, max_value=50.0)
_RUN_TIME = re.compile(r"^Run Time: real ([0-9.]+)", re.MULTILINE)


def _literal(value: Any) -> str:
    if value is None:
        return "NULL"
    if isinstance(value, bool):
        return str(int(value))
    if isinstance(value, int | float):
        return repr(value)
    return "'" + str(value).replace("'", "''") + "'"


def inline(statement: str, parameters: Sequence[Any]) -> str:
    """The statement with its ``?`` parameters written in as SQL literals."""
    pieces = statement.split("?")
    if len(pieces) != len(parameters) + 1:
        raise ValueError(f"cannot inline {len(parameters)} values into {statement!r}")
    out = [pieces[0]]
    for value, piece in zip(parameters, pieces[1:], strict=True):
        out += [_literal(value), piece]
    return "".join(out)


def shell_seconds(db: str, statements: list[str]) -> list[float]:
    """One shell process: the statements once untimed, then timed; each one's time."""
    body = "".join(f"{statement};\n" for statement in statements)
    script = ".timer on\n.output /dev/null\n" + body + body
    child = run_child([sqlite3_cli(), "-bail", db], stdin_text=script)
    times = [float(found) for found in _RUN_TIME.findall(child.stdout)]
    if len(times) != 2 * len(statements):
        raise RuntimeError(f"expected {2 * len(statements)} timings from the shell, got "
                           f"{child.stdout[-1000:]!r} {child.stderr[-1000:]!r}")
    return times[len(statements):]


def run(options: Options) -> list[Comparison]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QCoreApplication, Qt
    from PySide6.QtWidgets import QApplication
    from sqlalchemy import event

    from tracker.services.events.events import EventFilter
    from tracker.storage.database import open_database
    from tracker.ui.common.workspace import Workspace
    from tracker.ui.events.events_model import COLUMNS, EventsTableModel

    _app = QCoreApplication.instance() or QApplication([])
    csv, rows = acled_csv(options)
    path = tracker_db(options, csv)
    db = open_database(path, create=False)
    workspace = Workspace(db)
    model = EventsTableModel(workspace)
    captured: list[tuple[str, Sequence[Any]]] = []
    NO_MATCH = EventFilter(text="zzzzz")

    @event.listens_for(db.engine, "before_cursor_execute")
    def capture(_conn: Any, _cursor: Any, statement: str, parameters: Any, _context: Any,
                _many: bool) -> None:
        captured.append((statement, tuple(parameters or ())))

    def as_the_view(flt: EventFilter, *, at_end: bool = False) -> Callable[[], int]:
        """A filter change: reset and recount, then the cells of the rows on screen."""
        def query() -> int:
            if model.event_filter != flt:
                model.set_filter(flt)
            else:
                model.refresh()
            count = model.rowCount()
            first = max(0, count - VISIBLE_ROWS) if at_end else 0
            for row in range(first, min(count, first + VISIBLE_ROWS)):
                for column in range(len(COLUMNS)):
                    model.data(model.index(row, column), Qt.ItemDataRole.DisplayRole)
            return count
        return query

    cases: dict[str, tuple[Callable[[], int], Target | None]] = {
        "filter 2023 + Explosions/Remote violence + 'Kharkiv'": (as_the_view(EventFilter(
            date_from=date(2023, 1, 1), date_to=date(2023, 12, 31),
            event_types=("Explosions/Remote violence",), place="Kharkiv")), TARGET),
        "search 'Pokrovsk March'": (as_the_view(EventFilter(text="Pokrovsk March")), TARGET),
        "search 'Kharkiv'": (as_the_view(EventFilter(text="Kharkiv")), TARGET),
        "no filter, scrolled to the end": (as_the_view(EventFilter(), at_end=True), None),
    }

    # The SQL each case sends, and how many rows it finds (a check that it finds some).
    sql: dict[str, list[str]] = {}
    found: dict[str, int] = {}
    for name, (query, _target) in cases.items():
        model.set_filter(NO_MATCH)  # so the case is a filter change
        captured.clear()
        found[name] = query()  # also the in-process warm-up
        sql[name] = [inline(statement, parameters) for statement, parameters in captured
                     if statement.lstrip().upper().startswith(("SELECT", "WITH"))]
        log(f"query {name}: {found[name]:,} rows; {len(sql[name])} statements")
    event.remove(db.engine, "before_cursor_execute", capture)

    inside = {name: Samples() for name in cases}
    shell = {name: Samples() for name in cases}
    each = {name: [Samples() for _statement in sql[name]] for name in cases}
    for round_number in range(1, options.repeat + 1):
        for name, (query, _target) in cases.items():
            model.set_filter(NO_MATCH)  # untimed: the case is a change
            started = time.perf_counter()
            query()
            inside[name].add((time.perf_counter() - started) * 1000)
            times = shell_seconds(str(path), sql[name])
            shell[name].add(sum(times) * 1000)
            for samples, seconds in zip(each[name], times, strict=True):
                samples.add(seconds * 1000)
            log(f"query {round_number}/{options.repeat} {name}: "
                f"{inside[name].values[-1]:.1f} ms in-process, "
                f"{shell[name].values[-1]:.1f} ms shell")
    db.close()

    results = []
    for name, (_query, target) in cases.items():
        split = ", ".join(f"{_gist(statement)} {samples.median:.0f} ms"
                          for statement, samples in zip(sql[name], each[name], strict=True))
        results.append(comparison(
            NAME, f"{name} (view: counts + page)", "same SQL, sqlite3 shell .timer",
            inside[name], shell[name], "ms", target,
            f"{found[name]:,} rows match of {rows:,}; shell medians: {split}"))
    return results


def _gist(statement: str) -> str:
    """A few words that say which statement it is, for the notes under the table."""
    flat = " ".join(statement.split())
    if flat.upper().startswith("SELECT COUNT"):
        where = flat.partition(" WHERE ")[2]
        return "count(" + (where[:60] + "…" if len(where) > 60 else where or "all") + ")"
    match = re.search(r"\b(LIMIT \d+(?: OFFSET \d+)?)", flat)
    if " IN (" in flat and "battlefield_event.id IN (" in flat and match is None:
        return "rows by id"
    return "page " + (match.group(1) if match else flat[:40] + "…")


def main() -> None:
    main_for(NAME, __doc__ or NAME, run)


if __name__ == "__main__":
    main()
