"""Export Chronology's From and To start at the data's first and last day (issue 16)."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate
from pytestqt.qtbot import QtBot

from tests.ui.window.test_main_window import open_dialog, press
from tracker.services.chronology.held_dates import HeldDates, held_dates
from tracker.ui.exports.export_dialog import ExportDialog
from tracker.ui.window.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def test_the_range_starts_at_the_days_held(qtbot: QtBot) -> None:
    dialog = ExportDialog(held=HeldDates(date(2022, 2, 24), date(2022, 5, 16)))
    qtbot.addWidget(dialog)
    assert dialog.date_from.date() == QDate(2022, 2, 24)
    assert dialog.date_to.date() == QDate(2022, 5, 16)
    assert dialog.date_from.displayFormat() == "yyyy-MM-dd"


def test_without_dated_data_the_range_is_the_last_month(qtbot: QtBot) -> None:
    dialog = ExportDialog()
    qtbot.addWidget(dialog)
    today = QDate.currentDate()
    assert dialog.date_from.date() == today.addMonths(-1)
    assert dialog.date_to.date() == today


def test_the_window_asks_the_database_for_the_range(qtbot: QtBot, window: MainWindow) -> None:
    press(qtbot, window, "Ctrl+E")
    dialog = open_dialog(qtbot, window, ExportDialog)
    span = window.workspace.read(lambda session: held_dates(session, window.display_tz))
    assert span is not None
    assert dialog.date_from.date().toPython() == span.first
    assert dialog.date_to.date().toPython() == span.last
    dialog.reject()
