"""Two editors on one file, beyond rounds: a factor, a reading and a seat edited in their
real dialogs while another connection saves the same record first. OK brings up the
conflict dialog; the field-by-field merge is one undo step; undo puts theirs back."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialog, QWidget
from pytestqt.qtbot import QtBot

from tests.ui.conftest import ReportedErrors
from tests.ui.rounds.test_participants import ROUND, TITLE, page_of, row_of
from tests.ui.rounds.test_round_dialogs import LEFT, part, press_ok, retype, when_shown
from tracker.domain import identity
from tracker.domain.enums import FactorLevel, FactorTrend, ParticipantRole
from tracker.services import rounds
from tracker.services.records.record_edits import current, edit_record
from tracker.services.rounds.seating import unseat
from tracker.storage.database import Database
from tracker.ui.common import conflict_dialog
from tracker.ui.common.conflict_dialog import ConflictDialog
from tracker.ui.common.edit_commands import MergeRecordCommand
from tracker.ui.common.forms import select_data
from tracker.ui.common.workspace import Workspace
from tracker.ui.factors.factor_edit_dialogs import EditFactorDialog, EditReadingDialog
from tracker.ui.factors.factors_view import FactorsView
from tracker.ui.rounds.participant_dialog import EditParticipantDialog
from tracker.ui.window.main_window import MainWindow

pytestmark = [
    pytest.mark.qt_log_ignore(
        "This plugin does not support (propagateSizeHints|raise|grabbing the keyboard)"),
    pytest.mark.usefixtures("no_modal_boxes"),
]

TENSIONS = 1  # the sample's "U.S.–Iran tensions" factor; its one reading is id 1
US_SEAT = "United States"  # seated at ROUND as mediator, with this note
US_NOTE = "Named as a participant; the mediator role follows the track."


@pytest.fixture
def view(qtbot: QtBot, sample_workspace: Workspace) -> FactorsView:
    widget = FactorsView(sample_workspace)
    qtbot.addWidget(widget)
    widget.set_display_zone("Europe/Kyiv")
    widget.resize(1200, 800)
    with qtbot.waitExposed(widget):
        widget.show()
    widget.select_factor(TENSIONS)
    return widget


def theirs(db: Database, kind: str, record_id: int, values: dict[str, object]) -> None:
    """The other editor saves *values* over the version they opened (the same as ours)."""
    with db.transaction() as session:
        _, version = current(session, kind, record_id)
        edit_record(session, kind, record_id, values, expected_version=version)


def now(ws: Workspace, kind: str, record_id: int) -> dict[str, object]:
    return ws.read(lambda s: current(s, kind, record_id))[0]


def merge_keeping(qtbot: QtBot, owner: QWidget, mine: set[str],
                  seen: list[tuple[str, str, str]]) -> list[ConflictDialog]:
    """When *owner* shows the conflict dialog: note its rows, keep mine for the fields in
    *mine* (theirs for the rest) and save the merge."""
    def act(dialog: ConflictDialog) -> None:
        seen.append((dialog.windowTitle(), "", ""))
        seen.extend((d.label, d.mine_text, d.theirs_text) for d in dialog.conflict.differences)
        for field in mine:
            qtbot.mouseClick(part(dialog, f"keep-mine-{field}"), LEFT)
        qtbot.mouseClick(dialog.merge_button, LEFT)

    return when_shown(ConflictDialog, owner, act)


def test_factor_edited_by_someone_else_is_merged_field_by_field_and_undone(
        qtbot: QtBot, view: FactorsView, sample_workspace: Workspace, other: Database) -> None:
    ws = sample_workspace
    qtbot.mouseClick(view.detail.edit_factor_button, LEFT)
    dialog = view.detail.dialog
    assert isinstance(dialog, EditFactorDialog) and dialog.isVisible()
    theirs(other, "factor", TENSIONS, {"description": "Their account"})

    retype(qtbot, dialog.name_edit, "US-Iran standoff")
    dialog.description.selectAll()
    qtbot.keyClicks(dialog.description, "My account")
    seen: list[tuple[str, str, str]] = []
    driven = merge_keeping(qtbot, dialog, {"name"}, seen)
    press_ok(qtbot, dialog)
    assert len(driven) == 1
    assert seen == [("Factor “U.S.–Iran tensions” Changed by Someone Else", "", ""),
                    ("Name", "US-Iran standoff", "U.S.–Iran tensions"),
                    ("Description", "My account", "Their account")]
    assert isinstance(dialog.command, MergeRecordCommand)
    assert now(ws, "factor", TENSIONS) == {"name": "US-Iran standoff",
                                           "description": "Their account"}
    assert "US-Iran standoff" in view.detail.description.text()  # the pane re-read it

    ws.undo_stack.undo()  # back to what the other editor saved
    assert now(ws, "factor", TENSIONS) == {"name": "U.S.–Iran tensions",
                                           "description": "Their account"}
    ws.undo_stack.redo()
    assert now(ws, "factor", TENSIONS)["name"] == "US-Iran standoff"


def test_reading_edited_by_someone_else_keeps_the_fields_chosen(
        qtbot: QtBot, view: FactorsView, sample_workspace: Workspace, other: Database) -> None:
    ws = sample_workspace
    view.detail.readings.selectRow(0)
    qtbot.mouseClick(view.detail.edit_reading_button, LEFT)
    dialog = view.detail.dialog
    assert isinstance(dialog, EditReadingDialog)
    theirs(other, "reading", 1, {"level": FactorLevel.CRITICAL, "note": "Theirs"})

    assert select_data(dialog.trend_combo, FactorTrend.EASING)
    retype(qtbot, dialog.note_edit, "Mine")
    seen: list[tuple[str, str, str]] = []
    merge_keeping(qtbot, dialog, {"trend", "note"}, seen)
    press_ok(qtbot, dialog)
    assert seen[1:] == [("Level", "high", "critical"), ("Trend", "easing", "rising"),
                        ("Note", "Mine", "Theirs")]
    after = now(ws, "reading", 1)
    assert (after["level"], after["trend"], after["note"]) == (
        FactorLevel.CRITICAL, FactorTrend.EASING, "Mine")
    ws.undo_stack.undo()
    after = now(ws, "reading", 1)
    assert (after["level"], after["trend"], after["note"]) == (
        FactorLevel.CRITICAL, FactorTrend.RISING, "Theirs")


def test_an_edit_without_a_conflict_is_one_undo_step(
        qtbot: QtBot, view: FactorsView, sample_workspace: Workspace) -> None:
    qtbot.mouseClick(view.detail.edit_factor_button, LEFT)
    dialog = view.detail.dialog
    assert isinstance(dialog, EditFactorDialog)
    retype(qtbot, dialog.name_edit, "Iran tensions")
    press_ok(qtbot, dialog)
    assert now(sample_workspace, "factor", TENSIONS)["name"] == "Iran tensions"
    assert sample_workspace.undo_stack.count() == 1
    sample_workspace.undo_stack.undo()
    assert now(sample_workspace, "factor", TENSIONS)["name"] == "U.S.–Iran tensions"


def _seat(window: MainWindow) -> int:
    page = page_of(window)
    page.table.selectRow(row_of(page, US_SEAT))
    seat = page.selected_participant_id()
    assert seat is not None
    return seat


def _note_and_role(ws: Workspace, seat: int) -> tuple[str, ParticipantRole]:
    detail = ws.read(lambda s: rounds.round_detail(s, ROUND))
    row = next(p for p in detail.participants if p.id == seat)
    return row.note, row.role


def test_seat_edited_by_someone_else_is_merged_and_undone(
        qtbot: QtBot, window: MainWindow, other: Database) -> None:
    ws = window.workspace
    page = page_of(window)
    seat = _seat(window)
    qtbot.mouseClick(page.edit_button, LEFT)
    dialog = page.dialog
    assert isinstance(dialog, EditParticipantDialog)
    assert not dialog.party.isEnabled()  # the seat is the party's: only the rest changes
    theirs(other, "participant", seat, {"note": "Offered to host"})

    assert select_data(dialog.role, ParticipantRole.OBSERVER)
    retype(qtbot, dialog.note, "Mine")
    seen: list[tuple[str, str, str]] = []
    merge_keeping(qtbot, dialog, {"role"}, seen)
    press_ok(qtbot, dialog)
    assert seen[0][0].startswith("Delegation member United States at ")
    assert seen[1:] == [("Role", "observer", "mediator"), ("Note", "Mine", "Offered to host")]
    assert _note_and_role(ws, seat) == ("Offered to host", ParticipantRole.OBSERVER)
    ws.undo_stack.undo()
    assert _note_and_role(ws, seat) == ("Offered to host", ParticipantRole.MEDIATOR)


def test_taking_theirs_drops_my_edit_and_saves_nothing(
        qtbot: QtBot, window: MainWindow, other: Database) -> None:
    ws = window.workspace
    page = page_of(window)
    seat = _seat(window)
    qtbot.mouseClick(page.edit_button, LEFT)
    dialog = page.dialog
    assert isinstance(dialog, EditParticipantDialog)
    theirs(other, "participant", seat, {"note": "Theirs"})
    retype(qtbot, dialog.note, "Mine")
    driven = when_shown(ConflictDialog, dialog,
                        lambda shown: qtbot.mouseClick(shown.theirs_button, LEFT))
    with qtbot.waitSignal(dialog.rejected):
        qtbot.mouseClick(dialog.ok_button, LEFT)
    assert len(driven) == 1
    assert _note_and_role(ws, seat) == ("Theirs", ParticipantRole.MEDIATOR)
    assert ws.undo_stack.count() == 0


def test_removing_a_seat_changed_since_it_was_shown_asks_first(
        qtbot: QtBot, window: MainWindow, other: Database, monkeypatch: pytest.MonkeyPatch,
        no_modal_boxes: ReportedErrors) -> None:
    ws = window.workspace
    page = page_of(window)
    seat = _seat(window)
    theirs(other, "participant", seat, {"note": "Theirs"})  # the window is not told
    answers = [False, True]
    asked: list[str] = []

    def ask(_parent: QWidget | None, conflict: conflict_dialog.ConflictError) -> bool:
        asked.append(conflict.title)
        return answers.pop(0)

    monkeypatch.setattr(conflict_dialog, "ask_remove_changed", ask)
    qtbot.mouseClick(page.remove_button, LEFT)  # "No": their change stays, and the seat
    assert _note_and_role(ws, seat) == ("Theirs", ParticipantRole.MEDIATOR)
    assert ws.undo_stack.count() == 0
    page.table.selectRow(row_of(page, US_SEAT))  # the page re-read the round meanwhile
    theirs(other, "participant", seat, {"note": "Theirs again"})
    qtbot.mouseClick(page.remove_button, LEFT)  # "Yes": removed, as one undo step
    assert len(asked) == 2 and asked[0].startswith("United States at ")
    assert US_SEAT not in [p.party for p in ws.read(
        lambda s: rounds.round_detail(s, ROUND)).participants]
    assert ws.undo_stack.count() == 1 and no_modal_boxes == []
    ws.undo_stack.undo()
    assert _note_and_role(ws, seat) == ("Theirs again", ParticipantRole.MEDIATOR)


def test_redo_of_a_removal_refuses_a_seat_changed_after_the_undo(
        qtbot: QtBot, window: MainWindow, other: Database, monkeypatch: pytest.MonkeyPatch,
        no_modal_boxes: ReportedErrors) -> None:
    ws = window.workspace
    page = page_of(window)
    seat = _seat(window)
    qtbot.mouseClick(page.remove_button, LEFT)
    assert US_SEAT not in [p.party for p in ws.read(
        lambda s: rounds.round_detail(s, ROUND)).participants]
    ws.undo_stack.undo()  # the seat is back, as version 1 (a new row under its old id)
    assert _note_and_role(ws, seat) == (US_NOTE, ParticipantRole.MEDIATOR)
    monkeypatch.setattr(identity, "_preferred", "Olena")  # the edit log names the other
    theirs(other, "participant", seat, {"note": "Theirs after the undo"})

    ws.undo_stack.redo()  # refused: the step cannot ask, so it says why and goes
    assert no_modal_boxes == [
        f"Remove United States (mediator) from “{TITLE}” failed:\n\nOlena changed the "
        f"delegation member United States at “{TITLE}” after this removal was undone. It "
        "was not removed again, so that change is kept."]
    assert _note_and_role(ws, seat) == ("Theirs after the undo", ParticipantRole.MEDIATOR)
    assert ws.undo_stack.count() == 0 and not ws.undo_stack.canRedo()


def test_redo_of_a_removal_removes_the_seat_when_nobody_changed_it(
        qtbot: QtBot, window: MainWindow, no_modal_boxes: ReportedErrors) -> None:
    ws = window.workspace
    page = page_of(window)
    seat = _seat(window)
    qtbot.mouseClick(page.remove_button, LEFT)
    for _ in range(2):  # every undo brings back a fresh version 1; redo removes that
        ws.undo_stack.undo()
        assert _note_and_role(ws, seat) == (US_NOTE, ParticipantRole.MEDIATOR)
        ws.undo_stack.redo()
        assert seat not in [p.id for p in ws.read(
            lambda s: rounds.round_detail(s, ROUND)).participants]
    assert ws.undo_stack.count() == 1 and no_modal_boxes == []


def test_editing_a_seat_removed_elsewhere_says_so(
        qtbot: QtBot, window: MainWindow, other: Database,
        no_modal_boxes: ReportedErrors) -> None:
    page = page_of(window)
    seat = _seat(window)
    with other.transaction() as session:
        unseat(session, seat)
    qtbot.mouseClick(page.edit_button, LEFT)
    assert page.dialog is None
    assert page.findChildren(QDialog) == []  # the half-built dialog went too
    assert no_modal_boxes == ["The delegation member no longer exists: someone else removed it."]
    assert US_SEAT not in [page.model.row_at(row).party  # type: ignore[union-attr]
                           for row in range(page.model.rowCount())]


def test_edit_buttons_follow_the_selection(view: FactorsView) -> None:
    detail = view.detail
    assert detail.edit_factor_button.isEnabled()
    assert not detail.edit_reading_button.isEnabled()
    detail.readings.selectRow(0)
    assert detail.edit_reading_button.isEnabled()
    assert not detail.edit_link_button.isEnabled()
    view.select_factor(2)  # Starlink: it has linked events
    detail.linked.selectRow(0)
    assert detail.edit_link_button.isEnabled()
