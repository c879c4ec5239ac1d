"""Undo steps for event links, factor readings and round dependencies.

Linking and adding are OperationCommands (commands.py) over the linking and factors
services: each step's Outcome says how to take it back, so they fail the way round edits
do: a failure on the first redo (inside ``QUndoStack.push``) is kept in ``error`` for
whoever pushed the command to show, and a later failed undo or redo (another user removed
the link meanwhile, say) marks the command obsolete, so QUndoStack drops it, and is
reported through ``commands.report_message`` rather than dropped silently. Unlinking is a
checked removal (``RemoveCommand``).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand
from sqlalchemy.orm import Session

from tracker.services.common.outcome import Outcome
from tracker.services.common.topics import Topic, topic_of
from tracker.services.events import linking
from tracker.services.events.linking import LinkSpec
from tracker.services.factors import factors
from tracker.services.factors.factors import DependencySpec, ReadingDraft
from tracker.ui.common.commands import Operation, OperationCommand, RemoveCommand
from tracker.ui.common.workspace import Workspace

Report = Callable[[str], None]
LINK_TOPICS = topic_of(["event_link"])
READING_TOPICS = topic_of(["factor_reading"])
# Rounds show their dependencies too, so both topics are announced.
DEPENDENCY_TOPICS = topic_of(["dependency"])


def _link(spec: LinkSpec, link_id: int | None = None) -> Operation:
    """Link (under *link_id* when a redo brings it back); its undo unlinks it."""
    def run(session: Session) -> Outcome:
        made = linking.link_event(session, spec, link_id=link_id)
        return Outcome(LINK_TOPICS, record_id=made, undo=_unlink(made))
    return run


def _unlink(link_id: int) -> Operation:
    """Unlink; its undo brings the link back as it was then: its creation time, and any
    citation added to it in the meantime."""
    def run(session: Session) -> Outcome:
        removed = linking.unlink(session, link_id)
        return Outcome(LINK_TOPICS, record_id=link_id, undo=_link(removed, link_id))
    return run


class LinkEventCommand(OperationCommand):
    """Link an event to a round or factor; redo after undo brings back the same link id.

    *report*, when given, also receives the message of a failure on the first redo: the
    link dialog pushes one command per checked event inside a macro and collects the
    refusals this way, since it never holds the commands themselves.
    """

    def __init__(self, workspace: Workspace, spec: LinkSpec,
                 parent: QUndoCommand | None = None, *, text: str = "Link event",
                 report: Report | None = None) -> None:
        super().__init__(workspace, text, _link(spec), LINK_TOPICS, parent)
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


class UnlinkEventCommand(RemoveCommand):
    """Remove a link; undo re-creates it with the same id, kind, note and citations.

    *expected_version*: the link as the user was shown it (refused if changed since)."""

    def __init__(self, workspace: Workspace, link_id: int, parent: QUndoCommand | None = None,
                 *, text: str = "Unlink event", expected_version: int | None = None) -> None:
        super().__init__(workspace, "link", link_id, text, linking.unlink,
                         lambda session, spec, record_id: linking.link_event(
                             session, spec, link_id=record_id),
                         LINK_TOPICS, parent, expected_version=expected_version)

    @property
    def link_id(self) -> int:
        return self.record_id


def _added(topics: Topic, add: Callable[[Session], int],
           remove: Callable[[Session, int], object]) -> Operation:
    """*add* (returning the new record's id); its undo removes that record, whose undo
    adds it again (under a new id: nothing else names a reading or a dependency)."""
    def run(session: Session) -> Outcome:
        made = add(session)

        def back(session: Session) -> Outcome:
            remove(session, made)
            return Outcome(topics, record_id=made, undo=_added(topics, add, remove))
        return Outcome(topics, record_id=made, undo=back)
    return run


class AddReadingCommand(OperationCommand):
    """Add a factor reading; undo removes it."""

    def __init__(self, workspace: Workspace, factor_id: int, draft: ReadingDraft,
                 parent: QUndoCommand | None = None) -> None:
        super().__init__(workspace, "Add factor reading", _added(
            READING_TOPICS, lambda session: factors.add_reading(session, factor_id, draft),
            factors.remove_reading), READING_TOPICS, parent)

    @property
    def reading_id(self) -> int | None:
        return self.latest.record_id if self.latest is not None else None


class AddDependencyCommand(OperationCommand):
    """Make a round depend on a factor; undo removes the dependency."""

    def __init__(self, workspace: Workspace, spec: DependencySpec,
                 parent: QUndoCommand | None = None) -> None:
        super().__init__(workspace, "Add dependency", _added(
            DEPENDENCY_TOPICS, lambda session: factors.add_dependency(session, spec),
            factors.remove_dependency), DEPENDENCY_TOPICS, parent)

    @property
    def dependency_id(self) -> int | None:
        return self.latest.record_id if self.latest is not None else None
