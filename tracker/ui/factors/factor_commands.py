"""Creating a factor as an undoable step (readings and dependencies: link_commands.py)."""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand
from sqlalchemy.orm import Session

from tracker.services.common.outcome import Outcome, alternate
from tracker.services.common.topics import Topic
from tracker.services.factors import factors
from tracker.ui.common.commands import Operation, OperationCommand
from tracker.ui.common.workspace import Workspace


def _new_factor(name: str, description: str) -> Operation:
    """Add the factor; undo removes it while nothing refers to it, and redo brings the
    same id back: later steps on the stack (a reading, a dependency) name it by id."""
    def create(session: Session) -> Outcome:
        factor_id = factors.create_factor(session, name, description)

        def remove(session: Session) -> Outcome:
            factors.delete_factor(session, factor_id)
            return Outcome(Topic.FACTORS, record_id=factor_id)

        def again(session: Session) -> Outcome:
            factors.create_factor(session, name, description, factor_id=factor_id)
            return Outcome(Topic.FACTORS, record_id=factor_id)

        return Outcome(Topic.FACTORS, record_id=factor_id, undo=alternate(remove, again))
    return create


class CreateFactorCommand(OperationCommand):
    """Add a factor; undo removes it, redo brings the same id back."""

    def __init__(self, workspace: Workspace, name: str, description: str = "",
                 parent: QUndoCommand | None = None) -> None:
        super().__init__(workspace, f"New factor “{' '.join(name.split())}”",
                         _new_factor(name, description), Topic.FACTORS, parent)

    @property
    def factor_id(self) -> int | None:
        return self.outcome.record_id if self.outcome is not None else None
