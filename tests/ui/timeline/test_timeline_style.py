"""Issue 16, finding 12 on the timeline: the axis spans the data, a reschedule moved only a
little is a short arrow (never a tiny loop), and the factor bands have a legend."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage, QPainter
from pytestqt.qtbot import QtBot

from tracker.domain.announcement import Announcement
from tracker.domain.enums import FactorLevel, FactorTrend, Precision, RoundStatus
from tracker.domain.timewindow import ScheduledWindow
from tracker.services.timeline.timeline_lanes import (
    FactorLane,
    ReadingSpan,
    RoundMark,
    TimelineLanes,
    TrackLane,
    WindowMove,
)
from tracker.ui.timeline.timeline_canvas import TimelineCanvas
from tracker.ui.timeline.timeline_colors import LIGHT_TIMELINE
from tracker.ui.timeline.timeline_marks import (
    MIN_ARC_PIXELS,
    SHORT_ARROW,
    TREND_ARROWS,
    paint_factor_legend,
    paint_move,
)
from tracker.ui.timeline.timeline_painter import TimelinePainter
from tracker.ui.timeline.timeline_scene import LABEL_WIDTH, TimelineScene, Viewport
from tracker.ui.window.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

START = datetime(2026, 2, 2, 8, tzinfo=UTC)


def _lanes(moved_by: timedelta) -> TimelineLanes:
    old = ScheduledWindow(Precision.EXACT, "UTC", START, START + timedelta(hours=8))
    new = ScheduledWindow(Precision.EXACT, "UTC", START + moved_by,
                          START + moved_by + timedelta(hours=8))
    move = WindowMove(7, START, old, new, "", "", Announcement.at_instant(START))
    mark = RoundMark(1, "Talks", RoundStatus.SCHEDULED, new, "", (move,), ())
    reading = ReadingSpan(3, START, None, FactorLevel.HIGH, FactorTrend.RISING, "")
    return TimelineLanes((TrackLane(1, "Track", (mark,)),),
                         (FactorLane(2, "Tensions", (reading,)),), None, None)


def _paint(lanes: TimelineLanes, days: int) -> list[QRectF]:
    scene = TimelineScene(lanes, Viewport(START - timedelta(days=days // 2),
                                          START + timedelta(days=days // 2), 800), "UTC")
    image = QImage(800 + LABEL_WIDTH, scene.height(), QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    try:
        hits = TimelinePainter(scene, painter, image.width()).paint()
    finally:
        painter.end()
    return [hit.rect for hit in hits if hit.kind == "move"]


@pytest.mark.usefixtures("qapp")
@pytest.mark.parametrize("moved_by", [timedelta(days=2), timedelta(hours=3), timedelta(0)])
def test_a_move_of_a_few_pixels_is_a_short_arrow_not_a_loop(moved_by: timedelta) -> None:
    # A year across 800 pixels: two days are four pixels, three hours less than one.
    [box] = _paint(_lanes(moved_by), 365)
    # The arc curled into a loop a few pixels wide; the short arrow (a diamond when the
    # move is less than a pixel) is as wide as a readable mark, and still there to point at.
    assert SHORT_ARROW <= box.width() <= MIN_ARC_PIXELS
    assert box.height() <= 16


@pytest.mark.usefixtures("qapp")
def test_a_move_far_enough_is_still_an_arc_from_the_old_window_to_the_new() -> None:
    [box] = _paint(_lanes(timedelta(days=5)), 30)
    assert box.width() > MIN_ARC_PIXELS


@pytest.mark.usefixtures("qapp")
def test_paint_move_keeps_the_arc_for_distant_windows_and_the_arrow_for_close_ones() -> None:
    image = QImage(400, 100, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    try:
        near = paint_move(painter, QRectF(100, 50, 8, 24), QRectF(110, 50, 8, 24),
                          LIGHT_TIMELINE)
        far = paint_move(painter, QRectF(100, 50, 8, 24), QRectF(300, 50, 8, 24),
                         LIGHT_TIMELINE)
    finally:
        painter.end()
    assert near.bottom() <= 50 and near.width() <= MIN_ARC_PIXELS
    assert far.left() <= 104 and far.right() >= 304


@pytest.mark.usefixtures("qapp")
def test_a_rounds_later_moves_arc_higher_so_there_and_back_is_two_arrows() -> None:
    image = QImage(400, 120, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    try:
        there = paint_move(painter, QRectF(100, 80, 8, 24), QRectF(160, 80, 8, 24),
                           LIGHT_TIMELINE, 0)
        back = paint_move(painter, QRectF(160, 80, 8, 24), QRectF(100, 80, 8, 24),
                          LIGHT_TIMELINE, 1)
    finally:
        painter.end()
    assert back.top() < there.top() - 4


@pytest.mark.usefixtures("qapp")
def test_the_factor_legend_names_every_trend_arrow_and_level() -> None:
    drawn: list[str] = []

    class Recording(QPainter):
        def drawText(self, *args: object) -> None:  # type: ignore[override]
            drawn.append(str(args[-1]))
            super().drawText(*args)  # type: ignore[call-overload]

    image = QImage(900, 40, QImage.Format.Format_ARGB32)
    painter = Recording(image)
    try:
        box = paint_factor_legend(painter, 890, 20, painter.font(), LIGHT_TIMELINE)
    finally:
        painter.end()
    assert box.left() > 0 and box.right() <= 900
    for trend in FactorTrend:
        assert f"{TREND_ARROWS[trend]} {trend.value}" in drawn
    for level in FactorLevel:
        assert level.value in drawn


def test_the_axis_spans_the_data_at_the_width_the_tab_settles_on(
        qtbot: QtBot, window: MainWindow) -> None:
    # The canvas was fitted at the width it first had (a hidden tab's, or a window not
    # yet at its size), and each resize then kept the start and showed more time: on a
    # full-width window the axis ran some 30 years past the data (to ~2055).
    canvas: TimelineCanvas = window.timeline_view.canvas
    window.show_timeline()

    def settled() -> bool:
        return canvas.viewport.width == canvas.width() - LABEL_WIDTH

    window.resize(700, 700)
    qtbot.waitUntil(settled)
    canvas.fit_all()
    extent = canvas.scene.lanes.extent(canvas.scene.tz)
    assert extent is not None
    span = extent[1] - extent[0]
    window.resize(1500, 900)
    qtbot.waitUntil(lambda: settled() and canvas.width() > 1000)
    # Fitted: a twentieth of the data's span as margin on each side, no more.
    assert canvas.is_fitted()
    assert canvas.viewport.start >= extent[0] - span / 10
    assert canvas.viewport.end <= extent[1] + span / 10
    canvas.zoom(2.0)  # the user's own zoom is kept through a resize: more time shows
    assert not canvas.is_fitted()
    zoomed = canvas.viewport.span
    window.resize(1200, 900)
    qtbot.waitUntil(lambda: settled() and canvas.width() < 1300)
    assert canvas.viewport.span < zoomed
