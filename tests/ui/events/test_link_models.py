"""The detail panes' link models: linked events, dependencies, an event's links, and views."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QAbstractItemView, QTableView
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from tests.ui._fixtures import column_data
from tracker.domain.enums import Precision
from tracker.services import rounds
from tracker.services.events import events
from tracker.services.factors import factors
from tracker.ui.common.workspace import Workspace
from tracker.ui.events.link_models import (
    DependenciesModel,
    EventIdRole,
    EventLinksModel,
    LinkedEventsModel,
    LinkIdRole,
    OpenFactorRole,
    OpenRoundRole,
    compact_table,
    event_date_text,
)
from tracker.ui.window.main_window import MainWindow
from tracker.ui.window.window_size import starting_size

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

ROUND = 2  # 7 linked events, 3 dependencies in the sample
TENSIONS, STARLINK, GRID = 1, 2, 3  # factor ids in the sample
MATERNITY_WARD = 1  # event linked to ROUND and to STARLINK
Tip = Qt.ItemDataRole.ToolTipRole


def test_models_pass_qtmodeltester(qtmodeltester: ModelTester,
                                   sample_workspace: Workspace) -> None:
    ws = sample_workspace
    detail = ws.read(lambda s: rounds.round_detail(s, ROUND))
    starlink = ws.read(lambda s: factors.factor_detail(s, STARLINK))
    tensions = ws.read(lambda s: factors.factor_detail(s, TENSIONS))
    linked = ws.read(lambda s: events.event_detail(s, MATERNITY_WARD)).links
    for rows in (detail.linked_events, starlink.linked_events, ()):
        events_model = LinkedEventsModel()
        events_model.set_rows(rows)
        qtmodeltester.check(events_model, force_py=True)
    by_factor, by_round = DependenciesModel("factor"), DependenciesModel("round")
    by_factor.set_rows(detail.dependencies)
    by_round.set_rows(tensions.dependents)
    for dependencies_model in (by_factor, by_round):
        qtmodeltester.check(dependencies_model, force_py=True)
    links_model = EventLinksModel()
    links_model.set_rows(linked)
    qtmodeltester.check(links_model, force_py=True)


def test_linked_events_model_shows_summary_early_and_keeps_ids(
        sample_workspace: Workspace) -> None:
    detail = sample_workspace.read(lambda s: rounds.round_detail(s, ROUND))
    model = LinkedEventsModel()
    model.set_rows(detail.linked_events)
    assert model.rowCount() == 7
    headers = [model.headerData(n, Qt.Orientation.Horizontal) for n in range(7)]
    assert headers == ["Date", "Target", "Place", "Summary", "Link", "Note", "Type"]
    first = detail.linked_events[0]
    texts = [model.index(0, n).data() for n in range(7)]
    assert texts[model.DATE] == "week of 26 Jan 2026"
    assert texts[model.TARGET] == "medical"
    assert texts[model.PLACE] == "Zaporizhzhia"
    assert texts[model.SUMMARY].startswith("A drone hit a maternity ward")
    assert texts[model.SUMMARY].endswith("…")  # elided in the cell…
    assert model.index(0, model.SUMMARY).data(Tip) == first.summary  # …whole in the tip
    assert texts[model.KIND] == "escalation during talks"
    assert texts[model.NOTE] == first.note == model.index(0, model.NOTE).data(Tip)
    assert texts[model.TYPE] == "Explosions/Remote violence"
    assert model.index(0, model.DATE).data(Tip) == "Reported to the week"
    assert model.index(4, model.PLACE).data() == "—"  # no place given
    assert column_data_of(model, EventIdRole) == [r.event_id for r in detail.linked_events]
    assert column_data_of(model, LinkIdRole) == [r.link_id for r in detail.linked_events]


def column_data_of(model: LinkedEventsModel, role: int) -> list[object]:
    return [model.index(row, 0).data(role) for row in range(model.rowCount())]


def test_event_date_text_keeps_the_reported_precision(sample_workspace: Workspace) -> None:
    row = sample_workspace.read(lambda s: rounds.round_detail(s, ROUND)).linked_events[0]
    on = replace(row, event_date=date(2026, 1, 26))
    assert event_date_text(replace(on, date_precision=Precision.WEEK)) == "week of 26 Jan 2026"
    assert event_date_text(replace(on, date_precision=Precision.MONTH)) == "January 2026 (month)"
    assert event_date_text(replace(on, date_precision=Precision.DAY)) == "26 Jan 2026"
    assert event_date_text(replace(on, date_precision=Precision.EXACT)) == "26 Jan 2026"
    uncertain = replace(on, date_precision=Precision.UNKNOWN)
    assert event_date_text(uncertain) == "26 Jan 2026 (date uncertain)"


def test_round_and_factor_panes_show_a_linked_event_alike(sample_workspace: Workspace) -> None:
    ws = sample_workspace
    from_round, from_factor = LinkedEventsModel(), LinkedEventsModel()
    from_round.set_rows(ws.read(lambda s: rounds.round_detail(s, ROUND)).linked_events)
    from_factor.set_rows(ws.read(lambda s: factors.factor_detail(s, STARLINK)).linked_events)

    def event_row(model: LinkedEventsModel) -> list[object]:
        row = column_data_of(model, EventIdRole).index(MATERNITY_WARD)
        return [model.index(row, n).data() for n in (model.DATE, model.TARGET, model.PLACE,
                                                     model.SUMMARY, model.TYPE)]

    assert event_row(from_round) == event_row(from_factor)
    assert event_row(from_factor)[0] == "week of 26 Jan 2026"  # not ISO any more


def test_dependencies_model_names_the_other_side(sample_workspace: Workspace) -> None:
    ws = sample_workspace
    by_factor = DependenciesModel("factor")
    by_factor.set_rows(ws.read(lambda s: rounds.round_detail(s, ROUND)).dependencies)
    assert by_factor.headerData(0, Qt.Orientation.Horizontal) == "Factor"
    assert [by_factor.index(n, 0).data() for n in range(3)] == \
        ["U.S.–Iran tensions", "U.S.–Iran tensions", "Winter grid collapse"]
    assert [by_factor.index(n, 0).data(OpenFactorRole) for n in range(3)] == \
        [TENSIONS, TENSIONS, GRID]
    assert by_factor.index(0, 0).data(OpenRoundRole) is None
    assert by_factor.index(2, by_factor.NOTE).data(Tip).startswith("The U.S. called")

    by_round = DependenciesModel("round")
    by_round.set_rows(ws.read(lambda s: factors.factor_detail(s, TENSIONS)).dependents)
    assert by_round.headerData(0, Qt.Orientation.Horizontal) == "Round"
    assert [by_round.index(n, 0).data() for n in range(2)] == \
        ["Trilateral talks announced for the coming week"] * 2
    assert [by_round.index(n, 0).data(OpenRoundRole) for n in range(2)] == [ROUND, ROUND]
    assert by_round.index(0, 0).data(OpenFactorRole) is None
    assert [by_round.index(n, by_round.EFFECT).data() for n in range(2)] == \
        ["may postpone", "may relocate"]


def test_event_links_model_opens_rounds_and_factors(sample_workspace: Workspace) -> None:
    links = sample_workspace.read(lambda s: events.event_detail(s, MATERNITY_WARD)).links
    model = EventLinksModel()
    model.set_rows(links)
    assert [model.index(n, 0).data() for n in range(2)] == [
        "Round: Trilateral talks announced for the coming week",
        "Factor: Starlink restriction on Russian use"]
    assert [model.index(n, model.KIND).data() for n in range(2)] == [
        "escalation during talks", "context"]
    assert [model.index(n, 0).data(OpenRoundRole) for n in range(2)] == [ROUND, None]
    assert [model.index(n, 0).data(OpenFactorRole) for n in range(2)] == [None, STARLINK]
    assert [model.index(n, 0).data(LinkIdRole) for n in range(2)] == \
        [link.link_id for link in links]
    assert model.index(1, model.NOTE).data(Tip) == links[1].note


def test_compact_table_is_a_read_only_row_picker(qtbot: QtBot) -> None:
    model = EventLinksModel()
    view = compact_table("some-links", model, EventLinksModel.SAMPLES, "Press Enter")
    qtbot.addWidget(view)
    assert view.objectName() == "some-links"
    assert view.model() is model
    assert view.toolTip() == "Press Enter"
    assert view.selectionBehavior() is QAbstractItemView.SelectionBehavior.SelectRows
    assert view.selectionMode() is QAbstractItemView.SelectionMode.SingleSelection
    assert view.editTriggers() == QAbstractItemView.EditTrigger.NoEditTriggers
    assert view.verticalHeader().isHidden()
    assert view.alternatingRowColors()
    assert not view.wordWrap()
    assert view.horizontalHeader().stretchLastSection()
    metrics = view.fontMetrics()
    assert view.columnWidth(0) > metrics.horizontalAdvance(EventLinksModel.SAMPLES[0])


def summary_shown(view: QTableView, summary_column: int) -> int:
    """How many pixels of the summary column are on screen without scrolling."""
    start = view.horizontalHeader().sectionViewportPosition(summary_column)
    return min(view.viewport().width(), start + view.columnWidth(summary_column)) - start


def test_summaries_show_at_the_panes_default_width(qtbot: QtBot, window: MainWindow) -> None:
    # At least some fifteen characters of each summary, in the window's first-run size on
    # a 1280×800 screen (the test screen is smaller than any the window is made for).
    window.resize(starting_size(QSize(1280, 800)))
    qtbot.waitUntil(lambda: window.size() == starting_size(QSize(1280, 800)))
    round_events = window.rounds_view.detail.events
    wanted = 15 * round_events.fontMetrics().averageCharWidth()
    assert window.rounds_view.detail.round_id() == ROUND
    window.rounds_view.detail.tabs.setCurrentWidget(window.rounds_view.detail.events_page)
    assert round_events.isVisible()
    assert summary_shown(round_events, LinkedEventsModel.SUMMARY) >= wanted

    window.tabs.setCurrentWidget(window.factors_view)
    assert window.factors_view.select_factor(STARLINK)
    factor_events = window.factors_view.detail.linked
    qtbot.waitUntil(factor_events.isVisible)
    assert column_data(factor_events, LinkedEventsModel.DATE) == ["week of 26 Jan 2026"] * 3
    assert summary_shown(factor_events, LinkedEventsModel.SUMMARY) >= wanted
