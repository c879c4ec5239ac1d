"""One event told by two datasets: candidate pairs, the analyst's decisions, and which
dataset's figures stand for an accepted pair.

A pair is proposed by the candidate search (storage/match_candidates.py), then accepted
or rejected by the analyst; a decision is kept, so the search never proposes a rejected
pair again and never forgets an accepted one. The *left* event is from the dataset the
search started from, the *right* one from the dataset it was compared with.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import CheckConstraint, ForeignKey, Index, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from tracker.domain.base import Base, utc_now
from tracker.domain.columns import enum_type
from tracker.domain.events import BattlefieldEvent


class MatchStatus(StrEnum):
    """Where the analyst's review of a pair stands."""

    PROPOSED = "proposed"
    ACCEPTED = "accepted"
    REJECTED = "rejected"


class EventMatch(Base):
    """Two events, from two datasets, that may be the same thing on the ground."""

    __tablename__ = "event_match"
    __table_args__ = (
        UniqueConstraint("left_id", "right_id"),
        CheckConstraint("left_id <> right_id", name="two_events"),
        Index("ix_event_match_status_score", "status", "score"),
        Index("ix_event_match_right_id", "right_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    left_id: Mapped[int] = mapped_column(
        ForeignKey("battlefield_event.id", ondelete="CASCADE"))
    right_id: Mapped[int] = mapped_column(
        ForeignKey("battlefield_event.id", ondelete="CASCADE"))
    # 0..1: distance, shared days, type and fatalities agreement (match_candidates.py).
    score: Mapped[float]
    distance_km: Mapped[float]
    status: Mapped[MatchStatus] = mapped_column(
        enum_type(MatchStatus), default=MatchStatus.PROPOSED)
    found_at: Mapped[datetime] = mapped_column(default=utc_now)
    decided_at: Mapped[datetime | None] = mapped_column()
    decided_by: Mapped[str] = mapped_column(default="", server_default="")


class DatasetPreference(Base):
    """Which dataset's figures stand for an accepted pair: the lower rank wins, a dataset
    without a rank comes after every ranked one (then the pair's left event wins)."""

    __tablename__ = "dataset_preference"

    dataset: Mapped[str] = mapped_column(primary_key=True)
    rank: Mapped[int]


# The candidate search reads one dataset's events a stretch of days at a time.
EVENT_DATASET_DATE_INDEX = Index(
    "ix_battlefield_event_dataset_date", BattlefieldEvent.dataset,
    BattlefieldEvent.event_date)

# Event types that may tell the same thing in two taxonomies, both ways round: ACLED's
# event types beside UCDP's types of violence. Equal types always may.
COMPATIBLE_TYPES = (
    ("Battles", "State-based conflict"),
    ("Battles", "Non-state conflict"),
    ("Explosions/Remote violence", "State-based conflict"),
    ("Explosions/Remote violence", "Non-state conflict"),
    ("Explosions/Remote violence", "One-sided violence"),
    ("Violence against civilians", "One-sided violence"),
)
DEFAULT_MAX_KM = 10.0
