"""The report's key developments: what a reader must know of the range before its days.

Every round and schedule change of the range is one, and a factor reading is one when it
turns: its level or trend differs from the factor's previous reading (or it is the
factor's first). A reading that repeats the last one is news only in the chronology.
The entries come from the chronology (``iter_other_entries``) as the report reads them
already; only the readings before each turn are read again here, a few rows a factor.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from tracker.domain.chronology import ChronologyEntry, EntryKind
from tracker.domain.enums import FactorLevel, FactorTrend
from tracker.domain.factors import Factor, FactorReading
from tracker.io.report_sections import KeyDevelopment

_WHAT = {EntryKind.ROUND: "Round", EntryKind.SCHEDULE_CHANGE: "Schedule change",
         EntryKind.FACTOR_READING: "Factor turn"}


@dataclass(frozen=True, slots=True)
class FactorTurn:
    """A reading that differs from the factor's one before it (None: the first)."""

    factor: str
    level: FactorLevel
    trend: FactorTrend
    before: tuple[FactorLevel, FactorTrend] | None

    def describe(self) -> str:
        now = f"{self.level.value}, {self.trend.value}"
        if self.before is None:
            return f"{self.factor}: {now} (first reading)"
        level, trend = self.before
        return f"{self.factor}: {now} (was {level.value}, {trend.value})"


def factor_turns(session: Session, reading_ids: Iterable[int]) -> dict[int, FactorTurn]:
    """The readings among *reading_ids* that turn, by id. A factor's readings are read
    up to its last one asked about, in (observed_at, id) order: tens, not thousands."""
    asked = set(reading_ids)
    if not asked:
        return {}
    reading = FactorReading
    factors = select(reading.factor_id).where(reading.id.in_(asked)).distinct()
    rows = session.execute(
        select(reading.id, reading.factor_id, reading.level, reading.trend, Factor.name)
        .join(Factor, Factor.id == reading.factor_id)
        .where(reading.factor_id.in_(factors))
        .order_by(reading.factor_id, reading.observed_at, reading.id))
    turns: dict[int, FactorTurn] = {}
    previous: dict[int, tuple[FactorLevel, FactorTrend]] = {}
    for reading_id, factor_id, level, trend, name in rows:
        before = previous.get(factor_id)
        if reading_id in asked and before != (level, trend):
            turns[reading_id] = FactorTurn(name, level, trend, before)
        previous[factor_id] = (level, trend)
    return turns


def key_developments(session: Session,
                     others: list[ChronologyEntry]) -> tuple[KeyDevelopment, ...]:
    """The key developments among the range's rounds, changes and readings (*others*,
    in time order as the chronology gives them)."""
    turns = factor_turns(session, (entry.record_id for entry in others
                                   if entry.kind is EntryKind.FACTOR_READING))
    found = []
    for entry in others:
        if entry.kind is EntryKind.FACTOR_READING:
            turn = turns.get(entry.record_id)
            if turn is None:
                continue
            text = turn.describe() + (f". {entry.detail}" if entry.detail else "")
        elif entry.kind in (EntryKind.ROUND, EntryKind.SCHEDULE_CHANGE):
            text = _told(entry)
        else:
            continue
        found.append(KeyDevelopment(entry.day, entry.when_text, _WHAT[entry.kind], text,
                                    entry.sources))
    return tuple(found)


def _told(entry: ChronologyEntry) -> str:
    """A round or a change in one line: its title, what it says first, and where."""
    first = entry.detail.split(". ")[0].rstrip(".") if entry.detail else ""
    # A change's title ends in its kind ("…: rescheduled") and its detail starts with a
    # status ("held: 4 Feb"): a dash keeps the two colons from running together.
    text = entry.title + (f" — {first}" if first else "")
    return text + (f" ({entry.place})" if entry.place else "")
