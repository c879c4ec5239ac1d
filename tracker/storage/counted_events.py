"""Which battlefield events count: THE predicate, for SQL text and for SQLAlchemy queries.

An event's ``record_status`` says whether its dataset still tells it:

- ``current``: the event as the newest release gives it; it counts.
- ``withdrawn``: a newer release of its dataset, covering its country and days, no longer
  has it (issue 17). Kept, shown struck through, left out of counts and analysis.
- ``merged``: the secondary event of an accepted cross-dataset pair (reconciliation); the
  primary one counts for both.

Every count, sum and analysis of events — the day-count triggers and recount
(storage.day_counts), the analysis, the report and the timeline — takes its test from
here, so "what counts" is said once.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from sqlalchemy import ColumnElement

from tracker.domain.events import BattlefieldEvent


class RecordStatus(StrEnum):
    """The values of battlefield_event.record_status."""

    CURRENT = "current"
    WITHDRAWN = "withdrawn"
    MERGED = "merged"


# For SQL text (triggers, recount); a trigger prefixes it with "new." or "old.".
COUNTED_SQL = f"record_status = '{RecordStatus.CURRENT.value}'"


def is_counted(event: Any = BattlefieldEvent) -> ColumnElement[bool]:
    """True for the events that count (*event*: the model or an alias of it)."""
    return event.record_status == RecordStatus.CURRENT.value


def is_not_counted(event: Any = BattlefieldEvent) -> ColumnElement[bool]:
    """The events kept but not counted: withdrawn by their source, or merged into another."""
    return event.record_status != RecordStatus.CURRENT.value
