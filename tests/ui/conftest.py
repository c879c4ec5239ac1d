"""GUI fixtures: the sample database in a Workspace, throw-away Settings, the main window.

Every test under tests/ui is marked ``gui`` (so ``-m "not gui"`` runs without a screen).
``no_modal_boxes`` turns any QMessageBox or QFileDialog a test did not expect into a
failure instead of a hang; tests that expect one patch it themselves.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from tracker.domain.wording import Language
from tracker.storage.database import Database
from tracker.ui.common import commands
from tracker.ui.common import settings as options
from tracker.ui.common.gui_thread_garbage import GuiThreadGarbageCollector
from tracker.ui.common.language import apply_language
from tracker.ui.common.settings import Settings
from tracker.ui.common.workspace import Workspace
from tracker.ui.window.main_window import MainWindow

UI_TESTS = Path(__file__).resolve().parent
DISPLAY_TZ = "Europe/Berlin"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if UI_TESTS in Path(str(item.fspath)).resolve().parents:
            item.add_marker(pytest.mark.gui)


@pytest.fixture(autouse=True)
def english(qapp: QApplication) -> None:
    """Every window test reads English, whatever the machine's locale (a test of the
    Ukrainian window switches for itself, test_ukrainian.py)."""
    apply_language(Language.ENGLISH)


@pytest.fixture(autouse=True)
def gui_thread_only(qapp: QApplication) -> Iterator[None]:
    """As in the window (app.run): cyclic garbage is collected on the GUI thread only
    (gui_thread_garbage.py), never by the runner's thread in the middle of its work.

    And the test's widgets and workspace are deleted at its own teardown: pytest-qt
    closes them and calls deleteLater, as the workspace fixture does, but outside an
    event loop Qt carries those deletions out only when some later event loop turns, in
    whichever test the same test process runs next. Two runs crashed in another test's
    event processing (a segfault, the analysis running on the runner's thread); a
    deletion that fails now fails in the test that made the objects."""
    collector = GuiThreadGarbageCollector()
    try:
        yield
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        collector.collect_due()
    finally:
        collector.stop()  # never a test process left with no collection at all


class ReportedErrors(list[str]):
    """Messages commands would have shown the user in a message box."""


@pytest.fixture
def no_modal_boxes(monkeypatch: pytest.MonkeyPatch) -> ReportedErrors:
    def unexpected(name: str) -> Any:
        def refuse(*args: Any, **kwargs: Any) -> Any:
            raise AssertionError(f"unexpected modal {name}: {args[1:3]}")
        return staticmethod(refuse)

    for name in ("warning", "critical", "question", "information", "about"):
        monkeypatch.setattr(QMessageBox, name, unexpected(f"QMessageBox.{name}"))
    for name in ("getSaveFileName", "getOpenFileName"):
        monkeypatch.setattr(QFileDialog, name, unexpected(f"QFileDialog.{name}"))
    reported = ReportedErrors()
    monkeypatch.setattr(commands, "report_message", reported.append)
    return reported


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    store = Settings.from_file(tmp_path / "settings.ini")
    store.set(options.DISPLAY_TIME_ZONE, DISPLAY_TZ)
    return store


@pytest.fixture
def sample_workspace(qapp: QApplication, sample_db: Database) -> Iterator[Workspace]:
    workspace = Workspace(sample_db)
    yield workspace
    workspace.undo_stack.clear()
    # Before sample_db closes the database: deleteLater stops the runner, waiting for the
    # work still running (a fresh-clone run once crashed with a dialog's read still on
    # the worker while the test's widgets and this workspace were being deleted).
    workspace.deleteLater()


@pytest.fixture
def window(qtbot: QtBot, sample_workspace: Workspace, settings: Settings,
           no_modal_boxes: ReportedErrors) -> MainWindow:
    """The window as `tracker` starts it (app.run): the frame shown first, then attached
    to the Workspace after the event loop turns; ready once ``ready`` is emitted."""
    main = MainWindow(None, settings, opening=sample_workspace.db.label,
                      undo_stack=sample_workspace.undo_stack)
    qtbot.addWidget(main)
    with qtbot.waitExposed(main):  # a context manager in pytest-qt 4
        main.show()
    assert not main.is_ready
    # The first attach in a test process imports the views the frame left for later
    # (seconds on a loaded machine), so the wait is longer than pytest-qt's 5 s.
    failures: list[BaseException] = []

    def attach() -> None:
        try:
            main.attach(sample_workspace)
        except BaseException as exc:  # pytest-qt loses an error raised during setup
            failures.append(exc)
            raise

    with qtbot.waitSignal(main.ready, timeout=30_000, raising=False) as attached:
        QTimer.singleShot(0, attach)
    if failures:
        raise failures[0]
    assert attached.signal_triggered, (
        "the window never became ready: attach() was not reached within 30 s, or the "
        "event loop returned at once (a quit left queued by an earlier test)")
    return main
