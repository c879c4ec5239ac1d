"""A distance ring around a venue: "what happened within 50 km of the talks".

The user picks a venue (those with coordinates) and a radius; the ring is drawn on the
map and the events inside it under the map's filter and time window are counted in SQL
on the runner (services/map/venue_rings.py).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QSpinBox, QWidget
from sqlalchemy.orm import Session

from tracker.services.events.events import EventFilter
from tracker.services.map.venue_rings import MAX_RADIUS_KM, MapVenue, events_within
from tracker.ui.common.db_op import query_op
from tracker.ui.common.workspace import Workspace
from tracker.ui.map.map_scene import MapScene

DEFAULT_RADIUS_KM = 50


class RingControls(QWidget):
    """Signals:
        ring_changed(): the venue or the radius changed.
        ring_counted(int): the events inside the ring were counted (-1: no ring).
    """

    ring_changed = Signal()
    ring_counted = Signal(int)

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._scene: MapScene | None = None
        self._filter: Callable[[], EventFilter] = EventFilter
        self._venues: list[MapVenue] = []
        self.venue_box = QComboBox(self)
        self.venue_box.setObjectName("map-ring-venue")
        self.venue_box.setAccessibleName(self.tr("Venue at the centre of the ring"))
        self.venue_box.setMinimumContentsLength(18)
        self.radius_spin = QSpinBox(self)
        self.radius_spin.setObjectName("map-ring-radius")
        self.radius_spin.setRange(1, int(MAX_RADIUS_KM))
        self.radius_spin.setValue(DEFAULT_RADIUS_KM)
        self.radius_spin.setSuffix(self.tr(" km"))
        self.radius_spin.setAccessibleName(self.tr("Radius of the ring in kilometres"))
        self.count_label = QLabel(self)
        self.count_label.setObjectName("map-ring-count")
        caption = QLabel(self.tr("R&ing around:"), self)
        caption.setBuddy(self.venue_box)
        within = QLabel(self.tr("within"), self)
        within.setBuddy(self.radius_spin)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(caption)
        row.addWidget(self.venue_box)
        row.addWidget(within)
        row.addWidget(self.radius_spin)
        row.addWidget(self.count_label, 1)
        self.venue_box.currentIndexChanged.connect(self._on_changed)
        self.radius_spin.valueChanged.connect(self._on_changed)
        self.set_venues([])

    def attach(self, scene: MapScene, current_filter: Callable[[], EventFilter]) -> None:
        self._scene = scene
        self._filter = current_filter

    def set_venues(self, venues: list[MapVenue]) -> None:
        """Offer *venues*; the one chosen stays chosen if it is still there."""
        chosen = self.venue()
        self._venues = venues
        self.venue_box.blockSignals(True)
        self.venue_box.clear()
        self.venue_box.addItem(self.tr("No ring"), None)
        for venue in venues:
            self.venue_box.addItem(venue.label, venue.id)
        index = self.venue_box.findData(chosen.id) if chosen is not None else 0
        self.venue_box.setCurrentIndex(max(index, 0))
        self.venue_box.setEnabled(bool(venues))
        self.venue_box.setToolTip("" if venues else self.tr(
            "No venue has coordinates yet: add them in a round's venue details"))
        self.venue_box.blockSignals(False)
        self._on_changed()

    def venue(self) -> MapVenue | None:
        venue_id = self.venue_box.currentData()
        return next((venue for venue in self._venues if venue.id == venue_id), None)

    def recount(self) -> None:
        """Count the events inside the ring again (the filter or window changed)."""
        venue = self.venue()
        if venue is None:
            self.count_label.setText("")
            self.ring_counted.emit(-1)
            return
        radius = self.radius_spin.value()
        flt = self._filter()

        def count(session: Session) -> int:
            return events_within(session, venue.latitude, venue.longitude, radius, flt)

        op = query_op(self.tr("Map"), self.tr("Counting the events in the ring"), count)
        self._workspace.runner.submit(
            op.on_success(self._on_counted).owned_by(self).replacing("map-ring"))

    def _on_counted(self, count: int) -> None:
        venue = self.venue()
        if venue is None:
            return
        self.count_label.setText(self.tr("%Ln event(s) within %1 km of %2", "", count)
                                 .replace("%1", str(self.radius_spin.value()))
                                 .replace("%2", venue.name))
        self.ring_counted.emit(count)

    def _on_changed(self) -> None:
        if self._scene is not None:
            self._scene.set_ring(self.venue(), float(self.radius_spin.value()))
        self.ring_changed.emit()
        self.recount()
