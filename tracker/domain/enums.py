"""The closed vocabularies of DESIGN.md, stored as their string values."""

from __future__ import annotations

from enum import StrEnum


class Precision(StrEnum):
    """How precisely a date or window was announced or reported."""

    EXACT = "exact"
    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    UNKNOWN = "unknown"


class RoundStatus(StrEnum):
    PROPOSED = "proposed"
    SCHEDULED = "scheduled"
    CONFIRMED = "confirmed"
    HELD = "held"
    POSTPONED = "postponed"
    CANCELLED = "cancelled"


class RoundFormat(StrEnum):
    BILATERAL = "bilateral"
    TRILATERAL = "trilateral"
    PROXIMITY = "proximity"
    TECHNICAL = "technical"
    LEADERS = "leaders"


class RoundModality(StrEnum):
    """How the delegations meet; UNKNOWN until it is announced (and for rounds entered
    before the field existed, migration 0010)."""

    IN_PERSON = "in person"
    VIRTUAL = "virtual"
    HYBRID = "hybrid"
    UNKNOWN = "unknown"


class ParticipantRole(StrEnum):
    PARTY = "party"
    MEDIATOR = "mediator"
    HOST = "host"
    OBSERVER = "observer"


class PartyKind(StrEnum):
    STATE = "state"
    ORGANISATION = "organisation"
    ARMED_GROUP = "armed group"
    COMPANY = "company"


class DependencyEffect(StrEnum):
    MAY_POSTPONE = "may postpone"
    MAY_RELOCATE = "may relocate"
    PRECONDITION = "precondition"
    LEVERAGE = "leverage"


class LinkKind(StrEnum):
    CONTEXT = "context"
    ESCALATION = "escalation during talks"
    CITED = "cited by a party"
    PRECONDITION_IMPACT = "precondition impact"


class ChangeKind(StrEnum):
    """What a schedule-change record is about; one record may change several fields."""

    CREATED = "created"
    RESCHEDULED = "rescheduled"
    RELOCATED = "relocated"
    STATUS = "status changed"
    EDITED = "edited"
    DELETED = "deleted"
    RESTORED = "restored"


class FactorLevel(StrEnum):
    LOW = "low"
    MODERATE = "moderate"
    HIGH = "high"
    CRITICAL = "critical"


class FactorTrend(StrEnum):
    RISING = "rising"
    STABLE = "stable"
    EASING = "easing"


class Reliability(StrEnum):
    CONFIRMED = "confirmed"
    RELIABLE = "reliable"
    UNVERIFIED = "unverified"
    DISPUTED = "disputed"


class TargetCategory(StrEnum):
    """The built-in target categories (a database may add its own: domain.targets)."""

    ENERGY = "energy"
    TRANSPORT = "transport"
    RESIDENTIAL = "residential"
    MEDICAL = "medical"
    EDUCATION = "education"
    GOVERNMENT = "government"
    MILITARY = "military"
    INDUSTRIAL = "industrial"
    COMMUNICATIONS = "communications"
    AGRICULTURE = "agriculture"
    OTHER = "other"
    # The rules found nothing to go on; "" (uncategorised) means nobody has looked yet.
    UNKNOWN = "unknown"


# Statuses a round can leave only by an explicit restore; "held" is final for scheduling.
CLOSED_STATUSES = frozenset({RoundStatus.HELD, RoundStatus.CANCELLED})
