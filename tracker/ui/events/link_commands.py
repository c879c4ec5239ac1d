"""Undo steps for event links, factor readings and round dependencies.

Each is an OperationCommand (commands.py) over one operation of the services
(link_operations.py, factors/operations.py), whose Outcome says how to take the step
back. A failure on the first redo is kept in ``error`` for whoever pushed the command to
show; a later one is reported and drops the command.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from tracker.services.events.link_operations import LINK_TOPICS, add_link, remove_link
from tracker.services.events.linking import LinkSpec
from tracker.services.factors.factors import DependencySpec, ReadingDraft
from tracker.services.factors.operations import (
    DEPENDENCY_TOPICS,
    READING_TOPICS,
    new_dependency,
    new_reading,
)
from tracker.ui.common.commands import OperationCommand
from tracker.ui.common.language import translate
from tracker.ui.common.workspace import Workspace

Report = Callable[[str], None]


class LinkEventCommand(OperationCommand):
    """Link an event to a round or factor; redo after undo brings back the same link id.

    *report*, when given, also receives the message of a failure on the first redo: the
    link dialog pushes one command per checked event inside a macro and collects the
    refusals this way, since it never holds the commands themselves.
    """

    def __init__(self, workspace: Workspace, spec: LinkSpec,
                 parent: QUndoCommand | None = None, *, text: str = "",
                 report: Report | None = None) -> None:
        super().__init__(workspace, text or translate("Commands", "Link event"),
                         lambda session: add_link(session, spec),
                         LINK_TOPICS, parent)
        self._report = report

    @property
    def link_id(self) -> int | None:
        return self.outcome.record_id if self.outcome is not None else None

    def redo(self) -> None:
        """Override QUndoCommand.redo."""
        first = not self._done_once
        super().redo()
        if first and self.error is not None and self._report is not None:
            self._report(str(self.error))


class UnlinkEventCommand(OperationCommand):
    """Remove a link; undo re-creates it with the same id, kind, note and citations.

    *expected_version*: the link as the user was shown it (refused if changed since)."""

    def __init__(self, workspace: Workspace, link_id: int, parent: QUndoCommand | None = None,
                 *, text: str = "", expected_version: int | None = None) -> None:
        super().__init__(workspace, text or translate("Commands", "Unlink event"),
                         lambda session: remove_link(
            session, link_id, expected_version=expected_version), LINK_TOPICS, parent)
        self.link_id = link_id


class AddReadingCommand(OperationCommand):
    """Add a factor reading; undo removes it."""

    def __init__(self, workspace: Workspace, factor_id: int, draft: ReadingDraft,
                 parent: QUndoCommand | None = None) -> None:
        super().__init__(workspace, translate("Commands", "Add factor reading"),
                         lambda session: new_reading(
            session, factor_id, draft), READING_TOPICS, parent)

    @property
    def reading_id(self) -> int | None:
        return self.latest.record_id if self.latest is not None else None


class AddDependencyCommand(OperationCommand):
    """Make a round depend on a factor; undo removes the dependency."""

    def __init__(self, workspace: Workspace, spec: DependencySpec,
                 parent: QUndoCommand | None = None) -> None:
        super().__init__(workspace, translate("Commands", "Add dependency"),
                         lambda session: new_dependency(
            session, spec), DEPENDENCY_TOPICS, parent)

    @property
    def dependency_id(self) -> int | None:
        return self.latest.record_id if self.latest is not None else None
