"""Which schedule changes stand, and which were withdrawn by an undo.

An undo writes a retraction (``ScheduleChange.retracts_id``) instead of a second move; a
redo retracts the retraction. So the rows form chains: change ← undo ← redo ← undo…, and
a row stands while the row retracting it does not. The chronology, the timeline, the
analysis and every export leave out, by default, every retraction and every change whose
retraction stands: an undone reschedule was never announced. With the corrections shown,
they appear as such (``Corrections``), for users who publish a correction trail.

The schedule history is small (tens of changes a round), so the chains are read whole.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ColumnElement, select, true
from sqlalchemy.orm import Session, aliased

from tracker.domain.negotiation import ScheduleChange


@dataclass(frozen=True, slots=True)
class Retraction:
    """The retraction that stands against a change: who withdrew it, and when."""

    change_id: int
    by: str
    at: datetime


@dataclass(frozen=True, slots=True)
class Corrections:
    """The retraction chains: what stands, and what was withdrawn by whom."""

    # Every retraction row, and every change a standing retraction withdraws.
    hidden: frozenset[int]
    # A withdrawn change (or a retraction that was itself retracted) -> its retraction.
    withdrawn: dict[int, Retraction]
    # A retraction row -> the change it retracts.
    retracts: dict[int, int]

    def stands(self, change_id: int) -> bool:
        """An ordinary change nobody withdrew: what views show by default."""
        return change_id not in self.hidden

    def in_effect_clause(self) -> ColumnElement[bool]:
        """The same as SQL, to filter a query on ScheduleChange."""
        if not self.hidden:
            return true()
        return ScheduleChange.id.not_in(sorted(self.hidden))


def corrections(session: Session, round_ids: Iterable[int] | None = None) -> Corrections:
    """Read the retraction chains (of *round_ids*' changes, or of all)."""
    retraction = aliased(ScheduleChange)
    query = (select(retraction.id, retraction.retracts_id, retraction.recorded_by,
                    retraction.recorded_at)
             .where(retraction.retracts_id.is_not(None)))
    if round_ids is not None:
        query = query.where(retraction.round_id.in_(list(round_ids)))
    retracted_by: dict[int, Retraction] = {}
    retracts: dict[int, int] = {}
    for row_id, target, by, at in session.execute(query):
        assert target is not None
        retracted_by[target] = Retraction(row_id, by, at)
        retracts[row_id] = target
    hidden = set(retracts)
    for target in retracted_by:
        if target not in retracts and _withdrawn(target, retracted_by):
            hidden.add(target)
    withdrawn = {target: found for target, found in retracted_by.items()
                 if _withdrawn(target, retracted_by)}
    return Corrections(frozenset(hidden), withdrawn, retracts)


def _withdrawn(change_id: int, retracted_by: dict[int, Retraction]) -> bool:
    """Whether a standing retraction withdraws *change_id*: the chain of retractions after
    it is odd (undo), not even (undo, redo)."""
    length = 0
    current = change_id
    while current in retracted_by:
        current = retracted_by[current].change_id
        length += 1
    return length % 2 == 1

