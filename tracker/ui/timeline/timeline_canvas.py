"""The timeline's drawing surface: zoom, pan, hover and click over a TimelineScene.

Wheel or pinch zooms towards the pointer; Shift+wheel, a horizontal wheel or dragging
pans; the keyboard does both (+/−, ←/→, Home fits everything, T goes to today). Every
change of the visible range is announced (``range_changed``) so the view can read the
events for it; painting itself reads nothing.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QEvent, QPointF, QSize, Qt, Signal
from PySide6.QtGui import (
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QNativeGestureEvent,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QGestureEvent, QPinchGesture, QSizePolicy, QToolTip, QWidget

from tracker.services.timeline.timeline_as_of import KnownLane
from tracker.services.timeline.timeline_lanes import TimelineLanes
from tracker.ui.common.theme import is_dark
from tracker.ui.timeline.timeline_colors import TimelineColours, timeline_colours
from tracker.ui.timeline.timeline_painter import Hit, TimelinePainter
from tracker.ui.timeline.timeline_scene import (
    EVENTS_HEIGHT,
    LABEL_WIDTH,
    TimelineScene,
    Viewport,
    events_top,
    fitted,
)

ZOOM_STEP = 1.25
PAN_SHARE = 0.1  # of the visible span, per arrow key
DRAG_THRESHOLD = 4
# Taller, the strip's bars would exaggerate small differences and push the markers far
# from the lanes they are read against; shorter, a full-height window on a 1000-pixel
# screen kept a third of the tab empty below the strip (issue 16, finding 12).
MAX_EVENTS_HEIGHT = 480


class TimelineCanvas(QWidget):
    """Signals:
        range_changed(): the visible range or the plot width changed.
        item_clicked(str, object): the user clicked a drawn item (its Hit kind and key).
    """

    range_changed = Signal()
    item_clicked = Signal(str, object)

    def __init__(self, lanes: TimelineLanes, tz: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timeline-canvas")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.grabGesture(Qt.GestureType.PinchGesture)
        now = datetime.now(UTC)
        self.scene = TimelineScene(lanes, Viewport(now, now, 1), tz)
        self.scene.viewport = self._fit_viewport()
        # Fitted to everything until the user zooms or pans: a resize fits again, so the
        # axis spans the data at the width the window settles on, not at the width the
        # hidden tab had when it was made (which showed decades of empty axis).
        self._fitted = True
        self.describe = lambda hit: ""  # the view sets how a hit is told in a tooltip
        self._hits: list[Hit] = []
        self._press: QPointF | None = None
        self._dragged = False
        self.setAccessibleName(self.tr("Timeline of rounds, factors and battlefield events"))
        self._update_height()

    # -- our API ----------------------------------------------------------------------

    @property
    def viewport(self) -> Viewport:
        return self.scene.viewport

    def plot_width(self) -> int:
        return max(1, self.width() - LABEL_WIDTH)

    def set_viewport(self, viewport: Viewport) -> None:
        self._fitted = False
        if viewport == self.scene.viewport:
            return
        self.scene.viewport = viewport
        self.update()
        self.range_changed.emit()

    def set_lanes(self, lanes: TimelineLanes) -> None:
        """Show *lanes*; when there was nothing dated to show before (a new database,
        then its first import or round), fit the view to what there is now."""
        had_nothing = self.scene.lanes.extent(self.scene.tz) is None
        self.scene.lanes = lanes
        self._update_height()
        if had_nothing and lanes.extent(self.scene.tz) is not None:
            self.fit_all()
        self.update()

    def set_known(self, known: KnownLane | None) -> None:
        """Show *known* (the rounds as known on a past day) under the tracks, or not."""
        self.scene.known = known
        self._update_height()
        self.update()

    def zoom(self, factor: float, anchor_x: float | None = None) -> None:
        """Zoom in (*factor* > 1) or out about a point of the plot (default its middle)."""
        self.set_viewport(self.viewport.zoomed(factor, anchor_x))

    def pan(self, pixels: float) -> None:
        self.set_viewport(self.viewport.panned(pixels))

    def fit_all(self) -> None:
        self.set_viewport(self._fit_viewport())
        self._fitted = True

    def is_fitted(self) -> bool:
        """Whether the view shows everything, as Fit All does, since the user last moved it."""
        return self._fitted

    def colours(self) -> TimelineColours:
        """The timeline's colours for the widget's palette, light or dark."""
        return timeline_colours(is_dark(self.palette()))

    def go_today(self) -> None:
        self.scene.now = datetime.now(UTC)
        self.set_viewport(self.viewport.centred_on(self.scene.now))

    def show_instant(self, instant: datetime) -> None:
        """Scroll so *instant* is in view, keeping the zoom; centre it if it was not."""
        x = self.viewport.x_of(instant)
        if not 0 <= x <= self.viewport.width:
            self.set_viewport(self.viewport.centred_on(instant))

    def hit_at(self, point: QPointF) -> Hit | None:
        """The front-most drawn item under *point* (widget coordinates)."""
        return next((hit for hit in reversed(self._hits) if hit.rect.contains(point)), None)

    def hits(self) -> list[Hit]:
        return list(self._hits)

    # -- Qt overrides -----------------------------------------------------------------

    def sizeHint(self) -> QSize:
        """Override QWidget.sizeHint: as tall as the lanes need."""
        return QSize(900, self.scene.natural_height())

    def paintEvent(self, event: QPaintEvent) -> None:
        """Override QWidget.paintEvent: the scene, remembering where each item went."""
        # "Today" moves on while the window stays open (overnight, for days).
        self.scene.now = datetime.now(UTC)
        painter = QPainter(self)
        colours = self.colours()
        painter.fillRect(self.rect(), colours.chart.background)
        try:
            self._hits = TimelinePainter(self.scene, painter, self.width(), colours).paint()
        finally:
            painter.end()

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Override QWidget.resizeEvent: keep the start, show more or less time; the
        events strip takes the height beyond what the lanes need."""
        room = self.height() - events_top(self.scene) - 16
        self.scene.events_height = max(EVENTS_HEIGHT, min(MAX_EVENTS_HEIGHT, room))
        viewport = self.viewport
        if viewport.width <= 1 or self._fitted:  # the first real size, or still fitted
            self.scene.viewport = self._fit_viewport()
            self.range_changed.emit()
        elif self.plot_width() != viewport.width:
            span = viewport.span * (self.plot_width() / max(1, viewport.width))
            self.scene.viewport = Viewport(viewport.start, viewport.start + span,
                                           self.plot_width())
            self.range_changed.emit()
        super().resizeEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:
        """Override QWidget.wheelEvent: zoom at the pointer; pan with Shift or sideways."""
        delta = event.angleDelta()
        anchor = event.position().x() - LABEL_WIDTH
        if event.modifiers() & Qt.KeyboardModifier.ShiftModifier or abs(delta.x()) > abs(delta.y()):
            steps = (delta.x() or delta.y()) / 120
            self.pan(-steps * self.plot_width() * PAN_SHARE)
        elif delta.y():
            self.zoom(ZOOM_STEP ** (delta.y() / 120), anchor)
        event.accept()

    def event(self, event: QEvent) -> bool:
        """Override QObject.event: pinch gestures, touchpad zoom, and tooltips."""
        if event.type() == QEvent.Type.NativeGesture:
            assert isinstance(event, QNativeGestureEvent)
            if event.gestureType() == Qt.NativeGestureType.ZoomNativeGesture:
                self.zoom(1 + event.value(), event.position().x() - LABEL_WIDTH)
                return True
        if event.type() == QEvent.Type.Gesture:
            assert isinstance(event, QGestureEvent)
            pinch = event.gesture(Qt.GestureType.PinchGesture)
            if isinstance(pinch, QPinchGesture):
                centre = self.mapFromGlobal(pinch.centerPoint().toPoint())
                self.zoom(pinch.scaleFactor(), centre.x() - LABEL_WIDTH)
                return True
        if event.type() == QEvent.Type.ToolTip:
            assert isinstance(event, QHelpEvent)
            hit = self.hit_at(QPointF(event.pos()))
            text = self.describe(hit) if hit else ""
            if text:
                QToolTip.showText(event.globalPos(), text, self, hit.rect.toRect() if hit else
                                  self.rect())
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Override QWidget.keyPressEvent: +/− zoom, arrows pan, Home fits, T is today."""
        key = event.key()
        if key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom(ZOOM_STEP)
        elif key in (Qt.Key.Key_Minus, Qt.Key.Key_Underscore):
            self.zoom(1 / ZOOM_STEP)
        elif key == Qt.Key.Key_Left:
            self.pan(-self.plot_width() * PAN_SHARE)
        elif key == Qt.Key.Key_Right:
            self.pan(self.plot_width() * PAN_SHARE)
        elif key == Qt.Key.Key_Home:
            self.fit_all()
        elif key == Qt.Key.Key_T:
            self.go_today()
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        """Override QWidget.mousePressEvent: start a drag or a click."""
        if event.button() == Qt.MouseButton.LeftButton:
            self._press = event.position()
            self._dragged = False
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        """Override QWidget.mouseMoveEvent: drag pans; hovering shows what is clickable."""
        if self._press is not None and event.buttons() & Qt.MouseButton.LeftButton:
            dx = event.position().x() - self._press.x()
            if self._dragged or abs(dx) >= DRAG_THRESHOLD:
                self._dragged = True
                self.setCursor(Qt.CursorShape.ClosedHandCursor)
                self.pan(-dx)
                self._press = event.position()
            return
        hit = self.hit_at(event.position())
        clickable = hit is not None and hit.kind != "bucket"
        self.setCursor(Qt.CursorShape.PointingHandCursor if clickable
                       else Qt.CursorShape.ArrowCursor)
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        """Override QWidget.mouseReleaseEvent: a click without a drag selects."""
        if event.button() == Qt.MouseButton.LeftButton and self._press is not None:
            if not self._dragged:
                hit = self.hit_at(event.position())
                if hit is not None:
                    self.item_clicked.emit(hit.kind, hit.key)
            self._press = None
            self._dragged = False
            self.unsetCursor()
        super().mouseReleaseEvent(event)

    # -- internals --------------------------------------------------------------------

    def _fit_viewport(self) -> Viewport:
        extent = self.scene.lanes.extent(self.scene.tz)
        known = self.scene.known.extent() if self.scene.known is not None else None
        if extent is not None and known is not None:  # the ghosts are part of "all"
            extent = (min(extent[0], known[0]), max(extent[1], known[1]))
        extent = extent or known
        if extent is None:  # nothing dated yet: the last two months and the next one
            now = datetime.now(UTC)
            return fitted(now - timedelta(days=60), now + timedelta(days=30),
                          self.plot_width())
        return fitted(*extent, self.plot_width())

    def _update_height(self) -> None:
        self.setMinimumHeight(self.scene.natural_height())
        self.updateGeometry()
