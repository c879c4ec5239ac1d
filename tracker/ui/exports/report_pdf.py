"""The chronology report with its timeline chart, as an HTML file or printed to PDF.

The one module where the report meets Qt (DESIGN.md, io): the HTML comes Qt-free from
services/exports/report.py, the chart is the Timeline view's own painter over the report's range,
and the PDF is that HTML laid out by QTextDocument and printed page by page on a
QPdfWriter, with "Page n of N" under each page. Nothing here touches a widget, so it
runs on the export worker thread (QTextDocument, QPdfWriter and QPainter on a QImage
are usable outside the GUI thread; QTextDocument draws its images from QImage there).
Both files are made in memory and written whole or not at all.
"""

from __future__ import annotations

import base64
import io
import os
import sys
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, QSizeF, Qt, QUrl
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QFont,
    QGuiApplication,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
)
from sqlalchemy.orm import Session

from tracker.io.atomic import write_bytes_atomically
from tracker.io.report_html import TITLE, ReportChart
from tracker.services.exports.export import ExportFormat, export_chronology, write_chronology
from tracker.services.exports.export_formats import ExportContent
from tracker.services.exports.report import check_report_range
from tracker.services.rounds.as_of import AsOf
from tracker.services.timeline.timeline_density import (
    bucket_for,
    count_in_range,
    event_density,
    event_markers,
)
from tracker.services.timeline.timeline_lanes import timeline_lanes
from tracker.ui.timeline.timeline_export import image_bytes
from tracker.ui.timeline.timeline_scene import (
    LABEL_WIDTH,
    EventLayer,
    TimelineScene,
    Viewport,
    day_start,
)

CHART_WIDTH = 1000  # CSS pixels; the PNG is drawn at twice that (timeline_export)
CHART_RESOURCE = "report-timeline.png"
PDF_DPI = 96  # document pixels are CSS pixels: the HTML's sizes mean the same in both
FOOTER_HEIGHT = 28
# As in the Timeline view: markers replace the density for few events, days wide enough.
MARKER_LIMIT = 1500
MARKER_DAY_PIXELS = 12.0


def ensure_gui_application() -> QGuiApplication:
    """A QGuiApplication for the command line (fonts and painting need one); without a
    display, Qt's offscreen platform unless QT_QPA_PLATFORM says otherwise."""
    existing = QGuiApplication.instance()
    if isinstance(existing, QGuiApplication):
        return existing
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
            or sys.platform in ("win32", "darwin")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    return QGuiApplication([sys.argv[0] if sys.argv else "tracker"])


def report_scene(session: Session, date_from: date | None, date_to: date | None, tz: str,
                 width: int = CHART_WIDTH) -> TimelineScene | None:
    """The timeline over the report's days (or all there is), None when nothing is dated."""
    check_report_range(date_from, date_to, tz)
    lanes = timeline_lanes(session)
    extent = lanes.extent(tz)
    start = day_start(date_from, tz) if date_from else (extent[0] if extent else None)
    end = day_start(date_to + timedelta(days=1), tz) if date_to else \
        (extent[1] if extent else None)
    if start is None:
        if end is None:
            return None
        start = end - timedelta(days=30)  # only --to, and nothing dated before it
    if end is None:
        end = start + timedelta(days=30)
    end = max(end, start + timedelta(days=1))
    viewport = Viewport(start, end, max(1, width - LABEL_WIDTH))
    first_day = date_from or start.date()
    last_day = date_to or end.date()
    bucket = bucket_for(viewport.days_per_pixel)
    if (1 / viewport.days_per_pixel >= MARKER_DAY_PIXELS
            and count_in_range(session, first_day, last_day) <= MARKER_LIMIT):
        markers = event_markers(session, first_day, last_day, limit=MARKER_LIMIT)
        layer = EventLayer(bucket, (), tuple(markers), first_day, last_day)
    else:
        cells = event_density(session, first_day, last_day, bucket)
        layer = EventLayer(bucket, tuple(cells), None, first_day, last_day)
    return TimelineScene(lanes, viewport, tz, events=layer, now=datetime.now(UTC))


def _chart_description(scene: TimelineScene) -> str:
    layer = scene.events
    events = "each event marked" if layer.markers is not None \
        else f"events counted per {layer.bucket.value}"
    return (f"Timeline: rounds by track, factor readings, and battlefield events "
            f"({events}); times in {scene.tz}.")


