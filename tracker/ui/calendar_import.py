"""File › Import Calendar…: rounds from an .ics file, added or updated by UID, undoably.

The file is read and checked first, so a file that is not a calendar is refused before
anything is pushed on the undo stack. The import itself is one QUndoCommand: redo runs
the same service as ``tracker import --format ics`` in one transaction; undo takes every
round back through the schedule services (calendar_undo), so the history shows both.
Calendars are small, so it all runs on the UI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from tracker.io.calendar_file import CalendarFile
from tracker.io.input_errors import InputFileError
from tracker.services.calendar_import import CalendarImport, apply_calendar, read_calendar_file
from tracker.services.calendar_undo import redo_import, undo_import
from tracker.services.importing import ImportFormat, open_file_filter
from tracker.ui import settings as options
from tracker.ui.commands import ServiceCommand
from tracker.ui.settings import Settings
from tracker.ui.table_model import as_plain
from tracker.ui.workspace import Topic, Workspace

FILE_FILTER = open_file_filter([ImportFormat.ICS], "iCalendar files")
_LISTED_REFUSALS = 15


class ImportCalendarCommand(ServiceCommand):
    """Import one calendar file; undo takes back every round it added or changed.

    Attributes:
        result: what the first redo did (None until then, or if it failed).
    """

    topic = Topic.ROUNDS | Topic.FACTORS

    def __init__(self, workspace: Workspace, calendar: CalendarFile,
                 parent: QUndoCommand | None = None) -> None:
        super().__init__(workspace, f"Import “{calendar.path.name}”", parent)
        self._calendar = calendar
        self.result: CalendarImport | None = None

    def redo(self) -> None:
        """Override QUndoCommand.redo."""
        result = self.result
        if result is None:
            self.result = self._run(lambda session: apply_calendar(session, self._calendar))
            if self.result is not None and not self.result.rounds:
                self.setObsolete(True)  # nothing changed: nothing to undo
        else:
            self._run(lambda session: redo_import(session, result.file_name, result.rounds))
        self._done_once = True

    def undo(self) -> None:
        """Override QUndoCommand.undo."""
        result = self.result
        if result is not None:
            self._run(lambda session: undo_import(session, result.file_name, result.rounds))


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
        QMessageBox.warning(parent, "Import Failed",
                            as_plain(f"Nothing was imported.\n\n{exc}"))
        return None
    command = ImportCalendarCommand(workspace, calendar)
    workspace.undo_stack.push(command)
    if command.result is None:
        QMessageBox.warning(parent, "Import Failed", as_plain(
            f"Nothing was imported; the database is as it was.\n\n{command.error}"))
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
