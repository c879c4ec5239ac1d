"""Which figure counts as an event's killed and injured: the database's figure rule.

Where claims differ, the analyst picks once per database (everyone sharing it counts
alike) which one the counts, the analysis and the exports use:

- ``dataset figure`` (the default, and the behaviour before claims): the event's own
  column, which an import fills with its dataset's best figure;
- ``lowest corroborated``: the lowest corroborated claim, else the dataset figure;
- ``highest claim``: the highest of the dataset figure and every claim not disputed.

A claim counts with its best figure; one that gives only a range counts with the end the
rule looks for (its low for the lowest, its high for the highest).

Day totals are the per-day counts (storage.day_counts) plus an adjustment computed in SQL
over the events that have claims of the measure, through the claims' event index: never
a scan of the events.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from enum import StrEnum
from typing import Any

from sqlalchemy import ColumnElement, case, func, select
from sqlalchemy.orm import Session

from tracker.domain.claims import CasualtyClaim, ClaimStatus, DatabaseSetting, Measure
from tracker.domain.events import BattlefieldEvent, EventDayCount
from tracker.services.claims.claim_operations import CLAIM_TOPICS
from tracker.services.common.errors import ValidationError
from tracker.services.common.outcome import Outcome, alternate
from tracker.storage.counted_events import is_counted

SETTING_KEY = "figure_rule"
# The measures the rule decides, with the event column holding the dataset's figure.
RULED_MEASURES = {Measure.KILLED.value: "fatalities", Measure.INJURED.value: "injuries"}


class FigureRule(StrEnum):
    DATASET = "dataset figure"
    LOWEST_CORROBORATED = "lowest corroborated"
    HIGHEST_CLAIM = "highest claim"

    @property
    def sentence(self) -> str:
        """How an export or report states the rule it counted by."""
        return RULE_SENTENCES[self]


RULE_SENTENCES = {
    FigureRule.DATASET: "Killed and injured are each event's dataset figure.",
    FigureRule.LOWEST_CORROBORATED:
        "Killed and injured are each event's lowest corroborated claim, or its dataset "
        "figure where no claim is corroborated.",
    FigureRule.HIGHEST_CLAIM:
        "Killed and injured are each event's highest figure among its dataset's and the "
        "claims not disputed.",
}


def figure_rule(session: Session) -> FigureRule:
    """The database's rule (the dataset figure where none was chosen)."""
    value = session.get(DatabaseSetting, SETTING_KEY)
    try:
        return FigureRule(value.value) if value is not None else FigureRule.DATASET
    except ValueError:  # written by a newer program: count as before claims
        return FigureRule.DATASET


def set_figure_rule(session: Session, rule: str) -> Outcome:
    """Choose the database's figure rule; undo puts the one before back."""
    try:
        chosen = FigureRule(rule)
    except ValueError:
        raise ValidationError("rule", f"Unknown figure rule {rule!r}: " + ", ".join(
            member.value for member in FigureRule)) from None
    before = figure_rule(session)

    def put(session: Session, value: FigureRule) -> Outcome:
        setting = session.get(DatabaseSetting, SETTING_KEY)
        if setting is None:
            session.add(DatabaseSetting(key=SETTING_KEY, value=value.value))
        else:
            setting.value = value.value
        session.flush()
        return Outcome(CLAIM_TOPICS)

    put(session, chosen)
    return Outcome(CLAIM_TOPICS, undo=alternate(lambda s: put(s, before),
                                                lambda s: put(s, chosen)))


def _claim_figure(rule: FigureRule) -> ColumnElement[int]:
    claim = CasualtyClaim
    if rule is FigureRule.LOWEST_CORROBORATED:
        return func.coalesce(claim.value_best, claim.value_low, claim.value_high)
    return func.coalesce(claim.value_best, claim.value_high, claim.value_low)


