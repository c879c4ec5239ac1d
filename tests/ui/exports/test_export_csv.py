"""Export Chronology's CSV choice: for spreadsheets by default, for data tools when
chosen, offered while the file is a .csv, and remembered like the export folder."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.ui.window.test_main_window import ok_button, open_dialog, press
from tracker.io.chronology_csv import BYTE_ORDER_MARK, FOR_SPREADSHEETS, CsvFlavour
from tracker.ui.common import settings as options
from tracker.ui.exports.export_dialog import ExportDialog
from tracker.ui.window.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def _choose(dialog: ExportDialog, flavour: CsvFlavour) -> None:
    dialog.csv_for.setCurrentIndex(dialog.csv_for.findData(flavour.value))


def test_the_dialog_offers_the_choice_for_a_csv_only(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = ExportDialog(str(tmp_path))
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.path, "feb.csv")
    request = dialog.request()
    assert request is not None and request.csv_style == FOR_SPREADSHEETS
    assert dialog.csv_for.isEnabled()
    assert dialog.csv_for.currentText() == CsvFlavour.SPREADSHEETS.label
    _choose(dialog, CsvFlavour.DATA_TOOLS)
    request = dialog.request()
    assert request is not None and request.csv_style.flavour is CsvFlavour.DATA_TOOLS
    assert not request.csv_style.byte_order_mark and not request.csv_style.guarded
    dialog.path.clear()
    qtbot.keyClicks(dialog.path, "feb.md")
    assert not dialog.csv_for.isEnabled()  # a Markdown file has no such choice


def test_the_window_writes_the_chosen_flavour_and_remembers_it(
        qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    assert window.settings.get(options.EXPORT_CSV_FOR) == "spreadsheets"
    target = tmp_path / "for-pandas.csv"
    press(qtbot, window, "Ctrl+E")
    dialog = open_dialog(qtbot, window, ExportDialog)
    assert dialog.csv_for.currentData() == CsvFlavour.SPREADSHEETS.value
    qtbot.keyClicks(dialog.path, str(target))
    _choose(dialog, CsvFlavour.DATA_TOOLS)
    with qtbot.waitSignal(window.export_finished, timeout=10_000):
        qtbot.mouseClick(ok_button(dialog), Qt.MouseButton.LeftButton)
    text = target.read_text(encoding="utf-8")
    assert text.startswith("date,time,time_zone,")  # no byte-order mark
    assert BYTE_ORDER_MARK not in text
    assert window.settings.get(options.EXPORT_CSV_FOR) == "data-tools"

    press(qtbot, window, "Ctrl+E")  # the next export starts from the choice made
    again = open_dialog(qtbot, window, ExportDialog)
    assert again.csv_for.currentData() == CsvFlavour.DATA_TOOLS.value
    again.reject()
