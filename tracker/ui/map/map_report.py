"""The report's map figure: the events of the report's days and the venues, drawn by Qt.

Like the report's timeline chart (ui/exports/report_pdf.py), a PNG in a data: URI,
painted with QPainter on a QImage: no QGraphicsScene (which needs a QApplication and the
GUI thread), so it is drawn on the export's worker thread and by the command line under
a bare QGuiApplication. The same paths and cell groups as the Map tab's scene. Paper is
light whatever the window's theme, so the figure has its own colours.
"""

from __future__ import annotations

import base64
from datetime import date

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPen
from sqlalchemy.orm import Session

from tracker.io.report_html import ReportChart
from tracker.services.events.events import EventFilter
from tracker.services.map.map_layers import MapLayer, events_extent, map_layer
from tracker.services.map.projection import project
from tracker.services.map.venue_rings import MapVenue, venues_on_map
from tracker.ui.common.png_bytes import png_bytes
from tracker.ui.map.map_scene import base_paths, cell_groups, paint_layer

FIGURE_WIDTH = 1000  # CSS pixels; the PNG is drawn at twice that
PNG_SCALE = 2
MARGIN = 0.08  # of the events' box, each side
MAX_HEIGHT = 700  # a landscape figure: the box is widened to this shape, never cut
# Encoding a 2,000-pixel PNG at Qt's default compression takes a second; less of it,
# a third of that, for a file a third larger.
PNG_QUALITY = 80


LAND, WATER, BORDER, TEXT = (QColor("#ffffff"), QColor("#dfe9f5"), QColor("#8a939c"),
                             QColor("#1f2328"))
VENUE_RADIUS = 5.0


def _paint(painter: QPainter, source: QRectF, target: QRectF, layer: MapLayer,
           venues: list[MapVenue]) -> None:
    """Draw the map of *source* (map units) into *target* (pixels)."""
    painter.fillRect(target, WATER)
    painter.save()
    painter.setClipRect(target)
    painter.translate(target.topLeft())
    painter.scale(target.width() / source.width(), target.height() / source.height())
    painter.translate(-source.topLeft())
    countries, regions = base_paths()
    painter.setPen(_pen(BORDER, 1.5))
    painter.setBrush(LAND)
    painter.drawPath(countries)
    painter.setPen(_pen(BORDER, 0.6, Qt.PenStyle.DotLine))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPath(regions)
    paint_layer(painter, layer, cell_groups(layer) if layer.points is None else {}, source)
    painter.restore()
    painter.setPen(_pen(LAND, 1.5))
    for venue in venues:
        x, y = project(venue.longitude, venue.latitude)
        at = QPointF(target.left() + (x - source.left()) * target.width() / source.width(),
                     target.top() + (y - source.top()) * target.height() / source.height())
        if target.contains(at):
            painter.setBrush(TEXT)
            painter.drawEllipse(at, VENUE_RADIUS, VENUE_RADIUS)
            painter.setPen(TEXT)
            painter.drawText(at + QPointF(VENUE_RADIUS + 3, 4), venue.label)
            painter.setPen(_pen(LAND, 1.5))


def _pen(colour: QColor, width: float, style: Qt.PenStyle = Qt.PenStyle.SolidLine) -> QPen:
    pen = QPen(colour, width, style)
    pen.setCosmetic(True)
    return pen


def report_map(session: Session, date_from: date | None,
               date_to: date | None) -> ReportChart | None:
    """The map figure of the report's range; None when no event in it has coordinates."""
    flt = EventFilter(date_from=date_from, date_to=date_to)
    extent = events_extent(session, flt)
    if extent is None:
        return None
    area = extent.grown(MARGIN)
    left, top = project(area.west, area.north)
    right, bottom = project(area.east, area.south)
    source = QRectF(QPointF(left, top), QPointF(right, bottom))
    height = max(300, min(MAX_HEIGHT, round(FIGURE_WIDTH * source.height() / source.width())))
    # Keep the aspect: widen or heighten the box to the figure's shape.
    wide = source.height() * FIGURE_WIDTH / height
    if wide >= source.width():
        source.adjust(-(wide - source.width()) / 2, 0, (wide - source.width()) / 2, 0)
    else:
        tall = source.width() * height / FIGURE_WIDTH
        source.adjust(0, -(tall - source.height()) / 2, 0, (tall - source.height()) / 2)
    layer = map_layer(session, area, source.width() / FIGURE_WIDTH, flt)
    image = QImage(FIGURE_WIDTH * PNG_SCALE, height * PNG_SCALE, QImage.Format.Format_RGB32)
    image.setDevicePixelRatio(PNG_SCALE)
    painter = QPainter(image)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        _paint(painter, source, QRectF(0, 0, FIGURE_WIDTH, height), layer,
               venues_on_map(session))
    finally:
        painter.end()
    shown = "each event marked" if layer.points is not None else \
        "events counted per map cell, coloured by their most frequent target category"
    description = (f"Map: {layer.total:,} battlefield events with coordinates ({shown}) "
                   "and the venues of the talks. Base map: Natural Earth.")
    png = base64.b64encode(png_bytes(image, PNG_QUALITY)).decode("ascii")
    return ReportChart(f"data:image/png;base64,{png}", FIGURE_WIDTH, height, description)
