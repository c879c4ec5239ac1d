"""NUL (U+0000) is not text: one rule for it, the same on SQLite and PostgreSQL.

PostgreSQL's text type cannot hold a NUL (the driver refuses the whole statement), while
SQLite stores it; left alone, the same input would work in a file and fail with a driver
traceback on a team server. Nothing the tracker reads means anything by it either: in a
CSV, calendar or archive file a NUL is binary data or text read in the wrong encoding,
and in what someone types or pastes it is invisible. So no database ever holds one:

- Files: a value holding a NUL is refused where it is, like any other bad value, naming
  the line (the calendar event, the archive row) and the field. The CSV importers refuse
  the record, the calendar import the event, the archive import the whole file; nothing
  is written for what was refused. The user sees what the file holds and can mend it.
- Typed text: every NUL is removed from what an edit writes through the ORM, before the
  flush (``drop_nul_before_flush``, registered on every session). The user could neither
  see nor delete it, so refusing would leave them stuck; removing it loses nothing.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import inspect
from sqlalchemy.orm import Session

NUL = "\x00"
NUL_REASON = "contains a NUL character (U+0000): binary data, not text"


def has_nul(value: object) -> bool:
    return isinstance(value, str) and NUL in value


def without_nul(value: str) -> str:
    return value.replace(NUL, "") if NUL in value else value


def drop_nul_before_flush(session: Session, _context: Any, _instances: Any) -> None:
    """Remove NUL from the text of every record about to be inserted or updated.

    Only the attributes an edit set are looked at (all of a new record's), so a row an
    older version stored with a NUL is mended when someone edits that field, not before.
    """
    for record in (*session.new, *session.dirty):
        state = inspect(record)
        for attribute in state.mapper.column_attrs:
            value = state.dict.get(attribute.key)
            if not has_nul(value) or (record not in session.new
                                      and not state.attrs[attribute.key].history.added):
                continue
            setattr(record, attribute.key, without_nul(value))
