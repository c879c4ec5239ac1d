"""The import's progress dialog and Cancel, closing the window mid-import, and Save Report."""

from __future__ import annotations

import csv
import multiprocessing
import re
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from tests.ui.imports.test_import_dialog import (
    acled_file,
    click,
    close,
    dump,
    finish,
    start_import,
)
from tests.ui.window.test_main_window import open_dialog, status_text
from tracker.services.imports.importing import ImportProgress
from tracker.ui.imports import import_task
from tracker.ui.imports.import_progress import ImportProgressDialog, describe_progress, duration
from tracker.ui.window.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
LeftButton = Qt.MouseButton.LeftButton


class Gate:
    """Holds the import after each batch it reports until the test opens the gate, so the
    test acts "in the middle" of an import without racing it."""

    def __init__(self) -> None:
        self.reported = threading.Event()
        self.opened = threading.Event()

    def install(self, monkeypatch: pytest.MonkeyPatch) -> None:
        real: Callable[..., Any] = import_task.import_events

        def held(*args: Any, progress: Callable[[ImportProgress], None],
                 **kwargs: Any) -> Any:
            def report(update: ImportProgress) -> None:
                progress(update)
                self.reported.set()
                assert self.opened.wait(10), "the test never opened the gate"

            return real(*args, progress=report, **kwargs)

        monkeypatch.setattr(import_task, "import_events", held)


@pytest.fixture
def gate(monkeypatch: pytest.MonkeyPatch) -> Iterator[Gate]:
    held = Gate()
    held.install(monkeypatch)
    yield held
    held.opened.set()  # never leave the worker waiting, whatever the test did


def test_cancel_in_the_middle_leaves_the_database_exactly_as_it_was(
        qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        gate: Gate) -> None:
    # Twelve batches of 5,000: a file large enough to be read in a second process, which
    # runs at most a few batches ahead of the writer.
    path = acled_file(tmp_path, 60_000)
    before = dump(window)
    dialog = start_import(qtbot, window, path, monkeypatch)
    click(qtbot, dialog.ok_button)
    progress = open_dialog(qtbot, window, ImportProgressDialog)
    assert progress.title_label.text() == "Importing acled.csv…"

    # The first batch is written (inside the transaction) and shown while the worker
    # holds (the reader thread may be a few batches ahead of it): the window is live,
    # the numbers arrive through the queued signal.
    qtbot.waitUntil(lambda: progress.counts_label.text()[:1].isdigit())
    assert re.fullmatch(r"[1-9][\d,]* records · [\d,]+ records/s · .+",
                        progress.counts_label.text())
    assert 0 < progress.bar.value() < progress.bar.maximum()
    assert window.importer.is_busy()
    assert "tracker import reader" in _children()
    click(qtbot, progress.cancel_button)
    assert progress.is_cancelling()
    assert progress.cancel_button.text() == "Cancelling…"
    assert progress.isVisible()  # until the worker says it has rolled back
    gate.opened.set()

    qtbot.waitUntil(lambda: window.dialog is None and not window.importer.is_busy())
    assert status_text(window) == "Import of acled.csv cancelled. The database is unchanged."
    assert dump(window) == before
    assert window.events_view.model.total == 7
    assert "tracker import reader" not in _children()  # stopped with the import


def _children() -> list[str]:
    return [child.name for child in multiprocessing.active_children()]


def test_escape_cancels_too_and_closing_the_window_cancels_a_running_import(
        qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        gate: Gate) -> None:
    path = acled_file(tmp_path, 12_000)
    before = dump(window)
    dialog = start_import(qtbot, window, path, monkeypatch)
    click(qtbot, dialog.ok_button)
    progress = open_dialog(qtbot, window, ImportProgressDialog)
    qtbot.waitUntil(gate.reported.is_set)
    qtbot.keyClick(progress, Qt.Key.Key_Escape)
    assert progress.is_cancelling() and progress.isVisible()

    # Closing the window waits for the cancelled import to roll back.
    runner = window.workspace.runner
    real_wait = runner.wait

    def wait(msecs: int = -1) -> bool:
        gate.opened.set()
        return real_wait(msecs)

    monkeypatch.setattr(runner, "wait", wait)
    window.close()
    assert not runner.is_busy()
    assert QApplication.overrideCursor() is None  # the wait cursor is gone again
    assert dump(window) == before


