"""The impact chart: a factor's level over time, side by side with the events linked to it
per day, the windows of the rounds it bears on, and the schedule changes citing it
(issue 4, "Factor impact").

One time axis, labelled in the user's display zone (date_ticks: QDateTimeAxis would
label the process's local zone); the level on the left axis (low … critical), linked
events per day on the right one. Hovering a shape shows what it stands for.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCharts import (
    QAbstractAxis,
    QAbstractSeries,
    QAreaSeries,
    QCategoryAxis,
    QChart,
    QChartView,
    QLineSeries,
    QScatterSeries,
    QValueAxis,
)
from PySide6.QtCore import QEvent, QMargins, QPointF, QRectF, Qt, Slot
from PySide6.QtGui import QBrush, QColor, QCursor, QFont, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QGraphicsSimpleTextItem, QToolTip, QWidget

from tracker.domain.enums import Precision
from tracker.domain.wording import label_of
from tracker.services.common.views import FactorImpact, ImpactRound
from tracker.ui.common.chart_style import unique_labels
from tracker.ui.common.date_ticks import date_ticks
from tracker.ui.common.table_model import as_plain
from tracker.ui.factors import factor_impact_geometry as geometry
from tracker.ui.factors.factor_impact_tips import ImpactTips
from tracker.ui.factors.factors_model import LEVEL_COLOURS

EVENTS_COLOUR = QColor("#9575cd")
SPREAD_EVENTS_COLOUR = QColor("#d9cff0")
ROUND_COLOUR = QColor("#1e88e5")
CHANGE_COLOUR = QColor("#8d6e63")
TICK_WIDTH_PX = 90  # room per date label on the time axis
Describe = Callable[[float], str]


def _line(points: Sequence[geometry.Point]) -> QLineSeries:
    series = QLineSeries()
    series.replace([QPointF(x, y) for x, y in points])
    return series


def _dots(points: Sequence[geometry.Point], colour: QColor, size: float) -> QScatterSeries:
    series = QScatterSeries()
    series.replace([QPointF(x, y) for x, y in points])
    series.setMarkerSize(size)
    series.setColor(colour)
    return series


class ImpactChart(QChartView):
    """Draws one FactorImpact; ``set_impact(None)`` clears it.

    Attributes:
        tips: the hover texts (ImpactTips), callable without a mouse.
        level_line, level_held: the level's step line, and its last level held on to the
            right edge (dashed: nothing was read since).
        event_bars, spread_events: linked events dated to the day, a bar per day; and
            (lighter, behind) those dated only to a week or month, spread evenly over it.
            Either is None when it has nothing to draw.
        round_spans, change_marks: a series per dated round window; the changes' marks.
    """

    def __init__(self, tz_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("factor-impact-chart")
        self.setAccessibleName(self.tr("Impact of the factor on the schedule"))
        self._tz = tz_name
        self._impact: FactorImpact | None = None
        self._range = (0.0, 1.0)
        self._ticked_width = -1.0
        self.tips = ImpactTips(tz_name)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        # Small enough that the window still fits a 1024×600 screen; normally far larger.
        self.setMinimumSize(300, 110)
        self._small = QFont(self.font())
        self._small.setPointSizeF(max(7.0, self._small.pointSizeF() * 0.9))
        chart = QChart()
        chart.setBackgroundRoundness(0)
        chart.setMargins(QMargins(4, 4, 4, 0))
        chart.layout().setContentsMargins(0, 0, 0, 0)
        # Qt's legend cuts its labels short at a pane's width and draws areas as empty
        # boxes; the panel around the chart writes its own (factor_impact_panel).
        chart.legend().hide()
        chart.setTitleFont(self._small)
        chart.setTitleBrush(self.palette().placeholderText())
        self.setChart(chart)

        self.time_axis = QCategoryAxis()
        self.level_axis = QCategoryAxis()
        self.count_axis = QValueAxis()
        for axis, edge in ((self.time_axis, Qt.AlignmentFlag.AlignBottom),
                           (self.level_axis, Qt.AlignmentFlag.AlignLeft),
                           (self.count_axis, Qt.AlignmentFlag.AlignRight)):
            axis.setLabelsFont(self._small)
            axis.setTitleFont(self._small)
            # Cut labels read "…" on a short chart; whole ones still fit beside each other.
            axis.setTruncateLabels(False)
            chart.addAxis(axis, edge)
        for category_axis in (self.time_axis, self.level_axis):
            category_axis.setLabelsPosition(
                QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
        self.level_axis.setStartValue(geometry.LEVEL_FLOOR)
        for number, level in enumerate(geometry.LEVELS, start=1):
            self.level_axis.append(label_of(level), number)
        self.level_axis.setRange(geometry.LEVEL_FLOOR, geometry.LEVEL_CEILING)
        self.count_axis.setTitleText(self.tr("events per day"))
        self.count_axis.setLabelFormat("%d")
        self.count_axis.setTickType(QValueAxis.TickType.TicksDynamic)
        self.count_axis.setTickAnchor(0)
        self.count_axis.setGridLineVisible(False)

        self.level_line: QLineSeries | None = None
        self.level_held: QLineSeries | None = None
        self.event_bars: QAreaSeries | None = None
        self.spread_events: QAreaSeries | None = None
        self.round_spans: list[QAreaSeries] = []
        self.change_marks: QScatterSeries | None = None
        self._labels: list[tuple[QGraphicsSimpleTextItem, ImpactRound, QAreaSeries]] = []
        chart.plotAreaChanged.connect(self._on_plot_area_changed)
        self._follow_palette()
        self.set_impact(None)

    def _follow_palette(self) -> None:
        # The palette's colours, not the chart theme's, so a dark palette stays legible.
        palette = self.palette()
        self.chart().setBackgroundBrush(palette.base())
        for axis in self.chart().axes():
            axis.setLabelsBrush(palette.text())
            axis.setTitleBrush(palette.text())
            axis.setLinePenColor(palette.mid().color())
            axis.setGridLineColor(palette.midlight().color())

    def line_colour(self) -> QColor:
        """The level line's colour: the palette's text, dark or light (issue 16)."""
        return self.palette().text().color()

    def changeEvent(self, event: QEvent) -> None:
        """Override QWidget.changeEvent: light or dark, draw again in the new palette."""
        if event.type() == QEvent.Type.PaletteChange:
            self._follow_palette()
            self.set_impact(self._impact)
        super().changeEvent(event)

    # -- our API ------------------------------------------------------------------------

    def set_time_zone(self, tz_name: str) -> None:
        self._tz = tz_name
        self.tips.set_time_zone(tz_name)
        self.set_impact(self._impact)

    def has_drawing(self) -> bool:
        """Whether anything is drawn (readings, dated rounds, changes or events)."""
        return bool(self.chart().series())

    def set_impact(self, impact: FactorImpact | None) -> None:
        """Draw *impact*; None, or an impact with nothing dated, draws nothing."""
        self._impact = impact
        self.tips.set_impact(impact)
        self._clear()
        span = geometry.extent(impact, self._tz) if impact is not None else None
        for axis in self.chart().axes():
            axis.setVisible(span is not None)
        # With nothing to draw, the empty plot says why instead of showing bare axes.
        self.chart().setTitle(
            self.tr("Nothing dated to draw yet: no readings, dated rounds, schedule changes "
                    "or linked events") if impact is not None and span is None else "")
        if impact is None or span is None:
            return
        self._range = span
        self.time_axis.setRange(*span)
        self._ticked_width = -1.0
        self._update_ticks()
        for round_ in impact.rounds:
            self._add_round(round_)
        self._add_events(impact)
        self._add_level(impact)
        self._add_changes(impact)
        self._place_labels()

    # -- building -------------------------------------------------------------------------

    def _clear(self) -> None:
        chart = self.chart()
        for series in chart.series():
            chart.removeSeries(series)
            series.deleteLater()
        for label, _round, _area in self._labels:
            if label.scene() is not None:
                label.scene().removeItem(label)
        self._labels = []
        self.level_line = self.level_held = self.change_marks = None
        self.event_bars = self.spread_events = None
        self.round_spans = []

    def _attach(self, series: QAbstractSeries, y_axis: QAbstractAxis, name: str,
                describe: Describe | None = None) -> None:
        """Add *series* on the time axis and *y_axis*, named for what it stands for."""
        chart = self.chart()
        series.setName(name)
        chart.addSeries(series)
        series.attachAxis(self.time_axis)
        series.attachAxis(y_axis)
        if describe is not None:
            series.hovered.connect(  # type: ignore[attr-defined]
                lambda point, shown: self._show_tip(describe(point.x()) if shown else ""))

    def _area(self, upper: Sequence[geometry.Point], lower: Sequence[geometry.Point] | None,
              colour: QColor, alpha: int = 255) -> QAreaSeries:
        upper_line = _line(upper)
        lower_line = _line(lower) if lower else None
        area = QAreaSeries(upper_line, lower_line)
        # The area draws its lines but does not own them: they live as long as it does.
        upper_line.setParent(area)
        if lower_line is not None:
            lower_line.setParent(area)
        fill = QColor(colour)
        fill.setAlpha(alpha)
        area.setBrush(QBrush(fill))
        area.setPen(QPen(colour.darker(115), 1))
        return area

    def _add_round(self, round_: ImpactRound) -> None:
        low, high = self._range
        span = geometry.window_span(round_.window, (high - low) * 0.005)
        if span is None:
            return
        start, end = span
        floor, ceiling = geometry.LEVEL_FLOOR, geometry.LEVEL_CEILING
        # An announced week or month is not a date: drawn fainter, with a dashed edge.
        vague = round_.window.precision in (Precision.WEEK, Precision.MONTH)
        area = self._area([(start, ceiling), (end, ceiling)], [(start, floor), (end, floor)],
                          ROUND_COLOUR, 26 if vague else 56)
        area.setPen(QPen(ROUND_COLOUR, 1, Qt.PenStyle.DashLine if vague
                         else Qt.PenStyle.SolidLine))
        self._attach(area, self.level_axis, round_.title, self.tips.round_at)
        self.round_spans.append(area)
        label = QGraphicsSimpleTextItem(self.chart())
        label.setFont(self._small)
        label.setBrush(QBrush(ROUND_COLOUR.darker(150)))
        self._labels.append((label, round_, area))

    def _add_events(self, impact: FactorImpact) -> None:
        days = impact.event_days
        self.count_axis.setVisible(bool(days))
        if not days:
            return
        top, interval = geometry.count_axis(geometry.most_per_day(days, self._tz))
        self.count_axis.setRange(0, top)
        self.count_axis.setTickInterval(interval)
        spread = geometry.spread_outline(days, self._tz)
        if spread:  # behind the day bars: a faint level over each week or month
            self.spread_events = self._area(spread, None, SPREAD_EVENTS_COLOUR)
            self._attach(self.spread_events, self.count_axis,
                         self.tr("events dated to a week or month, spread over it"),
                         self.tips.spread_at)
        bars = geometry.day_bars(days, self._tz)
        if bars:
            self.event_bars = self._area(bars, None, EVENTS_COLOUR)
            self._attach(self.event_bars, self.count_axis, self.tr("events per day"),
                         self.tips.day_at)

    def _add_level(self, impact: FactorImpact) -> None:
        steps, held = geometry.level_steps(impact.readings, self._range[1])
        if not steps:
            return
        self.level_line = _line(steps)
        self.level_line.setPen(QPen(self.line_colour(), 2.5))
        self._attach(self.level_line, self.level_axis, self.tr("level"), self.tips.reading_at)
        self.level_held = _line(held)
        self.level_held.setPen(QPen(self.line_colour(), 1.5, Qt.PenStyle.DashLine))
        self._attach(self.level_held, self.level_axis, self.tr("level since the last reading"))
        for level in geometry.LEVELS:  # a dot per reading, in its level's colour
            points = [(geometry.ms(r.observed_at), float(geometry.level_y(level)))
                      for r in impact.readings if r.level is level]
            if points:
                dots = _dots(points, LEVEL_COLOURS[level], 10)
                dots.setBorderColor(self.line_colour())
                self._attach(dots, self.level_axis,
                             self.tr("{level} readings").format(level=label_of(level)),
                             self.tips.reading_at)

    def _add_changes(self, impact: FactorImpact) -> None:
        if not impact.changes:
            return
        ceiling = geometry.LEVEL_CEILING
        for change in impact.changes:  # a thin line down the whole height, marked on top
            x = geometry.ms(change.announced_when)
            line = _line([(x, geometry.LEVEL_FLOOR), (x, ceiling)])
            line.setPen(QPen(CHANGE_COLOUR, 1.2, Qt.PenStyle.DashDotLine))
            self._attach(line, self.level_axis, self.tr("schedule change"), self.tips.change_at)
        marks = _dots([(geometry.ms(c.announced_when), ceiling - 0.2) for c in impact.changes],
                      CHANGE_COLOUR, 11)
        marks.setMarkerShape(QScatterSeries.MarkerShape.MarkerShapeTriangle)
        marks.setBorderColor(CHANGE_COLOUR.darker(130))
        self._attach(marks, self.level_axis, self.tr("schedule change"), self.tips.change_at)
        self.change_marks = marks

    # -- layout -----------------------------------------------------------------------------

    def _update_ticks(self) -> None:
        width = self.chart().plotArea().width()
        if width <= 0 or abs(width - self._ticked_width) < 1:
            return
        self._ticked_width = width
        axis = self.time_axis
        for label in axis.categoriesLabels():
            axis.remove(label)
        low, high = self._range
        ticks = date_ticks(geometry.instant(low), geometry.instant(high), self._tz,
                           int(width // TICK_WIDTH_PX))
        axis.setStartValue(low)
        for tick, label in zip(ticks, unique_labels([t.label for t in ticks]), strict=True):
            axis.append(label, geometry.ms(tick.at))

    def _place_labels(self) -> None:
        """Each round's title at the top left of its window, cut to the plot's edge, one
        of three rows so neighbouring windows' titles do not overprint."""
        chart = self.chart()
        plot = chart.plotArea()
        metrics = QFontMetrics(self._small)
        for number, (label, round_, area) in enumerate(self._labels):
            span = geometry.window_span(round_.window, 0.0)
            assert span is not None
            left = max(chart.mapToPosition(QPointF(span[0], 0), area).x(), plot.left()) + 3
            right = min(chart.mapToPosition(QPointF(span[1], 0), area).x(), plot.right()) - 3
            # A title may run past a narrow window, but not far over the rest of the plot.
            wide = min(metrics.horizontalAdvance(round_.title), max(right - left, 160))
            if left + wide > plot.right() - 3:
                # No room after the window's start: end the title at the window's end.
                left = max(plot.left() + 3, right - wide)
            text = metrics.elidedText(round_.title, Qt.TextElideMode.ElideRight,
                                      int(min(wide, plot.right() - 3 - left)))
            label.setText(text)
            label.setPos(left, plot.top() + 2 + (number % 3) * metrics.height())

    @Slot(QRectF)
    def _on_plot_area_changed(self, _plot: QRectF) -> None:
        if self._impact is not None and self.has_drawing():
            self._update_ticks()
            self._place_labels()

    def _show_tip(self, text: str) -> None:
        if text:
            QToolTip.showText(QCursor.pos(), as_plain(text), self)
        else:
            QToolTip.hideText()
