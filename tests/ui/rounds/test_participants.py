"""Participants of a round, edited in the window: add a party (or a new one, with a new head
of delegation) in a role, remove one, each one undo step; refusals stay in the dialog."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from tests.ui._fixtures import column_data, placeholder_text
from tests.ui.conftest import ReportedErrors
from tests.ui.rounds.test_round_dialogs import (
    error,
    part,
    press_ok,
    press_refused,
    show,
    when_shown,
)
from tracker.domain.enums import ParticipantRole, PartyKind
from tracker.services import rounds
from tracker.services.records import reference
from tracker.services.rounds import seating
from tracker.services.rounds.participants import ParticipantSpec
from tracker.services.rounds.seating import NewParty, NewPerson
from tracker.ui.common.forms import current_data, item_value, select_data
from tracker.ui.common.workspace import Topic, Workspace
from tracker.ui.events.link_models import ParticipantIdRole, ParticipantsModel
from tracker.ui.rounds import participant_dialog
from tracker.ui.rounds.participant_commands import AddParticipantCommand, RemoveParticipantCommand
from tracker.ui.rounds.participant_dialog import NewPartyDialog, NewPersonDialog, ParticipantDialog
from tracker.ui.rounds.participants_page import ParticipantsPage
from tracker.ui.rounds.rounds_model import PARTICIPANTS
from tracker.ui.window.main_window import MainWindow

# A combo's popup and a dialog's size hints are more than the offscreen plugin can do.
pytestmark = [
    pytest.mark.qt_log_ignore(
        "This plugin does not support (propagateSizeHints|raise|grabbing the keyboard)"),
    pytest.mark.usefixtures("no_modal_boxes"),
]

ROUND = 2  # "Trilateral talks announced for the coming week": Ukraine, Russia, U.S. (mediator)
TITLE = "Trilateral talks announced for the coming week"
SEATED = [("Ukraine", "", ParticipantRole.PARTY), ("Russia", "", ParticipantRole.PARTY),
          ("United States", "", ParticipantRole.MEDIATOR)]
LEFT = Qt.MouseButton.LeftButton


def seated(ws: Workspace) -> list[tuple[str, str, ParticipantRole]]:
    detail = ws.read(lambda s: rounds.round_detail(s, ROUND))
    return [(p.party, p.person, p.role) for p in detail.participants]


def seat_ids(ws: Workspace) -> list[int]:
    return [p.id for p in ws.read(lambda s: rounds.round_detail(s, ROUND)).participants]


def party_id(ws: Workspace, name: str) -> int:
    return next(p.id for p in ws.read(reference.list_parties) if p.name == name)


def page_of(window: MainWindow) -> ParticipantsPage:
    detail = window.rounds_view.detail
    assert detail.round_id() == ROUND  # the window opens on this round
    assert detail.tabs.currentWidget() is detail.participants  # the first tab, shown first
    return detail.participants


def tab_text(window: MainWindow) -> str:
    detail = window.rounds_view.detail
    return detail.tabs.tabText(detail.tabs.indexOf(detail.participants))


def table_cell(window: MainWindow) -> str:
    """The rounds table's Participants cell of ROUND."""
    model = window.rounds_view.model
    return str(model.index(model.row_of(ROUND), PARTICIPANTS).data())


def open_add_dialog(qtbot: QtBot, page: ParticipantsPage) -> ParticipantDialog:
    qtbot.mouseClick(page.add_button, LEFT)
    qtbot.waitUntil(lambda: page.dialog is not None and page.dialog.isVisible())
    dialog = page.dialog
    assert isinstance(dialog, ParticipantDialog)
    return dialog


def type_into_combo(qtbot: QtBot, combo: QWidget, text: str) -> None:
    """Pick an item the way a keyboard user does: focus the combo and type its first letters."""
    combo.setFocus()
    qtbot.keyClicks(combo, text)


def combo_items(combo: Any) -> list[str]:
    return [combo.itemText(row) for row in range(combo.count())]


def row_of(page: ParticipantsPage, party: str) -> int:
    return column_data(page.table, ParticipantsModel.PARTY).index(party)


# -- the tab ----------------------------------------------------------------------------------


