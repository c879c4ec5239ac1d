"""One line of the chronology: what every exporter writes and the Chronology view shows."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from tracker.domain.enums import Precision


class EntryKind(StrEnum):
    ROUND = "round"
    SCHEDULE_CHANGE = "schedule change"
    FACTOR_READING = "factor reading"
    EVENT = "event"


@dataclass(frozen=True, slots=True)
class ChronologyEntry:
    """A fact placed in time.

    ``when`` is the UTC instant the entry sorts by (for a dated event, 00:00 UTC of its
    day; None for a round whose date is unknown, which sorts last). ``day`` is the calendar
    day where it happened (the venue's zone for a round). ``when_text`` says it the way it
    was known, so a week-precision window never reads as an exact time.
    """

    when: datetime | None
    day: date | None
    precision: Precision
    when_text: str
    kind: EntryKind
    record_id: int
    title: str
    detail: str
    place: str
    links: tuple[str, ...]
    sources: tuple[str, ...]
