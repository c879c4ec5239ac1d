"""Creating a factor as an undoable step (readings and dependencies: link_commands.py)."""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand

from tracker.services.common.topics import Topic
from tracker.services.factors.operations import new_factor
from tracker.ui.common.commands import OperationCommand
from tracker.ui.common.language import translate
from tracker.ui.common.workspace import Workspace


class CreateFactorCommand(OperationCommand):
    """Add a factor; undo removes it, redo brings the same id back."""

    def __init__(self, workspace: Workspace, name: str, description: str = "",
                 parent: QUndoCommand | None = None) -> None:
        super().__init__(workspace, translate("Commands", "New factor “{name}”").format(
                             name=" ".join(name.split())),
                         lambda session: new_factor(session, name, description),
                         Topic.FACTORS, parent)

    @property
    def factor_id(self) -> int | None:
        return self.outcome.record_id if self.outcome is not None else None
