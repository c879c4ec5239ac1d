"""File › Import Calendar…: the file chosen is imported as one undo step, with a message
saying what it did; a broken file is refused with nothing pushed."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox
from pytestqt.qtbot import QtBot

from tracker.domain.enums import Precision, RoundStatus
from tracker.domain.negotiation import Round
from tracker.services.exports.schedule_calendar import round_uid, schedule_calendar
from tracker.ui.common import settings as options
from tracker.ui.window.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore(
    "This plugin does not support propagateSizeHints", "This plugin does not support raise",
    "This plugin does not support grabbing the keyboard")

WEEK_ROUND = 2


def _answer_open_dialog(monkeypatch: pytest.MonkeyPatch, answer: str) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(
        lambda *_args: (answer, "iCalendar files (*.ics)")))


def _boxes(monkeypatch: pytest.MonkeyPatch) -> dict[str, list[str]]:
    shown: dict[str, list[str]] = {"information": [], "warning": []}
    for kind in shown:
        monkeypatch.setattr(QMessageBox, kind, staticmethod(
            lambda _parent, _title, text, kind=kind: shown[kind].append(text)))
    return shown


def _moved_calendar(window: MainWindow, path: Path) -> Path:
    calendar = window.workspace.read(lambda session: schedule_calendar(session).calendar)
    [event] = [e for e in calendar.walk("VEVENT") if str(e["uid"]) == round_uid(WEEK_ROUND)]
    for name, value in (("dtstart", datetime(2026, 2, 5, 9, 0, tzinfo=ZoneInfo("Europe/Kyiv"))),
                        ("dtend", datetime(2026, 2, 5, 13, 0, tzinfo=ZoneInfo("Europe/Kyiv"))),
                        ("sequence", 1), ("summary", "Talks moved to Thursday")):
        event.pop(name)
        event.add(name, value)
    path.write_bytes(calendar.to_ical())
    return path


def _round(window: MainWindow) -> tuple[Precision, datetime | None, str, RoundStatus]:
    def read(session: Any) -> tuple[Precision, datetime | None, str, RoundStatus]:
        round_ = session.get(Round, WEEK_ROUND)
        return round_.window.precision, round_.window.start, round_.title, round_.status
    return window.workspace.read(read)


def test_the_menu_action_imports_and_undo_takes_it_back(
        qtbot: QtBot, window: MainWindow, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    _answer_open_dialog(monkeypatch, str(_moved_calendar(window, tmp_path / "moved.ics")))
    shown = _boxes(monkeypatch)
    before = _round(window)
    action = window.action_map["import-calendar-action"]
    assert [menu.title() for menu in action.associatedObjects()
            if isinstance(menu, QMenu)] == ["&File"]
    action.trigger()  # read and imported on the runner, then said
    qtbot.waitUntil(lambda: bool(shown["information"]))
    assert (window.statusBar().currentMessage()
            == "moved.ics: 0 added, 1 updated, 0 unchanged, 0 refused")
    assert shown["information"][0].startswith("0 rounds added, 1 updated, 0 unchanged")
    # 09:00 in Kyiv (UTC+2) is 07:00 UTC.
    assert _round(window) == (Precision.EXACT, datetime(2026, 2, 5, 7, tzinfo=UTC),
                              "Talks moved to Thursday", RoundStatus.SCHEDULED)
    stack = window.workspace.undo_stack
    assert (stack.count(), stack.undoText()) == (1, "Import “moved.ics”")
    window.action_map["undo-action"].trigger()
    assert _round(window) == before
    window.action_map["redo-action"].trigger()
    assert _round(window)[2] == "Talks moved to Thursday"
    assert window.settings.get(options.IMPORT_FOLDER) == str(tmp_path)


def test_a_calendar_that_changes_nothing_leaves_no_undo_step(
        qtbot: QtBot, window: MainWindow, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "same.ics"
    path.write_bytes(window.workspace.read(
        lambda session: schedule_calendar(session).calendar.to_ical()))
    _answer_open_dialog(monkeypatch, str(path))
    shown = _boxes(monkeypatch)
    window.action_map["import-calendar-action"].trigger()
    qtbot.waitUntil(lambda: bool(shown["information"]))
    assert shown["information"][0].startswith("0 rounds added, 0 updated, 1 unchanged")
    assert window.workspace.undo_stack.count() == 0


def test_a_broken_file_is_refused_with_its_line_and_nothing_pushed(
        qtbot: QtBot, window: MainWindow, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "broken.ics"
    path.write_text("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\n", encoding="utf-8")
    _answer_open_dialog(monkeypatch, str(path))
    shown = _boxes(monkeypatch)
    before = _round(window)
    window.action_map["import-calendar-action"].trigger()
    qtbot.waitUntil(lambda: bool(shown["warning"]))
    assert shown["warning"] == [
        "Nothing was imported.\n\nbroken.ics, line 2: BEGIN:VEVENT has no END "
        "(the file is cut short?)"]
    assert window.workspace.undo_stack.count() == 0
    assert _round(window) == before


def test_cancelling_the_file_dialog_does_nothing(
        window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    _answer_open_dialog(monkeypatch, "")
    window.action_map["import-calendar-action"].trigger()  # no box: no_modal_boxes agrees
    assert window.workspace.undo_stack.count() == 0


def _many_events(path: Path, count: int) -> Path:
    events = "".join(
        f"BEGIN:VEVENT\r\nUID:bulk-{n}@example.org\r\nDTSTAMP:20260101T000000Z\r\n"
        f"DTSTART:20260301T{n % 10:02d}0000Z\r\nSUMMARY:Round {n}\r\nEND:VEVENT\r\n"
        for n in range(count))
    path.write_text(f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n{events}"
                    "END:VCALENDAR\r\n", encoding="utf-8")
    return path


def _round_count(window: MainWindow) -> int:
    return window.workspace.read(lambda session: session.query(Round).count())


def test_a_large_calendar_is_imported_off_the_gui_thread_with_progress(
        qtbot: QtBot, window: MainWindow, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 14, F6: the import ran on the GUI thread with no progress and no Cancel."""
    _answer_open_dialog(monkeypatch, str(_many_events(tmp_path / "bulk.ics", 300)))
    shown = _boxes(monkeypatch)
    before = _round_count(window)
    messages: list[str] = []
    window.statusBar().messageChanged.connect(messages.append)
    window.action_map["import-calendar-action"].trigger()
    # The trigger returned at once: the import runs on the runner, edits paused.
    assert window.workspace.runner.current() is not None
    assert window.workspace.runner.pause_reason().startswith("bulk.ics is being imported")
    qtbot.waitUntil(lambda: bool(shown["information"]), timeout=60_000)
    assert messages[0] == "Reading bulk.ics…"
    assert messages[-1] == "bulk.ics: 300 added, 0 updated, 0 unchanged, 0 refused"
    assert _round_count(window) == before + 300
    window.action_map["undo-action"].trigger()
    assert window.workspace.undo_stack.undoText() == ""


def test_cancel_rolls_the_calendar_import_back(
        qtbot: QtBot, window: MainWindow, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    _answer_open_dialog(monkeypatch, str(_many_events(tmp_path / "bulk.ics", 300)))
    _boxes(monkeypatch)
    before = _round_count(window)
    runner = window.workspace.runner
    window.action_map["import-calendar-action"].trigger()
    runner.cancel_current()  # the status bar's Cancel
    qtbot.waitUntil(lambda: not runner.is_busy())
    assert window.statusBar().currentMessage() == (
        "The import of bulk.ics was cancelled; nothing was imported")
    assert _round_count(window) == before
    assert window.workspace.undo_stack.count() == 0
