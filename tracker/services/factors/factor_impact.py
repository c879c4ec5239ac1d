"""What one outside factor bears on: its readings over time, the rounds that depend on it
(with their windows), the schedule changes that cite it, and its linked events per day.

Issue 4, "Factor impact". The events are counted per reported date in SQL: a factor may be
linked to many thousands of events, and only the days come back, never the events.
"""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from tracker.domain.chronology import announced_when
from tracker.domain.enums import DependencyEffect, Precision
from tracker.domain.events import MIDWEEK_DATASETS, BattlefieldEvent, EventLink
from tracker.domain.factors import Dependency, Factor, FactorReading
from tracker.domain.negotiation import Round, ScheduleChange
from tracker.domain.sources import Source
from tracker.services.common.errors import NotFoundError
from tracker.services.common.views import (
    CitingChange,
    EventDay,
    FactorImpact,
    ImpactRound,
    ReadingRow,
)
from tracker.services.records.citations import source_label
from tracker.services.rounds import describe_change
from tracker.services.rounds.retractions import corrections
from tracker.storage.counted_events import is_counted


def factor_impact(session: Session, factor_id: int) -> FactorImpact:
    """Everything the impact chart and the citing-changes table show for *factor_id*.

    Deleted rounds are left out, with their changes: they are hidden everywhere else too,
    and could not be opened from here. Raises NotFoundError for an unknown factor.
    """
    factor = session.get(Factor, factor_id)
    if factor is None:
        raise NotFoundError(f"Factor {factor_id} does not exist")
    changes = citing_changes(session, factor_id)
    return FactorImpact(
        factor_id=factor.id, name=factor.name,
        readings=readings_of(session, factor_id),
        rounds=impact_rounds(session, factor_id, {change.round_id for change in changes}),
        changes=changes,
        event_days=event_days(session, factor_id),
    )


def readings_of(session: Session, factor_id: int) -> tuple[ReadingRow, ...]:
    """The factor's readings, oldest first (the order a step line is drawn in)."""
    readings = session.execute(
        select(FactorReading).where(FactorReading.factor_id == factor_id)
        .order_by(FactorReading.observed_at, FactorReading.id)
    ).scalars()
    return tuple(ReadingRow(r.id, r.observed_at, r.level, r.trend, r.note) for r in readings)


def impact_rounds(session: Session, factor_id: int,
                  cited_by_changes: set[int]) -> tuple[ImpactRound, ...]:
    """Rounds depending on the factor (each once, with all its effects in the order the
    dependencies were added) and rounds in *cited_by_changes* (no effects), by window start,
    unknown dates last."""
    effects: dict[int, list[DependencyEffect]] = {}
    for round_id, effect in session.execute(
        select(Dependency.round_id, Dependency.effect)
        .where(Dependency.factor_id == factor_id).order_by(Dependency.id)
    ):
        effects.setdefault(round_id, []).append(effect)
    wanted = set(effects) | cited_by_changes
    if not wanted:
        return ()
    rounds = session.execute(
        select(Round).where(Round.id.in_(wanted), Round.deleted_at.is_(None))
    ).scalars()
    found = [
        ImpactRound(r.id, r.title, r.status, r.window, tuple(effects.get(r.id, ())))
        for r in rounds
    ]
    return tuple(sorted(found, key=lambda row: (row.window.sort_key(), row.round_id)))


def citing_changes(session: Session, factor_id: int) -> tuple[CitingChange, ...]:
    """Schedule changes recorded with the factor as their cause, first announced first,
    each told in the words of the round's history (``describe_change``). An undone change
    was never announced: left out (services/rounds/retractions.py)."""
    rows = session.execute(
        select(ScheduleChange, Round.title, Source)
        .join(Round, Round.id == ScheduleChange.round_id)
        .outerjoin(Source, Source.id == ScheduleChange.source_id)
        .where(ScheduleChange.factor_id == factor_id, Round.deleted_at.is_(None),
               corrections(session).in_effect_clause())
        .options(selectinload(ScheduleChange.old_venue), selectinload(ScheduleChange.new_venue))
        .order_by(ScheduleChange.announced_at, ScheduleChange.recorded_at, ScheduleChange.id)
    ).all()
    return tuple(
        CitingChange(
            id=change.id, round_id=change.round_id, round_title=title, kind=change.kind,
            recorded_at=change.recorded_at, recorded_by=change.recorded_by,
            announced=change.announcement(source.published_on if source else None),
            announced_when=announced_when(change.announced),
            summary=describe_change(change), reason=change.reason,
            source=source_label(source) if source else "",
        )
        for change, title, source in rows
    )


def event_days(session: Session, factor_id: int) -> tuple[EventDay, ...]:
    """The factor's linked events per reported date and precision, oldest first, then
    in the order of Precision (exact, day, week, month, unknown), counted in SQL.

    An event linked to the factor twice (two link kinds) counts once: the events are
    picked by ``id IN (linked ids)``, which the event_link factor index serves, and
    grouped, so the rows returned are days, not events.
    """
    event = BattlefieldEvent
    linked = select(EventLink.event_id).where(EventLink.factor_id == factor_id)
    midweek = event.dataset.in_(MIDWEEK_DATASETS)
    rows = session.execute(
        select(
            event.event_date, event.date_precision, func.count(),
            func.coalesce(func.sum(event.fatalities), 0),
            func.count() - func.count(event.fatalities), midweek,
        )
        .where(event.id.in_(linked), is_counted())
        .group_by(event.event_date, event.date_precision, midweek)
        .order_by(event.event_date)
    )
    order = list(Precision)
    found = [
        EventDay(day, precision, int(count), int(dead or 0), int(unknown), bool(middle))
        for day, precision, count, dead, unknown, middle in rows
    ]
    return tuple(sorted(found, key=lambda d: (d.day, order.index(d.precision))))
