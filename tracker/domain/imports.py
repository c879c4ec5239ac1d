"""Where imported events came from: one row per completed import, changes or not."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, Text
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
    # The release the file is (services.imports.releases: kind and rank, None for a file
    # imported before releases were known) and the scope it speaks for (JSON: countries,
    # first and last day); events in that scope the release lacks were withdrawn.
    release_kind: Mapped[str | None]
    release_rank: Mapped[int | None] = mapped_column(BigInteger)
    scope: Mapped[str] = mapped_column(Text, default="", server_default="")
    older: Mapped[int] = mapped_column(default=0, server_default="0")
    withdrawn: Mapped[int] = mapped_column(default=0, server_default="0")


class ExportRecord(Base):
    """An export made, and when: "what changed since my last export" starts there
    (issue 17). This database's own history, not data: an archive leaves it out."""

    __tablename__ = "export_record"

    id: Mapped[int] = mapped_column(primary_key=True)
    exported_at: Mapped[datetime] = mapped_column(default=utc_now)
    kind: Mapped[str]
    destination: Mapped[str] = mapped_column(Text, default="")


class ImportMapping(Base):
    """The column mapping a user chose for a header layout, to offer again next time."""

    __tablename__ = "import_mapping"

    header_key: Mapped[str] = mapped_column(primary_key=True)
    header: Mapped[str] = mapped_column(Text)
    mapping: Mapped[str] = mapped_column(Text)  # JSON: field -> column, dayfirst, dataset
    updated_at: Mapped[datetime] = mapped_column(default=utc_now)
