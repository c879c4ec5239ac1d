"""The dialog whose OK pushes one undo step, and the conflict it may meet on the way.

An edit dialog reads its record with ``open_record`` and saves with ``edit_command``
(record_edits.edit_record, checked against the version read): someone else's change in
between brings up the conflict dialog instead of being overwritten.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtWidgets import QDialogButtonBox, QPushButton, QWidget

from tracker.domain.wording import say
from tracker.services.common.errors import NotFoundError
from tracker.services.records import record_edits
from tracker.services.records.conflicts import ConflictError
from tracker.ui.common.commands import OperationCommand
from tracker.ui.common.conflict_dialog import Choice, ConflictDialog
from tracker.ui.common.edit_commands import EditRecordCommand, MergeRecordCommand
from tracker.ui.common.edit_dialog import EditDialog
from tracker.ui.common.forms import ErrorLabel, ok_cancel_buttons
from tracker.ui.common.workspace import Workspace


@dataclass(frozen=True, slots=True)
class Editing:
    """The record an edit dialog was opened on: kind, id, version, and its fields then."""

    kind: str
    record_id: int
    version: int
    values: dict[str, object]


class CommandDialog(EditDialog):
    """A dialog whose OK pushes one undo command; service errors show beside their field.

    Subclasses register an ErrorLabel per service field name and build the command in
    ``make_command``. Nothing is written before OK, and then in one transaction.

    An edit dialog reads its record with ``open_record`` and saves with ``edit_command``:
    the save is checked against the version read, and someone else's change in between
    brings up the conflict dialog (``_resolve_conflict``) instead of being overwritten.

    Attributes:
        command: the command pushed on success (None before).
        editing: the record this dialog edits (None for one that creates).
    """

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.command: OperationCommand | None = None
        self.buttons = ok_cancel_buttons(self)
        self.form_error = ErrorLabel("form-error")
        self._field_errors: dict[str, Callable[[str], None]] = {}
        self.editing: Editing | None = None

    @property
    def ok_button(self) -> QPushButton:
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    def register_error(self, field: str, show: Callable[[str], None]) -> None:
        self._field_errors[field] = show

    def make_command(self) -> OperationCommand | None:
        raise NotImplementedError

    def accept(self) -> None:
        """Override QDialog::accept: push the command; stay open if the service refuses."""
        if not self.ok_button.isEnabled():
            return
        command = self.make_command()
        if command is None:
            return
        self.form_error.show_error(None)
        self.workspace.undo_stack.push(command)
        if isinstance(command.error, ConflictError):
            command = self._resolve_conflict(command.error)
            if command is None:
                return
        if command.error is not None:
            show = self._field_errors.get(command.error_field or "", self.form_error.show_error)
            show(str(command.error))
            return
        self.command = command
        super().accept()

    def open_record(self, kind: str, record_id: int) -> dict[str, object]:
        """Read the record to edit (NotFoundError if it is gone); remember its version.

        Called from an edit dialog's constructor: when the record is gone the half-built
        dialog leaves its parent and is deleted, so the caller's NotFoundError (said to
        the user) leaves no hidden dialog behind in the pane that tried to open it.
        """
        try:
            values, version = self.workspace.read(
                lambda session: record_edits.current(session, kind, record_id))
        except NotFoundError:
            self.setParent(None)
            self.deleteLater()
            raise
        self.editing = Editing(kind, record_id, version, values)
        return dict(values)

    def edit_command(self, values: dict[str, object], text: str) -> OperationCommand:
        """The command saving *values* over the version ``open_record`` read."""
        editing = self.editing
        assert editing is not None, "open_record first"
        return EditRecordCommand(self.workspace, editing.kind, editing.record_id, values,
                                 expected_version=editing.version, text=text)

    def conflict_base(self) -> dict[str, object] | None:
        """The record's fields as this dialog was opened on them (for "reapply mine")."""
        return dict(self.editing.values) if self.editing is not None else None

    def _resolve_conflict(self, conflict: ConflictError) -> OperationCommand | None:
        """Someone saved first: let the user choose; None keeps this dialog open as typed."""
        dialog = ConflictDialog(conflict, self.conflict_base(), self)
        if not dialog.exec() or dialog.choice is None:
            self.form_error.show_error(
                self.tr("Not saved: the {kind} was changed by someone else.").format(
                    kind=say(conflict.kind.noun)))
            return None
        if dialog.choice is Choice.THEIRS or dialog.values() == conflict.theirs:
            self.reject()  # their version stands; the user chose to drop this edit
            return None
        merge = MergeRecordCommand(self.workspace, conflict, dialog.values())
        self.workspace.undo_stack.push(merge)
        return merge
