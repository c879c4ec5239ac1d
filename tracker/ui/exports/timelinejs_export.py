"""File › Export Timeline for the Web…: a TimelineJS page and its data, for a browser.

The timeline holds the rounds, schedule changes and factor readings, and the battlefield
events linked to them (capped, and said so): a few hundred records, not the event table,
written on the window's runner after whatever runs there, through the same service as
``tracker export --format timelinejs``. Times are in the zone the window shows them in.
The page loads TimelineJS from Knight Lab's CDN. File › Export Timeline for the Web
(Offline)… first asks for a copy of the npm package @knight-lab/timelinejs, as
``--timelinejs-assets`` does, and copies it beside the page, which then loads nothing
from the network.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from tracker.domain.errors import TrackerError
from tracker.io.timelinejs_page import find_dist, page_path
from tracker.services.exports.export_formats import ExportFormat
from tracker.services.exports.timelinejs import TimelineExport, write_timeline
from tracker.services.exports.timelinejs_selection import TimelineRequest
from tracker.ui.common import settings as options
from tracker.ui.common.error_boundary import Failure, show_failure
from tracker.ui.common.language import QT_TRANSLATE_NOOP, translate
from tracker.ui.common.settings import Settings
from tracker.ui.common.workspace import Workspace
from tracker.ui.exports.file_export import export_to_file, with_suffix

FORMAT = ExportFormat.TIMELINEJS
TITLE = QT_TRANSLATE_NOOP("TimelineJsExport", "Export Timeline for the Web")
OFFLINE_TITLE = QT_TRANSLATE_NOOP("TimelineJsExport", "Export Timeline for the Web (Offline)")
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
    _export(parent, workspace, settings, tz, show_message, title=TITLE, assets=None)


def export_timeline_offline(parent: QWidget, workspace: Workspace, settings: Settings,
                            tz: str, show_message: Callable[[str], None]) -> None:
    """As ``export_timeline``, with TimelineJS copied beside the page from the package
    folder the user picks (checked before anything else is asked)."""
    chosen = QFileDialog.getExistingDirectory(
        parent, translate("TimelineJsExport", "Choose the TimelineJS package "
                          "(@knight-lab/timelinejs or its dist folder)"),
        settings.get(options.EXPORT_FOLDER) or str(Path.home()))
    if not chosen:
        return
    try:
        assets = find_dist(Path(chosen))
    except TrackerError as error:
        offline = translate("TimelineJsExport", OFFLINE_TITLE)
        show_failure(parent, offline, Failure.of(error, title=offline))
        return
    _export(parent, workspace, settings, tz, show_message, title=OFFLINE_TITLE,
            assets=assets)


def _export(parent: QWidget, workspace: Workspace, settings: Settings, tz: str,
            show_message: Callable[[str], None], *, title: str,
            assets: Path | None) -> None:
    def written(path: Path, export: TimelineExport) -> None:
        exported = translate(
            "TimelineJsExport", "Exported {contents} to {path} (TimelineJS copied beside it: it "
            "works offline) (times in {zone})") if assets else translate(
            "TimelineJsExport", "Exported {contents} to {path} (times in {zone})")
        notes = [exported.format(contents=export.summary(), path=page_path(path), zone=tz)]
        if export.capped:
            notes.append(export.cap_note())
        if export.undated:
            notes.append(translate("TimelineJsExport", "left out, date unknown: {titles}")
                         .format(titles=", ".join(export.undated)))
        show_message("; ".join(notes))

    export_to_file(parent, workspace, settings, show_message,
                   title=translate("TimelineJsExport", title),
                   noun=translate("TimelineJsExport", "the timeline export"),
                   default_name=DEFAULT_NAME, file_filter=FILE_FILTER,
                   path_for=data_path,
                   write=lambda session, path: write_timeline(
                       session, path, TimelineRequest(tz=tz), assets=assets),
                   written=written)