def test_the_participants_tab_lists_who_sits_at_the_round(window: MainWindow) -> None:
    page = page_of(window)
    assert tab_text(window) == "Participants (3)"
    assert column_data(page.table, ParticipantsModel.PARTY) == [p for p, _, _ in SEATED]
    assert column_data(page.table, ParticipantsModel.ROLE) == ["party", "party", "mediator"]
    assert column_data(page.table, ParticipantsModel.PERSON) == ["—"] * 3
    note = page.model.index(2, ParticipantsModel.NOTE)
    assert note.data().startswith("Named as a participant")
    assert note.data(Qt.ItemDataRole.ToolTipRole) == note.data()
    assert placeholder_text(page.table) == ""
    assert not page.remove_button.isEnabled()  # nothing selected yet
    assert page.add_button.isVisible() and page.add_button.isEnabled()


def test_participants_model_passes_qtmodeltester(qtmodeltester: ModelTester,
                                                 sample_workspace: Workspace) -> None:
    detail = sample_workspace.read(lambda s: rounds.round_detail(s, ROUND))
    for rows in (detail.participants, ()):
        model = ParticipantsModel()
        model.set_rows(rows)
        qtmodeltester.check(model, force_py=True)
    model.set_rows(detail.participants)
    assert [model.headerData(n, Qt.Orientation.Horizontal) for n in range(4)] == \
        ["Party", "Role", "Head of delegation", "Note"]
    assert [model.index(n, 0).data(ParticipantIdRole) for n in range(3)] == \
        [p.id for p in detail.participants]


# -- adding -----------------------------------------------------------------------------------


def test_add_an_existing_party_as_mediator_with_a_note(qtbot: QtBot,
                                                       window: MainWindow) -> None:
    ws = window.workspace
    page = page_of(window)
    dialog = open_add_dialog(qtbot, page)
    assert dialog.windowTitle() == "Add Participant"
    assert dialog.ok_button.text() == "&Add Participant"
    assert not dialog.ok_button.isEnabled()  # no party chosen yet
    assert not part(dialog, "new-person-button").isEnabled()
    party, person = part(dialog, "participant-party"), part(dialog, "participant-person")
    assert current_data(party) is None and current_data(part(dialog, "participant-role")) \
        is ParticipantRole.PARTY

    # Ukraine's people are offered as its head of delegation; Iran has none in the sample.
    type_into_combo(qtbot, party, "Uk")
    assert party.currentText() == "Ukraine"
    assert combo_items(person) == ["—", "Volodymyr Zelenskyy — President of Ukraine"]
    assert dialog.ok_button.isEnabled()
    assert select_data(party, party_id(ws, "Iran"))
    assert combo_items(person) == ["—"] and current_data(person) is None
    type_into_combo(qtbot, part(dialog, "participant-role"), "M")
    assert current_data(part(dialog, "participant-role")) is ParticipantRole.MEDIATOR
    qtbot.keyClicks(part(dialog, "participant-note"), "Passes messages to Washington")
    press_ok(qtbot, dialog)

    assert seated(ws) == [*SEATED, ("Iran", "", ParticipantRole.MEDIATOR)]
    detail = ws.read(lambda s: rounds.round_detail(s, ROUND))
    assert detail.participants[-1].note == "Passes messages to Washington"
    assert ws.undo_stack.count() == 1
    assert ws.undo_stack.undoText() == f"Add Iran as mediator to “{TITLE}”"
    qtbot.waitUntil(lambda: table_cell(window) == "UA, RU, US (mediator), IR (mediator)")
    assert tab_text(window) == "Participants (4)"
    assert page.model.index(3, ParticipantsModel.NOTE).data() == "Passes messages to Washington"
    assert "Iran — mediator" in window.rounds_view.detail.summary.toPlainText()
    seat = detail.participants[-1].id

    ws.undo_stack.undo()
    assert seated(ws) == SEATED
    qtbot.waitUntil(lambda: table_cell(window) == "UA, RU, US (mediator)")
    assert tab_text(window) == "Participants (3)"
    ws.undo_stack.redo()
    assert seat_ids(ws)[-1] == seat  # the same seat back
    assert tab_text(window) == "Participants (4)"


