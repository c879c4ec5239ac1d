"""The "Announced" field of a schedule change: when the news came out, not when it is typed.

Empty means the default the operation applies (the source's publication day, otherwise
now: services/rounds/rules.announcement_of). A typed day ("1 Feb 2026") stays a day; a
typed time is read in the user's zone. What was understood is said beside the field, and
a date that cannot be read is said in red, with OK disabled.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from tracker.domain.announcement import Announcement
from tracker.domain.dates import DateParseError, parse_announcement
from tracker.domain.enums import Precision
from tracker.ui.common.forms import ErrorLabel, named
from tracker.ui.common.language import QT_TRANSLATE_NOOP

DEFAULT_HINT = QT_TRANSLATE_NOOP("AnnouncedInput",
                                 "Empty: the source's publication day, otherwise now")


class AnnouncedInput(QWidget):
    """A typed announcement day or time, or nothing (the default)."""

    changed = Signal()

    def __init__(self, display_tz: str, *, day_first: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._tz, self._day_first = display_tz, day_first
        self.edit = named(QLineEdit(), "change-announced")
        self.edit.setPlaceholderText(self.tr(DEFAULT_HINT))
        self.edit.setAccessibleName(self.tr("Announced"))
        self.edit.setToolTip(self.tr(
            "When the change was made public: a day (1 Feb 2026) or a time in {zone} "
            "(1 Feb 2026 15:00). The chronology dates and orders the change by it.").format(
                zone=display_tz))
        self.understood = named(QLabel(), "change-announced-understood")
        self.understood.setTextFormat(Qt.TextFormat.PlainText)
        self.understood.hide()
        self.error = ErrorLabel("change-announced-error")
        # What was understood sits beside the field, so showing it never changes the
        # dialog's height (a wrapped header would then squeeze the rows together).
        line = QHBoxLayout()
        line.addWidget(self.edit, 1)
        line.addWidget(self.understood)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(line)
        layout.addWidget(self.error)
        self.edit.textChanged.connect(self._on_text_changed)

    def value(self) -> Announcement | None:
        """The typed announcement (None: the default). DateParseError if unreadable."""
        if not self.edit.text().strip():
            return None
        return parse_announcement(self.edit.text(), self._tz, dayfirst=self._day_first)

    def is_valid(self) -> bool:
        try:
            self.value()
        except DateParseError:
            return False
        return True

    def show_error(self, message: str) -> None:
        self.error.show_error(message)

    def _on_text_changed(self) -> None:
        try:
            typed = self.value()
        except DateParseError as exc:
            self._understood("")
            self.error.show_error(str(exc))
        else:
            self.error.show_error("")
            self._understood("" if typed is None else
                             self.tr("→ {when} (the day)").format(when=typed.describe(self._tz))
                             if typed.precision is Precision.DAY
                             else f"→ {typed.describe(self._tz)}")
        self.changed.emit()

    def _understood(self, text: str) -> None:
        self.understood.setText(text)
        self.understood.setVisible(bool(text))
