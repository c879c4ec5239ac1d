"""The Events view's filter and full-text search on a 1M-event database, against the same
SQL run by the sqlite3 CLI.

    python bench/bench_query.py [--rows N] [--repeat K] [--data FILE]

The tracker side is the Events view's own model, ``EventsTableModel``, over a
``Workspace`` on the database, in this process (Qt's offscreen platform, no window).
Since issue 19 a filter change shows the first rows at once and counts on the window's
runner, so two things are timed from the same filter change:

- first rows: ``set_filter`` (reset, the first page read in one LIMIT query, the count
  sent to the runner) and then ``data()`` for every column of the first 40 rows, what
  the first paint asks for: SQLAlchemy compiling, sessions, SQLite, ``EventRow``s and
  the cell texts all count;
- exact count: from the same start until the model's ``counts_changed`` arrives (the
  runner's worker thread counted; the GUI thread's event loop delivered it).

The reference is the very SQL those calls sent to SQLite (captured with a SQLAlchemy
``before_cursor_execute`` listener, bound values written in as literals, split by the
thread that sent it: the GUI thread's statements are the first rows', the worker's the
count's), run by the ``sqlite3`` shell with ``.timer on`` and output to /dev/null: the
sum of the shell's "real" times of the same SELECTs. A walk that the app reads a row at
a time and stops (the first rows of a place or of words: ``place_walk``, ``word_walk``)
is run by the shell as far as the app read it, no further: every statement is wrapped
in ``SELECT * FROM (…) LIMIT n``, n the rows the app's cursor handed out plus the one
Python's sqlite3 steps ahead (counted by a cursor subclass on the benchmark's own
connections), so the shell's engine does the work the app's did. Both sides are warm: the
in-process connections are pooled and have run each case once untimed; each round
starts one shell process that runs the statements once untimed, then once timed. The
shell's timer does not count its own start, opening the file or parsing, so it is the
engine's time for the statements alone (at 1 ms resolution per statement); the ratio is
the app's overhead around them.

Cases (synthetic data: six places, five event types, four years):
- filter: 2023, "Explosions/Remote violence", place "Kharkiv" (date range + type + place);
- search "Pokrovsk March": two words, both required, ~1.4% of events;
- search "Kharkiv": one word in ~1/6 of events (a large match set to count);
- place "Ukraine": the country (issue 19), every event of the synthetic data;
- for context, no target: no filter, the table scrolled to its end (the last 40 rows,
  once the count has come).

Targets: first rows median ≤ 50 ms, the issue's; the exact count has none (it arrives
while the rows are already on screen). The ratio to the shell is printed, not judged:
until the shell was stopped where the app stops reading, this bench also asked ≤ 2×,
but the engine's part of a first screenful is now 5–12 ms for the words and the
filter (32 ms for the whole country), and the ratio then measures the fixed cost of the
screenful (40 rows × 10 cells of ``data()``, the plan check, the session) rather than
overhead around a query.
"""

from __future__ import annotations

import os
import re
import sqlite3
import threading
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
TARGET = Target("≤ 50 ms", max_value=50.0)
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


class CountingCursor(sqlite3.Cursor):
    """A cursor that counts the rows it hands out (``rows_read``): how far the app read
    each statement, so the shell can be stopped there too."""

    rows_read = 0

    def fetchone(self) -> Any:
        row = super().fetchone()
        self.rows_read += row is not None
        return row

    def fetchmany(self, size: int | None = None) -> list[Any]:
        rows = super().fetchmany(self.arraysize if size is None else size)
        self.rows_read += len(rows)
        return rows

    def fetchall(self) -> list[Any]:
        rows = super().fetchall()
        self.rows_read += len(rows)
        return rows

    def __next__(self) -> Any:
        row = super().__next__()
        self.rows_read += 1
        return row


class CountingConnection(sqlite3.Connection):
    def cursor(self, factory: Any = CountingCursor) -> Any:
        return super().cursor(factory)


def as_far_as_read(statement: str, rows_read: int) -> str:
    """*statement* stopped where the app stopped reading it (see the module's doc)."""
    return f"SELECT * FROM (\n{statement}\n) LIMIT {rows_read + 1}"


