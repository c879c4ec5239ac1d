"""Typing a new venue or track inside a round dialog; nothing is written until that dialog's OK.

Editing a venue already stored (EditVenueDialog) uses the same fields and is saved only
over the version it was opened on.

The round dialogs open these through ``ask_venue`` and ``ask_track``, module functions
that tests replace, so no nested modal loop blocks a test.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QInputDialog,
    QLineEdit,
    QWidget,
)

from tracker.domain.timewindow import is_known_zone
from tracker.ui.common.command_dialog import CommandDialog
from tracker.ui.common.commands import NewTrack, NewVenue, OperationCommand
from tracker.ui.common.forms import ErrorLabel, named, ok_cancel_buttons, zone_combo
from tracker.ui.common.language import translate
from tracker.ui.common.workspace import Workspace


def _coordinate(text: str, limit: float, what: str) -> float | None:
    """None for an empty field; raises ValueError with a message for a bad one."""
    if not text.strip():
        return None
    try:
        value = float(text.replace(",", "."))
    except ValueError:
        raise ValueError(translate("VenueFields", "{field} is a number, e.g. 41.01").format(
            field=what)) from None
    if not -limit <= value <= limit:
        raise ValueError(translate("VenueFields", "{field} must be between {low} and {high}")
                         .format(field=what, low=f"{-limit:g}", high=f"{limit:g}"))
    return value


class VenueFields:
    """The venue form: name, city, country, time zone and optional coordinates, with the
    checks shown under each field. New Venue and Edit Venue lay out the same fields."""

    def __init__(self, zone: str) -> None:
        self.name = named(QLineEdit(), "venue-name")
        self.name.setPlaceholderText(translate("VenueFields",
                                                                "e.g. Dolmabahçe Palace"))
        self.city = named(QLineEdit(), "venue-city")
        self.country = named(QLineEdit(), "venue-country")
        self.zone = zone_combo("venue-zone", zone)
        self.latitude = named(QLineEdit(), "venue-latitude")
        self.longitude = named(QLineEdit(), "venue-longitude")
        self.latitude.setPlaceholderText(translate("VenueFields",
                                                                    "optional, e.g. 41.039"))
        self.longitude.setPlaceholderText(translate("VenueFields",
                                                                     "optional, e.g. 29.000"))
        self.errors = {key: ErrorLabel(f"venue-{key}-error")
                       for key in ("name", "zone", "latitude", "longitude")}
        self._touched = False

    def add_rows(self, form: QFormLayout) -> None:
        form.addRow(translate("VenueFields", "&Name:"), self.name)
        form.addRow("", self.errors["name"])
        form.addRow(translate("VenueFields", "Cit&y:"), self.city)
        form.addRow(translate("VenueFields", "Co&untry:"), self.country)
        form.addRow(translate("VenueFields", "&Time zone:"), self.zone)
        form.addRow("", self.errors["zone"])
        form.addRow(translate("VenueFields", "&Latitude:"), self.latitude)
        form.addRow("", self.errors["latitude"])
        form.addRow(translate("VenueFields", "Lon&gitude:"), self.longitude)
        form.addRow("", self.errors["longitude"])

    def on_edited(self, slot: Callable[[], None]) -> None:
        for edit in (self.name, self.city, self.country, self.latitude, self.longitude):
            edit.textChanged.connect(slot)
        self.zone.editTextChanged.connect(slot)

    def fill(self, values: Mapping[str, object]) -> None:
        """Show a venue's stored fields (an edit)."""
        self.name.setText(str(values["name"]))
        self.city.setText(str(values["city"]))
        self.country.setText(str(values["country"]))
        self.zone.setEditText(str(values["time_zone"]))
        for edit, key in ((self.latitude, "latitude"), (self.longitude, "longitude")):
            edit.setText("" if values[key] is None else f"{values[key]:g}")

    def venue(self) -> NewVenue | None:
        """The venue typed, or None while a field is invalid."""
        try:
            latitude = _coordinate(self.latitude.text(), 90,
                                   translate("VenueFields", "Latitude"))
            longitude = _coordinate(self.longitude.text(), 180,
                                    translate("VenueFields", "Longitude"))
        except ValueError:
            return None
        name = " ".join(self.name.text().split())
        zone = self.zone.currentText().strip()
        if not name or not is_known_zone(zone):
            return None
        return NewVenue(name, self.city.text().strip(), self.country.text().strip(), zone,
                        latitude, longitude)

    def validate(self) -> bool:
        """Show what is wrong under each field; return whether the venue is valid."""
        self._touched = self._touched or bool(self.name.text())
        name_ok = bool(self.name.text().strip())
        self.errors["name"].show_error(
            None if name_ok or not self._touched
            else translate("VenueFields", "A venue needs a name"))
        zone = self.zone.currentText().strip()
        self.errors["zone"].show_error(
            None if is_known_zone(zone)
            else translate("VenueFields", "Unknown time zone: “{zone}”").format(zone=zone))
        for key, edit, limit in (("latitude", self.latitude, 90),
                                 ("longitude", self.longitude, 180)):
            try:
                _coordinate(edit.text(), limit, key.capitalize())
                self.errors[key].show_error(None)
            except ValueError as exc:
                self.errors[key].show_error(str(exc))
        return self.venue() is not None


