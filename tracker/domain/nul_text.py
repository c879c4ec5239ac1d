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
  flush (storage.nul_on_flush, registered on every session). The user could neither
  see nor delete it, so refusing would leave them stuck; removing it loses nothing.
"""

from __future__ import annotations

NUL = "\x00"
NUL_REASON = "contains a NUL character (U+0000): binary data, not text"


def has_nul(value: object) -> bool:
    return isinstance(value, str) and NUL in value


def without_nul(value: str) -> str:
    return value.replace(NUL, "") if NUL in value else value
