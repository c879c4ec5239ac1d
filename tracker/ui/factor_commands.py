"""Creating a factor as an undoable step (readings and dependencies: link_commands.py)."""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand

from tracker.services import factors
from tracker.ui.commands import ServiceCommand
from tracker.ui.workspace import Topic, Workspace


class CreateFactorCommand(ServiceCommand):
    """Add a factor; undo removes it while nothing refers to it, redo brings the same id back.

    Later steps on the stack (a reading, a dependency) name the factor by id, so redo must
    not give it a new one.
    """

    topic = Topic.FACTORS

    def __init__(self, workspace: Workspace, name: str, description: str = "",
                 parent: QUndoCommand | None = None) -> None:
        super().__init__(workspace, f"New factor “{' '.join(name.split())}”", parent)
        self._name = name
        self._description = description
        self.factor_id: int | None = None

    def redo(self) -> None:
        """Override QUndoCommand.redo."""
        factor_id = self.factor_id
        created = self._run(lambda session: factors.create_factor(
            session, self._name, self._description, factor_id=factor_id))
        if created is not None:
            self.factor_id = created
        self._done_once = True

    def undo(self) -> None:
        """Override QUndoCommand.undo."""
        factor_id = self.factor_id
        if factor_id is not None:
            self._run(lambda session: factors.delete_factor(session, factor_id))
