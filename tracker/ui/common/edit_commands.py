"""Undoable edits of any kind of record, the round included, through ``edit_record``.

``EditRecordCommand`` saves an edit dialog's values over the version it was opened on;
``MergeRecordCommand`` saves a conflict's resolution over the version the other editor
left, saying so in a round's history. Both are OperationCommands: the undo (and its
redo) is the one ``record_edits.edit_record`` returns, itself checked against the
version the step left, so someone's later change is refused and reported, not lost.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtGui import QUndoCommand
from sqlalchemy.orm import Session

from tracker.domain.wording import say
from tracker.services.common.outcome import Outcome
from tracker.services.records import record_edits
from tracker.services.records.conflicts import ConflictError
from tracker.services.rounds import ChangeNote
from tracker.ui.common.commands import OperationCommand
from tracker.ui.common.language import translate
from tracker.ui.common.workspace import Workspace


class EditRecordCommand(OperationCommand):
    """Save an edit dialog's *values*; ConflictError (for the dialog to show) when the
    record is no longer at *expected_version*; undo puts back what they replaced."""

    def __init__(self, workspace: Workspace, kind: str, record_id: int,
                 values: Mapping[str, object], *, expected_version: int | None, text: str,
                 parent: QUndoCommand | None = None) -> None:
        wanted = dict(values)

        def save(session: Session) -> Outcome:
            return record_edits.edit_record(session, kind, record_id, wanted,
                                            expected_version)

        super().__init__(workspace, text, save, record_edits.topics_of(kind), parent)


class MergeRecordCommand(OperationCommand):
    """Save a conflict's resolution as one new change ("Merged after a conflict with …"
    in a round's history); undo puts back what the other editor had saved."""

    def __init__(self, workspace: Workspace, conflict: ConflictError,
                 values: Mapping[str, object], parent: QUndoCommand | None = None) -> None:
        kind, record_id, wanted = conflict.kind.name, conflict.record_id, dict(values)
        note = ChangeNote(conflict.merged_reason())

        def merge(session: Session) -> Outcome:
            return record_edits.edit_record(session, kind, record_id, wanted,
                                            conflict.theirs_version, note=note)

        super().__init__(workspace, translate("Commands", "Merge conflicting edits of {kind} "
                                              "{title}").format(kind=say(conflict.kind.noun),
                                                                title=conflict.title),
                         merge, record_edits.topics_of(kind), parent)
        self.conflict = conflict
