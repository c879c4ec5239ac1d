"""The Analysis view's charts (QtCharts), and writing them as PNG or SVG.

Above: bars for the selected anchor's before / during / after windows beside their
baselines. Below: the chosen measure per day over the analysed span, the anchors (rounds,
changes or readings) marked on their first day and the selected one drawn larger.
"""

from __future__ import annotations

import html
import math
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from pathlib import Path

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QDateTimeAxis,
    QLineSeries,
    QScatterSeries,
    QValueAxis,
)
from PySide6.QtCore import (
    QDate,
    QDateTime,
    QIODevice,
    QPoint,
    QPointF,
    QRect,
    QSaveFile,
    QSize,
    Qt,
    QTime,
)
from PySide6.QtGui import QColor, QPainter
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QHBoxLayout, QWidget

from tracker.domain.wording import label_of, say
from tracker.services.analysis.analysis import Anchor, DailyCount, Measure, PhaseCounts
from tracker.services.analysis.anchors import AnchorKind
from tracker.ui.common.date_text import day_format
from tracker.ui.common.language import QT_TRANSLATE_NOOP, translate

_WHOLE_TICKS = 10
WINDOW_COLOUR = QColor("#c62828")
BASELINE_COLOUR = QColor("#90a4ae")
MARKER_COLOUR = QColor("#1565c0")
MARKER_NAMES = {AnchorKind.ROUND: QT_TRANSLATE_NOOP("AnalysisChart", "rounds"),
                AnchorKind.CHANGE: QT_TRANSLATE_NOOP("AnalysisChart", "schedule changes"),
                AnchorKind.READING: QT_TRANSLATE_NOOP("AnalysisChart", "factor readings")}


def day_msecs(day: date) -> float:
    """Local noon of *day* in milliseconds: QDateTimeAxis labels instants in this
    computer's zone, where noon UTC is already the next day at UTC+13 or +14."""
    noon = QDateTime(QDate(day.year, day.month, day.day), QTime(12, 0))
    return float(noon.toMSecsSinceEpoch())


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
        self.series_view = _chart_view(self.series_chart, self, "analysis-series-chart")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.windows_view, 2)
        layout.addWidget(self.series_view, 3)
        self._window_values: list[tuple[float, float]] = []
        self._series_values: list[tuple[date, int]] = []
        self._marked: list[date] = []

    # -- what is drawn, for callers and tests -------------------------------------------

    def window_values(self) -> list[tuple[float, float]]:
        """(window, baseline) of before, during and after, as drawn."""
        return list(self._window_values)

    def series_values(self) -> list[tuple[date, int]]:
        return list(self._series_values)

    def marked_days(self) -> list[date]:
        return list(self._marked)

    # -- drawing ----------------------------------------------------------------------------

    def show_windows(self, rows: Sequence[PhaseCounts], measure: Measure) -> None:
        """Bars of *rows* (one anchor and group, in phase order) against their baselines."""
        chart = self.windows_chart
        _clear(chart)
        self._window_values = [(float(row.value(measure)), row.baseline_value(measure))
                               for row in rows]
        if not rows:
            chart.setTitle(self.tr("Select a row to compare its windows"))
            return
        first = rows[0]
        # A chart title is rich text: a round's title is escaped to show as typed.
        chart.setTitle(html.escape(f"{first.anchor.label} — {say(first.group_label)}: "
                                   f"{label_of(measure)}"))
        window = QBarSet(self.tr("window"))
        window.setColor(WINDOW_COLOUR)
        baseline = QBarSet(self.tr("baseline"))
        baseline.setColor(BASELINE_COLOUR)
        for own, base in self._window_values:
            window.append(own)
            baseline.append(base)
        bars = QBarSeries()
        bars.append(window)
        bars.append(baseline)
        chart.addSeries(bars)
        categories = QBarCategoryAxis()
        categories.append([label_of(row.phase) for row in rows])
        chart.addAxis(categories, Qt.AlignmentFlag.AlignBottom)
        bars.attachAxis(categories)
        chart.addAxis(self._value_axis(max(max(pair) for pair in self._window_values)),
                      Qt.AlignmentFlag.AlignLeft)
        bars.attachAxis(chart.axes(Qt.Orientation.Vertical)[0])

    def show_series(self, series: Sequence[DailyCount], anchors: Sequence[Anchor],
                    measure: Measure, selected: Anchor | None = None) -> None:
        """*measure* per day, with a marker on each anchor's first day."""
        chart = self.series_chart
        _clear(chart)
        self._series_values = [(count.day, _value(count, measure)) for count in series]
        by_day = dict(self._series_values)
        self._marked = sorted({anchor.first_day for anchor in anchors
                               if anchor.first_day in by_day})
        if not series:
            chart.setTitle(self.tr("Nothing analysed yet"))
            return
        chart.setTitle(self.tr("{measure} per day (reported to the day)").format(
            measure=label_of(measure).capitalize()))
        line = QLineSeries()
        line.setName(self.tr("{measure} per day").format(measure=label_of(measure)))
        for day, value in self._series_values:
            line.append(day_msecs(day), value)
        markers = QScatterSeries()
        kinds = sorted({anchor.kind for anchor in anchors})
        markers.setName(" / ".join(translate("AnalysisChart", MARKER_NAMES[kind]) for kind in kinds)
                        or self.tr("anchors"))
        markers.setColor(MARKER_COLOUR)
        markers.setMarkerSize(9)
        for day in self._marked:
            markers.append(QPointF(day_msecs(day), by_day[day]))
        plotted = [line, markers]
        if selected is not None and selected.first_day in by_day:
            chosen = QScatterSeries()
            chosen.setName(self.tr("selected"))
            chosen.setColor(WINDOW_COLOUR)
            chosen.setMarkerShape(QScatterSeries.MarkerShape.MarkerShapeTriangle)
            chosen.setMarkerSize(15)
            chosen.append(QPointF(day_msecs(selected.first_day), by_day[selected.first_day]))
            plotted.append(chosen)
        time_axis = QDateTimeAxis()
        time_axis.setFormat(day_format())  # the window's one date style
        time_axis.setTickCount(5)
        time_axis.setRange(_as_datetime(series[0].day), _as_datetime(series[-1].day))
        chart.addAxis(time_axis, Qt.AlignmentFlag.AlignBottom)
        value_axis = self._value_axis(max(value for _day, value in self._series_values))
        chart.addAxis(value_axis, Qt.AlignmentFlag.AlignLeft)
        for item in plotted:
            chart.addSeries(item)
            item.attachAxis(time_axis)
            item.attachAxis(value_axis)

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
        image = self.grab().toImage()
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
            painter = QPainter(generator)
            try:
                self.render(painter, QPoint(0, 0))
            finally:
                painter.end()


def _as_datetime(day: date) -> QDateTime:
    return QDateTime.fromMSecsSinceEpoch(int(day_msecs(day)))


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
