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

from PySide6.QtWidgets import QFileDialog, QWidget

from tracker.io.timelinejs_page import page_path
from tracker.services.exports.export_formats import ExportFormat
from tracker.services.exports.timelinejs import TimelineExport, write_timeline
from tracker.services.exports.timelinejs_selection import TimelineRequest
from tracker.ui.common import settings as options
from tracker.ui.common.db_op import query_op
from tracker.ui.common.error_boundary import show_failure
from tracker.ui.common.settings import Settings
from tracker.ui.common.workspace import Workspace

FILE_FILTER = ExportFormat.TIMELINEJS.file_filter
DEFAULT_NAME = "timeline.json"


def data_path(chosen: str) -> Path:
    """The JSON's path for what the user typed: the page takes the same name in .html."""
    path = Path(chosen)
    if path.suffix.casefold() == ".json":
        return path
    if path.suffix.casefold() in (".html", ".htm"):
        return path.with_suffix(".json")
    return path.with_name(path.name + ".json")


def export_timeline(parent: QWidget, workspace: Workspace, settings: Settings, tz: str,
                    show_message: Callable[[str], None]) -> None:
    """Ask where, write the data and its page whole or not at all, and say what is on it."""
    folder = Path(settings.get(options.EXPORT_FOLDER) or Path.home())
    chosen, _filter = QFileDialog.getSaveFileName(
        parent, "Export Timeline for the Web", str(folder / DEFAULT_NAME), FILE_FILTER)
    if not chosen:
        return
    path = data_path(chosen)

    def written(export: TimelineExport) -> None:
        settings.set(options.EXPORT_FOLDER, str(path.parent))
        notes = [f"Exported {export.summary()} to {page_path(path)} (times in {tz})"]
        if export.capped:
            notes.append(export.cap_note())
        if export.undated:
            notes.append(f"left out, date unknown: {', '.join(export.undated)}")
        show_message("; ".join(notes))

    workspace.runner.submit(
        query_op("Export Timeline", "the timeline export",
                 lambda session: write_timeline(session, path, TimelineRequest(tz=tz)))
        .on_success(written)
        .on_failure(lambda failure: show_failure(parent, "Export Failed", failure)))
