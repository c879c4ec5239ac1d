"""Paints a TimelineScene: ruler, round lanes, factor bands, the events strip, today.

One painter for the screen, the PNG and the SVG export. It also returns the hit areas
of what it drew, front-most last, so the widget can tell what is under the pointer
without a second geometry.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFontMetrics,
    QLinearGradient,
    QPainter,
    QPen,
)

from tracker.domain.date_range import RANGE_TEXT
from tracker.domain.enums import Precision, RoundStatus
from tracker.domain.timewindow import ScheduledWindow, reported_days
from tracker.domain.wording import label_of, say
from tracker.services.timeline.timeline_density import EventMarker, next_bucket
from tracker.services.timeline.timeline_lanes import ReadingSpan, RoundMark
from tracker.ui.common.chart_style import chart_fonts
from tracker.ui.common.date_ticks import date_ticks
from tracker.ui.common.language import tr, translate
from tracker.ui.timeline.timeline_colors import (
    LIGHT_TIMELINE,
    TimelineColours,
    category_order,
)
from tracker.ui.timeline.timeline_ghosts import paint_known_row
from tracker.ui.timeline.timeline_labels import LabelRequest, place_labels
from tracker.ui.timeline.timeline_marks import TREND_ARROWS, paint_factor_legend, paint_move
from tracker.ui.timeline.timeline_scene import (
    FACTOR_HEIGHT,
    KNOWN_HEIGHT,
    LABEL_WIDTH,
    RULER_HEIGHT,
    TRACK_HEIGHT,
    TimelineScene,
    day_start,
    events_top,
    factors_top,
    rounds_top,
    track_height,
    track_top,
)


@dataclass(frozen=True, slots=True)
class Hit:
    """Something drawn that the pointer can point at: ``kind`` is "round", "move",
    "known" (a round as known on a past day), "reading", "bucket" or "event", and ``key``
    its id (a round's for "known", a bucket's first day)."""

    rect: QRectF
    kind: str
    key: object


class TimelinePainter:
    def __init__(self, scene: TimelineScene, painter: QPainter, width: int,
                 colours: TimelineColours = LIGHT_TIMELINE) -> None:
        self.scene = scene
        self.p = painter
        self.width = width
        self.colours = colours
        self.ink = colours.chart  # background, text, grid: the colours every chart shares
        self.hits: list[Hit] = []
        self.title_boxes: list[QRectF] = []  # where round titles were written
        fonts = chart_fonts(painter.font())
        self.font, self.small, self.bold = fonts.normal, fonts.small, fonts.bold

    # -- geometry ---------------------------------------------------------------------

    def x(self, instant: datetime) -> float:
        return LABEL_WIDTH + self.scene.viewport.x_of(instant)

    def _span_x(self, start: datetime, end: datetime) -> tuple[float, float]:
        return self.x(start), self.x(end)

    def _visible(self, left: float, right: float) -> bool:
        return right >= LABEL_WIDTH and left <= self.width

    # -- the whole picture ------------------------------------------------------------

    def paint(self) -> list[Hit]:
        p = self.p
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(QRectF(0, 0, self.width, self.scene.height()), self.ink.background)
        self._ruler()
        p.save()
        p.setClipRect(QRectF(LABEL_WIDTH, 0, self.width - LABEL_WIDTH, self.scene.height()))
        self._factors()
        self._events()
        self._rounds()
        self._today()
        p.restore()
        self._labels()
        return self.hits

    def _ruler(self) -> None:
        p = self.p
        viewport = self.scene.viewport
        plot = self.width - LABEL_WIDTH
        metrics = QFontMetrics(self.small)
        ticks = date_ticks(viewport.start, viewport.end, self.scene.tz,
                           max(2, plot // max(60, metrics.horizontalAdvance("00 Mmm 0000") + 16)))
        p.setFont(self.small)
        bottom = self.scene.height()
        for tick in ticks:
            x = self.x(tick.at)
            p.setPen(QPen(self.ink.grid, 1))
            p.drawLine(QPointF(x, RULER_HEIGHT - 8), QPointF(x, bottom))
            p.setPen(self.ink.text)
            p.drawText(QRectF(x + 3, 8, 200, RULER_HEIGHT - 16),
                       Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, tick.label)
        p.setPen(QPen(self.ink.rule, 1))
        p.drawLine(QPointF(0, RULER_HEIGHT), QPointF(self.width, RULER_HEIGHT))
        p.setPen(self.ink.text)
        p.drawText(QRectF(8, 4, LABEL_WIDTH - 12, RULER_HEIGHT - 8),
                   Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                   translate("TimelinePainter", "Times in {zone}").format(zone=self.scene.tz))

    def _labels(self) -> None:
        """The lane names in the left column, over whatever was drawn beneath."""
        p = self.p
        scene = self.scene
        p.fillRect(QRectF(0, RULER_HEIGHT + 1, LABEL_WIDTH - 1,
                          scene.height() - RULER_HEIGHT - 1), self.ink.background)
        p.setPen(QPen(self.ink.rule, 1))
        p.drawLine(QPointF(LABEL_WIDTH - 1, 0), QPointF(LABEL_WIDTH - 1, scene.height()))
        self._section(translate("TimelinePainter", "Rounds by track"), rounds_top())
        for row, track in enumerate(scene.lanes.tracks):
            top = track_top(scene, row)
            if scene.known is not None:
                self._lane_label(scene.known.label, top + TRACK_HEIGHT, KNOWN_HEIGHT,
                                 faint=True)
            if track.undated:
                # Rounds with no date have no place on the axis; say that they exist.
                self._lane_label(track.name, top, TRACK_HEIGHT // 2 + 4)
                undated = track.undated  # a plain name: lupdate misses an attribute as n
                self._lane_label(tr("+ %n round(s) with no date", "",
                                           undated),
                                 top + TRACK_HEIGHT // 2 - 2, TRACK_HEIGHT // 2, faint=True)
            else:
                self._lane_label(track.name, top, TRACK_HEIGHT)
        if not scene.lanes.tracks:
            self._lane_label(translate("TimelinePainter", "No rounds yet"), rounds_top(),
                             TRACK_HEIGHT)
        self._section(translate("TimelinePainter", "Factors"), factors_top(scene))
        if scene.lanes.factors:  # what the bands' colours and arrows mean
            paint_factor_legend(self.p, self.width - 8, factors_top(scene) - 11, self.small,
                                self.colours)
        for row, factor in enumerate(scene.lanes.factors):
            self._lane_label(factor.name, factors_top(scene) + row * FACTOR_HEIGHT,
                             FACTOR_HEIGHT)
        if not scene.lanes.factors:
            self._lane_label(translate("TimelinePainter", "No factors yet"), factors_top(scene),
                             FACTOR_HEIGHT)
        layer = scene.events
        what = (translate("TimelinePainter", "events, one mark each") if layer.markers is not None
                else translate("TimelinePainter", "{measure} per {bucket}").format(
                    measure=label_of(scene.measure), bucket=label_of(layer.bucket)))
        self._section(translate("TimelinePainter", "Battlefield events"), events_top(scene))
        self._lane_label(what, events_top(scene), 22)
        self._legend(events_top(scene) + 26)

    def _section(self, title: str, top: int) -> None:
        self.p.setFont(self.bold)
        self.p.setPen(self.ink.text)
        self.p.drawText(QRectF(8, top - 20, LABEL_WIDTH - 12, 18),
                        Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom, title)

    def _lane_label(self, text: str, top: int, height: int, *, faint: bool = False) -> None:
        p = self.p
        p.setFont(self.small)
        p.setPen(self.ink.faint_text if faint else self.ink.text)
        metrics = QFontMetrics(self.small)
        elided = metrics.elidedText(text, Qt.TextElideMode.ElideRight, LABEL_WIDTH - 20)
        p.drawText(QRectF(14, top, LABEL_WIDTH - 20, height),
                   Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, elided)

    def _legend(self, top: int) -> None:
        p = self.p
        p.setFont(self.small)
        present = sorted({cell.target_category for cell in self.scene.events.cells}
                         | {m.target_category for m in self.scene.events.markers or ()},
                         key=category_order)
        # Every category shown (twelve and "uncategorised" at most): a cap of seven left
        # out "unknown", the largest part of the real UCDP file's bars (issue 18).
        for row, category in enumerate(present):
            y = top + row * 16
            p.fillRect(QRectF(14, y + 3, 10, 10), self.colours.category(category))
            p.setPen(self.ink.text)
            p.drawText(QRectF(30, y, LABEL_WIDTH - 36, 16), Qt.AlignmentFlag.AlignVCenter,
                       say(category) if category else translate("TimelinePainter",
                                                                 "uncategorised"))
        y = top + len(present) * 16 + 6
        p.setPen(self.ink.text)
        note = (translate("TimelinePainter", "dots: known to the day; faded bars: known only "
                          "to the week or month, or over days")
                if self.scene.events.markers is not None else
                translate("TimelinePainter", "hatched: events known only to the week or month, "
                          "on their recorded day"))
        if self.scene.lanes.events_out_of_range:  # stored before the date range (issue 14)
            note = translate("TimelinePainter", "{note}; {count} dated outside {range} are "
                             "left off").format(note=note,
                                                count=self.scene.lanes.events_out_of_range,
                                                range=RANGE_TEXT)
        p.drawText(QRectF(14, y, LABEL_WIDTH - 20, 60), Qt.TextFlag.TextWordWrap, note)

    # -- rounds -----------------------------------------------------------------------

    def _rounds(self) -> None:
        for row, track in enumerate(self.scene.lanes.tracks):
            top = track_top(self.scene, row)
            self.p.setPen(QPen(self.ink.grid, 1))
            self.p.drawLine(QPointF(LABEL_WIDTH, top + track_height(self.scene)),
                            QPointF(self.width, top + track_height(self.scene)))
            if self.scene.known is not None:
                self.hits += [Hit(rect, "known", round_id) for rect, round_id in
                              paint_known_row(self.p, self.scene,
                                              self.scene.known.of_track(track.id),
                                              top + TRACK_HEIGHT, self.width, self.small,
                                              self.colours)]
            for mark in track.rounds:
                for tier, move in enumerate(mark.moves):
                    self._move(move.old, move.new, top, move.change_id, tier)
            titles = [title for mark in track.rounds
                      if (title := self._round(mark, top)) is not None]
            self._round_titles(titles)

    def _window_rect(self, window: ScheduledWindow, top: float) -> QRectF | None:
        if window.start is None:
            return None
        # An exact start with no end is a moment: a mark of the minimum width below.
        left, right = self._span_x(window.start, window.end or window.start)
        if right - left < 8:  # an exact time or a zoomed-out day: still a visible mark
            middle = (left + right) / 2
            left, right = middle - 4, middle + 4
        return QRectF(left, top + 8, right - left, TRACK_HEIGHT - 16)

    def _round(self, mark: RoundMark, top: float) -> tuple[QRectF, str] | None:
        """Draw the round's mark; return it with the title to write beside or in it."""
        if mark.window.start is None:
            return self._undated_ghost(mark, top)
        rect = self._window_rect(mark.window, top)
        if rect is None or not self._visible(rect.left(), rect.right()):
            return None
        p = self.p
        style = self.colours.status[mark.status]
        vague = mark.window.precision in (Precision.WEEK, Precision.MONTH)
        if vague:
            # No edge is known: a faded span that fades out at both ends.
            gradient = QLinearGradient(rect.topLeft(), rect.topRight())
            faint = QColor(style.edge)
            faint.setAlpha(15)
            strong = QColor(style.edge)
            strong.setAlpha(70)
            gradient.setColorAt(0, faint)
            gradient.setColorAt(0.3, strong)
            gradient.setColorAt(0.7, strong)
            gradient.setColorAt(1, faint)
            p.setBrush(gradient)
            pen = QPen(style.edge, 1, Qt.PenStyle.DotLine)
        else:
            p.setBrush(style.fill)
            pen = QPen(style.edge, 1.5, style.line)
        if mark.id == self.scene.selected_round:
            halo = QColor(style.edge)
            halo.setAlpha(60)
            p.setPen(QPen(halo, 7))
            p.drawRoundedRect(rect, 4, 4)
            pen = QPen(style.edge.darker(120), 2.5, pen.style())
        p.setPen(pen)
        p.drawRoundedRect(rect, 4, 4)
        if mark.status is RoundStatus.CANCELLED:
            p.setPen(QPen(style.edge, 2))
            p.drawLine(rect.bottomLeft(), rect.topRight())
        self.hits.append(Hit(rect, "round", mark.id))
        return rect, _round_title(mark)

    def _undated_ghost(self, mark: RoundMark, top: float) -> tuple[QRectF, str] | None:
        """A round postponed with no new date, drawn faint where it was last dated."""
        if mark.last_dated is None:
            return None
        rect = self._window_rect(mark.last_dated, top)
        if rect is None or not self._visible(rect.left(), rect.right()):
            return None
        p = self.p
        style = self.colours.status[mark.status]
        faint = QColor(style.fill)
        faint.setAlpha(60)
        p.setBrush(faint)
        width = 2.5 if mark.id == self.scene.selected_round else 1.0
        p.setPen(QPen(style.edge, width, Qt.PenStyle.DashLine))
        p.drawRoundedRect(rect, 4, 4)
        self.hits.append(Hit(rect, "round", mark.id))
        return rect, _round_title(mark, note=translate("TimelinePainter", "no new date"))

    def _round_titles(self, titles: list[tuple[QRectF, str]]) -> None:
        """Write a track's round titles, inside their marks or beside them, where
        ``place_labels`` puts them: never one over another (``title_boxes``)."""
        p = self.p
        p.setFont(self.small)
        p.setPen(self.ink.text)
        metrics = QFontMetrics(self.small)
        requests = [LabelRequest(number, rect.left(), rect.right(),
                                 metrics.horizontalAdvance(text))
                    for number, (rect, text) in enumerate(titles)]
        for label in place_labels(requests, LABEL_WIDTH, self.width):
            rect, text = titles[label.key]
            if metrics.horizontalAdvance(text) > label.width:
                text = metrics.elidedText(text, Qt.TextElideMode.ElideRight, int(label.width))
            box = QRectF(label.left, rect.top(), label.width, rect.height())
            p.drawText(box, Qt.AlignmentFlag.AlignVCenter, text)
            self.title_boxes.append(box)

    def _move(self, old: ScheduledWindow, new: ScheduledWindow, top: float,
              change_id: int, tier: int = 0) -> None:
        """An arrow from the window a round had to the one it was moved to."""
        before = self._window_rect(old, top)
        after = self._window_rect(new, top)
        if before is None or after is None:
            return
        self.hits.append(Hit(paint_move(self.p, before, after, self.colours, tier), "move",
                             change_id))

    # -- factors ----------------------------------------------------------------------

    def _factors(self) -> None:
        scene = self.scene
        for row, factor in enumerate(scene.lanes.factors):
            top = factors_top(scene) + row * FACTOR_HEIGHT
            for reading in factor.readings:
                self._band(reading, top, factor.id == scene.selected_factor)

    def _band(self, reading: ReadingSpan, top: float, selected: bool) -> None:
        end = reading.end or max(self.scene.now, self.scene.viewport.end)
        left, right = self._span_x(reading.start, end)
        if not self._visible(left, right):
            return
        rect = QRectF(left, top + 3, max(2.0, right - left), FACTOR_HEIGHT - 6)
        p = self.p
        colour = QColor(self.colours.levels[reading.level])
        if reading.end is None:  # the latest reading holds until told otherwise: fade it
            gradient = QLinearGradient(rect.topLeft(), rect.topRight())
            gradient.setColorAt(0, colour)
            faded = QColor(colour)
            faded.setAlpha(40)
            gradient.setColorAt(1, faded)
            p.fillRect(rect, gradient)
        else:
            p.fillRect(rect, colour)
        p.setPen(QPen(self.ink.text if selected else self.ink.background,
                      2 if selected else 1))
        p.drawLine(rect.topLeft(), rect.bottomLeft())
        if rect.width() > 70:
            p.setFont(self.small)
            p.setPen(self.ink.text)
            arrow = TREND_ARROWS[reading.trend]
            p.drawText(rect.adjusted(4, 0, -2, 0), Qt.AlignmentFlag.AlignVCenter,
                       f"{label_of(reading.level)} {arrow}")
        self.hits.append(Hit(rect, "reading", reading.id))

    # -- events -----------------------------------------------------------------------

    def _events(self) -> None:
        top = events_top(self.scene)
        self.p.setPen(QPen(self.ink.grid, 1))
        self.p.drawLine(QPointF(LABEL_WIDTH, top + self.scene.events_height),
                        QPointF(self.width, top + self.scene.events_height))
        if self.scene.events.markers is not None:
            self._markers(top)
        else:
            self._density(top)

    def _density(self, top: float) -> None:
        """Stacked bars per bucket by category; within each category the part reported
        only to the week or month (counted on its recorded day) is drawn light and
        hatched above the part known to the day."""
        scene = self.scene
        layer = scene.events
        field = scene.measure.value  # the cell's attribute; its words are label_of's
        measure = label_of(scene.measure)
        values: dict[date, dict[str, tuple[int, int]]] = defaultdict(dict)
        for cell in layer.cells:
            values[cell.first_day][cell.target_category] = (
                getattr(cell, field), getattr(cell, f"imprecise_{field}"))
        spans = {day: self._span_x(day_start(day, scene.tz),
                                   day_start(next_bucket(day, layer.bucket), scene.tz))
                 for day in values}
        visible = [day for day, (left, right) in spans.items() if self._visible(left, right)]
        peak = max((sum(total for total, _vague in values[day].values()) for day in visible),
                   default=0)
        p = self.p
        p.setFont(self.small)
        p.setPen(self.ink.text)
        bottom = top + scene.events_height
        if peak == 0:
            p.drawText(QRectF(LABEL_WIDTH + 8, top, 400, scene.events_height),
                       Qt.AlignmentFlag.AlignVCenter,
                       translate("TimelinePainter", "No {measure} in this range").format(
                           measure=measure))
            return
        p.drawText(QRectF(LABEL_WIDTH + 4, top, 300, 14), Qt.AlignmentFlag.AlignLeft,
                   translate("TimelinePainter", "{peak} {measure} / {bucket} at most").format(
                       peak=f"{peak:,}", measure=measure, bucket=label_of(layer.bucket)))
        scale = (scene.events_height - 18) / peak
        p.setPen(Qt.PenStyle.NoPen)
        for day in visible:
            left, right = spans[day]
            width = max(1.0, right - left - (1.0 if right - left > 4 else 0.0))
            y = bottom
            for category in sorted(values[day], key=category_order):
                total, vague = values[day][category]
                colour = self.colours.category(category)
                solid = (total - vague) * scale
                p.fillRect(QRectF(left, y - solid, width, solid), colour)
                y -= solid
                if vague:
                    light = QColor(colour)
                    light.setAlpha(90)
                    rect = QRectF(left, y - vague * scale, width, vague * scale)
                    p.fillRect(rect, light)
                    p.fillRect(rect, QBrush(colour.darker(115), Qt.BrushStyle.BDiagPattern))
                    y -= vague * scale
            self.hits.append(Hit(QRectF(left, y, max(1.0, right - left), bottom - y),
                                 "bucket", day))

    def _markers(self, top: float) -> None:
        """Events reported to the day as dots, stacked per day from the bottom; events
        known only to the week or month, or over a span of days, as faded bars over the
        days they may be (``reported_days``), from the top, so neither kind looks more
        certain than it is."""
        scene = self.scene
        by_day: dict[date, list[EventMarker]] = defaultdict(list)
        vague: list[EventMarker] = []
        for marker in scene.events.markers or ():
            if marker.vague:
                vague.append(marker)
            else:
                by_day[marker.day].append(marker)
        self._vague_markers(vague, top)
        for day, markers in by_day.items():
            left, right = self._span_x(day_start(day, scene.tz),
                                       day_start(day + timedelta(days=1), scene.tz))
            if not self._visible(left, right):
                continue
            columns = max(1, int((right - left - 4) // 11))
            rows = (len(markers) + columns - 1) // columns
            step = min(11.0, (scene.events_height - 20) / max(1, rows))
            for order, marker in enumerate(markers):
                x = left + 6 + (order % columns) * 11
                y = top + scene.events_height - 8 - (order // columns) * step
                radius = 3.0 + min(4.0, (marker.fatalities or 0) ** 0.5)
                self._pen_for(marker)
                self.p.setBrush(self.colours.category(marker.target_category))
                self.p.drawEllipse(QPointF(x, y), radius, radius)
                self.hits.append(Hit(QRectF(x - radius, y - radius, 2 * radius, 2 * radius),
                                     "event", marker.id))

    def _vague_markers(self, markers: list[EventMarker], top: float) -> None:
        rows_end: list[float] = []  # where each row's last span ends, to pack them
        for marker in markers:
            first, last = reported_days(marker.day, marker.precision, marker.last_day,
                                        midweek=marker.midweek)
            left, right = self._span_x(day_start(first, self.scene.tz),
                                       day_start(last + timedelta(days=1), self.scene.tz))
            if not self._visible(left, right):
                continue
            row = next((index for index, end in enumerate(rows_end) if end < left), None)
            if row is None:
                row = len(rows_end)
                rows_end.append(right)
            rows_end[row] = right
            y = top + 18 + row * 9
            if y > top + self.scene.events_height - 30:
                continue  # the strip is full; the tooltip of the bar says how many
            rect = QRectF(left + 1, y, max(4.0, right - left - 2), 6)
            colour = QColor(self.colours.category(marker.target_category))
            gradient = QLinearGradient(rect.topLeft(), rect.topRight())
            for stop, alpha in ((0, 40), (0.3, 170), (0.7, 170), (1, 40)):
                shade = QColor(colour)
                shade.setAlpha(alpha)
                gradient.setColorAt(stop, shade)
            self._pen_for(marker)
            self.p.setBrush(gradient)
            self.p.drawRoundedRect(rect, 3, 3)
            self.hits.append(Hit(rect.adjusted(0, -2, 0, 2), "event", marker.id))

    def _pen_for(self, marker: EventMarker) -> None:
        if marker.id == self.scene.selected_event:
            self.p.setPen(QPen(self.ink.text, 2.5))
        else:
            self.p.setPen(QPen(self.colours.category(marker.target_category).darker(140), 1))

    def _today(self) -> None:
        x = self.x(self.scene.now)
        if not self._visible(x, x):
            return
        p = self.p
        p.setPen(QPen(self.ink.alert, 1.5, Qt.PenStyle.DashLine))
        p.drawLine(QPointF(x, RULER_HEIGHT), QPointF(x, self.scene.height()))
        p.setFont(self.small)
        p.setPen(self.ink.alert)
        p.drawText(QRectF(x + 3, RULER_HEIGHT + 2, 60, 14), Qt.AlignmentFlag.AlignLeft,
                   "today")


def _round_title(mark: RoundMark, note: str = "") -> str:
    return f"{mark.title} ({label_of(mark.status)}{', ' + note if note else ''})"
