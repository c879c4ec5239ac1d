"""Typing a scheduled window the way it was announced: "the coming week", "5 Feb 2026 10:00".

The text goes through ``tracker.domain.dates.parse_window``, which keeps the precision that
was typed; the precision combo can widen it (a typed day taken as "the week of"). The
interpretation is shown live under the field, in the window's zone and in the user's, so
a misread date (3 Feb or 2 March?) is caught before it is saved.
"""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QLocale, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from tracker.domain.dates import parse_window, widen_window, window_with_end
from tracker.domain.enums import Precision
from tracker.domain.errors import TrackerError
from tracker.domain.timewindow import (
    ScheduledWindow,
    is_ambiguous,
    is_known_zone,
)
from tracker.domain.wording import say
from tracker.ui.common.date_text import clock_text, day_month_text
from tracker.ui.common.forms import (
    ErrorLabel,
    current_data,
    fill_combo,
    named,
    select_data,
    zone_combo,
)
from tracker.ui.common.language import QT_TRANSLATE_NOOP, translate

# The choices' words are translated where the combo box is filled (context "WindowInput").
PRECISIONS: tuple[tuple[str, Precision | None], ...] = (
    (QT_TRANSLATE_NOOP("WindowInput", "As typed"), None),
    (QT_TRANSLATE_NOOP("WindowInput", "Exact time"), Precision.EXACT),
    (QT_TRANSLATE_NOOP("WindowInput", "Day(s)"), Precision.DAY),
    (QT_TRANSLATE_NOOP("WindowInput", "Week of"), Precision.WEEK),
    (QT_TRANSLATE_NOOP("WindowInput", "Month of"), Precision.MONTH),
    (QT_TRANSLATE_NOOP("WindowInput", "Unknown"), Precision.UNKNOWN),
)


def _moment(instant: datetime) -> str:
    """"Mon 2 Feb 10:00 CET", in the reader's language."""
    weekday = QLocale().dayName(instant.isoweekday(), QLocale.FormatType.ShortFormat)
    return f"{weekday} {day_month_text(instant.date())} {clock_text(instant)} {instant.tzname()}"


def _span(window: ScheduledWindow, tz: str) -> str:
    start, end = window.local_start(tz), window.local_end(tz)
    if start is None:
        return say("date unknown")
    return f"{_moment(start)} → {_moment(end)}" if end else _moment(start)


def text_for(window: ScheduledWindow) -> tuple[str, str]:
    """Start and end text that parse back to *window* (for editing an existing one)."""
    start, end = window.local_start(), window.local_end()
    first, last = window.first_day(), window.last_day()
    if start is None or first is None or last is None:
        return "", ""
    if window.precision is Precision.EXACT:
        return f"{start:%Y-%m-%d %H:%M}", f"{end:%Y-%m-%d %H:%M}" if end else ""
    if window.precision is Precision.WEEK:
        return f"week of {first:%Y-%m-%d}", ""
    if window.precision is Precision.MONTH:
        return f"{start:%B %Y}", ""
    return f"{first:%Y-%m-%d}", "" if last == first else f"{last:%Y-%m-%d}"


