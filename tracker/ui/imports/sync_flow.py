"""The window side of Update from Source…: the dialog, the runner, progress, the result.

The sync runs as one operation on the window's runner (``services.sync.syncing
.sync_source``): the pages are fetched, then imported in one transaction. Edits pause
for all of it, as for a file import, since the import at its end holds the write lock.
Progress is the import's dialog, with the download's pages before the import's records;
Cancel stops either and leaves the database as it was. The result is the import's own
result dialog.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal, Slot
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from tracker.services.imports.importing import ImportProgress
from tracker.services.sync.sources import SyncRequest
from tracker.services.sync.syncing import FetchProgress, SyncResult, sync_source
from tracker.storage.database import Database
from tracker.ui.common.db_op import DbOp, OpHandle
from tracker.ui.common.error_boundary import Failure
from tracker.ui.common.language import translate
from tracker.ui.common.table_model import as_plain
from tracker.ui.common.workspace import Topic, Workspace
from tracker.ui.imports.import_progress import STEPS, ImportProgressDialog
from tracker.ui.imports.import_result import ImportResultDialog, counts_text
from tracker.ui.imports.sync_dialog import SyncDialog


def sync_op(request: SyncRequest) -> DbOp[SyncResult]:
    """Fetch and import *request*: progress as FetchProgress, then ImportProgress."""

    def work(db: Database, handle: OpHandle) -> SyncResult:
        return sync_source(db, request, progress=handle.report, cancel=handle.cancel_event,
                           second_processes=True)  # the program's own process (importing.py)

    title = translate("SyncFlow", "Updating {source}").format(source=request.describe())
    pause = translate("SyncFlow", "Events are being updated from {source}; edits can be "
                                  "saved after the update finishes").format(
        source=request.source.label)
    return (DbOp(title, translate("SyncFlow", "the update from the source"), work)
            .cancelled_on_leave()
            .pausing_edits(pause))


class SyncProgressDialog(ImportProgressDialog):
    """The import's progress dialog, which first counts the pages being downloaded."""

    def __init__(self, request: SyncRequest, parent: QWidget | None = None) -> None:
        super().__init__(Path(request.file_name()), parent)
        self.setWindowTitle(self.tr("Updating from Source"))
        self.title_label.setText(self.tr("Updating %1…").replace("%1", request.describe()))
        self.counts_label.setText(self.tr("Asking the source…"))

    @Slot(object)
    def show_progress(self, progress: ImportProgress | FetchProgress) -> None:
        """Override ImportProgressDialog.show_progress: pages first, then the import."""
        if isinstance(progress, ImportProgress):
            super().show_progress(progress)
            return
        if self.is_cancelling():
            return
        fraction = progress.fraction
        if fraction is None:
            self.bar.setRange(0, 0)
        else:
            self.bar.setRange(0, STEPS)
            self.bar.setValue(round(fraction * STEPS))
        text = (self.tr("Page %1 of %2 from %3 · %4 events") if progress.total_pages
                else self.tr("Page %1 from %3 · %4 events"))
        self.counts_label.setText(
            text.replace("%1", f"{progress.pages:,}")
            .replace("%2", f"{progress.total_pages or 0:,}")
            .replace("%3", progress.host).replace("%4", f"{progress.records:,}"))


class SyncFlow(QObject):
    """Update from Source…, one at a time.

    Signals:
        synced(SyncResult): an update finished (imported, or the source had nothing).
    """

    synced = Signal(object)

    def __init__(self, workspace: Workspace, window: QWidget,
                 open_dialog: Callable[[QDialog], None],
                 show_message: Callable[[str], None]) -> None:
        super().__init__(window)
        self._workspace = workspace
        self._window = window
        self._open = open_dialog
        self._message = show_message
        self._last: SyncRequest | None = None  # the dialog opens with the last request
        self._progress: SyncProgressDialog | None = None
        self._running: OpHandle | None = None

    def ask(self) -> None:
        """Open the dialog (the window says so if an update is already running)."""
        if self._running is not None:
            self._message(self.tr("An update from a source is already running"))
            return
        dialog = SyncDialog(self._window, initial=self._last)
        dialog.accepted.connect(lambda: self._chosen(dialog.request()))
        self._open(dialog)

    def is_busy(self) -> bool:
        return self._running is not None

    def cancel(self) -> None:
        if self._running is not None:
            self._running.cancel()

    def run(self, request: SyncRequest) -> None:
        """Fetch and import *request* on the runner, under the progress dialog."""
        self._last = request
        dialog = SyncProgressDialog(request, self._window)
        dialog.cancel_requested.connect(self.cancel)
        self._progress = dialog
        self._open(dialog)
        self._running = self._workspace.runner.submit(
            sync_op(request).owned_by(self).on_progress(dialog.show_progress)
            .on_success(self._on_finished).on_failure(self._on_failed))

    def _chosen(self, request: SyncRequest) -> None:
        # On the next turn: the window forgets its open dialog after `accepted`.
        QTimer.singleShot(0, self, lambda: self.run(request))

    def _on_finished(self, result: SyncResult) -> None:
        self._running = None
        self._close_progress()
        self.synced.emit(result)
        if result.report is None:
            self._message(self.tr("%1: the source has no events for this; nothing was "
                                  "changed").replace("%1", result.request.describe()))
            return
        self._workspace.changed.emit(Topic.EVENTS)  # imported outside Workspace.write
        self._message(self.tr("Updated %1 from %2: %3").replace(
            "%1", result.request.describe()).replace("%2", result.host)
            .replace("%3", counts_text(result.report)))
        if self._window.isVisible() and not self._workspace.runner.leaving:
            report = result.report
            QTimer.singleShot(0, self, lambda: self._open(ImportResultDialog(report,
                                                                             self._window)))

    def _on_failed(self, failure: Failure) -> None:
        self._running = None
        self._close_progress()
        if failure.cancelled:
            self._message(self.tr("Update cancelled. The database is unchanged."))
            return
        self._message("")
        QMessageBox.warning(self._window, self.tr("Update Failed"), as_plain(
            self.tr("Nothing was changed.\n\n%1").replace("%1", failure.message)))

    def _close_progress(self) -> None:
        if self._progress is not None:
            self._progress.finish()
            self._progress = None
