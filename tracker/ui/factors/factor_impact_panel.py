"""The impact chart with its legend and a note on what it cannot place, as one widget."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from tracker.services.common.views import FactorImpact
from tracker.ui.factors import factor_impact_chart as drawn
from tracker.ui.factors.factor_impact_chart import ImpactChart


def _entry(symbol: str, colour: QColor, text: str) -> str:
    return (f'<span style="color:{colour.name()}">{symbol}</span>&nbsp;'
            f"{html.escape(text)}")


class ImpactPanel(QWidget):
    """An ImpactChart, a legend naming what it drew, and the rounds it could not place.

    Qt's own legend cuts its labels short at a pane's width; this one is a label that
    wraps.
    """

    def __init__(self, tz_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chart = ImpactChart(tz_name, self)
        self.legend = QLabel(self)
        self.legend.setObjectName("factor-chart-legend")
        self.legend.setWordWrap(True)
        self.note = QLabel(self)
        self.note.setObjectName("factor-chart-note")
        self.note.setTextFormat(Qt.TextFormat.PlainText)  # round titles are typed
        self.note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.chart, 1)
        layout.addWidget(self.legend)
        layout.addWidget(self.note)

    def set_time_zone(self, tz_name: str) -> None:
        self.chart.set_time_zone(tz_name)

    def set_impact(self, impact: FactorImpact | None) -> None:
        self.chart.set_impact(impact)
        self.legend.setText(self._legend())
        self.legend.setVisible(bool(self.legend.text()))
        unplaced = [r.title for r in impact.rounds if r.window.start is None] if impact else []
        self.note.setText(self.tr("Not on the chart, date unknown: {titles}").format(
            titles="; ".join(unplaced)) if unplaced else "")
        self.note.setVisible(bool(unplaced))

    def _legend(self) -> str:
        chart = self.chart
        entries = []
        if chart.level_line is not None:
            entries.append(_entry("━●", chart.line_colour(), self.tr("level (dots: readings)")))
        if chart.event_bars is not None:
            entries.append(_entry("■", drawn.EVENTS_COLOUR, self.tr("events per day")))
        if chart.spread_events is not None:
            entries.append(_entry("■", drawn.SPREAD_EVENTS_COLOUR,
                                  self.tr("dated to a week or month, spread over it")))
        if chart.round_spans:
            entries.append(_entry("■", drawn.ROUND_COLOUR, self.tr("round windows")))
        if chart.change_marks is not None:
            entries.append(_entry("▲", drawn.CHANGE_COLOUR, self.tr("changes citing it")))
        return "<small>" + " &nbsp; ".join(entries) + "</small>" if entries else ""
