"""Sources and the citations that attach them to any fact."""

from __future__ import annotations

from datetime import date

from sqlalchemy import CheckConstraint, Date, ForeignKey, Index, Integer, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from tracker.domain.base import Base
from tracker.domain.columns import enum_type
from tracker.domain.enums import Reliability

# One nullable foreign key per kind of fact a source can back. Exactly one is set, so
# every citation keeps referential integrity (a generic "entity_type, entity_id" pair
# would let citations point at rows that no longer exist).
CITABLE = (
    "round_id", "schedule_change_id", "factor_id", "factor_reading_id", "dependency_id",
    "event_id", "event_link_id", "party_id", "person_id", "venue_id",
)


class Source(Base):
    __tablename__ = "source"

    id: Mapped[int] = mapped_column(primary_key=True)
    outlet: Mapped[str]
    title: Mapped[str] = mapped_column(default="")
    url: Mapped[str] = mapped_column(default="")
    published_on: Mapped[date | None] = mapped_column(Date)
    accessed_on: Mapped[date | None] = mapped_column(Date)
    reliability: Mapped[Reliability] = mapped_column(
        enum_type(Reliability), default=Reliability.UNVERIFIED
    )
    note: Mapped[str] = mapped_column(Text, default="")
    # Optimistic locking (migration 0005): an UPDATE matches only the version it read.
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012


class Citation(Base):
    __tablename__ = "citation"
    __table_args__ = (
        CheckConstraint(
            " + ".join(f"(CASE WHEN {col} IS NULL THEN 0 ELSE 1 END)" for col in CITABLE)
            + " = 1",
            name="one_target",
        ),
        *(Index(f"ix_citation_{col}", col) for col in CITABLE),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    source_id: Mapped[int] = mapped_column(ForeignKey("source.id", ondelete="CASCADE"))
    detail: Mapped[str] = mapped_column(Text, default="")
    round_id: Mapped[int | None] = mapped_column(ForeignKey("round.id", ondelete="CASCADE"))
    schedule_change_id: Mapped[int | None] = mapped_column(
        ForeignKey("schedule_change.id", ondelete="RESTRICT")
    )
    factor_id: Mapped[int | None] = mapped_column(ForeignKey("factor.id", ondelete="CASCADE"))
    factor_reading_id: Mapped[int | None] = mapped_column(
        ForeignKey("factor_reading.id", ondelete="CASCADE")
    )
    dependency_id: Mapped[int | None] = mapped_column(
        ForeignKey("dependency.id", ondelete="CASCADE")
    )
    event_id: Mapped[int | None] = mapped_column(
        ForeignKey("battlefield_event.id", ondelete="CASCADE")
    )
    event_link_id: Mapped[int | None] = mapped_column(
        ForeignKey("event_link.id", ondelete="CASCADE")
    )
    party_id: Mapped[int | None] = mapped_column(ForeignKey("party.id", ondelete="CASCADE"))
    person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"))
    venue_id: Mapped[int | None] = mapped_column(ForeignKey("venue.id", ondelete="CASCADE"))

    source: Mapped[Source] = relationship()
