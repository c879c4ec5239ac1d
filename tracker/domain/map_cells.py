"""The map's per-cell event counts (event_map_cell), kept by storage/map_cells.py."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, Index, SmallInteger
from sqlalchemy.orm import Mapped, mapped_column

from tracker.domain.base import Base


class EventMapCell(Base):
    """Events per grid cell, day or month, event type and target category, at each grid size.

    The Map tab sums the rows of the cells in view for the dates shown: a few thousand
    rows, where the events themselves would be a million. Triggers keep them equal to the
    counted events (storage.map_cells, migration 0016); a bulk load counts them again.
    On SQLite a WITHOUT ROWID table: the primary key is the table, so a range of cells is
    one index range with the counts in it.
    """

    __tablename__ = "event_map_cell"
    __table_args__ = (
        # The days of a partial month at either end of a range (62 at most) are read by
        # day across all cells in view: the primary key, cells first, would walk every
        # day of every cell in the box for them. Holds the count, so no row is visited.
        Index("ix_event_map_cell_day", "grid", "period", "day", "cell_x", "cell_y", "events"),
        {"sqlite_with_rowid": False},
    )

    grid: Mapped[int] = mapped_column(SmallInteger, primary_key=True)
    # 0: the events of the day ``day``; 1: of the calendar month starting on ``day``.
    period: Mapped[int] = mapped_column(SmallInteger, primary_key=True)
    cell_x: Mapped[int] = mapped_column(primary_key=True)
    cell_y: Mapped[int] = mapped_column(primary_key=True)
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    event_type: Mapped[str] = mapped_column(primary_key=True)
    target_category: Mapped[str] = mapped_column(primary_key=True)
    events: Mapped[int]
