"""File › Export Archive… and File › Import Archive…: the whole database out and back in."""

from __future__ import annotations

import io
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from tracker.services.exports.archive import ArchiveSummary, export_archive, write_archive
from tracker.storage.database import Database
from tracker.ui.common.db_op import query_op
from tracker.ui.window import archive_actions
from tracker.ui.window.archive_actions import DEFAULT_NAME
from tracker.ui.window.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore(
    "This plugin does not support propagateSizeHints", "This plugin does not support raise",
    "This plugin does not support grabbing the keyboard")


def _archive_text(db: Database) -> str:
    stream = io.StringIO(newline="")
    with db.reading() as session:
        write_archive(session, stream)
    return stream.getvalue()


def _answers(monkeypatch: pytest.MonkeyPatch, *, save: list[str], open_: str = "",
             asked: list[str] | None = None) -> None:
    """Answer the file dialogs in turn; record the proposed names in *asked*."""
    def save_name(*args: Any, **_kwargs: Any) -> tuple[str, str]:
        if asked is not None:
            asked.append(args[2])
        return save.pop(0), ""
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_name))
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda *_args, **_kwargs: (open_, "")))


def _trigger(qtbot: QtBot, window: MainWindow, action: str) -> archive_actions.ArchiveActions:
    actions = archive_actions.for_window(window)
    with qtbot.waitSignal(actions.finished, timeout=20_000):
        window.action_map[action].trigger()
    return actions


