"""Counts for the status bar: one aggregate query, whatever the size of the tables.

Events are the ones that count (storage.counted_events): an event withdrawn by its source
or merged into another's pair is kept, but is not one more event. The per-day counts
(storage.day_counts) hold exactly those, kept by triggers, so their sum answers without
reading a million events; where no trigger keeps them, the events are counted.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from tracker.domain.events import BattlefieldEvent, EventDayCount, EventLink
from tracker.domain.factors import Factor
from tracker.domain.negotiation import Round
from tracker.domain.wording import say_count
from tracker.storage.counted_events import is_counted
from tracker.storage.day_counts import counts_are_kept


@dataclass(frozen=True, slots=True)
class Counts:
    rounds: int
    factors: int
    events: int
    links: int

    def describe(self) -> str:
        """'2 rounds · 3 factors · 7 events · 12 links', in the chosen language."""
        def plural(count: int, one: str, other: str) -> str:
            return say_count(count, one, other).replace(str(count), f"{count:,}", 1)

        return " · ".join((plural(self.rounds, "{n} round", "{n} rounds"),
                           plural(self.factors, "{n} factor", "{n} factors"),
                           plural(self.events, "{n} event", "{n} events"),
                           plural(self.links, "{n} link", "{n} links")))


def counts(session: Session) -> Counts:
    row = session.execute(select(
        select(func.count()).select_from(Round).where(Round.deleted_at.is_(None))
        .scalar_subquery(),
        select(func.count()).select_from(Factor).scalar_subquery(),
        _counted_events(session),
        # Links to a deleted round are hidden with it (and come back with it on undo).
        select(func.count()).select_from(EventLink)
        .outerjoin(Round, Round.id == EventLink.round_id)
        .where(Round.deleted_at.is_(None)).scalar_subquery(),
    )).one()
    return Counts(*(int(value) for value in row))  # PostgreSQL's sum is a numeric


def _counted_events(session: Session) -> Any:
    """The number of events that count, as a scalar subquery."""
    if counts_are_kept(session.connection()):
        return select(func.coalesce(func.sum(EventDayCount.events), 0)).scalar_subquery()
    return select(func.count()).select_from(BattlefieldEvent).where(is_counted()) \
        .scalar_subquery()
