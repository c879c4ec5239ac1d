"""The map's view: pan by dragging or with the arrow keys, zoom with the wheel or + and −.

Every change of what is on screen is announced once (``view_changed``), after the event
that caused it is handled, so a burst of wheel steps reads the data once. A click that
did not drag is announced with where it was, in map units.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent, QPainter, QResizeEvent, QWheelEvent
from PySide6.QtWidgets import QGraphicsView, QWidget

from tracker.services.map.projection import Area
from tracker.ui.map.map_scene import MapScene

ZOOM_STEP = 1.25
PAN_SHARE = 0.1  # of the visible width or height, per arrow key
MAX_SCALE = 4000.0  # pixels per degree: a few streets
CLICK_SLOP = 4  # pixels a press may move and still be a click


class MapCanvas(QGraphicsView):
    """Signals:
        view_changed(): the visible area or zoom changed.
        clicked(QPointF, bool): a click (not a drag) at this map point; True if double.
    """

    view_changed = Signal()
    clicked = Signal(QPointF, bool)

    def __init__(self, scene: MapScene, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self.setObjectName("map-canvas")
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.FullViewportUpdate)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._announce = QTimer(self)
        self._announce.setSingleShot(True)
        self._announce.setInterval(0)
        self._announce.timeout.connect(self.view_changed)
        self._pressed_at: QPoint | None = None
        # A rect asked for before the view had its size is fitted again on each resize,
        # until the user moves the map.
        self._fit_pending: QRectF | None = None
        self.horizontalScrollBar().valueChanged.connect(self._changed)
        self.verticalScrollBar().valueChanged.connect(self._changed)

    # -- our API ------------------------------------------------------------------------

    def visible_rect(self) -> QRectF:
        return self.mapToScene(self.viewport().rect()).boundingRect()

    def visible_area(self) -> Area:
        rect = self.visible_rect()
        return Area.of_map_rect(rect.left(), rect.top(), rect.right(), rect.bottom())

    def degrees_per_pixel(self) -> float:
        return 1.0 / max(self.transform().m11(), 1e-9)

    def zoom(self, factor: float, anchor: QPointF | None = None) -> None:
        self._fit_pending = None
        scale = self.transform().m11()
        factor = max(min(factor, MAX_SCALE / scale), self._min_scale() / scale)
        if anchor is None:
            self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.scale(factor, factor)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self._changed()

    def pan(self, share_x: float, share_y: float) -> None:
        """Move the view by shares of its width and height (positive: east, south)."""
        self._fit_pending = None
        rect = self.visible_rect()
        self.centerOn(rect.center() + QPointF(rect.width() * share_x,
                                              rect.height() * share_y))
        self._changed()

    def show_rect(self, rect: QRectF) -> None:
        """Fit *rect* (map units) in the view."""
        self._fit_pending = QRectF(rect)
        self.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)
        self._changed()

    # -- Qt overrides ---------------------------------------------------------------------

    def wheelEvent(self, event: QWheelEvent) -> None:
        """Override QGraphicsView.wheelEvent: zoom about the pointer."""
        steps = event.angleDelta().y() / 120.0
        if steps:
            self.zoom(ZOOM_STEP ** steps, event.position())
        event.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Override QGraphicsView.keyPressEvent: arrows pan, + and − zoom."""
        key = Qt.Key(event.key())
        moves = {Qt.Key.Key_Left: (-PAN_SHARE, 0.0), Qt.Key.Key_Right: (PAN_SHARE, 0.0),
                 Qt.Key.Key_Up: (0.0, -PAN_SHARE), Qt.Key.Key_Down: (0.0, PAN_SHARE)}
        if key in moves:
            self.pan(*moves[key])
        elif key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom(ZOOM_STEP)
        elif key in (Qt.Key.Key_Minus, Qt.Key.Key_Underscore):
            self.zoom(1 / ZOOM_STEP)
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        """Override QGraphicsView.mousePressEvent: remember where a click may start."""
        self._pressed_at = event.position().toPoint()
        self._fit_pending = None
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        """Override QGraphicsView.mouseReleaseEvent: a release near the press is a click."""
        super().mouseReleaseEvent(event)
        pressed, self._pressed_at = self._pressed_at, None
        at = event.position().toPoint()
        if (pressed is not None and event.button() == Qt.MouseButton.LeftButton
                and (at - pressed).manhattanLength() <= CLICK_SLOP):
            self.clicked.emit(self.mapToScene(at), False)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        """Override QGraphicsView.mouseDoubleClickEvent: open what was double-clicked."""
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit(self.mapToScene(event.position().toPoint()), True)
        event.accept()

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Override QGraphicsView.resizeEvent."""
        super().resizeEvent(event)
        if self._fit_pending is not None:
            self.fitInView(self._fit_pending, Qt.AspectRatioMode.KeepAspectRatio)
        self._changed()

    # -- internals ------------------------------------------------------------------------

    def _min_scale(self) -> float:
        """Zoomed out no further than the whole world across the view."""
        return self.viewport().width() / 360.0

    def _changed(self) -> None:
        self._announce.start()