def test_a_new_party_with_a_new_head_of_delegation_is_one_undo_step(
        qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    ws = window.workspace
    parties_before = ws.read(reference.list_parties)
    page = page_of(window)
    dialog = open_add_dialog(qtbot, page)

    # New Party… in the real dialog: a name already listed is refused there.
    def fill(new: NewPartyDialog) -> None:
        ok = new.buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert not ok.isEnabled()
        qtbot.keyClicks(part(new, "party-name"), "ukraine")
        assert not ok.isEnabled()
        assert error(new, "party-name-error") == "“ukraine” is already in the list: " \
                                                  "choose it there"
        part(new, "party-name").clear()
        part(new, "party-name").insert("Türkiye")  # keyClicks cannot type ü
        qtbot.keyClicks(part(new, "party-short-name"), "TR")
        assert current_data(part(new, "party-kind")) is PartyKind.STATE
        assert error(new, "party-name-error") == ""
        qtbot.mouseClick(ok, LEFT)

    driven = when_shown(NewPartyDialog, dialog, fill)
    qtbot.mouseClick(part(dialog, "new-party-button"), LEFT)
    assert len(driven) == 1
    party = part(dialog, "participant-party")
    assert party.currentText() == "Türkiye (new)"
    assert current_data(party) == NewParty("Türkiye", "TR", PartyKind.STATE)
    assert combo_items(part(dialog, "participant-person")) == ["—"]

    # New Person… (the module function, replaced): named for the party being added.
    asked: list[str] = []

    def ask_person(parent: QWidget, party_name: str) -> NewPerson:
        asked.append(party_name)
        return NewPerson("Hakan Fidan", "Minister of Foreign Affairs")

    monkeypatch.setattr(participant_dialog, "ask_person", ask_person)
    qtbot.mouseClick(part(dialog, "new-person-button"), LEFT)
    assert asked == ["Türkiye"]
    person = part(dialog, "participant-person")
    assert person.currentText() == "Hakan Fidan (new)"
    assert select_data(part(dialog, "participant-role"), ParticipantRole.HOST)
    press_ok(qtbot, dialog)

    assert ws.undo_stack.count() == 1  # party, person and seat: one step
    assert ws.undo_stack.undoText() == f"Add Türkiye as host to “{TITLE}”"
    assert seated(ws)[-1] == ("Türkiye", "Hakan Fidan", ParticipantRole.HOST)
    turkiye = party_id(ws, "Türkiye")
    assert [(p.name, p.detail) for p in ws.read(lambda s: reference.list_people(s, turkiye))] \
        == [("Hakan Fidan", "Minister of Foreign Affairs")]
    qtbot.waitUntil(lambda: table_cell(window).endswith(", TR (host)"))
    assert tab_text(window) == "Participants (4)"
    assert column_data(page.table, ParticipantsModel.PERSON)[-1] == "Hakan Fidan"
    seat = seat_ids(ws)[-1]
    fidan = ws.read(lambda s: reference.list_people(s, turkiye))[0].id

    ws.undo_stack.undo()  # the seat goes, and the party and person it created with it
    assert seated(ws) == SEATED
    assert tab_text(window) == "Participants (3)"
    qtbot.waitUntil(lambda: table_cell(window) == "UA, RU, US (mediator)")
    assert ws.read(reference.list_parties) == parties_before
    assert "Hakan Fidan" not in [p.name for p in ws.read(reference.list_people)]
    ws.undo_stack.redo()  # the same seat, party and person: the same ids back
    assert seat_ids(ws)[-1] == seat
    assert seated(ws)[-1] == ("Türkiye", "Hakan Fidan", ParticipantRole.HOST)
    assert party_id(ws, "Türkiye") == turkiye
    assert [(p.id, p.name, p.detail) for p in
            ws.read(lambda s: reference.list_people(s, turkiye))] == \
        [(fidan, "Hakan Fidan", "Minister of Foreign Affairs")]
    assert len(ws.read(reference.list_parties)) == len(parties_before) + 1
    qtbot.waitUntil(lambda: table_cell(window).endswith(", TR (host)"))
    ws.undo_stack.undo()  # and again: redo left nothing that keeps them
    assert ws.read(reference.list_parties) == parties_before


def test_a_new_person_typed_for_one_party_goes_when_the_party_changes(
        qtbot: QtBot, sample_workspace: Workspace) -> None:
    ws = sample_workspace
    people = ws.read(reference.list_people)
    dialog = show(qtbot, ParticipantDialog(ws, ROUND, TITLE))
    party, person = part(dialog, "participant-party"), part(dialog, "participant-person")
    type_into_combo(qtbot, party, "Uk")
    assert party.currentText() == "Ukraine"

    # New Person… in the real dialog, which says whom they act for.
    def fill(new: NewPersonDialog) -> None:
        assert part(new, "person-party").text() == "Acting for Ukraine"
        qtbot.keyClicks(part(new, "person-name"), "Rustem Umerov")
        qtbot.mouseClick(new.buttons.button(QDialogButtonBox.StandardButton.Ok), LEFT)

    driven = when_shown(NewPersonDialog, dialog, fill)
    qtbot.mouseClick(part(dialog, "new-person-button"), LEFT)
    assert len(driven) == 1
    assert person.currentText() == "Rustem Umerov (new)"

    # Russia instead: Umerov was typed as acting for Ukraine, so he is no longer offered.
    # (Chosen directly: keys typed within the search interval would add to "Uk".)
    assert select_data(party, party_id(ws, "Russia"))
    assert combo_items(person) == ["—"] and current_data(person) is None
    assert select_data(part(dialog, "participant-role"), ParticipantRole.OBSERVER)
    press_ok(qtbot, dialog)
    assert seated(ws)[-1] == ("Russia", "", ParticipantRole.OBSERVER)
    assert ws.read(reference.list_people) == people  # nobody created, for Russia or Ukraine


def test_the_same_party_twice_in_one_role_is_refused_beside_the_party_field(
        qtbot: QtBot, sample_workspace: Workspace) -> None:
    ws = sample_workspace
    dialog = show(qtbot, ParticipantDialog(ws, ROUND, TITLE))
    assert select_data(part(dialog, "participant-party"), party_id(ws, "United States"))
    assert select_data(part(dialog, "participant-role"), ParticipantRole.MEDIATOR)
    qtbot.keyClicks(part(dialog, "participant-note"), "Twice")
    press_refused(qtbot, dialog)
    assert error(dialog, "participant-party-error") == \
        f"United States already takes part in “{TITLE}” as mediator"
    assert error(dialog, "participant-person-error") == ""
    assert seated(ws) == SEATED
    assert part(dialog, "participant-note").text() == "Twice"  # everything as typed

    # Another role is another seat: the refusal goes as soon as the choice changes.
    assert select_data(part(dialog, "participant-role"), ParticipantRole.OBSERVER)
    assert error(dialog, "participant-party-error") == ""
    press_ok(qtbot, dialog)
    assert seated(ws)[-1] == ("United States", "", ParticipantRole.OBSERVER)


def test_a_refused_new_party_leaves_no_party_or_person_behind(
        qtbot: QtBot, sample_workspace: Workspace, monkeypatch: pytest.MonkeyPatch) -> None:
    ws = sample_workspace
    parties, people = ws.read(reference.list_parties), ws.read(reference.list_people)
    dialog = show(qtbot, ParticipantDialog(ws, ROUND, TITLE))
    # Someone else added "Türkiye" after the dialog listed the parties.
    monkeypatch.setattr(participant_dialog, "ask_party",
                        lambda parent, existing: NewParty("Türkiye", "TR"))
    monkeypatch.setattr(participant_dialog, "ask_person",
                        lambda parent, party: NewPerson("Hakan Fidan"))
    qtbot.mouseClick(part(dialog, "new-party-button"), LEFT)
    qtbot.mouseClick(part(dialog, "new-person-button"), LEFT)
    ws.write(lambda s: reference.create_party(s, "Türkiye"), Topic.ROUNDS)
    press_refused(qtbot, dialog)
    assert error(dialog, "participant-party-error") == \
        "There is already a party called 'Türkiye'"
    assert len(ws.read(reference.list_parties)) == len(parties) + 1  # only the other one
    assert ws.read(reference.list_people) == people
    assert seated(ws) == SEATED


# -- removing ---------------------------------------------------------------------------------


def test_removing_a_seat_removed_elsewhere_says_so(
        qtbot: QtBot, window: MainWindow, no_modal_boxes: ReportedErrors) -> None:
    ws = window.workspace
    page = page_of(window)
    page.table.selectRow(row_of(page, "United States"))
    seat = page.selected_participant_id()
    assert seat is not None
    with ws.db.transaction() as session:  # another program: no signal reaches the window
        seating.unseat(session, seat)
    qtbot.mouseClick(page.remove_button, LEFT)
    assert no_modal_boxes == [f"Remove United States (mediator) from “{TITLE}”: nothing to "
                              "do. The delegation member was already removed by someone else."]
    assert ws.undo_stack.count() == 0

    # The round is read again: the stale row goes, and with it Remove and its error.
    qtbot.waitUntil(lambda: column_data(page.table, ParticipantsModel.PARTY) ==
                    ["Ukraine", "Russia"])
    assert tab_text(window) == "Participants (2)"
    assert page.selected_participant_id() is None and not page.remove_button.isEnabled()
    qtbot.waitUntil(lambda: table_cell(window) == "UA, RU")
    page.remove_selected()  # Delete on the table: nothing selected, nothing said again
    assert len(no_modal_boxes) == 1


def test_remove_and_undo_puts_the_same_seat_back(qtbot: QtBot, window: MainWindow) -> None:
    ws = window.workspace
    page = page_of(window)
    before = ws.read(lambda s: rounds.round_detail(s, ROUND)).participants
    page.table.selectRow(row_of(page, "United States"))
    assert page.remove_button.isEnabled()
    qtbot.mouseClick(page.remove_button, LEFT)

    assert seated(ws) == SEATED[:2]
    assert ws.undo_stack.undoText() == f"Remove United States (mediator) from “{TITLE}”"
    assert tab_text(window) == "Participants (2)"
    assert not page.remove_button.isEnabled()
    qtbot.waitUntil(lambda: table_cell(window) == "UA, RU")

    ws.undo_stack.undo()
    assert ws.read(lambda s: rounds.round_detail(s, ROUND)).participants == before  # id, note
    assert tab_text(window) == "Participants (3)"
    qtbot.waitUntil(lambda: table_cell(window) == "UA, RU, US (mediator)")
    ws.undo_stack.redo()
    assert seated(ws) == SEATED[:2]


def test_delete_on_the_table_removes_the_participant_not_the_round(
        qtbot: QtBot, window: MainWindow) -> None:
    ws = window.workspace
    page = page_of(window)
    russia = seat_ids(ws)[1]
    page.table.setFocus()
    page.table.selectRow(row_of(page, "Russia"))
    assert page.selected_participant_id() == russia
    if not window.isActiveWindow():  # shortcuts reach the active window only
        with qtbot.waitActive(window):
            window.activateWindow()
    assert QApplication.focusWidget() is page.table
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)

    assert seated(ws) == [SEATED[0], SEATED[2]]
    assert ROUND in [row.id for row in ws.read(rounds.list_rounds)]  # Delete Round not run
    assert ws.undo_stack.count() == 1
    ws.undo_stack.undo()
    assert seat_ids(ws)[1] == russia
    assert page.selected_participant_id() is None
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)  # nothing selected: nothing happens
    assert seated(ws) == SEATED and ws.undo_stack.index() == 0


