"""The Reschedule dialog refuses a date outside the tracker's range beside the field, and
saves nothing (issue 14, F1: such a date once bricked the window)."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from tests.ui.rounds.test_round_dialogs import (
    change_dialog,
    error,
    part,
    retype,
    snapshot,
)
from tracker.ui.common.workspace import Workspace
from tracker.ui.rounds.round_dialogs import ChangeMode

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
OUTSIDE = "is outside the dates the tracker takes (1 Jan 1900 to 31 Dec 2200)"


@pytest.mark.parametrize("typed", ["31 Dec 9999", "1 Jun 9998 10:00", "week of 1 Jan 2201",
                                   "Dec 1899", "1899-12-31 10:00"])
def test_a_date_outside_the_range_is_refused_beside_the_field(
        qtbot: QtBot, sample_workspace: Workspace, typed: str) -> None:
    before = snapshot(sample_workspace)
    dialog = change_dialog(qtbot, sample_workspace, ChangeMode.RESCHEDULE)
    retype(qtbot, part(dialog, "window-text"), typed)
    qtbot.keyClicks(part(dialog, "change-reason"), "typo")
    qtbot.waitUntil(lambda: OUTSIDE in error(dialog, "window-date-error"))
    assert not dialog.ok_button.isEnabled()
    assert snapshot(sample_workspace) == before
