"""File › Import Calendar…: rounds from an .ics file, added or updated by UID, undoably.

The file is read and checked first, so a file that is not a calendar is refused before
anything is pushed on the undo stack. The import itself is one undo step (the generic
OperationCommand): redo runs the same service as ``tracker import --format ics`` in one
transaction; undo is the one the import's Outcome gives, which takes every round back
through the same operations, so the history shows both.
Calendars are small, so it all runs on the UI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget
from sqlalchemy.orm import Session

from tracker.domain.errors import TrackerError
from tracker.io.calendar_file import CalendarFile
from tracker.io.input_errors import InputFileError
from tracker.services.common.outcome import Outcome
from tracker.services.imports.importing import ImportFormat, open_file_filter
from tracker.services.rounds import ROUND_LIST_TOPICS
from tracker.services.rounds.calendar_import import (
    CalendarImport,
    apply_calendar,
    read_calendar_file,
)
from tracker.ui.common import settings as options
from tracker.ui.common.commands import OperationCommand
from tracker.ui.common.error_boundary import Failure, show_failure
from tracker.ui.common.settings import Settings
from tracker.ui.common.table_model import as_plain
from tracker.ui.common.workspace import Workspace

FILE_FILTER = open_file_filter([ImportFormat.ICS], "iCalendar files")
_LISTED_REFUSALS = 15


class ImportCalendarCommand(OperationCommand):
    """Import one calendar file; undo takes back every round it added or changed.

    Attributes:
        result: what the first redo did (None until then, or if it failed).
    """

    result: CalendarImport | None

    def __init__(self, workspace: Workspace, calendar: CalendarFile,
                 parent: QUndoCommand | None = None) -> None:
        def run(session: Session) -> Outcome:
            result = apply_calendar(session, calendar)
            self.result = result
            return result.outcome

        super().__init__(workspace, f"Import “{calendar.path.name}”", run,
                         ROUND_LIST_TOPICS, parent)
        self.result = None


def import_calendar(parent: QWidget, workspace: Workspace, settings: Settings,
                    show_message: Callable[[str], None]) -> CalendarImport | None:
    """Ask for a file, import it as one undo step, and say what it did."""
    folder = settings.get(options.IMPORT_FOLDER) or str(Path.home())
    chosen, _filter = QFileDialog.getOpenFileName(parent, "Import Calendar", folder,
                                                  FILE_FILTER)
    if not chosen:
        return None
    path = Path(chosen)
    settings.set(options.IMPORT_FOLDER, str(path.parent))
    try:
        calendar = read_calendar_file(path)
    except InputFileError as exc:
        show_failure(parent, "Import Failed", Failure.of(exc, title="Import Calendar"),
                     outcome="Nothing was imported.")
        return None
    command = ImportCalendarCommand(workspace, calendar)
    workspace.undo_stack.push(command)
    if command.result is None:
        failed = command.error or TrackerError("The import did nothing.")
        show_failure(parent, "Import Failed", Failure.of(failed, title="Import Calendar"),
                     outcome="Nothing was imported; the database is as it was.")
        return None
    result = command.result
    show_message(result.summary())
    QMessageBox.information(parent, "Calendar Imported", as_plain(_result_text(result)))
    return result


def _result_text(result: CalendarImport) -> str:
    lines = [f"{result.added} rounds added, {result.updated} updated, "
             f"{result.unchanged} unchanged, {len(result.refused)} refused, "
             f"from {result.file_name}."]
    if result.rounds:
        lines.append("Edit › Undo takes the whole import back.")
    if result.refused:
        lines.append("")
        lines.extend(f"Refused: {problem}" for problem in result.refused[:_LISTED_REFUSALS])
        if len(result.refused) > _LISTED_REFUSALS:
            lines.append(f"… and {len(result.refused) - _LISTED_REFUSALS} more")
    return "\n".join(lines)
