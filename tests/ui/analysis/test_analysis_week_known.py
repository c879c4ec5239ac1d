"""Issue 16, finding 11: the Analysis's first look at the 2026 sample, whose events are all
known only to the week, shows them where their whole week lies instead of only zeros."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tracker.ui.analysis.analysis_model import AnalysisTableModel
from tracker.ui.window.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def test_the_samples_week_dated_strikes_show_in_the_week_before_the_talks(
        qtbot: QtBot, window: MainWindow) -> None:
    view = window.analysis_view
    with qtbot.waitSignal(view.analysis_updated, timeout=10_000):
        window.show_analysis()
    model = view.model
    rows = {model.index(row, AnalysisTableModel.PHASE).data():
            (model.index(row, AnalysisTableModel.EVENTS).data(),
             model.index(row, AnalysisTableModel.IMPRECISE).data(),
             model.index(row, AnalysisTableModel.PLACED).data())
            for row in range(model.rowCount())}
    # Seven strikes known to the week of 26 Jan; the talks are due the week of 2 Feb.
    # None is known to the day, so the counts stay zero and say so.
    assert rows == {"before": ("0", "7", "7"), "during": ("0", "0", "0"),
                    "after": ("0", "0", "0")}
    assert view.week_note.isVisible()
    assert "known only to the week" in view.week_note.text()
    assert model.headerData(AnalysisTableModel.PLACED, Qt.Orientation.Horizontal) == \
        "Wholly in"
    tip = model.index(0, AnalysisTableModel.PLACED).data(Qt.ItemDataRole.ToolTipRole)
    assert "every possible day lies in this window" in tip
    view.table.selectRow(0)
    qtbot.waitUntil(lambda: view.chart.placed_values() == [7, 0, 0])
    assert view.chart.window_values() == [(0.0, 0.0), (0.0, 0.0), (0.0, 0.0)]
    assert "known only to the week" in view.chart.series_chart.title()
