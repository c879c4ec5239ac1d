"""File › Export Schedule… writes the rounds' calendar where the user chose."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from icalendar import Calendar
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from tracker.services import rounds
from tracker.storage.database import Database
from tracker.ui.common.db_op import DbOp, OpHandle
from tracker.ui.exports.schedule_export import DEFAULT_NAME
from tracker.ui.window.main_window import MainWindow

# The offscreen platform's notes about window management, not ours.
pytestmark = pytest.mark.qt_log_ignore(
    "This plugin does not support propagateSizeHints", "This plugin does not support raise",
    "This plugin does not support grabbing the keyboard")


def _answer_save_dialog(monkeypatch: pytest.MonkeyPatch, answer: str,
                        asked: list[str]) -> None:
    def save_name(*args: Any) -> tuple[str, str]:
        asked.append(args[2])  # the proposed file
        return answer, "iCalendar files (*.ics)"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_name))


def _trigger(window: MainWindow) -> None:
    window.action_map["export-schedule-action"].trigger()


def test_the_schedule_is_written_with_the_extension_calendars_expect(
        qtbot: QtBot, window: MainWindow, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[str] = []
    _answer_save_dialog(monkeypatch, str(tmp_path / "talks"), asked)
    with qtbot.waitSignal(window.statusBar().messageChanged) as shown:
        _trigger(window)
    written = tmp_path / "talks.ics"
    assert asked[0].endswith(DEFAULT_NAME)
    events = Calendar.from_ical(written.read_bytes()).walk("VEVENT")
    assert len(events) == 1
    assert "Exported 1 round to" in shown.args[0] and "date unknown" in shown.args[0]


def test_a_deleted_round_is_sent_as_cancelled_and_said_so(
        qtbot: QtBot, window: MainWindow, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    with window.workspace.db.transaction() as session:
        rounds.delete(session, 2, rounds.ChangeNote("entered twice"))  # the week round
    _answer_save_dialog(monkeypatch, str(tmp_path / "talks.ics"), [])
    with qtbot.waitSignal(window.statusBar().messageChanged) as shown:
        _trigger(window)
    [event] = Calendar.from_ical((tmp_path / "talks.ics").read_bytes()).walk("VEVENT")
    assert str(event["status"]) == "CANCELLED"
    assert shown.args[0].startswith("Exported 0 rounds to")
    assert "sent as cancelled: Trilateral talks announced for the coming week" in shown.args[0]


def test_an_unwritable_place_is_reported_and_nothing_written(
        qtbot: QtBot, window: MainWindow, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    _answer_save_dialog(monkeypatch, str(tmp_path / "missing" / "talks.ics"), [])
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(
        lambda _parent, _title, text: warned.append(text)))
    _trigger(window)
    qtbot.waitUntil(lambda: bool(warned))
    assert warned[0].startswith("Nothing was written.")
    assert not (tmp_path / "missing").exists()


def test_closing_the_window_before_the_export_ran_opens_no_box(
        qtbot: QtBot, window: MainWindow, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The export queued behind other work is dropped when the window closes: said in
    the status bar, never in a modal box (the window fixture refuses any)."""
    _answer_save_dialog(monkeypatch, str(tmp_path / "talks.ics"), [])
    started = threading.Event()

    def hold(_db: Database, handle: OpHandle) -> None:
        started.set()
        while not handle.cancel_event.wait(0.01):
            pass

    runner = window.workspace.runner
    runner.submit(DbOp("Hold", "the hold", hold).cancelled_on_leave())
    qtbot.waitUntil(started.is_set)
    _trigger(window)
    assert runner.is_busy()
    said: list[str] = []
    window.statusBar().messageChanged.connect(said.append)
    window.close()
    assert not runner.is_busy()
    assert "The export did not finish; nothing was written" in said
    assert not (tmp_path / "talks.ics").exists()
