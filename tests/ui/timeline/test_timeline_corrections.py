"""Issue 13 on the Timeline: a move is told as announced, and an undone move is no move."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tracker.domain.announcement import Announcement
from tracker.domain.timewindow import ScheduledWindow
from tracker.services import rounds
from tracker.ui.common.workspace import Topic
from tracker.ui.timeline.timeline_scene import LABEL_WIDTH
from tracker.ui.window.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

ROUND = 2  # "Trilateral talks announced for the coming week", week of 2 Feb 2026


def test_reschedule_undo_redo_is_moved_once_and_the_move_says_when_announced(
        qtbot: QtBot, window: MainWindow) -> None:
    window.show_timeline()
    canvas = window.timeline_view.canvas
    qtbot.waitUntil(lambda: canvas.viewport.width == canvas.width() - LABEL_WIDTH)
    ws = window.workspace
    done = ws.write(lambda s: rounds.reschedule(
        s, ROUND, ScheduledWindow.days(date(2026, 2, 10), "Europe/Kyiv"),
        rounds.ChangeNote("More time", announced=Announcement.on_day(date(2026, 2, 1)))),
        Topic.ROUNDS)
    assert done.undo is not None
    undone = ws.write(done.undo, Topic.ROUNDS)
    assert undone.undo is not None
    ws.write(undone.undo, Topic.ROUNDS)

    def moves() -> int:
        return sum(len(mark.moves) for track in canvas.scene.lanes.tracks
                   for mark in track.rounds if mark.id == ROUND)

    qtbot.waitUntil(lambda: moves() == 1 and any(
        mark.window.start is not None and mark.window.first_day() == date(2026, 2, 10)
        for track in canvas.scene.lanes.tracks for mark in track.rounds))
    canvas.setFocus()
    with qtbot.waitSignal(canvas.range_changed):
        qtbot.keyClick(canvas, Qt.Key.Key_Home)  # fit everything: the new window too
    canvas.repaint()  # hit areas are recorded by the paint
    hits = canvas.hits()
    [round_hit] = [hit for hit in hits if hit.kind == "round" and hit.key == ROUND]
    assert "Moved 1 time" in canvas.describe(round_hit)
    assert "Moved 1 times" not in canvas.describe(round_hit)
    [move_hit] = [hit for hit in hits if hit.kind == "move"]
    assert "announced 1 Feb 2026; entered " in canvas.describe(move_hit)


def test_a_move_nobody_dated_says_it_was_entered_not_announced(
        qtbot: QtBot, window: MainWindow) -> None:
    window.show_timeline()
    canvas = window.timeline_view.canvas
    qtbot.waitUntil(lambda: canvas.viewport.width == canvas.width() - LABEL_WIDTH)
    # No announcement typed, no source: the change is dated by its entry alone.
    window.workspace.write(lambda s: rounds.reschedule(
        s, ROUND, ScheduledWindow.days(date(2026, 2, 10), "Europe/Kyiv"),
        rounds.ChangeNote("More time")), Topic.ROUNDS)
    qtbot.waitUntil(lambda: any(mark.moves for track in canvas.scene.lanes.tracks
                                for mark in track.rounds if mark.id == ROUND))
    canvas.setFocus()
    with qtbot.waitSignal(canvas.range_changed):
        qtbot.keyClick(canvas, Qt.Key.Key_Home)
    canvas.repaint()
    [move_hit] = [hit for hit in canvas.hits() if hit.kind == "move"]
    told = canvas.describe(move_hit)
    assert "<br>no announcement date given; entered " in told
    assert "<br>announced " not in told  # (the round's own title says "announced")
