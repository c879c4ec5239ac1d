"""The window side of importing: files in, one dialog after another, the runner, the outcome.

Files come from File › Import Events… or are dropped on the window. They are imported one
after another: a file dropped during an import waits its turn. For each file: the
window's runner reads it (``preview_op``), the import dialog asks how to read it, a
generic CSV gets the column-mapping dialog, the import runs on the runner under the
progress dialog, and the result (or the refusal, naming file, line and column) is shown.

Each next dialog opens on the next event-loop turn: the window forgets its open dialog
when that one finishes, which Qt signals after ``accepted``, so a dialog opened from
``accepted`` itself would be forgotten at once.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from dataclasses import replace
from fnmatch import fnmatch
from pathlib import Path

from PySide6.QtCore import QMimeData, QObject, QTimer, Signal, Slot
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget

from tracker.io.input_errors import InputFileError
from tracker.services.imports.import_mappings import recall
from tracker.services.imports.import_report import ImportReport
from tracker.services.imports.importing import (
    EVENTS_FILE_FILTER,
    FilePreview,
    ImportProgress,
    ImportTarget,
    formats_for,
)
from tracker.services.reconcile.same_file import SameFileError
from tracker.storage.deferred_build import CATEGORIES_STEP
from tracker.ui.common import settings as options
from tracker.ui.common.db_op import OpHandle
from tracker.ui.common.error_boundary import Failure
from tracker.ui.common.language import QT_TRANSLATE_NOOP
from tracker.ui.common.settings import Settings
from tracker.ui.common.table_model import as_plain
from tracker.ui.common.workspace import Topic, Workspace
from tracker.ui.imports.import_anyway import ImportAnywayDialog
from tracker.ui.imports.import_dialog import ImportDialog
from tracker.ui.imports.import_mapping import ColumnMappingDialog
from tracker.ui.imports.import_progress import ImportProgressDialog
from tracker.ui.imports.import_result import ImportResultDialog, counts_text
from tracker.ui.imports.import_task import ImportRequest, build_op, import_op, preview_op

FILE_FILTER = EVENTS_FILE_FILTER
UNCHANGED = QT_TRANSLATE_NOOP("ImportFlow", "The database is unchanged.")


# The names of the files an event import takes, from the registry ("*.csv").
_EVENT_PATTERNS = tuple(dict.fromkeys(
    pattern.casefold() for fmt in formats_for(ImportTarget.EVENTS) for pattern in fmt.patterns))


def dropped_csv_files(mime: QMimeData) -> list[Path]:
    """The local event files in a drag, by the import formats' file patterns (a URL from
    a web page or another kind of file is not something to import)."""
    if not mime.hasUrls():
        return []
    return [Path(url.toLocalFile()) for url in mime.urls()
            if url.isLocalFile() and any(fnmatch(Path(url.toLocalFile()).name.casefold(),
                                                 pattern) for pattern in _EVENT_PATTERNS)]


class ImportFlow(QObject):
    """Imports files one at a time through the dialogs and the window's runner.

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
        self._request: ImportRequest | None = None  # the import running, to force again
        self._progress: ImportProgressDialog | None = None
        self._running: OpHandle | None = None
        self._settings = settings  # the file dialog opens where the last file came from
        workspace.runner.settling.connect(self._on_settling)

    # -- our API ------------------------------------------------------------------------

    def choose_files(self) -> None:
        """Ask for files to import (several may be chosen; they are imported in turn)."""
        folder = self._settings.get(options.IMPORT_FOLDER)
        chosen, _filter = QFileDialog.getOpenFileNames(
            self._window, self.tr("Import Events"), folder or str(Path.home()), FILE_FILTER)
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
            self._message(self.tr("{files}: imported next, after {current}").format(
                files=names, current=self._current.name))

    def is_busy(self) -> bool:
        return self._current is not None

    def queued(self) -> list[Path]:
        return list(self._queue)

    def cancel(self) -> None:
        """Ask the running import to stop; it rolls back and says so."""
        if self._running is not None:
            self._running.cancel()

    @Slot()
    def _on_settling(self) -> None:
        """The window is closing or the database is being replaced: the files still to
        import are dropped (the runner cancels the running one and waits for it)."""
        self._queue.clear()

    # -- one file, step by step -----------------------------------------------------------

    def _next(self) -> None:
        if self._current is not None or not self._queue:
            return
        path = self._queue.popleft()
        self._current = path
        self._message(self.tr("Reading {file}…").format(file=path.name))
        self._running = self._workspace.runner.submit(
            preview_op(path).owned_by(self).on_success(self._on_previewed)
            .on_failure(self._on_failed))

    def _asking(self) -> bool:
        """Whether to go on to the next dialog: not once the window is closing."""
        return self._window.isVisible() and not self._workspace.runner.leaving

    def _on_previewed(self, preview: FilePreview) -> None:
        self._running = None
        if not self._asking():  # closed while the file was read: ask nothing
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
        self._request = request
        dialog = ImportProgressDialog(request.path, self._window)
        dialog.cancel_requested.connect(self.cancel)
        self._progress = dialog
        self._open(dialog)
        self._running = self._workspace.runner.submit(
            import_op(request).owned_by(self).on_progress(self._on_progressed)
            .on_success(self._on_finished).on_failure(self._on_failed))

    def _on_progressed(self, progress: ImportProgress) -> None:
        if self._progress is not None:
            self._progress.show_progress(progress)

    def _on_finished(self, report: ImportReport) -> None:
        self._running = None
        self._close_progress()
        # The import wrote through its own connection in the worker, not Workspace.write:
        # announce it as every edit is announced, so views and status bar counts re-read.
        self._workspace.changed.emit(Topic.EVENTS)
        self._message(self.tr("Imported {file}: {counts}").format(file=report.file.name,
                                                                  counts=counts_text(report)))
        self.imported.emit(report)
        self._workspace.runner.submit(
            build_op().owned_by(self).on_progress(self._on_building)
            .on_success(self._on_built))
        if not self._asking():
            self._done()
            return
        dialog = ImportResultDialog(report, self._window)
        dialog.finished.connect(self._done)
        self._later(lambda: self._open(dialog))

    def _on_building(self, progress: ImportProgress) -> None:
        # The events are usable already; what is still being built, and how far.
        self._message(self.tr("Deciding categories, building the search index, map cells "
                              "and sort orders ({done} of {total})…").format(
            done=progress.indexes_built, total=progress.indexes_total))
        if progress.step_built == CATEGORIES_STEP:
            # Until now every new event was "uncategorised" (nobody had looked yet): the
            # views that count or colour by category read them again.
            self._workspace.changed.emit(Topic.EVENTS)

    def _on_built(self, built: int) -> None:
        if built:
            self._message(self.tr("Categories, search index, map cells and sort orders "
                                  "built."))
            self._workspace.changed.emit(Topic.EVENTS)  # searches and the map use them now

    def _on_failed(self, failure: Failure) -> None:
        self._running = None
        self._close_progress()
        if failure.cancelled:
            name = self._current.name if self._current else self.tr("the file")
            self._message(self.tr("Import of {file} cancelled. {unchanged}").format(
                file=name, unchanged=self.tr(UNCHANGED)))
        elif isinstance(failure.error, SameFileError) and self._asking():
            self._message("")
            self._ask_anyway(failure.error)
            return  # this file is not done: it may be imported anyway
        elif isinstance(failure.error, InputFileError):
            self._message("")
            QMessageBox.warning(self._window, self.tr("Import Refused"), as_plain(
                self.tr("The file was refused:\n\n{error}\n\n{unchanged}").format(
                    error=failure.message, unchanged=self.tr(UNCHANGED))))
        else:
            self._message("")
            QMessageBox.warning(self._window, self.tr("Import Failed"), as_plain(
                self.tr("Nothing was imported. {unchanged}\n\n{error}").format(
                    unchanged=self.tr(UNCHANGED), error=failure.message)))
        self._done()

    def _ask_anyway(self, error: SameFileError) -> None:
        """Refused as a copy of another dataset: import it anyway, forced, if asked to."""
        request = self._request
        assert request is not None
        forced = replace(request, force=True)
        dialog = ImportAnywayDialog(error, request.path, self._window)
        dialog.accepted.connect(lambda: self._later(lambda: self._run(forced)))
        dialog.rejected.connect(self._done)
        self._later(lambda: self._open(dialog))

    @Slot()
    def _done(self) -> None:
        """This file is dealt with; the next one (if any) starts on the next turn."""
        self._current = None
        self._preview = None
        self._request = None
        self._later(self._next)

    def _close_progress(self) -> None:
        if self._progress is not None:
            self._progress.finish()
            self._progress = None

    def _later(self, step: Callable[[], object]) -> None:
        QTimer.singleShot(0, self, step)
