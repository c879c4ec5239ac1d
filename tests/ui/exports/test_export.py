"""Export Chronology: where a typed name goes, replacing a file, and the worker's failures."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from tests.ui.window.test_main_window import ok_button, open_dialog, press, status_text
from tracker.storage.database import open_database
from tracker.ui.common import error_boundary
from tracker.ui.common import settings as options
from tracker.ui.exports import export_task
from tracker.ui.exports.export_dialog import ExportDialog
from tracker.ui.window.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
LeftButton = Qt.MouseButton.LeftButton


class Asked(list[tuple[str, str]]):
    """The questions a dialog asked, each answered with ``answer``."""

    answer = False

    def __call__(self, title: str, text: str) -> bool:
        self.append((title, text))
        return self.answer


@pytest.fixture
def dialog(qtbot: QtBot, tmp_path: Path) -> ExportDialog:
    for folder in ("exports", "reports", "home", "elsewhere"):
        (tmp_path / folder).mkdir()
    widget = ExportDialog(str(tmp_path / "exports"))
    qtbot.addWidget(widget)
    with qtbot.waitExposed(widget):
        widget.show()
    return widget


def type_path(qtbot: QtBot, dialog: ExportDialog, text: str) -> None:
    dialog.path.clear()
    qtbot.keyClicks(dialog.path, text)


def test_a_bare_or_home_name_is_read_against_the_export_folder(
        qtbot: QtBot, dialog: ExportDialog, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "exports"
    type_path(qtbot, dialog, "feb.csv")
    request = dialog.request()
    assert request is not None and request.path == folder / "feb.csv"
    assert not dialog.target.isHidden()
    assert dialog.target.text() == f"Saves to {folder / 'feb.csv'}"
    assert dialog.path.toolTip() == str(folder / "feb.csv")

    type_path(qtbot, dialog, "../reports/feb.md")  # relative to the folder, tidied
    assert dialog.target.text() == f"Saves to {tmp_path / 'reports' / 'feb.md'}"

    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    type_path(qtbot, dialog, "~/feb.json")
    request = dialog.request()
    assert request is not None and request.path == tmp_path / "home" / "feb.json"

    absolute = str(tmp_path / "elsewhere" / "feb.csv")
    type_path(qtbot, dialog, absolute)
    request = dialog.request()
    assert request is not None and str(request.path) == absolute
    assert dialog.target.isHidden()  # nothing to add to what was typed
    assert dialog.path.toolTip() == absolute


def test_a_relative_folder_saved_by_an_older_version_counts_as_none(
        qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    old = ExportDialog(".")
    qtbot.addWidget(old)
    qtbot.keyClicks(old.path, "feb.csv")
    request = old.request()
    assert request is not None and request.path == tmp_path / "feb.csv"


def test_replacing_a_typed_file_asks_first(
        qtbot: QtBot, dialog: ExportDialog, tmp_path: Path) -> None:
    existing = tmp_path / "exports" / "feb.csv"
    existing.write_text("kept")
    asked = Asked()
    dialog.ask = asked
    type_path(qtbot, dialog, "feb.csv")
    with qtbot.assertNotEmitted(dialog.accepted):
        qtbot.mouseClick(ok_button(dialog), LeftButton)
    assert asked == [("Replace File?", f"“feb.csv” already exists in {existing.parent}.\n\n"
                                       "Replace it with the exported chronology?")]
    assert dialog.isVisible()  # the user can choose another name

    type_path(qtbot, dialog, "march.csv")  # a new file: nothing to ask
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(ok_button(dialog), LeftButton)
    assert len(asked) == 1


def test_replacing_after_yes_and_the_question_is_a_real_message_box(
        qtbot: QtBot, dialog: ExportDialog, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    existing = tmp_path / "exports" / "feb.csv"
    existing.write_text("replace me")
    questions: list[tuple[str, Any]] = []

    def question(_parent: QWidget, title: str, _text: str, _buttons: Any,
                 default: Any) -> QMessageBox.StandardButton:
        questions.append((title, default))
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    type_path(qtbot, dialog, "feb.csv")
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(ok_button(dialog), LeftButton)
    assert questions == [("Replace File?", QMessageBox.StandardButton.No)]  # No by default


def test_a_file_chosen_through_browse_is_not_asked_about_twice(
        qtbot: QtBot, dialog: ExportDialog, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    existing = tmp_path / "chosen.md"
    existing.write_text("replace me")
    other = tmp_path / "other.md"
    other.write_text("keep me")
    # QFileDialog confirmed replacing chosen.md already.
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(
        lambda *_args: (str(existing), "Markdown (*.md)")))
    asked = Asked()
    dialog.ask = asked
    qtbot.mouseClick(dialog.browse, LeftButton)
    assert dialog.path.text() == str(existing)
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(ok_button(dialog), LeftButton)
    assert asked == []

    # Typing another existing file after browsing is asked about again.
    dialog.show()
    type_path(qtbot, dialog, str(other))
    with qtbot.assertNotEmitted(dialog.accepted):
        qtbot.mouseClick(ok_button(dialog), LeftButton)
    assert len(asked) == 1


def test_a_bare_name_exports_into_the_remembered_folder(
        qtbot: QtBot, window: MainWindow, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()
    window.settings.set(options.EXPORT_FOLDER, str(folder))
    cwd = tmp_path / "cwd"
    cwd.mkdir()
    monkeypatch.chdir(cwd)  # where a bare name used to land
    press(qtbot, window, "Ctrl+E")
    dialog = open_dialog(qtbot, window, ExportDialog)
    qtbot.keyClicks(dialog.path, "feb.csv")
    with qtbot.waitSignal(window.export_finished, timeout=10_000) as finished:
        qtbot.mouseClick(ok_button(dialog), LeftButton)
    assert finished.args is not None and Path(finished.args[1]) == folder / "feb.csv"
    assert (folder / "feb.csv").is_file()
    assert list(cwd.iterdir()) == []
    assert window.settings.get(options.EXPORT_FOLDER) == str(folder)


def test_an_unexpected_error_in_the_worker_is_reported_and_logged(
        qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        caplog: pytest.LogCaptureFixture) -> None:
    def broken(*_args: Any, **_kwargs: Any) -> int:
        raise KeyError("entry kind")  # a bug, not one of the expected failures

    monkeypatch.setattr(export_task, "export_chronology_file", broken)
    warnings: list[tuple[str, str]] = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(
        lambda _parent, title, text: warnings.append((title, text))))
    press(qtbot, window, "Ctrl+E")
    dialog = open_dialog(qtbot, window, ExportDialog)
    qtbot.keyClicks(dialog.path, str(tmp_path / "feb.csv"))
    with caplog.at_level(logging.ERROR, logger=error_boundary.__name__):
        qtbot.mouseClick(ok_button(dialog), LeftButton)
        qtbot.waitUntil(lambda: bool(warnings))
    assert warnings == [("Export Failed",
                         "Nothing was written.\n\nUnexpected error (KeyError): 'entry kind'")]
    assert status_text(window) == ""  # not "Exporting…" for good
    [record] = [r for r in caplog.records if r.name == error_boundary.__name__]
    assert record.exc_info is not None and record.exc_info[0] is KeyError


@pytest.mark.parametrize("leave", ["close", "switch"])
def test_leaving_during_an_export_waits_and_says_so(
        qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        leave: str) -> None:
    started, release = threading.Event(), threading.Event()

    def slow(_db: Any, path: Path, *_args: Any, **_kwargs: Any) -> int:
        started.set()
        assert release.wait(10), "the test never let the export finish"
        path.write_text("done")
        return 0

    monkeypatch.setattr(export_task, "export_chronology_file", slow)
    # The export can be cancelled (issue 19): leaving asks whether to stop it, as for
    # an archive export; the answer here is no, so the window waits for it.
    questions: list[str] = []

    def let_it_finish(title: str, _text: str) -> bool:
        questions.append(title)
        return False

    window.ask = let_it_finish
    press(qtbot, window, "Ctrl+E")
    dialog = open_dialog(qtbot, window, ExportDialog)
    target = tmp_path / "feb.csv"
    qtbot.keyClicks(dialog.path, str(target))
    qtbot.mouseClick(ok_button(dialog), LeftButton)
    qtbot.waitUntil(started.is_set)

    seen: list[tuple[str, Qt.CursorShape | None]] = []
    real_wait: Callable[[int], bool] = window.workspace.runner.wait

    def watched_wait(msecs: int = -1) -> bool:
        cursor = QApplication.overrideCursor()
        seen.append((status_text(window), cursor.shape() if cursor else None))
        release.set()  # the export ends while the window waits for it
        return real_wait(msecs)

    monkeypatch.setattr(window.workspace.runner, "wait", watched_wait)
    if leave == "close":
        window.close()
    else:
        window.switch_database(open_database(tmp_path / "other.db"), remember=False)
    assert seen == [("Waiting for the export to finish…", Qt.CursorShape.WaitCursor)]
    assert questions == ["Work Still Running"]
    assert QApplication.overrideCursor() is None  # restored once the wait is over
    assert target.read_text() == "done"