class WindowInput(QWidget):
    """Precision, typed start (and optional end), day-first switch and time zone.

    Signals:
        changed(): the window, or whether it is valid, may have changed.
    """

    changed = Signal()

    def __init__(self, zone: str = "UTC", display_tz: str = "UTC", *, day_first: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._display_tz = display_tz
        self._window: ScheduledWindow | None = None
        # Relative words ("the coming week") count from this day; None means today.
        self.today: date | None = None

        self.precision = named(QComboBox(), "window-precision")
        self.precision.setAccessibleName(self.tr("Precision"))
        fill_combo(self.precision, [(translate("WindowInput", text), precision)
                                    for text, precision in PRECISIONS])
        self.start = named(QLineEdit(clearButtonEnabled=True), "window-text")
        self.start.setAccessibleName(self.tr("When"))
        self.start.setPlaceholderText(self.tr("e.g. the coming week · 5 Feb 2026 10:00 · Feb 2026"))
        self.end = named(QLineEdit(clearButtonEnabled=True), "window-end")
        self.end.setAccessibleName(self.tr("Until (optional)"))
        self.end.setPlaceholderText(self.tr("optional end: 18:00 or 7 Feb 2026"))
        self.day_first = named(QCheckBox(self.tr("Da&y first (03/02 is 3 Feb)")), "window-dayfirst")
        self.day_first.setChecked(day_first)
        self.zone = zone_combo("window-zone", zone)
        # Line breaks, not word wrap: a wrapped label in a shown dialog keeps one line's
        # height (see ErrorLabel), and the second line would be cut off.
        self.interpretation = named(QLabel(), "window-interpretation")
        self.interpretation.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.date_error = ErrorLabel("window-date-error")
        self.end_error = ErrorLabel("window-end-error")
        self.zone_error = ErrorLabel("window-zone-error")

        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.precision, 0, 0)
        grid.addWidget(self.start, 0, 1)
        to_label = QLabel(self.tr("to"))  # no Alt key of its own: T is taken by New Track…
        to_label.setBuddy(self.end)
        grid.addWidget(to_label, 0, 2)
        grid.addWidget(self.end, 0, 3)
        # Errors span the row so a long message (a DST gap names the zone) stays on one line.
        grid.addWidget(self.date_error, 1, 1, 1, 3)
        grid.addWidget(self.end_error, 2, 1, 1, 3)
        zone_label = QLabel(self.tr("Time &zone"))
        zone_label.setBuddy(self.zone)
        grid.addWidget(zone_label, 3, 0)
        grid.addWidget(self.zone, 3, 1)
        grid.addWidget(self.day_first, 3, 2, 1, 2)
        grid.addWidget(self.zone_error, 4, 1, 1, 3)
        grid.addWidget(self.interpretation, 5, 1, 1, 3)
        grid.setColumnStretch(1, 3)
        grid.setColumnStretch(3, 2)
        self.setFocusProxy(self.start)

        self.set_zone(zone)
        self.precision.currentIndexChanged.connect(self._recompute)
        self.start.textChanged.connect(self._recompute)
        self.end.textChanged.connect(self._recompute)
        self.day_first.toggled.connect(self._recompute)
        self.zone.editTextChanged.connect(self._recompute)
        self._recompute()

    # -- our API ------------------------------------------------------------------------

    def value(self) -> ScheduledWindow | None:
        """The window typed, or None while any part of it is invalid."""
        return self._window

    def is_valid(self) -> bool:
        return self._window is not None

    def zone_name(self) -> str:
        return self.zone.currentText().strip()

    def set_zone(self, name: str) -> None:
        self.zone.setEditText(name)

    def set_display_zone(self, tz: str) -> None:
        self._display_tz = tz
        self._recompute()

    def set_window(self, window: ScheduledWindow) -> None:
        start, end = text_for(window)
        self.set_zone(window.tz)
        select_data(self.precision, Precision.UNKNOWN if window.start is None else None)
        self.start.setText(start)
        self.end.setText(end)

    def show_error(self, message: str) -> None:
        """Show an error found later (by the service) next to the date."""
        self.date_error.show_error(message)

    # -- internals ------------------------------------------------------------------------

    @Slot()
    def _recompute(self) -> None:
        precision: Precision | None = current_data(self.precision)
        unknown = precision is Precision.UNKNOWN
        self.start.setEnabled(not unknown)
        self.end.setEnabled(precision in (None, Precision.EXACT, Precision.DAY))
        errors: dict[str, str] = {}
        window = self._compute(precision, errors)
        self.date_error.show_error(errors.get("date"))
        self.end_error.show_error(errors.get("end"))
        self.zone_error.show_error(errors.get("zone"))
        self._window = None if errors else window
        self.interpretation.setText(self._describe(self._window) if self._window else "")
        self.interpretation.setVisible(self._window is not None)
        self.changed.emit()

    def _compute(self, precision: Precision | None,
                 errors: dict[str, str]) -> ScheduledWindow | None:
        tz = self.zone_name()
        if not is_known_zone(tz):
            errors["zone"] = self.tr("Unknown time zone: “{zone}”. Pick one from the list.").format(
                zone=tz)
            return None
        if precision is Precision.UNKNOWN:
            return ScheduledWindow.unknown(tz)
        text = self.start.text()
        if precision is not None and not text.strip():
            errors["date"] = self.tr("Type a date, or choose Unknown")
            return None
        try:
            typed = parse_window(text, tz, dayfirst=self.day_first.isChecked(),
                                 today=self.today)
            window = widen_window(typed, precision)
        except TrackerError as exc:
            errors["date"] = str(exc)
            return None
        return self._with_end(window, errors)

    def _with_end(self, window: ScheduledWindow,
                  errors: dict[str, str]) -> ScheduledWindow | None:
        if not self.end.isEnabled():
            return window
        try:
            return window_with_end(window, self.end.text(),
                                   dayfirst=self.day_first.isChecked(), today=self.today)
        except TrackerError as exc:
            errors["end"] = str(exc)
            return None

    def _describe(self, window: ScheduledWindow) -> str:
        if window.start is None:
            return self.tr("Date unknown (times will be in {zone})").format(zone=window.tz)
        text = f"{window.describe()} · {_span(window, window.tz)}"
        wall = window.local_start()
        if window.precision is Precision.EXACT and wall is not None \
                and is_ambiguous(wall.replace(tzinfo=None), window.tz):
            text = self.tr("{window} (this time happens twice that night; the first is "
                           "meant)").format(window=text)
        if self._display_tz != window.tz:
            text = self.tr("{window}\nyour zone: {span}").format(
                window=text, span=_span(window, self._display_tz))
        return text
