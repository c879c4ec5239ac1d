"""The three main jobs done with the keyboard alone (issue 16, "Dark mode and
accessibility"): open a database, reschedule a round and undo it, export the chronology.

Only keys reach the window here (qtbot.keyClick, keyClicks, keySequence): no mouse, no
slot called directly; the test reads the window's state to know where it is and waits
with waitUntil/waitSignal.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QFileDialog, QPlainTextEdit, QWidget
from pytestqt.qtbot import QtBot

from tracker.services import rounds
from tracker.services.common.sample_scenarios import SampleScenario, build_sample_file
from tracker.ui.exports.export_dialog import ExportDialog
from tracker.ui.rounds.round_dialogs import ScheduleChangeDialog
from tracker.ui.rounds.rounds_model import RoundIdRole
from tracker.ui.window.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore(
    "This plugin does not support (propagateSizeHints|raise|grabbing the keyboard)")

# Taken before the no_modal_boxes fixture turns it into a failure: File › Open asks here.
REAL_GET_OPEN_FILE_NAME = QFileDialog.getOpenFileName
ROUND_TITLE = "Trilateral talks announced for the coming week"
Key = Qt.Key
ALT = Qt.KeyboardModifier.AltModifier


@pytest.fixture
def qt_file_dialogs() -> Iterator[None]:
    """Qt's own file dialog, whatever the platform: keys reach it like any dialog."""
    attribute = Qt.ApplicationAttribute.AA_DontUseNativeDialogs
    was = QCoreApplication.testAttribute(attribute)
    QCoreApplication.setAttribute(attribute, True)
    yield
    QCoreApplication.setAttribute(attribute, was)


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def press(qtbot: QtBot, key: Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
          ) -> None:
    """*key* where the focus is, as the keyboard would send it."""
    qtbot.keyClick(focused(), key, modifier)


def shortcut(qtbot: QtBot, window: MainWindow, keys: str | QKeySequence.StandardKey) -> None:
    qtbot.keySequence(focused() if QApplication.focusWidget() else window, QKeySequence(keys))


def type_text(qtbot: QtBot, text: str) -> None:
    qtbot.keyClicks(focused(), text)


def test_open_a_database_with_the_keyboard(
        qtbot: QtBot, window: MainWindow, tmp_path: Path, qt_file_dialogs: None,
        monkeypatch: pytest.MonkeyPatch) -> None:
    other = tmp_path / "talks-2022.db"
    build_sample_file(other, SampleScenario.TALKS_2022)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", REAL_GET_OPEN_FILE_NAME)
    typed: list[str] = []

    def type_the_path() -> None:
        # File › Open's dialog is modal: this runs inside its event loop.
        qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), QFileDialog))
        dialog = QApplication.activeModalWidget()
        qtbot.waitUntil(lambda: dialog.focusWidget() is not None and dialog.isActiveWindow())
        typed.append(focused().objectName())
        type_text(qtbot, str(other))
        # The first Enter may take the completion the file name field offers; the next
        # one opens the file, as for a user.
        for _ in range(2):
            if dialog.isVisible():
                press(qtbot, Key.Key_Return)

    qtbot.waitUntil(window.isActiveWindow)
    QTimer.singleShot(0, type_the_path)
    with qtbot.waitSignal(window.workspace.database_replaced, timeout=10_000):
        shortcut(qtbot, window, QKeySequence.StandardKey.Open)
    assert typed == ["fileNameEdit"]
    assert Path(str(window.workspace.db.url.database)) == other
    qtbot.waitUntil(lambda: window.rounds_view.proxy.rowCount() > 0)


def _current_title(window: MainWindow) -> str:
    return str(window.rounds_view.table.currentIndex().siblingAtColumn(0).data() or "")


def test_reschedule_a_round_and_undo_it_with_the_keyboard(
        qtbot: QtBot, window: MainWindow) -> None:
    view = window.rounds_view
    qtbot.waitUntil(window.isActiveWindow)
    shortcut(qtbot, window, "Ctrl+1")  # View › Rounds
    qtbot.waitUntil(lambda: view.isAncestorOf(focused()))
    # Tab until the rounds table has the focus, then arrows to the round.
    for _ in range(10):
        if focused() is view.table:
            break
        press(qtbot, Key.Key_Tab)
    assert focused() is view.table, f"Tab never reached the table ({focused()})"
    press(qtbot, Key.Key_Home)
    for _ in range(view.proxy.rowCount()):
        if _current_title(window) == ROUND_TITLE:
            break
        press(qtbot, Key.Key_Down)
    assert _current_title(window) == ROUND_TITLE
    round_id = view.table.currentIndex().data(RoundIdRole)
    before = window.workspace.read(lambda s: rounds.round_row(s, round_id)).window

    # Escape closes the dialog untouched, and the keyboard is back on the round.
    shortcut(qtbot, window, "Ctrl+R")  # Edit › Reschedule…
    qtbot.waitUntil(lambda: isinstance(window.dialog, ScheduleChangeDialog)
                    and window.dialog.isActiveWindow())
    press(qtbot, Key.Key_Escape)
    qtbot.waitUntil(lambda: window.dialog is None and focused() is view.table)
    assert not window.workspace.undo_stack.canUndo()

    shortcut(qtbot, window, "Ctrl+R")
    qtbot.waitUntil(lambda: isinstance(window.dialog, ScheduleChangeDialog)
                    and window.dialog.isActiveWindow())
    dialog = window.dialog
    assert focused().objectName() == "window-text"  # When: the first field
    press(qtbot, Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_text(qtbot, "6 Feb 2026 15:00")
    press(qtbot, Key.Key_A, ALT)  # Re&ason
    assert isinstance(focused(), QPlainTextEdit)
    type_text(qtbot, "The mediator asked for one more day")
    with qtbot.waitSignal(dialog.finished, timeout=5000):
        press(qtbot, Key.Key_R, ALT)  # &Reschedule
    qtbot.waitUntil(lambda: window.workspace.read(
        lambda s: rounds.round_row(s, round_id)).window != before)
    after = window.workspace.read(lambda s: rounds.round_row(s, round_id))
    assert after.window.describe().startswith("6 Feb 2026 15:00")
    # Back in the window, on the same round, the focus where it was.
    qtbot.waitUntil(lambda: focused() is view.table)
    assert _current_title(window) == ROUND_TITLE

    assert window.workspace.undo_stack.canUndo()

    shortcut(qtbot, window, QKeySequence.StandardKey.Undo)  # Edit › Undo
    qtbot.waitUntil(lambda: window.workspace.read(
        lambda s: rounds.round_row(s, round_id)).window == before)
    assert not window.workspace.undo_stack.canUndo()


def test_export_the_chronology_with_the_keyboard(
        qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    target = tmp_path / "chronology.csv"
    qtbot.waitUntil(window.isActiveWindow)
    shortcut(qtbot, window, "Ctrl+E")  # File › Export Chronology…
    qtbot.waitUntil(lambda: isinstance(window.dialog, ExportDialog)
                    and window.dialog.isActiveWindow())
    assert focused().objectName() == "export-path"  # the file name is typed first
    type_text(qtbot, str(target))
    press(qtbot, Key.Key_Return)
    qtbot.waitUntil(lambda: window.dialog is None)
    qtbot.waitUntil(lambda: target.is_file() and not window.workspace.runner.is_busy(),
                    timeout=10_000)
    with target.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert any(ROUND_TITLE in " ".join(row.values()) for row in rows)
    assert len(rows) > 10
