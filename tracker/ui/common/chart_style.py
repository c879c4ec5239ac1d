"""One look for every chart: the timeline strip, the Analysis charts and their exports.

The same background, text, grid and rule colours, in a light and a dark version (a role
table, so a chart never keeps a colour that suits only one scheme), the same fonts (the
widget's, a smaller one for axes and legends, a bold one for titles), and dates on the
axes from ``date_ticks`` in the window's one date style. Pictures written to files use
the light version whatever the window shows: they go into reports and onto paper.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCharts import QAbstractAxis, QCategoryAxis, QChart
from PySide6.QtCore import QMargins
from PySide6.QtGui import QBrush, QColor, QFont, QPen

# Axis, legend and lane-label text is this much smaller than the widget's own.
SMALL_SCALE = 0.85
MIN_SMALL_POINTS = 7.0


@dataclass(frozen=True, slots=True)
class ChartColours:
    """The colours a chart is drawn in. ``text`` and ``faint_text`` keep a contrast of
    at least 4.5:1 with ``background`` (tests/ui/common/test_theme_contrast.py)."""

    background: QColor
    text: QColor
    faint_text: QColor
    grid: QColor
    rule: QColor  # axis lines and the borders between a chart's parts
    alert: QColor  # "today", and the selected anchor: drawn and written on the background
    window: QColor  # the Analysis windows' bars
    baseline: QColor
    marker: QColor  # anchors marked on a series
    week_known: QColor  # events known only to the week, counted where their week lies


LIGHT = ChartColours(
    background=QColor("#ffffff"), text=QColor("#1f2328"), faint_text=QColor("#5c636c"),
    grid=QColor("#e3e6ea"), rule=QColor("#b3b9c1"), alert=QColor("#c62828"),
    window=QColor("#c62828"), baseline=QColor("#90a4ae"), marker=QColor("#1565c0"),
    week_known=QColor("#e0a100"),
)
DARK = ChartColours(
    background=QColor("#1e1f22"), text=QColor("#e6e6e6"), faint_text=QColor("#a3a8af"),
    grid=QColor("#34373c"), rule=QColor("#5a5f66"), alert=QColor("#ff7070"),
    window=QColor("#ef6f6f"), baseline=QColor("#7d939e"), marker=QColor("#6aa7ff"),
    week_known=QColor("#e8b83a"),
)


def chart_colours(dark: bool) -> ChartColours:
    return DARK if dark else LIGHT


@dataclass(frozen=True, slots=True)
class ChartFonts:
    normal: QFont
    small: QFont
    bold: QFont


def chart_fonts(base: QFont) -> ChartFonts:
    """The fonts of a chart drawn with *base* (a widget's or a painter's font)."""
    small = QFont(base)
    small.setPointSizeF(max(MIN_SMALL_POINTS, base.pointSizeF() * SMALL_SCALE))
    bold = QFont(base)
    bold.setBold(True)
    return ChartFonts(QFont(base), small, bold)


def style_chart(chart: QChart, colours: ChartColours, fonts: ChartFonts) -> None:
    """Give a QtCharts chart, its legend and its axes the common look."""
    chart.setBackgroundRoundness(0)
    chart.setBackgroundBrush(QBrush(colours.background))
    chart.setBackgroundPen(QPen(colours.rule, 1))
    chart.setPlotAreaBackgroundVisible(False)
    chart.setMargins(QMargins(6, 6, 6, 4))
    chart.setTitleFont(fonts.bold)
    chart.setTitleBrush(QBrush(colours.text))
    legend = chart.legend()
    legend.setFont(fonts.small)
    legend.setLabelColor(colours.text)
    for axis in chart.axes():
        style_axis(axis, colours, fonts)


def style_axis(axis: QAbstractAxis, colours: ChartColours, fonts: ChartFonts) -> None:
    axis.setLabelsFont(fonts.small)
    axis.setTitleFont(fonts.small)
    axis.setLabelsBrush(QBrush(colours.text))
    axis.setTitleBrush(QBrush(colours.text))
    axis.setLinePenColor(colours.rule)
    axis.setGridLineColor(colours.grid)
    axis.setTruncateLabels(False)


def unique_labels(labels: list[str]) -> list[str]:
    """QCategoryAxis keys categories by label: a repeated one ("12:00" on two days) gets
    zero-width spaces until it differs."""
    seen: set[str] = set()
    result = []
    for label in labels:
        while label in seen:
            label += "\u200b"
        seen.add(label)
        result.append(label)
    return result


def category_date_axis(positions: list[tuple[float, str]]) -> QCategoryAxis:
    """A time axis labelled at *positions* (value, label), labels on their values."""
    axis = QCategoryAxis()
    axis.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
    labels = unique_labels([label for _value, label in positions])
    for (value, _label), label in zip(positions, labels, strict=True):
        axis.append(label, value)
    return axis