class NewVenueDialog(QDialog):
    """Name, city, country, time zone and optional coordinates of a venue."""

    def __init__(self, zone: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New Venue"))
        self.fields = fields = VenueFields(zone)
        self.name, self.city, self.country = fields.name, fields.city, fields.country
        self.zone, self.latitude, self.longitude = fields.zone, fields.latitude, \
            fields.longitude
        self.errors = fields.errors
        self.buttons = ok_cancel_buttons(self)
        form = QFormLayout(self)
        fields.add_rows(form)
        form.addRow(self.buttons)
        fields.on_edited(self._validate)
        self._validate()

    def venue(self) -> NewVenue | None:
        """The venue typed, or None while a field is invalid."""
        return self.fields.venue()

    @Slot()
    def _validate(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(self.fields.validate())


class EditVenueDialog(CommandDialog):
    """A venue already in use, saved over the version it was opened on (a conflict with
    someone else's save shows both versions)."""

    def __init__(self, workspace: Workspace, venue_id: int,
                 parent: QWidget | None = None) -> None:
        super().__init__(workspace, parent)
        values = self.open_record("venue", venue_id)
        self.setWindowTitle(self.tr("Edit Venue “{name}”").format(name=values["name"]))
        self.fields = VenueFields(str(values["time_zone"]))
        self.fields.fill(values)
        for field, key in (("name", "name"), ("time_zone", "zone"),
                           ("latitude", "latitude"), ("longitude", "longitude")):
            self.register_error(field, self.fields.errors[key].show_error)
        self.ok_button.setText(self.tr("&Save"))
        form = QFormLayout(self)
        self.fields.add_rows(form)
        form.addRow(self.form_error)
        form.addRow(self.buttons)
        self.fields.on_edited(self._validate)
        self._validate()

    def values(self) -> dict[str, object] | None:
        venue = self.fields.venue()
        if venue is None:
            return None
        return {"name": venue.name, "city": venue.city, "country": venue.country,
                "time_zone": venue.time_zone, "latitude": venue.latitude,
                "longitude": venue.longitude}

    def make_command(self) -> OperationCommand | None:
        values = self.values()
        return None if values is None else self.edit_command(
            values, self.tr("Edit venue “{name}”").format(name=values["name"]))

    @Slot()
    def _validate(self) -> None:
        self.ok_button.setEnabled(self.fields.validate())


def ask_venue(parent: QWidget, zone: str) -> NewVenue | None:
    """Ask for a new venue (modal). Tests replace this function."""
    dialog = NewVenueDialog(zone, parent)
    try:
        return dialog.venue() if dialog.exec() == QDialog.DialogCode.Accepted else None
    finally:
        dialog.deleteLater()


def ask_track(parent: QWidget) -> NewTrack | None:
    """Ask for a new track's name (modal). Tests replace this function."""
    name, ok = QInputDialog.getText(parent, translate("venue_dialog", "New Track"),
                                    translate("venue_dialog", "Name of the negotiation track "
                                              "(e.g. Prisoner exchanges):"))
    cleaned = " ".join(name.split())
    return NewTrack(cleaned) if ok and cleaned else None
