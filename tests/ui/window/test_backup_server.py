"""File › Back Up… on a PostgreSQL team server: no file to copy, an archive offered instead."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from tests.ui.window.test_backup_and_close import Answers
from tests.ui.window.test_main_window import action
from tracker.ui.window.main_window import MainWindow

pytestmark = [pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
              pytest.mark.parametrize("backend", ["postgresql"], indirect=True)]


def _choose(monkeypatch: pytest.MonkeyPatch, target: Path) -> list[str]:
    offered: list[str] = []

    def save_name(_parent: Any, _title: str, suggested: str, _filter: str) -> tuple[str, str]:
        offered.append(suggested)
        return str(target), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_name))
    return offered


def test_back_up_on_a_server_offers_the_archive_and_writes_it(
        qtbot: QtBot, window: MainWindow, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "team-archive.json"
    offered = _choose(monkeypatch, target)
    window.ask = answers = Answers(True)

    action(window, "backup-action").trigger()

    assert len(answers.asked) == 1
    assert "is a database server" in answers.asked[0] and "pg_dump" in answers.asked[0]
    assert "postgresql://" in answers.asked[0]
    assert offered and offered[0].endswith(".json")
    qtbot.waitUntil(lambda: "written to" in window.statusBar().currentMessage(),
                    timeout=30_000)
    document = json.loads(target.read_text(encoding="utf-8"))
    tables = {table["name"]: table["rows"] for table in document["tables"]}
    assert len(tables["round"]) > 0 and len(tables["track"]) > 0
    assert window.statusBar().currentMessage().endswith(f"written to {target}")


def test_declining_the_archive_writes_nothing(
        qtbot: QtBot, window: MainWindow, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    offered = _choose(monkeypatch, tmp_path / "never.json")
    window.ask = answers = Answers(False)

    action(window, "backup-action").trigger()

    assert len(answers.asked) == 1
    assert offered == []  # no file was even asked for
    assert not (tmp_path / "never.json").exists()
