"""What the map draws, in map units (services/map/projection.py): base map, events, venues.

The base map is two path items built once (country fills and borders, region borders).
The events are one item that paints the loaded layer: density cells, or points once few
are in view, each in its target category's colour (the timeline's table). Venues are
markers with labels that keep their size at every zoom, as does the selected event's mark.
Colours come from the palette, so the map follows a dark theme.
"""

from __future__ import annotations

import math
from functools import cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPalette, QPen
from PySide6.QtWidgets import (
    QGraphicsEllipseItem,
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QStyleOptionGraphicsItem,
    QWidget,
)

from tracker.services.map.basemap import Shape, base_map
from tracker.services.map.map_layers import MapLayer, MapPoint
from tracker.services.map.projection import MAX_LATITUDE, project, ring_outline
from tracker.services.map.venue_rings import MapVenue
from tracker.ui.timeline.timeline_colors import category_colour

WORLD = QRectF(-180.0, project(0, MAX_LATITUDE)[1], 360.0, 2 * -project(0, MAX_LATITUDE)[1])
POINT_PIXELS = 4.0  # radius of an event point on screen
VENUE_PIXELS = 5.0


def shapes_path(shapes: tuple[Shape, ...]) -> QPainterPath:
    """All rings of *shapes* as one path, projected (odd-even fill keeps holes open)."""
    path = QPainterPath()
    path.setFillRule(Qt.FillRule.OddEvenFill)
    for shape in shapes:
        for polygon in shape.polygons:
            for ring in polygon:
                for index in range(0, len(ring), 2):
                    x, y = project(ring[index], ring[index + 1])
                    if index == 0:
                        path.moveTo(x, y)
                    else:
                        path.lineTo(x, y)
                path.closeSubpath()
    return path


@cache
def base_paths() -> tuple[QPainterPath, QPainterPath]:
    """The base map's countries and regions as paths, built once per process (a second
    each): the Map tab and every report's map figure draw the same two."""
    borders = base_map()
    return shapes_path(borders.countries), shapes_path(borders.regions)


def _cosmetic(colour: QColor, width: float = 1.0,
              style: Qt.PenStyle = Qt.PenStyle.SolidLine) -> QPen:
    pen = QPen(colour, width, style)
    pen.setCosmetic(True)  # a pixel wide at every zoom
    return pen


def _mixed(base: QColor, tint: QColor, share: float) -> QColor:
    return QColor.fromRgbF(*(a + (b - a) * share for a, b in (
        (base.redF(), tint.redF()), (base.greenF(), tint.greenF()),
        (base.blueF(), tint.blueF()))))


class LandItem(QGraphicsPathItem):
    """The countries: filled without antialiasing, then outlined with it. The outline, a
    pixel wide on the edge, hides the fill's stepped border, and an antialiased fill of
    the world's 32,000 vertices was three quarters of a zoomed-out paint (28 of 40 ms
    at Europe's scale; 11 ms in all this way)."""

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        """Override QGraphicsPathItem.paint."""
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self.brush())
        painter.drawPath(self.path())
        painter.restore()
        painter.setPen(self.pen())
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(self.path())


class EventLayerItem(QGraphicsItem):
    """The loaded events: a cell's opacity grows with the log of its count (in a few
    steps); its colour is its most frequent target category. Points are drawn a few
    pixels wide at any zoom. The rectangles are worked out once per layer and drawn in
    one call per colour, and only those in the exposed part of the view."""

    def __init__(self) -> None:
        super().__init__()
        self.layer: MapLayer | None = None
        self._cells: dict[tuple[str, int], list[QRectF]] = {}
        self.setZValue(2)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption)

    def set_layer(self, layer: MapLayer | None) -> None:
        self.prepareGeometryChange()
        self.layer = layer
        self._cells = cell_groups(layer) if layer is not None and layer.points is None \
            else {}
        self.update()

    def boundingRect(self) -> QRectF:
        """Override QGraphicsItem.boundingRect: the whole world (the layer is culled by
        area before it is read)."""
        return WORLD

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        """Override QGraphicsItem.paint."""
        layer = self.layer
        if layer is None:
            return
        exposed: QRectF = option.exposedRect
        paint_layer(painter, layer, self._cells, exposed)


def paint_layer(painter: QPainter, layer: MapLayer,
                cells: dict[tuple[str, int], list[QRectF]], exposed: QRectF) -> None:
    """Draw *layer* (its *cells* grouped by ``cell_groups``, or its points) where it meets
    *exposed*, in map units; the painter maps map units to pixels."""
    if layer.points is not None:
        radius = POINT_PIXELS / (painter.worldTransform().m11() or 1.0)
        painter.setPen(_cosmetic(QColor(0, 0, 0, 90)))
        reach = exposed.adjusted(-radius, -radius, radius, radius)
        for point in layer.points:
            x, y = project(point.longitude, point.latitude)
            if reach.contains(x, y):
                painter.setBrush(category_colour(point.target_category))
                painter.drawEllipse(QPointF(x, y), radius, radius)
        return
    painter.setPen(Qt.PenStyle.NoPen)
    # The cells are squares on the pixel grid's axes: no antialiasing (half the time of
    # drawRects, and no hairline seams between neighbours).
    antialiased = painter.testRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    for (category, level), rects in cells.items():
        shown = [rect for rect in rects if rect.intersects(exposed)]
        if shown:
            colour = QColor(category_colour(category))
            colour.setAlphaF(0.25 + 0.7 * level / ALPHA_LEVELS)
            painter.setBrush(colour)
            painter.drawRects(shown)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, antialiased)


