"""View › Your Time Zone…: the zone times are shown in beside each venue's own.

An analyst in Brussels following talks in Abu Dhabi reads both; one travelling may want
the zone of the desk rather than the laptop's. The choice is kept in Settings.
"""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QWidget

from tracker.domain.timewindow import is_known_zone
from tracker.ui.common.forms import ErrorLabel, buddy_label, ok_cancel_buttons, zone_combo


class DisplayZoneDialog(QDialog):
    """An editable list of IANA zones; OK only for a zone that exists."""

    def __init__(self, current: str, system: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Your Time Zone"))
        self.zone = zone_combo("display-zone", current)
        self.error = ErrorLabel("display-zone-error")
        hint = QLabel(self.tr("Times are shown in the venue's zone and in this one. This "
                              "computer is set to {zone}.").format(zone=system))
        hint.setWordWrap(True)
        self.buttons = ok_cancel_buttons(self)
        form = QFormLayout(self)
        form.addRow(hint)
        form.addRow(buddy_label(self.tr("&Time zone:"), self.zone), self.zone)
        form.addRow("", self.error)
        form.addRow(self.buttons)
        self.zone.editTextChanged.connect(self._validate)
        self._validate()

    def chosen(self) -> str:
        return self.zone.currentText().strip()

    @Slot()
    def _validate(self) -> None:
        known = is_known_zone(self.chosen())
        self.error.show_error(None if known else self.tr("Unknown time zone: “{zone}”").format(
            zone=self.chosen()))
        self.buttons.button(self.buttons.StandardButton.Ok).setEnabled(known)

    def accept(self) -> None:
        """Override QDialog.accept: never with a zone that does not exist."""
        if is_known_zone(self.chosen()):
            super().accept()
