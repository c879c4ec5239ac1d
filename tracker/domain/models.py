"""Every mapped class in one import, so the mapper registry is complete before first use."""

from tracker.domain.base import Base
from tracker.domain.claims import CasualtyClaim, DatabaseSetting
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
from tracker.domain.matches import DatasetPreference, EventMatch
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
from tracker.domain.targets import ExtraTargetCategory, UserTargetRule

__all__ = [
    "Base",
    "BattlefieldEvent",
    "BattlefieldEventRaw",
    "CasualtyClaim",
    "Citation",
    "DatabaseSetting",
    "DatasetPreference",
    "Dependency",
    "EditLogEntry",
    "EventDayCount",
    "EventLink",
    "EventMapCell",
    "EventMatch",
    "ExportRecord",
    "ExtraTargetCategory",
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
    "UserTargetRule",
    "Venue",
]
