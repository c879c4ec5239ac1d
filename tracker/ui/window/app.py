"""Starting the window: the QApplication, which database to open, and the event loop.

Which database: the one named on the command line; with ``--sample`` the sample
database (filled on first use); otherwise the last one used, or the default file in the
user data folder. A database that cannot be opened is reported and nothing starts.

The window's frame is shown and painted first, saying which database it opens; only then
are SQLAlchemy, the migrations, the services and the views imported, the database opened
and the window attached to it (issue 19: the frame paints in a third of the time the
whole window takes). So this module imports nothing of the database layer at its top.
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from tracker import __version__
from tracker.ui.common import settings as options
from tracker.ui.common.gui_thread_garbage import GuiThreadGarbageCollector
from tracker.ui.common.icons import use_line_icons
from tracker.ui.common.language import apply_language, language_of, stored_choice, translate
from tracker.ui.common.settings import APPLICATION, ORGANIZATION, Settings
from tracker.ui.window.main_window import MainWindow
from tracker.ui.window.source_scan import scan_sources_lightly

if TYPE_CHECKING:
    from tracker.storage.database import Database
    from tracker.storage.errors import StorageError

EXIT_CANNOT_OPEN = 2
DESKTOP_FILE = "negotiation-tracker"
# Should the frame never be painted (a display that shows nothing), the database opens
# anyway after this long.
_PAINT_WAIT_MS = 1000


def application() -> QApplication:
    """The running QApplication, created and named on first use."""
    scan_sources_lightly()  # before the database layer is imported (source_scan.py)
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv)
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(DESKTOP_FILE)
    use_line_icons(app)
    return app


def open_startup_database(db_target: str | None, *, sample: bool,
                          settings: Settings) -> tuple[Database, list[str]]:
    """Open the database to start with; return it and warnings to show once the window is up.

    Raises StorageError when the database asked for cannot be opened. A remembered
    database that has gone (an unplugged drive) is a warning, not a failure: the default
    database opens instead.
    """
    from tracker.storage import locations
    from tracker.storage.database import open_database
    from tracker.storage.errors import StorageError
    from tracker.ui.window.database_files import last_database, remembered_target

    warnings: list[str] = []
    if sample:
        # Only here: the sample's data modules cost the other launches a tenth of loading.
        from tracker.services.common.sample import is_empty, load_sample

        db = open_database(locations.sample_database_path())
        with db.transaction() as session:
            if is_empty(session):
                load_sample(session)
        return db, warnings
    if db_target is not None:
        db = open_database(db_target)
        settings.set(options.LAST_DATABASE, remembered_target(db))
        return db, warnings
    last = settings.get(options.LAST_DATABASE)
    if last:
        try:
            return open_database(last_database(last), create=False), warnings
        except StorageError as exc:
            warnings.append(translate(
                "App", "The last database could not be opened, so the default one was "
                "opened instead.\n\n{error}").format(error=exc))
    db = open_database(locations.default_database_path())
    settings.set(options.LAST_DATABASE, remembered_target(db))
    return db, warnings


def opening_label(db_target: str | None, *, sample: bool, settings: Settings) -> str:
    """What the frame says it opens, before the database layer is imported: the target as
    typed (a URL without its user and password), the sample, or the last database."""
    if sample:
        return translate("App", "the sample scenario")
    target = db_target or settings.get(options.LAST_DATABASE)
    if not target:
        return translate("App", "the default database")
    scheme, separator, rest = target.partition("://")
    return f"{scheme}{separator}{rest.rpartition('@')[2]}" if separator else target


class FirstPaint(QObject):
    """Calls *then* once, after the first paint pass of a widget in *window* (or after
    _PAINT_WAIT_MS if none comes). bench/harness_window.py times ``fire``."""

    def __init__(self, window: QWidget, then: Callable[[], None]) -> None:
        super().__init__(window)
        self._window = window
        self._then: Callable[[], None] | None = then
        app = QApplication.instance()
        assert app is not None
        app.installEventFilter(self)
        QTimer.singleShot(_PAINT_WAIT_MS, self, self.fire)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Override QObject.eventFilter: notice the window's first paint, let it through."""
        if (self._then is not None and event.type() == QEvent.Type.Paint
                and isinstance(watched, QWidget) and watched.window() is self._window):
            QTimer.singleShot(0, self, self.fire)  # once this paint pass is over
        return False

    def fire(self) -> None:
        """Call *then*, unless it was called already."""
        then, self._then = self._then, None
        if then is not None:
            app = QApplication.instance()
            if app is not None:
                app.removeEventFilter(self)
            then()


def run(db_target: str | None, *, sample: bool = False, settings_file: str | None = None,
        smoke_test: bool = False) -> int:
    """Open the window on the chosen database and run until it closes; the exit code.

    With *smoke_test*, close the window as soon as it is shown (ui/window/smoke_test.py).
    """
    # No cyclic garbage collection until the window is attached: the start-up creates a
    # few hundred thousand long-lived objects (modules, classes, SQLAlchemy's mappers) and
    # no garbage worth a pass, yet each allocation burst set off another pass over all of
    # them, about a tenth of the loading (issue 19). load() then starts collection on the
    # GUI thread only (gui_thread_garbage.py).
    gc.disable()
    app = application()
    settings = Settings.from_file(settings_file) if settings_file else Settings.from_app()
    apply_language(language_of(stored_choice(settings)))
    undo_stack = QUndoStack()
    window = MainWindow(None, settings, undo_stack=undo_stack,
                        opening=opening_label(db_target, sample=sample, settings=settings))
    window.show()

    def attach() -> list[str] | StorageError:
        """Import the database layer, open, attach; the warnings to show, or the error."""
        from tracker.storage.errors import StorageError
        from tracker.ui.common.workspace import Workspace

        try:
            db, warnings = open_startup_database(db_target, sample=sample, settings=settings)
        except StorageError as exc:
            return exc
        window.attach(Workspace(db, undo_stack=undo_stack))
        return warnings

    collectors: list[GuiThreadGarbageCollector] = []

    def load() -> None:
        """After the first paint: open and attach, then what follows the window's ready."""
        from tracker.ui.window.smoke_test import close_once_shown

        try:
            attached = attach()
        finally:
            # What the start-up made lives as long as the window: frozen, it is left out
            # of the collector's full passes (gui_thread_garbage.py).
            gc.freeze()
            collectors.append(GuiThreadGarbageCollector(app))
        if not isinstance(attached, list):
            QMessageBox.critical(window, APPLICATION, str(attached))
            app.exit(EXIT_CANNOT_OPEN)
            return
        for warning in attached:
            QTimer.singleShot(0, lambda text=warning: QMessageBox.warning(window, APPLICATION,
                                                                          text))
        if smoke_test:
            close_once_shown(app, window)
        elif not sample:
            # After the window is up, so the question is asked over it.
            QTimer.singleShot(0, window.offer_sample)

    FirstPaint(window, load)
    try:
        return app.exec()
    finally:
        window.hide()
        if window.is_ready:
            window.workspace.db.close()
        for running in collectors:
            running.stop()
            running.setParent(None)  # Python's: gone with the list
        collectors.clear()
        gc.unfreeze()
        gc.enable()  # Python's own collection again, for what is left of the process
        settings.sync()
