"""Typed text loses its NUL characters before the flush (the rule: domain/nul_text.py).

Apart from domain.nul_text, which the readers of files import: that rule needs no
SQLAlchemy, and the process that reads a large import starts without it.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import inspect
from sqlalchemy.orm import Session

from tracker.domain.nul_text import has_nul, without_nul


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