def _ruled(measure: str, rule: FigureRule) -> tuple[Any, Any, Any]:
    """The claims' figure per event under *rule* (a subquery of the events with claims of
    *measure*), the dataset's figure and the rule's figure, as SQL expressions."""
    column = getattr(BattlefieldEvent, RULED_MEASURES[measure])
    wanted = [CasualtyClaim.measure == measure, CasualtyClaim.event_id.is_not(None)]
    if rule is FigureRule.LOWEST_CORROBORATED:
        claims = select(CasualtyClaim.event_id.label("event_id"),
                        func.min(_claim_figure(rule)).label("figure")) \
            .where(CasualtyClaim.status == ClaimStatus.CORROBORATED.value, *wanted)
    else:
        claims = select(CasualtyClaim.event_id.label("event_id"),
                        func.max(_claim_figure(rule)).label("figure")) \
            .where(CasualtyClaim.status != ClaimStatus.DISPUTED.value, *wanted)
    by_event = claims.group_by(CasualtyClaim.event_id).subquery()
    dataset = func.coalesce(column, 0)
    figure = by_event.c.figure if rule is FigureRule.LOWEST_CORROBORATED else case(
        (by_event.c.figure > dataset, by_event.c.figure), else_=dataset)
    return by_event, dataset, figure


def ruled_figures(session: Session, measure: str, rule: FigureRule,
                  date_from: date | None = None,
                  date_to: date | None = None) -> dict[int, tuple[date, int, int]]:
    """The counted events with claims of *measure* whose figure the rule may change:
    event id → (day, dataset figure, figure by the rule)."""
    if rule is FigureRule.DATASET:
        return {}
    by_event, dataset, figure = _ruled(measure, rule)
    query = (select(BattlefieldEvent.id, BattlefieldEvent.event_date, dataset, figure)
             .join(by_event, by_event.c.event_id == BattlefieldEvent.id)
             .where(is_counted()))
    if date_from is not None:
        query = query.where(BattlefieldEvent.event_date >= date_from)
    if date_to is not None:
        query = query.where(BattlefieldEvent.event_date <= date_to)
    return {event_id: (day, given, ruled)
            for event_id, day, given, ruled in session.execute(query)}


def figure_adjustments(session: Session, group: Sequence[Any],
                       conditions: Sequence[ColumnElement[bool]],
                       ) -> dict[tuple[Any, ...], tuple[int, int]]:
    """What the database's rule adds to killed and injured, per value of the event
    columns *group*, over the counted events matching *conditions* that have claims:
    added to sums taken from the day counts (services.exports.report_totals)."""
    rule = figure_rule(session)
    found: dict[tuple[Any, ...], tuple[int, int]] = {}
    if rule is FigureRule.DATASET:
        return found
    for position, measure in enumerate(RULED_MEASURES):
        by_event, dataset, figure = _ruled(measure, rule)
        query = (select(*group, func.sum(figure - dataset))
                 .select_from(BattlefieldEvent)
                 .join(by_event, by_event.c.event_id == BattlefieldEvent.id)
                 .where(is_counted(), *conditions).group_by(*group))
        for row in session.execute(query):
            key, delta = tuple(row[:len(group)]), int(row[-1] or 0)
            killed, injured = found.get(key, (0, 0))
            found[key] = (killed + delta, injured) if position == 0 \
                else (killed, injured + delta)
    return found


def day_totals(session: Session, measure: str, rule: FigureRule | None = None,
               date_from: date | None = None, date_to: date | None = None) -> dict[date, int]:
    """Killed or injured per day by the rule (the database's, unless given): the day
    counts, adjusted where an event's claims give another figure."""
    if measure not in RULED_MEASURES:
        raise ValidationError("measure", f"Only {', '.join(RULED_MEASURES)} are counted")
    rule = figure_rule(session) if rule is None else rule
    column = getattr(EventDayCount, RULED_MEASURES[measure])
    query = select(EventDayCount.day, func.sum(column)).group_by(EventDayCount.day)
    if date_from is not None:
        query = query.where(EventDayCount.day >= date_from)
    if date_to is not None:
        query = query.where(EventDayCount.day <= date_to)
    totals = {day: int(total) for day, total in session.execute(query)}
    for day, given, ruled in ruled_figures(session, measure, rule, date_from,
                                           date_to).values():
        totals[day] = totals.get(day, 0) + ruled - given
    return totals


def event_figure(session: Session, event_id: int, measure: str,
                 rule: FigureRule | None = None) -> int | None:
    """One event's figure by the rule (its dataset figure where the rule changes none)."""
    rule = figure_rule(session) if rule is None else rule
    event = session.get(BattlefieldEvent, event_id)
    if event is None:
        return None
    given: int | None = getattr(event, RULED_MEASURES[measure])
    ruled = ruled_figures(session, measure, rule)
    return ruled[event_id][2] if event_id in ruled else given
