"""File › Back Up…, a write lock held by another program, closing with unsaved input."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QFileDialog, QLineEdit
from pytestqt.qtbot import QtBot

from tests.conftest import sqlite_dump
from tests.ui.conftest import ReportedErrors
from tests.ui.window.test_main_window import ROUND, action, child, open_dialog, press, select_round
from tracker.storage import database as database_module
from tracker.ui.common.settings import Settings
from tracker.ui.rounds.round_dialogs import NewRoundDialog
from tracker.ui.window.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


class Answers:
    """Stands in for MainWindow.ask: records each question, gives the set answer."""

    def __init__(self, answer: bool) -> None:
        self.answer = answer
        self.asked: list[str] = []

    def __call__(self, _title: str, text: str) -> bool:
        self.asked.append(text)
        return self.answer


def open_new_round(qtbot: QtBot, window: MainWindow) -> NewRoundDialog:
    press(qtbot, window, "Ctrl+Shift+N")
    return open_dialog(qtbot, window, NewRoundDialog)


def test_closing_with_typed_input_asks_and_no_keeps_the_window(
        qtbot: QtBot, window: MainWindow) -> None:
    dialog = open_new_round(qtbot, window)
    qtbot.keyClicks(child(dialog, QLineEdit, "round-title"), "Talks in Geneva")
    answers = Answers(False)
    window.ask = answers

    window.close()

    assert answers.asked == ["Discard your unsaved input?"]
    assert window.isVisible() and dialog.isVisible()
    assert child(dialog, QLineEdit, "round-title").text() == "Talks in Geneva"

    answers.answer = True  # now the user gives the input up
    window.close()
    assert answers.asked == ["Discard your unsaved input?"] * 2
    assert not window.isVisible()


def test_closing_with_an_untouched_dialog_does_not_ask(qtbot: QtBot,
                                                       window: MainWindow) -> None:
    open_new_round(qtbot, window)
    answers = Answers(False)
    window.ask = answers

    window.close()

    assert answers.asked == []
    assert not window.isVisible()


def test_input_typed_back_to_what_it_was_is_not_unsaved(qtbot: QtBot,
                                                        window: MainWindow) -> None:
    dialog = open_new_round(qtbot, window)
    title = child(dialog, QLineEdit, "round-title")
    qtbot.keyClicks(title, "x")
    assert window.has_unsaved_input()
    title.clear()
    assert not window.has_unsaved_input()


def test_back_up_writes_the_open_database_to_the_chosen_file(
        qtbot: QtBot, window: MainWindow, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "chosen" / "talks-backup.db"
    target.parent.mkdir()
    offered: list[str] = []

    def save_name(_parent: Any, _title: str, suggested: str, _filter: str) -> tuple[str, str]:
        offered.append(suggested)
        return str(target), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_name))

    action(window, "backup-action").trigger()
    qtbot.waitUntil(lambda: window.statusBar().currentMessage() == f"Backed up to {target}")

    database = Path(str(window.workspace.db.url.database))
    assert Path(offered[0]).parent == database.parent
    assert Path(offered[0]).name.startswith("sample-backup-")
    assert sqlite_dump(target) == sqlite_dump(database)


def test_a_write_lock_held_by_another_program_is_reported_and_nothing_changes(
        qtbot: QtBot, window: MainWindow, no_modal_boxes: ReportedErrors,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(database_module, "BUSY_TIMEOUT_MS", 50)
    window.workspace.db.engine.dispose()  # new connections wait 50 ms, not 5 s
    select_round(qtbot, window, ROUND)
    blocker = sqlite3.connect(str(window.workspace.db.url.database), timeout=0)
    try:
        blocker.execute("BEGIN IMMEDIATE")
        action(window, "delete-round-action").trigger()
    finally:
        blocker.rollback()
        blocker.close()

    assert len(no_modal_boxes) == 1
    assert "Another program (or another Negotiation Tracker window) is writing to " \
           "sample.db; try again in a moment" in no_modal_boxes[0]
    assert window.workspace.undo_stack.count() == 0
    assert window.rounds_view.select_round(ROUND)  # still there: the delete did not happen


def test_opening_a_database_that_was_upgraded_says_where_the_copy_is(
        window: MainWindow, tmp_path: Path) -> None:
    from tests.storage.test_backup import older_database
    from tracker.storage.database import open_database

    path = tmp_path / "old.db"
    older_database(path)
    upgraded = open_database(path)
    assert upgraded.migration_backup is not None

    window.switch_database(upgraded, remember=False)

    assert window.statusBar().currentMessage() == (
        f"Opened {upgraded.label}; it was upgraded, and a copy as it was is in "
        f"{upgraded.migration_backup}")


def test_your_name_is_what_changes_are_recorded_under_now_and_next_time(
        qtbot: QtBot, window: MainWindow, settings: Settings,
        monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QInputDialog

    from tracker.domain import identity
    from tracker.services import rounds
    from tracker.services import rounds as schedule_service
    from tracker.ui.common import settings as options
    from tracker.ui.common.workspace import Topic

    monkeypatch.setattr(identity, "_preferred", "")  # the module's state, put back after
    window.action_map["user-name-action"].trigger()
    dialog = window.dialog
    assert isinstance(dialog, QInputDialog)
    dialog.setTextValue("  Olena   K. ")
    dialog.accept()
    assert identity.user_name() == "Olena K."
    assert settings.get(options.USER_NAME) == "Olena K."
    window.workspace.write(lambda s: schedule_service.postpone(
        s, 2, schedule_service.ChangeNote(reason="talks off")), Topic.ROUNDS)
    last = window.workspace.read(lambda s: rounds.history(s, 2))[-1]
    assert last.recorded_by == "Olena K."
    # Empty: back to the computer login, remembered as empty.
    window.set_user_name("")
    assert identity.user_name() == identity.os_user()
    assert settings.get(options.USER_NAME) == ""
