"""View › As of Date…: the whole window shows the schedule as it was known on a past day.

"What did we think the schedule was on 28 January?" While a day is chosen, the Rounds
table and the round's details show each round's window, venue and status as known at the
end of that day in the user's zone (``rounds.list_rounds(session, as_of)``), the
timeline draws them as ghosts under the rounds as they are now, and a yellow banner
across the top of the window says so. Every edit is off meanwhile, through the same pause
an import uses (edit_pause.py): an edit would be made against a schedule that is not the
one shown. View › As of Date… again, the banner's Back to Today, or Esc turn it off.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

from PySide6.QtCore import QDate, QObject, QSignalBlocker, Qt, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from tracker.domain.timewindow import zone
from tracker.services.rounds import AsOf
from tracker.ui.common.date_text import ISO_DATE_FORMAT
from tracker.ui.common.forms import buddy_label, named, ok_cancel_buttons
from tracker.ui.window.edit_pause import EditPause

# Dark text on a warning yellow: readable in light and dark desktop themes alike, since
# both colours are set rather than taken from the palette.
_BANNER_STYLE = ("QFrame#as-of-banner { background: #fff3b0; border-bottom: 1px solid #d4b106; }"
                 " QFrame#as-of-banner QLabel { color: #3d3000; }")


def today_in(tz: str) -> date:
    return datetime.now(zone(tz)).date()


class AsOfDialog(QDialog):
    """Asks for the day whose schedule to show (ISO dates, a calendar, today by default)."""

    def __init__(self, day: date, tz: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("as-of-dialog")
        self.setWindowTitle(self.tr("As of Date"))
        self.date_edit = named(QDateEdit(QDate(day.year, day.month, day.day)), "as-of-date")
        self.date_edit.setDisplayFormat(ISO_DATE_FORMAT)
        self.date_edit.setCalendarPopup(True)
        today = today_in(tz)  # later days know nothing more than today does
        self.date_edit.setMaximumDate(QDate(today.year, today.month, today.day))
        hint = QLabel(self.tr("Show the schedule as it was known at the end of this day "
                              "({zone}), rebuilt from when each change was announced. Editing "
                              "is off while it is shown.").format(zone=tz))
        hint.setWordWrap(True)
        self.buttons = ok_cancel_buttons(self, self.tr("Show"))
        form = QFormLayout(self)
        form.addRow(hint)
        form.addRow(buddy_label(self.tr("&Day:"), self.date_edit), self.date_edit)
        form.addRow(self.buttons)

    def chosen(self) -> date:
        day = self.date_edit.date()
        return date(day.year(), day.month(), day.day())


class AsOfBanner(QFrame):
    """The strip across the top of the window while a past day's schedule is shown.

    Signals:
        back(): Back to Today was pressed.
        other_day(): Other Day… was pressed.
    """

    back = Signal()
    other_day = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("as-of-banner")
        self.setStyleSheet(_BANNER_STYLE)
        self.label = named(QLabel(), "as-of-banner-text")
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setWordWrap(True)
        font = self.label.font()
        font.setBold(True)
        self.label.setFont(font)
        self.other_button = named(QPushButton(self.tr("Other &Day…")), "as-of-other-day-button")
        self.other_button.setToolTip(self.tr("Show the schedule as known on another day"))
        self.back_button = named(QPushButton(self.tr("&Back to Today")), "as-of-back-button")
        self.back_button.setToolTip(self.tr("Show the schedule as it is now, and edit again (Esc)"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 6, 12, 6)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.other_button)
        layout.addWidget(self.back_button)
        self.back_button.clicked.connect(self.back)
        self.other_button.clicked.connect(self.other_day)
        self.hide()

    def show_day(self, as_of: AsOf) -> None:
        self.label.setText(self.tr("Showing the schedule {as_of} ({zone}) — editing is off.")
                           .format(as_of=as_of.describe(), zone=as_of.tz))
        self.show()


class AsOfMode(QObject):
    """Turns the as-of view on and off for one window.

    *action* is the checkable View › As of Date… action (checked while a day is shown;
    its handler calls ``toggled``); *imports* are actions that write but need no pause
    during an import (Import Events queues behind one), off here too; *open_dialog* shows
    a dialog the window's way; *display_zone* gives the user's zone, whose end of day
    counts.

    Signals:
        changed(object): the AsOf now shown, or None for the schedule as it is now.
    """

    changed = Signal(object)

    def __init__(self, window: QWidget, action: QAction, imports: list[QAction],
                 edit_pause: EditPause, open_dialog: Callable[[QDialog], None],
                 display_zone: Callable[[], str]) -> None:
        super().__init__(window)
        self._window = window
        self._action = action
        self._imports = imports
        self._edit_pause = edit_pause
        self._open_dialog = open_dialog
        self._display_zone = display_zone
        self._as_of: AsOf | None = None
        self.banner = AsOfBanner()
        self.banner.back.connect(self.turn_off)
        self.banner.other_day.connect(self.ask)
        # Esc goes back only while a day is shown; a dialog's own Esc is its own.
        self._escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), window)
        self._escape.setEnabled(False)
        self._escape.activated.connect(self.turn_off)

    @property
    def as_of(self) -> AsOf | None:
        return self._as_of

    def wrap(self, central: QWidget) -> QWidget:
        """*central* under the banner: what the window sets as its central widget."""
        holder = QWidget()
        layout = QVBoxLayout(holder)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.banner)
        layout.addWidget(central, 1)
        return holder

    @Slot()
    def ask(self) -> None:
        """Ask for a day (the one shown, or today) and show its schedule if one is given."""
        tz = self._display_zone()
        shown = self._as_of.day if self._as_of is not None else today_in(tz)
        dialog = AsOfDialog(shown, tz, self._window)
        dialog.accepted.connect(lambda: self.turn_on(dialog.chosen()))
        dialog.rejected.connect(self._keep_check)
        self._open_dialog(dialog)

    def turn_on(self, day: date) -> None:
        """Show the schedule as known at the end of *day* in the user's zone."""
        as_of = AsOf(day, self._display_zone())
        self._as_of = as_of
        self._edit_pause.set_read_only(
            self.tr("the schedule {as_of} is shown; Back to Today (Esc) turns editing on "
                    "again").format(as_of=as_of.describe()))
        self.banner.show_day(as_of)
        for action in self._imports:
            action.setEnabled(False)
        self._escape.setEnabled(True)
        self._keep_check()
        self.changed.emit(as_of)

    @Slot()
    def turn_off(self) -> None:
        """Show the schedule as it is now, with editing on again."""
        if self._as_of is None:
            self._keep_check()
            return
        self._as_of = None
        self._escape.setEnabled(False)
        self.banner.hide()
        for action in self._imports:
            action.setEnabled(True)
        self._keep_check()
        self._edit_pause.set_read_only("")
        self.changed.emit(None)

    def rezone(self) -> None:
        """The user's zone changed: the same day, ending at its midnight there."""
        if self._as_of is not None:
            self.turn_on(self._as_of.day)

    def toggled(self, checked: bool) -> None:
        """The menu's check mark was toggled: ask for a day, or go back to today."""
        if checked:
            self.ask()  # the check stays only if a day is chosen
        else:
            self.turn_off()

    @Slot()
    def _keep_check(self) -> None:
        """The menu's check mark says whether a past day is shown, whatever asked."""
        with QSignalBlocker(self._action):
            self._action.setChecked(self._as_of is not None)
