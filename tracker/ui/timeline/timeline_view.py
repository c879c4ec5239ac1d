"""The Timeline tab: rounds, factors and battlefield events on one zoomable time axis.

The view reads the small tables (rounds, moves, readings) whole and the events per
visible range: a density per bucket while zoomed out, the events themselves once few
enough are on screen. It reads a screen's width beyond each side, so panning and small
zoom steps draw from what is loaded, and reads again only when the view leaves it or
the bucket changes. The Events view's filters apply here too.

Under a place or words filter the per-day counts cannot answer, and a read groups the
matching events themselves (half a second for the 166,000 of a million that name
Kharkiv): that read goes to the window's one runner, and the strip already drawn stays
until the new one arrives (issue 19), so a zoom or pan step never waits for it. Reads
the day counts answer (tens of milliseconds) stay on the GUI thread.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from tracker.domain.timewindow import zone
from tracker.domain.wording import label_of, say
from tracker.services.events.events import EventFilter, day_counts_answer, event_row
from tracker.services.records.citations import sources_for
from tracker.services.rounds import AsOf
from tracker.services.timeline.timeline_as_of import known_lane
from tracker.services.timeline.timeline_density import (
    bucket_for,
    count_in_range,
    event_density,
    event_markers,
)
from tracker.services.timeline.timeline_lanes import timeline_lanes
from tracker.ui.common.db_op import query_op
from tracker.ui.common.error_boundary import Failure
from tracker.ui.common.table_model import as_plain
from tracker.ui.common.workspace import Topic, Workspace
from tracker.ui.timeline.timeline_canvas import ZOOM_STEP, TimelineCanvas
from tracker.ui.timeline.timeline_painter import Hit
from tracker.ui.timeline.timeline_scene import EventLayer, Measure, day_start
from tracker.ui.timeline.timeline_tooltips import describe_hit

log = logging.getLogger(__name__)

# Markers replace the density when at most this many events are in view and a day is
# at least MARKER_DAY_PIXELS wide (room for a column of marks).
MARKER_LIMIT = 1500
MARKER_DAY_PIXELS = 12.0


@dataclass(frozen=True, slots=True)
class _Loaded:
    """What the event layer holds: its days, how it was read, under which filter."""

    first_day: date
    last_day: date
    close: bool  # zoomed in far enough for marks, if there are few enough events
    markers: bool
    bucket: str
    event_filter: EventFilter

    def covers(self, first: date, last: date, close: bool, bucket: str,
               flt: EventFilter) -> bool:
        """Whether this read answers a view of *first*..*last* at that zoom and filter.

        Zoomed in as far as marks, a range with too many events for them was read as a
        density: the same holds while the view stays inside it."""
        return (self.event_filter == flt and self.first_day <= first
                and last <= self.last_day and self.close == close and self.bucket == bucket)


class TimelineView(QWidget):
    """Signals:
        round_clicked(int), event_clicked(int), factor_clicked(int): the user clicked
            that item; the window selects it in its own view.
        events_loaded(): the event layer was read again (tests wait for it).
    """

    round_clicked = Signal(int)
    event_clicked = Signal(int)
    factor_clicked = Signal(int)
    events_loaded = Signal()

    def __init__(self, workspace: Workspace, tz: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._filter = EventFilter()
        self._loaded: _Loaded | None = None
        # The read on the runner whose layer is awaited (None: none); a layer that comes
        # back for any other is stale and dropped.
        self._pending: _Loaded | None = None
        self._stale = True  # the events strip must be read before it is shown
        self._as_of: AsOf | None = None
        self.canvas = TimelineCanvas(workspace.read(timeline_lanes), tz, self)
        self.canvas.describe = self._describe
        self.measure_box = QComboBox(self)
        self.measure_box.setObjectName("timeline-measure")
        for measure in Measure:
            self.measure_box.addItem(label_of(measure).capitalize(), measure)
        self.measure_box.setToolTip(self.tr("What the events strip counts per bucket"))
        self.filter_label = QLabel(self)
        self.filter_label.setObjectName("timeline-filter")
        self.filter_label.setTextFormat(Qt.TextFormat.PlainText)
        # A long filter description must not set the window's minimum width.
        self.filter_label.setSizePolicy(QSizePolicy.Policy.Ignored,
                                        QSizePolicy.Policy.Preferred)
        self.export_button = self._button(self.tr("Export Image…"), "timeline-export",
                                          self.tr("Save the timeline as PNG or SVG"))
        scroll = QScrollArea(self)
        scroll.setWidget(self.canvas)
        self.setFocusProxy(self.canvas)  # the keyboard comes to the page in its canvas
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the canvas in it takes the keys
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        layout = QVBoxLayout(self)
        layout.addLayout(self._toolbar())
        layout.addWidget(scroll, 1)

        self.canvas.range_changed.connect(self._on_range_changed)
        self.canvas.item_clicked.connect(self._on_item_clicked)
        self.measure_box.currentIndexChanged.connect(self._on_measure_changed)
        workspace.changed.connect(self._on_workspace_changed)
        workspace.database_replaced.connect(self._on_database_replaced)
        self._update_filter_label()
        self._load_events()

    def _button(self, text: str, name: str, tip: str) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setObjectName(name)
        button.setToolTip(tip)
        return button

    def _toolbar(self) -> QHBoxLayout:
        row = QHBoxLayout()
        canvas = self.canvas
        for text, name, tip, act in (
            ("+", "timeline-zoom-in", self.tr("Zoom in (+, or the mouse wheel)"),
             lambda: canvas.zoom(ZOOM_STEP)),
            ("−", "timeline-zoom-out", self.tr("Zoom out (−)"),
             lambda: canvas.zoom(1 / ZOOM_STEP)),
            (self.tr("Fit All"), "timeline-fit", self.tr("Show everything (Home)"),
             canvas.fit_all),
            (self.tr("Today"), "timeline-today", self.tr("Go to today (T)"), canvas.go_today),
        ):
            button = self._button(text, name, tip)
            button.clicked.connect(act)
            row.addWidget(button)
        row.addSpacing(12)
        row.addWidget(QLabel(self.tr("Strip shows:"), self))
        row.addWidget(self.measure_box)
        row.addSpacing(12)
        row.addWidget(self.filter_label, 1)
        self.export_button.clicked.connect(self.export_image)
        row.addWidget(self.export_button)
        return row

    # -- our API ----------------------------------------------------------------------

    def set_event_filter(self, flt: EventFilter) -> None:
        """Apply the Events view's filters to the events strip."""
        if flt == self._filter:
            return
        self._filter = flt
        self._update_filter_label()
        self._load_events(force=True)

    def set_display_zone(self, tz: str) -> None:
        self.canvas.scene.tz = tz
        self._load_events(force=True)  # day buckets start at the zone's midnights

    def set_as_of(self, as_of: AsOf | None) -> None:
        """Show, under each track, its rounds as known at the end of that day (None: not)."""
        self._as_of = as_of
        self._read_known()

    def select_round(self, round_id: int | None) -> None:
        """Highlight the round and bring its window into view."""
        scene = self.canvas.scene
        scene.selected_round = round_id
        mark = next((m for t in scene.lanes.tracks for m in t.rounds if m.id == round_id),
                    None)
        if mark is not None and mark.window.start is not None:
            self.canvas.show_instant(mark.window.start)
        self.canvas.update()

    def select_event(self, event_id: int | None) -> None:
        """Highlight the event and bring its day into view."""
        scene = self.canvas.scene
        scene.selected_event = event_id
        if event_id is not None:
            day = self._workspace.read(lambda s: event_row(s, event_id).event_date)
            self.canvas.show_instant(day_start(day, scene.tz) + timedelta(hours=12))
        self.canvas.update()

    def select_factor(self, factor_id: int | None) -> None:
        self.canvas.scene.selected_factor = factor_id
        self.canvas.update()

    def export_image(self) -> None:
        from tracker.ui.timeline.timeline_export import export_timeline_image

        export_timeline_image(self, self.canvas.scene, self.canvas.width())

    def save_image(self, path: Path) -> None:
        """Write the timeline as it is shown to *path* (.png or .svg), whole or not at all."""
        from tracker.ui.timeline.timeline_export import write_timeline_image

        write_timeline_image(path, self.canvas.scene, self.canvas.width())

    # -- loading ----------------------------------------------------------------------

    def _wanted(self) -> tuple[date, date, date, date]:
        """The days on screen, and the days to read (a screen's width more each side)."""
        viewport = self.canvas.viewport
        local = zone(self.canvas.scene.tz)
        first = viewport.start.astimezone(local).date()
        last = viewport.end.astimezone(local).date()
        margin = timedelta(days=(last - first).days + 1)
        return first, last, _clamped(first - margin), _clamped(last + margin)

    def _load_events(self, *, force: bool = False) -> None:
        if not self.isVisible():
            # Hidden behind another tab, the Events view's filters and selection still
            # arrive here; a read under a place filter costs half a second at a million
            # events, so it waits until the tab is shown.
            self._stale = True
            return
        self._stale = False
        viewport = self.canvas.viewport
        first, last, read_first, read_last = self._wanted()
        bucket = bucket_for(viewport.days_per_pixel)
        flt = self._filter
        close = 1 / viewport.days_per_pixel >= MARKER_DAY_PIXELS
        if not force and any(done is not None and done.covers(
                first, last, close, bucket.value, flt) for done in (self._loaded,
                                                                    self._pending)):
            return

        def read(session: Session) -> tuple[EventLayer, bool]:
            if close and count_in_range(session, read_first, read_last, flt) <= MARKER_LIMIT:
                markers = event_markers(session, read_first, read_last, flt,
                                        limit=MARKER_LIMIT)
                return EventLayer(bucket, (), tuple(markers), read_first, read_last), True
            cells = event_density(session, read_first, read_last, bucket, flt)
            return EventLayer(bucket, tuple(cells), None, read_first, read_last), False

        wanted = _Loaded(read_first, read_last, close, False, bucket.value, flt)
        if self._workspace.read(lambda session: day_counts_answer(session, flt)):
            self._pending = None
            self._show_events(wanted, self._workspace.read(read))
            return
        self._pending = wanted
        self._workspace.runner.submit(
            query_op(self.tr("Read the timeline's events"), self.tr("the timeline's events"),
                     read)
            .owned_by(self).replacing(f"timeline-events-{id(self)}")
            .on_success(lambda found: self._on_events_read(wanted, found))
            .on_failure(lambda failure: self._on_events_failed(wanted, failure)))

    def is_reading(self) -> bool:
        """Whether a read of the events strip is on the runner (``events_loaded`` follows)."""
        return self._pending is not None

    def _on_events_read(self, wanted: _Loaded, found: tuple[EventLayer, bool]) -> None:
        if wanted is not self._pending:
            return  # a newer read replaced it
        self._pending = None
        self._show_events(wanted, found)

    def _on_events_failed(self, wanted: _Loaded, failure: Failure) -> None:
        if wanted is self._pending:
            self._pending = None
            if not failure.cancelled:  # the old strip stays; the next step reads again
                log.error("Could not read the timeline's events: %s", failure.message)

    def _show_events(self, wanted: _Loaded, found: tuple[EventLayer, bool]) -> None:
        layer, markers = found
        self._loaded = replace(wanted, markers=markers)
        self.canvas.scene.events = layer
        self.canvas.update()
        self.events_loaded.emit()

    def _describe(self, hit: Hit) -> str:
        def sources(event_id: int) -> tuple[str, ...]:
            return self._workspace.read(lambda s: sources_for(s, "event_id", event_id))

        return describe_hit(self.canvas.scene, hit, sources)

    def _update_filter_label(self) -> None:
        flt = self._filter
        parts = []
        if flt.date_from or flt.date_to:
            parts.append(self.tr("{first} to {last}").format(first=flt.date_from or "…",
                                                               last=flt.date_to or "…"))
        if flt.event_types:
            parts.append(", ".join(flt.event_types))
        if flt.target_category:
            parts.append(say(flt.target_category))
        if flt.place.strip():
            parts.append(self.tr("place “{place}”").format(place=flt.place.strip()))
        if flt.text.strip():
            parts.append(self.tr("words “{words}”").format(words=flt.text.strip()))
        text = (self.tr("Events filtered as in the Events tab: {filters}").format(
            filters="; ".join(parts)) if parts
                else self.tr("All events (filters set in the Events tab apply here too)"))
        self.filter_label.setText(text)
        self.filter_label.setToolTip(as_plain(text))

    def showEvent(self, event: QShowEvent) -> None:
        """Override QWidget.showEvent: read what changed while the tab was hidden."""
        super().showEvent(event)
        if self._stale:
            self._load_events(force=True)

    # -- slots ------------------------------------------------------------------------

    @Slot()
    def _on_range_changed(self) -> None:
        self._load_events()

    @Slot(str, object)
    def _on_item_clicked(self, kind: str, key: object) -> None:
        if not isinstance(key, int):
            return
        if kind in ("round", "known", "move"):
            round_id = key if kind != "move" else self._round_of_move(key)
            if round_id is not None:
                self.select_round(round_id)
                self.round_clicked.emit(round_id)
        elif kind == "event":
            self.select_event(key)
            self.event_clicked.emit(key)
        elif kind == "reading":
            factor_id = next((f.id for f in self.canvas.scene.lanes.factors
                              for r in f.readings if r.id == key), None)
            if factor_id is not None:
                self.select_factor(factor_id)
                self.factor_clicked.emit(factor_id)

    def _read_known(self) -> None:
        as_of = self._as_of
        self.canvas.set_known(None if as_of is None
                              else self._workspace.read(lambda s: known_lane(s, as_of)))

    def _round_of_move(self, change_id: int) -> int | None:
        return next((m.id for t in self.canvas.scene.lanes.tracks for m in t.rounds
                     for move in m.moves if move.change_id == change_id), None)

    @Slot(int)
    def _on_measure_changed(self, _index: int) -> None:
        self.canvas.scene.measure = Measure(self.measure_box.currentData())
        self.canvas.update()

    @Slot(object)
    def _on_workspace_changed(self, topic: Topic) -> None:
        if topic & (Topic.ROUNDS | Topic.FACTORS | Topic.LINKS):
            self.canvas.set_lanes(self._workspace.read(timeline_lanes))
            self._read_known()
        if topic & Topic.EVENTS:
            self.canvas.set_lanes(self._workspace.read(timeline_lanes))
            self._load_events(force=True)

    @Slot()
    def _on_database_replaced(self) -> None:
        self.canvas.set_lanes(self._workspace.read(timeline_lanes))
        self._read_known()
        self.canvas.fit_all()
        self._load_events(force=True)


def _clamped(day: date) -> date:
    return min(max(day, date(2, 1, 1)), date(9998, 12, 31))
