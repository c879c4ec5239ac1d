"""Optimistic locking: a save is refused when the record changed since the editor read it.

Each editable record carries a version counter (SQLAlchemy ``version_id_col``). A dialog
remembers the version of the row it was opened on and hands it to the service as
``expected_version``; the service writes inside ``guard``, which first refuses with a
ConflictError if the database holds another version, carrying both versions field by
field (the fields of the record's kind, services/records/conflicts_kinds.py), so the window can
show them side by side and let the user decide. Nothing is written in that case.

The narrower race, another commit landing between that check and the UPDATE, is caught
too: ``version_id_col`` makes the UPDATE match only the version read, so SQLAlchemy raises
StaleDataError (PostgreSQL), and SQLite refuses to write from a snapshot another writer
has moved past ("database is locked", at once). ``guard`` turns either into the same
ConflictError, built from the row as a fresh session reads it.

Who made the change a conflict names comes from the edit log (domain/edit_log.py), which
records every change of every editable kind, rounds included, with who and when.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from tracker.domain.edit_log import EditLogEntry
from tracker.domain.errors import TrackerError
from tracker.services.common.errors import NotFoundError
from tracker.services.records.conflicts_kinds import KINDS, RecordKind, value_text
from tracker.storage.database import is_locked_error

__all__ = ["KINDS", "ConflictError", "FieldDifference", "RecordKind", "guard", "value_text"]


@dataclass(frozen=True, slots=True)
class FieldDifference:
    """One field on which the refused save and the database disagree."""

    field: str
    label: str
    mine: object
    theirs: object
    mine_text: str
    theirs_text: str


class ConflictError(TrackerError):
    """The record changed since the editor read it; nothing was saved.

    Attributes:
        kind: what sort of record it is (its field table).
        record_id: the record's id.
        title: the record as a sentence names it ("“U.S.–Iran tensions”").
        mine_version: the version the editor started from.
        theirs_version: the version in the database now.
        mine / theirs: the fields the refused save covers, as the editor wanted them and
            as they are now (same keys; empty for a refused removal).
        changed_by / changed_at: who made the latest change and when, as far as the
            edit log knows; "" and None when it does not.
    """

    def __init__(self, kind: RecordKind, record_id: int, title: str, mine_version: int,
                 theirs_version: int, mine: Mapping[str, object],
                 theirs: Mapping[str, object], texts: Mapping[tuple[str, object], str],
                 changed_by: str = "", changed_at: datetime | None = None) -> None:
        who = changed_by or "another editor"
        super().__init__(f"The {kind.noun} {title} was changed by {who} since you opened "
                         f"it (version {mine_version} → {theirs_version}); nothing was "
                         "saved.")
        self.field = "conflict"  # read by dialogs that place errors beside a field
        self.kind = kind
        self.record_id = record_id
        self.title = title
        self.mine_version = mine_version
        self.theirs_version = theirs_version
        self.mine = dict(mine)
        self.theirs = dict(theirs)
        self._texts = dict(texts)
        self.changed_by = changed_by
        self.changed_at = changed_at

    def text(self, field: str, value: object) -> str:
        return self._texts.get((field, value), str(value))

    @property
    def differences(self) -> tuple[FieldDifference, ...]:
        return tuple(
            FieldDifference(field, label, self.mine[field], self.theirs[field],
                            self.text(field, self.mine[field]),
                            self.text(field, self.theirs[field]))
            for field, label in self.kind.fields.items()
            if field in self.mine and self.mine[field] != self.theirs[field]
        )

    def merged_reason(self) -> str:
        """The history's account of a resolution: with whom, and when their change was."""
        when = self.changed_at.strftime("%Y-%m-%d %H:%M UTC") if self.changed_at else "?"
        return f"Merged after a conflict with {self.changed_by or 'another editor'} at {when}"


def last_change(session: Session, kind: RecordKind, record: Any) -> tuple[str, datetime | None]:
    """Who changed the record last, and when, as the edit log says; ("", None) when it
    holds nothing for the record (a row older than the log)."""
    logged = session.execute(
        select(EditLogEntry.changed_by, EditLogEntry.changed_at)
        .where(EditLogEntry.record_kind == kind.model.__tablename__,
               EditLogEntry.record_id == record.id)
        .order_by(EditLogEntry.id.desc()).limit(1)
    ).first()
    if logged is None:
        return "", None
    return logged.changed_by, logged.changed_at


def conflict_with(session: Session, kind: RecordKind, record: Any, expected_version: int,
                  mine: Mapping[str, object]) -> ConflictError:
    """The ConflictError for saving *mine* over *record* as *session* reads it now."""
    current = kind.values(record)
    theirs = {field: current[field] for field in mine}
    texts = {(field, value): value_text(session, field, value)
             for field in mine for value in (mine[field], theirs[field])}
    who, when = last_change(session, kind, record)
    return ConflictError(kind, record.id, kind.title(session, record), expected_version,
                         record.version, mine, theirs, texts, who, when)


def _check(session: Session, kind: RecordKind, record: Any, expected_version: int | None,
           mine: Mapping[str, object]) -> None:
    """Refuse a save of *mine* (or, with *mine* empty, a removal) begun from
    *expected_version* if the record moved on. None: the caller did not read it first."""
    if expected_version is None or record.version == expected_version:
        return
    raise conflict_with(session, kind, record, expected_version, mine)


@contextmanager
def guard(session: Session, kind: RecordKind, record: Any, expected_version: int | None,
          mine: Mapping[str, object]) -> Iterator[None]:
    """Refuse at once (ConflictError) if *record* is no longer at *expected_version* (None:
    the caller did not read it first, so there is nothing to compare); then write the
    block's changes to *record* (it ends with a flush) and turn losing the race to another
    commit into a ConflictError, or NotFoundError when that commit removed it.

    *mine* is what the block writes (empty for a removal), shown against theirs.

    The session that lost cannot read the other commit (on SQLite its snapshot predates
    it; after StaleDataError it must roll back), so a fresh session reads the row.
    """
    _check(session, kind, record, expected_version, mine)
    record_id: int = record.id
    started: int = record.version if expected_version is None else expected_version
    try:
        yield
        session.flush()
    except StaleDataError as lost:
        raise _reread(session, kind, record_id, started, mine) or lost from lost
    except OperationalError as locked:
        if not is_locked_error(locked):
            raise
        error = _reread(session, kind, record_id, started, mine)
        if error is None:
            raise  # a writer holding the lock too long, not a change of this record
        raise error from locked


def _reread(session: Session, kind: RecordKind, record_id: int, started: int,
            mine: Mapping[str, object]) -> ConflictError | NotFoundError | None:
    with Session(session.get_bind()) as fresh:
        record = fresh.get(kind.model, record_id)
        if record is None:
            return NotFoundError(f"The {kind.noun} was removed by someone else meanwhile; "
                                 "nothing was saved.")
        if record.version == started:
            return None  # the record itself did not move: the lock was someone else's
        return conflict_with(fresh, kind, record, started, mine)
