"""File › Import Events… and dropped files: a real UCDP file in, a refused file, a queue.

The helpers here are shared by the other test_import_* modules.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from tests.acled_generator import write_acled_file
from tests.conftest import REAL_DATA, sqlite_dump
from tests.ui.window.test_main_window import counts_text, open_dialog, press, status_text
from tracker.services.imports.importing import ImportFormat
from tracker.ui.common.forms import current_data
from tracker.ui.imports.import_dialog import ImportDialog
from tracker.ui.imports.import_result import ImportResultDialog
from tracker.ui.window.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
LeftButton = Qt.MouseButton.LeftButton
UCDP_2021 = REAL_DATA / "ucdp_ged_ukraine_2014-2021_ged221_api.csv"
UCDP_2022 = REAL_DATA / "ucdp_ged_ukraine_2014-2022_ged231.csv"
SAMPLE_EVENTS = 7  # in the sample scenario


# -- helpers shared by the import tests ----------------------------------------------------


def dump(window: MainWindow) -> str:
    """Every table and row of the window's SQLite database, as SQL."""
    database = window.workspace.db.engine.url.database
    assert database is not None
    return sqlite_dump(database)


def acled_file(folder: Path, rows: int, name: str = "acled.csv") -> Path:
    """*rows* generated ACLED rows (the team's load-test generator)."""
    return write_acled_file(folder / name, rows)


def choose_files(monkeypatch: pytest.MonkeyPatch, *paths: Path) -> None:
    """The next Open dialog picks *paths*."""
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(
        lambda *_args: ([str(path) for path in paths], "CSV files (*.csv)")))


def click(qtbot: QtBot, button: QWidget) -> None:
    assert button.isEnabled(), f"{button.objectName() or button} is disabled"
    qtbot.mouseClick(button, LeftButton)


def start_import(qtbot: QtBot, window: MainWindow, path: Path,
                 monkeypatch: pytest.MonkeyPatch) -> ImportDialog:
    """Ctrl+I, pick *path*: the import dialog, once the file has been read."""
    choose_files(monkeypatch, path)
    press(qtbot, window, "Ctrl+I")
    return open_dialog(qtbot, window, ImportDialog)


def finish(qtbot: QtBot, window: MainWindow) -> ImportResultDialog:
    """The result dialog of the import that is running (a whole import, with its rule
    pass and map counts, on a machine that may be busy with other tests)."""
    return open_dialog(qtbot, window, ImportResultDialog, timeout_ms=30_000)


def close(qtbot: QtBot, window: MainWindow, dialog: ImportResultDialog) -> None:
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.dialog is None and not window.importer.is_busy())


class Warnings(list[tuple[str, str]]):
    """QMessageBox.warning calls (title, text), answered at once."""

    def __call__(self, _parent: QWidget, title: str, text: str, *_args: Any) -> Any:
        self.append((title, text))
        return QMessageBox.StandardButton.Ok


@pytest.fixture
def warnings(monkeypatch: pytest.MonkeyPatch) -> Warnings:
    shown = Warnings()
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(shown))
    return shown


def drop(window: MainWindow, *paths: Path, urls: list[QUrl] | None = None) -> bool:
    """Drag *paths* over the window and drop them; whether the window took the drag."""
    mime = QMimeData()
    mime.setUrls(urls or [QUrl.fromLocalFile(str(path)) for path in paths])
    action = Qt.DropAction.CopyAction
    # Qt's QDragEnterEvent takes an integer point, QDropEvent a real one.
    enter = QDragEnterEvent(QPoint(400, 300), action, mime, LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, enter)
    if not enter.isAccepted():
        return False
    dropped = QDropEvent(QPointF(400, 300), action, mime, LeftButton,
                         Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, dropped)
    return dropped.isAccepted()


# -- tests ----------------------------------------------------------------------------------


