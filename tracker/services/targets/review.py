"""The analyst's review of target categories: accept a suggestion, or choose another.

Both intents mark the events 'analyst' (storage.rule_pass then never touches
them again: not a re-import, not a rule change), for one event or a selection, and undo
puts back each event's category and who had decided it. ``explain`` says why an event
has its category: the rule, its confidence and the words the rule found.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, cast

from sqlalchemy import Table, bindparam, select, update
from sqlalchemy.orm import Session

from tracker.domain.base import utc_now
from tracker.domain.errors import TrackerError
from tracker.domain.events import BattlefieldEvent
from tracker.domain.wording import say
from tracker.services.common.outcome import Outcome
from tracker.services.common.topics import Topic
from tracker.services.targets.rulebook import ensure_category
from tracker.storage.rule_pass import ANALYST
from tracker.storage.rules_in_force import rule_set

# One event's decision: category, source, rule, confidence, decided at.
_Decision = tuple[str, str | None, str | None, float | None, datetime | None]


@dataclass(frozen=True, slots=True)
class TargetReason:
    """Why an event has its category, for the detail pane and the table's tooltip."""

    category: str
    source: str | None
    rule_id: str | None
    confidence: float | None
    matched: tuple[str, ...]
    decided_at: datetime | None


def accept_suggestions(session: Session, event_ids: Sequence[int]) -> Outcome:
    """Keep the suggested categories of *event_ids* as the analyst's own."""
    before = _decisions(session, event_ids)
    now = utc_now()
    after: dict[int, _Decision] = {event_id: (old[0], ANALYST, old[2], old[3], now)
             for event_id, old in before.items()}
    return _apply(session, before, after)


def choose_category(session: Session, event_ids: Sequence[int], category: str) -> Outcome:
    """Give *event_ids* the analyst's *category* (a new name joins the database's own)."""
    category = category.strip()
    if not category:
        raise TrackerError(say("Choose a target category."))
    ensure_category(session, category)
    before = _decisions(session, event_ids)
    now = utc_now()
    after: dict[int, _Decision] = {
        event_id: (category, ANALYST, None, None, now) for event_id in before}
    return _apply(session, before, after)


def explain(session: Session, event_id: int) -> TargetReason | None:
    """Why *event_id* has its category (the words are found again with today's rules)."""
    event = BattlefieldEvent
    row = session.execute(select(
        event.target_category, event.target_source, event.target_rule,
        event.target_confidence, event.target_decided_at, event.summary,
        event.sub_event_type, event.actor1, event.actor2).where(event.id == event_id)).first()
    if row is None:
        return None
    matched: tuple[str, ...] = ()
    if row.target_rule:
        found = rule_set(session).suggest(row.summary, row.sub_event_type, row.actor1,
                                          row.actor2)
        matched = found.matched if found.rule_id == row.target_rule else ()
    return TargetReason(row.target_category, row.target_source, row.target_rule,
                        row.target_confidence, matched, row.target_decided_at)


def _decisions(session: Session, event_ids: Sequence[int]) -> dict[int, _Decision]:
    event = BattlefieldEvent
    rows = session.execute(select(
        event.id, event.target_category, event.target_source, event.target_rule,
        event.target_confidence, event.target_decided_at).where(
        event.id.in_(list(event_ids)))).all()
    if not rows:
        raise TrackerError(say("None of these events is in the database any more."))
    return {row[0]: (row[1], row[2], row[3], row[4], row[5]) for row in rows}


def _apply(session: Session, before: dict[int, _Decision],
           after: dict[int, _Decision]) -> Outcome:
    _write(session, after)

    def undo(inner: Session) -> Outcome:
        _write(inner, before)
        return Outcome(Topic.EVENTS, undo=lambda again: _apply(again, before, after))

    return Outcome(Topic.EVENTS, record_id=next(iter(after)) if len(after) == 1 else None,
                   undo=undo)


def _write(session: Session, decisions: dict[int, _Decision]) -> None:
    table = cast(Table, BattlefieldEvent.__table__)
    statement: Any = update(table).where(table.c.id == bindparam("event_id")).values(
        target_category=bindparam("category"), target_source=bindparam("source"),
        target_rule=bindparam("rule"), target_confidence=bindparam("confidence"),
        target_decided_at=bindparam("decided_at"))
    session.connection().execute(statement, [
        {"event_id": event_id, "category": decision[0], "source": decision[1],
         "rule": decision[2], "confidence": decision[3], "decided_at": decision[4]}
        for event_id, decision in decisions.items()])
