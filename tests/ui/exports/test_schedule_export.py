"""File › Export Schedule… writes the rounds' calendar where the user chose."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from icalendar import Calendar
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

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
