"""Counts for the status bar: one aggregate query, whatever the size of the tables."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from tracker.domain.events import BattlefieldEvent, EventLink
from tracker.domain.factors import Factor
from tracker.domain.negotiation import Round
from tracker.domain.wording import say_count


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
        select(func.count()).select_from(BattlefieldEvent).scalar_subquery(),
        # Links to a deleted round are hidden with it (and come back with it on undo).
        select(func.count()).select_from(EventLink)
        .outerjoin(Round, Round.id == EventLink.round_id)
        .where(Round.deleted_at.is_(None)).scalar_subquery(),
    )).one()
    return Counts(*row)
