"""File › Export Chronology…: the dialog, then the chronology written as an operation on
the window's runner (a million events take a while).

The operation opens its own read session in the runner's worker thread (a Session is
never shared between threads). Exports queue behind whatever runs, an import included,
so they read what it committed. While a chronology is written the status bar says how
many entries of how many are done, with Cancel (work_status.py), which leaves no file.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QDialog, QMainWindow

from tracker.io.chronology_csv import CsvFlavour
from tracker.services.chronology.held_dates import held_dates
from tracker.services.exports.export import export_chronology_file, note_export
from tracker.services.exports.report_file import export_report, is_report
from tracker.storage.database import Database
from tracker.ui.common import settings as options
from tracker.ui.common.db_op import DbOp, OpHandle
from tracker.ui.common.language import translate
from tracker.ui.common.settings import Settings
from tracker.ui.common.workspace import Workspace
from tracker.ui.exports.export_dialog import ExportDialog, ExportRequest
from tracker.ui.exports.file_export import submit_export
from tracker.ui.exports.report_fields import remember_title_page, remembered_title_page
from tracker.ui.exports.report_pdf import report_chart
from tracker.ui.map.map_report import report_map


def export_op(request: ExportRequest) -> DbOp[int]:
    """Write the chronology *request* asks for; succeeds with the entries written.

    A chronology (not a report) reports (entries written, of how many) as it goes and
    stops when cancelled, leaving no file; either kind of export is noted for "changed since my
    last export", as the command line's is (the service notes it)."""

    def write(db: Database, handle: OpHandle) -> int:
        if is_report(request.fmt):
            with db.reading() as session:
                # The chart is drawn with QPainter on a QImage, never a widget, so it is
                # drawn here too (report_pdf.py); the report is the command line's service.
                chart = report_chart(session, request.date_from, request.date_to,
                                     request.tz)
                places = report_map(session, request.date_from, request.date_to)
                count = export_report(session, request.path, request.fmt,
                                      date_from=request.date_from, date_to=request.date_to,
                                      tz=request.tz, corrections=request.corrections,
                                      title_page=request.title_page, chart=chart,
                                      map_figure=places)
            note_export(db, request.fmt.value, str(request.path))
            return count

        def progress(written: int, total: int) -> None:
            handle.check()  # a cancel stops the export here: the file is never made
            handle.report((written, total))

        return export_chronology_file(db, request.path, request.fmt,
                                      date_from=request.date_from, date_to=request.date_to,
                                      tz=request.tz, corrections=request.corrections,
                                      csv_style=request.csv_style, progress=progress)

    op = DbOp(translate("ExportTask", "Export"), translate("ExportTask", "the export"), write)
    # A report is laid out in one piece (WeasyPrint), which no Cancel could stop.
    return op if is_report(request.fmt) else op.cancellable()


class ChronologyExport(QObject):
    """Export Chronology… of one window: its dialog, its operation, what it says.

    Signals:
        finished(int, str): this many entries were written to this file.
    """

    finished = Signal(int, str)

    def __init__(self, window: QMainWindow, workspace: Workspace, settings: Settings,
                 open_dialog: Callable[[QDialog], None],
                 show_message: Callable[[str], None]) -> None:
        super().__init__(window)
        self._window = window
        self._workspace = workspace
        self._settings = settings
        self._open = open_dialog
        self._message = show_message

    def ask(self, tz: str) -> None:
        """Open the dialog (window-modal, not blocking); its OK starts the export."""
        dialog = ExportDialog(self._settings.get(options.EXPORT_FOLDER), self._window, tz=tz,
                              csv_for=CsvFlavour(self._settings.get(options.EXPORT_CSV_FOR)),
                              title_page=remembered_title_page(self._settings),
                              held=self._workspace.read(lambda s: held_dates(s, tz)))
        dialog.accepted.connect(lambda: self._start(dialog))
        self._open(dialog)

    def _start(self, dialog: ExportDialog) -> None:
        request = dialog.request()
        if request is None:
            return
        self._settings.set(options.EXPORT_FOLDER, str(request.path.parent))
        self._settings.set(options.EXPORT_CSV_FOR, request.csv_style.flavour.value)
        if is_report(request.fmt):
            remember_title_page(self._settings, request.title_page)
        # Without a timeout: it stays until the export ends, however long that takes.
        self._window.statusBar().showMessage(self.tr("Exporting the chronology to {path}…")
                                             .format(path=request.path))
        path = str(request.path)
        submit_export(self._window, self._workspace,
                      export_op(request).on_progress(self._on_progress)
                      .on_success(lambda count: self._done(count, path)),
                      self._message)

    def _on_progress(self, update: tuple[int, int]) -> None:
        written, total = update
        self._message(self.tr("Exporting the chronology: {written} of {total} entries "
                              "written…").format(written=f"{written:,}", total=f"{total:,}"))

    def _done(self, count: int, path: str) -> None:
        self._message(self.tr("Exported %n chronology entries to {path}", "", count).format(
            path=path).replace(str(count), f"{count:,}", 1))
        self.finished.emit(count, path)