def test_an_empty_round_says_how_to_add_participants(qtbot: QtBot, window: MainWindow) -> None:
    ws = window.workspace
    page = page_of(window)
    for seat in seat_ids(ws):
        page.table.selectRow(0)
        qtbot.mouseClick(page.remove_button, LEFT)
        assert seat not in seat_ids(ws)
    assert tab_text(window) == "Participants (0)"
    assert placeholder_text(page.table).startswith("No participants yet")


# -- commands without widgets -----------------------------------------------------------------


def test_an_undo_that_no_longer_fits_is_reported_and_dropped(
        sample_workspace: Workspace, no_modal_boxes: ReportedErrors) -> None:
    ws = sample_workspace
    iran = party_id(ws, "Iran")
    command = AddParticipantCommand(ws, ParticipantSpec(ROUND, iran, ParticipantRole.OBSERVER),
                                    text="Add Iran")
    ws.undo_stack.push(command)
    assert command.error is None and command.participant_id is not None
    seat = command.participant_id
    ws.write(lambda s: seating.unseat(s, seat), Topic.ROUNDS)  # elsewhere
    ws.undo_stack.undo()  # the step is dropped (QUndoStack deletes an obsolete command)
    assert no_modal_boxes == [f"Add Iran failed:\n\nParticipant {seat} does not exist"]
    assert ws.undo_stack.count() == 0

    remove = RemoveParticipantCommand(ws, seat_ids(ws)[0])
    ws.undo_stack.push(remove)
    assert remove.error is None and remove.spec is not None
    assert remove.spec.party_id == party_id(ws, "Ukraine")
    ws.undo_stack.undo()
    assert seated(ws) == SEATED


