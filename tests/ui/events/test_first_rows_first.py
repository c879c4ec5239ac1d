"""First rows first (issue 19): a filter change shows the first page at once; the exact
count follows from the runner, and the rows beyond the first page come with it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from tests.ui._fixtures import add_events
from tracker.services.events.events import EventFilter
from tracker.storage.database import Database
from tracker.ui.common.workspace import Workspace
from tracker.ui.events.events_model import DATE, FIRST_ROWS, EventIdRole, EventsTableModel
from tracker.ui.events.events_view import EventsView

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def workspace(db: Database) -> Iterator[Workspace]:
    add_events(db, 3000)
    ws = Workspace(db)
    yield ws
    ws.deleteLater()


def test_the_first_page_shows_then_the_count_inserts_the_rest(
        qtbot: QtBot, qtmodeltester: ModelTester, workspace: Workspace) -> None:
    model = EventsTableModel(workspace)
    assert model.is_counting() and model.rowCount() == FIRST_ROWS
    qtmodeltester.check(model, force_py=True)  # and it watches the rows arriving
    with qtbot.waitSignal(model.rowsInserted), \
            qtbot.waitSignal(model.counts_changed) as counted:
        pass
    assert counted.args == [3000, 3000] and model.rowCount() == 3000
    assert not model.is_counting()

    # Kharkiv is every fourth event: 750, more than a page, so counted later too.
    with qtbot.waitSignal(model.counting_started):
        model.set_filter(EventFilter(place="Kharkiv"))
    assert model.rowCount() == FIRST_ROWS
    assert model.index(0, DATE).data() is not None
    with qtbot.waitSignal(model.counts_changed) as counted:
        pass
    assert counted.args == [750, 3000] and model.rowCount() == 750
    qtmodeltester.check(model, force_py=True)


def test_a_short_first_page_is_its_own_count(qtbot: QtBot, workspace: Workspace) -> None:
    model = EventsTableModel(workspace)
    qtbot.waitUntil(lambda: not model.is_counting())
    with qtbot.waitSignal(model.counts_changed, timeout=100) as counted:
        model.set_filter(EventFilter(text="substation"))  # 3 events: no runner needed
    assert counted.args == [3, 3000] and not model.is_counting()


def test_a_count_for_an_older_filter_is_dropped(qtbot: QtBot, workspace: Workspace) -> None:
    model = EventsTableModel(workspace)
    qtbot.waitUntil(lambda: not model.is_counting())
    told: list[list[int]] = []
    model.counts_changed.connect(lambda matching, total: told.append([matching, total]))
    model.set_filter(EventFilter(place="Kharkiv"))  # 750
    model.set_filter(EventFilter(text="substation"))  # 3: fewer than the first rows
    model.set_filter(EventFilter(text="Strike"))  # all 3000
    qtbot.waitUntil(lambda: not model.is_counting())
    qtbot.waitUntil(lambda: not workspace.runner.is_busy())
    assert told == [[3, 3000], [3000, 3000]]  # never Kharkiv's 750
    assert model.rowCount() == 3000


def test_the_view_says_counting_then_the_count_and_scrolls_to_the_end(
        qtbot: QtBot, workspace: Workspace) -> None:
    view = EventsView(workspace)
    qtbot.addWidget(view)
    view.resize(1200, 700)
    assert view.count_label.text() == "Counting events…"
    assert not view.placeholder.isVisible()
    with qtbot.waitExposed(view):
        view.show()
    qtbot.waitUntil(lambda: view.count_label.text() == "3,000 of 3,000 events")
    view.table.scrollToBottom()
    bar = view.table.verticalScrollBar()
    qtbot.waitUntil(lambda: 0 < bar.maximum() == bar.value())
    last = view.model.index(2999, DATE)
    shown = view.table.visualRect(last)
    assert shown.top() >= 0 and shown.bottom() <= view.table.viewport().height()
    assert last.data(EventIdRole) is not None


def test_an_event_beyond_the_first_page_is_selected_before_the_count(
        qtbot: QtBot, workspace: Workspace) -> None:
    view = EventsView(workspace)
    qtbot.addWidget(view)
    assert view.model.is_counting()
    # Event 400 is on the last of the 400 days: near the end of the date order.
    assert view.select_event(400)
    assert view.table.currentIndex().data(EventIdRole) == 400
    qtbot.waitUntil(lambda: not view.model.is_counting())
    assert view.model.rowCount() == 3000
    assert view.table.currentIndex().data(EventIdRole) == 400


def test_a_table_taller_than_the_first_rows_gets_a_screenful_first(
        qtbot: QtBot, workspace: Workspace) -> None:
    """A tall screen: the first rows fill the table, not FIRST_ROWS of it and empty room
    below them until the count."""
    view = EventsView(workspace)
    qtbot.addWidget(view)
    view.resize(1200, 4000)
    with qtbot.waitExposed(view):
        view.show()
    row = view.table.verticalHeader().defaultSectionSize()
    shown = -(-view.table.viewport().height() // row)
    assert shown > FIRST_ROWS, (view.table.viewport().height(), row)
    qtbot.waitUntil(lambda: view.model.first_rows == shown)
    with qtbot.waitSignal(view.model.counting_started):
        view.model.set_filter(EventFilter(place="Kharkiv"))
    assert view.model.rowCount() == shown
    with qtbot.waitSignal(view.model.counts_changed):
        pass
    assert view.model.rowCount() == 750
