"""Edit › Claims on a Day and Place…: a claim no recorded event carries, added, edited,
undone and removed from its own list (issue 18)."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from tests.ui._fixtures import enter_day_claim
from tracker.services.claims.claims import claims_on_days
from tracker.ui.events.claim_dialog import ClaimDialog
from tracker.ui.events.day_claims_dialog import DayClaimsDialog
from tracker.ui.window.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def _shown(dialog: DayClaimsDialog) -> list[list[str]]:
    model = dialog.model
    return [[model.index(row, column).data() for column in range(model.columnCount())]
            for row in range(model.rowCount())]


def _claim_dialog(qtbot: QtBot, days: DayClaimsDialog) -> ClaimDialog:
    dialog = days.dialog
    assert isinstance(dialog, ClaimDialog)
    qtbot.waitExposed(dialog)
    return dialog


def test_a_claim_on_a_day_and_place_is_added_edited_undone_and_removed(
        qtbot: QtBot, qtmodeltester: ModelTester, window: MainWindow) -> None:
    ws = window.workspace
    window.action_map["day-claims-action"].trigger()
    days = window.dialog
    assert isinstance(days, DayClaimsDialog)
    qtbot.waitExposed(days)
    qtmodeltester.check(days.model)
    assert _shown(days) == []
    assert not days.edit_button.isEnabled()

    days.add_button.click()
    dialog = _claim_dialog(qtbot, days)
    assert dialog.on_day and dialog.place_edit.isVisible()
    enter_day_claim(dialog, date(2026, 2, 3), "Kyiv region")
    with qtbot.waitSignal(dialog.accepted):
        dialog.ok_button.click()
    qtbot.waitUntil(lambda: len(_shown(days)) == 1)
    assert _shown(days)[0][1:] == ["Kyiv region", "drones intercepted", "40",
                                   "Air Force of Ukraine (party)", "claimed", ""]
    [stored] = ws.read(claims_on_days)
    assert (stored.day, stored.event_id) == (date(2026, 2, 3), None)

    days.table.selectRow(0)
    days.edit_button.click()
    dialog = _claim_dialog(qtbot, days)
    assert dialog.place_edit.text() == "Kyiv region"
    assert dialog.day_edit.date() == QDate(2026, 2, 3)
    dialog.best_edit.setText("38")
    dialog.place_edit.setText("Kyiv")
    with qtbot.waitSignal(dialog.accepted):
        dialog.ok_button.click()
    qtbot.waitUntil(lambda: _shown(days)[0][1:4] == ["Kyiv", "drones intercepted", "38"])

    ws.undo_stack.undo()
    qtbot.waitUntil(lambda: _shown(days)[0][1:4] == ["Kyiv region", "drones intercepted",
                                                     "40"])
    ws.undo_stack.redo()
    qtbot.waitUntil(lambda: _shown(days)[0][1:4] == ["Kyiv", "drones intercepted", "38"])

    days.table.selectRow(0)
    days.remove_button.click()
    assert _shown(days) == []
    ws.undo_stack.undo()
    qtbot.waitUntil(lambda: len(_shown(days)) == 1)
