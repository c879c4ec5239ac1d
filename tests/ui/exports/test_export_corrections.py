"""Issue 13: Export Chronology… asks whether to show undone entries as corrections."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from tracker.ui.exports.export_dialog import ExportDialog

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def test_the_export_dialog_asks_for_the_corrections(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = ExportDialog(str(tmp_path))
    qtbot.addWidget(dialog)
    with qtbot.waitExposed(dialog):
        dialog.show()
    qtbot.keyClicks(dialog.path, "feb.md")
    request = dialog.request()
    assert request is not None and not request.corrections
    assert dialog.corrections.text() == "Show co&rrections (undone entries)"
    # On the box itself: the form stretches the check box past its text.
    qtbot.mouseClick(dialog.corrections, Qt.MouseButton.LeftButton,
                     pos=QPoint(6, dialog.corrections.height() // 2))
    request = dialog.request()
    assert request is not None and request.corrections
