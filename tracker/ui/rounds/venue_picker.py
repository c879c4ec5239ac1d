"""The venue field of the round dialogs: a combo of the venues stored, New Venue… to type
one that is created with the round's change, and Edit… to correct the chosen one.

Editing is its own undoable step (EditVenueDialog, EditRecordCommand), saved at once
and only over the version the dialog read: the venue is shared by every round held
there, so it is not part of the round dialog's OK or Cancel.
"""

from __future__ import annotations

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from tracker.services.common.views import VenueRow
from tracker.services.records import reference
from tracker.services.rounds.relocation import venue_zone_text
from tracker.ui.common.commands import NewVenue
from tracker.ui.common.forms import (
    add_item,
    compact_combo,
    current_data,
    fill_combo,
    item_value,
    named,
)
from tracker.ui.common.language import QT_TRANSLATE_NOOP
from tracker.ui.common.pane_dialogs import PaneDialogs
from tracker.ui.common.workspace import Topic, Workspace
from tracker.ui.rounds import venue_dialog
from tracker.ui.rounds.venue_dialog import EditVenueDialog

NOT_KNOWN = QT_TRANSLATE_NOOP("VenuePicker", "Not known yet")


def venue_items(venues: list[VenueRow]) -> list[tuple[str, int]]:
    return [(f"{venue.label} — {venue_zone_text(venue.time_zone)}", venue.id)
            for venue in venues]


class VenuePicker(QWidget):
    """A venue combo ("not known yet" first) with New Venue… and Edit… beside it.

    Signals:
        changed(): another venue was chosen, or the chosen one was edited (its time zone
            may be another now).

    Attributes:
        dialogs: the Edit Venue dialog while it is open (``dialogs.dialog``).
    """

    changed = Signal()

    def __init__(self, workspace: Workspace, venues: list[VenueRow], zone_hint: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._venues = {venue.id: venue for venue in venues}
        self._zone_hint = zone_hint
        self.dialogs = PaneDialogs(workspace, Topic.ROUNDS, self)
        self.combo = compact_combo("round-venue")
        fill_combo(self.combo, venue_items(venues), none_text=self.tr(NOT_KNOWN))
        self.new_button = named(QPushButton(self.tr("New &Venue…")), "new-venue-button")
        self.edit_button = named(QPushButton(self.tr("E&dit…")), "edit-venue-button")
        self.edit_button.setToolTip(self.tr("Correct the chosen venue (name, place, time zone, "
                                    "coordinates) for every round held there"))
        self.new_button.clicked.connect(self._on_new_venue)
        self.edit_button.clicked.connect(self._on_edit_venue)
        self.combo.currentIndexChanged.connect(self._on_chosen)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.combo, 1)
        layout.addWidget(self.new_button)
        layout.addWidget(self.edit_button)
        self.setFocusProxy(self.combo)
        self._update_buttons()

    def selection(self) -> int | NewVenue | None:
        chosen: int | NewVenue | None = current_data(self.combo)
        return chosen

    def zone(self) -> str | None:
        chosen = self.selection()
        if isinstance(chosen, NewVenue):
            return chosen.time_zone
        return self._venues[chosen].time_zone if chosen is not None else None

    def name(self) -> str | None:
        chosen = self.selection()
        if isinstance(chosen, NewVenue):
            return chosen.name
        return self._venues[chosen].name if chosen is not None else None

    def _update_buttons(self) -> None:
        # Only a stored venue can be edited; a new one is retyped with New Venue….
        self.edit_button.setEnabled(isinstance(self.selection(), int))

    def _reload(self) -> None:
        """Read the venues again, keeping the choice and any venue typed but not created."""
        venues = self._workspace.read(reference.list_venues)
        self._venues = {venue.id: venue for venue in venues}
        pending = [(self.combo.itemText(row), item_value(self.combo, row))
                   for row in range(self.combo.count())
                   if isinstance(item_value(self.combo, row), NewVenue)]
        fill_combo(self.combo, [*venue_items(venues), *pending], none_text=self.tr(NOT_KNOWN),
                   keep=self.selection())
        self._update_buttons()
        self.changed.emit()

    @Slot()
    def _on_chosen(self) -> None:
        self._update_buttons()
        self.changed.emit()

    @Slot()
    def _on_new_venue(self) -> None:
        venue = venue_dialog.ask_venue(self, self.zone() or self._zone_hint)
        if venue is not None:
            add_item(self.combo, self.tr("{name} (new) — {zone}").format(
                name=venue.name, zone=venue.time_zone), venue)
            self.combo.setCurrentIndex(self.combo.count() - 1)

    @Slot()
    def _on_edit_venue(self) -> None:
        chosen = self.selection()
        if not isinstance(chosen, int):
            return
        if self.dialogs.open_edit(lambda: EditVenueDialog(self._workspace, chosen, self)):
            dialog = self.dialogs.dialog
            assert dialog is not None
            # Saved, merged or left as someone else saved it: show the venue as it is now.
            dialog.finished.connect(self._reload)
        else:
            self._reload()  # removed meanwhile: it goes from the list
