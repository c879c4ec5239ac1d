"""The "as known then" row under each track: its rounds as they were known on a past day.

Each is a ghost of the round mark (the status's outline, dash-dotted, over a translucent
fill) in a row of its own right under the rounds as they are now, so how far a round has
moved since that day reads straight down the axis. Kept apart from timeline_painter.py,
which draws what is true now; this draws what was believed then.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen

from tracker.domain.enums import RoundStatus
from tracker.domain.wording import label_of
from tracker.services.timeline.timeline_as_of import KnownMark
from tracker.services.timeline.timeline_lanes import RoundMark
from tracker.ui.common.date_text import day_text
from tracker.ui.common.language import translate
from tracker.ui.timeline.timeline_colors import TimelineColours
from tracker.ui.timeline.timeline_scene import KNOWN_HEIGHT, LABEL_WIDTH, TimelineScene

# The row's marks are smaller than the rounds' above them: they are the background.
_MARGIN = 7
_MIN_WIDTH = 8.0


def paint_known_row(p: QPainter, scene: TimelineScene, marks: tuple[KnownMark, ...],
                    top: float, width: int, font: QFont,
                    colours: TimelineColours) -> list[tuple[QRectF, int]]:
    """Draw *marks* in the row starting at *top*; returns each drawn mark's rectangle
    and round id, to point at."""
    grid = colours.chart.grid
    shaded = QColor(grid)
    shaded.setAlpha(90)
    p.fillRect(QRectF(LABEL_WIDTH, top, width - LABEL_WIDTH, KNOWN_HEIGHT), shaded)
    p.setPen(QPen(grid, 1))
    p.drawLine(int(LABEL_WIDTH), int(top + KNOWN_HEIGHT), width, int(top + KNOWN_HEIGHT))
    drawn: list[tuple[QRectF, int]] = []
    for mark in marks:
        rect = _rect(scene, mark, top)
        if rect is None or rect.right() < LABEL_WIDTH or rect.left() > width:
            continue
        _ghost(p, mark, rect, colours, selected=mark.round_id == scene.selected_round)
        _title(p, mark, rect, font, colours.chart.text)
        drawn.append((rect, mark.round_id))
    return drawn


def _rect(scene: TimelineScene, mark: KnownMark, top: float) -> QRectF | None:
    window = mark.window
    if window.start is None:  # not dated then: no place on the axis
        return None
    left = LABEL_WIDTH + scene.viewport.x_of(window.start)
    right = LABEL_WIDTH + scene.viewport.x_of(window.end or window.start)
    if right - left < _MIN_WIDTH:
        middle = (left + right) / 2
        left, right = middle - _MIN_WIDTH / 2, middle + _MIN_WIDTH / 2
    return QRectF(left, top + _MARGIN, right - left, KNOWN_HEIGHT - 2 * _MARGIN)


def _ghost(p: QPainter, mark: KnownMark, rect: QRectF, colours: TimelineColours, *,
           selected: bool) -> None:
    style = colours.status[mark.status]
    fill = QColor(style.fill)
    fill.setAlpha(70)
    p.setBrush(fill)
    p.setPen(QPen(style.edge, 2.0 if selected else 1.0, Qt.PenStyle.DashDotLine))
    p.drawRoundedRect(rect, 4, 4)
    if mark.status is RoundStatus.CANCELLED:
        p.drawLine(rect.bottomLeft(), rect.topRight())


def _title(p: QPainter, mark: KnownMark, rect: QRectF, font: QFont, text_colour: QColor) -> None:
    p.setFont(font)
    metrics = QFontMetrics(font)
    faded = QColor(text_colour)
    faded.setAlpha(170)
    p.setPen(faded)
    text = translate("TimelineGhosts", "{title} ({status} then)").format(
        title=mark.title, status=label_of(mark.status))
    if metrics.horizontalAdvance(text) <= rect.width() - 8:
        p.drawText(rect.adjusted(4, 0, -4, 0), Qt.AlignmentFlag.AlignVCenter, text)
        return
    # Too narrow: beside the mark, as the rounds' own titles go.
    p.drawText(QRectF(rect.right() + 4, rect.top(), 220, rect.height()),
               Qt.AlignmentFlag.AlignVCenter,
               metrics.elidedText(text, Qt.TextElideMode.ElideRight, 220))


def known_tooltip(scene: TimelineScene, round_id: int) -> str:
    """Rich text for a ghost: what was known on the day, and what is known now."""
    lane = scene.known
    mark = lane.mark(round_id) if lane is not None else None
    if lane is None or mark is None:
        return ""
    day = lane.as_of.day
    lines = [f"{escape(label_of(mark.status).capitalize())} · {escape(mark.window.describe())}"
             f" ({escape(mark.window.tz)})",
             escape(mark.venue) if mark.venue else translate("TimelineGhosts", "venue unknown"),
             (translate("TimelineGhosts",
                        "from the change entered {when} (no announcement date given)")
              if mark.announced.entered else
              translate("TimelineGhosts", "from the change announced {when}")).format(
                 when=escape(mark.announced.describe(lane.as_of.tz)))]
    now = _current(scene, round_id)
    if now is None:
        lines.append(translate("TimelineGhosts", "<i>Deleted since</i>"))
    elif (now.window, now.status) != (mark.window, mark.status):
        lines.append(translate("TimelineGhosts", "<i>Now:</i> {status} · {window}").format(
            status=escape(label_of(now.status)), window=escape(now.window.describe())))
    else:
        lines.append(translate("TimelineGhosts", "<i>Unchanged since</i>"))
    title = translate("TimelineGhosts", "{title} as known on {day} ({zone})").format(
        title=escape(mark.title), day=day_text(day), zone=escape(lane.as_of.tz))
    return f"<qt><b>{title}</b>" + "".join(f"<br>{line}" for line in lines) + "</qt>"


def _current(scene: TimelineScene, round_id: int) -> RoundMark | None:
    return next((mark for track in scene.lanes.tracks for mark in track.rounds
                 if mark.id == round_id), None)
