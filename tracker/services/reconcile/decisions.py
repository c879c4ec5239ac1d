"""The analyst's decisions on candidate pairs: accept, reject, accept all above a score,
and which dataset's figures stand for an accepted pair. Each is one operation returning
an Outcome whose undo puts the decisions back as they were.

An accepted pair is one event in counts, the timeline and analysis: its *secondary*
event (the one from the dataset the project prefers less) is marked ``merged`` through
battlefield_event.record_status, which every count already leaves out
(storage/counted_events.py); rejecting or undoing makes it ``current`` again. An event
withdrawn by its source stays withdrawn whatever is decided.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from itertools import islice
from typing import Any

from sqlalchemy import (
    ColumnElement,
    and_,
    case,
    delete,
    exists,
    func,
    insert,
    or_,
    select,
    update,
)
from sqlalchemy.orm import Session, aliased

from tracker.domain import identity
from tracker.domain.base import utc_now
from tracker.domain.errors import TrackerError
from tracker.domain.events import BattlefieldEvent
from tracker.domain.matches import DatasetPreference, EventMatch, MatchStatus
from tracker.services.common.outcome import Outcome, Undo, alternate
from tracker.services.common.topics import Topic
from tracker.storage.counted_events import RecordStatus

_CHUNK = 500  # ids per IN (...): far below every database's limit on parameters
_UNRANKED = 1_000_000


class DecisionRefused(TrackerError):
    """A decision that cannot be made (a pair that no longer exists)."""


def accept(session: Session, match_ids: Sequence[int], decided_by: str = "") -> Outcome:
    """Accept the pairs: each becomes one event, told by its preferred dataset. Decisions
    are recorded under *decided_by*, or the name edits are (domain/identity.py)."""
    return decide(session, match_ids, MatchStatus.ACCEPTED, decided_by)


def reject(session: Session, match_ids: Sequence[int], decided_by: str = "") -> Outcome:
    """Reject the pairs: they are two events, and the search never proposes them again."""
    return decide(session, match_ids, MatchStatus.REJECTED, decided_by)


def accept_above(session: Session, min_score: float, decided_by: str = "",
                 datasets: tuple[str, str] | None = None) -> Outcome:
    """Accept every proposed pair scoring *min_score* or more (between *datasets*, if
    given, either way round)."""
    return decide(session, pairs_above(session, min_score, datasets), MatchStatus.ACCEPTED,
                  decided_by)


def pairs_above(session: Session, min_score: float,
                datasets: tuple[str, str] | None = None) -> list[int]:
    """The proposed pairs scoring *min_score* or more (between *datasets*, if given)."""
    query = select(EventMatch.id).where(EventMatch.status == MatchStatus.PROPOSED,
                                        EventMatch.score >= min_score)
    if datasets is not None:
        left, right = aliased(BattlefieldEvent), aliased(BattlefieldEvent)
        one, other = datasets
        query = (query.join(left, left.id == EventMatch.left_id)
                 .join(right, right.id == EventMatch.right_id)
                 .where(or_(and_(left.dataset == one, right.dataset == other),
                            and_(left.dataset == other, right.dataset == one))))
    return list(session.scalars(query.order_by(EventMatch.id)))


def decide(session: Session, match_ids: Sequence[int], status: MatchStatus,
           decided_by: str = "") -> Outcome:
    """Set the pairs' status; the undo sets each back to what it was."""
    ids = list(dict.fromkeys(match_ids))
    before: dict[MatchStatus, list[int]] = defaultdict(list)
    for chunk in _chunks(ids):
        for match_id, old in session.execute(
                select(EventMatch.id, EventMatch.status).where(EventMatch.id.in_(chunk))):
            before[old].append(match_id)
    missing = len(ids) - sum(map(len, before.values()))
    if missing:
        raise DecisionRefused(f"{missing} of the pairs no longer exist (a new search or a "
                              "colleague removed them); nothing was decided.")
    if not ids:
        return Outcome(Topic(0))

    def forth(inner: Session) -> Outcome:
        _write_status(inner, ids, status, decided_by)
        return Outcome(Topic.EVENTS)

    def back(inner: Session) -> Outcome:
        for old, group in before.items():
            _write_status(inner, group, old, decided_by)
        return Outcome(Topic.EVENTS)

    forth(session)
    return Outcome(Topic.EVENTS, record_id=ids[0] if len(ids) == 1 else None,
                   undo=alternate(back, forth))


