"""Reading the edit log: the newest entries first, a page at a time, told in words.

The log grows by one row per edit for as long as a desk keeps its database, so it is read
in pages by keyset (ids below the last one shown), over the primary key: the first page of
a log of millions costs what the first page of a short one does.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from tracker.domain.edit_log import EditLogEntry
from tracker.services.records.conflicts_kinds import KINDS, RecordKind

PAGE = 200
# What each logged table is called in a sentence: for the kinds two editors can change,
# the noun their conflicts use (services/records/conflicts_kinds.py), so both say the same.
KIND_NOUNS = {
    "party": "party", "person": "person", "track": "track", "citation": "citation",
    **{kind.model.__tablename__: kind.noun for kind in KINDS.values()},
}
_KINDS_BY_TABLE = {kind.model.__tablename__: kind for kind in KINDS.values()}


@dataclass(frozen=True, slots=True)
class EditEntry:
    """One logged edit, for a table row or a line of text."""

    id: int
    changed_at: datetime
    changed_by: str
    action: str
    record_kind: str
    record_id: int
    fields: tuple[str, ...]
    label: str

    @property
    def record(self) -> str:
        """'factor #3 “Energy strikes”': the record as it was called then."""
        noun = KIND_NOUNS.get(self.record_kind, self.record_kind.replace("_", " "))
        named = f" “{self.label}”" if self.label else ""
        return f"{noun} #{self.record_id}{named}"

    @property
    def field_labels(self) -> tuple[str, ...]:
        """The columns it touched as the kind's field table labels them ("head of
        delegation" for a seat's person_id); a column outside the table by its name."""
        kind = _KINDS_BY_TABLE.get(self.record_kind)
        labels = (_label(kind, column) for column in self.fields)
        return tuple(dict.fromkeys(labels))  # a window's four columns are one field

    @property
    def what(self) -> str:
        """'changed factor #3 “Energy strikes”: description, name'."""
        touched = f": {', '.join(self.field_labels)}" if self.fields else ""
        return f"{self.action} {self.record}{touched}"


def _label(kind: RecordKind | None, column: str) -> str:
    if kind is not None:
        # venue_id is the field "venue", window_start one part of "window".
        for field in (column, column.removesuffix("_id"), column.partition("_")[0]):
            if field in kind.fields:
                return kind.fields[field].lower()
    return column.replace("_", " ")


def recent_edits(session: Session, *, before_id: int | None = None,
                 after_id: int | None = None, limit: int = PAGE,
                 record_kind: str | None = None, record_id: int | None = None,
                 ) -> list[EditEntry]:
    """The newest entries (below *before_id*, above *after_id*, when given), optionally
    of one record."""
    query = select(EditLogEntry).order_by(EditLogEntry.id.desc()).limit(limit)
    if before_id is not None:
        query = query.where(EditLogEntry.id < before_id)
    if after_id is not None:
        query = query.where(EditLogEntry.id > after_id)
    if record_kind is not None:
        query = query.where(EditLogEntry.record_kind == record_kind)
    if record_id is not None:
        query = query.where(EditLogEntry.record_id == record_id)
    return [EditEntry(row.id, row.changed_at, row.changed_by, row.action, row.record_kind,
                      row.record_id, tuple(filter(None, row.fields.split(","))), row.label)
            for row in session.scalars(query)]
