"""File › Export Archive… and File › Import Archive…: the whole database out and back in."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from tracker.services.archive import export_archive, write_archive
from tracker.storage.database import Database
from tracker.ui import archive_actions
from tracker.ui.archive_actions import DEFAULT_NAME
from tracker.ui.main_window import MainWindow

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
    # 91 records and the 82 edit log entries that loading the sample wrote.
    assert window.statusBar().currentMessage().startswith("Archive of 173 rows: 2 rounds, "
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

    def yes(_parent: Any, _title: str, text: str, *_args: Any) -> QMessageBox.StandardButton:
        questions.append(text)
        return QMessageBox.StandardButton.Yes
    monkeypatch.setattr(QMessageBox, "question", staticmethod(yes))
    _trigger(qtbot, window, "import-archive-action")
    assert questions and questions[0].endswith("Open it now?")
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
