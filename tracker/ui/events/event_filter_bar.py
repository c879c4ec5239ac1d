"""The row of filter widgets above an events table: dates, types, target, place, text.

Typing is debounced so a million-row table is re-counted once the user pauses, not on
every key; the other widgets apply at once. The bar only builds an ``EventFilter``; the
view hands it to its model.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QWidget,
    QWidgetAction,
)

from tracker.domain.wording import say
from tracker.services.events.events import LAST_EXPORT, EventFilter
from tracker.ui.common.date_text import ISO_DATE_FORMAT
from tracker.ui.common.forms import within_tracker_dates
from tracker.ui.common.language import QT_TRANSLATE_NOOP

DEBOUNCE_MS = 250
ALL_TARGETS = QT_TRANSLATE_NOOP("EventFilterBar", "All targets")
# The target choice that shows the rules' suggestions no analyst has reviewed yet.
UNREVIEWED = "\x00unreviewed"


class EventFilterBar(QWidget):
    """Filter widgets that emit a complete ``EventFilter`` whenever one of them changes.

    Signals:
        filter_changed(object): the new EventFilter.
    """

    filter_changed = Signal(object)

    def __init__(self, parent: QWidget | None = None, *, compact: bool = False) -> None:
        super().__init__(parent)
        self._quiet = False
        self._debounce = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._debounce.timeout.connect(self._emit)

        self.from_check = QCheckBox(self.tr("From"), self)
        self.from_edit = self._date_edit(self.tr("Earliest event date to show"))
        self.from_edit.setAccessibleName(self.tr("From date"))
        self.to_check = QCheckBox(self.tr("to"), self)
        self.to_edit = self._date_edit(self.tr("Latest event date to show"))
        self.to_edit.setAccessibleName(self.tr("To date"))
        # A push button with a menu keeps room for its arrow beside the text; a tool
        # button's menu arrow was drawn over "All types" (issue 16, finding 12).
        self.types_button = QPushButton(self)
        self.types_button.setObjectName("event-types-button")
        self.types_button.setAccessibleName(self.tr("Event types"))
        self.types_button.setToolTip(self.tr("Event types to show (none checked: all)"))
        self.types_list = QListWidget(self)
        self.types_list.setObjectName("event-types-list")
        menu = QMenu(self.types_button)
        holder = QWidgetAction(menu)
        # A list inside the menu keeps the popup open while several types are checked.
        holder.setDefaultWidget(self.types_list)
        menu.addAction(holder)
        self.types_button.setMenu(menu)
        self.target_combo = QComboBox(self)
        self.target_combo.setToolTip(self.tr("Target category"))
        self.target_combo.setAccessibleName(self.tr("Target category"))
        self.target_combo.addItem(self.tr(ALL_TARGETS), "")
        self.place_edit = self._line_edit(self.tr("Place (town, oblast)"), "place-filter")
        self.place_edit.setAccessibleName(self.tr("Place"))
        # Looked up in the full-text index (a substring test would read every event), and
        # among the events' countries by name or ISO code (issue 19).
        self.place_edit.setToolTip(self.tr("A town, district or region, from the start of its "
                                           "name (“khark” finds Kharkiv and Kharkivska), or "
                                           "a country by its name or code (Ukraine, UKR)"))
        self.text_edit = self._line_edit(self.tr("Search summaries…"), "text-filter")
        self.text_edit.setAccessibleName(self.tr("Search summaries"))
        self.text_edit.setToolTip(self.tr("Words that must appear in the summary, actors or place"))
        # Issue 17: what the sources added, corrected or withdrawn since the last export.
        self.changed_combo = QComboBox(self)
        self.changed_combo.setObjectName("changed-since-filter")
        self.changed_combo.addItem(self.tr("Any time"), None)
        self.changed_combo.addItem(self.tr("Changed since last export"), LAST_EXPORT)
        self.changed_combo.setAccessibleName(self.tr("Changed since…"))
        self.changed_combo.setToolTip(self.tr(
            "Only events added, corrected or withdrawn by an import since the last export "
            "noted (tracker export notes each one)"))
        self.clear_button = QPushButton(self.tr("Clear filters"), self)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        widgets: list[QWidget] = [self.from_check, self.from_edit, self.to_check, self.to_edit]
        if not compact:
            widgets += [self.types_button, self.target_combo, self.changed_combo]
        widgets += [self.place_edit, self.text_edit, self.clear_button]
        # The choices' longest items ("Changed since last export", and longer in
        # Ukrainian) would take the room the place and search fields need: the closed
        # combos show about 14 characters, their lists show every item whole.
        for combo in (self.target_combo, self.changed_combo):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(14)
        for widget in widgets:
            layout.addWidget(widget)
        layout.setStretchFactor(self.text_edit, 2)
        layout.setStretchFactor(self.place_edit, 1)
        for widget in (self.types_button, self.target_combo, self.changed_combo):
            widget.setVisible(not compact)

        self.from_check.toggled.connect(self._on_dates_changed)
        self.to_check.toggled.connect(self._on_dates_changed)
        self.from_edit.dateChanged.connect(self._on_from_changed)
        self.to_edit.dateChanged.connect(self._on_to_changed)
        self.types_list.itemChanged.connect(self._on_types_changed)
        self.target_combo.currentIndexChanged.connect(self._emit)
        self.changed_combo.currentIndexChanged.connect(self._emit)
        self.place_edit.textChanged.connect(self._debounce.start)
        self.text_edit.textChanged.connect(self._debounce.start)
        self.place_edit.returnPressed.connect(self._emit)
        self.text_edit.returnPressed.connect(self._emit)
        self.clear_button.clicked.connect(self.clear)
        self._on_dates_changed()
        self._update_types_text()

    def _date_edit(self, tip: str) -> QDateEdit:
        edit = within_tracker_dates(QDateEdit(self))
        edit.setCalendarPopup(True)
        edit.setDisplayFormat(ISO_DATE_FORMAT)
        edit.setDate(QDate.currentDate())
        edit.setToolTip(tip)
        return edit

    def _line_edit(self, placeholder: str, name: str) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setPlaceholderText(placeholder)
        edit.setClearButtonEnabled(True)
        edit.setObjectName(name)
        return edit

    # -- our API -----------------------------------------------------------------------

    def set_choices(self, types: list[str], targets: list[str]) -> None:
        """Offer *types* and *targets*, keeping what is still offered checked."""
        checked = set(self._checked_types())
        current_target = self.target_combo.currentData()
        self._quiet = True
        try:
            self.types_list.clear()
            for name in types:
                item = QListWidgetItem(name or self.tr("(no type)"), self.types_list)
                item.setData(Qt.ItemDataRole.UserRole, name)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(
                    Qt.CheckState.Checked if name in checked else Qt.CheckState.Unchecked)
            row_height = max(self.types_list.sizeHintForRow(0), self.fontMetrics().height())
            self.types_list.setFixedHeight(min(max(len(types), 1), 12) * (row_height + 2) + 6)
            self.target_combo.clear()
            self.target_combo.addItem(self.tr(ALL_TARGETS), "")
            self.target_combo.addItem(self.tr("Suggested, not reviewed"), UNREVIEWED)
            for name in targets:
                self.target_combo.addItem(say(name), name)
            self.target_combo.setCurrentIndex(max(0, self.target_combo.findData(current_target)))
        finally:
            self._quiet = False
        self._update_types_text()

    def set_date_range(self, first: date | None, last: date | None) -> None:
        """Start the date pickers at the data's first and last day (while unchecked)."""
        if first is not None and not self.from_check.isChecked():
            self.from_edit.setDate(QDate(first.year, first.month, first.day))
        if last is not None and not self.to_check.isChecked():
            self.to_edit.setDate(QDate(last.year, last.month, last.day))

    def current_filter(self) -> EventFilter:
        first = self.from_edit.date().toPython() if self.from_check.isChecked() else None
        last = self.to_edit.date().toPython() if self.to_check.isChecked() else None
        assert first is None or isinstance(first, date)
        assert last is None or isinstance(last, date)
        target = self.target_combo.currentData() or ""
        return EventFilter(
            date_from=first, date_to=last, event_types=tuple(self._checked_types()),
            place=self.place_edit.text().strip(), text=self.text_edit.text().strip(),
            target_category=target if target != UNREVIEWED else "",
            unreviewed=target == UNREVIEWED,
            changed_since=self.changed_combo.currentData(),
        )

    @Slot()
    def clear(self) -> None:
        """Reset every widget, then emit one filter_changed."""
        self._quiet = True
        try:
            self.from_check.setChecked(False)
            self.to_check.setChecked(False)
            for number in range(self.types_list.count()):
                self.types_list.item(number).setCheckState(Qt.CheckState.Unchecked)
            self.target_combo.setCurrentIndex(0)
            self.changed_combo.setCurrentIndex(0)
            self.place_edit.clear()
            self.text_edit.clear()
        finally:
            self._quiet = False
        self._update_types_text()
        self._emit()

    # -- slots -------------------------------------------------------------------------

    def _checked_types(self) -> list[str]:
        return [
            item.data(Qt.ItemDataRole.UserRole)
            for item in map(self.types_list.item, range(self.types_list.count()))
            if item.checkState() == Qt.CheckState.Checked
        ]

    def _update_types_text(self) -> None:
        checked = self._checked_types()
        if not checked:
            text = self.tr("All types")
        elif len(checked) == 1:
            text = checked[0] or self.tr("(no type)")
        else:
            text = self.tr("%n type(s)", "", len(checked))
        self.types_button.setText(text)

    @Slot()
    def _on_types_changed(self) -> None:
        if not self._quiet:
            self._update_types_text()
            self._emit()

    @Slot()
    def _on_dates_changed(self) -> None:
        self.from_edit.setEnabled(self.from_check.isChecked())
        self.to_edit.setEnabled(self.to_check.isChecked())
        self._emit()

    @Slot()
    def _on_from_changed(self) -> None:
        # Keep the range valid by moving the other end, as calendar pickers usually do.
        if self.to_edit.date() < self.from_edit.date():
            self.to_edit.setDate(self.from_edit.date())
        if self.from_check.isChecked():
            self._emit()

    @Slot()
    def _on_to_changed(self) -> None:
        if self.from_edit.date() > self.to_edit.date():
            self.from_edit.setDate(self.to_edit.date())
        if self.to_check.isChecked():
            self._emit()

    @Slot()
    def _emit(self) -> None:
        if self._quiet:
            return
        self._debounce.stop()
        self.filter_changed.emit(self.current_filter())
