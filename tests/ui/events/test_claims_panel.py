"""The event pane's Claims section: conflicting claims side by side with who gives them,
Add Claim… through one undoable step, Remove Claim."""

from __future__ import annotations

import pytest
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from tracker.domain.events import BattlefieldEvent
from tracker.domain.sources import Source
from tracker.services.claims.claim_operations import ClaimDraft, add_claim
from tracker.services.claims.figure_rule import FigureRule, figure_rule
from tracker.ui.common.forms import current_data, select_data
from tracker.ui.common.workspace import Workspace
from tracker.ui.events.claim_dialog import ClaimDialog
from tracker.ui.events.event_detail_pane import EventDetailPane
from tracker.ui.window.change_log_dialog import ChangeLogDialog

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def _event(ws: Workspace, external_id: str) -> int:
    found = ws.read(lambda s: s.scalar(select(BattlefieldEvent.id).where(
        BattlefieldEvent.external_id == external_id)))
    assert found is not None
    return found


def _kyiv(ws: Workspace) -> int:
    return _event(ws, "SAMPLE-003")


def _source(ws: Workspace, outlet: str) -> int:
    with ws.db.transaction() as session:
        source = Source(outlet=outlet)
        session.add(source)
        session.flush()
        return source.id


def _shown(pane: EventDetailPane) -> list[list[str]]:
    model = pane.claims.model
    return [[model.index(row, column).data() for column in range(model.columnCount())]
            for row in range(model.rowCount())]


def test_conflicting_claims_from_two_sources_show_side_by_side(
        qtbot: QtBot, qtmodeltester: ModelTester, sample_workspace: Workspace) -> None:
    ws = sample_workspace
    event_id = _kyiv(ws)
    ministry = _source(ws, "Ministry of Health")
    agency = _source(ws, "Reuters")
    with ws.db.transaction() as session:
        add_claim(session, ClaimDraft("killed", "Ministry of Health", best=12,
                                      event_id=event_id, claimant_kind="ministry",
                                      source_id=ministry))
    pane = EventDetailPane(ws)
    qtbot.addWidget(pane)
    pane.show_event(event_id)
    qtmodeltester.check(pane.claims.model)
    assert pane.claims.add_button.isEnabled()

    pane.claims.add_button.click()
    dialog = pane.claims.dialog
    assert isinstance(dialog, ClaimDialog)
    qtbot.waitExposed(dialog)
    assert not dialog.ok_button.isEnabled()
    dialog.measure_combo.setCurrentText("killed")
    dialog.low_edit.setText("3")
    dialog.high_edit.setText("5")
    dialog.claimant_edit.setText("Reuters")
    select_data(dialog.kind_combo, "journalist")
    select_data(dialog.source_combo, agency)
    select_data(dialog.status_combo, "disputed")
    with qtbot.waitSignal(dialog.accepted):
        dialog.ok_button.click()

    assert _shown(pane) == [
        ["killed", "12", "Ministry of Health (ministry)", "claimed", "Ministry of Health"],
        ["killed", "3–5", "Reuters (journalist)", "disputed", "Reuters"],
    ]
    ws.undo_stack.undo()
    pane.show_event(event_id)
    assert [row[2] for row in _shown(pane)] == ["Ministry of Health (ministry)"]


def test_a_datasets_figure_is_listed_and_kept_a_recorded_claim_removed(
        qtbot: QtBot, sample_workspace: Workspace) -> None:
    ws = sample_workspace
    maternity = _event(ws, "SAMPLE-001")
    pane = EventDetailPane(ws)
    qtbot.addWidget(pane)
    pane.show_event(maternity)
    assert [row[:3] for row in _shown(pane)] == [
        ["injured", "6", "sample (dataset)"],
        ["injured", "at least 6", "Seed news report (wire summary) (journalist)"],
    ]
    table = pane.claims.table
    table.selectRow(0)
    assert not pane.claims.remove_button.isEnabled()  # the event's own column
    table.selectRow(1)
    assert pane.claims.remove_button.isEnabled()
    pane.claims.remove_button.click()
    assert len(_shown(pane)) == 1
    ws.undo_stack.undo()
    pane.show_event(maternity)
    assert len(_shown(pane)) == 2


def test_the_figure_rule_is_chosen_in_the_pane_and_undone(
        qtbot: QtBot, sample_workspace: Workspace) -> None:
    ws = sample_workspace
    pane = EventDetailPane(ws)
    qtbot.addWidget(pane)
    pane.show_event(_kyiv(ws))
    assert current_data(pane.claims.rule_combo) is FigureRule.DATASET
    assert select_data(pane.claims.rule_combo, FigureRule.HIGHEST_CLAIM)
    assert ws.read(figure_rule) is FigureRule.HIGHEST_CLAIM
    ws.undo_stack.undo()
    assert ws.read(figure_rule) is FigureRule.DATASET
    pane.show_event(_kyiv(ws))
    assert current_data(pane.claims.rule_combo) is FigureRule.DATASET


