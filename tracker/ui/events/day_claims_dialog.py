"""Edit › Claims on a Day and Place…: the figures nobody has tied to a recorded event yet.

A claim is attached to an event or to a day and a place (issue 18): "40 drones shot down
over Kyiv region on 3 Feb", said before any dataset records the attack. These have no
event pane to be seen in, so this dialog lists them all, by day, with Add Claim…, Edit
Claim… (or a double-click) and Remove Claim, each one undoable step
(services.claims.claim_operations, through the window's one OperationCommand).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from tracker.domain.wording import say
from tracker.services.claims.claim_operations import CLAIM_TOPICS, remove_claim
from tracker.services.claims.claims import ClaimRow, claims_on_days
from tracker.services.common.errors import NotFoundError
from tracker.ui.common.commands import OperationCommand, report_message
from tracker.ui.common.date_text import day_text
from tracker.ui.common.edit_dialog import writes
from tracker.ui.common.language import QT_TRANSLATE_NOOP
from tracker.ui.common.table_model import SnapshotTableModel
from tracker.ui.common.workspace import Topic, Workspace
from tracker.ui.events.claim_dialog import ClaimDialog
from tracker.ui.events.link_models import compact_table


class DayClaimsModel(SnapshotTableModel[ClaimRow]):
    """The claims on a day and a place, as read (row snapshots)."""

    HEADERS = (
        QT_TRANSLATE_NOOP("TableHeaders", "Day"),
        QT_TRANSLATE_NOOP("TableHeaders", "Place"),
        QT_TRANSLATE_NOOP("TableHeaders", "Measure"),
        QT_TRANSLATE_NOOP("TableHeaders", "Figure"),
        QT_TRANSLATE_NOOP("TableHeaders", "Claimant"),
        QT_TRANSLATE_NOOP("TableHeaders", "Status"),
        QT_TRANSLATE_NOOP("TableHeaders", "Source"),
    )
    SAMPLES = ("30 Sept 2026", "Kyiv region", "drones intercepted", "3–5 (best 4)",
               "Air Force of Ukraine (party)", "corroborated", "Suspilne, “Strike on …”")

    def cell(self, row: ClaimRow, column: int, role: int) -> Any:
        """Override SnapshotTableModel.cell."""
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return (day_text(row.day) if row.day is not None else "", row.place,
                say(row.measure), row.figure_text,
                f"{row.claimant} ({say(row.claimant_kind)})", say(row.status),
                row.source)[column]


class DayClaimsDialog(QDialog):
    """Every claim on a day and a place, kept in step with the database.

    Attributes:
        dialog: the Add or Edit Claim dialog while it is open (for tests).
    """

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("day-claims-dialog")
        self.setWindowTitle(self.tr("Claims on a Day and Place"))
        self._workspace = workspace
        self.dialog: ClaimDialog | None = None
        self.model = DayClaimsModel(self)
        self.table = compact_table("day-claims", self.model, DayClaimsModel.SAMPLES)
        self.table.setAccessibleName(self.tr("Claims on a day and place"))
        note = QLabel(self.tr("Figures about a day and a place that no recorded event "
                              "carries yet, by who gives them. A figure about an event is "
                              "in the Events tab, beside the event."))
        note.setWordWrap(True)
        self.add_button = writes(QPushButton(self.tr("&Add Claim…")))
        self.add_button.setObjectName("day-claim-add-button")
        self.edit_button = writes(QPushButton(self.tr("&Edit Claim…")))
        self.edit_button.setObjectName("day-claim-edit-button")
        self.remove_button = writes(QPushButton(self.tr("&Remove Claim")))
        self.remove_button.setObjectName("day-claim-remove-button")
        row = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.remove_button):
            row.addWidget(button)
        row.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.table)
        layout.addLayout(row)
        layout.addWidget(close)
        self.resize(900, 400)
        self.add_button.clicked.connect(self._on_add_clicked)
        self.edit_button.clicked.connect(self._on_edit_clicked)
        self.table.doubleClicked.connect(self._on_edit_clicked)
        self.remove_button.clicked.connect(self._on_remove_clicked)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        workspace.changed.connect(self._on_workspace_changed)
        self.reload()

    def reload(self) -> None:
        self.model.set_rows(self._workspace.read(claims_on_days))
        self._update_buttons()

    def selected(self) -> ClaimRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    @Slot()
    def _update_buttons(self) -> None:
        chosen = self.selected() is not None
        self.edit_button.setEnabled(chosen)
        self.remove_button.setEnabled(chosen)

    @Slot(object)
    def _on_workspace_changed(self, topic: Topic) -> None:
        if topic & CLAIM_TOPICS:
            self.reload()

    @Slot()
    def _on_add_clicked(self) -> None:
        shown = self.selected()
        day = shown.day if shown is not None else date.today()
        self._open(ClaimDialog(self._workspace, day=day, parent=self))

    @Slot()
    def _on_edit_clicked(self) -> None:
        claim = self.selected()
        if claim is None or claim.claim_id is None:
            return
        try:
            dialog = ClaimDialog(self._workspace, claim_id=claim.claim_id, parent=self)
        except NotFoundError as gone:  # a colleague removed it meanwhile
            report_message(str(gone))
            self.reload()
            return
        self._open(dialog)

    def _open(self, dialog: ClaimDialog) -> None:
        # Window-modal and non-blocking (open, not exec), so tests can drive it.
        self.dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(self._on_dialog_destroyed)
        dialog.open()

    @Slot()
    def _on_dialog_destroyed(self) -> None:
        self.dialog = None

    @Slot()
    def _on_remove_clicked(self) -> None:
        claim = self.selected()
        if claim is None or claim.claim_id is None:
            return
        claim_id, version = claim.claim_id, claim.version
        command = OperationCommand(self._workspace, self.tr("Remove claim"),
                                   lambda session: remove_claim(session, claim_id, version),
                                   CLAIM_TOPICS)
        self._workspace.undo_stack.push(command)
        if command.error is not None:
            report_message(str(command.error))
        self.reload()
