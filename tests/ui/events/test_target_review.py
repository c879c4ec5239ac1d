"""Reviewing target categories in the Events tab: the filter, accept/override, why, rules."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QItemSelectionModel
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from tracker.domain.events import BattlefieldEvent
from tracker.services.targets.review import explain
from tracker.ui.common.workspace import Workspace
from tracker.ui.events.event_filter_bar import UNREVIEWED
from tracker.ui.events.events_model import DATE
from tracker.ui.events.events_view import EventsView
from tracker.ui.events.target_rules_dialog import TargetRulesDialog

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")



@pytest.fixture
def view(qtbot: QtBot, imported: Workspace) -> EventsView:
    events_view = EventsView(imported)
    qtbot.addWidget(events_view)
    return events_view


def _select_rows(view: EventsView, rows: range) -> None:
    selection = view.table.selectionModel()
    for row in rows:
        selection.select(view.model.index(row, DATE),
                         QItemSelectionModel.SelectionFlag.Select
                         | QItemSelectionModel.SelectionFlag.Rows)


def _unreviewed(view: EventsView) -> None:
    combo = view.filter_bar.target_combo
    combo.setCurrentIndex(combo.findData(UNREVIEWED))


def test_accepting_a_selection_takes_it_out_of_unreviewed_and_undo_brings_it_back(
        qtbot: QtBot, view: EventsView, imported: Workspace) -> None:
    _unreviewed(view)
    qtbot.waitUntil(lambda: view.model.rowCount() == 3883)
    assert not view.targets.accept_button.isEnabled()
    _select_rows(view, range(3))
    assert view.targets.accept_button.isEnabled()
    view.targets.accept_button.click()
    qtbot.waitUntil(lambda: view.model.rowCount() == 3880)
    imported.undo_stack.undo()
    qtbot.waitUntil(lambda: view.model.rowCount() == 3883)


def test_the_pane_says_which_rule_suggested_the_target_and_why(
        qtbot: QtBot, view: EventsView, imported: Workspace) -> None:
    combo = view.filter_bar.target_combo
    combo.setCurrentIndex(combo.findData("medical"))
    qtbot.waitUntil(lambda: view.model.rowCount() > 0)
    view.table.selectRow(0)
    event_id = view.current_event_id()
    assert event_id is not None
    reason = imported.read(lambda s: explain(s, event_id))
    assert reason is not None and reason.rule_id and reason.matched
    text = view.detail.fields.toPlainText()
    assert reason.rule_id in text and "not reviewed" in text and reason.matched[0] in text


def test_setting_a_target_by_hand_marks_it_chosen_by_an_analyst(
        qtbot: QtBot, view: EventsView, imported: Workspace) -> None:
    view.table.selectRow(0)
    view.targets.choose_button.click()
    dialog = view.targets.dialog
    assert dialog is not None
    dialog.combo.setCurrentText("energy")
    dialog.accept()

    def analysts() -> list[tuple[str, str | None]]:
        event = BattlefieldEvent
        return imported.read(lambda s: [(row[0], row[1]) for row in s.execute(
            select(event.target_category, event.target_source)
            .where(event.target_source == "analyst"))])

    qtbot.waitUntil(lambda: analysts() == [("energy", "analyst")])
    qtbot.waitUntil(lambda: "chosen by an analyst" in view.detail.fields.toPlainText())


def test_an_analysts_rule_is_saved_and_the_rules_run_on_the_runner(
        qtbot: QtBot, view: EventsView, imported: Workspace) -> None:
    dialog = TargetRulesDialog(imported, view)
    qtbot.addWidget(dialog)
    dialog.id_edit.setText("other.digest")
    dialog.category_combo.setCurrentText("other")
    dialog.words_edit.setPlainText("mediazone")
    dialog.save_button.click()
    assert "Saved" in dialog.message.text()
    assert dialog.table.rowCount() > 1
    dialog.run_requested.connect(view.targets.suggest)
    dialog.run_button.click()
    qtbot.waitUntil(lambda: "events looked at" in view.targets.status.text(), timeout=30000)
    combo = view.filter_bar.target_combo
    qtbot.waitUntil(lambda: combo.findData("other") >= 0)
    combo.setCurrentIndex(combo.findData("other"))
    qtbot.waitUntil(lambda: view.model.rowCount() > 0)
    # A refused rule says why, in the dialog.
    dialog.id_edit.setText("")
    dialog.save_button.click()
    assert "id" in dialog.message.text()
