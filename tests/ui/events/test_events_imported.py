"""The Events model over a real imported dataset: model rules, every sort, deep pages."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from tracker.ui.common.workspace import Workspace
from tracker.ui.events.events_model import DATE, FATALITIES, EventsTableModel


def test_the_model_passes_qtmodeltester_over_real_data(
        qtbot: QtBot, qtmodeltester: ModelTester, imported: Workspace) -> None:
    # Sorted so that pages are read off an index from both ends, with unknown counts,
    # before the tester walks every row (a few seconds for 3,883 rows).
    model = EventsTableModel(imported)
    qtbot.waitUntil(lambda: not model.is_counting())  # the count follows the first rows
    model.sort(FATALITIES, Qt.SortOrder.DescendingOrder)
    assert model.rowCount() == 3883
    qtmodeltester.check(model, force_py=True)


def test_the_last_row_reads_as_the_last_event_by_date(
        qtbot: QtBot, imported: Workspace) -> None:
    model = EventsTableModel(imported)
    qtbot.waitUntil(lambda: not model.is_counting())  # the count follows the first rows
    model.sort(DATE, Qt.SortOrder.AscendingOrder)
    last = model.index(model.rowCount() - 1, DATE).data()
    # SOURCES.md: date_start ends on 2023-02-28 in this file; that record's date_end is
    # the next day, and the date column says the span, not its first day.
    assert last == "28 Feb – 1 Mar 2023 (reported as one record)"
    tip = model.index(model.rowCount() - 1, DATE).data(Qt.ItemDataRole.ToolTipRole)
    assert "one record over these 2 days" in tip
