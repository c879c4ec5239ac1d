"""File › Export Archive… and File › Import Archive…: the whole database as one JSON file.

The same services as ``tracker export --format archive`` and ``tracker import --format
json``. Both are operations on the window's runner (a million events take a minute),
each on a database connection of its own: the export opens the window's database again
(WAL lets it read beside the window), the import fills a new file the user names, never
the open one (an archive goes into an empty database only), and then offers to open it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from tracker.domain.errors import TrackerError
from tracker.services.exports.archive import ArchiveSummary, export_archive
from tracker.services.exports.archive_import import import_archive
from tracker.services.exports.export_formats import ExportFormat
from tracker.storage.database import Database, open_database
from tracker.ui.common import settings as options
from tracker.ui.common.db_op import DbOp, OpHandle
from tracker.ui.common.error_boundary import Failure, show_failure
from tracker.ui.common.settings import Settings
from tracker.ui.common.workspace import Workspace

FILE_FILTER = f"{ExportFormat.ARCHIVE.file_filter};;All files (*)"
DATABASE_FILTER = "Negotiation Tracker databases (*.db)"
DEFAULT_NAME = "negotiations-archive.json"


class ArchiveWindow(Protocol):
    """What the actions need from the main window."""

    workspace: Workspace
    settings: Settings

    def show_message(self, text: str) -> None: ...
    def switch_database(self, db: Database, *, remember: bool = True) -> None: ...


def _told(handle: OpHandle) -> Callable[[str, int], None]:
    """The services' per-page progress hook: a line for the status bar, and the point
    where a cancel stops the work (the export's file is not written, the new database
    is removed)."""
    def told(table: str, rows: int) -> None:
        handle.check()
        handle.report(f"{table.replace('_', ' ')}: {rows:,} rows")
    return told


def _export(path: Path, window_db: Database, handle: OpHandle) -> ArchiveSummary:
    db = open_database(window_db.url, create=False)
    try:
        with db.reading() as session:
            return export_archive(session, path, progress=_told(handle))
    finally:
        db.close()


def _import(archive: Path, target: Path, handle: OpHandle) -> ArchiveSummary:
    db = open_database(target)
    try:
        return import_archive(db, archive, progress=_told(handle))
    except BaseException:
        db.close()
        # The file is ours (it did not exist before): leave no empty database behind.
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(f"{target}{suffix}").unlink(missing_ok=True)
        raise
    finally:
        db.close()


class ArchiveActions(QObject):
    """The two menu commands; one per window.

    Signals:
        finished(object, str): a task wrote this summary to this file.
        failed(str): a task failed; nothing was written.
    """

    finished = Signal(object, str)
    failed = Signal(str)

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("archive-actions")
        self._window = window

    def _host(self) -> ArchiveWindow:
        return self._window  # type: ignore[return-value]

    def export_archive(self) -> None:
        host = self._host()
        folder = Path(host.settings.get(options.EXPORT_FOLDER) or Path.home())
        chosen, _filter = QFileDialog.getSaveFileName(
            self._window, self.tr("Export Archive"), str(folder / DEFAULT_NAME), FILE_FILTER)
        if not chosen:
            return
        path = Path(chosen)
        suffix = ExportFormat.ARCHIVE.suffix
        if path.suffix.casefold() != suffix:
            path = path.with_name(path.name + suffix)
        host.settings.set(options.EXPORT_FOLDER, str(path.parent))
        self._start(DbOp(self.tr("Archive export"), self.tr("the archive export"),
                         lambda db, handle: _export(path, db, handle))
                    .on_success(lambda summary: self._on_exported(summary, str(path))))
        host.show_message(self.tr("Exporting the archive to {path}…").format(path=path))

    def import_archive(self) -> None:
        host = self._host()
        folder = host.settings.get(options.IMPORT_FOLDER) or str(Path.home())
        chosen, _filter = QFileDialog.getOpenFileName(
            self._window, self.tr("Import Archive"), folder, FILE_FILTER)
        if not chosen:
            return
        archive = Path(chosen)
        host.settings.set(options.IMPORT_FOLDER, str(archive.parent))
        target_name, _filter = QFileDialog.getSaveFileName(
            self._window, self.tr("New Database for the Archive"),
            str(archive.with_suffix(".db")), DATABASE_FILTER,
            options=QFileDialog.Option.DontConfirmOverwrite)
        if not target_name:
            return
        target = Path(target_name)
        if not target.suffix:
            target = target.with_suffix(".db")
        if target.exists():  # an archive fills an empty database, never one with work in it
            QMessageBox.warning(self._window, self.tr("Import Archive"),
                                self.tr("{path} already exists.\n\nAn archive is imported "
                                        "into a new database: choose a new file name.").format(
                                            path=target))
            return
        self._start(DbOp(self.tr("Archive import"), self.tr("the archive import"),
                         lambda _db, handle: _import(archive, target, handle))
                    .on_success(lambda summary: self._on_imported(summary, str(target))))
        host.show_message(self.tr("Importing {file} into {path}…").format(file=archive.name,
                                                                          path=target))

    def _start(self, op: DbOp[ArchiveSummary]) -> None:
        self._host().workspace.runner.submit(
            op.owned_by(self).cancellable().on_progress(self._host().show_message)
            .on_failure(self._on_failed))

    def _on_exported(self, summary: ArchiveSummary, path: str) -> None:
        self._host().show_message(self.tr("Archive of {contents} written to {path}").format(
            contents=summary.describe(), path=path))
        self.finished.emit(summary, path)

    def _on_imported(self, summary: ArchiveSummary, path: str) -> None:
        host = self._host()
        host.show_message(self.tr("Archive imported into {path}: {contents}").format(
            path=path, contents=summary.describe()))
        self.finished.emit(summary, path)
        if host.workspace.runner.leaving:
            return  # the window is closing: the file is there, ask nothing
        # Asked on the next turn of the event loop, not in this callback: the runner
        # starts its next operation only once the callback returns, and a modal question
        # would hold every queued operation until it is answered.
        QTimer.singleShot(0, self, lambda: self._offer_to_open(summary, path))

    def _offer_to_open(self, summary: ArchiveSummary, path: str) -> None:
        answer = QMessageBox.question(
            self._window, self.tr("Archive Imported"),
            self.tr("{contents} imported into {path}.\n\nOpen it now?").format(
                contents=summary.describe(), path=path))
        if answer == QMessageBox.StandardButton.Yes:
            try:
                self._host().switch_database(open_database(Path(path), create=False))
            except TrackerError as exc:  # the file is not there, or not ours
                QMessageBox.critical(self._window, self.tr("Cannot Open Database"), str(exc))

    def _on_failed(self, failure: Failure) -> None:
        if failure.cancelled:
            self._host().show_message(self.tr(
                "The archive task was cancelled; nothing was written"))
            self.failed.emit(failure.message)
            return
        self._host().show_message(self.tr("The archive task failed; nothing was written"))
        self.failed.emit(failure.message)
        show_failure(self._window, self.tr("Archive Failed"), failure)


def for_window(window: QWidget) -> ArchiveActions:
    """The window's ArchiveActions, made on first use."""
    found = window.findChild(ArchiveActions, "archive-actions")
    return found if found is not None else ArchiveActions(window)
