"""Starting the window: the QApplication, which database to open, and the event loop.

Which database: the one named on the command line; with ``--sample`` the sample
database (filled on first use); otherwise the last one used, or the default file in the
user data folder. A database that cannot be opened is reported and nothing starts.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from tracker import __version__
from tracker.services.common.sample import is_empty, load_sample
from tracker.storage import locations
from tracker.storage.database import Database, open_database
from tracker.storage.errors import StorageError
from tracker.ui.common import settings as options
from tracker.ui.common.icons import use_line_icons
from tracker.ui.common.language import apply_language, language_of, stored_choice, translate
from tracker.ui.common.settings import APPLICATION, ORGANIZATION, Settings
from tracker.ui.common.workspace import Workspace
from tracker.ui.window.database_files import last_database, remembered_target
from tracker.ui.window.main_window import MainWindow
from tracker.ui.window.smoke_test import close_once_shown

EXIT_CANNOT_OPEN = 2
DESKTOP_FILE = "negotiation-tracker"


def application() -> QApplication:
    """The running QApplication, created and named on first use."""
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
    warnings: list[str] = []
    if sample:
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


def run(db_target: str | None, *, sample: bool = False, settings_file: str | None = None,
        smoke_test: bool = False) -> int:
    """Open the window on the chosen database and run until it closes; the exit code.

    With *smoke_test*, close the window as soon as it is shown (ui/window/smoke_test.py).
    """
    app = application()
    settings = Settings.from_file(settings_file) if settings_file else Settings.from_app()
    apply_language(language_of(stored_choice(settings)))
    try:
        db, warnings = open_startup_database(db_target, sample=sample, settings=settings)
    except StorageError as exc:
        QMessageBox.critical(None, APPLICATION, str(exc))
        return EXIT_CANNOT_OPEN
    workspace = Workspace(db)
    window = MainWindow(workspace, settings)
    window.show()
    for warning in warnings:
        QTimer.singleShot(0, lambda text=warning: QMessageBox.warning(window, APPLICATION, text))
    if smoke_test:
        close_once_shown(app, window)
    elif not sample:
        # After the window is up, so the question is asked over it.
        QTimer.singleShot(0, window.offer_sample)
    try:
        return app.exec()
    finally:
        workspace.db.close()
        settings.sync()
