"""`tracker --smoke-test`: the window shows, every tab paints, it closes, and it says so."""

from __future__ import annotations

import os
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tracker import __version__
from tracker.storage.revisions import head_revision
from tracker.ui.common.settings import Settings
from tracker.ui.common.workspace import Workspace
from tracker.ui.window import smoke_test
from tracker.ui.window.main_window import MainWindow

TABS = "Rounds, Timeline, Factors, Events, Chronology, Analysis, Map"

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def test_the_command_opens_a_new_database_shows_the_window_and_closes(tmp_path: Path) -> None:
    home = tmp_path / "home"
    target = tmp_path / "first run.db"
    env = dict(os.environ, HOME=str(home), XDG_DATA_HOME=str(home / "share"),
               XDG_CONFIG_HOME=str(home / "config"), QT_QPA_PLATFORM="offscreen")
    result = subprocess.run([sys.executable, "-m", "tracker", "--smoke-test", "--db", str(target)],
                            env=env, capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    assert re.fullmatch(rf"smoke test: Negotiation Tracker {re.escape(__version__)} on "
                        rf"offscreen: “first run\.db — Negotiation Tracker” \d+×\d+, "
                        rf"tabs drawn: {TABS}\n", result.stdout), result.stdout
    with sqlite3.connect(target) as connection:  # created and migrated to head
        assert connection.execute("SELECT version_num FROM alembic_version").fetchall() == \
            [(head_revision(),)]
    # It closed as a user closes it: the window's settings were written.
    assert [path.name for path in (home / "config").rglob("*.ini")] == \
        ["Negotiation Tracker.ini"]


def test_a_shown_window_is_described_and_closed(qapp: QApplication, qtbot: QtBot,
                                                window: MainWindow,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    smoke_test.close_once_shown(qapp, window)
    assert qapp.exec() == 0
    # No quit is left queued: once delivered (here, by the events processed as the next
    # test starts) it made every later event loop in the process return at once, so the
    # next test's waitSignal timed out without waiting.
    qapp.processEvents()
    ticked = QTimer(singleShot=True, interval=50)
    with qtbot.waitSignal(ticked.timeout, timeout=5_000):
        ticked.start()
    line = capsys.readouterr().out
    assert line.startswith("smoke test: ") and line.endswith(f"tabs drawn: {TABS}\n")
    assert f"on {qapp.platformName()}: " in line
    assert not window.isVisible()
    assert window.tabs.currentIndex() == 0  # left on the first tab, as it opened


def test_a_window_never_shown_fails_with_a_message(
        qapp: QApplication, sample_workspace: Workspace, settings: Settings,
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(smoke_test, "SHOW_TIMEOUT_S", 0.2)
    hidden = MainWindow(sample_workspace, settings)  # never shown
    try:
        smoke_test.close_once_shown(qapp, hidden)
        assert qapp.exec() == smoke_test.EXIT_NOT_SHOWN
    finally:
        hidden.deleteLater()
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith("tracker: smoke test: the window was not shown within 0.2 s")
