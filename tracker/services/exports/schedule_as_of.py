"""The schedule calendar as an export would have written it at the end of a past day.

``schedule_calendar(session, as_of=…)`` lists the rounds as known then
(``list_rounds(session, as_of)``) and writes each from its detail, which this module
gives as of the day: the window, venue and status known then, and only the linked events
reported by then. A round deleted since was still in the schedule then, so it is written
as it was; ``round_detail`` reads only the rounds in the schedule now, so its detail is
read here. The rounds gone by then are those announced by then that were no longer known.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from tracker.domain.factors import Dependency
from tracker.domain.negotiation import Round
from tracker.services.common.views import DependencyRow, ParticipantRow, RoundDetail, RoundRow
from tracker.services.rounds import linked_events, round_detail
from tracker.services.rounds.as_of import AsOf


def listed_detail(session: Session, row: RoundRow, as_of: AsOf | None) -> RoundDetail:
    """What a round's calendar entry is written from: its detail now, or as of a day."""
    if as_of is None:
        return round_detail(session, row.id)
    round_ = session.get(Round, row.id)
    assert round_ is not None  # listed as known then: rounds are never removed
    detail = round_detail(session, row.id) if round_.deleted_at is None \
        else _detail_of_deleted(session, round_, row)
    return replace(detail, row=row, linked_events=tuple(
        event for event in detail.linked_events if event.event_date <= as_of.day))


def deleted_rounds(as_of: AsOf | None, announced: Iterable[int],
                   listed: Iterable[RoundRow]) -> Select[Round]:
    """The rounds a calendar is told were removed: the deleted ones; as of a day, those
    *announced* by then that were no longer in the schedule *listed* then."""
    if as_of is None:
        return select(Round).where(Round.deleted_at.is_not(None)).order_by(Round.id)
    gone = set(announced) - {row.id for row in listed}
    return select(Round).where(Round.id.in_(sorted(gone))).order_by(Round.id)


def _detail_of_deleted(session: Session, round_: Round, row: RoundRow) -> RoundDetail:
    participants = tuple(
        ParticipantRow(p.id, p.party_id, p.party.name, p.person.name if p.person else "",
                       p.role, p.note, p.version)
        for p in round_.participants)
    dependencies = tuple(
        DependencyRow(dependency.id, round_.id, round_.title, dependency.factor_id,
                      dependency.factor.name, dependency.effect, dependency.note)
        for dependency in session.scalars(select(Dependency).where(
            Dependency.round_id == round_.id).order_by(Dependency.id)))
    return RoundDetail(row=row, agenda=round_.agenda, outcome=round_.outcome,
                       participants=participants, dependencies=dependencies, history=(),
                       linked_events=tuple(linked_events(session, round_id=round_.id)),
                       sources=())
