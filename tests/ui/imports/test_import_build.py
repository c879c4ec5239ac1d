"""A bulk import in the window: its events are shown as soon as they are committed, then
the runner decides their categories and builds the search index, map cells and sort
orders, the status bar saying how far (storage.deferred_build)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tests.ui.imports.test_import_dialog import acled_file, click, close, finish, start_import
from tests.ui.window.test_main_window import status_text
from tracker.storage.deferred_build import categories_ready, pending_statements, search_ready
from tracker.ui.window.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
BUILT = "Categories, search index, map cells and sort orders built."


def test_a_bulk_import_is_built_after_its_commit_and_the_status_bar_says_so(
        qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch,
        tmp_path: Path) -> None:
    messages: list[str] = []
    window.statusBar().messageChanged.connect(messages.append)
    path = acled_file(tmp_path, 12_000)  # a bulk import: far more rows than the sample's
    dialog = start_import(qtbot, window, path, monkeypatch)
    click(qtbot, dialog.ok_button)
    result = finish(qtbot, window)
    assert result.counts_label.text() == \
        "12,000 added · 0 updated · 0 unchanged · 0 rejected"
    close(qtbot, window, result)
    qtbot.waitUntil(lambda: BUILT in messages, timeout=60_000)

    building = [text for text in messages if text.startswith("Deciding categories, building")]
    # Progress reaches the window ten times a second at most (db_op.PROGRESS_INTERVAL),
    # so the last steps may be skipped for "…built."; what shows counts up, out of 15:
    # the categories, then 14 structures.
    done = [int(re.search(r"\((\d+) of 15\)…$", text).group(1))  # type: ignore[union-attr]
            for text in building]
    assert done[0] == 0 and done == sorted(done) and done[-1] <= 15
    assert messages.index(BUILT) > messages.index(building[-1])
    with window.workspace.db.engine.connect() as connection:
        assert pending_statements(connection) == []
        assert search_ready(connection) and categories_ready(connection)
        # Every event the rules looked at: none is left "uncategorised".
        assert connection.exec_driver_sql(
            "SELECT count(*) FROM battlefield_event WHERE target_category = ''").scalar() == 0
    assert status_text(window) == BUILT
