"""Add Claim…: a figure about an event, who claims it, its source and status (issue 18)."""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtGui import QIntValidator
from PySide6.QtWidgets import QComboBox, QFormLayout, QLineEdit, QWidget

from tracker.domain.claims import ClaimantKind, ClaimStatus, Measure
from tracker.domain.wording import label_of
from tracker.services.claims.claim_operations import CLAIM_TOPICS, ClaimDraft, add_claim
from tracker.services.records.citations import list_sources
from tracker.ui.common.command_dialog import CommandDialog
from tracker.ui.common.commands import OperationCommand
from tracker.ui.common.forms import (
    ErrorLabel,
    current_data,
    fill_combo,
    named,
    typed_or_listed,
)
from tracker.ui.common.workspace import Workspace


class AddClaimDialog(CommandDialog):
    """Collects one claim of *event_id*; OK pushes add_claim as one undoable command.

    The figure is one value (Best) or a range (Low and High, Best optional); the service
    says what is wrong with it (services.claims.claim_operations.clean_claim).
    """

    def __init__(self, workspace: Workspace, event_id: int,
                 parent: QWidget | None = None) -> None:
        super().__init__(workspace, parent)
        self.setWindowTitle(self.tr("Add Claim"))
        self._event_id = event_id
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
        form.addRow(self.form_error)
        form.addRow(self.buttons)
        self.setMinimumWidth(420)

        self.claimant_edit.textChanged.connect(self._on_input_changed)
        for edit in (self.low_edit, self.best_edit, self.high_edit):
            edit.textChanged.connect(self._on_input_changed)
        self._on_input_changed()

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
            claimant_kind=current_data(self.kind_combo),
            source_id=current_data(self.source_combo),
            status=current_data(self.status_combo), note=self.note_edit.text())

    def make_command(self) -> OperationCommand | None:
        draft = self.draft()
        return OperationCommand(self.workspace, self.tr("Add claim"),
                                lambda session: add_claim(session, draft), CLAIM_TOPICS)
