"""Writing a chronology export off the GUI thread (a million events take a while).

The task opens its own read session (a Session is never shared between threads) and
reports back through signals on an object that lives in the GUI thread, so the slots
run there. One worker thread: exports queue instead of competing for the database.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal
from sqlalchemy.exc import SQLAlchemyError

from tracker.services.errors import ValidationError
from tracker.services.export import export_chronology
from tracker.storage.database import Database
from tracker.ui.export_dialog import ExportRequest
from tracker.ui.report_pdf import export_report, is_report

log = logging.getLogger(__name__)


class ExportSignals(QObject):
    """Signals:
        finished(int, str): entries written, and the file written.
        failed(str): why nothing was written (the destination is left as it was).
    """

    finished = Signal(int, str)
    failed = Signal(str)


class _ExportTask(QRunnable):
    def __init__(self, db: Database, request: ExportRequest, signals: ExportSignals) -> None:
        super().__init__()
        self._db = db
        self._request = request
        self._signals = signals

    def run(self) -> None:
        """Override QRunnable.run (worker thread): never touches a widget."""
        request = self._request
        try:
            with self._db.reading() as session:
                # The HTML/PDF report draws with QPainter and QTextDocument, never a
                # widget, so it runs here too (report_pdf.py).
                export = export_report if is_report(request.fmt) else export_chronology
                count = export(session, request.path, request.fmt,
                               date_from=request.date_from, date_to=request.date_to,
                               tz=request.tz)
        except (OSError, ValidationError, SQLAlchemyError) as exc:
            self._signals.failed.emit(str(exc))
        except Exception as exc:
            # Anything else would end the worker thread silently, leaving "Exporting…" in
            # the status bar for good: log it with its traceback and say it failed.
            log.exception("Exporting the chronology to %s failed", request.path)
            self._signals.failed.emit(f"Unexpected error ({type(exc).__name__}): {exc}")
        else:
            self._signals.finished.emit(count, str(request.path))


class Exporter(QObject):
    """Runs exports one at a time in a worker thread; results arrive as signals.

    Signals:
        finished(int, str): entries written, and the file written.
        failed(str): why the export failed.
    """

    finished = Signal(int, str)
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._signals = ExportSignals(self)
        self._signals.finished.connect(self.finished)
        self._signals.failed.connect(self.failed)

    def start(self, db: Database, request: ExportRequest) -> None:
        self._pool.start(_ExportTask(db, request, self._signals))

    def is_busy(self) -> bool:
        return self._pool.activeThreadCount() > 0

    def wait(self, msecs: int = -1) -> bool:
        """Block until queued exports are done (closing the window, replacing the DB)."""
        return self._pool.waitForDone(msecs)
