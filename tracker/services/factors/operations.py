"""Creating a factor, adding a reading of one, making a round depend on one: the
operations, with their undo.

Each checks the rules (factors.py), writes in the caller's transaction and returns an
Outcome (services/common/outcome.py) whose ``undo`` takes the step back and whose undo's
undo does it again. A factor comes back under its old id, since later steps on the undo
stack (a reading, a dependency) name it by id; a reading or a dependency comes back
under a new one, since nothing else names it.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy.orm import Session

from tracker.services.common.outcome import Outcome, alternate
from tracker.services.common.topics import Topic, topic_of
from tracker.services.factors import factors
from tracker.services.factors.factors import DependencySpec, ReadingDraft

READING_TOPICS = topic_of(["factor_reading"])
# Rounds show their dependencies too: the table's topic reaches both views.
DEPENDENCY_TOPICS = topic_of(["dependency"])


def new_factor(session: Session, name: str, description: str = "") -> Outcome:
    """Add a factor (Outcome.record_id: its id); undo removes it while nothing refers to
    it, and redo brings the same id back."""
    factor_id = factors.create_factor(session, name, description)

    def remove(session: Session) -> Outcome:
        factors.delete_factor(session, factor_id)
        return Outcome(Topic.FACTORS, record_id=factor_id)

    def again(session: Session) -> Outcome:
        factors.create_factor(session, name, description, factor_id=factor_id)
        return Outcome(Topic.FACTORS, record_id=factor_id)

    return Outcome(Topic.FACTORS, record_id=factor_id, undo=alternate(remove, again))


def new_reading(session: Session, factor_id: int, draft: ReadingDraft) -> Outcome:
    """Add a reading of a factor (Outcome.record_id: its id); undo removes it."""
    return _added(session, READING_TOPICS,
                  lambda session: factors.add_reading(session, factor_id, draft),
                  factors.remove_reading)


def new_dependency(session: Session, spec: DependencySpec) -> Outcome:
    """Make a round depend on a factor (Outcome.record_id: the dependency's id); undo
    removes the dependency."""
    return _added(session, DEPENDENCY_TOPICS,
                  lambda session: factors.add_dependency(session, spec),
                  factors.remove_dependency)


def _added(session: Session, topics: Topic, add: Callable[[Session], int],
           remove: Callable[[Session, int], object]) -> Outcome:
    """Run *add* (returning the new record's id); the undo removes that record, and its
    undo adds it again, under a new id."""
    made = add(session)

    def back(session: Session) -> Outcome:
        remove(session, made)
        return Outcome(topics, record_id=made,
                       undo=lambda session: _added(session, topics, add, remove))

    return Outcome(topics, record_id=made, undo=back)
