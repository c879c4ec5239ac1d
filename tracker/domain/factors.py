"""Outside factors the schedule depends on, their readings, and round dependencies."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, Integer, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from tracker.domain.base import Base
from tracker.domain.columns import enum_type
from tracker.domain.enums import DependencyEffect, FactorLevel, FactorTrend


class Factor(Base):
    __tablename__ = "factor"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(unique=True)
    description: Mapped[str] = mapped_column(Text, default="")
    # Optimistic locking (migration 0005): an UPDATE matches only the version it read.
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012
    readings: Mapped[list[FactorReading]] = relationship(
        back_populates="factor", order_by="FactorReading.observed_at",
        cascade="all, delete-orphan",
    )
    dependencies: Mapped[list[Dependency]] = relationship(
        back_populates="factor", cascade="all, delete-orphan"
    )


class FactorReading(Base):
    """The state of a factor as observed at one instant."""

    __tablename__ = "factor_reading"
    __table_args__ = (Index("ix_factor_reading_factor_time", "factor_id", "observed_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    factor_id: Mapped[int] = mapped_column(ForeignKey("factor.id", ondelete="CASCADE"))
    observed_at: Mapped[datetime]
    level: Mapped[FactorLevel] = mapped_column(enum_type(FactorLevel))
    trend: Mapped[FactorTrend] = mapped_column(enum_type(FactorTrend))
    note: Mapped[str] = mapped_column(Text, default="")
    # Optimistic locking (migration 0005): an UPDATE matches only the version it read.
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012

    factor: Mapped[Factor] = relationship(back_populates="readings")


class Dependency(Base):
    """A round depends on a factor, with the effect the factor may have on it."""

    __tablename__ = "dependency"
    __table_args__ = (UniqueConstraint("round_id", "factor_id", "effect"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    round_id: Mapped[int] = mapped_column(ForeignKey("round.id", ondelete="CASCADE"))
    factor_id: Mapped[int] = mapped_column(ForeignKey("factor.id", ondelete="CASCADE"))
    effect: Mapped[DependencyEffect] = mapped_column(enum_type(DependencyEffect))
    note: Mapped[str] = mapped_column(Text, default="")
    # Optimistic locking (migration 0005): an UPDATE matches only the version it read.
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012

    factor: Mapped[Factor] = relationship(back_populates="dependencies")
