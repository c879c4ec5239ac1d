"""Export the chronology report as an HTML or PDF file: the one service the window's
Export Chronology… and ``tracker export --format html|pdf`` both call.

Both files are the same HTML document (io/report_html.py); the PDF is that document laid
out by WeasyPrint (io/report_pdf.py). The timeline chart is drawn by Qt, so the caller
draws it (ui/exports/report_pdf.py) and passes it in as a data: URI PNG. Either file is
written whole or not at all.
"""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path
from typing import TextIO

from sqlalchemy.orm import Session

from tracker.io.atomic import atomic_text_writer, write_bytes_atomically
from tracker.io.report_html import ReportChart, ReportTitlePage
from tracker.io.report_pdf import pdf_from_html
from tracker.services.common.errors import ValidationError
from tracker.services.exports.export_formats import ExportContent, ExportFormat
from tracker.services.exports.report import check_report_range, write_report
from tracker.services.rounds.as_of import AsOf


def is_report(fmt: ExportFormat) -> bool:
    return fmt.content is ExportContent.REPORT


def export_report(session: Session, path: Path, fmt: ExportFormat, *,
                  date_from: date | None = None, date_to: date | None = None,
                  tz: str = "UTC", corrections: bool = False, as_of: AsOf | None = None,
                  title_page: ReportTitlePage | None = None,
                  chart: ReportChart | None = None,
                  map_figure: ReportChart | None = None) -> int:
    """Write the report of the range as *fmt* (HTML or PDF); return the entries listed in
    full. *corrections*: retracted changes and their retractions are listed as
    corrections; *as_of*: the report as known at the end of that day, titled so;
    *title_page*: its title, author, organisation and handling marking."""
    if not is_report(fmt):
        raise ValidationError("format", f"A {fmt.description} is not a report")
    check_report_range(date_from, date_to, tz)  # before a file is touched

    def write(stream: TextIO) -> int:
        return write_report(session, stream, date_from=date_from, date_to=date_to, tz=tz,
                            chart=chart, corrections=corrections, as_of=as_of,
                            title_page=title_page, map_figure=map_figure)

    if fmt is ExportFormat.HTML:
        with atomic_text_writer(Path(path)) as stream:
            return write(stream)
    markup = io.StringIO()
    count = write(markup)
    write_bytes_atomically(Path(path), pdf_from_html(markup.getvalue()))
    return count
