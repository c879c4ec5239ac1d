"""Every mapped class in one import, so the mapper registry is complete before first use."""

from tracker.domain.base import Base
from tracker.domain.edit_log import EditLogEntry
from tracker.domain.events import (
    BattlefieldEvent,
    BattlefieldEventRaw,
    EventDayCount,
    EventLink,
)
from tracker.domain.factors import Dependency, Factor, FactorReading
from tracker.domain.imports import ExportRecord, ImportMapping, ImportRun
from tracker.domain.map_cells import EventMapCell
from tracker.domain.negotiation import (
    Party,
    Person,
    Round,
    RoundParticipant,
    ScheduleChange,
    Track,
    Venue,
)
from tracker.domain.sources import Citation, Source

__all__ = [
    "Base",
    "BattlefieldEvent",
    "BattlefieldEventRaw",
    "Citation",
    "Dependency",
    "EditLogEntry",
    "EventDayCount",
    "EventLink",
    "EventMapCell",
    "ExportRecord",
    "Factor",
    "FactorReading",
    "ImportMapping",
    "ImportRun",
    "Party",
    "Person",
    "Round",
    "RoundParticipant",
    "ScheduleChange",
    "Source",
    "Track",
    "Venue",
]
