"""File › Export Schedule…: the rounds as an iCalendar file, for the user's calendar.

The file is small (one entry per round), but it is still written on the window's runner,
after whatever runs there (an import's rounds are not in it before the import is), through
the same service as ``tracker export --format ics``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from tracker.services.exports.export_formats import ExportFormat
from tracker.services.exports.schedule_calendar import CalendarExport, write_calendar
from tracker.ui.common import settings as options
from tracker.ui.common.db_op import query_op
from tracker.ui.common.error_boundary import show_failure
from tracker.ui.common.settings import Settings
from tracker.ui.common.workspace import Workspace

FILE_FILTER = ExportFormat.ICS.file_filter
DEFAULT_NAME = "talks-schedule.ics"


def export_schedule(parent: QWidget, workspace: Workspace, settings: Settings,
                    show_message: Callable[[str], None]) -> None:
    """Ask where, write the calendar whole or not at all, and say what was left out."""
    folder = Path(settings.get(options.EXPORT_FOLDER) or Path.home())
    chosen, _filter = QFileDialog.getSaveFileName(
        parent, "Export Schedule", str(folder / DEFAULT_NAME), FILE_FILTER)
    if not chosen:
        return
    path = Path(chosen)
    if path.suffix.casefold() != ".ics":  # calendars open files by their extension
        path = path.with_name(path.name + ".ics")

    def written(export: CalendarExport) -> None:
        settings.set(options.EXPORT_FOLDER, str(path.parent))
        left_out = (f"; left out, date unknown: {', '.join(export.undated)}"
                    if export.undated else "")
        rounds = "1 round" if export.rounds == 1 else f"{export.rounds} rounds"
        show_message(f"Exported {rounds} to {path}{left_out}")

    workspace.runner.submit(
        query_op("Export Schedule", "the schedule export",
                 lambda session: write_calendar(session, path))
        .on_success(written)
        .on_failure(lambda failure: show_failure(parent, "Export Failed", failure)))
