"""Where imported events came from: one row per completed import, changes or not."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Text
from sqlalchemy.orm import Mapped, mapped_column

from tracker.domain.base import Base, utc_now


class ImportRun(Base):
    """A file imported: its name, encoding, header and what it did to the events.

    Written in the import's own transaction, so a cancelled or failed import leaves no
    run behind. The header turns an event's ``raw`` text back into named fields.
    """

    __tablename__ = "import_run"

    id: Mapped[int] = mapped_column(primary_key=True)
    dataset: Mapped[str]
    layout: Mapped[str]
    file_name: Mapped[str]
    file_size: Mapped[int]
    encoding: Mapped[str]
    header: Mapped[str] = mapped_column(Text)
    started_at: Mapped[datetime] = mapped_column(default=utc_now)
    finished_at: Mapped[datetime] = mapped_column(default=utc_now)
    records: Mapped[int] = mapped_column(default=0)
    added: Mapped[int] = mapped_column(default=0)
    updated: Mapped[int] = mapped_column(default=0)
    unchanged: Mapped[int] = mapped_column(default=0)
    rejected: Mapped[int] = mapped_column(default=0)


class ImportMapping(Base):
    """The column mapping a user chose for a header layout, to offer again next time."""

    __tablename__ = "import_mapping"

    header_key: Mapped[str] = mapped_column(primary_key=True)
    header: Mapped[str] = mapped_column(Text)
    mapping: Mapped[str] = mapped_column(Text)  # JSON: field -> column, dayfirst, dataset
    updated_at: Mapped[datetime] = mapped_column(default=utc_now)
