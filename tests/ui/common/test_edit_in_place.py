"""Venues and sources edited where the user meets them: Edit… beside the round dialogs'
venue combo, Edit Source… under the sources a round, a factor or an event cites. Each is
one undo step. An edit dialog on a record someone removed meanwhile says so and leaves no
hidden dialog behind in the pane that tried to open it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QWidget
from pytestqt.qtbot import QtBot

from tests.ui.conftest import DISPLAY_TZ, ReportedErrors
from tests.ui.rounds.test_round_dialogs import (
    ISTANBUL,
    KYIV,
    LEFT,
    new_venue,
    press_ok,
    retype,
    show,
)
from tracker.domain.enums import Reliability
from tracker.domain.factors import FactorReading
from tracker.services.events.link_operations import remove_link
from tracker.services.records import reference
from tracker.services.records.citations import cited_sources
from tracker.services.records.record_edits import current
from tracker.ui.common.cited_sources import CitedSourcesList
from tracker.ui.common.forms import current_data, select_data
from tracker.ui.common.source_dialog import EditSourceDialog
from tracker.ui.common.workspace import Topic, Workspace
from tracker.ui.events.events_view import EventsView
from tracker.ui.factors.factors_view import FactorsView
from tracker.ui.rounds.round_dialogs import NewRoundDialog
from tracker.ui.rounds.venue_dialog import EditVenueDialog
from tracker.ui.window.main_window import MainWindow

pytestmark = [
    pytest.mark.qt_log_ignore(
        "This plugin does not support (propagateSizeHints|raise|grabbing the keyboard)"),
    pytest.mark.usefixtures("no_modal_boxes"),
]

ROUND = 2  # cites sources 1 (the seed report) and 2 (Zelenskyy's statement)
SEED_REPORT = ("Seed news report (wire summary), “Widespread Russian Attacks on Ukraine "
               "Intensify as Peace Talks Loom”, 31 Jan 2026")
STATEMENT = ("Statement by President Zelenskyy (as reported in the seed article), “Talks "
             "with Russia and the United States set for the coming week”")
TENSIONS, STARLINK = 1, 2


def labels(sources: CitedSourcesList) -> list[str]:
    return [sources.list.item(row).text() for row in range(sources.list.count())]


def open_edit_source(qtbot: QtBot, sources: CitedSourcesList, row: int) -> EditSourceDialog:
    sources.list.setCurrentRow(row)
    assert sources.edit_button.isEnabled() and sources.edit_action.isEnabled()
    qtbot.mouseClick(sources.edit_button, LEFT)
    dialog = sources.dialogs.dialog
    assert isinstance(dialog, EditSourceDialog)
    qtbot.waitUntil(dialog.isVisible)
    return dialog


# -- Edit… beside the venue combo ----------------------------------------------------------


def test_edit_venue_from_the_new_round_dialog_renames_it_in_the_combo_and_undoes(
        qtbot: QtBot, sample_workspace: Workspace) -> None:
    ws = sample_workspace
    venue_id = ws.write(lambda s: reference.create_venue(
        s, name="Dolmabahce Palace", city="Istanbul", time_zone=ISTANBUL), Topic.ROUNDS)
    dialog = show(qtbot, NewRoundDialog(ws, display_tz=DISPLAY_TZ))
    picker = dialog.venue
    assert not picker.edit_button.isEnabled()  # "Not known yet": nothing to edit
    new_venue(qtbot, dialog, "Yildiz Palace")  # typed, not created: not editable either
    assert not picker.edit_button.isEnabled()
    assert select_data(picker.combo, venue_id)
    assert picker.edit_button.isEnabled()
    assert dialog.window_input.zone_name() == ISTANBUL

    qtbot.mouseClick(picker.edit_button, LEFT)
    edit = picker.dialogs.dialog
    assert isinstance(edit, EditVenueDialog)
    qtbot.waitUntil(edit.isVisible)
    assert edit.fields.name.text() == "Dolmabahce Palace"
    retype(qtbot, edit.fields.name, "Ciragan Palace")
    retype(qtbot, edit.fields.zone.lineEdit(), KYIV)
    press_ok(qtbot, edit)

    assert picker.combo.currentText() == f"Ciragan Palace (Istanbul) — {KYIV}"
    assert current_data(picker.combo) == venue_id
    assert [picker.combo.itemText(row) for row in range(picker.combo.count())] == [
        "Not known yet", f"Ciragan Palace (Istanbul) — {KYIV}",
        f"Yildiz Palace (new) — {ISTANBUL}"]  # the typed venue is still offered
    assert dialog.window_input.zone_name() == KYIV  # times are typed in the venue's zone
    assert dialog.isVisible() and dialog.command is None  # the round is not created yet
    assert ws.undo_stack.count() == 1
    assert ws.undo_stack.undoText() == "Edit venue “Ciragan Palace”"
    ws.undo_stack.undo()
    values, _ = ws.read(lambda s: current(s, "venue", venue_id))
    assert (values["name"], values["time_zone"]) == ("Dolmabahce Palace", ISTANBUL)


# -- Edit Source… where sources are cited -----------------------------------------------------


def test_edit_source_from_the_round_detail_sources_tab_and_undo(
        qtbot: QtBot, window: MainWindow) -> None:
    ws = window.workspace
    detail = window.rounds_view.detail
    assert detail.round_id() == ROUND
    sources = detail.sources
    assert detail.tabs.tabText(detail.tabs.indexOf(sources)) == "Sources (2)"
    assert labels(sources) == [SEED_REPORT, STATEMENT]
    assert not sources.edit_button.isEnabled()  # nothing selected yet
    assert sources.list.actions() == [sources.edit_action]  # also on the context menu

    dialog = open_edit_source(qtbot, sources, 1)
    retype(qtbot, dialog.fields.url, "https://example.org/statement")
    press_ok(qtbot, dialog)
    assert ws.undo_stack.undoText() == "Edit source “Statement by President Zelenskyy (as " \
                                       "reported in the seed article)”"
    # Re-read at once, the selection kept; the summary's numbered list too.
    assert labels(sources) == [SEED_REPORT, f"{STATEMENT}, https://example.org/statement"]
    assert sources.selected_source_id() == 2
    assert "https://example.org/statement" in detail.summary.toPlainText()
    ws.undo_stack.undo()
    assert labels(sources) == [SEED_REPORT, STATEMENT]


def test_edit_source_from_the_factor_pane_with_the_keyboard(
        qtbot: QtBot, sample_workspace: Workspace) -> None:
    view = FactorsView(sample_workspace)
    qtbot.addWidget(view)
    with qtbot.waitExposed(view):
        view.show()
    view.select_factor(STARLINK)
    sources = view.detail.sources
    assert labels(sources) == [SEED_REPORT]
    sources.list.setFocus()
    sources.list.setCurrentRow(0)
    qtbot.keyClick(sources.list, Qt.Key.Key_Return)  # Enter edits, as a double-click does
    dialog = sources.dialogs.dialog
    assert isinstance(dialog, EditSourceDialog)
    qtbot.waitUntil(dialog.isVisible)
    assert select_data(dialog.fields.reliability, Reliability.CONFIRMED)
    press_ok(qtbot, dialog)
    values, _ = sample_workspace.read(lambda s: current(s, "source", 1))
    assert values["reliability"] is Reliability.CONFIRMED
    assert sample_workspace.undo_stack.count() == 1


def test_edit_source_from_the_event_pane_cancelled_saves_nothing(
        qtbot: QtBot, sample_workspace: Workspace) -> None:
    view = EventsView(sample_workspace)
    qtbot.addWidget(view)
    with qtbot.waitExposed(view):
        view.show()
    assert view.select_event(1)
    sources = view.detail.sources
    assert labels(sources) == [SEED_REPORT]
    assert "Widespread Russian Attacks" not in view.detail.fields.toPlainText()  # listed once
    dialog = open_edit_source(qtbot, sources, 0)
    retype(qtbot, dialog.fields.outlet, "Wire")
    with qtbot.waitSignal(dialog.rejected):
        dialog.reject()
    assert sample_workspace.undo_stack.count() == 0
    assert sample_workspace.read(lambda s: cited_sources(s, "event_id", 1))[0].label \
        == SEED_REPORT
    view.detail.show_event(None)  # no event: no sources, nothing to edit
    assert labels(sources) == [] and not sources.edit_button.isEnabled()


# -- a record gone before its edit dialog opens -------------------------------------------------


def no_dialogs(pane: QWidget) -> bool:
    return pane.findChildren(QDialog) == []


def test_editing_a_reading_removed_elsewhere_leaves_no_hidden_dialog(
        qtbot: QtBot, sample_workspace: Workspace, no_modal_boxes: ReportedErrors) -> None:
    ws = sample_workspace
    view = FactorsView(ws)
    qtbot.addWidget(view)
    view.select_factor(TENSIONS)
    detail = view.detail
    detail.readings.selectRow(0)
    with ws.db.transaction() as session:  # another program: no signal reaches the view
        session.delete(session.get(FactorReading, 1))
    qtbot.mouseClick(detail.edit_reading_button, LEFT)
    assert no_modal_boxes == ["The factor reading no longer exists: someone else removed it."]
    assert detail.dialog is None and no_dialogs(detail)
    assert detail.readings_model.rowCount() == 0  # re-read: the stale row went


def test_editing_a_link_removed_elsewhere_leaves_no_hidden_dialog(
        qtbot: QtBot, sample_workspace: Workspace, no_modal_boxes: ReportedErrors) -> None:
    ws = sample_workspace
    view = EventsView(ws)
    qtbot.addWidget(view)
    assert view.select_event(1)
    detail = view.detail
    detail.links.selectRow(0)
    link_id = detail.selected_link_id()
    assert link_id is not None
    with ws.db.transaction() as session:
        remove_link(session, link_id)
    qtbot.mouseClick(detail.edit_link_button, LEFT)
    assert no_modal_boxes == ["The event link no longer exists: someone else removed it."]
    assert detail.dialog is None and no_dialogs(detail)
    assert detail.links_model.rowCount() == 1  # re-read: the other link stays
