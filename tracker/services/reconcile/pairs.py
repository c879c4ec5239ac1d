"""Reading candidate pairs for review, and every dataset's version of an accepted event.

Rows are frozen snapshots of the few columns shown, read a page at a time (highest score
first), never ORM objects: there may be a pair for most of a million events.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session, aliased

from tracker.domain.enums import Precision
from tracker.domain.event_time import EventTime
from tracker.domain.events import MIDWEEK_DATASETS, BattlefieldEvent
from tracker.domain.matches import EventMatch, MatchStatus
from tracker.domain.wording import say
from tracker.services.reconcile.decisions import secondary_of_match

PAGE = 2000  # pairs the review reads at once


@dataclass(frozen=True, slots=True)
class PairSide:
    """One dataset's version of an event, as the review shows it."""

    event_id: int
    dataset: str
    external_id: str
    when: str
    place: str
    event_type: str
    fatalities: int | None
    fatalities_low: int | None
    fatalities_high: int | None
    summary: str
    record_status: str

    @property
    def figures(self) -> str:
        """'5' for one figure, '4 (low 3, high 9)' beside UCDP's estimates, '?' unknown."""
        best = "?" if self.fatalities is None else f"{self.fatalities:,}"
        if self.fatalities_low is None and self.fatalities_high is None:
            return best
        low = "?" if self.fatalities_low is None else f"{self.fatalities_low:,}"
        high = "?" if self.fatalities_high is None else f"{self.fatalities_high:,}"
        return say("{best} (low {low}, high {high})").format(best=best, low=low, high=high)


@dataclass(frozen=True, slots=True)
class PairRow:
    """A candidate pair with both sides."""

    match_id: int
    score: float
    distance_km: float
    status: MatchStatus
    decided_at: datetime | None
    decided_by: str
    left: PairSide
    right: PairSide


@dataclass(frozen=True, slots=True)
class EventVersion:
    """A dataset's version of an accepted event, and whether its figures stand."""

    side: PairSide
    preferred: bool
    score: float
    distance_km: float


def _side_columns(event: Any) -> list[Any]:
    return [event.id, event.dataset, event.external_id, event.event_date,
            event.date_precision, event.event_date_end, event.location, event.admin1,
            event.event_type, event.fatalities, event.fatalities_low,
            event.fatalities_high, event.summary, event.record_status]


def _side(values: tuple[Any, ...]) -> PairSide:
    (event_id, dataset, external_id, day, precision, last_day, location, admin1,
     event_type, fatalities, low, high, summary, record_status) = values
    return PairSide(event_id, dataset, external_id, describe_time(day, precision, last_day,
                                                                  dataset),
                    ", ".join(part for part in (location, admin1) if part), event_type,
                    fatalities, low, high, summary, record_status)


def describe_time(day: date, precision: Precision, last_day: date | None,
                  dataset: str) -> str:
    return EventTime.of(day, precision, last_day,
                        midweek=dataset in MIDWEEK_DATASETS).describe()


def _pairs(status: MatchStatus | None) -> Select[Any]:
    left, right = aliased(BattlefieldEvent), aliased(BattlefieldEvent)
    query = (select(EventMatch.id, EventMatch.score, EventMatch.distance_km,
                    EventMatch.status, EventMatch.decided_at, EventMatch.decided_by,
                    *_side_columns(left), *_side_columns(right))
             .join(left, left.id == EventMatch.left_id)
             .join(right, right.id == EventMatch.right_id))
    return query if status is None else query.where(EventMatch.status == status)


def list_pairs(session: Session, status: MatchStatus | None = None, *, limit: int = PAGE,
               offset: int = 0) -> list[PairRow]:
    """Pairs with *status* (all if None), highest score first."""
    width = len(_side_columns(BattlefieldEvent))
    rows = session.execute(_pairs(status).order_by(EventMatch.score.desc(), EventMatch.id)
                           .limit(limit).offset(offset))
    return [PairRow(row[0], row[1], row[2], row[3], row[4], row[5],
                    _side(tuple(row[6:6 + width])), _side(tuple(row[6 + width:])))
            for row in rows]


def count_pairs(session: Session, status: MatchStatus | None = None) -> int:
    query = select(func.count()).select_from(EventMatch)
    if status is not None:
        query = query.where(EventMatch.status == status)
    return int(session.scalar(query) or 0)


def datasets(session: Session) -> list[str]:
    """The datasets the database holds events of, by name."""
    return list(session.scalars(select(BattlefieldEvent.dataset).distinct()
                                .order_by(BattlefieldEvent.dataset)))


def event_versions(session: Session, event_id: int) -> list[EventVersion]:
    """Every dataset's version of *event_id* where it is part of accepted pairs: itself
    and its partners, the preferred one first. Empty when it has none."""
    found = session.execute(
        select(EventMatch.left_id, EventMatch.right_id, EventMatch.score,
               EventMatch.distance_km, secondary_of_match())
        .where(EventMatch.status == MatchStatus.ACCEPTED,
               or_(EventMatch.left_id == event_id, EventMatch.right_id == event_id))
        .order_by(EventMatch.score.desc())).all()
    if not found:
        return []
    secondary = {row[4] for row in found}
    closeness = {event_id: (1.0, 0.0)}
    for left_id, right_id, score, km, _ in found:
        partner = right_id if left_id == event_id else left_id
        closeness.setdefault(partner, (score, km))
    sides = {values[0]: _side(tuple(values)) for values in session.execute(
        select(*_side_columns(BattlefieldEvent))
        .where(BattlefieldEvent.id.in_(list(closeness))))}
    versions = [EventVersion(sides[key], key not in secondary, *closeness[key])
                for key in closeness if key in sides]
    return sorted(versions, key=lambda version: (not version.preferred, version.side.dataset))