def test_undo_keeps_a_created_party_that_something_else_uses_by_then(
        sample_workspace: Workspace, no_modal_boxes: ReportedErrors) -> None:
    ws = sample_workspace
    command = AddParticipantCommand(
        ws, ParticipantSpec(ROUND, 0, ParticipantRole.HOST), text="Add Türkiye",
        new_party=NewParty("Türkiye", "TR"), new_person=NewPerson("Hakan Fidan"))
    ws.undo_stack.push(command)
    assert command.error is None and command.participant_id is not None
    seat, turkiye, fidan = command.participant_id, command.spec.party_id, command.spec.person_id
    # Meanwhile Türkiye is seated at the earlier round too (elsewhere, or a later step).
    ws.write(lambda s: seating.seat(
        s, ParticipantSpec(1, turkiye, ParticipantRole.OBSERVER)), Topic.ROUNDS)

    ws.undo_stack.undo()  # the seat and the unused person go; the party in use stays
    assert no_modal_boxes == []  # not a failure: nothing to tell the user
    assert ws.undo_stack.count() == 1 and ws.undo_stack.index() == 0
    assert seated(ws) == SEATED
    assert party_id(ws, "Türkiye") == turkiye
    assert ws.read(lambda s: reference.list_people(s, turkiye)) == []
    ws.undo_stack.redo()  # the person under the same id; the party was never gone
    assert no_modal_boxes == [] and command.error is None
    assert seat_ids(ws)[-1] == seat
    assert seated(ws)[-1] == ("Türkiye", "Hakan Fidan", ParticipantRole.HOST)
    assert [p.id for p in ws.read(lambda s: reference.list_people(s, turkiye))] == [fidan]


