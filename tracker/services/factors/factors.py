"""Outside factors: their readings over time, the rounds that depend on them, their events.

Reading them, and the cleaned columns and refusals that a new factor, reading or
dependency (operations.py: ``new_factor``, ``new_reading``, ``new_dependency``, the only
writes) shares with an edit of one (records/record_edits.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from tracker.domain.date_range import RANGE_TEXT, instant_in_range
from tracker.domain.enums import DependencyEffect, FactorLevel, FactorTrend
from tracker.domain.events import EventLink
from tracker.domain.factors import Dependency, Factor, FactorReading
from tracker.domain.negotiation import Round
from tracker.domain.nul_text import without_nul
from tracker.services.common.errors import NotFoundError, ValidationError
from tracker.services.common.views import FactorDetail, FactorRow, ReadingRow
from tracker.services.records.citations import sources_for
from tracker.services.rounds import dependencies_of, linked_events


@dataclass(frozen=True, slots=True)
class ReadingDraft:
    observed_at: datetime
    level: FactorLevel
    trend: FactorTrend
    note: str = ""


@dataclass(frozen=True, slots=True)
class DependencySpec:
    round_id: int
    factor_id: int
    effect: DependencyEffect
    note: str = ""


def _reading(reading: FactorReading) -> ReadingRow:
    return ReadingRow(reading.id, reading.observed_at, reading.level, reading.trend,
                      reading.note)


def list_factors(session: Session) -> list[FactorRow]:
    """Every factor with its latest reading and counts, in three grouped queries."""
    latest_time = (
        select(FactorReading.factor_id, func.max(FactorReading.observed_at).label("at"))
        .group_by(FactorReading.factor_id).subquery()
    )
    latest: dict[int, ReadingRow] = {}
    for reading in session.execute(
        select(FactorReading).join(
            latest_time,
            (latest_time.c.factor_id == FactorReading.factor_id)
            & (latest_time.c.at == FactorReading.observed_at),
        ).order_by(FactorReading.id)
    ).scalars():
        latest[reading.factor_id] = _reading(reading)
    dependents = dict(session.execute(
        select(Dependency.factor_id, func.count(func.distinct(Dependency.round_id)))
        .join(Round, Round.id == Dependency.round_id).where(Round.deleted_at.is_(None))
        .group_by(Dependency.factor_id)
    ).all())
    links = dict(session.execute(
        select(EventLink.factor_id, func.count()).where(EventLink.factor_id.is_not(None))
        .group_by(EventLink.factor_id)
    ).all())
    return [
        FactorRow(f.id, f.name, f.description, latest.get(f.id), dependents.get(f.id, 0),
                  links.get(f.id, 0))
        for f in session.execute(select(Factor).order_by(Factor.name)).scalars()
    ]


def factor_row(session: Session, factor_id: int) -> FactorRow:
    for row in list_factors(session):
        if row.id == factor_id:
            return row
    raise NotFoundError(f"Factor {factor_id} does not exist")


def factor_detail(session: Session, factor_id: int) -> FactorDetail:
    row = factor_row(session, factor_id)
    readings = session.execute(
        select(FactorReading).where(FactorReading.factor_id == factor_id)
        .order_by(FactorReading.observed_at, FactorReading.id)
    ).scalars()
    return FactorDetail(
        row=row, readings=tuple(map(_reading, readings)),
        dependents=tuple(dependencies_of(session, factor_id=factor_id)),
        linked_events=tuple(linked_events(session, factor_id=factor_id)),
        sources=sources_for(session, "factor_id", factor_id),
    )


def clean_factor(name: str, description: str) -> dict[str, object]:
    """A factor's columns as stored (a new factor, or an edit of one). Whether the name is
    taken is the database's to say (``add_named``; an edit's savepoint, as a field error
    from ``name_taken``)."""
    cleaned = " ".join(without_nul(name).split())
    if not cleaned:
        raise ValidationError("name", "A factor needs a name")
    return {"name": cleaned, "description": without_nul(description).strip()}


def clean_reading(draft: ReadingDraft) -> dict[str, object]:
    """A reading's columns as stored (a new reading, or an edit of one)."""
    if draft.observed_at.tzinfo is None:
        raise ValidationError("observed_at", "A reading needs a time zone")
    if not instant_in_range(draft.observed_at):  # issue 14: no view can show it
        raise ValidationError("observed_at", f"{draft.observed_at.date().isoformat()} is "
                                             "outside the dates the tracker takes "
                                             f"({RANGE_TEXT})")
    return {"observed_at": draft.observed_at, "level": FactorLevel(draft.level),
            "trend": FactorTrend(draft.trend), "note": without_nul(draft.note).strip()}


def clean_dependency(effect: DependencyEffect, note: str) -> dict[str, object]:
    """A dependency's columns as stored (a new one, or an edit of one)."""
    return {"effect": DependencyEffect(effect), "note": without_nul(note).strip()}


def dependency_taken() -> ValidationError:
    """The round already depends on the factor with that effect (the unique constraint)."""
    return ValidationError("effect", "The round already depends on it that way")
