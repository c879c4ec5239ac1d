"""The Rounds tab: table and proxy models, zones and precision, sort, filter, detail pane."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from PySide6.QtCore import QPoint, Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session

from tests.ui._fixtures import column_data, placeholder_text
from tests.ui.conftest import DISPLAY_TZ, ReportedErrors
from tracker.domain.enums import ChangeKind, RoundFormat, RoundStatus
from tracker.domain.timewindow import ScheduledWindow
from tracker.services import rounds
from tracker.services.records import reference
from tracker.services.records.citations import list_sources
from tracker.services.rounds import ChangeNote, RoundDraft, RoundState
from tracker.ui.common import settings as options
from tracker.ui.common.settings import Settings
from tracker.ui.common.workspace import Topic, Workspace
from tracker.ui.events.link_models import LinkedEventsModel, LinkIdRole, OpenFactorRole
from tracker.ui.rounds.history_model import ANNOUNCED as ANNOUNCED_COLUMN
from tracker.ui.rounds.history_model import (
    CHANGE,
    ENTERED,
    FACTOR,
    KIND,
    REASON,
    SOURCE,
    ChangeIdRole,
    HistoryModel,
)
from tracker.ui.rounds.rounds_model import (
    LINKED,
    STATUS,
    TITLE,
    VENUE,
    WHEN_USER,
    WHEN_VENUE,
    RoundIdRole,
    RoundsProxyModel,
    RoundsTableModel,
)
from tracker.ui.rounds.rounds_view import RoundsView

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

ANNOUNCED, EARLIER = 2, 1  # round ids in the sample
TENSIONS, GRID = 1, 3  # factor ids in the sample
WEEK_TEXT = "week of 2 Feb 2026 (to 8 Feb 2026)"
# 10:00 in Abu Dhabi (UTC+4) is 07:00 in Berlin (CET, UTC+1).
ABU_DHABI_MORNING = ScheduledWindow.exact(datetime(2026, 2, 5, 10, 0), None, "Asia/Dubai")


@pytest.fixture
def view(qtbot: QtBot, sample_workspace: Workspace, settings: Settings) -> RoundsView:
    widget = RoundsView(sample_workspace, settings.get(options.DISPLAY_TIME_ZONE))
    qtbot.addWidget(widget)
    widget.resize(1400, 700)
    with qtbot.waitExposed(widget):
        widget.show()
    return widget


def table_ids(view: RoundsView) -> list[int]:
    proxy = view.proxy
    return [proxy.index(row, 0).data(RoundIdRole) for row in range(proxy.rowCount())]


def history_column(model: HistoryModel, column: int) -> list[str]:
    return [model.index(row, column).data() for row in range(model.rowCount())]


def move_to_abu_dhabi(ws: Workspace, reason: str = "Moved to Abu Dhabi",
                      source_id: int | None = None) -> None:
    """Reschedule the announced round to an exact time and give it a venue, in one write."""
    def change(session: Session) -> None:
        venue = reference.create_venue(session, name="Emirates Palace", city="Abu Dhabi",
                                       country="UAE", time_zone="Asia/Dubai")
        rounds.reschedule(session, ANNOUNCED, ABU_DHABI_MORNING,
                            ChangeNote(reason, TENSIONS, source_id))
        rounds.relocate(session, ANNOUNCED, venue, ChangeNote("Venue named"))
    ws.write(change, Topic.ROUNDS)


def add_round(ws: Workspace, title: str, window: ScheduledWindow) -> int:
    track = ws.read(reference.list_tracks)[0].id
    draft = RoundDraft(track, title, RoundFormat.TECHNICAL,
                       RoundState(window, None, RoundStatus.PROPOSED))
    round_id = ws.write(lambda s: rounds.create_round(s, draft).record_id, Topic.ROUNDS)
    assert round_id is not None
    return round_id


def click_header(qtbot: QtBot, view: RoundsView, section: int) -> None:
    header = view.table.horizontalHeader()
    x = header.sectionViewportPosition(section) + header.sectionSize(section) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(x, header.height() // 2))


def change_rounds(ws: Workspace) -> None:
    """Same rows changed (dataChanged), then a new row (a reset)."""
    move_to_abu_dhabi(ws)
    add_round(ws, "Technical talks on energy strikes",
              ScheduledWindow.month_of(date(2026, 3, 1), "Europe/Istanbul"))


# One check per model and test: the tester then re-runs every check on each signal the
# model emits while it changes (a second check() would connect its handlers twice).
def test_table_model_passes_qtmodeltester(qtmodeltester: ModelTester,
                                          sample_workspace: Workspace) -> None:
    model = RoundsTableModel(sample_workspace, DISPLAY_TZ)
    qtmodeltester.check(model, force_py=True)
    change_rounds(sample_workspace)
    model.set_display_zone("Asia/Tokyo")
    assert model.rowCount() == 3
    assert model.index(model.row_of(ANNOUNCED), WHEN_USER).data() == "5 Feb 2026 15:00 JST"


def test_proxy_model_passes_qtmodeltester(qtmodeltester: ModelTester,
                                          sample_workspace: Workspace) -> None:
    model = RoundsTableModel(sample_workspace, DISPLAY_TZ)
    proxy = RoundsProxyModel()
    proxy.setSourceModel(model)
    proxy.sort(TITLE, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(proxy, force_py=True)
    change_rounds(sample_workspace)
    proxy.set_filter_text("technical")
    assert proxy.rowCount() == 1
    proxy.set_filter_text("")
    assert proxy.rowCount() == 3


def test_history_model_passes_qtmodeltester(qtmodeltester: ModelTester,
                                            sample_workspace: Workspace) -> None:
    ws = sample_workspace
    history = HistoryModel(DISPLAY_TZ)
    history.set_rows(ws.read(lambda s: rounds.round_detail(s, ANNOUNCED)).history)
    qtmodeltester.check(history, force_py=True)
    move_to_abu_dhabi(ws)
    history.set_rows(ws.read(lambda s: rounds.round_detail(s, ANNOUNCED)).history)
    history.set_display_zone("Asia/Tokyo")
    assert history.rowCount() == 3
    # Announced on 31 Jan (the article gives the day, no time): that date in every zone.
    assert history.index(0, 0).data() == "31 Jan 2026"
    assert "Asia/Tokyo" in history.headerData(0, Qt.Orientation.Horizontal,
                                              Qt.ItemDataRole.ToolTipRole)


def test_week_window_keeps_its_precision_in_both_zones(view: RoundsView) -> None:
    model = view.model
    row = model.row_of(ANNOUNCED)
    assert row is not None
    assert model.index(row, WHEN_VENUE).data() == WEEK_TEXT
    assert model.index(row, WHEN_USER).data() == WEEK_TEXT  # no false time in Berlin
    assert ":" not in model.index(row, WHEN_USER).data()
    tip = model.index(row, WHEN_USER).data(Qt.ItemDataRole.ToolTipRole)
    assert "(Europe/Kyiv, week)" in tip and f"In your zone ({DISPLAY_TZ})" in tip
    assert model.index(model.row_of(EARLIER), WHEN_VENUE).data() == "date unknown"
    assert model.headerData(WHEN_USER, Qt.Orientation.Horizontal,
                            Qt.ItemDataRole.ToolTipRole) == \
        f"The window shown in your time zone ({DISPLAY_TZ})"
    # The week has no venue: its column must not claim a venue's zone for it.
    assert model.headerData(WHEN_VENUE, Qt.Orientation.Horizontal) == "When (round's zone)"
    assert "otherwise the zone its time was given in" in model.headerData(
        WHEN_VENUE, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)


def test_exact_window_shows_venue_zone_and_display_zone(view: RoundsView) -> None:
    move_to_abu_dhabi(view._workspace)
    model = view.model
    row = model.row_of(ANNOUNCED)
    assert row is not None
    assert model.index(row, WHEN_VENUE).data() == "5 Feb 2026 10:00 +04"
    assert model.index(row, WHEN_USER).data() == "5 Feb 2026 07:00 CET"
    assert model.index(row, VENUE).data() == "Emirates Palace (Abu Dhabi, UAE)"
    assert model.index(row, VENUE).data(Qt.ItemDataRole.ToolTipRole).endswith("Asia/Dubai")

    view.set_display_zone("America/New_York")
    assert model.index(row, WHEN_USER).data() == "5 Feb 2026 01:00 EST"
    assert model.index(row, WHEN_VENUE).data() == "5 Feb 2026 10:00 +04"
    view.select_round(ANNOUNCED)
    summary = view.detail.summary.toPlainText()
    assert "5 Feb 2026 01:00 EST (America/New_York)" in summary
    assert "5 Feb 2026 10:00 +04 (Asia/Dubai)" in summary


def test_header_click_sorts_and_click_again_reverses(qtbot: QtBot, view: RoundsView) -> None:
    new_id = add_round(view._workspace, "Abu Dhabi technical talks", ABU_DHABI_MORNING)
    # Initially by window start, unknown dates last.
    assert table_ids(view) == [ANNOUNCED, new_id, EARLIER]
    header = view.table.horizontalHeader()

    by_title = [new_id, EARLIER, ANNOUNCED]  # "Abu…", "Earlier…", "Trilateral…"
    click_header(qtbot, view, TITLE)
    assert header.sortIndicatorSection() == TITLE
    first = header.sortIndicatorOrder()
    assert table_ids(view) == (by_title if first == Qt.SortOrder.AscendingOrder
                               else by_title[::-1])
    click_header(qtbot, view, TITLE)
    assert header.sortIndicatorOrder() != first
    assert table_ids(view) == (by_title[::-1] if first == Qt.SortOrder.AscendingOrder
                               else by_title)

    # Status sorts by the life cycle (proposed, scheduled, …, held), not alphabetically.
    view.table.sortByColumn(STATUS, Qt.SortOrder.AscendingOrder)
    assert table_ids(view) == [new_id, ANNOUNCED, EARLIER]
    view.table.sortByColumn(LINKED, Qt.SortOrder.DescendingOrder)
    assert table_ids(view)[0] == ANNOUNCED


def test_typed_filter_counts_and_placeholder(qtbot: QtBot, view: RoundsView) -> None:
    assert view.count_label.text() == "2 rounds"
    qtbot.keyClicks(view.filter, "Coming WEEK")
    assert table_ids(view) == [ANNOUNCED]
    assert view.count_label.text() == "1 of 2 rounds"
    assert not view.placeholder.isVisible()

    qtbot.keyClicks(view.filter, " nowhere")
    assert view.proxy.rowCount() == 0
    assert view.count_label.text() == "0 of 2 rounds"
    assert view.placeholder.isVisible()
    assert view.placeholder.text() == "No rounds match “Coming WEEK nowhere”."

    view.filter.clear()
    assert view.count_label.text() == "2 rounds"
    assert not view.placeholder.isVisible()
    # Status, participants and the window text are searched too; every word must match.
    qtbot.keyClicks(view.filter, "held mediator")
    assert table_ids(view) == [EARLIER]


def test_filter_keeps_detail_in_step_with_the_selection(qtbot: QtBot,
                                                        view: RoundsView) -> None:
    view.select_round(ANNOUNCED)
    assert view.detail.round_id() == ANNOUNCED
    # Filtering the selected round out moves the selection to a row still shown.
    qtbot.keyClicks(view.filter, "held")
    assert view.selected_round_id() == EARLIER
    assert view.detail.round_id() == EARLIER
    with qtbot.waitSignal(view.round_selected) as blocker:
        qtbot.keyClicks(view.filter, " nowhere")
    assert blocker.args == [None]
    assert view.selected_round() is None
    assert view.detail.stack.currentWidget() is view.detail.empty
    # select_round clears a filter that hides the round.
    assert view.select_round(ANNOUNCED)
    assert view.filter.text() == ""
    assert view.selected_round_id() == view.detail.round_id() == ANNOUNCED
    assert not view.select_round(99_999)


def test_selecting_a_round_fills_the_detail_pane(qtbot: QtBot, view: RoundsView) -> None:
    detail = view.detail
    assert detail.stack.currentWidget() is detail.empty
    with qtbot.waitSignal(view.round_selected) as blocker:
        view.select_round(ANNOUNCED)
    assert blocker.args == [ANNOUNCED]
    assert view.selected_round().title == "Trilateral talks announced for the coming week"
    summary = detail.summary.toPlainText()
    for text in ("Ukraine — party", "Russia — party", "United States — mediator",
                 f"{WEEK_TEXT} (Europe/Kyiv)", f"{WEEK_TEXT} ({DISPLAY_TZ})",
                 "Not known yet", "Widespread Russian Attacks"):
        assert text in summary

    assert column_data(detail.dependencies) == ["U.S.–Iran tensions", "U.S.–Iran tensions",
                                                "Winter grid collapse"]
    assert column_data(detail.dependencies, 1) == ["may postpone", "may relocate", "leverage"]
    assert column_data(detail.dependencies, 0, OpenFactorRole) == [TENSIONS, TENSIONS, GRID]
    assert detail.events.model().rowCount() == 7
    assert set(column_data(detail.events)) == {"week of 26 Jan 2026"}
    places = column_data(detail.events, LinkedEventsModel.PLACE)
    assert places[:4] == ["Zaporizhzhia", "Zaporizhzhia", "Kyiv", "Kharkiv"]
    assert places[4] == "—"  # no place given
    assert placeholder_text(detail.events) == placeholder_text(detail.dependencies) == ""
    assert [detail.tabs.tabText(n) for n in range(4)] == \
        ["Participants (3)", "Linked events (7)", "Dependencies (3)", "History (1)"]
    # Announced on 31 Jan 2026, a day (the article gives no time); taken to be entered at
    # its start, 00:00 UTC, shown in the display zone.
    assert history_column(detail.history_model, ANNOUNCED_COLUMN) == ["31 Jan 2026"]
    assert history_column(detail.history_model, ENTERED) == ["31 Jan 2026 01:00 CET"]
    assert history_column(detail.history_model, KIND) == ["Created"]

    view.select_round(EARLIER)
    assert detail.events.model().rowCount() == 0
    assert detail.dependencies.model().rowCount() == 0
    assert placeholder_text(detail.events).startswith("No events linked to this round")
    assert placeholder_text(detail.dependencies) == "This round depends on no factor."
    assert "held: date unknown" in detail.history_model.index(0, CHANGE).data()


def test_workspace_change_refreshes_table_and_detail_keeping_selection(
        qtbot: QtBot, view: RoundsView) -> None:
    ws = view._workspace
    source_id, source = ws.read(list_sources)[1]
    view.select_round(ANNOUNCED)
    with qtbot.waitSignal(ws.changed):
        move_to_abu_dhabi(ws, reason="U.S. strikes on Iran", source_id=source_id)
    assert view.selected_round_id() == ANNOUNCED
    row = view.model.row_of(ANNOUNCED)
    assert view.model.index(row, WHEN_VENUE).data() == "5 Feb 2026 10:00 +04"
    history = view.detail.history_model
    assert history_column(history, KIND) == ["Created", "Rescheduled", "Relocated"]
    assert history.index(1, CHANGE).data() == f"{WEEK_TEXT} → 5 Feb 2026 10:00 +04"
    assert history_column(history, REASON)[1:] == ["U.S. strikes on Iran", "Venue named"]
    assert history_column(history, FACTOR)[1:] == ["U.S.–Iran tensions", ""]
    assert history_column(history, SOURCE)[1] == source
    assert history.index(1, 0).data(ChangeIdRole) > \
        history.index(0, 0).data(ChangeIdRole)
    assert "Emirates Palace" in view.detail.summary.toPlainText()

    # A new round changes the rows (a model reset); the selection is restored by id.
    with qtbot.waitSignal(view.proxy.modelReset):
        add_round(ws, "An earlier proposal", ScheduledWindow.days(
            date(2026, 1, 20), "Europe/Kyiv"))
    assert table_ids(view)[0] != ANNOUNCED
    assert view.selected_round_id() == ANNOUNCED
    assert view.count_label.text() == "3 rounds"
    assert view.detail.round_id() == ANNOUNCED


def test_deleting_the_selected_round_empties_the_detail(view: RoundsView) -> None:
    ws = view._workspace
    view.select_round(ANNOUNCED)
    ws.write(lambda s: rounds.delete(s, ANNOUNCED, ChangeNote("gone")), Topic.ROUNDS)
    assert table_ids(view) == [EARLIER]
    assert view.detail.round_id() is None
    assert view.detail.stack.currentWidget() is view.detail.empty
    kinds = [r.kind for r in ws.read(lambda s: rounds.history(s, ANNOUNCED))]
    assert kinds[-1] is ChangeKind.DELETED


def test_activating_links_opens_event_and_factor(qtbot: QtBot, view: RoundsView) -> None:
    view.select_round(ANNOUNCED)
    events = view.detail.events
    events.selectRow(2)  # the Kyiv attack
    with qtbot.waitSignal(view.open_event) as opened_event:
        qtbot.keyClick(events, Qt.Key.Key_Return)
    assert opened_event.args == [3]

    view.detail.tabs.setCurrentWidget(view.detail.dependencies)
    dependencies = view.detail.dependencies
    dependencies.selectRow(2)
    with qtbot.waitSignal(view.open_factor) as opened_factor:
        qtbot.keyClick(dependencies, Qt.Key.Key_Return)
    assert opened_factor.args == [GRID]

    with qtbot.waitSignal(view.round_activated) as activated:
        qtbot.keyClick(view.table, Qt.Key.Key_Return)
    assert activated.args == [ANNOUNCED]


def test_the_selected_link_stays_selected_when_the_round_is_re_read(
        qtbot: QtBot, view: RoundsView) -> None:
    view.select_round(ANNOUNCED)
    detail = view.detail
    detail.events.selectRow(2)
    link_id = detail.selected_link_id()
    assert link_id == column_data(detail.events, 0, LinkIdRole)[2]
    with qtbot.waitSignal(detail.events_model.modelReset):  # the pane re-reads the round
        move_to_abu_dhabi(view._workspace)
    assert detail.selected_link_id() == link_id
    assert detail.events.selectionModel().selectedRows()[0].row() == 2
    assert detail.unlink_button.isEnabled()


def test_unlink_from_the_detail_pane_is_undoable(
        qtbot: QtBot, view: RoundsView, no_modal_boxes: ReportedErrors) -> None:
    ws = view._workspace
    view.select_round(ANNOUNCED)
    detail = view.detail
    assert not detail.unlink_button.isEnabled()
    detail.events.selectRow(1)
    assert detail.unlink_button.isEnabled()
    link_id = detail.selected_link_id()
    linked = view.model.index(view.model.row_of(ANNOUNCED), LINKED)

    qtbot.mouseClick(detail.unlink_button, Qt.MouseButton.LeftButton)
    assert detail.events.model().rowCount() == 6
    assert link_id not in column_data(detail.events, 0, LinkIdRole)
    assert linked.data() == 6
    assert detail.tabs.tabText(1) == "Linked events (6)"
    assert not detail.unlink_button.isEnabled()
    assert ws.undo_stack.undoText() == \
        "Unlink event from “Trilateral talks announced for the coming week”"

    ws.undo_stack.undo()
    assert detail.events.model().rowCount() == 7
    assert column_data(detail.events, 0, LinkIdRole)[1] == link_id  # same link back
    assert linked.data() == 7
    ws.undo_stack.redo()
    assert detail.events.model().rowCount() == 6
    assert view.selected_round_id() == ANNOUNCED
    assert no_modal_boxes == []


def test_header_and_splitter_state_round_trip_through_settings(
        qtbot: QtBot, view: RoundsView, sample_workspace: Workspace, settings: Settings) -> None:
    header = view.table.horizontalHeader()
    header.moveSection(VENUE, 0)
    header.resizeSection(TITLE, 321)
    view.table.sortByColumn(TITLE, Qt.SortOrder.DescendingOrder)
    view.splitter.setSizes([900, 400])
    sizes = view.splitter.sizes()
    view.save_state(settings)
    settings.sync()

    reopened = Settings.from_file(settings.file_name)
    again = RoundsView(sample_workspace, DISPLAY_TZ)
    qtbot.addWidget(again)
    again.resize(view.size())
    again.restore_state(reopened)
    with qtbot.waitExposed(again):
        again.show()
    restored = again.table.horizontalHeader()
    assert restored.visualIndex(VENUE) == 0
    assert restored.sectionSize(TITLE) == 321
    assert (restored.sortIndicatorSection(), restored.sortIndicatorOrder()) == \
        (TITLE, Qt.SortOrder.DescendingOrder)
    assert table_ids(again) == [ANNOUNCED, EARLIER]  # "Trilateral…" before "Earlier…"
    assert again.splitter.sizes() == sizes


def test_restore_without_saved_state_keeps_the_defaults(
        qtbot: QtBot, sample_workspace: Workspace, settings: Settings) -> None:
    widget = RoundsView(sample_workspace, DISPLAY_TZ)
    qtbot.addWidget(widget)
    widget.restore_state(settings)
    header = widget.table.horizontalHeader()
    assert header.sortIndicatorSection() == WHEN_VENUE
    assert header.visualIndex(VENUE) == VENUE
    table_width, detail_width = widget.splitter.sizes()
    assert min(table_width, detail_width) > 0.4 * (table_width + detail_width)