def write_report_html_file(session: Session, path: Path, *, date_from: date | None = None,
                           date_to: date | None = None, tz: str = "UTC",
                           corrections: bool = False, as_of: AsOf | None = None) -> int:
    """The report as one self-contained HTML file, its chart a data: URI PNG (an <img>
    runs no script, whatever text the chart shows); return the entries listed in full."""
    scene = _scene(session, date_from, date_to, tz, as_of)
    chart = None
    if scene is not None:
        png = base64.b64encode(image_bytes(scene, CHART_WIDTH, ".png")).decode("ascii")
        chart = ReportChart(f"data:image/png;base64,{png}", CHART_WIDTH, scene.height(),
                            _chart_description(scene))
    return export_chronology(session, path, ExportFormat.HTML, date_from=date_from,
                             date_to=date_to, tz=tz, chart=chart, corrections=corrections,
                             as_of=as_of)


def _scene(session: Session, date_from: date | None, date_to: date | None, tz: str,
           as_of: AsOf | None) -> TimelineScene | None:
    """The report's chart; none for a report as known on a past day, since the timeline
    draws the schedule as it is now."""
    return None if as_of is not None else report_scene(session, date_from, date_to, tz)


def write_report_pdf(session: Session, path: Path, *, date_from: date | None = None,
                     date_to: date | None = None, tz: str = "UTC",
                     corrections: bool = False, as_of: AsOf | None = None) -> int:
    """The report printed to an A4 PDF; return the entries listed in full."""
    data, count = report_pdf_bytes(session, date_from=date_from, date_to=date_to, tz=tz,
                                   corrections=corrections, as_of=as_of)
    write_bytes_atomically(path, data)
    return count


def report_pdf_bytes(session: Session, *, date_from: date | None = None,
                     date_to: date | None = None, tz: str = "UTC",
                     corrections: bool = False,
                     as_of: AsOf | None = None) -> tuple[bytes, int]:
    pdf = QByteArray()
    buffer = QBuffer(pdf)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(PDF_DPI)
    writer.setTitle(TITLE)
    writer.setCreator("Negotiation Tracker")
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4),
                                     QPageLayout.Orientation.Portrait,
                                     QMarginsF(18, 16, 18, 12), QPageLayout.Unit.Millimeter))
    page = writer.pageLayout().paintRectPixels(PDF_DPI)
    body = QSizeF(page.width(), page.height() - FOOTER_HEIGHT)

    document = QTextDocument()
    document.documentLayout().setPaintDevice(writer)  # points measured as printed
    scene = _scene(session, date_from, date_to, tz, as_of)
    chart = None
    if scene is not None:
        image = QImage.fromData(image_bytes(scene, CHART_WIDTH, ".png"))
        shown_width = int(body.width()) - 20
        shown_height = round(scene.height() * shown_width / CHART_WIDTH)
        document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(CHART_RESOURCE),
                             image)
        chart = ReportChart(CHART_RESOURCE, shown_width, shown_height,
                            _chart_description(scene))
    html = io.StringIO()
    count = write_chronology(session, html, ExportFormat.HTML, date_from=date_from,
                             date_to=date_to, tz=tz, chart=chart, corrections=corrections,
                             as_of=as_of)
    document.setHtml(html.getvalue())
    document.setPageSize(body)
    _print(document, writer, body)
    buffer.close()
    return bytes(pdf.data()), count


def _print(document: QTextDocument, writer: QPdfWriter, body: QSizeF) -> None:
    """Each page of the laid-out *document* on its own page, numbered in its footer."""
    pages = document.pageCount()
    layout = document.documentLayout()
    painter = QPainter(writer)
    footer_font = QFont(painter.font())
    footer_font.setPointSizeF(8)
    try:
        for number in range(pages):
            if number and not writer.newPage():
                raise OSError("The PDF writer could not start a new page")
            clip = QRectF(0, number * body.height(), body.width(), body.height())
            painter.save()
            painter.translate(0, -clip.top())
            painter.setClipRect(clip)
            context = QAbstractTextDocumentLayout.PaintContext()
            context.clip = clip
            layout.draw(painter, context)
            painter.restore()
            painter.setFont(footer_font)
            painter.drawText(QRectF(0, body.height(), body.width(), FOOTER_HEIGHT),
                             Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom,
                             f"Page {number + 1} of {pages}")
    finally:
        painter.end()


def export_report(session: Session, path: Path, fmt: ExportFormat, *,
                  date_from: date | None = None, date_to: date | None = None,
                  tz: str = "UTC", corrections: bool = False,
                  as_of: AsOf | None = None) -> int:
    """Write the report as *fmt* (HTML or PDF); the window and the command line call this.
    *corrections*: retracted changes and their retractions are listed as corrections;
    *as_of*: the report as known at the end of that day, titled so."""
    if fmt is ExportFormat.PDF:
        return write_report_pdf(session, path, date_from=date_from, date_to=date_to, tz=tz,
                                corrections=corrections, as_of=as_of)
    return write_report_html_file(session, path, date_from=date_from, date_to=date_to, tz=tz,
                                  corrections=corrections, as_of=as_of)


def is_report(fmt: ExportFormat) -> bool:
    return fmt.content is ExportContent.REPORT
