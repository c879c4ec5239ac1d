"""The status bar's record counts: four COUNT queries, never rows loaded into Python."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from tracker.domain.events import BattlefieldEvent, EventLink
from tracker.domain.factors import Factor
from tracker.domain.negotiation import Round


@dataclass(frozen=True, slots=True)
class Counts:
    rounds: int
    factors: int
    events: int
    links: int

    def describe(self) -> str:
        """'4 rounds · 3 factors · 7 events · 12 links', singular where it is one."""
        parts = (
            (self.rounds, "round"), (self.factors, "factor"), (self.events, "event"),
            (self.links, "link"),
        )
        return " · ".join(f"{count:,} {noun}{'' if count == 1 else 's'}"
                          for count, noun in parts)


def count_records(session: Session) -> Counts:
    """Rounds that are not deleted, factors, events and event links."""
    rounds = session.scalar(
        select(func.count()).select_from(Round).where(Round.deleted_at.is_(None))
    )
    factors = session.scalar(select(func.count()).select_from(Factor))
    events = session.scalar(select(func.count()).select_from(BattlefieldEvent))
    links = session.scalar(select(func.count()).select_from(EventLink))
    return Counts(rounds or 0, factors or 0, events or 0, links or 0)
