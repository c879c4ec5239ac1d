"""File › Back Up…: a copy of the open SQLite database, taken with SQLite's backup API.

On a PostgreSQL team server there is no file to copy: the server's own tools (pg_dump)
back it up, and the window offers what it can do itself, the whole database exported as
a tracker archive (File › Export Archive…), which File › Import Archive… restores into a
new database.

The copy is consistent even while another program writes, and lands whole or not at all
(tracker.storage.backup writes beside the target, then renames). It is an operation on
the window's runner: a page-by-page copy of a large file takes a while, and edits pause
while the snapshot is being taken (a write from this window would restart the copy).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from tracker.domain.errors import TrackerError
from tracker.storage.backup import back_up_engine, sqlite_file
from tracker.storage.locations import describe
from tracker.ui.common.db_op import DbOp
from tracker.ui.common.error_boundary import Failure
from tracker.ui.common.language import QT_TRANSLATE_NOOP, translate
from tracker.ui.common.workspace import Workspace

FILE_FILTER = QT_TRANSLATE_NOOP("Backup", "Negotiation Tracker backups (*.db *.bak);;All files (*)")
TITLE = QT_TRANSLATE_NOOP("Backup", "Back Up Database")


def default_backup_path(database: Path, today: date) -> Path:
    """``talks-backup-2026-02-05.db`` beside the database."""
    return database.with_name(f"{database.stem}-backup-{today.isoformat()}.db")


def back_up(parent: QWidget, workspace: Workspace, show_message: Callable[[str], None],
            ask: Callable[[str, str], bool], export_archive: Callable[[], None]) -> None:
    """Ask where, then write the backup there on the runner (a server database is
    offered an archive export instead)."""
    title = translate("Backup", TITLE)
    if not workspace.db.is_sqlite:
        if ask(title, translate(
                "Backup", "{server} is a database server: its administrator backs it up with "
                "the server's own tools (pg_dump).\n\nExport the whole database to an archive "
                "file instead? File › Import Archive… restores an archive into a new "
                "database.").format(server=describe(workspace.db.url))):
            export_archive()
        return
    try:
        database = sqlite_file(workspace.db.url)
    except TrackerError as exc:  # an in-memory database has no file
        QMessageBox.warning(parent, title, str(exc))
        return
    chosen, _filter = QFileDialog.getSaveFileName(
        parent, title, str(default_backup_path(database, date.today())),
        translate("Backup", FILE_FILTER))
    if not chosen:
        return

    def failed(failure: Failure) -> None:
        show_message("")
        QMessageBox.warning(parent, title, translate(
            "Backup", "The backup was not written.\n\n{error}").format(error=failure.message))

    show_message(translate("Backup", "Backing up to {path}…").format(path=chosen))
    workspace.runner.submit(
        DbOp(title, translate("Backup", "the backup"),
             lambda db, _handle: back_up_engine(db.engine, Path(chosen)))
        .pausing_edits(translate("Backup", "the database is being backed up; edits can be "
                                 "saved after the backup finishes"))
        .on_success(lambda written: show_message(
            translate("Backup", "Backed up to {path}").format(path=written)))
        .on_failure(failed))
