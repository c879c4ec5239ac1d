"""Undoable edits: one generic QUndoCommand over the operations that return an Outcome.

``OperationCommand`` runs an operation (rounds.reschedule, record_edits.edit_record, a
calendar import…) in one transaction through ``Workspace.write``; undo runs what the
Outcome says takes it back, redo what that undo returned. Nothing is thrown away:
undoing a schedule change records a further change back (the history is append-only),
and undoing a creation soft-deletes the round. A removal (a seat at a round, a link…)
is an operation too (services/records/removals.py): undo puts the record back under its
id, and each removal, redo included, is checked against the version the user last saw.

A step can fail, most often because someone else changed the record since (two analysts
on one PostgreSQL database). The command then marks itself obsolete, so QUndoStack drops
it instead of keeping a step that no longer matches the data, and the error is kept in
``error``. On the first redo (inside ``QUndoStack.push``) the caller shows it next to
the dialog field it names; later failures are reported to the user.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QTimer
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QApplication, QMessageBox
from sqlalchemy.orm import Session

from tracker.domain.errors import TrackerError
from tracker.services.common.errors import ValidationError
from tracker.services.common.outcome import Outcome
from tracker.services.common.topics import Topic
from tracker.services.records import reference
from tracker.ui.common.language import translate
from tracker.ui.common.table_model import as_plain
from tracker.ui.common.workspace import Workspace

Operation = Callable[[Session], Outcome]
log = logging.getLogger(__name__)


def report_message(message: str) -> None:
    """Tell the user an undo step failed. Tests replace this function.

    Shown on the next event-loop turn: a modal box opened inside QUndoStack.undo() would
    let the user press Undo again while the stack is still mid-operation.
    """
    def show() -> None:
        # Messages quote titles and notes the user typed: shown literally, never as HTML.
        QMessageBox.warning(QApplication.activeWindow(), translate("commands",
            "Negotiation Tracker"),
                            as_plain(message))

    QTimer.singleShot(0, show)


def report_error(title: str, message: str) -> None:
    report_message(f"{title} failed:\n\n{message}")


def push_or_report(workspace: Workspace, command: OperationCommand) -> bool:
    """Push *command* from a button with no dialog behind it to show a refusal inline (an
    Unlink or Remove button): a failure on the first redo is reported like a later one.
    Returns whether it was done.

    The text is read before pushing: QUndoStack deletes a command that failed (it is
    obsolete), so only its Python attributes are left once push returns.
    """
    text = command.text()
    workspace.undo_stack.push(command)
    if command.error is None:
        return True
    report_error(text, str(command.error))
    return False


@dataclass(frozen=True, slots=True)
class NewTrack:
    """A track typed in a dialog, created with the round in the same transaction."""

    name: str
    description: str = ""


@dataclass(frozen=True, slots=True)
class NewVenue:
    """A venue typed in a dialog, created with the change that uses it."""

    name: str
    city: str = ""
    country: str = ""
    time_zone: str = "UTC"
    latitude: float | None = None
    longitude: float | None = None

    def create(self, session: Session) -> int:
        return reference.create_venue(
            session, name=self.name, city=self.city, country=self.country,
            latitude=self.latitude, longitude=self.longitude, time_zone=self.time_zone,
        )


class OperationCommand(QUndoCommand):
    """The one undo step for any operation (services/common/outcome.py): redo runs it, undo runs
    what its Outcome says takes it back, and redo then runs what that undo returned.

    Nothing here knows what the operation does: the rules, the history it records and
    the check that nobody changed the record since are the operation's. Each step is one
    transaction through ``Workspace.write``, announcing *topics*. A step that fails marks
    the command obsolete; an operation with nothing to undo (an import that changed
    nothing) is not kept on the stack either.

    Attributes:
        error: the last failure (None while all went well).
        outcome: what the first redo did (None until then, or if it failed).
        latest: what the last redo or undo that went through did.
    """

    def __init__(self, workspace: Workspace, text: str, operation: Operation,
                 topics: Topic, parent: QUndoCommand | None = None) -> None:
        super().__init__(text, parent)
        self._workspace = workspace
        self._topics = topics
        self._done_once = False
        self._next: Operation | None = operation
        self.error: Exception | None = None
        self.outcome: Outcome | None = None
        self.latest: Outcome | None = None

    @property
    def error_field(self) -> str | None:
        return self.error.field if isinstance(self.error, ValidationError) else None

    def redo(self) -> None:
        """Override QUndoCommand.redo."""
        done = self._step()
        if self.outcome is None and done is not None:
            self.outcome = done
            if done.undo is None:
                self.setObsolete(True)  # nothing to take back
        self._done_once = True

    def undo(self) -> None:
        """Override QUndoCommand.undo."""
        self._step()

    def _step(self) -> Outcome | None:
        step = self._next
        if step is None or self.isObsolete():
            # A child of a macro stays on the stack after it failed (QUndoStack drops only
            # obsolete top-level commands); it must not act on data it no longer matches.
            return None
        try:
            done = self._workspace.write(step, self._topics)
        except TrackerError as exc:
            self.error = exc
            self.setObsolete(True)
            log.warning("%s failed: %s", self.text(), exc)
            if self._done_once:
                report_error(self.text(), str(exc))
            return None
        self.error = None
        self._next = done.undo
        self.latest = done
        return done
