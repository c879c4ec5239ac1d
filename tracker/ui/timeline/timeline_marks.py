"""Two small pieces of the timeline drawn apart from the lanes: a reschedule's arrow, and the
factor legend (level colours and trend arrows).

A reschedule is an arc from the window a round had to the one it has now. When the two
are only a few pixels apart (a move by hours on a month's axis, or a change of time within
the same day) an arc would curl into a tiny loop (issue 16, finding 12): a short straight
arrow above the mark says which way it moved instead, and its tooltip tells the move.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPainterPath, QPen

from tracker.domain.enums import FactorLevel, FactorTrend, RoundStatus
from tracker.ui.common.language import translate
from tracker.ui.timeline.timeline_colors import TimelineColours
from tracker.ui.timeline.timeline_scene import TRACK_HEIGHT

# Below this distance between the old and new window's middles an arc is a loop.
MIN_ARC_PIXELS = 24.0
SHORT_ARROW = 14.0
TIER_LIFT = 7.0  # how much higher each further move of a round arcs
# The same arrows the bands write after a reading's level.
TREND_ARROWS = {FactorTrend.RISING: "↑", FactorTrend.STABLE: "→", FactorTrend.EASING: "↓"}


def paint_move(p: QPainter, before: QRectF, after: QRectF, colours: TimelineColours,
               tier: int = 0) -> QRectF:
    """The old window's outline and an arrow from it to *after*; returns what to point at.

    *tier* is the move's place among its round's moves: each later arc rises higher, so
    a move there and back (a week to a day, then the next day) reads as two arrows, not
    as one closed loop."""
    edge = colours.status[RoundStatus.POSTPONED].edge
    ghost = QColor(edge)
    ghost.setAlpha(70)
    p.setPen(QPen(ghost, 1, Qt.PenStyle.DashLine))
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawRoundedRect(before, 4, 4)
    start = QPointF(before.center().x(), before.top())
    end = QPointF(after.center().x(), after.top())
    distance = end.x() - start.x()
    direction = 1 if distance >= 0 else -1
    p.setPen(QPen(edge, 1.5))
    if abs(distance) < MIN_ARC_PIXELS:
        return _short_arrow(p, after, direction if abs(distance) >= 1 else 0, edge)
    lift = min(TRACK_HEIGHT * 0.9, 8 + abs(distance) / 6 + TIER_LIFT * min(tier, 3))
    path = QPainterPath(start)
    path.cubicTo(start + QPointF(0, -lift), end + QPointF(0, -lift), end)
    p.drawPath(path)
    head = QPainterPath(end)
    head.lineTo(end + QPointF(-4 * direction, -7))
    head.lineTo(end + QPointF(4 * direction, -5))
    head.closeSubpath()
    p.setBrush(edge)
    p.drawPath(head)
    return path.boundingRect().adjusted(-3, -3, 3, 3)


def _short_arrow(p: QPainter, after: QRectF, direction: int, colour: QColor) -> QRectF:
    """A short arrow just above *after*, pointing the way it moved (0: a change of time
    that moves nothing on this scale: a small diamond)."""
    y = after.top() - 5
    middle = after.center().x()
    p.setBrush(colour)
    if direction == 0:
        diamond = QPainterPath(QPointF(middle, y - 4))
        for dx, dy in ((4, 4), (0, 8), (-4, 4)):
            diamond.lineTo(QPointF(middle + dx, y - 4 + dy))
        diamond.closeSubpath()
        p.drawPath(diamond)
        return diamond.boundingRect().adjusted(-4, -4, 4, 4)
    tail = QPointF(middle - direction * SHORT_ARROW / 2, y)
    tip = QPointF(middle + direction * SHORT_ARROW / 2, y)
    p.drawLine(tail, tip)
    head = QPainterPath(tip)
    head.lineTo(tip + QPointF(-5 * direction, -3.5))
    head.lineTo(tip + QPointF(-5 * direction, 3.5))
    head.closeSubpath()
    p.drawPath(head)
    return QRectF(min(tail.x(), tip.x()) - 4, y - 6, SHORT_ARROW + 8, 11)


def _trend_word(trend: FactorTrend) -> str:
    return {FactorTrend.RISING: translate("TimelineLegend", "rising"),
            FactorTrend.STABLE: translate("TimelineLegend", "stable"),
            FactorTrend.EASING: translate("TimelineLegend", "easing")}[trend]


def _level_word(level: FactorLevel) -> str:
    return {FactorLevel.LOW: translate("TimelineLegend", "low"),
            FactorLevel.MODERATE: translate("TimelineLegend", "moderate"),
            FactorLevel.HIGH: translate("TimelineLegend", "high"),
            FactorLevel.CRITICAL: translate("TimelineLegend", "critical")}[level]


def paint_factor_legend(p: QPainter, right: float, top: float, font: QFont,
                        colours: TimelineColours) -> QRectF:
    """Level swatches and trend arrows in one line ending at *right*, centred on *top*;
    returns the box it took."""
    metrics = QFontMetrics(font)
    entries: list[tuple[QColor | None, str]] = [
        (colours.levels[level], _level_word(level)) for level in FactorLevel]
    entries += [(None, f"{TREND_ARROWS[trend]} {_trend_word(trend)}") for trend in FactorTrend]
    widths = [metrics.horizontalAdvance(text) + (16 if swatch is not None else 0) + 12
              for swatch, text in entries]
    left = right - sum(widths)
    height = metrics.height() + 2
    box = QRectF(left - 4, top - height / 2, sum(widths) + 4, height)
    p.setFont(font)
    x = left
    for (swatch, text), width in zip(entries, widths, strict=True):
        if swatch is not None:
            p.fillRect(QRectF(x, top - 5, 11, 10), swatch)
            p.setPen(QPen(colours.chart.rule, 1))
            p.drawRect(QRectF(x, top - 5, 11, 10))
            text_left = x + 16
        else:
            text_left = x
        p.setPen(colours.chart.text)
        p.drawText(QRectF(text_left, box.top(), width, height),
                   Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)
        x += width
    return box
