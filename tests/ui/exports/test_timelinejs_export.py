"""File › Export Timeline for the Web… writes the TimelineJS data and its page."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from tests.ui.conftest import DISPLAY_TZ
from tracker.ui.exports.timelinejs_export import DEFAULT_NAME, data_path
from tracker.ui.window.main_window import MainWindow

# The offscreen platform's notes about window management, not ours.
pytestmark = pytest.mark.qt_log_ignore(
    "This plugin does not support propagateSizeHints", "This plugin does not support raise",
    "This plugin does not support grabbing the keyboard")


def _answer_save_dialog(monkeypatch: pytest.MonkeyPatch, answer: str,
                        asked: list[str]) -> None:
    def save_name(*args: Any) -> tuple[str, str]:
        asked.append(args[2])  # the proposed file
        return answer, "TimelineJS data (*.json)"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_name))


def _trigger(window: MainWindow) -> None:
    window.action_map["export-timeline-action"].trigger()


def test_the_file_menu_writes_data_and_page_in_the_windows_zone(
        qtbot: QtBot, window: MainWindow, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[str] = []
    _answer_save_dialog(monkeypatch, str(tmp_path / "talks"), asked)
    with qtbot.waitSignal(window.statusBar().messageChanged) as shown:
        _trigger(window)
    assert asked[0].endswith(DEFAULT_NAME)
    data = json.loads((tmp_path / "talks.json").read_text(encoding="utf-8"))
    assert len(data["events"]) == 13 and len(data["eras"]) == 1
    assert f"wall-clock times in {DISPLAY_TZ}" in data["title"]["text"]["text"]
    assert (tmp_path / "talks.html").is_file()
    message = shown.args[0]
    assert "1 round, 2 schedule changes, 3 factor readings and 7 events" in message
    assert str(tmp_path / "talks.html") in message and DISPLAY_TZ in message
    assert "date unknown: Earlier talks" in message


def test_an_unwritable_place_is_reported_and_nothing_written(
        qtbot: QtBot, window: MainWindow, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    _answer_save_dialog(monkeypatch, str(tmp_path / "missing" / "talks.json"), [])
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(
        lambda _parent, _title, text: warned.append(text)))
    _trigger(window)
    qtbot.waitUntil(lambda: bool(warned))
    assert warned[0].startswith("Nothing was written.")
    assert not (tmp_path / "missing").exists()


def test_the_data_file_is_a_json_file_whatever_was_typed() -> None:
    assert data_path("/a/t.json") == Path("/a/t.json")
    assert data_path("/a/t.HTML") == Path("/a/t.json")
    assert data_path("/a/t.v2") == Path("/a/t.v2.json")


def _fake_package(root: Path) -> Path:
    for name, content in (("dist/js/timeline.js", "var TL = {};"),
                          ("dist/css/timeline.css", "a{}")):
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(content, encoding="utf-8")
    return root


def _answer_folder_dialog(monkeypatch: pytest.MonkeyPatch, answer: str) -> None:
    monkeypatch.setattr(QFileDialog, "getExistingDirectory",
                        staticmethod(lambda *_args: answer))


def test_the_offline_export_copies_timelinejs_beside_the_page(
        qtbot: QtBot, window: MainWindow, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    _answer_folder_dialog(monkeypatch, str(_fake_package(tmp_path / "timelinejs")))
    _answer_save_dialog(monkeypatch, str(tmp_path / "talks"), [])
    with qtbot.waitSignal(window.statusBar().messageChanged) as shown:
        window.action_map["export-timeline-offline-action"].trigger()
    assert "it works offline" in shown.args[0]
    assert (tmp_path / "talks_files" / "js" / "timeline.js").is_file()
    page = (tmp_path / "talks.html").read_text(encoding="utf-8")
    assert 'src="talks_files/js/timeline.js"' in page
    assert "cdn.knightlab.com" not in page and 'font: ""' in page


def test_a_folder_that_is_not_timelinejs_is_refused_before_anything_is_asked(
        qtbot: QtBot, window: MainWindow, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    _answer_folder_dialog(monkeypatch, str(tmp_path))
    asked: list[str] = []
    _answer_save_dialog(monkeypatch, str(tmp_path / "talks"), asked)
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(
        lambda _parent, _title, text: warned.append(text)))
    window.action_map["export-timeline-offline-action"].trigger()
    qtbot.waitUntil(lambda: bool(warned))
    assert "not a TimelineJS package" in warned[0]
    assert asked == [] and not list(tmp_path.glob("talks*"))
