"""Issue 13: the Chronology tab leaves out an undone change and its undo, and shows them
as corrections when asked."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.ui.rounds.test_history_corrections import move_and_undo
from tracker.ui.chronology.chronology_model import TITLE
from tracker.ui.chronology.chronology_view import ChronologyView
from tracker.ui.common.workspace import Workspace

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def test_the_chronology_tab_shows_corrections_when_asked(
        qtbot: QtBot, sample_workspace: Workspace) -> None:
    ws = sample_workspace
    move_and_undo(ws)
    view = ChronologyView(ws)
    qtbot.addWidget(view)
    with qtbot.waitExposed(view):
        view.show()
    plain = view.model.rowCount()

    def titles() -> list[str]:
        return [view.model.index(row, TITLE).data() for row in range(view.model.rowCount())]

    assert not view.corrections_check.isChecked()
    assert not any("Trilateral" in t and ("correction" in t or "withdrawn" in t)
                   for t in titles())
    with qtbot.waitSignal(view.model.count_changed) as counted:
        qtbot.mouseClick(view.corrections_check, Qt.MouseButton.LeftButton)
    assert counted.args == [plain + 2]
    shown = titles()
    assert sum(t.endswith(": rescheduled (withdrawn)") for t in shown) == 1
    assert sum(t.endswith(": correction") for t in shown) == 1
