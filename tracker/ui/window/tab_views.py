"""The main window's views: which are built with the window, which on first show, and how
each is wired to the others when it is built.

Rounds is built when the window is attached to its Workspace: it is the tab shown. The
others are built the first time they are shown or asked for (lazy_tabs.py), and import
their modules only then: the charts, the timeline canvas, the map and the million-row
Events table cost the first paint and the loaded window nothing (issue 19). A view that
follows another (the Timeline and Map follow the Events filters, the Map the Timeline's
range) builds that one first. A view built late takes the state the others are in at
that moment (selection, filter, zone, past day), then follows their signals as if it had
been there from the start.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from tracker.ui.analysis.analysis_view import AnalysisView
    from tracker.ui.chronology.chronology_view import ChronologyView
    from tracker.ui.events.events_view import EventsView
    from tracker.ui.factors.factors_view import FactorsView
    from tracker.ui.map.map_view import MapView
    from tracker.ui.rounds.rounds_view import RoundsView
    from tracker.ui.timeline.timeline_view import TimelineView
    from tracker.ui.window.main_window import MainWindow


def build_first(window: MainWindow) -> RoundsView:
    """Build the Rounds view in its tab (attach time)."""
    from tracker.ui.rounds.rounds_view import RoundsView
    from tracker.ui.window.actions import round_action_ids
    from tracker.ui.window.main_window import ROUNDS_TAB

    actions = window.action_map
    rounds_view = RoundsView(window.workspace, window.display_tz)
    rounds_view.set_actions([actions[name] for name in round_action_ids()
                             if name != "link-events-action"])
    rounds_view.detail.set_link_action(actions["link-events-action"])
    window.tabs.set_builder(ROUNDS_TAB, partial(_built, rounds_view))
    window.tabs.view(ROUNDS_TAB)
    return rounds_view


def _built(view: QWidget) -> QWidget:
    return view


def build_later(window: MainWindow) -> None:
    """Give the other tabs their builders: each builds on first show or first ask."""
    from tracker.ui.window.main_window import (
        ANALYSIS_TAB,
        CHRONOLOGY_TAB,
        EVENTS_TAB,
        FACTORS_TAB,
        MAP_TAB,
        TIMELINE_TAB,
    )

    tabs = window.tabs
    tabs.set_builder(FACTORS_TAB, lambda: factors(window))
    tabs.set_builder(EVENTS_TAB, lambda: events(window))
    tabs.set_builder(TIMELINE_TAB, lambda: timeline(window))
    tabs.set_builder(CHRONOLOGY_TAB, lambda: chronology(window))
    tabs.set_builder(ANALYSIS_TAB, lambda: analysis(window))
    tabs.set_builder(MAP_TAB, lambda: map_view(window))


def _selected_event(events_view: EventsView) -> int | None:
    selected = events_view.selected_event_ids()
    return selected[0] if selected else None


def factors(window: MainWindow) -> FactorsView:
    from tracker.ui.factors.factors_view import FactorsView

    view = FactorsView(window.workspace)
    view.set_display_zone(window.display_tz)
    view.open_event.connect(window.go_to_event)
    view.open_round.connect(window.go_to_round)
    return view


def events(window: MainWindow) -> EventsView:
    from tracker.ui.events.events_view import EventsView

    view = EventsView(window.workspace)
    view.open_round.connect(window.go_to_round)
    view.open_factor.connect(window.go_to_factor)
    return view


def timeline(window: MainWindow) -> TimelineView:
    """Selections travel both ways between the timeline and the other views; the
    Events view's filters apply to the timeline's events too."""
    from tracker.ui.timeline.timeline_view import TimelineView

    rounds_view, events_view = window.rounds_view, window.events_view
    view = TimelineView(window.workspace, window.display_tz)
    view.set_as_of(window.as_of_mode.as_of)
    view.set_event_filter(events_view.current_filter())
    view.select_round(rounds_view.selected_round_id())
    view.select_event(_selected_event(events_view))
    view.round_clicked.connect(rounds_view.select_round)
    view.event_clicked.connect(events_view.select_event)
    view.factor_clicked.connect(window.factors_view.select_factor)
    rounds_view.round_selected.connect(view.select_round)
    events_view.event_selected.connect(view.select_event)
    window.factors_view.factor_selected.connect(view.select_factor)
    events_view.filter_bar.filter_changed.connect(view.set_event_filter)
    window.as_of_mode.changed.connect(view.set_as_of)
    return view


def chronology(window: MainWindow) -> ChronologyView:
    from tracker.ui.chronology.chronology_view import ChronologyView

    view = ChronologyView(window.workspace)
    view.model.set_time_zone(window.display_tz)
    view.open_event.connect(window.go_to_event)
    view.open_round.connect(window.go_to_round)
    return view


def analysis(window: MainWindow) -> AnalysisView:
    from tracker.ui.analysis.analysis_view import AnalysisView

    view = AnalysisView(window.workspace)
    view.set_display_zone(window.display_tz)
    view.set_event_filter(window.events_view.current_filter())
    round_id = window.rounds_view.selected_round_id()
    if round_id is not None:
        view.select_round(round_id)
    view.open_round.connect(window.go_to_round)
    window.events_view.filter_bar.filter_changed.connect(view.set_event_filter)

    def show_round(round_id: int | None) -> None:
        if round_id is not None:
            view.select_round(round_id)

    window.rounds_view.round_selected.connect(show_round)
    return view


def map_view(window: MainWindow) -> MapView:
    """The map follows the Events filters and the Timeline's range (so the timeline is
    built with it); selections travel both ways, as with the timeline."""
    from tracker.ui.map.map_view import MapView

    events_view = window.events_view
    canvas = window.timeline_view.canvas
    view = MapView(window.workspace)
    view.set_event_filter(events_view.current_filter())
    view.select_event(_selected_event(events_view))
    events_view.filter_bar.filter_changed.connect(view.set_event_filter)
    events_view.event_selected.connect(view.select_event)
    view.event_clicked.connect(events_view.select_event)
    view.event_activated.connect(window.go_to_event)
    canvas.range_changed.connect(
        lambda: view.follow_timeline(canvas.viewport.start, canvas.viewport.end))
    view.follow_timeline(canvas.viewport.start, canvas.viewport.end)
    return view
