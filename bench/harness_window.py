"""Child process of bench_launch.py and bench_memory.py: open a window, note its paints.

    python bench/harness_window.py bare
    python bench/harness_window.py app DB [--scroll-end]

bare: a plain ``QApplication`` and ``QMainWindow`` (1360×820, the app's default size),
      titled "bare-window", shown; nothing else.
app:  the real start-up path, ``tracker.cli.main(["--db", DB])`` (argument parsing,
      ``tracker.ui.window.app.run``: QApplication, settings, the window's frame shown and
      painted, then opening and migrating the database, the Workspace, the views,
      ``attach``, the queued ``offer_sample``), with one change made here and not in
      tracker/: the window's ``ask`` answers "no" at once, so an empty database does not
      stop at the "Load the sample?" question (a modal dialog would measure the user, not
      the program).

The modules are imported in the order ``tracker --db DB`` imports them: tracker.cli first
(which imports no Qt), then the window module the command imports after parsing, and
only then this harness's own Qt hooks. (Importing PySide6 before tracker.cli, as this
harness once did, changed the peak memory by about 20 MiB: issue 19.)

Both install an application event filter that waits for the first ``QEvent.Paint`` of
any widget in the main window; once that paint pass is over (a zero timer queued behind
it) the time is noted as ``painted``: ``time.monotonic()``, the same clock as the
parent's, which subtracts the moment it spawned this process, so the time includes the
interpreter's start and every import, as a user waits them. The app then waits for the
window's ``ready`` (the database open, the views built, the actions on), repaints the
window at once and notes ``loaded``; ``sqlalchemy_at_paint`` says whether SQLAlchemy was
imported before the first paint (it should not be).

With ``--scroll-end`` the app then shows the Events tab, scrolls the table to its last
row and repaints it synchronously, which fetches the last page (bench_memory.py's peak
memory "table scrolled to the end"); the JSON says which pages were fetched.

The parent gives each run a fresh XDG_CONFIG_HOME and XDG_DATA_HOME, so every launch is
a first launch (default geometry, no remembered database) and no user settings change.
"""

from __future__ import annotations

import importlib
import json
import sys
import time
from typing import Any

WIDTH, HEIGHT = 1360, 820
BARE_TITLE = "bare-window"


def report(**facts: object) -> None:
    print(json.dumps(facts), flush=True)


def watch(window: Any, after_paint: Any) -> None:
    """Call *after_paint(painted)* once, after the first paint pass of *window*."""
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QWidget

    class FirstPaint(QObject):
        def __init__(self) -> None:
            super().__init__()
            self.seen = False

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if (not self.seen and event.type() == QEvent.Type.Paint
                    and isinstance(watched, QWidget) and watched.window() is window):
                self.seen = True
                QTimer.singleShot(0, done)
            return False

    app = QApplication.instance()
    assert app is not None
    watcher = FirstPaint()

    def done() -> None:
        painted = time.monotonic()
        app.removeEventFilter(watcher)
        _keep.remove(watcher)
        after_paint(painted)

    _keep.append(watcher)
    app.installEventFilter(watcher)


_keep: list[Any] = []  # the filters live until they have fired


def bare() -> int:
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv)
    window = QMainWindow()
    window.setWindowTitle(BARE_TITLE)
    window.resize(WIDTH, HEIGHT)

    def finish(painted: float) -> None:
        report(painted=painted)
        app.quit()

    watch(window, finish)
    window.show()
    return app.exec()


# How long the memory run may take to reach the table's end, and how often it tries.
_SCROLL_SECONDS = 10.0
_SCROLL_AGAIN_MS = 20


def tracker_app(db: str, scroll_end: bool) -> int:
    # The order is the point (an import sorter would put PySide6 first): tracker.cli as
    # the `tracker` script imports it, then the window module its main() imports.
    tracker_main = importlib.import_module("tracker.cli").main
    app_module = importlib.import_module("tracker.ui.window.app")
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from tracker.ui.window.app import FirstPaint
    from tracker.ui.window.main_window import MainWindow

    facts: dict[str, object] = {}

    class BenchWindow(MainWindow):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self.ask = lambda _title, _text: False  # "Load the sample?": no
            self.ready.connect(lambda: QTimer.singleShot(0, self.after_ready))


        def after_ready(self) -> None:
            self.repaint()  # the views as first shown, painted now
            facts["loaded"] = time.monotonic()
            if not scroll_end:
                self.finish()
                return
            self.show_events()
            self.scroll_until(time.monotonic() + _SCROLL_SECONDS)

        def scroll_until(self, deadline: float) -> None:
            """Scroll the Events table to its end, again every few milliseconds until
            its last page is fetched: one scroll can land before the view knows the
            table's full length (it then scrolled to the end of the first page)."""
            app = QApplication.instance()
            assert isinstance(app, QApplication)
            app.processEvents()
            table, model = self.events_view.table, self.events_view.model
            table.scrollToBottom()
            table.viewport().repaint()  # paints now: data() fetches the pages shown
            app.processEvents()
            rows = model.rowCount()
            last_page = (rows - 1) // model.pages.page_size if rows else 0
            fetched = not rows or last_page in model.pages.fetched_pages
            if not fetched and time.monotonic() < deadline:
                QTimer.singleShot(_SCROLL_AGAIN_MS, lambda: self.scroll_until(deadline))
                return
            facts.update(rows=rows, last_page=last_page,
                         fetched_pages=sorted(set(model.pages.fetched_pages)),
                         last_page_fetched=fetched, scrolled=time.monotonic())
            self.finish()

        def finish(self) -> None:
            report(**facts)
            app = QApplication.instance()
            assert isinstance(app, QApplication)
            app.quit()

    class BenchFirstPaint(FirstPaint):
        """The app's own "after the first paint pass" (a zero timer behind the window's
        first Paint event, as ``watch`` does for the bare window), timed: the app opens
        its database in that moment, so a filter of ours would fire after the opening."""

        def fire(self) -> None:
            if "painted" not in facts:
                facts.update(painted=time.monotonic(),
                             sqlalchemy_at_paint="sqlalchemy" in sys.modules)
            super().fire()

    # The harness's two hooks.
    setattr(app_module, "MainWindow", BenchWindow)  # noqa: B010
    setattr(app_module, "FirstPaint", BenchFirstPaint)  # noqa: B010
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
