"""Removing a record as an operation: checked against the version the user saw, undone by
putting the record back under its id.

A seat at a round and an event's link are removed this way (seating.py,
link_operations.py). The removal returns what the record was, and its Outcome's undo
puts exactly that back under the same id: later steps on the undo stack (an unlink after
this one's undo, say) find the record by it. The undo's undo removes it again, checked
against the version that put-back left, so someone who changed the record after the undo
keeps their change: the redo is refused with ChangedSinceError (a redo cannot ask, as the
first removal does, from inside QUndoStack.redo).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

from sqlalchemy.orm import Session

from tracker.services.common.outcome import ChangedSinceError, Outcome, Undo
from tracker.services.common.topics import Topic
from tracker.services.records import record_edits
from tracker.services.records.conflicts import ConflictError

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Removal(Generic[T]):
    """How one record is removed and put back: the kind's two service calls.

    Attributes:
        kind: services/records/conflicts_kinds.py's name for what is removed.
        remove: ``remove(session, id)`` removes it and returns what it was.
        put_back: ``put_back(session, what, id)`` re-creates it under its id.
        topics: what views re-read after either.
    """

    kind: str
    record_id: int
    remove: Callable[[Session, int], T]
    put_back: Callable[[Session, T, int], object]
    topics: Topic

    def run(self, session: Session, expected_version: int | None, *,
            again: bool = False) -> tuple[Outcome, T]:
        """Remove the record (only if still at *expected_version*, when given); return the
        Outcome, whose undo puts it back, and what it was.

        ConflictError if it changed since: the first removal lets the window ask the user;
        a redo (*again*) raises ChangedSinceError instead, saying why nothing was done.
        """
        try:
            removed = self.remove(session, self.record_id) if expected_version is None \
                else record_edits.remove_checked(session, self.kind, self.record_id,
                                                 expected_version, self.remove)
        except ConflictError as changed:
            if not again:
                raise
            raise ChangedSinceError(_changed_after_undo(changed)) from changed
        return Outcome(self.topics, record_id=self.record_id,
                       undo=self._put_back(removed)), removed

    def _put_back(self, removed: T) -> Undo:
        def run(session: Session) -> Outcome:
            self.put_back(session, removed, self.record_id)
            # What the user has now seen of it: a redo removes only this version.
            version = record_edits.current(session, self.kind, self.record_id)[1]
            return Outcome(self.topics, record_id=self.record_id, version=version,
                           undo=lambda session: self.run(session, version, again=True)[0])
        return run


def _changed_after_undo(conflict: ConflictError) -> str:
    who = conflict.changed_by or "Someone else"
    return (f"{who} changed the {conflict.kind.noun} {conflict.title} after this removal "
            "was undone. It was not removed again, so that change is kept.")
