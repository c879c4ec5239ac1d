"""Tables fit across the window and elide, with the whole text in each cell's tool tip."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import QTableView
from pytestqt.qtbot import QtBot

from tests.conftest import rename_round
from tracker.ui.common.column_widths import NARROWEST, fits_across, size_columns
from tracker.ui.common.workspace import Topic
from tracker.ui.rounds.rounds_model import TITLE
from tracker.ui.window.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

LONG_TITLE = ("Trilateral talks announced for the coming week, moved to Abu Dhabi after the "
              "carrier group left the Gulf and the envoy's visit to Moscow was cancelled")


def _table(qtbot: QtBot, width: int) -> QTableView:
    table = QTableView()
    qtbot.addWidget(table)
    table.setModel(QStandardItemModel(1, 4, table))
    table.resize(width, 200)
    table.show()
    qtbot.waitExposed(table)
    return table


def test_columns_keep_their_samples_when_there_is_room(qtbot: QtBot) -> None:
    table = _table(qtbot, 900)
    size_columns(table, ("a sample date", "a type", "a place", None))
    metrics = table.fontMetrics()
    assert table.columnWidth(0) >= metrics.horizontalAdvance("a sample date")
    assert fits_across(table)


def test_a_narrow_table_narrows_its_columns_instead_of_scrolling(qtbot: QtBot) -> None:
    table = _table(qtbot, 900)
    size_columns(table, ("a long sample date text", "a type", "a rather long place", None))
    wide = [table.columnWidth(column) for column in range(3)]
    table.resize(260, 200)
    qtbot.waitUntil(lambda: table.columnWidth(2) < wide[2])
    assert fits_across(table)
    assert all(table.columnWidth(column) >= NARROWEST for column in range(3))
    table.resize(900, 200)  # room again: the typical widths come back
    qtbot.waitUntil(lambda: [table.columnWidth(column) for column in range(3)] == wide)


def test_a_column_the_user_drags_keeps_its_width(qtbot: QtBot) -> None:
    table = _table(qtbot, 900)
    size_columns(table, ("date", "type", "place", None))
    table.horizontalHeader().resizeSection(1, 150)
    table.resize(880, 200)
    qtbot.waitUntil(lambda: table.viewport().width() < 880)
    assert table.columnWidth(1) == 150


def test_the_main_tables_fit_across_a_1280_by_800_screen(
        qtbot: QtBot, window: MainWindow) -> None:
    window.resize(1280, 760)  # the screen less the panel
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        view = window.tabs.widget(index)
        qtbot.waitUntil(view.isVisible)
        tables = [table for table in view.findChildren(QTableView) if table.isVisible()]
        for table in tables:
            qtbot.waitUntil(lambda table=table: fits_across(table), timeout=2000)
            assert table.horizontalScrollBar().maximum() == 0, table.objectName()
    assert window.findChild(QTableView, "chronology-table") is not None


def test_a_long_title_is_whole_in_its_tool_tip(qtbot: QtBot, window: MainWindow) -> None:
    view = window.rounds_view
    rename_round(window.workspace.db, 1, LONG_TITLE)
    window.workspace.changed.emit(Topic.ROUNDS)
    qtbot.waitUntil(lambda: any(
        view.proxy.index(row, TITLE).data() == LONG_TITLE
        for row in range(view.proxy.rowCount())))
    row = next(row for row in range(view.proxy.rowCount())
               if view.proxy.index(row, TITLE).data() == LONG_TITLE)
    assert view.proxy.index(row, TITLE).data(Qt.ItemDataRole.ToolTipRole) == LONG_TITLE
    # The cell is narrower than the title: the view elides it, the tip holds it whole.
    metrics = view.table.fontMetrics()
    assert view.table.columnWidth(TITLE) < metrics.horizontalAdvance(LONG_TITLE)
    assert view.table.textElideMode() == Qt.TextElideMode.ElideRight