def shell_seconds(db: str, statements: list[str]) -> list[float]:
    """One shell process: the statements once untimed, then timed; each one's time."""
    body = "".join(f"{statement};\n" for statement in statements)
    # The app makes the TEMP view of the index's terms as each connection opens (read
    # by a search's first statement): the shell makes it too, untimed.
    from tracker.storage.fts_terms import CREATE_TERMS_VIEW

    script = f"{CREATE_TERMS_VIEW};\n.timer on\n.output /dev/null\n" + body + body
    child = run_child([sqlite3_cli(), "-bail", db], stdin_text=script)
    times = [float(found) for found in _RUN_TIME.findall(child.stdout)]
    if len(times) != 2 * len(statements):
        raise RuntimeError(f"expected {2 * len(statements)} timings from the shell, got "
                           f"{child.stdout[-1000:]!r} {child.stderr[-1000:]!r}")
    return times[len(statements):]


def run(options: Options) -> list[Comparison]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QCoreApplication, QEventLoop, Qt
    from PySide6.QtWidgets import QApplication
    from sqlalchemy import event

    from tracker.services.events.events import EventFilter
    from tracker.storage.database import open_database
    from tracker.ui.common.workspace import Workspace
    from tracker.ui.events.events_model import COLUMNS, EventsTableModel

    app = QCoreApplication.instance() or QApplication([])
    csv, rows = acled_csv(options)
    path = tracker_db(options, csv)
    db = open_database(path, create=False)
    workspace = Workspace(db)
    model = EventsTableModel(workspace)
    gui_thread = threading.get_ident()
    # (from the GUI thread, SQL, values, the cursor that ran it: how far it was read)
    captured: list[tuple[bool, str, Sequence[Any], Any]] = []
    NO_MATCH = EventFilter(text="zzzzz")
    counted: list[float] = []
    model.counts_changed.connect(lambda *_counts: counted.append(time.perf_counter()))

    @event.listens_for(db.engine, "do_connect")
    def counting(_dialect: Any, _record: Any, _cargs: Any, cparams: dict[str, Any]) -> None:
        cparams["factory"] = CountingConnection

    db.engine.dispose()  # the connections opened so far count nothing

    @event.listens_for(db.engine, "before_cursor_execute")
    def capture(_conn: Any, cursor: Any, statement: str, parameters: Any, _context: Any,
                _many: bool) -> None:
        captured.append((threading.get_ident() == gui_thread, statement,
                         tuple(parameters or ()), cursor))

    def wait_for_count() -> None:
        while model.is_counting() or workspace.runner.is_busy():
            # Sleeps until the runner's result is posted to this thread, then delivers it.
            app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)

    def change_to(flt: EventFilter) -> None:
        """Untimed: so the case is a filter change, with nothing left running."""
        model.set_filter(flt)
        wait_for_count()

    gui_cpu: dict[str, Samples] = {}

    def as_the_view(flt: EventFilter, *, at_end: bool = False) -> Callable[[], tuple[float, float]]:
        """A filter change: the first rows on screen, then the exact count (ms each).
        The GUI thread's own CPU time for the first rows is kept too: on the shared
        machine the wall time also holds the waits for a core."""
        def cells(first: int) -> None:
            for row in range(first, min(model.rowCount(), first + VISIBLE_ROWS)):
                for column in range(len(COLUMNS)):
                    model.data(model.index(row, column), Qt.ItemDataRole.DisplayRole)

        def query() -> tuple[float, float]:
            counted.clear()
            started, cpu = time.perf_counter(), time.thread_time()
            model.set_filter(flt)
            if at_end:
                wait_for_count()
                cells(max(0, model.rowCount() - VISIBLE_ROWS))
                shown = time.perf_counter()
                return (shown - started) * 1000, (counted[-1] - started) * 1000
            cells(0)
            shown = time.perf_counter()
            gui_cpu.setdefault(str(flt), Samples()).add((time.thread_time() - cpu) * 1000)
            wait_for_count()
            return (shown - started) * 1000, (counted[-1] - started) * 1000
        return query

    filters: dict[str, tuple[EventFilter, bool, Target | None]] = {
        "filter 2023 + Explosions/Remote violence + 'Kharkiv'": (EventFilter(
            date_from=date(2023, 1, 1), date_to=date(2023, 12, 31),
            event_types=("Explosions/Remote violence",), place="Kharkiv"), False, TARGET),
        "search 'Pokrovsk March'": (EventFilter(text="Pokrovsk March"), False, TARGET),
        "search 'Kharkiv'": (EventFilter(text="Kharkiv"), False, TARGET),
        "place 'Ukraine' (the country)": (EventFilter(place="Ukraine"), False, TARGET),
        "no filter, scrolled to the end (first rows: the last 40, after the count)": (
            EventFilter(), True, None),
    }
    cases = {name: (as_the_view(flt, at_end=at_end), target)
             for name, (flt, at_end, target) in filters.items()}

    # The SQL each case sends, by side, and how many rows it finds (a check).
    sql: dict[str, dict[bool, list[str]]] = {}
    found: dict[str, int] = {}
    for name, (query, _target) in cases.items():
        change_to(NO_MATCH)
        captured.clear()
        query()  # also the in-process warm-up
        found[name] = model.rowCount()
        sql[name] = {side: [as_far_as_read(inline(statement, parameters), cursor.rows_read)
                            for gui, statement, parameters, cursor in captured
                            if gui == side
                            and statement.lstrip().upper().startswith(("SELECT", "WITH"))]
                     for side in (True, False)}
        log(f"query {name}: {found[name]:,} rows; {len(sql[name][True])} statements for the "
            f"first rows, {len(sql[name][False])} for the count")
    event.remove(db.engine, "before_cursor_execute", capture)

    sides = {"first rows": True, "exact count": False}
    inside = {(name, side): Samples() for name in cases for side in sides}
    shell = {(name, side): Samples() for name in cases for side in sides}
    each = {(name, side): [Samples() for _statement in sql[name][gui]]
            for name in cases for side, gui in sides.items()}
    for round_number in range(1, options.repeat + 1):
        for name, (query, _target) in cases.items():
            change_to(NO_MATCH)
            first_rows, exact_count = query()
            inside[name, "first rows"].add(first_rows)
            inside[name, "exact count"].add(exact_count)
            for side, gui in sides.items():
                statements = sql[name][gui]
                times = shell_seconds(str(path), statements) if statements else [0.0]
                shell[name, side].add(sum(times) * 1000)
                for samples, seconds in zip(each[name, side], times, strict=False):
                    samples.add(seconds * 1000)
            log(f"query {round_number}/{options.repeat} {name}: first rows "
                f"{first_rows:.1f} ms, exact count {exact_count:.1f} ms in-process; shell "
                f"{shell[name, 'first rows'].values[-1]:.1f} + "
                f"{shell[name, 'exact count'].values[-1]:.1f} ms")
    db.close()

    results = []
    for name, (_query, target) in cases.items():
        for side, gui in sides.items():
            split = ", ".join(
                f"{_gist(statement)} {samples.median:.0f} ms"
                for statement, samples in zip(sql[name][gui], each[name, side], strict=True))
            results.append(comparison(
                NAME, f"{name}: {side}", "same SQL, sqlite3 shell .timer",
                inside[name, side], shell[name, side], "ms",
                target if side == "first rows" else None,
                f"{found[name]:,} rows match of {rows:,}; shell medians: {split or 'none'}"
                + _cpu_note(gui_cpu, str(filters[name][0]), side)))
    return results


def _cpu_note(gui_cpu: dict[str, Samples], flt: str, side: str) -> str:
    """The GUI thread's CPU time for the first rows (median), where it was measured."""
    samples = gui_cpu.get(flt)
    if side != "first rows" or samples is None:
        return ""
    return f"; GUI thread CPU {samples.median:.0f} ms (median of {len(samples.values)})"


def _gist(statement: str) -> str:
    """A few words that say which statement it is, for the notes under the table."""
    flat = " ".join(statement.split())
    wrapped = re.fullmatch(r"SELECT \* FROM \( (.*) \) LIMIT (\d+)", flat)
    if wrapped is not None:  # as_far_as_read's wrapper: say how far, if short of the end
        inner, stepped = wrapped.groups()
        gist = _gist(inner)
        match = re.search(r"\bLIMIT (\d+)", inner)
        if gist.startswith("page ") and match and int(stepped) - 1 < int(match.group(1)):
            gist += f" (read {int(stepped) - 1})"
        return gist
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
