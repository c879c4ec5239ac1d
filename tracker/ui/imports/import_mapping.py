"""Choosing which column of a generic CSV holds which event field.

The dialog opens filled in: with the mapping remembered for this header (the same column
names in the same order; ``import_events`` remembers the mapping each import used), or
else from column names that say what they hold ("date", "lat", "oblast"). Import is
enabled only when ``ColumnMapping.problems`` has nothing to say, and the problems are
listed; the first rows are shown as the import would read them, so a day-first date read
month-first (3 Feb or 2 March?) is seen before anything is written.
"""

from __future__ import annotations

import re

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from tracker.domain.wording import say
from tracker.io.generic_layout import MAPPABLE_FIELDS, REQUIRED_FIELDS, ColumnMapping
from tracker.services.imports.importing import FilePreview
from tracker.services.imports.mapping_preview import preview_rows, read_sample
from tracker.ui.common.forms import (
    ErrorLabel,
    buddy_label,
    current_data,
    fill_combo,
    named,
    ok_cancel_buttons,
    select_data,
)
from tracker.ui.common.language import QT_TRANSLATE_NOOP
from tracker.ui.common.long_tables import configure_long_table
from tracker.ui.imports.import_models import MappingPreviewModel

NONE_TEXT = QT_TRANSLATE_NOOP("ColumnMappingDialog", "(none)")
# Column names (normalised by _key) that say which field they hold, beyond the field's own
# name and label. The first column matching a field wins; no column is offered twice.
_NAMES: dict[str, tuple[str, ...]] = {
    "external_id": ("id", "event_id", "uid", "record_id"),
    "event_date": ("date", "day", "date_start", "start_date", "event_day"),
    "event_date_end": ("end_date", "date_end", "end"),
    "event_type": ("type", "category", "event_category"),
    "sub_event_type": ("subtype", "sub_type", "sub_category"),
    "actor1": ("actor_1", "actor", "perpetrator", "side_a"),
    "actor2": ("actor_2", "target", "side_b"),
    "admin1": ("admin_1", "region", "oblast", "province", "state", "adm_1"),
    "admin2": ("admin_2", "district", "raion", "adm_2"),
    "location": ("place", "city", "town", "settlement", "locality"),
    "latitude": ("lat",),
    "longitude": ("lon", "lng", "long"),
    "fatalities": ("deaths", "killed", "dead", "casualties"),
    "summary": ("notes", "description", "details", "text"),
    "reported_by": ("source", "sources", "outlet"),
}


def _key(name: str) -> str:
    return re.sub(r"[\s\-./()]+", "_", name.strip().casefold()).strip("_")


def suggest_mapping(header: list[str], remembered: ColumnMapping | None,
                    dataset: str) -> ColumnMapping:
    """The mapping to start from: the remembered one, or one guessed from the names."""
    if remembered is not None:
        # Remembered per header compared case-insensitively: name the columns as this
        # file spells them, so the combos find them.
        spelled = {name.casefold(): name for name in header}
        return ColumnMapping({field: spelled.get(column.casefold(), column)
                              for field, column in remembered.columns.items()},
                             dayfirst=remembered.dayfirst, dataset=remembered.dataset)
    free: dict[str, str] = {}
    for name in header:
        if name.strip():
            free.setdefault(_key(name), name)
    columns: dict[str, str] = {}
    for field, names in _NAMES.items():
        for candidate in (field, _key(MAPPABLE_FIELDS[field]), *names):
            found = free.pop(candidate, None)
            if found is not None:
                columns[field] = found
                break
    return ColumnMapping(columns, dataset=dataset)


