"""The window paints at once (issue 19): the frame before the database layer, the views
after it, and the tabs not shown only when they are first needed."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from tracker.ui.common.settings import Settings
from tracker.ui.common.workspace import Workspace
from tracker.ui.window.actions import ACTIONS
from tracker.ui.window.main_window import (
    ANALYSIS_TAB,
    CHRONOLOGY_TAB,
    EVENTS_TAB,
    FACTORS_TAB,
    MAP_TAB,
    ROUNDS_TAB,
    TIMELINE_TAB,
    MainWindow,
)

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

ROUND = 2  # the sample's round announced "for the coming week"
LATER = (TIMELINE_TAB, FACTORS_TAB, EVENTS_TAB, CHRONOLOGY_TAB, ANALYSIS_TAB, MAP_TAB)


def test_the_frame_says_what_it_opens_and_takes_no_action_until_ready(
        qtbot: QtBot, sample_workspace: Workspace, settings: Settings) -> None:
    frame = MainWindow(None, settings, opening="talks.db",
                       undo_stack=sample_workspace.undo_stack)
    qtbot.addWidget(frame)
    with qtbot.waitExposed(frame):
        frame.show()
    assert frame.statusBar().currentMessage() == "Opening talks.db…"
    assert [frame.tabs.tabText(i) for i in range(frame.tabs.count())] == [
        "&Rounds", "&Timeline", "&Factors", "&Events", "&Chronology", "&Analysis", "&Map"]
    actions = frame.action_map  # the window's own (the theme and language menus stay on)
    assert [item.id for item in ACTIONS if actions[item.id].isEnabled()] == ["quit-action"]
    assert not any(frame.tabs.is_built(i) for i in range(frame.tabs.count()))

    with qtbot.waitSignal(frame.ready, timeout=30_000):  # as the window fixture waits
        QTimer.singleShot(0, lambda: frame.attach(sample_workspace))
    assert frame.is_ready and frame.statusBar().currentMessage() == ""
    for name in ("open-database-action", "new-round-action", "show-map-action",
                 "export-chronology-action"):
        assert actions[name].isEnabled(), name
    assert frame.tabs.currentWidget() is frame.rounds_view


def test_tabs_not_shown_are_built_on_first_show_or_when_asked_for(
        qtbot: QtBot, window: MainWindow) -> None:
    assert window.tabs.is_built(ROUNDS_TAB)
    assert not any(window.tabs.is_built(index) for index in LATER)
    assert window.rounds_view.select_round(ROUND)
    window.tabs.setCurrentIndex(CHRONOLOGY_TAB)  # a click on the tab
    assert window.tabs.currentWidget() is window.chronology_view
    window.show_map()  # Ctrl+7: the map follows the timeline, which is built with it
    assert window.tabs.currentWidget() is window.map_view
    assert window.tabs.is_built(TIMELINE_TAB) and not window.tabs.is_built(ANALYSIS_TAB)
    scene = window.timeline_view.canvas.scene
    assert scene.selected_round == ROUND  # built late, it took the selection made before
    other = next(round_id for round_id in range(1, 10) if round_id != ROUND
                 and window.rounds_view.select_round(round_id))
    assert scene.selected_round == other  # and follows it from then on


def test_the_frame_paints_before_sqlalchemy_is_imported(tmp_path: Path) -> None:
    code = (
        "import json, sys\n"
        "from PySide6.QtCore import QTimer\n"
        "import tracker.cli as cli\n"
        "import tracker.ui.window.app as app\n"
        "seen = {}\n"
        "class Probe(app.FirstPaint):\n"
        "    def fire(self):\n"
        "        seen.setdefault('sqlalchemy', 'sqlalchemy' in sys.modules)\n"
        "        super().fire()\n"
        "app.FirstPaint = Probe\n"
        "attach = app.MainWindow.attach\n"
        "def attached(window, workspace):\n"
        "    attach(window, workspace)\n"
        "    seen['ready'] = window.is_ready\n"
        "    QTimer.singleShot(0, window.close)\n"
        "app.MainWindow.attach = attached\n"
        "app.MainWindow.offer_sample = lambda window: False\n"
        "code = cli.main(['--db', sys.argv[1]])\n"
        "print(json.dumps(dict(seen, code=code)))\n")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen",
               XDG_CONFIG_HOME=str(tmp_path / "config"), XDG_DATA_HOME=str(tmp_path / "data"))
    done = subprocess.run([sys.executable, "-c", code, str(tmp_path / "talks.db")],
                          capture_output=True, text=True, env=env, check=True)
    assert json.loads(done.stdout.splitlines()[-1]) == {"sqlalchemy": False, "ready": True,
                                                        "code": 0}
