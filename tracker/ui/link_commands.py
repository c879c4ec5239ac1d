"""Undo commands for event links, factor readings and round dependencies.

Each command is one service call each way, run through ``Workspace.write`` so it is one
transaction and announces what it touched. A command whose record vanished in between
(another user deleted it, or the database was replaced) cannot be undone or redone: it
marks itself obsolete, which makes QUndoStack drop it, and tells ``report`` why instead
of raising out of a C++ virtual call.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtGui import QUndoCommand
from sqlalchemy.exc import SQLAlchemyError

from tracker.services import factors, linking
from tracker.services.errors import NotFoundError, ValidationError
from tracker.services.factors import DependencySpec, ReadingDraft
from tracker.services.linking import LinkSpec
from tracker.ui.workspace import Topic, Workspace

log = logging.getLogger(__name__)

Report = Callable[[str], None]
# What a command cannot recover from: the user is told, the stack drops the command.
_FAILURES = (NotFoundError, ValidationError, SQLAlchemyError)


class _ServiceCommand(QUndoCommand):
    """Runs ``_do``/``_undo`` and turns a failure into an obsolete command and a report."""

    def __init__(
        self, workspace: Workspace, text: str, parent: QUndoCommand | None = None,
        *, report: Report | None = None,
    ) -> None:
        super().__init__(text, parent)
        self._workspace = workspace
        self._report = report
        self.error: str | None = None

    def redo(self) -> None:
        """Override QUndoCommand.redo."""
        self._guarded(self._do, "redo")

    def undo(self) -> None:
        """Override QUndoCommand.undo."""
        self._guarded(self._undo, "undo")

    def _guarded(self, step: Callable[[], None], name: str) -> None:
        if self.isObsolete():
            return
        try:
            step()
        except _FAILURES as exc:
            self.error = f"Cannot {name} “{self.text()}”: {exc}"
            log.warning("%s", self.error)
            self.setObsolete(True)
            if self._report is not None:
                self._report(self.error)

    def _do(self) -> None:
        raise NotImplementedError

    def _undo(self) -> None:
        raise NotImplementedError


class LinkEventCommand(_ServiceCommand):
    """Link an event to a round or factor; redo after undo brings back the same link id."""

    def __init__(
        self, workspace: Workspace, spec: LinkSpec, parent: QUndoCommand | None = None,
        *, text: str = "Link event", report: Report | None = None,
    ) -> None:
        super().__init__(workspace, text, parent, report=report)
        self.spec = spec
        self.link_id: int | None = None

    def _do(self) -> None:
        link_id = self.link_id
        self.link_id = self._workspace.write(
            lambda session: linking.link_event(session, self.spec, link_id=link_id),
            Topic.LINKS,
        )

    def _undo(self) -> None:
        link_id = self.link_id
        if link_id is not None:
            self._workspace.write(lambda session: linking.unlink(session, link_id), Topic.LINKS)


class UnlinkEventCommand(_ServiceCommand):
    """Remove a link; undo re-creates it with the same id, kind and note."""

    def __init__(
        self, workspace: Workspace, link_id: int, parent: QUndoCommand | None = None,
        *, text: str = "Unlink event", report: Report | None = None,
    ) -> None:
        super().__init__(workspace, text, parent, report=report)
        self.link_id = link_id
        self.spec: LinkSpec | None = None

    def _do(self) -> None:
        self.spec = self._workspace.write(
            lambda session: linking.unlink(session, self.link_id), Topic.LINKS
        )

    def _undo(self) -> None:
        spec = self.spec
        if spec is not None:
            self._workspace.write(
                lambda session: linking.link_event(session, spec, link_id=self.link_id),
                Topic.LINKS,
            )


class AddReadingCommand(_ServiceCommand):
    """Add a factor reading; undo removes it."""

    def __init__(
        self, workspace: Workspace, factor_id: int, draft: ReadingDraft,
        parent: QUndoCommand | None = None, *, report: Report | None = None,
    ) -> None:
        super().__init__(workspace, "Add factor reading", parent, report=report)
        self.factor_id = factor_id
        self.draft = draft
        self.reading_id: int | None = None

    def _do(self) -> None:
        self.reading_id = self._workspace.write(
            lambda session: factors.add_reading(session, self.factor_id, self.draft),
            Topic.FACTORS,
        )

    def _undo(self) -> None:
        reading_id = self.reading_id
        if reading_id is not None:
            self._workspace.write(
                lambda session: factors.remove_reading(session, reading_id), Topic.FACTORS
            )


class AddDependencyCommand(_ServiceCommand):
    """Make a round depend on a factor; undo removes the dependency."""

    def __init__(
        self, workspace: Workspace, spec: DependencySpec, parent: QUndoCommand | None = None,
        *, report: Report | None = None,
    ) -> None:
        super().__init__(workspace, "Add dependency", parent, report=report)
        self.spec = spec
        self.dependency_id: int | None = None

    def _do(self) -> None:
        # Rounds show their dependencies too, so both topics are announced.
        self.dependency_id = self._workspace.write(
            lambda session: factors.add_dependency(session, self.spec),
            Topic.FACTORS | Topic.ROUNDS,
        )

    def _undo(self) -> None:
        dependency_id = self.dependency_id
        if dependency_id is not None:
            self._workspace.write(
                lambda session: factors.remove_dependency(session, dependency_id),
                Topic.FACTORS | Topic.ROUNDS,
            )
