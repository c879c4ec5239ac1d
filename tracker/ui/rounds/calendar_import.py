"""File › Import Calendar…: rounds from an .ics file, added or updated by UID, undoably.

The file is read and imported on the window's runner, in one transaction, as file
imports are (a 100,000-event calendar took minutes, issue 14 F6): the status bar shows
how far it is and offers Cancel, which rolls the transaction back, and edits pause while
it holds the write lock. Once it is committed, it becomes one undo step (the generic
OperationCommand) whose first redo only announces what changed; undo is the one the
import's Outcome gives, which takes every round back through the same operations, so
the history shows both.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from tracker.io.input_errors import InputFileError
from tracker.services.imports.importing import ImportFormat, open_file_filter
from tracker.services.rounds import ROUND_LIST_TOPICS
from tracker.services.rounds.calendar_import import (
    CalendarImport,
    import_calendar_file,
)
from tracker.storage.database import Database
from tracker.ui.common import settings as options
from tracker.ui.common.commands import OperationCommand
from tracker.ui.common.db_op import DbOp, OpHandle
from tracker.ui.common.error_boundary import Failure, show_failure
from tracker.ui.common.language import tr, translate
from tracker.ui.common.settings import Settings
from tracker.ui.common.table_model import as_plain
from tracker.ui.common.workspace import Workspace

FILE_FILTER = open_file_filter([ImportFormat.ICS], translate("Calendar", "iCalendar files"))
_LISTED_REFUSALS = 15


class ImportCalendarCommand(OperationCommand):
    """One calendar import, already committed on the runner: the first redo announces
    its rounds; undo takes back every round it added or changed.

    Attributes:
        result: what the import did.
    """

    def __init__(self, workspace: Workspace, result: CalendarImport,
                 parent: QUndoCommand | None = None) -> None:
        super().__init__(workspace, translate("Commands", "Import “{file}”").format(
                             file=result.file_name),
                         lambda _session: result.outcome, ROUND_LIST_TOPICS, parent)
        self.result = result


def calendar_import_op(path: Path) -> DbOp[CalendarImport]:
    """Read and import *path* in one transaction; progress as status-bar text."""

    def work(db: Database, handle: OpHandle) -> CalendarImport:
        handle.report(translate("Calendar", "Reading {file}…").format(file=path.name))

        def progress(done: int, total: int) -> None:
            handle.report(tr("Importing {file}: {done} of %n events", "", total)
                          .replace(str(total), f"{total:,}", 1)
                          .format(file=path.name, done=f"{done:,}"))
            handle.check()  # Cancel: raised here, so the transaction rolls back

        return import_calendar_file(db, path, progress=progress)

    return (DbOp(translate("Calendar", "Importing {file}").format(file=path),
                 translate("Calendar", "the calendar import"), work)
            .cancellable().cancelled_on_leave()
            .pausing_edits(translate("Calendar", "{file} is being imported; edits can be saved "
                                     "after the import finishes").format(file=path.name)))


def import_calendar(parent: QWidget, workspace: Workspace, settings: Settings,
                    show_message: Callable[[str], None]) -> None:
    """Ask for a file and import it on the runner; once done, one undo step and a
    message saying what it did."""
    folder = settings.get(options.IMPORT_FOLDER) or str(Path.home())
    chosen, _filter = QFileDialog.getOpenFileName(parent, translate("Calendar", "Import Calendar"),
                                                  folder,
                                                  FILE_FILTER)
    if not chosen:
        return
    settings.set(options.IMPORT_FOLDER, str(Path(chosen).parent))
    import_calendar_path(parent, workspace, Path(chosen), show_message)


def import_calendar_path(parent: QWidget, workspace: Workspace, path: Path,
                         show_message: Callable[[str], None]) -> None:
    """Import *path* on the runner (a file chosen, or dropped on the window)."""

    def imported(result: CalendarImport) -> None:
        if result.outcome.undo is not None:  # an import that changed nothing is no step
            workspace.undo_stack.push(ImportCalendarCommand(workspace, result))
        show_message(result.summary())
        if not workspace.runner.leaving:
            # On the next turn of the event loop: the runner starts its next operation
            # only once this callback returns, and a modal box would hold it.
            QTimer.singleShot(0, parent, lambda: QMessageBox.information(
                parent, translate("Calendar", "Calendar Imported"),
                as_plain(_result_text(result))))

    def failed(failure: Failure) -> None:
        if failure.cancelled:
            show_message(translate("Calendar", "The import of {file} was cancelled; nothing was "
                                   "imported").format(file=path.name))
            return
        outcome = (translate("Calendar", "Nothing was imported.")
                   if isinstance(failure.error, InputFileError)
                   else translate("Calendar", "Nothing was imported; the database is as it was."))
        QTimer.singleShot(0, parent, lambda: show_failure(
            parent, translate("Calendar", "Import Failed"), failure, outcome=outcome))

    workspace.runner.submit(calendar_import_op(path).owned_by(parent)
                            .on_progress(show_message).on_success(imported)
                            .on_failure(failed))


def _result_text(result: CalendarImport) -> str:
    lines = [translate("Calendar", "{added} rounds added, {updated} updated, {unchanged} "
                       "unchanged, {refused} refused, from {file}.").format(
        added=result.added, updated=result.updated, unchanged=result.unchanged,
        refused=len(result.refused), file=result.file_name)]
    if result.rounds:
        lines.append(translate("Calendar", "Edit › Undo takes the whole import back."))
    if result.refused:
        lines.append("")
        lines.extend(translate("Calendar", "Refused: {problem}").format(problem=problem)
                     for problem in result.refused[:_LISTED_REFUSALS])
        if len(result.refused) > _LISTED_REFUSALS:
            lines.append(translate("Calendar", "… and {count} more").format(
                count=len(result.refused) - _LISTED_REFUSALS))
    return "\n".join(lines)