def _write_status(session: Session, ids: list[int], status: MatchStatus,
                  decided_by: str) -> None:
    now = utc_now() if status is not MatchStatus.PROPOSED else None
    for chunk in _chunks(ids):
        session.execute(update(EventMatch).where(EventMatch.id.in_(chunk)).values(
            status=status, decided_at=now,
            decided_by=(decided_by or identity.user_name()) if now is not None else ""))
    refresh_merged(session, ids)


def _chunks(ids: Sequence[int]) -> Iterable[list[int]]:
    values = iter(ids)
    while chunk := list(islice(values, _CHUNK)):
        yield chunk


def set_preferred(session: Session, datasets: Sequence[str]) -> Outcome:
    """Prefer the figures of *datasets*, first the most, for every accepted pair (the
    project's setting); the undo restores the order before."""
    before = preferred(session)
    wanted = list(datasets)

    def apply(order: list[str]) -> Undo:
        def run(inner: Session) -> Outcome:
            _write_order(inner, order)
            refresh_merged(inner, list(inner.scalars(
                select(EventMatch.id).where(EventMatch.status == MatchStatus.ACCEPTED))))
            return Outcome(Topic.EVENTS)

        return run

    apply(wanted)(session)
    return Outcome(Topic.EVENTS, undo=alternate(apply(before), apply(wanted)))


def preferred(session: Session) -> list[str]:
    """The datasets in the project's order of preference (most preferred first)."""
    return list(session.scalars(
        select(DatasetPreference.dataset).order_by(DatasetPreference.rank)))


def _write_order(session: Session, datasets: Iterable[str]) -> None:
    session.execute(delete(DatasetPreference))
    rows = [{"dataset": name, "rank": rank} for rank, name in enumerate(dict.fromkeys(datasets))]
    if rows:
        session.execute(insert(DatasetPreference), rows)


def _rank_of(event_id: Any) -> ColumnElement[int]:
    """The preference rank of the dataset of the pair's event *event_id* (a column of
    event_match), unranked ones last: one subquery, so it correlates with the pair."""
    event = aliased(BattlefieldEvent)
    rank = (select(DatasetPreference.rank)
            .join(event, event.dataset == DatasetPreference.dataset)
            .where(event.id == event_id).correlate(EventMatch).scalar_subquery())
    return func.coalesce(rank, _UNRANKED)


def _ranks() -> tuple[ColumnElement[int], ColumnElement[int]]:
    """The preference ranks of a pair's left and right events' datasets."""
    return _rank_of(EventMatch.left_id), _rank_of(EventMatch.right_id)


def secondary_of_match() -> ColumnElement[int]:
    """SQL for an accepted pair's secondary event id: the right one unless its dataset
    is preferred to the left one's."""
    left_rank, right_rank = _ranks()
    return case((right_rank < left_rank, EventMatch.left_id), else_=EventMatch.right_id)


def _is_secondary() -> ColumnElement[bool]:
    """Whether the event being updated is the secondary event of an accepted pair: two
    tests, each through an index of event_match (its right_id, its (left_id, right_id))."""
    left_rank, right_rank = _ranks()
    accepted = EventMatch.status == MatchStatus.ACCEPTED
    return or_(
        exists().where(EventMatch.right_id == BattlefieldEvent.id, accepted,
                       right_rank >= left_rank),
        exists().where(EventMatch.left_id == BattlefieldEvent.id, accepted,
                       right_rank < left_rank))


def refresh_merged(session: Session, match_ids: Sequence[int]) -> None:
    """Mark the events of *match_ids* ``merged`` exactly when they are the secondary
    event of some accepted pair, ``current`` otherwise (withdrawn ones stay so)."""
    is_secondary = _is_secondary()
    for chunk in _chunks(match_ids):
        touched = (select(EventMatch.left_id).where(EventMatch.id.in_(chunk))
                   .union(select(EventMatch.right_id).where(EventMatch.id.in_(chunk))))
        status = case((is_secondary, RecordStatus.MERGED.value),
                      else_=RecordStatus.CURRENT.value)
        session.execute(
            update(BattlefieldEvent)
            .where(BattlefieldEvent.id.in_(touched),
                   BattlefieldEvent.record_status.in_(
                       (RecordStatus.CURRENT.value, RecordStatus.MERGED.value)),
                   BattlefieldEvent.record_status != status)
            .values(record_status=status, status_changed_at=utc_now())
            .execution_options(synchronize_session=False))
