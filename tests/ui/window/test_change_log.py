"""View › Change Log…: the edit log, newest first, following the database's changes."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from tests.ui.conftest import DISPLAY_TZ
from tests.ui.window.test_main_window import ROUND, action, press, select_round
from tracker.domain import identity
from tracker.services.factors.operations import new_factor
from tracker.services.records.edit_history import PAGE
from tracker.ui.window.change_log_dialog import ChangeLogDialog
from tracker.ui.window.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints",
                                       "This plugin does not support raise")


def _open_log(qtbot: QtBot, window: MainWindow) -> ChangeLogDialog:
    press(qtbot, window, "Ctrl+Shift+L")
    qtbot.waitUntil(lambda: window.change_log is not None and window.change_log.isVisible())
    assert window.change_log is not None
    return window.change_log


def _row(dialog: ChangeLogDialog, number: int) -> list[str]:
    model = dialog.model
    return [model.index(number, column).data() for column in range(model.columnCount())]


def test_a_delete_and_its_undo_appear_at_the_top_by_whom(
        qtbot: QtBot, window: MainWindow, qtmodeltester: ModelTester) -> None:
    identity.set_user_name("Desk Officer")
    try:
        dialog = _open_log(qtbot, window)
        qtmodeltester.check(dialog.model)
        loaded = dialog.model.rowCount()
        assert loaded > 0 and _row(dialog, 0)[2] == "Added"  # the sample, as it was loaded

        window.activateWindow()
        select_round(qtbot, window, ROUND)
        action(window, "delete-round-action").trigger()
        qtbot.waitUntil(lambda: _row(dialog, 0)[1] == "Desk Officer")
        when, _who, what, record, fields = _row(dialog, 0)
        assert (what, fields) == ("Changed", "deleted at")
        assert record == f"round #{ROUND} “Trilateral talks announced for the coming week”"
        local = datetime.now(ZoneInfo(DISPLAY_TZ))
        assert when.endswith(local.tzname() or "?")  # in the user's display zone

        window.workspace.undo_stack.undo()
        qtbot.waitUntil(lambda: dialog.model.rowCount() == loaded + 2)
        assert _row(dialog, 0)[2:] == ["Changed", record, "deleted at"]
        press(qtbot, window, "Ctrl+Shift+L")  # asked again: the same window, raised
        assert window.change_log is dialog
        window.set_display_zone("Asia/Tokyo")
        assert _row(dialog, 0)[0].endswith("JST")
    finally:
        identity.set_user_name("")


def test_older_entries_are_read_a_page_at_a_time(
        qtbot: QtBot, window: MainWindow, qtmodeltester: ModelTester) -> None:
    with window.workspace.db.transaction() as session:
        for number in range(PAGE + 30):
            new_factor(session, f"Factor {number:03d}")
    dialog = _open_log(qtbot, window)
    assert dialog.model.rowCount() == PAGE
    assert _row(dialog, 0)[3].endswith(f"“Factor {PAGE + 29:03d}”")
    assert dialog.model.canFetchMore()
    dialog.table.scrollToBottom()  # the view asks for more as the user scrolls
    qtbot.waitUntil(lambda: dialog.model.rowCount() > PAGE)
    while dialog.model.canFetchMore():
        dialog.model.fetchMore()
    qtmodeltester.check(dialog.model)
    ids = [entry.id for entry in (dialog.model.row_at(n) for n in
                                  range(dialog.model.rowCount())) if entry]
    assert ids == sorted(ids, reverse=True) and len(set(ids)) == len(ids)
    assert _row(dialog, dialog.model.rowCount() - 1)[2] == "Added"


def test_a_new_edit_goes_on_top_and_the_pages_read_stay(
        qtbot: QtBot, window: MainWindow, qtmodeltester: ModelTester) -> None:
    with window.workspace.db.transaction() as session:
        for number in range(PAGE + 30):
            new_factor(session, f"Factor {number:03d}")
    dialog = _open_log(qtbot, window)
    dialog.model.fetchMore()
    read = dialog.model.rowCount()
    assert read > PAGE
    qtmodeltester.check(dialog.model)

    window.activateWindow()
    select_round(qtbot, window, ROUND)
    action(window, "delete-round-action").trigger()
    qtbot.waitUntil(lambda: dialog.model.rowCount() == read + 1)
    assert _row(dialog, 0)[2:] == [
        "Changed", f"round #{ROUND} “Trilateral talks announced for the coming week”",
        "deleted at"]
    assert _row(dialog, 1)[3].endswith(f"“Factor {PAGE + 29:03d}”")  # the rest kept

    dialog.close()  # hidden, not destroyed: it reads nothing until shown again
    window.workspace.undo_stack.undo()
    assert dialog.model.rowCount() == read + 1
    _open_log(qtbot, window)
    assert dialog.model.rowCount() == read + 2 and _row(dialog, 0)[2] == "Changed"
