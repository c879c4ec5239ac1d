"""Creating a factor, adding a reading of one, making a round depend on one: the
operations, with their undo.

They are the only way these records are made (the window, tests and scripts alike).
Each checks the rules, writes in the caller's transaction and returns an Outcome
(services/common/outcome.py) whose ``undo`` takes the step back and whose undo's undo
does it again. A factor comes back under its old id, since later steps on the undo stack
(a reading, a dependency) name it by id; a reading or a dependency comes back under a
new one, since nothing else names it. Removing one exists only as such an undo. The
cleaned columns and refusals shared with an edit of one are in factors.py.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from tracker.domain.events import EventLink
from tracker.domain.factors import Dependency, Factor, FactorReading
from tracker.domain.negotiation import ScheduleChange
from tracker.domain.sources import Citation
from tracker.services.common.errors import NotFoundError, ValidationError
from tracker.services.common.outcome import Outcome, alternate
from tracker.services.common.topics import Topic, topic_of
from tracker.services.factors.factors import (
    DependencySpec,
    ReadingDraft,
    clean_dependency,
    clean_factor,
    clean_reading,
    dependency_taken,
)
from tracker.services.records.reference import add_named
from tracker.services.rounds import get_round

READING_TOPICS = topic_of(["factor_reading"])
# Rounds show their dependencies too: the table's topic reaches both views.
DEPENDENCY_TOPICS = topic_of(["dependency"])


def new_factor(session: Session, name: str, description: str = "") -> Outcome:
    """Add a factor (Outcome.record_id: its id); undo removes it while nothing refers to
    it, and redo brings the same id back."""
    factor_id = _create_factor(session, name, description)

    def remove(session: Session) -> Outcome:
        _delete_factor(session, factor_id)
        return Outcome(Topic.FACTORS, record_id=factor_id)

    def again(session: Session) -> Outcome:
        _create_factor(session, name, description, factor_id=factor_id)
        return Outcome(Topic.FACTORS, record_id=factor_id)

    return Outcome(Topic.FACTORS, record_id=factor_id, undo=alternate(remove, again))


def new_reading(session: Session, factor_id: int, draft: ReadingDraft) -> Outcome:
    """Add a reading of a factor (Outcome.record_id: its id); undo removes it."""
    return _added(session, READING_TOPICS,
                  lambda session: _add_reading(session, factor_id, draft),
                  _removal(FactorReading, "Reading"))


def new_dependency(session: Session, spec: DependencySpec) -> Outcome:
    """Make a round depend on a factor (Outcome.record_id: the dependency's id); undo
    removes the dependency."""
    return _added(session, DEPENDENCY_TOPICS,
                  lambda session: _add_dependency(session, spec),
                  _removal(Dependency, "Dependency"))


def _added(session: Session, topics: Topic, add: Callable[[Session], int],
           remove: Callable[[Session, int], None]) -> Outcome:
    """Run *add* (returning the new record's id); the undo removes that record, and its
    undo adds it again, under a new id."""
    made = add(session)

    def back(session: Session) -> Outcome:
        remove(session, made)
        return Outcome(topics, record_id=made,
                       undo=lambda session: _added(session, topics, add, remove))

    return Outcome(topics, record_id=made, undo=back)


def _create_factor(session: Session, name: str, description: str, *,
                   factor_id: int | None = None) -> int:
    """Add a factor; *factor_id* re-creates an undone one under its old id."""
    factor = Factor(id=factor_id, **clean_factor(name, description))
    return add_named(session, factor, "name", "factor")


def _delete_factor(session: Session, factor_id: int) -> None:
    """Remove a factor nothing refers to yet (undoing its creation).

    A factor with readings, dependencies, links, sources or a place in some round's
    history is refused: deleting it would take that work with it.
    """
    factor = session.get(Factor, factor_id)
    if factor is None:
        raise NotFoundError(f"Factor {factor_id} does not exist")
    referrers = (
        (FactorReading.factor_id, "readings"), (Dependency.factor_id, "dependent rounds"),
        (EventLink.factor_id, "linked events"), (ScheduleChange.factor_id, "schedule changes"),
        (Citation.factor_id, "sources"),
    )
    for column, what in referrers:
        if session.scalar(select(func.count()).where(column == factor_id)):
            raise ValidationError("name", f"“{factor.name}” now has {what}; it is kept")
    session.delete(factor)
    session.flush()


def _add_reading(session: Session, factor_id: int, draft: ReadingDraft) -> int:
    if session.get(Factor, factor_id) is None:
        raise NotFoundError(f"Factor {factor_id} does not exist")
    reading = FactorReading(factor_id=factor_id, **clean_reading(draft))
    session.add(reading)
    session.flush()
    return reading.id


def _add_dependency(session: Session, spec: DependencySpec) -> int:
    get_round(session, spec.round_id)
    if session.get(Factor, spec.factor_id) is None:
        raise NotFoundError(f"Factor {spec.factor_id} does not exist")
    dependency = Dependency(round_id=spec.round_id, factor_id=spec.factor_id,
                            **clean_dependency(spec.effect, spec.note))
    try:
        with session.begin_nested():
            session.add(dependency)
    except IntegrityError as exc:
        raise dependency_taken() from exc
    return dependency.id


def _removal(model: type[FactorReading | Dependency], noun: str) -> Callable[[Session, int], None]:
    """How a reading or a dependency is removed (undoing its creation): NotFoundError,
    naming it as *noun*, if someone removed it already."""
    def remove(session: Session, record_id: int) -> None:
        record = session.get(model, record_id)
        if record is None:
            raise NotFoundError(f"{noun} {record_id} does not exist")
        session.delete(record)
        session.flush()
    return remove
