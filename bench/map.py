"""The Map tab's zoom and pan steps on a 1M-event database, against the sqlite3 CLI.

    python bench/map.py [--rows N] [--repeat K] [--data FILE]

The tracker side is the real ``MapView`` over a ``Workspace`` on the database, in this
process (Qt's offscreen platform), 1360 × 760 pixels. One step is timed end to end: the
zoom or pan itself, whatever read of events it triggers on the workspace's runner (the
per-cell counts of the cells in view, or the events as points once few are in view;
nothing while the area read last at that grid covers the view), waiting for
that read to come back to the GUI thread, and painting the whole map into an image.

- zoom: from the whole of Europe, 24 steps in (×1.25 each) about Kharkiv, to a town,
  then 24 steps out; every step is a sample.
- pan: an oblast-sized view moved by the arrow keys (a tenth of the screen) 30 times,
  east then south.

Each walk gives two rows: every step, and only the steps that read. The references, for
every read the walk made, run by the sqlite3 shell with ``.timer on``: (1) the very SQL
the view sent (captured with a ``before_cursor_execute`` listener, values inlined), the
engine's time for it without Python, Qt or painting; (2) the same cells counted from the
events themselves (GROUP BY over battlefield_event for the area and the grid), what a
tool without per-cell counts would pay.

Target (issue 18): a zoom step and a pan step each ≤ 100 ms (median).
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Sequence
from typing import Any

from bench_query import inline, shell_seconds
from common import (
    Comparison,
    Options,
    Samples,
    Target,
    acled_csv,
    comparison,
    log,
    main_for,
    tracker_db,
)

NAME = "map"
TARGET = Target("≤ 100 ms", max_value=100.0)
ZOOM_STEPS = 24
PAN_STEPS = 30
WIDTH, HEIGHT = 1360, 760
KHARKIV = (36.23, 49.99)


def _from_events(area: Any, grid_size: float, first: Any, last: Any) -> str:
    """The cells of one read, counted from the events instead of the cell rows."""
    return (f"SELECT CAST((longitude + 180.0) / {grid_size!r} AS INTEGER) AS x, "
            f"CAST((latitude + 90.0) / {grid_size!r} AS INTEGER) AS y, target_category, "
            f"count(*) FROM battlefield_event WHERE latitude BETWEEN {area.south!r} AND "
            f"{area.north!r} AND longitude BETWEEN {area.west!r} AND {area.east!r} AND "
            f"event_date BETWEEN '{first}' AND '{last}' GROUP BY x, y, target_category")


def run(options: Options) -> list[Comparison]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEventLoop, QPointF
    from PySide6.QtGui import QImage
    from PySide6.QtWidgets import QApplication
    from sqlalchemy import event

    from tracker.services.common.topics import Topic
    from tracker.services.map.projection import project
    from tracker.storage.database import open_database
    from tracker.storage.map_cells import GRID_DEGREES
    from tracker.ui.common.workspace import Workspace
    from tracker.ui.map.map_view import MapView

    app = QApplication.instance() or QApplication([])
    csv, rows = acled_csv(options)
    path = tracker_db(options, csv)
    db = open_database(path, create=False)
    captured: list[tuple[str, Sequence[Any]]] = []

    @event.listens_for(db.engine, "before_cursor_execute")
    def capture(_conn: Any, _cursor: Any, statement: str, parameters: Any, _context: Any,
                _many: bool) -> None:
        if statement.lstrip().upper().startswith("SELECT"):
            captured.append((statement, tuple(parameters or ())))

    workspace = Workspace(db)
    view = MapView(workspace)
    view.resize(WIDTH, HEIGHT)
    view.show()
    view.follow_box.setChecked(False)
    runner = workspace.runner

    def settle() -> None:
        """Until the runner is idle, sleeping between events: a busy loop here would hold
        the GIL the worker thread needs, and slow the very read being timed."""
        while runner.is_busy():
            app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
        app.processEvents()

    settle()
    canvas = view.canvas
    assert canvas is not None
    image = QImage(canvas.viewport().size(), QImage.Format.Format_ARGB32_Premultiplied)
    reads: list[tuple[Any, int, Any, Any]] = []  # area, grid, first and last day

    def on_read() -> None:
        layer = view.layer()
        assert layer is not None
        flt = view.current_filter()
        reads.append((layer.area, layer.grid, flt.date_from, flt.date_to))

    view.layer_loaded.connect(on_read)

    def step(action: Callable[[], None]) -> tuple[float, bool]:
        before = len(reads)
        started = time.perf_counter()
        action()
        app.processEvents()  # the view announces its change after the event
        settle()
        canvas.viewport().render(image)
        return (time.perf_counter() - started) * 1000, len(reads) > before

    def europe() -> None:
        # Every walk starts with nothing read, as after the events changed: the view
        # keeps the last layer of each grid, and a walk over ground the last walk read
        # would otherwise read nothing at all.
        workspace.changed_elsewhere(Topic.EVENTS)
        left, top = project(-10.0, 62.0)
        right, bottom = project(50.0, 36.0)
        canvas.fitInView(left, top, right - left, bottom - top)
        canvas.centerOn(*project(*KHARKIV))
        settle()

    def zoom_walk() -> list[tuple[float, bool]]:
        europe()
        reads.clear()
        anchor = canvas.mapFromScene(QPointF(*project(*KHARKIV)))
        steps = [step(lambda: canvas.zoom(1.25, QPointF(anchor)))
                 for _ in range(ZOOM_STEPS)]
        return steps + [step(lambda: canvas.zoom(1 / 1.25, QPointF(anchor)))
                        for _ in range(ZOOM_STEPS)]

    def pan_walk() -> list[tuple[float, bool]]:
        europe()
        for _ in range(10):
            canvas.zoom(1.25)
        settle()
        reads.clear()
        east = [step(lambda: canvas.pan(0.1, 0.0)) for _ in range(PAN_STEPS // 2)]
        return east + [step(lambda: canvas.pan(0.0, 0.1))
                       for _ in range(PAN_STEPS - PAN_STEPS // 2)]

    results = []
    for name, walk in (("zoom step", zoom_walk), ("pan step (arrow key)", pan_walk)):
        walk()  # warm-up: page cache, pool, compiled statements
        every, reading, same_sql, from_events = Samples(), Samples(), Samples(), Samples()
        for round_number in range(1, options.repeat + 1):
            captured.clear()
            steps = walk()
            for milliseconds, read in steps:
                every.add(milliseconds)
                if read:
                    reading.add(milliseconds)
            statements = [inline(sql, values) for sql, values in captured]
            for value in shell_seconds(str(path), statements) if statements else []:
                same_sql.add(value * 1000)
            direct = [_from_events(area, GRID_DEGREES[grid], first, last)
                      for area, grid, first, last in reads]
            for value in shell_seconds(str(path), direct) if direct else []:
                from_events.add(value * 1000)
            log(f"map {round_number}/{options.repeat} {name}: median step "
                f"{every.median:.1f} ms, worst {every.high:.1f} ms; {len(reads)} of "
                f"{len(steps)} steps read")
        note = f"{rows:,} events; {len(every.values)} steps, worst {every.high:.0f} ms"
        results.append(comparison(
            NAME, f"{name}: every step (read + paint, {WIDTH} px)",
            "the view's own SQL, sqlite3 shell, per statement", every, same_sql, "ms",
            TARGET, note))
        results.append(comparison(
            NAME, f"{name}: the steps that read", "same cells from the events, sqlite3 shell",
            reading, from_events, "ms", TARGET,
            f"{len(reading.values)} of {len(every.values)} steps read; worst "
            f"{reading.high:.0f} ms"))
    view.close()
    db.close()
    return results


def main() -> None:
    main_for(NAME, __doc__ or NAME, run)


if __name__ == "__main__":
    main()
