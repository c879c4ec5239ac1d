"""The Timeline tab's zoom and pan steps on a 1M-event database, against the sqlite3 CLI
computing the same numbers from the events.

    python bench/bench_timeline.py [--rows N] [--repeat K] [--data FILE]

The tracker side is the real ``TimelineView`` over a ``Workspace`` on the database, in
this process (Qt's offscreen platform), 1360 pixels wide. One step is timed end to end:
the zoom or pan itself, whatever reading of events it triggers (none while the loaded
range still covers the view and the bucket is the same; otherwise the day counts or
the events), and painting the whole canvas into an image, as the screen would.

- zoom: from "fit all" (four years), 30 steps in (×1.25 each, to about two days on
  screen), then 30 steps out; every step is a sample.
- pan: a three-month view moved by the arrow key (a tenth of the screen) 30 times.
- zoom with a place filter ("Kharkiv"): the same zoom walk with the Events view's place
  filter, which the per-day counts cannot answer, so each read goes to the events
  through the full-text index. Since issue 19 that read runs on the window's runner
  while the strip already drawn stays: the step is the zoom and the paint, and a third
  row times, for the steps that read, how long after the step began the new strip was
  drawn (the walk waits for it before the next step, as a user pausing would).

Each walk gives two rows: every step, and only the steps that read events (the others
draw from the range already loaded). The reference for both is the sqlite3 shell
running, for every read the walk made, the same buckets computed from the events
themselves (GROUP BY over battlefield_event for the range and bucket the view read,
plus the FTS match for the filtered walk), timed with ``.timer on``: what a read would
cost a tool that has no per-day counts, with no Python, no Qt and no painting. A ratio
below 1 means the view's whole step is faster than that query alone.

Target (issue 4): a zoom step and a pan step each ≤ 100 ms (median).
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from datetime import date

from bench_query import shell_seconds
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

NAME = "timeline"
TARGET = Target("≤ 100 ms", max_value=100.0)
STEPS = 30
WIDTH, HEIGHT = 1360, 700

_SHELL_BUCKET = {
    "day": "event_date",
    "week": "date(event_date, 'weekday 0', '-6 days')",
    "month": "date(event_date, 'start of month')",
    "quarter": "date(event_date, 'start of month', printf('-%d months', "
               "(cast(strftime('%m', event_date) AS integer) - 1) % 3))",
    "year": "date(event_date, 'start of year')",
}


def _shell_query(first: date, last: date, bucket: str, place: str) -> str:
    """The step's buckets computed from the events, as a tool without day counts would."""
    match = (" AND id IN (SELECT rowid FROM battlefield_event_fts WHERE battlefield_event_fts "
             f"MATCH '{{location admin1 admin2}} : \"{place}\"*')") if place else ""
    return (f"SELECT {_SHELL_BUCKET[bucket]} AS b, target_category, count(*), "
            "sum(fatalities), sum(injuries) FROM battlefield_event "
            f"WHERE event_date >= '{first}' AND event_date <= '{last}'{match} "
            "GROUP BY b, target_category")


