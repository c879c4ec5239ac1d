"""What a 1280×800 screen shows (issue 16, finding 5): the Rounds table's "When" columns
keep a readable date beside the details pane, and the whole text is on hover."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tracker.ui.common.column_widths import CELL_MARGIN, fits_across
from tracker.ui.rounds.rounds_model import TITLE, WHEN_USER, WHEN_VENUE
from tracker.ui.window.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

# The part of a week's window that says when: "week of 2 Feb 2026 (to 8 Feb 2026)" may
# elide its end, never its date (it read "wee…" at 1280 pixels).
READABLE = "week of 2 Feb 2026"


def test_the_when_columns_show_a_date_at_1280_pixels(qtbot: QtBot, window: MainWindow) -> None:
    window.resize(1280, 760)  # the screen less the panel
    table = window.rounds_view.table
    qtbot.waitUntil(lambda: fits_across(table))
    wanted = table.fontMetrics().horizontalAdvance(READABLE) + CELL_MARGIN
    for column in (WHEN_VENUE, WHEN_USER):
        assert table.columnWidth(column) >= wanted, column
    assert table.columnWidth(TITLE) >= wanted  # the title stays readable too
    model = table.model()
    for row in range(model.rowCount()):
        for column in (WHEN_VENUE, WHEN_USER):
            index = model.index(row, column)
            assert index.data() in index.data(Qt.ItemDataRole.ToolTipRole)
