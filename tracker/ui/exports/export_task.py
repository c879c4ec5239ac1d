"""Writing a chronology export as an operation on the window's runner (a million events
take a while).

The operation opens its own read session in the runner's worker thread (a Session is
never shared between threads). Exports queue behind whatever runs, an import included,
so they read what it committed.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from tracker.services.exports.export import export_chronology
from tracker.ui.common.db_op import DbOp, query_op
from tracker.ui.exports.export_dialog import ExportRequest
from tracker.ui.exports.report_pdf import export_report, is_report


def export_op(request: ExportRequest) -> DbOp[int]:
    """Write the chronology *request* asks for; succeeds with the entries written."""

    def write(session: Session) -> int:
        # The HTML/PDF report draws with QPainter and QTextDocument, never a widget, so
        # it runs here too (report_pdf.py).
        export = export_report if is_report(request.fmt) else export_chronology
        return export(session, request.path, request.fmt, date_from=request.date_from,
                      date_to=request.date_to, tz=request.tz)

    return query_op("Export", "the export", write)
