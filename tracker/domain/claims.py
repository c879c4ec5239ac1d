"""Casualty and damage claims: a figure about an event, who claims it and how it stands.

A claim is one party's (ministry's, journalist's, dataset's…) figure for one measure of
an event ("killed", "drones intercepted", or a measure the analyst names), as one value
or a low/best/high range, with its source and its status. Figures people argue about
differ by claimant, so an event holds any number of them side by side (issue 18).

The figures a dataset gave on import (UCDP's low/best/high, ACLED's fatalities) stay in
the event's own columns; services.claims.claims tells them as the dataset's claims, so
the importer writes nothing here.

A claim is attached to an event, or, for a figure nobody has tied to a recorded event
yet, to a day and a place.
"""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import CheckConstraint, Date, ForeignKey, Index, Integer, Text
from sqlalchemy.orm import Mapped, mapped_column

from tracker.domain.base import Base, utc_now


class Measure(StrEnum):
    """The measures every database knows; a claim may name any other."""

    KILLED = "killed"
    INJURED = "injured"
    DRONES_LAUNCHED = "drones launched"
    DRONES_INTERCEPTED = "drones intercepted"
    MISSILES_INTERCEPTED = "missiles intercepted"


class ClaimStatus(StrEnum):
    CLAIMED = "claimed"  # said by its claimant, not checked
    CORROBORATED = "corroborated"  # an independent source gives the same figure
    DISPUTED = "disputed"  # another source contradicts it


class ClaimantKind(StrEnum):
    PARTY = "party"
    MINISTRY = "ministry"
    DATASET = "dataset"
    JOURNALIST = "journalist"
    OTHER = "other"


def _one_of(column: str, values: type[StrEnum]) -> str:
    listed = ", ".join(f"'{member.value}'" for member in values)
    return f"{column} IN ({listed})"


class CasualtyClaim(Base):
    __tablename__ = "casualty_claim"
    __table_args__ = (
        CheckConstraint("event_id IS NOT NULL OR day IS NOT NULL", name="attached"),
        CheckConstraint(
            "value_low IS NOT NULL OR value_best IS NOT NULL OR value_high IS NOT NULL",
            name="has_figure"),
        CheckConstraint(
            "(value_low IS NULL OR value_low >= 0) AND (value_best IS NULL OR value_best >= 0)"
            " AND (value_high IS NULL OR value_high >= 0)", name="not_negative"),
        CheckConstraint(_one_of("status", ClaimStatus), name="status"),
        CheckConstraint(_one_of("claimant_kind", ClaimantKind), name="claimant_kind"),
        Index("ix_casualty_claim_event_id", "event_id"),
        Index("ix_casualty_claim_day", "day"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int | None] = mapped_column(
        ForeignKey("battlefield_event.id", ondelete="CASCADE"))
    # For a claim not (yet) tied to an event: the day and place it speaks of.
    day: Mapped[date | None] = mapped_column(Date)
    place: Mapped[str] = mapped_column(default="")
    measure: Mapped[str]
    # One value is stored as the best figure; a range as low and high (best optional).
    value_low: Mapped[int | None] = mapped_column(Integer)
    value_best: Mapped[int | None] = mapped_column(Integer)
    value_high: Mapped[int | None] = mapped_column(Integer)
    claimant: Mapped[str]
    claimant_kind: Mapped[str] = mapped_column(default=ClaimantKind.OTHER.value)
    # The project's own source record (domain.sources.Source); a claim outlives the
    # source's deletion as unsourced rather than vanishing with it.
    source_id: Mapped[int | None] = mapped_column(
        ForeignKey("source.id", ondelete="SET NULL"))
    status: Mapped[str] = mapped_column(default=ClaimStatus.CLAIMED.value)
    note: Mapped[str] = mapped_column(Text, default="")
    recorded_at: Mapped[datetime] = mapped_column(default=utc_now)
    # Optimistic locking, as every edited record (migration 0005).
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012


class DatabaseSetting(Base):
    """A setting of the database itself (shared by everyone who opens it), by key."""

    __tablename__ = "database_setting"

    key: Mapped[str] = mapped_column(primary_key=True)
    value: Mapped[str] = mapped_column(Text)
