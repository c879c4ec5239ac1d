"""The Analysis view's charts (QtCharts), and writing them as PNG or SVG.

Above: bars for the selected anchor's before / during / after windows beside their
baselines. Below: the chosen measure per day over the analysed span, the anchors (rounds,
changes or readings) marked on their first day and the selected one drawn larger.
Both are drawn in the charts' common style (chart_style.py): the palette's scheme on
screen, the light one in an exported picture, and dates on the time axis in the window's
one date style (date_ticks), as on the timeline.
"""

from __future__ import annotations

import html
import math
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, date, datetime
from pathlib import Path

from PySide6.QtCharts import (
    QAbstractAxis,
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QLineSeries,
    QScatterSeries,
    QValueAxis,
)
from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QIODevice,
    QPoint,
    QPointF,
    QRect,
    QSaveFile,
    QSize,
    Qt,
)
from PySide6.QtGui import QImage, QPaintDevice, QPainter, QRegion, QResizeEvent
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QHBoxLayout, QWidget

from tracker.domain.wording import label_of, say
from tracker.services.analysis.analysis import Anchor, DailyCount, Measure, PhaseCounts
from tracker.services.analysis.anchors import AnchorKind
from tracker.ui.common.chart_style import (
    ChartColours,
    category_date_axis,
    chart_colours,
    chart_fonts,
    style_axis,
    style_chart,
)
from tracker.ui.common.date_ticks import date_ticks
from tracker.ui.common.language import QT_TRANSLATE_NOOP, translate
from tracker.ui.common.theme import is_dark

_WHOLE_TICKS = 10
TICK_WIDTH_PX = 90  # room per date label on the time axis
MARKER_NAMES = {AnchorKind.ROUND: QT_TRANSLATE_NOOP("AnalysisChart", "rounds"),
                AnchorKind.CHANGE: QT_TRANSLATE_NOOP("AnalysisChart", "schedule changes"),
                AnchorKind.READING: QT_TRANSLATE_NOOP("AnalysisChart", "factor readings")}


def day_value(day: date) -> float:
    """Where *day* sits on the time axis: its ordinal, so a day is one unit whatever the
    computer's zone (QDateTimeAxis labelled instants in that zone, not calendar days)."""
    return float(day.toordinal())


def day_ticks(first: date, last: date, max_ticks: int) -> list[tuple[float, str]]:
    """Labelled days from *first* to *last* at the timeline's round steps and wording."""
    start = datetime(first.year, first.month, first.day, tzinfo=UTC)
    end = datetime(last.year, last.month, last.day, tzinfo=UTC)
    return [(day_value(tick.at.date()), tick.label)
            for tick in date_ticks(start, end, "UTC", max_ticks)]


def _value(count: DailyCount, measure: Measure) -> int:
    return int(getattr(count, measure.value))


def _clear(chart: QChart) -> None:
    chart.removeAllSeries()
    for axis in chart.axes():
        chart.removeAxis(axis)


def _chart_view(chart: QChart, parent: QWidget, name: str) -> QChartView:
    view = QChartView(chart, parent)
    view.setObjectName(name)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setMinimumSize(280, 240)
    return view


