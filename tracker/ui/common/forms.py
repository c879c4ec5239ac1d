"""What every form uses: inline error labels, (text, id) combos, named widgets, buttons.

The dialog whose OK pushes an undo step is command_dialog.CommandDialog."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, TypeVar

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QWidget,
)

from tracker.domain.date_range import EARLIEST, LATEST
from tracker.domain.timewindow import all_zone_names
from tracker.ui.common.table_model import plain_tooltip
from tracker.ui.common.theme import alert_text_colour


class ErrorLabel(QLabel):
    """Red text under a field, hidden while there is nothing to say.

    Hiding (rather than blanking) keeps forms compact. The text does not wrap: a wrapped
    label in a nested layout gets one line's height in a dialog that is already shown
    (Qt's top-level windows ignore height-for-width), so a long message widens the dialog
    instead of being cut off.
    """

    def __init__(self, object_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        # A red that stays readable on the light and the dark palette (theme.py).
        self.setStyleSheet(f"color: {alert_text_colour().name()};")
        # Messages quote what was typed ("Unknown time zone: “<b>…”"); never read as HTML.
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hide()

    def show_error(self, message: str | None) -> None:
        self.setText(message or "")
        self.setVisible(bool(message))
        self.setAccessibleDescription(message or "")

    @property
    def message(self) -> str:
        return self.text()


@dataclass(frozen=True, slots=True)
class _Held:
    """Item data as Python gave it. PySide turns a str subclass (our StrEnums) into a plain
    QString and a tuple into a list, so a status read back would no longer be ``is``-equal
    to RoundStatus.HELD; an object Qt cannot convert comes back untouched."""

    value: Any


def add_item(combo: QComboBox, text: str, data: Any) -> None:
    """Append an item whose data comes back from current_data exactly as given."""
    combo.addItem(text, _Held(data))


def item_value(combo: QComboBox, row: int) -> Any:
    held = combo.itemData(row)
    return held.value if isinstance(held, _Held) else held


def fill_combo(combo: QComboBox, items: Iterable[tuple[str, Any]], *,
               none_text: str | None = None, keep: Any = None) -> None:
    """Replace the items; re-select *keep* (an item's data) when it is still there."""
    combo.blockSignals(True)
    combo.clear()
    if none_text is not None:
        add_item(combo, none_text, None)
    for text, data in items:
        add_item(combo, text, data)
    combo.blockSignals(False)
    select_data(combo, keep)


def select_data(combo: QComboBox, data: Any) -> bool:
    for row in range(combo.count()):
        if item_value(combo, row) == data:
            combo.setCurrentIndex(row)
            return True
    return False


def current_data(combo: QComboBox) -> Any:
    return item_value(combo, combo.currentIndex()) if combo.currentIndex() >= 0 else None


def typed_or_listed(combo: QComboBox) -> str:
    """An editable combo's word: a listed item's stored word (its text is translated), or
    what the analyst typed where it matches no item."""
    row = combo.findText(combo.currentText())
    return str(item_value(combo, row)) if row >= 0 else combo.currentText()


W = TypeVar("W", bound=QWidget)


def named(widget: W, name: str) -> W:
    """*widget* with its objectName set (the stubs do not accept objectName= keywords)."""
    widget.setObjectName(name)
    return widget


def within_tracker_dates(edit: QDateEdit) -> QDateEdit:
    """*edit* offering only the dates the tracker takes (domain/date_range.py), not Qt's
    1752 to 9999: a date past them is refused everywhere else (issue 14, F1)."""
    edit.setDateRange(QDate(EARLIEST.year, EARLIEST.month, EARLIEST.day),
                      QDate(LATEST.year, LATEST.month, LATEST.day))
    return edit


def zone_combo(name: str, initial: str) -> QComboBox:
    """An editable combo over every IANA zone, completing on any part ('kyiv')."""
    combo = named(QComboBox(editable=True), name)
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    zones = all_zone_names()
    combo.addItems(zones)
    completer = QCompleter(zones, combo)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    combo.setCompleter(completer)
    combo.setMinimumContentsLength(18)
    combo.setEditText(initial)
    return combo


def compact_combo(name: str, width: int = 36) -> QComboBox:
    """A combo that does not grow to its longest item (source labels run long)."""
    combo = named(QComboBox(), name)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(width)

    def show_current(*_args: object) -> None:
        # The full text of an elided item (a typed title: shown literally).
        combo.setToolTip(plain_tooltip(combo.currentText()) or "")

    combo.currentIndexChanged.connect(show_current)
    # fill_combo blocks the combo's signals while it refills, so the first item becoming
    # current is only told by the model (after the combo's own slot has made it current).
    combo.model().rowsInserted.connect(show_current)
    combo.model().modelReset.connect(show_current)
    return combo


def ok_cancel_buttons(dialog: QDialog, ok_text: str = "") -> QDialogButtonBox:
    """OK and Cancel wired to the dialog's accept and reject; OK renamed to say what it does.

    The box has no parent until the dialog's layout takes it, so it joins the tab order
    where the layout puts it, after the fields. Made a child at once, it came first in the
    tab order, and a dialog whose OK starts disabled opened with the focus on Cancel: typing
    went nowhere and Enter cancelled (issue 16, finding 1).
    """
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    if ok_text:
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


def buddy_label(text: str, buddy: QWidget) -> QLabel:
    """A form label whose &-shortcut focuses *buddy* (QFormLayout cannot do it for a layout)."""
    label = QLabel(text)
    label.setBuddy(buddy)
    return label
