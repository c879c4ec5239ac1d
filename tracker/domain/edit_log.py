"""Who changed what, and when: one append-only row for every record added, changed or deleted.

The schedule has its own, richer history too (ScheduleChange: the old and new window, the
reason, the factor). Every edit — of a round as of a factor, a reading, a delegation
member, a venue, a source, a link, a claim — is recorded here, whoever made it and
however: a dialog, an undo, a conflict merge, the command line. The rows are written by a listener
on every ORM flush (open_database puts it on each session it makes) in the same
transaction as the change, so a change and its log entry land together or not at all;
the database refuses UPDATE and DELETE on the table (triggers in the migration).

Not logged row by row: bulk event imports, which write through Core (their import_run row
is their record), and rows the database removes by itself with their parent (the
citations of a removed link or source, ON DELETE CASCADE): the parent's entry stands for
them. An undo that puts such rows back goes through the ORM, so it logs them as added.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import datetime
from typing import Any

from sqlalchemy import Index, Text, insert, inspect
from sqlalchemy.orm import Mapped, Session, mapped_column

from tracker.domain import identity
from tracker.domain.base import Base, utc_now

ADDED, CHANGED, DELETED = "added", "changed", "deleted"
# The tables whose edits are logged: everything a user edits, but not the schedule history
# (itself a log), the events and their import runs (bulk), or the derived day counts.
LOGGED_TABLES = frozenset({
    "party", "person", "track", "venue", "round", "round_participant", "factor",
    "factor_reading", "dependency", "source", "citation", "event_link", "casualty_claim",
})
# Bookkeeping that changes with every edit and says nothing about it.
_UNLOGGED_FIELDS = frozenset({"version"})
_LABEL_FIELDS = ("title", "name", "label", "detail", "claimant", "note")


class EditLogEntry(Base):
    """One record added, changed or deleted, by whom and when."""

    __tablename__ = "edit_log"
    __table_args__ = (
        Index("ix_edit_log_record", "record_kind", "record_id", "changed_at"),
        Index("ix_edit_log_changed_at", "changed_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    changed_at: Mapped[datetime] = mapped_column(default=utc_now)
    changed_by: Mapped[str] = mapped_column(default="")
    action: Mapped[str]
    record_kind: Mapped[str]  # the table's name
    record_id: Mapped[int]  # not a foreign key: deleted records keep their entries
    # The fields a change touched, comma-separated (empty when added or deleted).
    fields: Mapped[str] = mapped_column(Text, default="")
    # What the record was called then, so an entry still reads well once it is deleted.
    label: Mapped[str] = mapped_column(Text, default="")


def _label(record: Any) -> str:
    for name in _LABEL_FIELDS:
        value = getattr(record, name, None)
        if isinstance(value, str) and value.strip():
            return value.strip()[:200]
    return ""


def _changed_fields(record: Any) -> list[str]:
    state = inspect(record)
    return [attribute.key for attribute in state.mapper.column_attrs
            if attribute.key not in _UNLOGGED_FIELDS
            and state.attrs[attribute.key].history.has_changes()]


def _entries(records: Iterable[Any], action: str) -> Iterator[dict[str, object]]:
    for record in records:
        table = getattr(record, "__tablename__", None)
        if table not in LOGGED_TABLES:
            continue
        fields = ""
        if action == CHANGED:
            changed = _changed_fields(record)
            if not changed:
                continue  # touched, but nothing differs
            fields = ",".join(changed)
        yield {"action": action, "record_kind": table, "record_id": record.id,
               "fields": fields, "label": _label(record)}


def log_flushed_edits(session: Session, _context: object) -> None:
    """An ``after_flush`` listener (open_database puts it on every session it makes):
    write the entries for this flush, in its transaction, in one executemany."""
    rows = [*_entries(session.new, ADDED), *_entries(session.dirty, CHANGED),
            *_entries(session.deleted, DELETED)]
    if not rows:
        return
    stamp = {"changed_at": utc_now(), "changed_by": identity.user_name()}
    session.connection().execute(insert(EditLogEntry), [{**stamp, **row} for row in rows])
