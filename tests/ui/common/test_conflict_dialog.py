"""Two editors, two workspaces on one file: the second OK opens the conflict dialog."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from tests.ui.rounds.test_round_dialogs import (
    LEFT,
    ROUND,
    change_dialog,
    choose,
    part,
    press_ok,
    retype,
    show,
    when_shown,
)
from tracker.domain.enums import RoundFormat, RoundStatus
from tracker.services import rounds
from tracker.storage.database import Database, open_database
from tracker.ui.common.conflict_dialog import ConflictDialog
from tracker.ui.common.edit_commands import MergeRecordCommand
from tracker.ui.common.workspace import Workspace
from tracker.ui.rounds.details_dialog import EditDetailsDialog
from tracker.ui.rounds.round_dialogs import ChangeMode

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def their_workspace(sample_db: Database, sample_workspace: Workspace) -> Iterator[Workspace]:
    """Another analyst's window: its own engine and connections on the same file."""
    workspace = Workspace(open_database(sample_db.url))
    yield workspace
    workspace.undo_stack.clear()
    workspace.db.close()
    workspace.deleteLater()


def _details_dialog(qtbot: QtBot, ws: Workspace) -> EditDetailsDialog:
    return show(qtbot, EditDetailsDialog(ws, ws.read(lambda s: rounds.round_detail(s, ROUND))))


def test_field_by_field_merge_is_saved_as_a_new_change_and_undoable(
        qtbot: QtBot, sample_workspace: Workspace, their_workspace: Workspace) -> None:
    mine, theirs = sample_workspace, their_workspace
    my_dialog = _details_dialog(qtbot, mine)  # both open the round at the same version
    their_dialog = _details_dialog(qtbot, theirs)
    retype(qtbot, part(their_dialog, "details-title"), "Their title")
    choose(their_dialog, "details-format", RoundFormat.BILATERAL)
    press_ok(qtbot, their_dialog)

    retype(qtbot, part(my_dialog, "details-title"), "My title")
    choose(my_dialog, "details-format", RoundFormat.TECHNICAL)
    seen: list[list[tuple[str, str, str]]] = []

    def merge(dialog: ConflictDialog) -> None:
        seen.append([(d.label, d.mine_text, d.theirs_text)
                     for d in dialog.conflict.differences])
        qtbot.mouseClick(part(dialog, "keep-mine-title"), LEFT)  # title: mine; format: theirs
        qtbot.mouseClick(dialog.merge_button, LEFT)

    driven = when_shown(ConflictDialog, my_dialog, merge)
    press_ok(qtbot, my_dialog)
    assert len(driven) == 1
    assert seen == [[("Title", "My title", "Their title"),
                     ("Format", "technical", "bilateral")]]
    assert isinstance(my_dialog.command, MergeRecordCommand)
    row = mine.read(lambda s: rounds.round_row(s, ROUND))
    assert (row.title, row.format) == ("My title", RoundFormat.BILATERAL)
    last = mine.read(lambda s: rounds.history(s, ROUND))[-1]
    assert last.reason.startswith("Merged after a conflict with ")
    mine.undo_stack.undo()  # back to what the other editor saved, recorded again
    row = mine.read(lambda s: rounds.round_row(s, ROUND))
    assert (row.title, row.format) == ("Their title", RoundFormat.BILATERAL)


def test_theirs_and_reapply_mine_keeps_their_status_and_my_window(
        qtbot: QtBot, sample_workspace: Workspace, their_workspace: Workspace) -> None:
    mine, theirs = sample_workspace, their_workspace
    my_dialog = change_dialog(qtbot, mine, ChangeMode.CANCEL)
    their_dialog = change_dialog(qtbot, theirs, ChangeMode.POSTPONE)
    press_ok(qtbot, their_dialog)
    driven = when_shown(ConflictDialog, my_dialog,
                        lambda dialog: qtbot.mouseClick(dialog.reapply_button, LEFT))
    press_ok(qtbot, my_dialog)
    assert len(driven) == 1
    row = mine.read(lambda s: rounds.round_row(s, ROUND))
    # I changed only the status (to cancelled); their unknown window stays.
    assert row.status is RoundStatus.CANCELLED and row.window.start is None


def test_back_to_my_edit_keeps_the_dialog_open_with_what_i_typed(
        qtbot: QtBot, sample_workspace: Workspace, their_workspace: Workspace) -> None:
    my_dialog = _details_dialog(qtbot, sample_workspace)
    their_dialog = _details_dialog(qtbot, their_workspace)
    retype(qtbot, part(their_dialog, "details-title"), "Their title")
    press_ok(qtbot, their_dialog)
    retype(qtbot, part(my_dialog, "details-title"), "My title")
    driven = when_shown(ConflictDialog, my_dialog, lambda dialog: dialog.reject())
    qtbot.mouseClick(my_dialog.ok_button, LEFT)
    assert len(driven) == 1
    assert my_dialog.isVisible() and part(my_dialog, "details-title").text() == "My title"
    assert sample_workspace.read(lambda s: rounds.round_row(s, ROUND)).title == "Their title"

