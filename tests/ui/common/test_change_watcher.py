"""Another program's save shows up in the window without a click (PRAGMA data_version)."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session

from tests.conftest import rename_round
from tracker.services.records.record_edits import edit_record
from tracker.storage.database import Database
from tracker.ui.common.change_watcher import ChangeWatcher
from tracker.ui.common.workspace import Topic, Workspace
from tracker.ui.window.main_window import MainWindow

ROUND = 2

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def test_only_changes_made_elsewhere_are_announced(
        qtbot: QtBot, sample_workspace: Workspace, other: Database) -> None:
    watcher = ChangeWatcher(sample_workspace, interval_ms=60_000)
    try:
        assert not watcher.poll()
        sample_workspace.write(lambda s: _rename_in(s, "Ours"), Topic.ROUNDS)
        assert not watcher.poll()  # our own write: views were told already
        rename_round(other, ROUND, "Theirs")
        with qtbot.waitSignal(sample_workspace.changed) as announced:
            assert watcher.poll()
        assert announced.args == [Topic.ALL]
        assert not watcher.poll()
    finally:
        watcher.close()


def _rename_in(session: Session, title: str) -> None:
    edit_record(session, "round", ROUND, {"title": title}, None)


def test_the_rounds_table_refreshes_after_another_window_saves(
        qtbot: QtBot, window: MainWindow, other: Database) -> None:
    window.change_watcher.timer.setInterval(50)
    model = window.rounds_view.table.model()

    def titles() -> set[str]:
        return {str(model.index(row, column).data()) for row in range(model.rowCount())
                for column in range(model.columnCount())}

    assert "Renamed by a colleague" not in titles()
    rename_round(other, ROUND, "Renamed by a colleague")
    qtbot.waitUntil(lambda: "Renamed by a colleague" in titles(), timeout=5000)