def test_a_claims_status_is_set_from_the_pane(qtbot: QtBot,
                                              sample_workspace: Workspace) -> None:
    ws = sample_workspace
    maternity = _event(ws, "SAMPLE-001")
    pane = EventDetailPane(ws)
    qtbot.addWidget(pane)
    pane.show_event(maternity)
    pane.claims.table.selectRow(0)
    assert not pane.claims.status_combo.isEnabled()  # the dataset's own figure
    pane.claims.table.selectRow(1)
    combo = pane.claims.status_combo
    assert combo.isEnabled()
    combo.setCurrentIndex(combo.findText("corroborated"))
    combo.activated.emit(combo.currentIndex())
    assert [row[3] for row in _shown(pane)] == ["claimed", "corroborated"]
    ws.undo_stack.undo()
    pane.show_event(maternity)
    assert [row[3] for row in _shown(pane)] == ["claimed", "claimed"]


def _open_editor(qtbot: QtBot, pane: EventDetailPane, row: int) -> ClaimDialog:
    pane.claims.table.selectRow(row)
    assert pane.claims.edit_button.isEnabled()
    pane.claims.edit_button.click()
    dialog = pane.claims.dialog
    assert isinstance(dialog, ClaimDialog)
    qtbot.waitExposed(dialog)
    return dialog


def _save(qtbot: QtBot, dialog: ClaimDialog, *, low: str = "", best: str = "",
          high: str = "") -> None:
    """Type the figures and press OK, which the dialog takes."""
    for edit, text in ((dialog.low_edit, low), (dialog.best_edit, best),
                       (dialog.high_edit, high)):
        edit.setText(text)
    with qtbot.waitSignal(dialog.accepted):
        dialog.ok_button.click()


def test_a_claim_is_added_edited_and_removed_each_one_undoable_step(
        qtbot: QtBot, sample_workspace: Workspace) -> None:
    ws = sample_workspace
    event_id = _kyiv(ws)
    pane = EventDetailPane(ws)
    qtbot.addWidget(pane)
    pane.show_event(event_id)
    assert not pane.claims.edit_button.isEnabled()  # nothing selected

    pane.claims.add_button.click()
    dialog = pane.claims.dialog
    assert isinstance(dialog, ClaimDialog)
    qtbot.waitExposed(dialog)
    assert dialog.windowTitle() == "Add Claim"
    dialog.measure_combo.setCurrentText("killed")
    dialog.claimant_edit.setText("Ministry of Health")
    select_data(dialog.kind_combo, "ministry")
    _save(qtbot, dialog, best="12")
    added = ["killed", "12", "Ministry of Health (ministry)", "claimed", ""]
    assert _shown(pane)[-1] == added

    row = len(_shown(pane)) - 1
    dialog = _open_editor(qtbot, pane, row)
    assert dialog.windowTitle() == "Edit Claim"
    assert dialog.best_edit.text() == "12"  # opened on the claim as stored
    assert dialog.claimant_edit.text() == "Ministry of Health"
    assert current_data(dialog.kind_combo) == "ministry"
    select_data(dialog.status_combo, "corroborated")
    _save(qtbot, dialog, low="10", best="14", high="15")
    edited = ["killed", "10–15 (best 14)", "Ministry of Health (ministry)",
              "corroborated", ""]
    assert _shown(pane)[-1] == edited
    assert ws.undo_stack.undoText() == "Edit claim"

    ws.undo_stack.undo()
    pane.show_event(event_id)
    assert _shown(pane)[-1] == added
    ws.undo_stack.redo()
    pane.show_event(event_id)
    assert _shown(pane)[-1] == edited

    pane.claims.table.selectRow(row)
    pane.claims.remove_button.click()
    assert edited not in _shown(pane)
    ws.undo_stack.undo()
    pane.show_event(event_id)
    assert _shown(pane)[-1] == edited
    ws.undo_stack.redo()
    pane.show_event(event_id)
    assert edited not in _shown(pane)


def test_a_refused_edit_keeps_the_dialog_open_with_the_reason_beside_the_figure(
        qtbot: QtBot, sample_workspace: Workspace) -> None:
    ws = sample_workspace
    pane = EventDetailPane(ws)
    qtbot.addWidget(pane)
    pane.show_event(_event(ws, "SAMPLE-001"))
    dialog = _open_editor(qtbot, pane, 1)
    dialog.low_edit.setText("9")
    dialog.best_edit.setText("7")
    dialog.ok_button.click()
    assert dialog.isVisible()
    assert dialog.figure_error.isVisible()
    assert "must not exceed" in dialog.figure_error.text()
    assert ws.undo_stack.count() == 0


def test_claim_edits_are_in_the_change_log(qtbot: QtBot,
                                           sample_workspace: Workspace) -> None:
    ws = sample_workspace
    pane = EventDetailPane(ws)
    qtbot.addWidget(pane)
    pane.show_event(_event(ws, "SAMPLE-001"))
    _save(qtbot, _open_editor(qtbot, pane, 1), low="6", best="8")
    log = ChangeLogDialog(ws, "UTC")
    qtbot.addWidget(log)
    newest = [log.model.index(0, column).data() for column in range(2, 5)]
    assert newest == ["Changed", "claim #1 “Seed news report (wire summary)”",
                      "best figure"]  # the low figure was 6 already
    ws.undo_stack.undo()
    log.model.add_newer()
    assert [log.model.index(0, column).data() for column in range(2, 5)] == newest