def test_undo_deletes_only_what_the_step_created(sample_workspace: Workspace) -> None:
    ws = sample_workspace
    parties, people = ws.read(reference.list_parties), ws.read(reference.list_people)
    ukraine = party_id(ws, "Ukraine")
    command = AddParticipantCommand(
        ws, ParticipantSpec(ROUND, ukraine, ParticipantRole.HOST),
        new_person=NewPerson("Rustem Umerov", "Secretary of the Security Council"))
    ws.undo_stack.push(command)
    umerov = command.spec.person_id
    assert command.error is None and umerov is not None
    ws.undo_stack.undo()  # Ukraine was there before: only Umerov goes
    assert ws.read(reference.list_parties) == parties
    assert ws.read(reference.list_people) == people
    ws.undo_stack.redo()
    assert seated(ws)[-1] == ("Ukraine", "Rustem Umerov", ParticipantRole.HOST)
    assert umerov in [p.id for p in ws.read(lambda s: reference.list_people(s, ukraine))]


def test_a_pending_new_party_or_person_replaces_the_previous_one(
        qtbot: QtBot, sample_workspace: Workspace, monkeypatch: pytest.MonkeyPatch) -> None:
    dialog = show(qtbot, ParticipantDialog(sample_workspace, ROUND, TITLE))
    names = iter(["European Union", "ICRC"])
    monkeypatch.setattr(participant_dialog, "ask_party",
                        lambda parent, existing: NewParty(next(names), kind=PartyKind.ORGANISATION))
    party = part(dialog, "participant-party")
    count = party.count()
    for _ in range(2):
        qtbot.mouseClick(part(dialog, "new-party-button"), LEFT)
    assert party.count() == count + 1
    assert party.currentText() == "ICRC (new)"
    assert [item_value(party, row) for row in range(party.count())
            if isinstance(item_value(party, row), NewParty)] == \
        [NewParty("ICRC", kind=PartyKind.ORGANISATION)]
    # A cancelled New Party… changes nothing.
    monkeypatch.setattr(participant_dialog, "ask_party", lambda parent, existing: None)
    qtbot.mouseClick(part(dialog, "new-party-button"), LEFT)
    assert party.currentText() == "ICRC (new)"
