"""Add Claim… and Edit Claim…: a figure about an event, or about a day and a place, who
claims it, its source and its status (issue 18).

One dialog for both: adding pushes add_claim, editing saves the claim's field table
(records/conflicts_kinds.CLAIM) through records.record_edits.edit_record over the
version it opened, like every other edit dialog (ui/common/command_dialog.py), so a
colleague's change in between brings up the conflict dialog.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Slot
from PySide6.QtGui import QIntValidator
from PySide6.QtWidgets import QComboBox, QDateEdit, QFormLayout, QLineEdit, QWidget

from tracker.domain.claims import ClaimantKind, ClaimStatus, Measure
from tracker.domain.wording import label_of
from tracker.services.claims.claim_operations import CLAIM_TOPICS, ClaimDraft, add_claim
from tracker.services.records.citations import list_sources
from tracker.ui.common.command_dialog import CommandDialog
from tracker.ui.common.commands import OperationCommand
from tracker.ui.common.date_text import ISO_DATE_FORMAT
from tracker.ui.common.forms import (
    ErrorLabel,
    current_data,
    fill_combo,
    named,
    select_data,
    typed_or_listed,
    within_tracker_dates,
)
from tracker.ui.common.workspace import Workspace


class ClaimDialog(CommandDialog):
    """Collects one claim; OK pushes it as one undoable command.

    Adding: of *event_id*, or (without one) of a day and a place, starting on *day*.
    Editing: *claim_id*, saved over the version read; it stays attached where it is.
    The figure is one value (Best) or a range (Low and High, Best optional); the service
    says what is wrong with it (services.claims.claim_rules.clean_claim).
    """

    def __init__(self, workspace: Workspace, *, event_id: int | None = None,
                 claim_id: int | None = None, day: date | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(workspace, parent)
        self._event_id = event_id
        values = self.open_record("claim", claim_id) if claim_id is not None else None
        # What an edit from the event pane keeps of where the claim is attached.
        kept = values["day"] if values is not None else None
        self._kept_day = kept if isinstance(kept, date) else None
        self._kept_place = str(values["place"] or "") if values is not None else ""
        if values is None:
            self.setWindowTitle(self.tr("Add Claim"))
        else:
            self.setWindowTitle(self.tr("Edit Claim"))
            self.ok_button.setText(self.tr("Sa&ve"))
        self._build_fields(workspace)
        # A claim nobody has tied to an event yet says which day and place it speaks of.
        self.on_day = event_id is None
        self.day_edit = named(within_tracker_dates(QDateEdit()), "claim-day")
        self.day_edit.setCalendarPopup(True)
        self.day_edit.setDisplayFormat(ISO_DATE_FORMAT)
        self.day_edit.setAccessibleName(self.tr("Day"))
        shown = day or date.today()
        self.day_edit.setDate(QDate(shown.year, shown.month, shown.day))
        self.place_edit = named(QLineEdit(), "claim-place")
        self.place_edit.setPlaceholderText(self.tr("Where: a city, a region…"))
        self.place_edit.setAccessibleName(self.tr("Place"))
        self._lay_out()
        if values is not None:
            self._fill(values)
        self.claimant_edit.textChanged.connect(self._on_input_changed)
        for edit in (self.low_edit, self.best_edit, self.high_edit):
            edit.textChanged.connect(self._on_input_changed)
        self._on_input_changed()

    def _build_fields(self, workspace: Workspace) -> None:
        self.measure_combo = named(QComboBox(), "claim-measure")
        self.measure_combo.setEditable(True)  # a measure of the analyst's own
        fill_combo(self.measure_combo, [(label_of(measure), measure.value) for measure in Measure])
        self.measure_combo.setAccessibleName(self.tr("Measure"))
        self.low_edit = self._figure_edit("claim-low", self.tr("Low figure"))
        self.best_edit = self._figure_edit("claim-best", self.tr("Best figure"))
        self.high_edit = self._figure_edit("claim-high", self.tr("High figure"))
        self.claimant_edit = named(QLineEdit(), "claim-claimant")
        self.claimant_edit.setPlaceholderText(self.tr("Who gives the figure: a ministry, "
                                                      "a party, a journalist…"))
        self.claimant_edit.setAccessibleName(self.tr("Claimant"))
        self.kind_combo = named(QComboBox(), "claim-claimant-kind")
        fill_combo(self.kind_combo, [(label_of(kind), kind.value) for kind in ClaimantKind])
        self.kind_combo.setAccessibleName(self.tr("Kind of claimant"))
        self.source_combo = named(QComboBox(), "claim-source")
        sources = workspace.read(list_sources)
        fill_combo(self.source_combo, [(self.tr("(no source)"), None),
                                       *((label, source_id) for source_id, label in sources)])
        self.source_combo.setAccessibleName(self.tr("Source"))
        self.status_combo = named(QComboBox(), "claim-status")
        fill_combo(self.status_combo,
                   [(label_of(status), status.value) for status in ClaimStatus])
        self.status_combo.setAccessibleName(self.tr("Status"))
        self.note_edit = named(QLineEdit(), "claim-note")
        self.note_edit.setAccessibleName(self.tr("Note"))

        self.figure_error = ErrorLabel("claim-figure-error")
        self.claimant_error = ErrorLabel("claim-claimant-error")
        self.measure_error = ErrorLabel("claim-measure-error")
        for field in ("low", "best", "high"):
            self.register_error(field, self.figure_error.show_error)
        self.register_error("claimant", self.claimant_error.show_error)
        self.register_error("measure", self.measure_error.show_error)

    def _lay_out(self) -> None:
        form = QFormLayout(self)
        form.addRow(self.tr("M&easure:"), self.measure_combo)
        form.addRow(self.measure_error)
        form.addRow(self.tr("&Low:"), self.low_edit)
        form.addRow(self.tr("&Best:"), self.best_edit)
        form.addRow(self.tr("&High:"), self.high_edit)
        form.addRow(self.figure_error)
        form.addRow(self.tr("Clai&mant:"), self.claimant_edit)
        form.addRow(self.claimant_error)
        form.addRow(self.tr("&Kind:"), self.kind_combo)
        form.addRow(self.tr("&Source:"), self.source_combo)
        form.addRow(self.tr("S&tatus:"), self.status_combo)
        form.addRow(self.tr("&Note:"), self.note_edit)
        if self.on_day:
            form.addRow(self.tr("&Day:"), self.day_edit)
            form.addRow(self.tr("&Place:"), self.place_edit)
        else:  # kept, hidden, so the dialog has one shape to read
            for edit in (self.day_edit, self.place_edit):
                edit.setParent(self)
                edit.hide()
        form.addRow(self.form_error)
        form.addRow(self.buttons)
        self.setMinimumWidth(420)

    def _fill(self, values: dict[str, object]) -> None:
        """Show the claim being edited as it is stored."""
        measure = str(values["measure"])
        row = self.measure_combo.findData(measure)
        if row >= 0:
            self.measure_combo.setCurrentIndex(row)
        else:
            self.measure_combo.setCurrentText(measure)
        for edit, field in ((self.low_edit, "value_low"), (self.best_edit, "value_best"),
                            (self.high_edit, "value_high")):
            figure = values[field]
            edit.setText("" if figure is None else str(figure))
        self.claimant_edit.setText(str(values["claimant"]))
        select_data(self.kind_combo, values["claimant_kind"])
        select_data(self.source_combo, values["source_id"])
        select_data(self.status_combo, values["status"])
        self.note_edit.setText(str(values["note"] or ""))
        day = values["day"]
        if isinstance(day, date):
            self.day_edit.setDate(QDate(day.year, day.month, day.day))
        self.place_edit.setText(str(values["place"] or ""))

    def _figure_edit(self, name: str, accessible: str) -> QLineEdit:
        edit = named(QLineEdit(), name)
        edit.setValidator(QIntValidator(0, 2**31 - 1, edit))
        edit.setAccessibleName(accessible)
        return edit

    @Slot()
    def _on_input_changed(self) -> None:
        """OK once there is a claimant and a figure; the service checks the rest."""
        has_figure = any(edit.text() for edit in (self.low_edit, self.best_edit,
                                                  self.high_edit))
        self.ok_button.setEnabled(bool(self.claimant_edit.text().strip()) and has_figure)

    def draft(self) -> ClaimDraft:
        def figure(edit: QLineEdit) -> int | None:
            return int(edit.text()) if edit.text() else None

        return ClaimDraft(
            measure=typed_or_listed(self.measure_combo), claimant=self.claimant_edit.text(),
            best=figure(self.best_edit), low=figure(self.low_edit),
            high=figure(self.high_edit), event_id=self._event_id,
            day=self._day() if self.on_day else self._kept_day,
            place=self.place_edit.text() if self.on_day else self._kept_place,
            claimant_kind=current_data(self.kind_combo),
            source_id=current_data(self.source_combo),
            status=current_data(self.status_combo), note=self.note_edit.text())

    def _day(self) -> date:
        shown = self.day_edit.date()
        return date(shown.year(), shown.month(), shown.day())

    def make_command(self) -> OperationCommand | None:
        draft = self.draft()
        if self.editing is not None:
            return self.edit_command(draft.fields(), self.tr("Edit claim"))
        return OperationCommand(self.workspace, self.tr("Add claim"),
                                lambda session: add_claim(session, draft), CLAIM_TOPICS)
