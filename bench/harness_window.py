"""Child process of bench_launch.py and bench_memory.py: open a window, note its first paint.

    python bench/harness_window.py bare
    python bench/harness_window.py app DB [--scroll-end]

bare: a plain ``QApplication`` and ``QMainWindow`` (1360×820, the app's default size),
      shown; nothing else.
app:  the real start-up path, ``tracker.cli.main(["--db", DB])`` (argument parsing,
      ``tracker.ui.window.app.run``: QApplication, settings, opening and migrating the database,
      the Workspace, the MainWindow and its four views, ``show()``, the queued
      ``offer_sample``), with one change made here and not in tracker/: the window's
      ``ask`` answers "no" at once, so an empty database does not stop at the "Load the
      sample?" question (a modal dialog would measure the user, not the program).

Both install an application event filter that waits for the first ``QEvent.Paint`` of
any widget in the main window; once that paint pass is over (a zero timer queued behind
it) the harness prints one JSON line and quits. ``painted`` is ``time.monotonic()``,
the same clock as the parent's, which subtracts the moment it spawned this process: so
the launch time includes the interpreter's start and every import, as a user waits them.

With ``--scroll-end`` the app then shows the Events tab, scrolls the table to its last
row and repaints it synchronously, which fetches the last page (bench_memory.py's peak
memory "table scrolled to the end"); the JSON says which pages were fetched.

The parent gives each run a fresh XDG_CONFIG_HOME and XDG_DATA_HOME, so every launch is
a first launch (default geometry, no remembered database) and no user settings change.
"""

from __future__ import annotations

import json
import sys
import time
from typing import Any

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

WIDTH, HEIGHT = 1360, 820


class FirstPaint(QObject):
    """Calls *done* once, after the first paint pass of a widget in *window*."""

    def __init__(self, window: QWidget, done: Any) -> None:
        super().__init__()
        self.window = window
        self.done = done
        self.seen = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (not self.seen and event.type() == QEvent.Type.Paint
                and isinstance(watched, QWidget) and watched.window() is self.window):
            self.seen = True
            QTimer.singleShot(0, self.done)
        return False


_keep: list[QObject] = []  # the filter lives as long as the process


def report(**facts: object) -> None:
    print(json.dumps(facts), flush=True)


def watch(app: QApplication, window: QWidget, after_paint: Any) -> None:
    def done() -> None:
        painted = time.monotonic()
        app.removeEventFilter(watcher)
        after_paint(painted)

    watcher = FirstPaint(window, done)
    _keep.append(watcher)
    app.installEventFilter(watcher)


def bare() -> int:
    app = QApplication(sys.argv)
    window = QMainWindow()
    window.resize(WIDTH, HEIGHT)

    def finish(painted: float) -> None:
        report(painted=painted)
        app.quit()

    watch(app, window, finish)
    window.show()
    return app.exec()


def tracker_app(db: str, scroll_end: bool) -> int:
    import tracker.ui.window.app as app_module
    from tracker.cli import main as tracker_main
    from tracker.ui.common.workspace import Workspace
    from tracker.ui.window.main_window import MainWindow

    class BenchWindow(MainWindow):
        def __init__(self, workspace: Workspace, *args: Any, **kwargs: Any) -> None:
            super().__init__(workspace, *args, **kwargs)
            self.ask = lambda _title, _text: False  # "Load the sample?": no
            app = QApplication.instance()
            assert isinstance(app, QApplication)
            watch(app, self, lambda painted: self.after_paint(app, painted))

        def after_paint(self, app: QApplication, painted: float) -> None:
            facts: dict[str, object] = {"painted": painted}
            if scroll_end:
                self.show_events()
                app.processEvents()
                table, model = self.events_view.table, self.events_view.model
                table.scrollToBottom()
                table.viewport().repaint()  # paints now: data() fetches the pages shown
                app.processEvents()
                rows = model.rowCount()
                last_page = (rows - 1) // model.pages.page_size if rows else 0
                facts.update(rows=rows, last_page=last_page,
                             fetched_pages=sorted(set(model.pages.fetched_pages)),
                             last_page_fetched=not rows or
                             last_page in model.pages.fetched_pages,
                             scrolled=time.monotonic())
            report(**facts)
            app.quit()

    setattr(app_module, "MainWindow", BenchWindow)  # noqa: B010  the harness's one hook
    return int(tracker_main(["--db", db]))


def main(argv: list[str]) -> int:
    if argv[:1] == ["bare"]:
        return bare()
    if len(argv) >= 2 and argv[0] == "app":
        return tracker_app(argv[1], "--scroll-end" in argv[2:])
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
