"""A claim on a day and a place, added through Edit › Claims on a Day and Place…, is a
line of the Chronology tab at its day, with who gives it, until undone (issue 18)."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.ui._fixtures import enter_day_claim
from tracker.domain.chronology import EntryKind
from tracker.ui.chronology.chronology_model import (
    KIND,
    KIND_COLOURS,
    PLACE,
    TITLE,
    WHEN,
    EntryRole,
)
from tracker.ui.chronology.chronology_view import ChronologyView
from tracker.ui.events.claim_dialog import ClaimDialog
from tracker.ui.events.day_claims_dialog import DayClaimsDialog
from tracker.ui.window.main_window import CHRONOLOGY_TAB, MainWindow

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def _claim_rows(view: ChronologyView) -> list[int]:
    model = view.model
    return [row for row in range(model.rowCount())
            if model.index(row, KIND).data(EntryRole).kind is EntryKind.CLAIM]


def test_a_day_claim_added_in_its_dialog_is_in_the_chronology_until_undone(
        qtbot: QtBot, window: MainWindow) -> None:
    ws = window.workspace
    window.tabs.setCurrentIndex(CHRONOLOGY_TAB)
    view = window.chronology_view
    qtbot.waitUntil(view.isVisible)
    before = view.model.rowCount()
    assert before > 0 and _claim_rows(view) == []

    window.action_map["day-claims-action"].trigger()
    days = window.dialog
    assert isinstance(days, DayClaimsDialog)
    qtbot.waitExposed(days)
    days.add_button.click()
    dialog = days.dialog
    assert isinstance(dialog, ClaimDialog)
    qtbot.waitExposed(dialog)
    enter_day_claim(dialog, date(2026, 1, 27), "Kyiv region")
    with qtbot.waitSignal(dialog.accepted):
        dialog.ok_button.click()

    qtbot.waitUntil(lambda: len(_claim_rows(view)) == 1)
    model = view.model
    [row] = _claim_rows(view)
    assert view.model.rowCount() == before + 1
    assert [model.index(row, column).data() for column in (WHEN, KIND, TITLE, PLACE)] == [
        "27 Jan 2026", "claim", "Air Force of Ukraine: drones intercepted, 40",
        "Kyiv region"]
    assert model.index(row, KIND).data(Qt.ItemDataRole.DecorationRole) == \
        KIND_COLOURS[EntryKind.CLAIM]
    # At its day: after the sample's entries of the days before, before those after.
    days_shown = [model.index(number, KIND).data(EntryRole).day
                  for number in range(model.rowCount())]
    claim_day = days_shown[row]
    assert all(day is None or day <= claim_day for day in days_shown[:row])
    assert all(day is None or day >= claim_day for day in days_shown[row + 1:])
    assert any(day is not None and day < claim_day for day in days_shown[:row])

    view.table.setCurrentIndex(model.index(row, TITLE))
    qtbot.waitUntil(lambda: "by Air Force of Ukraine (party), claimed"
                    in view.detail.toPlainText())

    ws.undo_stack.undo()
    qtbot.waitUntil(lambda: _claim_rows(view) == [])
    assert view.model.rowCount() == before
