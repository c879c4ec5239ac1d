"""Issue 13 in the window: the history shows when a change was announced and when it was
entered, strikes out a change an undo withdrew, and says what each retraction withdraws."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from pytestqt.modeltest import ModelTester

from tracker.domain.announcement import Announcement
from tracker.domain.timewindow import ScheduledWindow
from tracker.services import rounds
from tracker.services.rounds import ChangeNote
from tracker.ui.common.workspace import Topic, Workspace
from tracker.ui.rounds.history_model import (
    ANNOUNCED,
    CHANGE,
    ENTERED,
    KIND,
    STATUS,
    HistoryModel,
)

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

TALKS, TENSIONS = 2, 1  # the sample's week-of-2-Feb round and U.S.–Iran tensions
TZ = "Europe/Berlin"


def move_and_undo(ws: Workspace) -> None:
    """Move the talks to 10 Feb (announced 1 Feb, entered now), then undo it."""
    done = ws.write(lambda s: rounds.reschedule(
        s, TALKS, ScheduledWindow.days(date(2026, 2, 10), "Europe/Kyiv"),
        ChangeNote("Delegations asked for more time", TENSIONS,
                   announced=Announcement.on_day(date(2026, 2, 1)))), Topic.ROUNDS)
    undo = done.undo
    assert undo is not None
    ws.write(undo, Topic.ROUNDS)


def _history(ws: Workspace, qtmodeltester: ModelTester) -> HistoryModel:
    model = HistoryModel(TZ)
    model.set_rows(ws.read(lambda s: rounds.round_detail(s, TALKS)).history)
    qtmodeltester.check(model, force_py=True)
    return model


def test_the_history_strikes_out_a_retracted_change(
        qtmodeltester: ModelTester, sample_workspace: Workspace) -> None:
    ws = sample_workspace
    move_and_undo(ws)
    model = _history(ws, qtmodeltester)
    assert model.rowCount() == 3
    kinds = [model.index(row, KIND).data() for row in range(3)]
    assert kinds == ["Created", "Rescheduled", "Retraction"]
    created, moved, retraction = (model.index(row, 0) for row in range(3))
    # Announced on a day: the date alone; entered now, at a time.
    assert model.index(moved.row(), ANNOUNCED).data() == "1 Feb 2026"
    assert model.index(moved.row(), ENTERED).data().endswith(("CET", "CEST"))
    font = model.index(moved.row(), CHANGE).data(Qt.ItemDataRole.FontRole)
    assert isinstance(font, QFont) and font.strikeOut()
    status = model.index(moved.row(), STATUS).data()
    assert status.startswith("Retracted by ") and " at " in status
    assert status in model.index(moved.row(), CHANGE).data(Qt.ItemDataRole.ToolTipRole)
    for row in (created, retraction):
        assert model.index(row.row(), CHANGE).data(Qt.ItemDataRole.FontRole) is None
    entered = model.index(moved.row(), ENTERED).data()
    assert model.index(retraction.row(), STATUS).data() == \
        f"Withdraws the rescheduled change entered {entered}"
    assert model.index(created.row(), STATUS).data() == ""
    # The undo is a correction: never announced, so no time stands under Announced.
    assert model.index(retraction.row(), ANNOUNCED).data() == "—"
    assert "not an announcement" in \
        model.index(retraction.row(), ANNOUNCED).data(Qt.ItemDataRole.ToolTipRole)


def test_a_change_nobody_dated_is_not_given_as_announced(
        qtmodeltester: ModelTester, sample_workspace: Workspace) -> None:
    """No announcement typed, no source: its time is the Entered column's alone."""
    sample_workspace.write(lambda s: rounds.reschedule(
        s, TALKS, ScheduledWindow.days(date(2026, 2, 10), "Europe/Kyiv"),
        ChangeNote("More time")), Topic.ROUNDS)
    model = _history(sample_workspace, qtmodeltester)
    moved = model.rowCount() - 1
    assert model.index(moved, KIND).data() == "Rescheduled"
    assert model.index(moved, ANNOUNCED).data() == "not given"
    assert model.index(moved, ANNOUNCED).data(Qt.ItemDataRole.ToolTipRole) == \
        "No announcement date was given: the change is dated when it was entered"
    assert model.index(moved, ENTERED).data().endswith(("CET", "CEST"))
    # The sample's own creation record was entered as the news came out, on its
    # source's day: announced then.
    assert model.index(0, ANNOUNCED).data() not in ("not given", "—")


def test_a_redo_withdraws_the_retraction_and_the_change_stands(
        qtmodeltester: ModelTester, sample_workspace: Workspace) -> None:
    ws = sample_workspace
    done = ws.write(lambda s: rounds.reschedule(
        s, TALKS, ScheduledWindow.days(date(2026, 2, 10), "Europe/Kyiv"),
        ChangeNote("More time")), Topic.ROUNDS)
    assert done.undo is not None
    undone = ws.write(done.undo, Topic.ROUNDS)
    assert undone.undo is not None
    ws.write(undone.undo, Topic.ROUNDS)
    model = _history(ws, qtmodeltester)
    struck = [model.index(row, CHANGE).data(Qt.ItemDataRole.FontRole) is not None
              for row in range(model.rowCount())]
    assert struck == [False, False, True, False]  # only the undo is withdrawn
    assert model.index(3, STATUS).data().startswith("Withdraws the retraction entered ")
