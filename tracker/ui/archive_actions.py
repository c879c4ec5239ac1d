"""File › Export Archive… and File › Import Archive…: the whole database as one JSON file.

The same services as ``tracker export --format archive`` and ``tracker import --format
json``. Both run on a worker thread (a million events take a minute), each on a database
connection of its own: the export opens the window's database again (WAL lets it read
beside the window), the import fills a new file the user names, never the open one (an
archive goes into an empty database only), and then offers to open it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget
from sqlalchemy.engine import URL
from sqlalchemy.exc import SQLAlchemyError

from tracker.services.archive import ArchiveSummary, export_archive
from tracker.services.archive_import import ArchiveError, import_archive
from tracker.storage.database import Database, open_database
from tracker.storage.errors import StorageError
from tracker.ui import settings as options
from tracker.ui.settings import Settings
from tracker.ui.workspace import Workspace

log = logging.getLogger(__name__)

FILE_FILTER = "Negotiation Tracker archives (*.json);;All files (*)"
DATABASE_FILTER = "Negotiation Tracker databases (*.db)"
DEFAULT_NAME = "negotiations-archive.json"


class ArchiveWindow(Protocol):
    """What the actions need from the main window."""

    workspace: Workspace
    settings: Settings

    def show_message(self, text: str) -> None: ...
    def switch_database(self, db: Database, *, remember: bool = True) -> None: ...


class _Signals(QObject):
    """Signals:
        progress(str): what the task is doing now.
        finished(str, object, str): the task ("export" or "import"), its ArchiveSummary,
            and the file written.
        failed(str): why nothing was written.
    """

    progress = Signal(str)
    finished = Signal(str, object, str)
    failed = Signal(str)


class _Task(QRunnable):
    def __init__(self, kind: str, work: Callable[[Callable[[str, int], None]], ArchiveSummary],
                 target: Path, signals: _Signals) -> None:
        super().__init__()
        self._kind = kind
        self._work = work
        self._target = target
        self._signals = signals

    def run(self) -> None:
        """Override QRunnable.run (worker thread): never touches a widget."""
        def told(table: str, rows: int) -> None:
            self._signals.progress.emit(f"{table.replace('_', ' ')}: {rows:,} rows")
        try:
            summary = self._work(told)
        except (ArchiveError, StorageError, OSError, SQLAlchemyError) as exc:
            self._signals.failed.emit(str(exc))
        except Exception as exc:
            log.exception("Archive task for %s failed", self._target)
            self._signals.failed.emit(f"Unexpected error ({type(exc).__name__}): {exc}")
        else:
            self._signals.finished.emit(self._kind, summary, str(self._target))


def _export(url: URL, path: Path, told: Callable[[str, int], None]) -> ArchiveSummary:
    db = open_database(url, create=False)
    try:
        with db.reading() as session:
            return export_archive(session, path, progress=told)
    finally:
        db.close()


def _import(archive: Path, target: Path, told: Callable[[str, int], None]) -> ArchiveSummary:
    db = open_database(target)
    try:
        return import_archive(db, archive, progress=told)
    except BaseException:
        db.close()
        # The file is ours (it did not exist before): leave no empty database behind.
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(f"{target}{suffix}").unlink(missing_ok=True)
        raise
    finally:
        db.close()


class ArchiveActions(QObject):
    """The two menu commands and their worker thread; one per window.

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
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._signals = _Signals(self)
        self._signals.progress.connect(self._host().show_message)
        self._signals.failed.connect(self._on_failed)
        self._signals.finished.connect(self._on_finished)

    def _host(self) -> ArchiveWindow:
        return self._window  # type: ignore[return-value]

    def export_archive(self) -> None:
        host = self._host()
        folder = Path(host.settings.get(options.EXPORT_FOLDER) or Path.home())
        chosen, _filter = QFileDialog.getSaveFileName(
            self._window, "Export Archive", str(folder / DEFAULT_NAME), FILE_FILTER)
        if not chosen:
            return
        path = Path(chosen)
        if path.suffix.casefold() != ".json":
            path = path.with_name(path.name + ".json")
        host.settings.set(options.EXPORT_FOLDER, str(path.parent))
        url = host.workspace.db.url
        self._start("export", lambda told: _export(url, path, told), path)
        host.show_message(f"Exporting the archive to {path}…")

    def import_archive(self) -> None:
        host = self._host()
        folder = host.settings.get(options.IMPORT_FOLDER) or str(Path.home())
        chosen, _filter = QFileDialog.getOpenFileName(
            self._window, "Import Archive", folder, FILE_FILTER)
        if not chosen:
            return
        archive = Path(chosen)
        host.settings.set(options.IMPORT_FOLDER, str(archive.parent))
        target_name, _filter = QFileDialog.getSaveFileName(
            self._window, "New Database for the Archive",
            str(archive.with_suffix(".db")), DATABASE_FILTER,
            options=QFileDialog.Option.DontConfirmOverwrite)
        if not target_name:
            return
        target = Path(target_name)
        if not target.suffix:
            target = target.with_suffix(".db")
        if target.exists():  # an archive fills an empty database, never one with work in it
            QMessageBox.warning(self._window, "Import Archive",
                                f"{target} already exists.\n\nAn archive is imported into a "
                                "new database: choose a new file name.")
            return
        self._start("import", lambda told: _import(archive, target, told), target)
        host.show_message(f"Importing {archive.name} into {target}…")

    def wait(self, msecs: int = -1) -> bool:
        return self._pool.waitForDone(msecs)

    def _start(self, kind: str, work: Callable[[Callable[[str, int], None]], ArchiveSummary],
               target: Path) -> None:
        self._pool.start(_Task(kind, work, target, self._signals))

    def _on_finished(self, kind: str, summary: ArchiveSummary, path: str) -> None:
        if kind == "export":
            self._on_exported(summary, path)
        else:
            self._on_imported(summary, path)

    def _on_exported(self, summary: ArchiveSummary, path: str) -> None:
        self._host().show_message(f"Archive of {summary.describe()} written to {path}")
        self.finished.emit(summary, path)

    def _on_imported(self, summary: ArchiveSummary, path: str) -> None:
        host = self._host()
        host.show_message(f"Archive imported into {path}: {summary.describe()}")
        self.finished.emit(summary, path)
        answer = QMessageBox.question(
            self._window, "Archive Imported",
            f"{summary.describe()} imported into {path}.\n\nOpen it now?")
        if answer == QMessageBox.StandardButton.Yes:
            try:
                host.switch_database(open_database(Path(path), create=False))
            except StorageError as exc:
                QMessageBox.critical(self._window, "Cannot Open Database", str(exc))

    def _on_failed(self, message: str) -> None:
        self._host().show_message("The archive task failed; nothing was written")
        self.failed.emit(message)
        QMessageBox.warning(self._window, "Archive Failed",
                            f"Nothing was written.\n\n{message}")


def for_window(window: QWidget) -> ArchiveActions:
    """The window's ArchiveActions, made on first use."""
    found = window.findChild(ArchiveActions, "archive-actions")
    return found if found is not None else ArchiveActions(window)