class AnalysisChart(QWidget):
    """The two charts, stacked; ``show_windows`` and ``show_series`` redraw them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("analysis-chart")
        self.windows_chart = QChart()
        self.windows_chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.series_chart = QChart()
        self.series_chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.windows_view = _chart_view(self.windows_chart, self, "analysis-windows-chart")
        self.windows_view.setAccessibleName(self.tr("Before, during and after each round"))
        self.series_view = _chart_view(self.series_chart, self, "analysis-series-chart")
        self.series_view.setAccessibleName(self.tr("Events over time, rounds marked"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.windows_view, 2)
        layout.addWidget(self.series_view, 3)
        self._window_values: list[tuple[float, float]] = []
        self._placed_values: list[int] = []
        self._series_values: list[tuple[date, int]] = []
        self._marked: list[date] = []
        self._printing = False  # drawn for a file: the light colours
        self._ticks = 0  # dates on the time axis as last drawn
        # What was drawn last, to draw it again in another scheme.
        self._windows_args: tuple[Sequence[PhaseCounts], Measure, Sequence[int]] = (
            (), Measure.EVENTS, ())
        self._series_args: tuple[Sequence[DailyCount], Sequence[Anchor], Measure,
                                 Anchor | None, bool] = ((), (), Measure.EVENTS, None, False)
        self._restyle()

    # -- what is drawn, for callers and tests -------------------------------------------

    def window_values(self) -> list[tuple[float, float]]:
        """(window, baseline) of before, during and after, as drawn."""
        return list(self._window_values)

    def placed_values(self) -> list[int]:
        """Events known only to the week wholly inside before, during and after, as drawn
        (empty when there are none)."""
        return list(self._placed_values)

    def series_values(self) -> list[tuple[date, int]]:
        return list(self._series_values)

    def marked_days(self) -> list[date]:
        return list(self._marked)

    def colours(self) -> ChartColours:
        """The light colours while printing, otherwise the palette's scheme's."""
        return chart_colours(not self._printing and is_dark(self.palette()))

    # -- drawing ----------------------------------------------------------------------------

    def show_windows(self, rows: Sequence[PhaseCounts], measure: Measure,
                     placed: Sequence[int] = ()) -> None:
        """Bars of *rows* (one anchor and group, in phase order) against their baselines,
        and beside them *placed*, the events known only to the week wholly inside each
        window (week_placed.py), when there are any."""
        self._windows_args = (rows, measure, placed)
        chart = self.windows_chart
        _clear(chart)
        colours = self.colours()
        self._window_values = [(float(row.value(measure)), row.baseline_value(measure))
                               for row in rows]
        self._placed_values = list(placed) if any(placed) else []
        if not rows:
            chart.setTitle(self.tr("Select a row to compare its windows"))
            self._restyle()
            return
        first = rows[0]
        # A chart title is rich text: a round's title is escaped to show as typed.
        chart.setTitle(html.escape(f"{first.anchor.label} — {say(first.group_label)}: "
                                   f"{label_of(measure)}"))
        bars = QBarSeries()
        window = QBarSet(self.tr("window, to the day"))
        window.setColor(colours.window)
        bars.append(window)
        week = QBarSet(self.tr("window, all its days in it"))
        if self._placed_values:
            week.setColor(colours.week_known)
            bars.append(week)
        baseline = QBarSet(self.tr("baseline, to the day"))
        baseline.setColor(colours.baseline)
        bars.append(baseline)
        for number, (own, base) in enumerate(self._window_values):
            window.append(own)
            baseline.append(base)
            if self._placed_values:
                week.append(float(self._placed_values[number]))
        chart.addSeries(bars)
        categories = QBarCategoryAxis()
        categories.append([label_of(row.phase) for row in rows])
        self._add_axis(chart, categories, Qt.AlignmentFlag.AlignBottom)
        bars.attachAxis(categories)
        highest = max([*(max(pair) for pair in self._window_values), *self._placed_values])
        self._add_axis(chart, self._value_axis(highest), Qt.AlignmentFlag.AlignLeft)
        bars.attachAxis(chart.axes(Qt.Orientation.Vertical)[0])
        self._restyle()

    def show_series(self, series: Sequence[DailyCount], anchors: Sequence[Anchor],
                    measure: Measure, selected: Anchor | None = None,
                    week_only: bool = False) -> None:
        """*measure* per day, with a marker on each anchor's first day. *week_only*: the
        windows' events are known only to the week, which the title then says."""
        self._series_args = (series, anchors, measure, selected, week_only)
        chart = self.series_chart
        _clear(chart)
        colours = self.colours()
        self._series_values = [(count.day, _value(count, measure)) for count in series]
        by_day = dict(self._series_values)
        self._marked = sorted({anchor.first_day for anchor in anchors
                               if anchor.first_day in by_day})
        if not series:
            chart.setTitle(self.tr("Nothing analysed yet"))
            self._restyle()
            return
        if week_only and not any(value for _day, value in self._series_values):
            chart.setTitle(self.tr("{measure} per day: none reported to the day here; "
                                   "the events are known only to the week")
                           .format(measure=label_of(measure).capitalize()))
        else:
            chart.setTitle(self.tr("{measure} per day (reported to the day)")
                           .format(measure=label_of(measure).capitalize()))
        line = QLineSeries()
        line.setName(self.tr("{measure} per day").format(measure=label_of(measure)))
        line.setColor(colours.faint_text)
        for day, value in self._series_values:
            line.append(day_value(day), value)
        markers = QScatterSeries()
        kinds = sorted({anchor.kind for anchor in anchors})
        markers.setName(" / ".join(translate("AnalysisChart", MARKER_NAMES[kind])
                                   for kind in kinds) or self.tr("anchors"))
        markers.setColor(colours.marker)
        markers.setBorderColor(colours.background)
        markers.setMarkerSize(9)
        for day in self._marked:
            markers.append(QPointF(day_value(day), by_day[day]))
        plotted = [line, markers]
        if selected is not None and selected.first_day in by_day:
            chosen = QScatterSeries()
            chosen.setName(self.tr("selected"))
            chosen.setColor(colours.alert)
            chosen.setBorderColor(colours.background)
            chosen.setMarkerShape(QScatterSeries.MarkerShape.MarkerShapeTriangle)
            chosen.setMarkerSize(15)
            chosen.append(QPointF(day_value(selected.first_day), by_day[selected.first_day]))
            plotted.append(chosen)
        first, last = series[0].day, series[-1].day
        self._ticks = self._tick_count()
        time_axis = category_date_axis(day_ticks(first, last, self._ticks))
        time_axis.setRange(day_value(first), day_value(last))
        self._add_axis(chart, time_axis, Qt.AlignmentFlag.AlignBottom)
        value_axis = self._value_axis(max(value for _day, value in self._series_values))
        self._add_axis(chart, value_axis, Qt.AlignmentFlag.AlignLeft)
        for item in plotted:
            chart.addSeries(item)
            item.attachAxis(time_axis)
            item.attachAxis(value_axis)
        self._restyle()

    def _add_axis(self, chart: QChart, axis: QAbstractAxis,
                  edge: Qt.AlignmentFlag) -> None:
        # Styled before it is added: the chart makes its labels' items from it then, and
        # a picture grabbed at once (an export) would show the old colours otherwise.
        style_axis(axis, self.colours(), chart_fonts(self.font()))
        chart.addAxis(axis, edge)

    def _restyle(self) -> None:
        fonts = chart_fonts(self.font())
        colours = self.colours()
        for chart in (self.windows_chart, self.series_chart):
            style_chart(chart, colours, fonts)
        for view in (self.windows_view, self.series_view):
            view.setBackgroundBrush(colours.background)

    def _redraw(self) -> None:
        self.show_windows(*self._windows_args)
        self.show_series(*self._series_args)

    def _tick_count(self) -> int:
        """As many dates as fit the series chart's width."""
        return max(200, self.series_view.width() - 80) // TICK_WIDTH_PX

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Override QWidget.resizeEvent: more or fewer dates on the time axis."""
        super().resizeEvent(event)
        if self._series_values and self._tick_count() != self._ticks:
            self.show_series(*self._series_args)

    def changeEvent(self, event: QEvent) -> None:
        """Override QWidget.changeEvent: a new palette (light or dark) redraws both."""
        if event.type() == QEvent.Type.PaletteChange:
            self._redraw()
        super().changeEvent(event)

    @contextmanager
    def printing(self) -> Iterator[None]:
        """Draw in the light colours meanwhile: pictures go into reports and onto paper."""
        self._printing = True
        self._redraw()
        # The charts lay out their new axes and legends on posted events: without them,
        # a picture taken at once showed the axes in the window's (dark) colours.
        QCoreApplication.sendPostedEvents()
        try:
            yield
        finally:
            self._printing = False
            self._redraw()

    @staticmethod
    def _value_axis(highest: float) -> QValueAxis:
        """From zero, with room above the highest value; counts of ten or less get one
        tick per whole number."""
        axis = QValueAxis()
        axis.setLabelFormat("%g")
        top = max(1, math.ceil(highest * 1.1))
        if top <= _WHOLE_TICKS:
            axis.setRange(0, top)
            axis.setTickCount(top + 1)
        else:
            axis.setRange(0, top)
            axis.applyNiceNumbers()
        return axis

    # -- export -------------------------------------------------------------------------

    def save_png(self, path: Path) -> None:
        """Both charts as one PNG, written whole or not at all (OSError otherwise)."""
        scale = self.devicePixelRatioF()
        image = QImage(self.size() * scale, QImage.Format.Format_ARGB32)
        image.setDevicePixelRatio(scale)
        with self.printing():
            self._render_light(image)
        with _saving(path) as device:
            # PySide6 takes the format as str, though its stubs say bytes.
            if not image.save(device, "PNG"):  # type: ignore[call-overload]
                raise OSError(self.tr("{path}: the image could not be encoded").format(
                    path=path))

    def save_svg(self, path: Path) -> None:
        """Both charts as one SVG drawing, written whole or not at all."""
        size = self.size() if not self.size().isEmpty() else QSize(800, 600)
        with _saving(path) as device:
            generator = QSvgGenerator()
            generator.setOutputDevice(device)
            generator.setSize(size)
            generator.setViewBox(QRect(0, 0, size.width(), size.height()))
            generator.setTitle(self.tr("Analysis"))
            with self.printing():
                self._render_light(generator)

    def _render_light(self, device: QPaintDevice) -> None:
        """Both charts on the light background: the window's own (dark, maybe) between
        them is left out."""
        painter = QPainter(device)
        try:
            painter.fillRect(QRect(QPoint(0, 0), self.size()), self.colours().background)
            self.render(painter, QPoint(0, 0), QRegion(),
                        QWidget.RenderFlag.DrawChildren)
        finally:
            painter.end()


@contextmanager
def _saving(path: Path) -> Iterator[QSaveFile]:
    """A QSaveFile open for writing: committed (renamed into place) if the block
    succeeds, discarded otherwise, so *path* is never left half-written."""
    file = QSaveFile(str(path))
    if not file.open(QIODevice.OpenModeFlag.WriteOnly):
        raise OSError(f"{path}: {file.errorString()}")
    try:
        yield file
    except BaseException:
        file.cancelWriting()
        file.commit()  # after cancelWriting: removes the temporary file, keeps *path*
        raise
    if not file.commit():
        raise OSError(f"{path}: {file.errorString()}")