class ColumnMappingDialog(QDialog):
    """A combo per event field over the file's columns, the dataset name, day-first.

    Attributes:
        combos: the field's combo, by event field name (objectName ``map-<field>``).
        model: the preview of the first rows under the current mapping.
    """

    def __init__(self, preview: FilePreview, remembered: ColumnMapping | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Choose Columns"))
        self.preview = preview
        self._sample = read_sample(preview)
        start = suggest_mapping(preview.header, remembered, preview.path.stem)
        columns = [(name, name) for name in preview.header if name.strip()]

        self.intro_label = named(QLabel(self._intro(remembered is not None)), "map-intro")
        self.intro_label.setTextFormat(Qt.TextFormat.PlainText)  # quotes the file's name
        self.combos: dict[str, QComboBox] = {}
        grid = QGridLayout()
        for number, (field, label) in enumerate(MAPPABLE_FIELDS.items()):
            combo = named(QComboBox(), f"map-{field}")
            fill_combo(combo, columns, none_text=self.tr(NONE_TEXT), keep=start.columns.get(field))
            combo.setMinimumContentsLength(14)
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            self.combos[field] = combo
            text = self.tr("&Date (required):") if field in REQUIRED_FIELDS \
                else self.tr("{field}:").format(field=say(label))
            row, pair = divmod(number, 2)
            grid.addWidget(buddy_label(text, combo), row, pair * 2)
            grid.addWidget(combo, row, pair * 2 + 1)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)

        self.dataset_edit = named(QLineEdit(start.dataset), "map-dataset")
        self.dataset_edit.setToolTip(self.tr("Events are matched by dataset and id: importing the "
                                     "same rows into the same dataset again updates them."))
        self.dayfirst_check = named(QCheckBox(self.tr("Day &first (03/02/2026 is 3 February)")),
                                    "map-dayfirst")
        self.dayfirst_check.setChecked(start.dayfirst)
        self.problems_label = ErrorLabel("map-problems")
        self.model = MappingPreviewModel(self)
        self.table = named(QTableView(), "map-preview")
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self.table.setAccessibleName(self.tr("Preview of the file’s first rows"))
        self._configure_table()
        self.buttons = ok_cancel_buttons(self, self.tr("&Import"))
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)

        details = QFormLayout()
        details.addRow(buddy_label(self.tr("Data&set name:"), self.dataset_edit), self.dataset_edit)
        details.addRow("", self.dayfirst_check)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro_label)
        layout.addLayout(grid)
        layout.addLayout(details)
        layout.addWidget(self.problems_label)
        layout.addWidget(QLabel(self.tr("The first %n rows as they would be imported:", "",
                                        len(self._sample))))
        layout.addWidget(self.table, 1)
        layout.addWidget(self.buttons)
        self.resize(920, 660)

        for combo in self.combos.values():
            combo.currentIndexChanged.connect(self._refresh)
        self.dataset_edit.textChanged.connect(self._refresh)
        self.dayfirst_check.toggled.connect(self._refresh)
        self._refresh()

    def mapping(self) -> ColumnMapping:
        """The mapping as chosen (fields left at "(none)" are left out)."""
        columns = {field: column for field, combo in self.combos.items()
                   if (column := current_data(combo))}
        return ColumnMapping(columns, dayfirst=self.dayfirst_check.isChecked(),
                             dataset=self.dataset_edit.text().strip())

    def problems(self) -> list[str]:
        return self.mapping().problems(self.preview.header)

    def choose(self, field: str, column: str | None) -> bool:
        """Pick *column* for *field* (None for none), as the user would in its combo."""
        return select_data(self.combos[field], column)

    def accept(self) -> None:
        """Override QDialog.accept: only a mapping the import can use."""
        if not self.problems():
            super().accept()

    def _intro(self, remembered: bool) -> str:
        name = self.preview.path.name
        if remembered:
            return self.tr("Which column of “{file}” holds each event field? Fields left at "
                           "{none} stay empty.\nThe columns chosen last time for files with "
                           "this header are filled in.").format(file=name,
                                                                none=self.tr(NONE_TEXT))
        return self.tr("Which column of “{file}” holds each event field? Fields left at {none} "
                       "stay empty.\nThe choice is remembered for files with the same "
                       "columns.").format(file=name, none=self.tr(NONE_TEXT))

    def _configure_table(self) -> None:
        table = self.table
        configure_long_table(table, self.model, single_selection=False)

    @Slot()
    def _refresh(self) -> None:
        mapping = self.mapping()
        problems = mapping.problems(self.preview.header)
        # One problem a line: a wrapped label in a shown dialog would be cut off.
        self.problems_label.show_error("\n".join(f"• {text[:1].upper()}{text[1:]}"
                                                 for text in problems))
        self.ok_button.setEnabled(not problems)
        self.ok_button.setToolTip("; ".join(problems))
        titles, rows = preview_rows(self.preview.path, self.preview.header, self._sample,
                                    mapping)
        self.model.set_preview(titles, rows)
        self.table.resizeColumnsToContents()
        header = self.table.horizontalHeader()
        for column in range(self.model.columnCount() - 1):  # long summaries stay readable
            header.resizeSection(column, min(header.sectionSize(column), 220))
