"""The window side of importing: files in, one dialog after another, the worker, the outcome.

Files come from File › Import Events… or are dropped on the window. They are imported one
after another: a file dropped during an import waits its turn. For each file: the worker
reads it (``preview``), the import dialog asks how to read it, a generic CSV gets the
column-mapping dialog, the import runs in the worker under the progress dialog, and the
result (or the refusal, naming file, line and column) is shown.

Each next dialog opens on the next event-loop turn: the window forgets its open dialog
when that one finishes, which Qt signals after ``accepted``, so a dialog opened from
``accepted`` itself would be forgotten at once.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QMimeData, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMessageBox, QWidget

from tracker.services.import_mappings import recall
from tracker.services.import_report import ImportReport
from tracker.services.importing import EVENTS_FILE_FILTER, FilePreview, ImportProgress
from tracker.ui import settings as options
from tracker.ui.import_dialog import ImportDialog
from tracker.ui.import_mapping import ColumnMappingDialog
from tracker.ui.import_progress import ImportProgressDialog
from tracker.ui.import_result import ImportResultDialog, counts_text
from tracker.ui.import_task import Importer, ImportRequest
from tracker.ui.settings import Settings
from tracker.ui.table_model import as_plain
from tracker.ui.workspace import Topic, Workspace

FILE_FILTER = EVENTS_FILE_FILTER
UNCHANGED = "The database is unchanged."


def dropped_csv_files(mime: QMimeData) -> list[Path]:
    """The local .csv files in a drag (a URL from a web page or another kind of file is
    not something to import)."""
    if not mime.hasUrls():
        return []
    return [Path(url.toLocalFile()) for url in mime.urls()
            if url.isLocalFile() and url.toLocalFile().casefold().endswith(".csv")]


class ImportFlow(QObject):
    """Imports files one at a time through the dialogs and the Importer worker.

    Signals:
        imported(ImportReport): an import was committed; the views were told.
    """

    imported = Signal(object)

    def __init__(self, workspace: Workspace, window: QWidget,
                 open_dialog: Callable[[QDialog], None],
                 show_message: Callable[[str], None], settings: Settings) -> None:
        super().__init__(window)
        self._workspace = workspace
        self._window = window
        self._open = open_dialog
        self._message = show_message
        self._queue: deque[Path] = deque()
        self._current: Path | None = None
        self._preview: FilePreview | None = None
        self._progress: ImportProgressDialog | None = None
        self._settings = settings  # the file dialog opens where the last file came from
        self.importer = Importer(self)
        self.importer.previewed.connect(self._on_previewed)
        self.importer.progressed.connect(self._on_progressed)
        self.importer.finished.connect(self._on_finished)
        self.importer.refused.connect(self._on_refused)
        self.importer.cancelled.connect(self._on_cancelled)
        self.importer.failed.connect(self._on_failed)

    # -- our API ------------------------------------------------------------------------

    def choose_files(self) -> None:
        """Ask for files to import (several may be chosen; they are imported in turn)."""
        folder = self._settings.get(options.IMPORT_FOLDER)
        chosen, _filter = QFileDialog.getOpenFileNames(
            self._window, "Import Events", folder or str(Path.home()), FILE_FILTER)
        if chosen:
            self._settings.set(options.IMPORT_FOLDER, str(Path(chosen[0]).parent))
            self.import_files([Path(name) for name in chosen])

    def import_files(self, paths: list[Path]) -> None:
        """Import *paths* after whatever is being imported now."""
        self._queue.extend(paths)
        if self._current is None:
            self._next()
        elif paths:
            names = ", ".join(path.name for path in paths)
            self._message(f"{names}: imported next, after {self._current.name}")

    def is_busy(self) -> bool:
        return self._current is not None

    def queued(self) -> list[Path]:
        return list(self._queue)

    def stop(self) -> None:
        """Drop the queue and cancel a running import, waiting until it has rolled back
        (the window is closing, or the database is about to be replaced)."""
        self._queue.clear()
        if not self.importer.is_busy():
            return
        self.importer.cancel()
        # Rolling back a big import takes a moment; say so rather than freeze in silence.
        self._message("Cancelling the import…")
        self._window.repaint()  # now: no event is processed until the wait is over
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.importer.wait()
        finally:
            QApplication.restoreOverrideCursor()

    # -- one file, step by step -----------------------------------------------------------

    def _next(self) -> None:
        if self._current is not None or not self._queue:
            return
        path = self._queue.popleft()
        self._current = path
        self._message(f"Reading {path.name}…")
        self.importer.preview(path)

    @Slot(object)
    def _on_previewed(self, preview: FilePreview) -> None:
        if not self._window.isVisible():  # closed while the file was read: ask nothing
            self._done()
            return
        self._preview = preview
        self._message("")
        dialog = ImportDialog(preview, self._window)
        # The request is read now: the dialog is deleted once it has closed.
        dialog.accepted.connect(lambda: self._on_import_chosen(dialog.request()))
        dialog.rejected.connect(self._done)
        self._open(dialog)

    def _on_import_chosen(self, request: ImportRequest) -> None:
        if request.fmt.needs_mapping:
            self._later(lambda: self._ask_mapping(request))
        else:
            self._later(lambda: self._run(request))

    def _ask_mapping(self, request: ImportRequest) -> None:
        preview = self._preview
        assert preview is not None
        remembered = self._workspace.read(lambda session: recall(session, preview.header))
        dialog = ColumnMappingDialog(preview, remembered, self._window)

        def on_accepted() -> None:
            chosen = replace(request, mapping=dialog.mapping())  # before it is deleted
            self._later(lambda: self._run(chosen))

        dialog.accepted.connect(on_accepted)
        dialog.rejected.connect(self._done)
        self._open(dialog)

    def _run(self, request: ImportRequest) -> None:
        dialog = ImportProgressDialog(request.path, self._window)
        dialog.cancel_requested.connect(self.importer.cancel)
        self._progress = dialog
        self._open(dialog)
        self.importer.start(self._workspace.db, request)

    @Slot(object)
    def _on_progressed(self, progress: ImportProgress) -> None:
        if self._progress is not None:
            self._progress.show_progress(progress)

    @Slot(object)
    def _on_finished(self, report: ImportReport) -> None:
        self._close_progress()
        # The import wrote through its own connection in the worker, not Workspace.write:
        # announce it as every edit is announced, so views and status bar counts re-read.
        self._workspace.changed.emit(Topic.EVENTS)
        self._message(f"Imported {report.file.name}: {counts_text(report)}")
        self.imported.emit(report)
        if not self._window.isVisible():
            self._done()
            return
        dialog = ImportResultDialog(report, self._window)
        dialog.finished.connect(self._done)
        self._later(lambda: self._open(dialog))

    @Slot(str)
    def _on_refused(self, message: str) -> None:
        self._close_progress()
        self._message("")
        QMessageBox.warning(self._window, "Import Refused",
                            as_plain(f"The file was refused:\n\n{message}\n\n{UNCHANGED}"))
        self._done()

    @Slot()
    def _on_cancelled(self) -> None:
        self._close_progress()
        name = self._current.name if self._current else "the file"
        self._message(f"Import of {name} cancelled. {UNCHANGED}")
        self._done()

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        self._close_progress()
        self._message("")
        QMessageBox.warning(self._window, "Import Failed",
                            as_plain(f"Nothing was imported. {UNCHANGED}\n\n{message}"))
        self._done()

    @Slot()
    def _done(self) -> None:
        """This file is dealt with; the next one (if any) starts on the next turn."""
        self._current = None
        self._preview = None
        self._later(self._next)

    def _close_progress(self) -> None:
        if self._progress is not None:
            self._progress.finish()
            self._progress = None

    def _later(self, step: Callable[[], object]) -> None:
        QTimer.singleShot(0, self, step)