def test_save_report_writes_the_counts_and_every_rejected_row(
        qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        qtmodeltester: ModelTester) -> None:
    path = acled_file(tmp_path, 6)
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[2] = lines[2].replace(lines[2].split(",")[1], "=1+2", 1)  # line 3: no date
    lines[5] = ",".join(lines[5].split(",")[:4]) + "\n"  # line 6: cut off
    path.write_text("".join(lines), encoding="utf-8")
    dialog = start_import(qtbot, window, path, monkeypatch)
    click(qtbot, dialog.ok_button)
    result = finish(qtbot, window)
    assert result.counts_label.text() == "4 added · 0 updated · 0 unchanged · 2 rejected"
    model = result.model
    qtmodeltester.check(model)
    assert [[model.index(row, column).data() for column in range(3)]
            for row in range(model.rowCount())] == [
        ["3", "event_date", "'=1+2' is not a date"],
        ["6", "", "has 4 fields; the header has 31 (the file may be cut off)"]]
    assert result.table.isVisible()

    target = tmp_path / "reports" / "feb-report"
    target.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(
        lambda *_args: (str(target), "CSV spreadsheet (*.csv)")))
    click(qtbot, result.save_button)
    saved = target.with_suffix(".csv")  # the filter's suffix is added
    assert result.saved_to == saved
    assert result.saved_label.text() == f"Report saved to {saved}"
    with saved.open(encoding="utf-8", newline="") as stream:
        rows = list(csv.reader(stream))
    assert rows[0][:5] == ["file", "layout", "dataset", "encoding", "records"]
    assert rows[1][4:] == ["6", "4", "0", "0", "2"]
    assert rows[-2:] == [["3", "event_date", "'=1+2' is not a date"],
                         ["6", "", "has 4 fields; the header has 31 (the file may be cut off)"]]

    # A folder that is gone is said in the dialog, which stays open.
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(
        lambda *_args: (str(tmp_path / "gone" / "r.csv"), "CSV spreadsheet (*.csv)")))
    click(qtbot, result.save_button)
    assert result.save_error.isVisible()
    assert result.save_error.text().startswith("The report was not saved: ")
    close(qtbot, window, result)


def test_the_progress_text_counts_rows_rate_and_time_left(qtbot: QtBot) -> None:
    early = ImportProgress(records=5000, lines_read=5001, total_lines=1_000_001, elapsed=0.4)
    assert describe_progress(early) == \
        "5,000 records · 12,500 records/s · estimating the time left"
    later = ImportProgress(records=250_000, lines_read=250_001, total_lines=1_000_001,
                           elapsed=20.0)
    assert describe_progress(later) == \
        "250,000 records · 12,500 records/s · about 1 min left"
    assert [duration(s) for s in (0.2, 42.4, 150, 7200)] == \
        ["about 1 s", "about 42 s", "about 2 min", "about 2.0 h"]

    dialog = ImportProgressDialog(Path("big.csv"))
    qtbot.addWidget(dialog)
    assert dialog.bar.maximum() == 0  # busy while the file is scanned
    dialog.show_progress(later)
    assert dialog.bar.value() == 250
    done = ImportProgress(records=1_000_000, lines_read=1_000_001, total_lines=1_000_001,
                          elapsed=80.0)
    dialog.show_progress(done)
    assert dialog.counts_label.text() == \
        "1,000,000 records read · saving them to the database…"
    assert dialog.bar.maximum() == 0
    with qtbot.waitSignal(dialog.cancel_requested):
        dialog.reject()
    with qtbot.assertNotEmitted(dialog.cancel_requested):
        dialog.reject()  # once is enough
    dialog.finish()
    assert dialog.isHidden()
