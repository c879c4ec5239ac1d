"""The Claims section of the event pane: every claim of the event side by side.

The dataset's own figures (UCDP's low/best/high, ACLED's fatalities) and the claims
analysts recorded are one list (services.claims.claims.event_claims), each with its
measure, figure or range, claimant, status and source, so conflicting figures read
against each other (issue 18). Add Claim…, Edit Claim… and Remove Claim push one
undoable step each.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from tracker.domain.claims import ClaimStatus
from tracker.domain.wording import say
from tracker.services.claims.claim_operations import (
    CLAIM_TOPICS,
    remove_claim,
    set_claim_status,
)
from tracker.services.claims.claims import ClaimRow, event_claims
from tracker.services.claims.figure_rule import FigureRule, figure_rule, set_figure_rule
from tracker.services.common.errors import NotFoundError
from tracker.ui.common.commands import Operation, OperationCommand, report_message
from tracker.ui.common.edit_dialog import writes
from tracker.ui.common.forms import current_data, fill_combo, select_data
from tracker.ui.common.table_model import SnapshotTableModel
from tracker.ui.common.workspace import Workspace
from tracker.ui.events.claim_dialog import ClaimDialog
from tracker.ui.events.link_models import compact_table

CLAIM_ROWS_SHOWN = 3
ClaimIdRole = Qt.ItemDataRole.UserRole  # the stored claim's id; None for a dataset's figure


class ClaimsModel(SnapshotTableModel[ClaimRow]):
    """The claims of one event, as read (row snapshots, never ORM objects)."""

    SAMPLES = ("drones intercepted", "3–5 (best 4)", "Ministry of Health (ministry)",
               "corroborated", "Suspilne, “Strike on …”")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.HEADERS = (self.tr("Measure"), self.tr("Figure"), self.tr("Claimant"),
                        self.tr("Status"), self.tr("Source"))

    def cell(self, row: ClaimRow, column: int, role: int) -> Any:
        """Override SnapshotTableModel.cell."""
        if role == ClaimIdRole:
            return row.claim_id
        if role == Qt.ItemDataRole.DisplayRole:
            return (say(row.measure), row.figure_text,
                    f"{row.claimant} ({say(row.claimant_kind)})", say(row.status),
                    row.source)[column]
        return None


class ClaimsPanel(QGroupBox):
    """The claims of the current event, with Add Claim…, Edit Claim… (or a double-click)
    and Remove Claim.

    Attributes:
        dialog: the Add or Edit Claim dialog while it is open (for tests and callers).
    """

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Claims"))
        self._workspace = workspace
        self._event_id: int | None = None
        self.dialog: ClaimDialog | None = None
        self.model = ClaimsModel(self)
        self.table = compact_table("event-claims", self.model, ClaimsModel.SAMPLES,
                                   self.tr("Every figure given for the event, by who "
                                           "gives it"))
        self.table.setAccessibleName(self.tr("Claims"))
        # Room for three claims side by side, the point of the list: beneath the event's
        # fields it was squeezed to one and a half rows.
        self.table.setMinimumHeight(
            self.table.horizontalHeader().sizeHint().height()
            + CLAIM_ROWS_SHOWN * self.table.verticalHeader().defaultSectionSize()
            + 2 * self.table.frameWidth())
        self.add_button = writes(QPushButton(self.tr("Add Claim…"), self))
        self.add_button.setObjectName("claim-add-button")
        self.edit_button = writes(QPushButton(self.tr("Edit Claim…"), self))
        self.edit_button.setObjectName("claim-edit-button")
        self.remove_button = writes(QPushButton(self.tr("Remove Claim"), self))
        self.remove_button.setObjectName("claim-remove-button")
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.remove_button)
        # The selected claim's status: corroborated by an independent source, or disputed.
        self.status_combo = writes(QComboBox(self))
        self.status_combo.setObjectName("claim-status-choice")
        fill_combo(self.status_combo, [(self.tr("claimed"), ClaimStatus.CLAIMED),
                                       (self.tr("corroborated"), ClaimStatus.CORROBORATED),
                                       (self.tr("disputed"), ClaimStatus.DISPUTED)])
        self.status_combo.setAccessibleName(self.tr("Status of the selected claim"))
        buttons.addWidget(self.status_combo)
        buttons.addStretch(1)
        # The database's figure rule (services.claims.figure_rule): which claim counts as
        # killed and injured in counts, analysis and exports, for everyone sharing it.
        self.rule_combo = writes(QComboBox(self))
        self.rule_combo.setObjectName("claim-figure-rule")
        fill_combo(self.rule_combo, [
            (self.tr("dataset figure"), FigureRule.DATASET),
            (self.tr("lowest corroborated"), FigureRule.LOWEST_CORROBORATED),
            (self.tr("highest claim"), FigureRule.HIGHEST_CLAIM)])
        rule_label = QLabel(self.tr("C&ounts use:"), self)
        rule_label.setBuddy(self.rule_combo)
        self.rule_combo.setAccessibleName(self.tr("Figure that counts"))
        # On a row of its own: beside the buttons it made the Events tab wider than a
        # 1280-pixel screen in Ukrainian.
        rule_row = QHBoxLayout()
        rule_row.addWidget(rule_label)
        rule_row.addWidget(self.rule_combo)
        rule_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        layout.addLayout(rule_row)
        self.add_button.clicked.connect(self._on_add_clicked)
        self.edit_button.clicked.connect(self._on_edit_clicked)
        self.table.doubleClicked.connect(self._on_edit_clicked)
        self.remove_button.clicked.connect(self._on_remove_clicked)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.show_event(None)
        self.rule_combo.currentIndexChanged.connect(self._on_rule_chosen)
        self.status_combo.activated.connect(self._on_status_chosen)

    def show_event(self, event_id: int | None) -> None:
        """Show the claims of *event_id* (None: no event) as they are now."""
        rows: list[ClaimRow] = []
        if event_id is not None:
            wanted = event_id
            try:
                rows = self._workspace.read(lambda s: event_claims(s, wanted))
            except NotFoundError:
                event_id = None
        self._event_id = event_id
        self.model.set_rows(rows)
        self._update_buttons()
        self.rule_combo.blockSignals(True)  # showing the rule is not choosing it
        select_data(self.rule_combo, self._workspace.read(figure_rule))
        self.rule_combo.blockSignals(False)

    @Slot()
    def _update_buttons(self) -> None:
        self.add_button.setEnabled(self._event_id is not None)
        # A dataset's figure is the event's own column: edited with the event, not here.
        claim = self._selected_claim()
        self.edit_button.setEnabled(claim is not None)
        self.remove_button.setEnabled(claim is not None)
        self.status_combo.setEnabled(claim is not None)
        if claim is not None:
            select_data(self.status_combo, ClaimStatus(claim.status))

    @Slot()
    def _on_add_clicked(self) -> None:
        if self._event_id is not None:
            self._open(ClaimDialog(self._workspace, event_id=self._event_id, parent=self))

    @Slot()
    def _on_edit_clicked(self) -> None:
        claim = self._selected_claim()
        if claim is None or claim.claim_id is None or not self.edit_button.isEnabled():
            return
        try:
            dialog = ClaimDialog(self._workspace, event_id=self._event_id,
                                 claim_id=claim.claim_id, parent=self)
        except NotFoundError as gone:  # a colleague removed it meanwhile
            report_message(str(gone))
            self._on_changed()
            return
        self._open(dialog)

    def _open(self, dialog: ClaimDialog) -> None:
        # Window-modal and non-blocking (open, not exec), so tests can drive it.
        self.dialog = dialog
        self.dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog.accepted.connect(self._on_changed)
        self.dialog.destroyed.connect(self._on_dialog_destroyed)
        self.dialog.open()

    @Slot()
    def _on_dialog_destroyed(self) -> None:
        self.dialog = None

    @Slot()
    def _on_remove_clicked(self) -> None:
        claim = self._selected_claim()
        if claim is not None and claim.claim_id is not None:
            claim_id, version = claim.claim_id, claim.version
            self._push(self.tr("Remove claim"),
                       lambda session: remove_claim(session, claim_id, version))

    def _selected_claim(self) -> ClaimRow | None:
        """The selected recorded claim (None: nothing, or a dataset's figure)."""
        rows = self.table.selectionModel().selectedRows()
        claim = self.model.row_at(rows[0].row()) if rows else None
        return claim if claim is not None and claim.claim_id is not None else None

    @Slot()
    def _on_status_chosen(self) -> None:
        claim = self._selected_claim()
        status: ClaimStatus = current_data(self.status_combo)
        if claim is None or claim.claim_id is None or status.value == claim.status:
            return
        claim_id, version = claim.claim_id, claim.version
        self._push(self.tr("Set claim status"), lambda session: set_claim_status(
            session, claim_id, status.value, version))

    @Slot()
    def _on_rule_chosen(self) -> None:
        rule: FigureRule = current_data(self.rule_combo)
        if rule is not self._workspace.read(figure_rule):
            self._push(self.tr("Choose the figure that counts"),
                       lambda session: set_figure_rule(session, rule.value))

    def _push(self, text: str, operation: Operation) -> None:
        """Run *operation* as one undo step, then show what the database holds now."""
        command = OperationCommand(self._workspace, text, operation, CLAIM_TOPICS)
        self._workspace.undo_stack.push(command)
        if command.error is not None:
            report_message(str(command.error))
        self._on_changed()

    @Slot()
    def _on_changed(self) -> None:
        self.show_event(self._event_id)
