"""The round's modality in the window: chosen in New Round and Edit Round with the
keyboard, saved as one undo step, and shown in the round's detail pane."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.ui.common.test_conflict_dialog import their_workspace  # noqa: F401  (a fixture)
from tests.ui.conftest import DISPLAY_TZ
from tests.ui.rounds.test_round_dialogs import (
    LEFT,
    ROUND,
    choose,
    created,
    new_round_dialog,
    part,
    press_ok,
    show,
    when_shown,
)
from tests.ui.rounds.test_round_dialogs import (
    # The same dialogs, so the same marks: the window field's zone completer cannot be
    # raised offscreen, and no modal box may block.
    pytestmark as pytestmark,
)
from tracker.domain.enums import RoundModality
from tracker.services import rounds
from tracker.ui.common.conflict_dialog import ConflictDialog
from tracker.ui.common.forms import current_data
from tracker.ui.common.workspace import Workspace
from tracker.ui.rounds.details_dialog import EditDetailsDialog
from tracker.ui.rounds.round_detail import summary_html


def _modality(ws: Workspace) -> RoundModality:
    return ws.read(lambda s: rounds.round_row(s, ROUND)).modality


def test_new_round_takes_the_modality_chosen(qtbot: QtBot,
                                             sample_workspace: Workspace) -> None:
    dialog = new_round_dialog(qtbot, sample_workspace)
    qtbot.keyClicks(part(dialog, "round-title"), "Technical talks by video")
    qtbot.keyClicks(part(dialog, "window-text"), "5 Feb 2026")
    modality = part(dialog, "round-modality")
    assert (modality.currentText(), current_data(modality)) == (
        "Not known", RoundModality.UNKNOWN)  # until it is announced
    modality.setFocus()
    qtbot.keyClick(modality, Qt.Key.Key_Up)
    qtbot.keyClick(modality, Qt.Key.Key_Up)
    assert modality.currentText() == "Virtual"
    press_ok(qtbot, dialog)

    assert created(sample_workspace, dialog).modality is RoundModality.VIRTUAL


def test_edit_round_changes_the_modality_as_one_undo_step(
        qtbot: QtBot, sample_workspace: Workspace) -> None:
    ws = sample_workspace
    dialog = show(qtbot, EditDetailsDialog(ws, ws.read(
        lambda s: rounds.round_detail(s, ROUND))))
    modality = part(dialog, "details-modality")
    assert modality.currentText() == "Not known" and not dialog.ok_button.isEnabled()
    modality.setFocus()
    qtbot.keyClick(modality, Qt.Key.Key_Home)
    assert current_data(modality) is RoundModality.IN_PERSON
    press_ok(qtbot, dialog)

    assert _modality(ws) is RoundModality.IN_PERSON
    assert ws.undo_stack.count() == 1
    html = summary_html(ws.read(lambda s: rounds.round_detail(s, ROUND)), DISPLAY_TZ)
    assert "<b>Modality</b></td><td style=\"padding:2px 0\">In person</td>" in html
    ws.undo_stack.undo()
    assert _modality(ws) is RoundModality.UNKNOWN
    ws.undo_stack.redo()
    assert _modality(ws) is RoundModality.IN_PERSON


def test_the_conflict_dialog_shows_and_merges_the_modality(
        qtbot: QtBot, sample_workspace: Workspace,
        their_workspace: Workspace) -> None:  # noqa: F811  (the fixture imported above)
    mine, theirs = sample_workspace, their_workspace
    my_dialog = show(qtbot, EditDetailsDialog(mine, mine.read(
        lambda s: rounds.round_detail(s, ROUND))))
    their_dialog = show(qtbot, EditDetailsDialog(theirs, theirs.read(
        lambda s: rounds.round_detail(s, ROUND))))
    choose(their_dialog, "details-modality", RoundModality.VIRTUAL)
    press_ok(qtbot, their_dialog)
    choose(my_dialog, "details-modality", RoundModality.HYBRID)
    seen: list[list[tuple[str, str, str]]] = []

    def merge(dialog: ConflictDialog) -> None:
        seen.append([(d.label, d.mine_text, d.theirs_text)
                     for d in dialog.conflict.differences])
        qtbot.mouseClick(part(dialog, "keep-mine-modality"), LEFT)
        qtbot.mouseClick(dialog.merge_button, LEFT)

    driven = when_shown(ConflictDialog, my_dialog, merge)
    press_ok(qtbot, my_dialog)
    assert len(driven) == 1
    assert seen == [[("Modality", "hybrid", "virtual")]]
    assert _modality(mine) is RoundModality.HYBRID
