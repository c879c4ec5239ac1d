"""Undo commands for event links, factor readings and round dependencies.

Each is a ``ServiceCommand`` (commands.py), so links fail the way round edits do: one
service call each way through ``Workspace.write`` (one transaction, announcing what it
touched); a failure on the first redo (inside ``QUndoStack.push``) is kept in ``error`` for
whoever pushed the command to show, and a later failed undo or redo (another user removed
the link meanwhile, say) marks the command obsolete, so QUndoStack drops it, and is
reported through ``commands.report_message`` rather than dropped silently.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand
from sqlalchemy.orm import Session

from tracker.services import factors, linking
from tracker.services.factors import DependencySpec, ReadingDraft
from tracker.services.linking import LinkSpec
from tracker.ui.commands import RemoveCommand, ServiceCommand
from tracker.ui.workspace import Topic, Workspace

Report = Callable[[str], None]


class LinkEventCommand(ServiceCommand):
    """Link an event to a round or factor; redo after undo brings back the same link id.

    *report*, when given, also receives the message of a failure on the first redo. The
    link dialog pushes one command per checked event inside a macro and collects the
    refusals this way, since it never holds the commands themselves.
    """

    topic = Topic.LINKS

    def __init__(
        self, workspace: Workspace, spec: LinkSpec, parent: QUndoCommand | None = None,
        *, text: str = "Link event", report: Report | None = None,
    ) -> None:
        super().__init__(workspace, text, parent)
        self.spec = spec
        self.link_id: int | None = None
        self._report = report

    def redo(self) -> None:
        """Override QUndoCommand.redo."""
        link_id = self.link_id
        created = self._run(lambda session: linking.link_event(session, self.spec,
                                                               link_id=link_id))
        if created is not None:
            self.link_id = created
        elif not self._done_once and self.error is not None and self._report is not None:
            self._report(str(self.error))
        self._done_once = True

    def undo(self) -> None:
        """Override QUndoCommand.undo."""
        link_id = self.link_id
        if link_id is not None:
            removed = self._run(lambda session: linking.unlink(session, link_id))
            if removed is not None:
                # Redo brings back the link as it was then: its creation time, and any
                # citation added to it in the meantime.
                self.spec = removed


class UnlinkEventCommand(RemoveCommand[LinkSpec]):
    """Remove a link; undo re-creates it with the same id, kind, note and citations.

    *expected_version*: the link as the user was shown it (refused if changed since)."""

    topic = Topic.LINKS
    kind = "link"

    def __init__(
        self, workspace: Workspace, link_id: int, parent: QUndoCommand | None = None,
        *, text: str = "Unlink event", expected_version: int | None = None,
    ) -> None:
        super().__init__(workspace, link_id, text, parent, expected_version=expected_version)

    @property
    def link_id(self) -> int:
        return self.record_id

    def _remove(self, session: Session, record_id: int) -> LinkSpec:
        return linking.unlink(session, record_id)

    def _restore(self, session: Session, spec: LinkSpec, record_id: int) -> int:
        return linking.link_event(session, spec, link_id=record_id)


class AddReadingCommand(ServiceCommand):
    """Add a factor reading; undo removes it."""

    topic = Topic.FACTORS

    def __init__(
        self, workspace: Workspace, factor_id: int, draft: ReadingDraft,
        parent: QUndoCommand | None = None,
    ) -> None:
        super().__init__(workspace, "Add factor reading", parent)
        self.factor_id = factor_id
        self.draft = draft
        self.reading_id: int | None = None

    def redo(self) -> None:
        """Override QUndoCommand.redo."""
        added = self._run(lambda session: factors.add_reading(session, self.factor_id,
                                                              self.draft))
        if added is not None:
            self.reading_id = added
        self._done_once = True

    def undo(self) -> None:
        """Override QUndoCommand.undo."""
        reading_id = self.reading_id
        if reading_id is not None:
            self._run(lambda session: factors.remove_reading(session, reading_id))


class AddDependencyCommand(ServiceCommand):
    """Make a round depend on a factor; undo removes the dependency."""

    # Rounds show their dependencies too, so both topics are announced.
    topic = Topic.FACTORS | Topic.ROUNDS

    def __init__(
        self, workspace: Workspace, spec: DependencySpec, parent: QUndoCommand | None = None,
    ) -> None:
        super().__init__(workspace, "Add dependency", parent)
        self.spec = spec
        self.dependency_id: int | None = None

    def redo(self) -> None:
        """Override QUndoCommand.redo."""
        added = self._run(lambda session: factors.add_dependency(session, self.spec))
        if added is not None:
            self.dependency_id = added
        self._done_once = True

    def undo(self) -> None:
        """Override QUndoCommand.undo."""
        dependency_id = self.dependency_id
        if dependency_id is not None:
            self._run(lambda session: factors.remove_dependency(session, dependency_id))
