"""The Map tab: the base map, the events of the time window as cells or points, venues.

Built on first show. Every read (venues, the events in view, a ring's count, where a
selected event is) is a DbOp on the workspace's one runner, never on the GUI thread; a
newer read of the same kind replaces a queued one, so a burst of pan steps reads once.
The view reads half a screen beyond each side, and reads again only when the view
leaves that area, the grid changes, or the filter or the window does. The last layer
read at each grid is kept until the filter or the events change: zooming back out (or
in again) to a grid whose kept area still covers the view draws it without a read, and
a pan that leaves it reads only the strips beside it (services/map/layer_strips.py).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QPointF, QRectF, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget
from sqlalchemy.orm import Session

from tracker.services.common.topics import Topic
from tracker.services.events.events import EventFilter
from tracker.services.map.layer_strips import map_layer_beside
from tracker.services.map.map_layers import (
    MapLayer,
    MapPoint,
    event_days,
    first_event_in,
    grid_for,
    point_of,
)
from tracker.services.map.projection import Area, project
from tracker.services.map.venue_rings import MapVenue, venues_on_map
from tracker.ui.common.db_op import query_op
from tracker.ui.common.error_boundary import Failure
from tracker.ui.common.workspace import Workspace
from tracker.ui.map.map_canvas import ZOOM_STEP, MapCanvas
from tracker.ui.map.map_rings import RingControls
from tracker.ui.map.map_scene import POINT_PIXELS, MapScene
from tracker.ui.map.map_time import MapTimeBar

# Where the map opens: the Black Sea region, Kyiv to the Caucasus and the Bosphorus.
HOME = Area(21.0, 40.5, 41.5, 53.5)
LOAD_MARGIN = 0.5  # of the view's size, read beyond each side


@dataclass(frozen=True, slots=True)
class _Request:
    area: Area
    grid: int
    event_filter: EventFilter


class MapView(QWidget):
    """Signals:
        event_clicked(int): an event point or cell was clicked; the window selects it.
        event_activated(int): one was double-clicked; the window opens it.
        layer_loaded(): the events in view were read again (tests wait for it).
    """

    event_clicked = Signal(int)
    event_activated = Signal(int)
    layer_loaded = Signal()

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("map-view")
        self._workspace = workspace
        self._filter = EventFilter()
        self._timeline: tuple[date, date] | None = None
        self._days: tuple[date, date] | None = None
        self._loaded: _Request | None = None
        self._asked: _Request | None = None
        self._kept: dict[int, tuple[_Request, MapLayer]] = {}  # the last read, by grid
        self._selected: int | None = None
        self.scene: MapScene | None = None
        self.canvas: MapCanvas | None = None
        self.time_bar = MapTimeBar(self)
        self.rings = RingControls(workspace, self)
        self.follow_box = QCheckBox(self.tr("Follow the &Timeline"), self)
        self.follow_box.setObjectName("map-follow-timeline")
        self.follow_box.setToolTip(self.tr("Show the days the Timeline tab shows"))
        self.follow_box.setChecked(True)
        self.status_label = QLabel(self)
        self.status_label.setObjectName("map-status")
        self._layout = QVBoxLayout(self)
        self._layout.addLayout(self._toolbar())
        self._layout.addWidget(self.time_bar)
        self.time_bar.window_changed.connect(self._on_window_changed)
        self.follow_box.toggled.connect(self._update_period)
        workspace.changed.connect(self._on_workspace_changed)
        workspace.database_replaced.connect(self._on_database_replaced)

    def _toolbar(self) -> QHBoxLayout:
        row = QHBoxLayout()
        for text, name, tip, act in (
            ("+", "map-zoom-in", self.tr("Zoom in (+, or the mouse wheel)"),
             lambda: self._canvas().zoom(ZOOM_STEP)),
            ("−", "map-zoom-out", self.tr("Zoom out (−)"),
             lambda: self._canvas().zoom(1 / ZOOM_STEP)),
            (self.tr("Home"), "map-home", self.tr("Show the region of the war"), self.go_home),
            (self.tr("Export Image…"), "map-export", self.tr("Save the map as PNG or SVG"),
             self.export_image),
        ):
            button = QToolButton(self)
            button.setText(text)
            button.setObjectName(name)
            button.setToolTip(tip)
            button.setAccessibleName(tip)
            button.clicked.connect(act)
            row.addWidget(button)
        row.addSpacing(12)
        row.addWidget(self.follow_box)
        row.addSpacing(12)
        row.addWidget(self.rings, 1)
        row.addWidget(self.status_label)
        return row

    # -- our API ------------------------------------------------------------------------

    def set_event_filter(self, flt: EventFilter) -> None:
        """Follow the Events view's filters (dates, types, category, place, words)."""
        self._filter = flt
        self._update_period()

    def follow_timeline(self, start: datetime, end: datetime) -> None:
        """The Timeline's visible range changed: the period follows it while asked to."""
        self._timeline = (start.date(), end.date())
        if self.follow_box.isChecked():
            self._update_period()

    def current_filter(self) -> EventFilter:
        """The Events filter narrowed to the time window drawn now."""
        first, last = self.time_bar.time_window()
        return replace(self._filter, date_from=first, date_to=last)

    def select_event(self, event_id: int | None) -> None:
        """Mark the event selected elsewhere, and bring it into view."""
        self._selected = event_id
        if self.scene is None:
            return
        if event_id is None:
            self.scene.set_highlight(None)
            return
        self._submit("map-select", self.tr("Finding the event on the map"),
                     lambda session: point_of(session, event_id), self._show_selected)

    def go_home(self) -> None:
        left, top = project(HOME.west, HOME.north)
        right, bottom = project(HOME.east, HOME.south)
        self._canvas().show_rect(QRectF(QPointF(left, top), QPointF(right, bottom)))

    def layer(self) -> MapLayer | None:
        return self.scene.events.layer if self.scene is not None else None

    def export_image(self) -> None:
        from tracker.ui.map.map_export import export_map_image

        export_map_image(self, self._canvas())

    def save_image(self, path: Path) -> None:
        """Write the map as it is shown to *path* (.png or .svg), whole or not at all."""
        from tracker.ui.map.map_export import write_map_image

        write_map_image(path, self._canvas())

    # -- Qt overrides ---------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        """Override QWidget.showEvent: build the map the first time, read what changed."""
        super().showEvent(event)
        if self.canvas is None:
            self._build()
        self._request()
        self.rings.recount()

    def changeEvent(self, event: QEvent) -> None:
        """Override QWidget.changeEvent: a new palette (a dark theme) recolours the map."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self.scene is not None:
            self.scene.apply_palette(self.palette())

    # -- building and loading -------------------------------------------------------------

    def _build(self) -> None:
        self.scene = MapScene(self.palette())
        self.canvas = MapCanvas(self.scene, self)
        self.canvas.setAccessibleName(self.tr("Map of events and venues"))
        self._layout.insertWidget(1, self.canvas, 1)
        self.canvas.view_changed.connect(self._request)
        self.canvas.view_changed.connect(self._update_status)
        self.canvas.clicked.connect(self._on_clicked)
        self.rings.attach(self.scene, self.current_filter)
        self.go_home()
        self._read_venues()
        if self._selected is not None:
            self.select_event(self._selected)

    def _canvas(self) -> MapCanvas:
        if self.canvas is None:
            self._build()
        assert self.canvas is not None
        return self.canvas

    def _read_venues(self) -> None:
        def read(session: Session) -> tuple[list[MapVenue], tuple[date, date] | None]:
            return venues_on_map(session), event_days(session)

        self._submit("map-venues", self.tr("Reading the venues"), read, self._on_venues)

    def _on_venues(self, found: tuple[list[MapVenue], tuple[date, date] | None]) -> None:
        venues, days = found
        assert self.scene is not None
        self.scene.set_venues(venues)
        self.rings.set_venues(venues)
        self._days = days
        self._update_period()

    def _update_period(self) -> None:
        """The days the slider spans: the Events filter's, within the Timeline's range
        while following it, else every event's."""
        first, last = self._days or (date.today(), date.today())
        if self.follow_box.isChecked() and self._timeline is not None:
            first, last = self._timeline
        if self._filter.date_from:
            first = max(first, self._filter.date_from)
        if self._filter.date_to:
            last = min(last, self._filter.date_to)
        self.time_bar.set_period(first, max(first, last))
        self._on_window_changed()

    def _on_window_changed(self) -> None:
        # Hidden behind another tab, the Timeline's every step still arrives here: the
        # reads wait until the tab is shown (showEvent).
        if self.isVisible():
            self._request()
            self.rings.recount()

    def _request(self) -> None:
        canvas = self.canvas
        if canvas is None or not self.isVisible():
            return
        visible = canvas.visible_area()
        flt = self.current_filter()
        grid = grid_for(canvas.degrees_per_pixel())
        for held in (self._loaded, self._asked):
            if (held is not None and held.grid == grid and held.event_filter == flt
                    and held.area.covers(visible)):
                return
        kept = self._kept.get(grid)
        beside = kept[1] if kept is not None and kept[0].event_filter == flt else None
        if kept is not None and beside is not None and kept[0].area.covers(visible):
            self._show(*kept)
            return
        request = _Request(visible.grown(LOAD_MARGIN), grid, flt)
        self._asked = request
        per_pixel = canvas.degrees_per_pixel()
        self._submit("map-layer", self.tr("Reading the map"),
                     lambda session: map_layer_beside(session, request.area, per_pixel,
                                                      request.event_filter, beside),
                     lambda layer: self._on_layer(request, layer),
                     lambda failure: self._on_layer_failed(request, failure))

    def _on_layer(self, request: _Request, layer: MapLayer) -> None:
        if self._asked == request:
            self._asked = None
        self._kept = {grid: kept for grid, kept in self._kept.items()
                      if kept[0].event_filter == request.event_filter}
        self._kept[request.grid] = (request, layer)
        self._show(request, layer)
        self.layer_loaded.emit()
        if self._asked is None:
            self._request()  # the view may have moved on to a kept layer meanwhile

    def _show(self, request: _Request, layer: MapLayer) -> None:
        self._loaded = request
        assert self.scene is not None
        self.scene.events.set_layer(layer)
        self._update_status()

    def _update_status(self) -> None:
        """How many of the loaded events are on screen (the layer reaches beyond it)."""
        layer = self.layer()
        if layer is None or self.canvas is None:
            return
        visible = self.canvas.visible_area()
        if layer.points is not None:
            shown = sum(visible.contains(p.longitude, p.latitude) for p in layer.points)
        else:
            shown = sum(cell.events for cell in layer.cells
                        if cell.west < visible.east and visible.west < cell.west + cell.size
                        and cell.south < visible.north
                        and visible.south < cell.south + cell.size)
        self.status_label.setText(self.tr("%Ln event(s) in view", "", shown))

    def _on_layer_failed(self, request: _Request, failure: Failure) -> None:
        """The read failed (a database that went away): say so, and read again next time."""
        if self._asked == request:
            self._asked = None
        self.status_label.setText(failure.message)

    def _submit(self, key: str, noun: str, query: Any, done: Any,
                failed: Any = None) -> None:
        op = query_op(self.tr("Map"), noun, query).on_success(done).owned_by(self)
        if failed is not None:
            op.on_failure(failed)
        self._workspace.runner.submit(op.replacing(key))

    # -- selection ------------------------------------------------------------------------

    def _on_clicked(self, at: QPointF, double: bool) -> None:
        layer = self.layer()
        if layer is None or self.canvas is None:
            return
        signal = self.event_activated if double else self.event_clicked
        if layer.points is not None:
            hit = self._point_at(layer.points, at)
            if hit is not None:
                signal.emit(hit.id)
            return
        cell = next((cell for cell in layer.cells if _cell_rect(cell.west, cell.south,
                                                                 cell.size).contains(at)), None)
        if cell is not None:
            area = Area(cell.west, cell.south, cell.west + cell.size, cell.south + cell.size)
            flt = self.current_filter()
            self._submit("map-pick", self.tr("Finding the event"),
                         lambda session: first_event_in(session, area, flt),
                         lambda found: _emit_found(signal, found))

    def _point_at(self, points: tuple[MapPoint, ...], at: QPointF) -> MapPoint | None:
        assert self.canvas is not None
        reach = 2 * POINT_PIXELS * self.canvas.degrees_per_pixel()
        best: tuple[float, MapPoint] | None = None
        for point in points:
            x, y = project(point.longitude, point.latitude)
            distance = ((x - at.x()) ** 2 + (y - at.y()) ** 2) ** 0.5
            if distance <= reach and (best is None or distance < best[0]):
                best = (distance, point)
        return best[1] if best else None

    def _show_selected(self, point: MapPoint | None) -> None:
        if self.scene is None or self.canvas is None:
            return
        self.scene.set_highlight(point)
        if point is not None and not self.canvas.visible_area().contains(
                point.longitude, point.latitude):
            self.canvas.centerOn(*project(point.longitude, point.latitude))

    # -- changes --------------------------------------------------------------------------

    def _on_workspace_changed(self, topic: Topic) -> None:
        if topic & (Topic.EVENTS | Topic.ROUNDS):
            self._loaded = None
            self._kept.clear()
            if self.scene is not None:
                self._read_venues()

    def _on_database_replaced(self) -> None:
        self._loaded = None
        self._kept.clear()
        self._days = None
        if self.scene is not None:
            self.scene.set_highlight(None)
            self._read_venues()


def _emit_found(signal: Any, found: int | None) -> None:
    if found is not None:
        signal.emit(found)


def _cell_rect(west: float, south: float, size: float) -> QRectF:
    left, bottom = project(west, south)
    right, top = project(west + size, south + size)
    return QRectF(QPointF(left, top), QPointF(right, bottom))
