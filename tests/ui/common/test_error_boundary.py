"""The window's one error boundary shows what it is given literally (messages quote titles
the user typed) and says what a failure left, in the caller's words."""

from __future__ import annotations

import errno
import sqlite3
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from tests.ui.common.test_plain_text import shown
from tracker.domain.errors import TrackerError
from tracker.ui.common.error_boundary import Failure, show_failure

TYPED = "<b>Talks</b> in <Geneva> & Vienna"


def test_show_failure_shows_a_typed_title_literally(
        qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    boxes: list[tuple[str, str]] = []

    def warning(_parent: Any, title: str, text: str) -> None:
        boxes.append((title, text))
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(warning))

    failure = Failure.of(TrackerError(f"“{TYPED}” was changed by someone else"),
                         title="Export")
    show_failure(parent, "Export Failed", failure)
    show_failure(parent, "Import Failed", failure, outcome=f"“{TYPED}” was not imported.")
    # Whitespace is Qt's to lay out; every typed character is shown as typed.
    assert [(title, shown(text).split()) for title, text in boxes] == [
        ("Export Failed", f"Nothing was written. “{TYPED}” was changed by someone else"
         .split()),
        ("Import Failed", f"“{TYPED}” was not imported. “{TYPED}” was changed by someone "
                          "else".split()),
    ]


def test_a_full_disk_is_said_as_such_naming_the_folder(tmp_path: Any) -> None:
    """Issue 14: a full disk during an import or a backup reached the user as a traceback."""
    written = Failure.of(OSError(errno.ENOSPC, "No space left on device",
                                 str(tmp_path / "export.csv")), title="Export")
    assert written.message.startswith("The disk is full")
    assert str(tmp_path) in written.message
    driver = Failure.of(sqlite3.OperationalError("database or disk is full"), title="Import")
    assert "the database is as it was: the disk is full" in driver.message
