"""The round detail pane's Participants tab: who sits at the round, with Add, Edit, Remove.

Each edit is one undo step (participant_commands.py). The page re-reads nothing itself:
the pane hands it each fresh ``RoundDetail`` after the workspace announces a change (the
page announces one when a removal finds the data changed elsewhere).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from tracker.domain.wording import label_of
from tracker.services.common.errors import NotFoundError
from tracker.services.common.views import ParticipantRow, RoundDetail
from tracker.ui.common import commands
from tracker.ui.common.conflict_dialog import push_removal
from tracker.ui.common.edit_dialog import writes
from tracker.ui.common.forms import named
from tracker.ui.common.language import QT_TRANSLATE_NOOP
from tracker.ui.common.placeholder import ViewPlaceholder
from tracker.ui.common.workspace import Topic, Workspace
from tracker.ui.events.link_models import (
    ParticipantIdRole,
    ParticipantsModel,
    compact_table,
    delete_key_removes,
    select_link,
    selected_data,
)


class ParticipantsPage(QWidget):
    """A table of one round's participants and the buttons that add, edit and remove them.

    Attributes:
        dialog: the Add or Edit Participant dialog while it is open (tests drive it
            through this).
    """

    EMPTY = QT_TRANSLATE_NOOP("ParticipantsPage", "No participants yet. Add the parties, "
                              "mediators, hosts and observers.")

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._detail: RoundDetail | None = None
        self.dialog: QDialog | None = None

        self.model = ParticipantsModel(self)
        self.table = compact_table(
            "round-participants", self.model, ParticipantsModel.SAMPLES,
            self.tr("Who takes part in the round; Delete removes the selected participant"))
        self.table.setAccessibleName(self.tr("Participants"))
        self.placeholder = ViewPlaceholder(self.table)
        delete_key_removes(self.table, self.remove_selected, self.tr("Remove Participant"))
        self.add_button = writes(named(QPushButton(self.tr("Add &Participant…")),
                                       "round-add-participant-button"))
        self.add_button.setToolTip(
            self.tr("Seat a party at this round as a party, mediator, host or observer"))
        self.edit_button = writes(named(QPushButton(self.tr("&Edit…")),
                                        "round-edit-participant-button"))
        self.edit_button.setToolTip(self.tr("Change the selected participant's role, head of "
                                    "delegation or note (double-click)"))
        self.edit_button.setEnabled(False)
        self.remove_button = writes(named(QPushButton(self.tr("Re&move")),
                                          "round-remove-participant-button"))
        self.remove_button.setToolTip(self.tr(
            "Take the selected participant off this round (Delete)"))
        self.remove_button.setEnabled(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(buttons)

        self.table.selectionModel().selectionChanged.connect(self._on_selection)
        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(self.edit_selected)
        self.table.activated.connect(self.edit_selected)
        self.remove_button.clicked.connect(self.remove_selected)

    # -- our API ------------------------------------------------------------------------

    def set_round(self, detail: RoundDetail) -> None:
        """Show *detail*'s participants, keeping the selected one selected if still there."""
        selected = self.selected_participant_id() \
            if self._detail is not None and self._detail.row.id == detail.row.id else None
        self._detail = detail
        self.model.set_rows(detail.participants)
        select_link(self.table, selected, ParticipantIdRole)
        self.placeholder.update_for(self.model.rowCount(), self.tr(self.EMPTY))
        self._on_selection()

    def selected_participant_id(self) -> int | None:
        participant_id: int | None = selected_data(self.table, ParticipantIdRole)
        return participant_id

    def selected_participant(self) -> ParticipantRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    @Slot()
    def add(self) -> None:
        """Open the Add Participant dialog (window-modal, not blocking: open, not exec)."""
        # The dialogs and the command are imported on first use, not with the Rounds view
        # that the window builds before it is ready (issue 19).
        from tracker.ui.rounds.participant_dialog import ParticipantDialog

        if self._detail is None:
            return
        self._open(ParticipantDialog(self._workspace, self._detail.row.id,
                                     self._detail.row.title, self))

    @Slot()
    def edit_selected(self) -> None:
        """Open the Edit Participant dialog on the selected seat as it is now."""
        from tracker.ui.rounds.participant_dialog import EditParticipantDialog

        row = self.selected_participant()
        if row is None or self._detail is None:
            return
        try:
            dialog = EditParticipantDialog(self._workspace, self._detail.row.id,
                                           self._detail.row.title, row, self)
        except NotFoundError as gone:
            commands.report_message(str(gone))
            self._workspace.changed_elsewhere(Topic.ROUNDS)
            return
        self._open(dialog)

    def _open(self, dialog: QDialog) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(self._on_dialog_finished)
        self.dialog = dialog
        dialog.open()

    @Slot()
    def remove_selected(self) -> None:
        """Take the selected participant off the round, as one undo step."""
        from tracker.ui.rounds.participant_commands import RemoveParticipantCommand

        row = self.selected_participant()
        if row is None or self._detail is None:
            return
        text = self.tr("Remove {party} ({role}) from “{round}”").format(
            party=row.party, role=label_of(row.role), round=self._detail.row.title)
        if not push_removal(self._workspace, lambda version: RemoveParticipantCommand(
                self._workspace, row.id, text=text, expected_version=version),
                row.version, self):
            # Removed or changed elsewhere meanwhile: the pane re-reads the round (this
            # table, its tab count and summary), and so does the rounds table.
            self._workspace.changed_elsewhere(Topic.ROUNDS)

    # -- slots ----------------------------------------------------------------------------

    @Slot()
    def _on_selection(self) -> None:
        selected = self.selected_participant_id() is not None
        self.edit_button.setEnabled(selected)
        self.remove_button.setEnabled(selected)

    @Slot()
    def _on_dialog_finished(self) -> None:
        self.dialog = None
