"""File › Export Timeline for the Web…: a TimelineJS page and its data, for a browser.

The timeline holds the rounds, schedule changes and factor readings, and the battlefield
events linked to them (capped, and said so): a few hundred records, not the event table,
written on the window's runner after whatever runs there, through the same service as
``tracker export --format timelinejs``. Times are in the zone the window shows them in.
The page loads TimelineJS from Knight Lab's CDN; for an offline copy, the command line
takes ``--timelinejs-assets``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QWidget

from tracker.io.timelinejs_page import page_path
from tracker.services.exports.export_formats import ExportFormat
from tracker.services.exports.timelinejs import TimelineExport, write_timeline
from tracker.services.exports.timelinejs_selection import TimelineRequest
from tracker.ui.common.settings import Settings
from tracker.ui.common.workspace import Workspace
from tracker.ui.exports.file_export import export_to_file, with_suffix

FORMAT = ExportFormat.TIMELINEJS
FILE_FILTER = FORMAT.file_filter
DEFAULT_NAME = f"timeline{FORMAT.suffix}"


def data_path(chosen: str) -> Path:
    """The JSON's path for what the user typed: the page takes the same name in .html."""
    path = Path(chosen)
    # A name typed for the page itself (page_path's suffix, or its short form) names both.
    if path.suffix.casefold() in (page_path(path).suffix, ".htm"):
        return path.with_suffix(FORMAT.suffix)
    return with_suffix(chosen, FORMAT.suffix)


def export_timeline(parent: QWidget, workspace: Workspace, settings: Settings, tz: str,
                    show_message: Callable[[str], None]) -> None:
    """Ask where, write the data and its page whole or not at all, and say what is on it."""
    def written(path: Path, export: TimelineExport) -> None:
        notes = [f"Exported {export.summary()} to {page_path(path)} (times in {tz})"]
        if export.capped:
            notes.append(export.cap_note())
        if export.undated:
            notes.append(f"left out, date unknown: {', '.join(export.undated)}")
        show_message("; ".join(notes))

    export_to_file(parent, workspace, settings, show_message,
                   title="Export Timeline for the Web", noun="the timeline export",
                   default_name=DEFAULT_NAME, file_filter=FILE_FILTER,
                   path_for=data_path,
                   write=lambda session, path: write_timeline(session, path,
                                                              TimelineRequest(tz=tz)),
                   written=written)
