"""A colleague's save shows up in the open window, on SQLite and on a PostgreSQL server,
while what the user is typing in a dialog stays as typed; and which views a change on the
server refreshes."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QTableView
from pytestqt.qtbot import QtBot
from sqlalchemy.engine import URL

from tests.conftest import rename_round
from tests.postgres import SKIP_REASON, TestServer
from tests.ui.window.test_main_window import (
    ROUND,
    cell,
    child,
    open_dialog,
    replace_text,
    select_round,
)
from tracker.services.common.sample import load_sample
from tracker.services.common.topics import TABLE_TOPICS, topic_of
from tracker.storage.change_feed import ANY_TABLE, WATCHED_TABLES
from tracker.storage.database import Database, open_database
from tracker.ui.common.workspace import Topic
from tracker.ui.rounds.details_dialog import EditDetailsDialog
from tracker.ui.rounds.rounds_model import TITLE
from tracker.ui.window.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

THEIRS = "Trilateral talks moved to Geneva"
MINE = "Trilateral talks, my unsaved title"


@pytest.fixture(params=["sqlite", "postgresql"])
def sample_db(request: pytest.FixtureRequest, tmp_path: Path,
              postgres_server: TestServer | None) -> Iterator[Database]:
    """The sample in a file, or on the test server (the window fixture opens it)."""
    with ExitStack() as cleanup:
        if request.param == "sqlite":
            target: Path | URL = tmp_path / "sample.db"
        elif postgres_server is None:
            pytest.skip(SKIP_REASON)
        else:
            target = cleanup.enter_context(postgres_server.fresh_database())
        database = open_database(target)
        cleanup.callback(database.close)
        with database.transaction() as session:
            load_sample(session)
        yield database


def test_a_colleagues_new_title_shows_while_my_typing_stays(
        qtbot: QtBot, window: MainWindow, other: Database, sample_db: Database) -> None:
    announced: list[Topic] = []
    window.workspace.changed.connect(announced.append)
    window.change_watcher.timer.setInterval(50)
    select_round(qtbot, window, ROUND)
    qtbot.keyClick(child(window, QTableView, "rounds-table"), Qt.Key.Key_Return)
    dialog = open_dialog(qtbot, window, EditDetailsDialog)
    edit = child(dialog, QLineEdit, "details-title")
    replace_text(qtbot, edit, MINE)

    rename_round(other, ROUND, THEIRS)
    qtbot.waitUntil(lambda: cell(window, ROUND, TITLE) == THEIRS, timeout=10_000)

    assert dialog.isVisible() and window.dialog is dialog
    assert edit.text() == MINE
    # On the server the notification names the round table; a file's version cannot.
    assert announced == [Topic.ROUNDS if not sample_db.is_sqlite else Topic.ALL]
    assert window.rounds_view.selected_round_id() == ROUND
    qtbot.keyClick(edit, Qt.Key.Key_Escape)  # so closing the window has nothing to ask
    qtbot.waitUntil(lambda: window.dialog is None)


def test_each_watched_table_refreshes_the_views_that_show_it() -> None:
    assert set(TABLE_TOPICS) == set(WATCHED_TABLES)
    assert topic_of({"round", "schedule_change"}) == Topic.ROUNDS
    assert topic_of({"factor_reading", "event_link"}) == Topic.FACTORS | Topic.LINKS
    assert topic_of({"battlefield_event", "battlefield_event_raw", "import_run"}) \
        == Topic.EVENTS
    assert topic_of({"dependency"}) == Topic.FACTORS | Topic.ROUNDS
    assert topic_of({ANY_TABLE}) == Topic.ALL  # SQLite, or after a reconnect
    assert topic_of({"citation"}) == Topic.ALL  # a source may back any fact
    assert topic_of({"a_table_from_a_newer_version"}) == Topic.ALL
    assert topic_of(set()) == Topic(0)