def test_a_real_ucdp_file_is_imported_and_the_events_view_shows_it(
        qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    dialog = start_import(qtbot, window, UCDP_2021, monkeypatch)
    assert dialog.file_label.text() == str(UCDP_2021)
    assert dialog.encoding_label.text().startswith("UTF-8 · ")
    assert dialog.detected_label.text().startswith("UCDP GED")
    assert current_data(dialog.format_combo) is ImportFormat.UCDP  # preselected
    assert dialog.ok_button.text() == "&Import"
    note = dialog.findChild(QLabel, "import-note")
    assert note is not None and "not an edit that Undo takes back" in note.text()

    click(qtbot, dialog.ok_button)
    result = finish(qtbot, window)
    assert result.counts_label.text() == \
        "3,000 added · 0 updated · 0 unchanged · 0 rejected"
    assert result.table.isHidden()  # nothing rejected, no empty table
    close(qtbot, window, result)

    # The views and the status bar re-read; nothing went on the undo stack.
    total = SAMPLE_EVENTS + 3000
    # The count follows the first rows from the runner (issue 19).
    qtbot.waitUntil(lambda: window.events_view.count_label.text() ==
                    f"{total:,} of {total:,} events")
    assert f"{total:,} events" in counts_text(window)
    assert window.workspace.undo_stack.count() == 0
    assert status_text(window).startswith("Imported ucdp_ged_ukraine_2014-2021_ged221_api")

    # Importing it again changes nothing.
    dialog = start_import(qtbot, window, UCDP_2021, monkeypatch)
    click(qtbot, dialog.ok_button)
    result = finish(qtbot, window)
    assert result.counts_label.text() == \
        "0 added · 0 updated · 3,000 unchanged · 0 rejected"
    close(qtbot, window, result)
    qtbot.waitUntil(lambda: window.events_view.count_label.text() ==
                    f"{total:,} of {total:,} events")


def test_dropped_csv_files_open_the_import_one_after_another(
        qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    other = tmp_path / "notes.txt"
    other.write_text("not a dataset")
    assert not drop(window, other)  # only .csv files are taken
    assert not drop(window, urls=[QUrl("https://example.org/events.csv")])
    assert window.dialog is None

    assert drop(window, UCDP_2021, UCDP_2022)
    first = open_dialog(qtbot, window, ImportDialog)
    assert first.preview.path == UCDP_2021
    assert window.importer.queued() == [UCDP_2022]
    qtbot.mouseClick(first.buttons.button(first.buttons.StandardButton.Cancel), LeftButton)

    second = open_dialog(qtbot, window, ImportDialog)  # the next file, at once
    assert second.preview.path == UCDP_2022
    assert window.importer.queued() == []
    click(qtbot, second.ok_button)
    result = finish(qtbot, window)
    assert result.report.file == UCDP_2022
    assert result.report.added > 0
    close(qtbot, window, result)


def test_a_file_dropped_during_an_import_waits_its_turn(
        qtbot: QtBot, window: MainWindow) -> None:
    assert drop(window, UCDP_2021)
    dialog = open_dialog(qtbot, window, ImportDialog)
    assert drop(window, UCDP_2022)  # while the first file's dialog is open
    assert status_text(window) == ("ucdp_ged_ukraine_2014-2022_ged231.csv: imported next, "
                                   "after ucdp_ged_ukraine_2014-2021_ged221_api.csv")
    click(qtbot, dialog.ok_button)
    close(qtbot, window, finish(qtbot, window))
    # close() waited for the window to be idle, but the second file is on its way.
    assert open_dialog(qtbot, window, ImportDialog).preview.path == UCDP_2022


@pytest.mark.parametrize(("content", "strict", "expected"), [
    # Refused while reading the header (before the import dialog opens).
    ("event_id_cnty,event_date,Event_Date\n1,2024-01-01,x\n", False,
     "acled.csv, line 1, column 'Event_Date': the header names columns 2 and 3 both"),
    # Refused by a strict import at the first bad row.
    (None, True, "acled.csv, line 4, column 'event_date': 'someday' is not a date"),
])
def test_a_refused_file_names_file_line_and_column_and_writes_nothing(
        qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        warnings: Warnings, content: str | None, strict: bool, expected: str) -> None:
    path = acled_file(tmp_path, 10)
    if content is None:
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        lines[3] = lines[3].replace(lines[3].split(",")[1], "someday", 1)
        path.write_text("".join(lines), encoding="utf-8")
    else:
        path.write_text(content, encoding="utf-8")
    before = dump(window)
    choose_files(monkeypatch, path)
    press(qtbot, window, "Ctrl+I")
    if strict:
        dialog = open_dialog(qtbot, window, ImportDialog)
        assert current_data(dialog.format_combo) is ImportFormat.ACLED
        dialog.strict_check.setChecked(True)
        click(qtbot, dialog.ok_button)
    qtbot.waitUntil(lambda: bool(warnings))
    [(title, text)] = warnings
    assert title == "Import Refused"
    assert expected in text
    assert text.endswith("The database is unchanged.")
    qtbot.waitUntil(lambda: window.dialog is None and not window.importer.is_busy())
    assert dump(window) == before
