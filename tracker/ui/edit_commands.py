"""Undoable edits of any kind of record, checked against the version the editor read.

``EditRecordCommand`` saves an edit dialog's values over the version it was opened on;
``MergeRecordCommand`` saves a conflict's resolution over the version the other editor
left. Both go through ``record_edits.save_values`` (a round's through its history), and
each undo or redo is itself checked: it is refused, and reported, when someone changed
the record after this step, instead of overwriting that change.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtGui import QUndoCommand
from sqlalchemy.orm import Session

from tracker.services import record_edits
from tracker.services.conflicts import ConflictError
from tracker.services.conflicts_kinds import KINDS
from tracker.ui.change_watcher import topic_of
from tracker.ui.commands import ServiceCommand, undo_reason
from tracker.ui.workspace import Topic, Workspace

# What views re-read after an edit of each kind: the same as when a colleague changes
# the kind's table (one map, in change_watcher).
KIND_TOPICS: dict[str, Topic] = {name: topic_of([kind.model.__tablename__])
                                 for name, kind in KINDS.items()}


class _SaveValuesCommand(ServiceCommand):
    """Saves values of one record, each time over the version the last save left."""

    def __init__(self, workspace: Workspace, kind: str, record_id: int, text: str,
                 expected_version: int | None, parent: QUndoCommand | None = None) -> None:
        super().__init__(workspace, text, parent)
        self.kind = kind
        self.record_id = record_id
        self.topic = KIND_TOPICS[kind]
        self.expected_version = expected_version

    def _save(self, values: Mapping[str, object], reason: str = "") -> bool:
        def save(session: Session) -> int:
            return record_edits.save_values(session, self.kind, self.record_id, values,
                                            expected_version=self.expected_version,
                                            reason=reason)

        version = self._run(save)
        if version is None:
            return False
        self.expected_version = version
        return True


class EditRecordCommand(_SaveValuesCommand):
    """Save an edit dialog's *values*; undo puts back what they replaced.

    The first redo is refused with a ConflictError when the record is no longer at
    *expected_version* (the dialog then shows the conflict); later ones are refused the
    same way when someone changed it since this step, and reported.
    """

    def __init__(self, workspace: Workspace, kind: str, record_id: int,
                 values: Mapping[str, object], *, expected_version: int | None, text: str,
                 parent: QUndoCommand | None = None) -> None:
        super().__init__(workspace, kind, record_id, text, expected_version, parent)
        self.values = dict(values)
        self._before: dict[str, object] | None = None

    def redo(self) -> None:
        """Override QUndoCommand.redo."""
        if self._before is None:
            def first(session: Session) -> tuple[dict[str, object], int]:
                before, _version = record_edits.current(session, self.kind, self.record_id)
                version = record_edits.save_values(
                    session, self.kind, self.record_id, self.values,
                    expected_version=self.expected_version)
                return {field: before[field] for field in self.values}, version

            done = self._run(first)
            if done is not None:
                self._before, self.expected_version = done
        else:
            self._save(self.values)
        self._done_once = True

    def undo(self) -> None:
        """Override QUndoCommand.undo."""
        if self._before is not None:
            self._save(self._before)


class MergeRecordCommand(_SaveValuesCommand):
    """Save a conflict's resolution as one new change; undo puts back what the other
    editor had saved (for a round, again one recorded change), unless the record moved
    on since."""

    def __init__(self, workspace: Workspace, conflict: ConflictError,
                 values: Mapping[str, object], parent: QUndoCommand | None = None) -> None:
        super().__init__(workspace, conflict.kind.name, conflict.record_id,
                         f"Merge conflicting edits of {conflict.kind.noun} {conflict.title}",
                         conflict.theirs_version, parent)
        self.conflict = conflict
        self._values = dict(values)
        self._theirs = dict(conflict.theirs)
        self._reason = conflict.merged_reason()

    @property
    def round_id(self) -> int:
        return self.record_id

    def redo(self) -> None:
        """Override QUndoCommand.redo."""
        self._save(self._values, self._reason if not self._done_once
                   else undo_reason(self._reason, "Redo"))
        self._done_once = True

    def undo(self) -> None:
        """Override QUndoCommand.undo."""
        self._save(self._theirs, undo_reason(self._reason, "Undo"))

