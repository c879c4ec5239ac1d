"""Export Chronology… in the window (issue 19): progress as entries written of the
total, a Cancel that leaves no file, and every export noted for "changed since my last
export" (issue 17), as the command line's are."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from tests.ui.window.test_main_window import ok_button, open_dialog, press
from tracker.domain.imports import ExportRecord
from tracker.services.chronology.chronology import count_chronology
from tracker.services.exports.changes_since import last_export_at
from tracker.services.exports.export import ExportFormat
from tracker.storage.database import Database
from tracker.ui.common.db_op import DbOp, OpHandle
from tracker.ui.common.error_boundary import Failure
from tracker.ui.exports.export_dialog import ExportDialog, ExportRequest
from tracker.ui.exports.export_task import export_op
from tracker.ui.window.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def _records(db: Database) -> list[tuple[str, str]]:
    with db.reading() as session:
        return [(kind, destination) for kind, destination in session.execute(
            select(ExportRecord.kind, ExportRecord.destination).order_by(ExportRecord.id))]


def test_an_export_from_the_window_is_noted_as_the_last_export(
        qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    db = window.workspace.db
    with db.reading() as session:
        assert last_export_at(session) is None
    target = tmp_path / "february.csv"
    press(qtbot, window, "Ctrl+E")
    dialog = open_dialog(qtbot, window, ExportDialog)
    qtbot.keyClicks(dialog.path, str(target))
    with qtbot.waitSignal(window.export_finished, timeout=10_000):
        qtbot.mouseClick(ok_button(dialog), Qt.MouseButton.LeftButton)
    assert target.exists()
    assert _records(db) == [("csv", str(target))]
    with db.reading() as session:
        assert last_export_at(session) is not None


def test_the_export_tells_its_progress_as_entries_written_of_the_total(
        qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    db = window.workspace.db
    with db.reading() as session:
        total = count_chronology(session)
    updates: list[tuple[int, int]] = []
    done: list[int] = []
    op = export_op(ExportRequest(tmp_path / "all.csv", ExportFormat.CSV, None, None))
    assert op.can_cancel  # the status bar offers Cancel
    window.workspace.runner.submit(op.on_progress(updates.append).on_success(done.append))
    qtbot.waitUntil(lambda: bool(done), timeout=10_000)
    assert done == [total]
    assert updates and updates[0] == (0, total)
    assert all(written <= seen_total == total for written, seen_total in updates)


def test_cancel_leaves_no_file_and_notes_no_export(
        qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    runner = window.workspace.runner
    release = threading.Event()

    def hold(_db: Database, _handle: OpHandle) -> None:
        release.wait(10)

    # The runner is held busy, so the export waits in its queue and its Cancel is
    # pressed before it begins: no race with a small sample that is written at once.
    runner.submit(DbOp("Hold", "the hold", hold))
    folder = tmp_path / "exports"
    folder.mkdir()
    target = folder / "cancelled.csv"
    failures: list[Failure] = []
    handle = runner.submit(export_op(ExportRequest(target, ExportFormat.CSV, None, None))
                           .on_failure(failures.append))
    handle.cancel()
    release.set()
    qtbot.waitUntil(lambda: bool(failures), timeout=10_000)
    assert failures[0].cancelled
    assert not target.exists()
    assert list(folder.iterdir()) == []  # no temporary file left beside it either
    assert _records(window.workspace.db) == []
