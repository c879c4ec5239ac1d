"""The Events view: paged model, SQL sort and filters, selection, links in the detail pane."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import QModelIndex, Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session

from tests.ui._fixtures import FetchCounter, add_events, column_data, placeholder_text
from tests.ui.conftest import ReportedErrors
from tracker.domain.enums import LinkKind
from tracker.services.common.views import EventDetail
from tracker.services.events import events
from tracker.services.events.events import EventFilter
from tracker.services.events.link_operations import add_link, remove_link
from tracker.services.events.linking import LinkSpec
from tracker.storage.database import Database
from tracker.ui.common.edit_commands import EditRecordCommand
from tracker.ui.common.forms import select_data
from tracker.ui.common.paging import PAGE_SIZE
from tracker.ui.common.workspace import Topic, Workspace
from tracker.ui.events.event_position import event_position
from tracker.ui.events.events_model import (
    COLUMNS,
    DATE,
    FATALITIES,
    FIRST_ROWS,
    INJURIES,
    SUMMARY,
    EventIdRole,
    EventsTableModel,
)
from tracker.ui.events.events_view import EventsView
from tracker.ui.events.link_models import OpenFactorRole
from tracker.ui.rounds.round_commands import DeleteRoundCommand
from tracker.ui.window.actions import ACTIONS

# The offscreen platform warns when a top-level window is shown; harmless here.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def workspace(db: Database) -> Iterator[Workspace]:
    ws = Workspace(db)
    yield ws
    ws.deleteLater()


@pytest.fixture
def sample_ws(sample_db: Database) -> Iterator[Workspace]:
    ws = Workspace(sample_db)
    yield ws
    ws.deleteLater()


@pytest.fixture
def view(qtbot: QtBot, sample_ws: Workspace) -> EventsView:
    widget = EventsView(sample_ws)
    qtbot.addWidget(widget)
    widget.resize(1200, 700)
    with qtbot.waitExposed(widget):
        widget.show()
    return widget


def page_calls(counter: FetchCounter) -> list[int]:
    """Offsets of the page fetches and of the first rows' (the view's own one-row
    look-ups left out)."""
    return [call["offset"] for call in counter.calls
            if call.get("limit") in (PAGE_SIZE, FIRST_ROWS)]


def test_model_passes_qtmodeltester(qtmodeltester: ModelTester, sample_ws: Workspace) -> None:
    model = EventsTableModel(sample_ws)
    qtmodeltester.check(model, force_py=True)
    model.sort(FATALITIES, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(model, force_py=True)


def test_checkable_model_passes_qtmodeltester(
    qtmodeltester: ModelTester, sample_ws: Workspace
) -> None:
    model = EventsTableModel(sample_ws, checkable=True)
    model.set_disabled_ids(frozenset({1}))
    qtmodeltester.check(model, force_py=True)


def test_cells_show_precision_and_unknown_counts(sample_ws: Workspace) -> None:
    model = EventsTableModel(sample_ws)
    first = model.index(0, DATE)
    row = first.data(Qt.ItemDataRole.UserRole + 1)
    assert first.data() == "week of 26 Jan 2026" == f"week of {row.event_date:%-d %b %Y}"
    assert model.index(0, FATALITIES).data() == "—"  # unknown, not 0
    assert model.index(0, INJURIES).data() == "6"
    summary = model.index(0, SUMMARY)
    assert summary.data().endswith("…")
    assert summary.data(Qt.ItemDataRole.ToolTipRole) == row.summary
    assert model.headerData(DATE, Qt.Orientation.Horizontal) == "Date"
    assert model.data(QModelIndex()) is None


def test_paging_fetches_only_the_rows_on_screen(
    qtbot: QtBot, workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_events(workspace.db, 20_000)
    counter = FetchCounter()
    monkeypatch.setattr(events, "fetch_events", counter)
    view = EventsView(workspace)
    qtbot.addWidget(view)
    view.resize(1200, 700)
    with qtbot.waitExposed(view):
        view.show()
    # The count follows the first rows, from the runner: on a busy machine it may not
    # have arrived by the time the window is exposed.
    qtbot.waitUntil(lambda: view.model.rowCount() == 20_000)
    qtbot.waitUntil(lambda: len(page_calls(counter)) >= 1)
    assert page_calls(counter) == [0]

    view.table.scrollToBottom()
    qtbot.waitUntil(lambda: len(page_calls(counter)) == 2)
    last_page = (20_000 - 1) // PAGE_SIZE * PAGE_SIZE
    assert page_calls(counter) == [0, last_page]
    assert len(view.model.pages.cached_rows()) <= 2 * PAGE_SIZE


def test_scrolling_reads_on_from_the_neighbouring_page(
    qtbot: QtBot, workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A page next to a cached one starts from that page's edge row (one index seek in
    SQL, however deep); only a jump reads by position, from the nearer end (#3)."""
    add_events(workspace.db, 3000)
    counter = FetchCounter()
    monkeypatch.setattr(events, "fetch_events", counter)
    model = EventsTableModel(workspace)
    first = model.event_at(0)
    assert counter.calls[-1]["after"] is None and counter.calls[-1]["before"] is None
    # The first page is read before the count (issue 19); the count follows.
    qtbot.waitUntil(lambda: not model.is_counting())
    # Only the first rows were read (FIRST_ROWS): a row below them reads their whole
    # page, by position, which starts with the same rows.
    assert counter.calls[-1]["limit"] == FIRST_ROWS
    end_of_first = model.event_at(PAGE_SIZE - 1)
    assert counter.calls[-1]["limit"] == PAGE_SIZE and counter.calls[-1]["offset"] == 0
    assert model.event_at(0) == first
    below = model.event_at(PAGE_SIZE)
    assert counter.calls[-1]["after"] == end_of_first
    last = model.event_at(2999)
    assert counter.calls[-1]["after"] is None and counter.calls[-1]["offset"] == \
        2999 // PAGE_SIZE * PAGE_SIZE
    assert counter.calls[-1]["total"] == 3000  # the service picks the nearer end
    above_last = model.event_at(2999 // PAGE_SIZE * PAGE_SIZE - 1)
    assert counter.calls[-1]["before"] == model.event_at(2999 // PAGE_SIZE * PAGE_SIZE)
    # The first rows, then one fetch per page, whichever way it is read.
    assert len(counter.calls) == 5
    with workspace.db.reading() as session:
        every = events.fetch_events(session, limit=3000)
    assert [first, below, above_last, last] == [
        every[0], every[PAGE_SIZE], every[2999 // PAGE_SIZE * PAGE_SIZE - 1], every[2999]]


def test_sorting_requeries_and_keeps_unsortable_columns_out(
    qtbot: QtBot, workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_events(workspace.db, 3000)
    counter = FetchCounter()
    monkeypatch.setattr(events, "fetch_events", counter)
    view = EventsView(workspace)
    qtbot.addWidget(view)
    view.show()
    header = view.table.horizontalHeader()
    qtbot.waitUntil(lambda: not view.model.is_counting())  # the count follows the rows

    view.table.sortByColumn(FATALITIES, Qt.SortOrder.DescendingOrder)
    assert (view.model.sort_key, view.model.descending) == ("fatalities", True)
    assert view.model.index(0, FATALITIES).data() == "4"
    assert view.model.index(2999, FATALITIES).data() == "—"  # unknown sorts last
    assert counter.calls[-1]["sort"] == "fatalities"

    view.table.sortByColumn(SUMMARY, Qt.SortOrder.AscendingOrder)
    assert view.model.sort_key == "fatalities"
    assert header.sortIndicatorSection() == FATALITIES
    assert COLUMNS[SUMMARY].sort_key is None


def test_text_filter_is_typed_debounced_and_applied(qtbot: QtBot, workspace: Workspace) -> None:
    add_events(workspace.db, 5000)
    view = EventsView(workspace)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitUntil(lambda: not view.model.is_counting())  # the count follows the rows
    with qtbot.waitSignal(view.counts_changed, timeout=2000) as blocker:
        qtbot.keyClicks(view.filter_bar.text_edit, "substat")
    assert blocker.args == [5, 5000]
    assert view.count_label.text() == "5 of 5,000 events"
    assert view.current_filter().text == "substat"

    qtbot.keyClicks(view.filter_bar.text_edit, "ionxyz")
    qtbot.waitUntil(lambda: view.model.rowCount() == 0)
    assert view.placeholder.isVisible()
    assert "No events match" in view.placeholder.text()

    view.filter_bar.clear_button.click()
    qtbot.waitUntil(lambda: view.model.rowCount() == 5000)
    assert not view.placeholder.isVisible()


def test_type_place_target_and_date_filters(qtbot: QtBot, workspace: Workspace) -> None:
    add_events(workspace.db, 1200)
    view = EventsView(workspace)
    qtbot.addWidget(view)
    bar = view.filter_bar
    types = [bar.types_list.item(n).text() for n in range(bar.types_list.count())]
    assert types == ["Battles", "Explosions/Remote violence", "Violence against civilians"]
    bar.types_list.item(0).setCheckState(Qt.CheckState.Checked)
    qtbot.waitUntil(lambda: view.model.rowCount() == 400)  # the count follows the rows
    assert bar.types_button.text() == "Battles"

    assert select_data(bar.target_combo, "energy")
    # Types cycle by 3 and targets by 4: one event in 12 matches both.
    qtbot.waitUntil(lambda: view.model.rowCount() == 100)

    bar.clear()
    qtbot.keyClicks(bar.place_edit, "Odesa")
    qtbot.waitUntil(lambda: view.model.rowCount() == 300)

    bar.clear()
    bar.from_edit.setDate(date(2025, 1, 11))
    bar.to_edit.setDate(date(2025, 1, 20))
    bar.from_check.setChecked(True)
    bar.to_check.setChecked(True)
    # 1200 events over 400 days: three a day.
    assert view.model.rowCount() == 30
    assert view.current_filter() == EventFilter(date(2025, 1, 11), date(2025, 1, 20))


def test_event_position_matches_fetch_order(workspace: Workspace) -> None:
    add_events(workspace.db, 700)
    flt = EventFilter(place="Kharkiv")
    for sort in ("event_date", "fatalities", "location"):
        for descending in (False, True):
            with workspace.db.reading() as session:
                rows = events.fetch_events(session, flt, sort=sort, descending=descending,
                                           offset=0, limit=1000)
                for position in (0, 1, 57, 100, len(rows) - 1):
                    assert event_position(session, flt, rows[position].id, sort=sort,
                                          descending=descending) == position
    with workspace.db.reading() as session:
        assert event_position(session, flt, 1) is None  # Kyiv: filtered out


def test_select_event_scrolls_clears_filters_and_shows_links(
    qtbot: QtBot, view: EventsView
) -> None:
    qtbot.keyClicks(view.filter_bar.text_edit, "Kharkiv")
    qtbot.waitUntil(lambda: view.model.rowCount() < 7)
    with qtbot.waitSignal(view.event_selected) as blocker:
        assert view.select_event(1)
    assert blocker.args == [1]
    assert view.current_filter() == EventFilter()
    assert view.table.currentIndex().data(EventIdRole) == 1
    assert column_data(view.detail.links) == [
        "Round: Trilateral talks announced for the coming week",
        "Factor: Starlink restriction on Russian use"]
    assert "maternity ward" in view.detail.fields.toPlainText()
    assert "Widespread Russian Attacks" in view.detail.sources.list.item(0).text()
    assert not view.select_event(99_999)


def test_activating_links_opens_round_and_factor(qtbot: QtBot, view: EventsView) -> None:
    view.select_event(1)
    links = view.detail.links
    links.selectRow(0)
    with qtbot.waitSignal(view.open_round) as round_signal:
        qtbot.keyClick(links, Qt.Key.Key_Return)
    links.selectRow(1)
    with qtbot.waitSignal(view.open_factor) as factor_signal:
        qtbot.keyClick(links, Qt.Key.Key_Return)
    assert round_signal.args == [2]
    assert factor_signal.args == [2]


def test_keyboard_moves_selection_and_detail(qtbot: QtBot, view: EventsView) -> None:
    view.select_event(1)
    view.table.setFocus()
    with qtbot.waitSignal(view.event_selected) as blocker:
        qtbot.keyClick(view.table, Qt.Key.Key_Down)
    assert blocker.args == [2]
    assert "Zaporizhzhia came under" in view.detail.fields.toPlainText()


def test_unlink_and_undo_from_the_detail_pane(qtbot: QtBot, view: EventsView) -> None:
    view.select_event(1)
    links = view.detail.links
    assert not view.detail.unlink_button.isEnabled()
    links.selectRow(1)
    assert view.detail.unlink_button.isEnabled()
    view.detail.unlink_button.click()
    assert links.model().rowCount() == 1
    assert not view.detail.unlink_button.isEnabled()
    view._workspace.undo_stack.undo()
    assert links.model().rowCount() == 2
    assert column_data(links)[1] == "Factor: Starlink restriction on Russian use"


def test_an_unlinked_event_says_so_over_its_links(qtbot: QtBot, view: EventsView) -> None:
    view.select_event(2)  # linked to the announced round only
    links = view.detail.links
    assert links.model().rowCount() == 1
    assert placeholder_text(links) == ""
    links.selectRow(0)
    view.detail.unlink_button.click()
    assert links.model().rowCount() == 0
    assert placeholder_text(links) == "Not linked to any round or factor"
    assert not view.detail.unlink_button.isEnabled()
    view._workspace.undo_stack.undo()
    assert links.model().rowCount() == 1
    assert placeholder_text(links) == ""


def test_link_target_dialog_links_the_selected_event(qtbot: QtBot, view: EventsView) -> None:
    view.select_event(7)
    view.detail.link_button.click()
    dialog = view.detail.dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    dialog.select_target("factor", 1)
    assert select_data(dialog.kind_combo, LinkKind.CITED)
    qtbot.keyClicks(dialog.note_edit, "Cited by Kyiv")
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert "Factor: U.S.–Iran tensions" in column_data(view.detail.links)
    assert view._workspace.undo_stack.count() == 1


def test_link_target_dialog_refuses_a_duplicate(qtbot: QtBot, view: EventsView) -> None:
    view.select_event(1)
    view.detail.link_button.click()
    dialog = view.detail.dialog
    assert dialog is not None
    dialog.select_target("factor", 2)
    assert select_data(dialog.kind_combo, LinkKind.CONTEXT)
    assert not dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()
    assert "already linked" in dialog.error_label.text()
    dialog.reject()


def test_refreshes_on_workspace_changes(qtbot: QtBot, view: EventsView) -> None:
    ws = view._workspace
    view.select_event(6)
    before = view.detail.links.model().rowCount()
    ws.write(lambda s: add_link(s, LinkSpec(6, None, 3, LinkKind.ESCALATION)), Topic.LINKS)
    assert view.detail.links.model().rowCount() == before + 1
    add_events(ws.db, 3)
    ws.changed.emit(Topic.EVENTS)
    assert view.model.rowCount() == 10
    assert view.current_event_id() == 6  # selection survives the reset
    assert view.filter_bar.types_list.count() == 3  # two new types, one shared


def test_the_detail_pane_follows_a_renamed_or_deleted_round(
        qtbot: QtBot, view: EventsView, monkeypatch: pytest.MonkeyPatch) -> None:
    ws = view._workspace
    view.select_event(1)
    links = view.detail.links
    assert column_data(links)[0] == "Round: Trilateral talks announced for the coming week"

    # A rename says Topic.ROUNDS only: the pane re-reads, the big table is left alone.
    with qtbot.assertNotEmitted(view.model.modelReset):
        ws.undo_stack.push(EditRecordCommand(ws, "round", 2, {
            "title": "Trilateral talks in Abu Dhabi"}, expected_version=None, text="Edit"))
    assert column_data(links)[0] == "Round: Trilateral talks in Abu Dhabi"
    ws.undo_stack.undo()
    assert column_data(links)[0] == "Round: Trilateral talks announced for the coming week"

    reads: list[int] = []
    real = events.event_detail

    def counted(session: Session, event_id: int) -> EventDetail:
        reads.append(event_id)
        return real(session, event_id)

    monkeypatch.setattr(events, "event_detail", counted)
    with qtbot.assertNotEmitted(view.model.modelReset):
        ws.undo_stack.push(DeleteRoundCommand(ws, 2, "Trilateral talks"))
    assert reads == [1]
    assert view.current_event_id() == 1


def test_unlink_failures_in_the_pane_are_reported(
        qtbot: QtBot, view: EventsView, no_modal_boxes: ReportedErrors) -> None:
    ws = view._workspace
    view.select_event(1)
    links = view.detail.links
    links.selectRow(1)  # the Starlink factor, linked as context
    factor, kind = links.model().index(1, 0).data(OpenFactorRole), LinkKind.CONTEXT
    view.detail.unlink_button.click()
    assert links.model().rowCount() == 1 and no_modal_boxes == []
    # Another analyst links the event there again, so undo cannot put ours back: the user
    # is told, and the step leaves the stack.
    ws.write(lambda s: add_link(s, LinkSpec(1, None, factor, kind)), Topic.LINKS)
    ws.undo_stack.undo()
    assert len(no_modal_boxes) == 1
    assert no_modal_boxes[0].startswith("Unlink event failed:")
    assert "already linked" in no_modal_boxes[0]
    assert ws.undo_stack.count() == 0

    # A link removed by another program (no signal reaches this window) cannot be
    # unlinked: say so, and show the event as it is now.
    links.selectRow(1)
    gone = view.detail.selected_link_id()
    assert gone is not None
    with ws.db.transaction() as session:
        remove_link(session, gone)
    view.detail.unlink_button.click()
    assert no_modal_boxes[1:] == [
        "Unlink event: nothing to do. The event link was already removed by someone else."]
    assert links.model().rowCount() == 1
    assert ws.undo_stack.count() == 0


def test_link_target_dialog_keeps_a_link_refused_meanwhile(
        qtbot: QtBot, view: EventsView, no_modal_boxes: ReportedErrors) -> None:
    ws = view._workspace
    view.select_event(7)
    view.detail.link_button.click()
    dialog = view.detail.dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    dialog.select_target("factor", 1)
    assert select_data(dialog.kind_combo, LinkKind.CITED)
    with ws.db.transaction() as session:  # another program links it first
        add_link(session, LinkSpec(7, None, 1, LinkKind.CITED))
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    # The refusal is shown in the dialog, which stays open; no message box on top.
    assert dialog.isVisible()
    assert dialog.command is None
    assert dialog.error_label.text() == "This event is already linked there with that kind"
    assert no_modal_boxes == []
    assert ws.undo_stack.count() == 0
    dialog.reject()


def test_an_empty_database_points_to_the_import(
        qtbot: QtBot, workspace: Workspace) -> None:
    view = EventsView(workspace)
    qtbot.addWidget(view)
    text = placeholder_text(view.table)
    assert text.startswith("No events in this database yet.")
    # It names the menu item and shortcut the window really has.
    [spec] = [spec for spec in ACTIONS if spec.id == "import-events-action"]
    assert f"File › {spec.text.replace('&', '')} ({spec.shortcuts[0]})" in text