ALPHA_LEVELS = 8


def cell_groups(layer: MapLayer) -> dict[tuple[str, int], list[QRectF]]:
    """The layer's cells as rectangles in map units, by (top category, opacity step)."""
    by_cell: dict[tuple[int, int], dict[str, int]] = {}
    for cell in layer.cells:
        by_cell.setdefault((cell.cell_x, cell.cell_y), {})[cell.target_category] = \
            cell.events
    groups: dict[tuple[str, int], list[QRectF]] = {}
    if not by_cell:
        return groups
    peak = math.log1p(max(sum(counts.values()) for counts in by_cell.values()))
    size = layer.cells[0].size
    for (x, y), counts in by_cell.items():
        category = max(counts, key=lambda name: (counts[name], name))
        level = round(ALPHA_LEVELS * math.log1p(sum(counts.values())) / peak)
        west, south = x * size - 180.0, y * size - 90.0
        left, bottom = project(west, south)
        right, top = project(west + size, south + size)
        groups.setdefault((category, level), []).append(
            QRectF(QPointF(left, top), QPointF(right, bottom)))
    return groups


class MapScene(QGraphicsScene):
    """The map's scene; views over it pan and zoom (map_canvas.py)."""

    def __init__(self, palette: QPalette) -> None:
        super().__init__()
        self.setSceneRect(WORLD)
        countries, regions = base_paths()
        self.land = LandItem(countries)
        self.land.setZValue(0)
        self.regions = QGraphicsPathItem(regions)
        self.regions.setZValue(1)
        self.regions.setBrush(Qt.BrushStyle.NoBrush)
        self.events = EventLayerItem()
        self.ring = QGraphicsPathItem()
        self.ring.setZValue(3)
        self.highlight = QGraphicsEllipseItem(-7, -7, 14, 14)
        self.highlight.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        self.highlight.setZValue(5)
        self.highlight.hide()
        self._venue_items: list[QGraphicsItem] = []
        for item in (self.land, self.regions, self.events, self.ring, self.highlight):
            self.addItem(item)
        self.apply_palette(palette)

    def apply_palette(self, palette: QPalette) -> None:
        """Colours from *palette*: land is the base colour, water the base tinted with
        the highlight, so a dark theme gives a dark map."""
        self.palette_used = palette
        land = palette.color(QPalette.ColorRole.Base)
        self.setBackgroundBrush(_mixed(land, palette.color(QPalette.ColorRole.Highlight),
                                       0.14))
        self.land.setBrush(QBrush(land))
        self.land.setPen(_cosmetic(palette.color(QPalette.ColorRole.Mid), 1.0))
        self.regions.setPen(_cosmetic(palette.color(QPalette.ColorRole.Mid), 0.6,
                                      Qt.PenStyle.DotLine))
        accent = palette.color(QPalette.ColorRole.Highlight)
        self.ring.setPen(_cosmetic(accent, 2.0))
        fill = QColor(accent)
        fill.setAlphaF(0.08)
        self.ring.setBrush(fill)
        self.highlight.setPen(_cosmetic(accent, 3.0))
        self.highlight.setBrush(Qt.BrushStyle.NoBrush)
        for item in self._venue_items:
            self._colour_venue(item)

    def _colour_venue(self, item: QGraphicsItem) -> None:
        text = self.palette_used.color(QPalette.ColorRole.Text)
        if isinstance(item, QGraphicsSimpleTextItem):
            item.setBrush(text)
        elif isinstance(item, QGraphicsEllipseItem):
            item.setPen(_cosmetic(self.palette_used.color(QPalette.ColorRole.Base), 1.5))
            item.setBrush(text)

    def set_venues(self, venues: list[MapVenue]) -> None:
        for item in self._venue_items:
            self.removeItem(item)
        self._venue_items = []
        for venue in venues:
            x, y = project(venue.longitude, venue.latitude)
            dot = QGraphicsEllipseItem(-VENUE_PIXELS, -VENUE_PIXELS, 2 * VENUE_PIXELS,
                                       2 * VENUE_PIXELS)
            label = QGraphicsSimpleTextItem(venue.label)
            label.setPos(VENUE_PIXELS + 3, -label.boundingRect().height() / 2)
            label.setParentItem(dot)
            dot.setToolTip(venue.label)
            dot.setData(0, venue.id)
            dot.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
            dot.setPos(x, y)
            dot.setZValue(4)
            self.addItem(dot)
            self._venue_items += [dot, label]
        for item in self._venue_items:
            self._colour_venue(item)

    def venue_count(self) -> int:
        return sum(isinstance(item, QGraphicsEllipseItem) for item in self._venue_items)

    def set_ring(self, venue: MapVenue | None, radius_km: float) -> None:
        path = QPainterPath()
        if venue is not None:
            for index, (lon, lat) in enumerate(ring_outline(venue.latitude, venue.longitude,
                                                            radius_km)):
                x, y = project(lon, lat)
                if index == 0:
                    path.moveTo(x, y)
                else:
                    path.lineTo(x, y)
            path.closeSubpath()
        self.ring.setPath(path)

    def set_highlight(self, point: MapPoint | None) -> None:
        if point is None:
            self.highlight.hide()
            return
        self.highlight.setPos(*project(point.longitude, point.latitude))
        self.highlight.show()
