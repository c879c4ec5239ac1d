"""File › Export Schedule…: the rounds as an iCalendar file, for the user's calendar.

The file is small (one entry per round), but it is still written on the window's runner,
after whatever runs there (an import's rounds are not in it before the import is), through
the same service as ``tracker export --format ics``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QWidget

from tracker.services.exports.export_formats import ExportFormat
from tracker.services.exports.schedule_calendar import CalendarExport, write_calendar
from tracker.ui.common.language import tr, translate
from tracker.ui.common.settings import Settings
from tracker.ui.common.workspace import Workspace
from tracker.ui.exports.file_export import export_to_file, with_suffix

FORMAT = ExportFormat.ICS
FILE_FILTER = FORMAT.file_filter
DEFAULT_NAME = f"talks-schedule{FORMAT.suffix}"


def export_schedule(parent: QWidget, workspace: Workspace, settings: Settings,
                    show_message: Callable[[str], None]) -> None:
    """Ask where, write the calendar whole or not at all, and say what was left out."""
    def written(path: Path, export: CalendarExport) -> None:
        count = export.rounds  # a plain name: lupdate misses an attribute as n
        text = tr("Exported %n round(s) to {path}", "", count).format(path=path)
        if export.withdrawn:
            text = translate("ScheduleExport", "{exported}; sent as cancelled: {titles}").format(
                exported=text, titles=", ".join(export.withdrawn))
        if export.undated:
            text = translate("ScheduleExport", "{exported}; left out, date unknown: {titles}"
                             ).format(exported=text, titles=", ".join(export.undated))
        show_message(text)

    export_to_file(parent, workspace, settings, show_message,
                   title=translate("ScheduleExport", "Export Schedule"),
                   noun=translate("ScheduleExport", "the schedule export"),
                   default_name=DEFAULT_NAME, file_filter=FILE_FILTER,
                   path_for=lambda chosen: with_suffix(chosen, FORMAT.suffix),
                   write=write_calendar, written=written)