def run(options: Options) -> list[Comparison]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEventLoop
    from PySide6.QtGui import QImage
    from PySide6.QtWidgets import QApplication

    from tracker.services.events.events import EventFilter
    from tracker.storage.database import open_database
    from tracker.ui.common.workspace import Workspace
    from tracker.ui.timeline.timeline_view import TimelineView

    app = QApplication.instance() or QApplication([])
    csv, rows = acled_csv(options)
    path = tracker_db(options, csv)
    db = open_database(path, create=False)
    workspace = Workspace(db)
    view = TimelineView(workspace, "Europe/Kyiv")
    view.resize(WIDTH, HEIGHT)
    view.show()
    app.processEvents()
    canvas = view.canvas
    image = QImage(canvas.size(), QImage.Format.Format_ARGB32_Premultiplied)
    reads: list[tuple[date, date, str]] = []
    view.events_loaded.connect(lambda: reads.append(_last_read(view)))

    def step(action: Callable[[], None]) -> tuple[float, bool, float | None]:
        """One step's milliseconds, whether it read events, and when a read on the
        runner was drawn (None: the read, if any, was on the GUI thread)."""
        before = len(reads)
        started = time.perf_counter()
        action()
        canvas.render(image)
        stepped = time.perf_counter()
        arrived = None
        if view.is_reading():
            while view.is_reading():
                app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
            canvas.render(image)
            arrived = (time.perf_counter() - started) * 1000
        return (stepped - started) * 1000, len(reads) > before, arrived

    def zoom_walk() -> list[tuple[float, bool, float | None]]:
        canvas.fit_all()
        reads.clear()
        steps = [step(lambda: canvas.zoom(1.25)) for _ in range(STEPS)]
        return steps + [step(lambda: canvas.zoom(1 / 1.25)) for _ in range(STEPS)]

    def pan_walk() -> list[tuple[float, bool, float | None]]:
        canvas.fit_all()
        while canvas.viewport.span.days > 92:
            canvas.zoom(1.25)
        reads.clear()
        return [step(lambda: canvas.pan(canvas.plot_width() / 10)) for _ in range(STEPS)]

    walks = {
        "zoom step": (zoom_walk, EventFilter()),
        "pan step (arrow key)": (pan_walk, EventFilter()),
        "zoom step, place filter 'Kharkiv'": (zoom_walk, EventFilter(place="Kharkiv")),
    }
    results = []
    for name, (walk, flt) in walks.items():
        view.set_event_filter(flt)
        walk()  # warm-up: page cache, pool, compiled statements
        every, reading, shell, drawn = Samples(), Samples(), Samples(), Samples()
        for round_number in range(1, options.repeat + 1):
            steps = walk()
            for milliseconds, read, arrived in steps:
                every.add(milliseconds)
                if read:
                    reading.add(milliseconds)
                if arrived is not None:
                    drawn.add(arrived)
            statements = [_shell_query(first, last, bucket, flt.place)
                          for first, last, bucket in reads]
            seconds = shell_seconds(str(path), statements) if statements else []
            for value in seconds:
                shell.add(value * 1000)
            log(f"timeline {round_number}/{options.repeat} {name}: median step "
                f"{every.median:.1f} ms, worst {every.high:.1f} ms; {len(reads)} of "
                f"{len(steps)} steps read events; shell {sum(seconds) * 1000:.0f} ms "
                "for those reads")
        results.append(comparison(
            NAME, f"{name}: every step (read + paint, {canvas.width()} px)",
            "same buckets from the events, sqlite3 shell, per read", every, shell, "ms",
            TARGET, f"{rows:,} events; {len(every.values)} steps, worst "
                    f"{every.high:.0f} ms"))
        results.append(comparison(
            NAME, f"{name}: the steps that read events", "same reads, sqlite3 shell",
            reading, shell, "ms", TARGET,
            f"{len(reading.values)} of {len(every.values)} steps read; worst "
            f"{reading.high:.0f} ms; the others drew from the range already loaded"))
        if drawn.values:
            results.append(comparison(
                NAME, f"{name}: the new strip drawn after a read on the runner",
                "same reads, sqlite3 shell", drawn, shell, "ms", None,
                f"{len(drawn.values)} reads off the GUI thread; worst {drawn.high:.0f} ms; "
                "the old strip stayed drawn meanwhile"))
    view.close()
    db.close()
    return results


def _last_read(view: object) -> tuple[date, date, str]:
    loaded = view._loaded  # type: ignore[attr-defined]  # the view's own record of it
    return loaded.first_day, loaded.last_day, loaded.bucket


def main() -> None:
    main_for(NAME, __doc__ or NAME, run)


if __name__ == "__main__":
    main()
