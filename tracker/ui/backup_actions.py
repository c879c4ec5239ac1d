"""File › Back Up…: a copy of the open SQLite database, taken with SQLite's backup API.

On a PostgreSQL team server there is no file to copy: the server's own tools (pg_dump)
back it up, and the window offers what it can do itself, the whole database exported as
a tracker archive (File › Export Archive…), which File › Import Archive… restores into a
new database.

The copy is consistent even while the window (or another program) writes, and lands
whole or not at all (tracker.storage.backup writes beside the target, then renames).
It runs on the window's thread with a wait cursor: a page-by-page copy of even a large
file takes seconds, and the user should not edit while the snapshot is being taken.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget

from tracker.storage.backup import back_up_engine, sqlite_file
from tracker.storage.errors import StorageError
from tracker.storage.locations import describe
from tracker.ui.workspace import Workspace

FILE_FILTER = "Negotiation Tracker backups (*.db *.bak);;All files (*)"
TITLE = "Back Up Database"


def default_backup_path(database: Path, today: date) -> Path:
    """``talks-backup-2026-02-05.db`` beside the database."""
    return database.with_name(f"{database.stem}-backup-{today.isoformat()}.db")


def back_up(parent: QWidget, workspace: Workspace, show_message: Callable[[str], None],
            ask: Callable[[str, str], bool], export_archive: Callable[[], None]) -> Path | None:
    """Ask where, write the backup there; the file written, or None (cancelled, failed,
    or a server database, for which an archive export is offered instead)."""
    if not workspace.db.is_sqlite:
        if ask(TITLE, f"{describe(workspace.db.url)} is a database server: its "
                      "administrator backs it up with the server's own tools (pg_dump).\n\n"
                      "Export the whole database to an archive file instead? File › Import "
                      "Archive… restores an archive into a new database."):
            export_archive()
        return None
    try:
        database = sqlite_file(workspace.db.url)
    except StorageError as exc:
        QMessageBox.warning(parent, TITLE, str(exc))
        return None
    chosen, _filter = QFileDialog.getSaveFileName(
        parent, TITLE, str(default_backup_path(database, date.today())), FILE_FILTER)
    if not chosen:
        return None
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        written = back_up_engine(workspace.db.engine, Path(chosen))
    except (StorageError, OSError) as exc:
        QApplication.restoreOverrideCursor()
        QMessageBox.warning(parent, TITLE, f"The backup was not written.\n\n{exc}")
        return None
    QApplication.restoreOverrideCursor()
    show_message(f"Backed up to {written}")
    return written