def test_export_writes_the_archive_of_the_open_database(
        qtbot: QtBot, window: MainWindow, sample_db: Database, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[str] = []
    _answers(monkeypatch, save=[str(tmp_path / "all")], asked=asked)
    _trigger(qtbot, window, "export-archive-action")
    assert asked[0].endswith(DEFAULT_NAME)
    written = tmp_path / "all.json"
    assert written.read_text(encoding="utf-8") == _archive_text(sample_db)
    # 92 records (the seed's claim among them) and the 82 edit log entries that loading
    # the sample wrote.
    assert window.statusBar().currentMessage().startswith("Archive of 175 rows: 2 rounds, "
                                                          "7 events, 3 sources written to")


def test_import_fills_a_new_database_and_opens_it(
        qtbot: QtBot, window: MainWindow, sample_db: Database, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    archive = tmp_path / "sample.json"
    with sample_db.reading() as session:
        export_archive(session, archive)
    target = tmp_path / "copy"
    _answers(monkeypatch, save=[str(target)], open_=str(archive))
    questions: list[str] = []
    queued_ran: list[int] = []
    count_started_when_asked: list[bool] = []

    def yes(_parent: Any, _title: str, text: str, *_args: Any) -> QMessageBox.StandardButton:
        questions.append(text)
        current = window.workspace.runner.current()
        count_started_when_asked.append(
            bool(queued_ran) or (current is not None and current.noun == "the count"))
        return QMessageBox.StandardButton.Yes
    monkeypatch.setattr(QMessageBox, "question", staticmethod(yes))
    actions = archive_actions.for_window(window)
    with qtbot.waitSignal(actions.finished, timeout=20_000):
        window.action_map["import-archive-action"].trigger()
        # Queued behind the import: it must not wait for the question to be answered.
        window.workspace.runner.submit(
            query_op("Count", "the count", lambda _session: 1).on_success(queued_ran.append))
    qtbot.waitUntil(lambda: bool(questions))
    assert questions[0].endswith("Open it now?")
    assert count_started_when_asked == [True]
    qtbot.waitUntil(lambda: queued_ran == [1])
    qtbot.waitUntil(lambda: window.workspace.db is not sample_db)
    opened = window.workspace.db
    assert opened.url.database == str(target.with_suffix(".db"))
    assert _archive_text(opened) == archive.read_text(encoding="utf-8")
    assert window.rounds_view.model.rowCount() == 2  # the sample's two rounds, shown


def test_a_broken_archive_is_reported_and_leaves_no_database(
        qtbot: QtBot, window: MainWindow, sample_db: Database, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    archive = tmp_path / "cut.json"
    archive.write_text(_archive_text(sample_db)[:5000], encoding="utf-8")
    _answers(monkeypatch, save=[str(tmp_path / "new.db")], open_=str(archive))
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(
        lambda _parent, _title, text: warned.append(text)))
    actions = archive_actions.for_window(window)
    with qtbot.waitSignal(actions.failed, timeout=20_000):
        window.action_map["import-archive-action"].trigger()
    assert warned and "is it truncated?" in warned[0]
    assert not list(tmp_path.glob("new.db*"))
    assert window.workspace.db is sample_db


def test_an_existing_database_file_is_never_the_target(
        window: MainWindow, sample_db: Database, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    existing = tmp_path / "sample.db"  # the open database's own file
    before = existing.stat().st_mtime_ns
    _answers(monkeypatch, save=[str(existing)], open_=str(tmp_path / "any.json"))
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(
        lambda _parent, _title, text: warned.append(text)))
    window.action_map["import-archive-action"].trigger()
    assert warned and warned[0].startswith(f"{existing} already exists.")
    assert existing.stat().st_mtime_ns == before


class HeldAtFirstPage:
    """Wraps an archive service: its first progress report waits for the test."""

    def __init__(self, real: Callable[..., ArchiveSummary]) -> None:
        self.real = real
        self.reported = threading.Event()
        self.release = threading.Event()

    def __call__(self, *args: Any, progress: Callable[[str, int], None]) -> ArchiveSummary:
        def held(table: str, rows: int) -> None:
            if not self.reported.is_set():
                self.reported.set()
                assert self.release.wait(10), "the test never let the task go on"
            progress(table, rows)
        return self.real(*args, progress=held)


@pytest.mark.parametrize("task", ["export", "import"])
def test_cancel_in_the_status_bar_stops_an_archive_task_and_writes_nothing(
        qtbot: QtBot, window: MainWindow, sample_db: Database, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch, task: str) -> None:
    archive = tmp_path / "sample.json"
    with sample_db.reading() as session:
        export_archive(session, archive)
    if task == "export":
        held = HeldAtFirstPage(archive_actions.export_archive)
        monkeypatch.setattr(archive_actions, "export_archive", held)
        _answers(monkeypatch, save=[str(tmp_path / "out.json")])
        written = tmp_path / "out.json"
    else:
        held = HeldAtFirstPage(archive_actions.import_archive)
        monkeypatch.setattr(archive_actions, "import_archive", held)
        _answers(monkeypatch, save=[str(tmp_path / "new.db")], open_=str(archive))
        written = tmp_path / "new.db"
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(
        lambda _parent, _title, text: warned.append(text)))
    actions = archive_actions.for_window(window)
    status = window.work_status
    try:
        window.action_map[f"{task}-archive-action"].trigger()
        qtbot.waitUntil(held.reported.is_set)
        qtbot.waitUntil(status.isVisible)
        assert status.label.text() == f"Running the archive {task}…"
        qtbot.mouseClick(status.cancel_button, Qt.MouseButton.LeftButton)
        assert status.label.text() == "Cancelling…" and not status.cancel_button.isEnabled()
        with qtbot.waitSignal(actions.failed, timeout=20_000):
            held.release.set()
    finally:
        held.release.set()
    qtbot.waitUntil(status.isHidden)
    assert warned == []  # a cancel is no failure to warn about
    assert window.statusBar().currentMessage() == \
        "The archive task was cancelled; nothing was written"
    assert not list(tmp_path.glob(f"*{written.name}*"))  # no part-written file either
    assert window.workspace.db is sample_db


@pytest.mark.parametrize("stop", [True, False])
def test_closing_during_an_archive_export_asks_whether_to_stop_it_or_wait(
        qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        stop: bool) -> None:
    held = HeldAtFirstPage(archive_actions.export_archive)
    monkeypatch.setattr(archive_actions, "export_archive", held)
    written = tmp_path / "out.json"
    _answers(monkeypatch, save=[str(written)])
    asked: list[str] = []

    def ask(_title: str, text: str) -> bool:
        asked.append(text)
        held.release.set()  # the export goes on (and sees the cancel, if any) from here
        return stop

    window.ask = ask
    try:
        window.action_map["export-archive-action"].trigger()
        qtbot.waitUntil(held.reported.is_set)
        window.close()
    finally:
        held.release.set()
    assert asked == ["Stop the archive export? Nothing it began is kept.\n\n"
                     "No waits for it to finish."]
    assert not window.workspace.runner.is_busy()  # settled before the window closed
    assert written.exists() is not stop
    assert not list(tmp_path.glob(".out.json*"))  # no part-written file left behind
