"""Column mappings for generic CSV files, remembered per header layout.

A layout is its column names in order, compared case-insensitively: the next export from
the same source gets the mapping chosen last time, in the window and on the command line.
"""

from __future__ import annotations

import hashlib
import json

from sqlalchemy.orm import Session

from tracker.domain.base import utc_now
from tracker.domain.imports import ImportMapping
from tracker.io.generic_layout import ColumnMapping


def header_key(header: list[str]) -> str:
    joined = "\x1f".join(name.strip().casefold() for name in header)
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()


def recall(session: Session, header: list[str]) -> ColumnMapping | None:
    found = session.get(ImportMapping, header_key(header))
    if found is None:
        return None
    stored = json.loads(found.mapping)
    return ColumnMapping(columns=dict(stored["columns"]), dayfirst=bool(stored["dayfirst"]),
                         dataset=str(stored["dataset"]))


def remember(session: Session, header: list[str], mapping: ColumnMapping) -> None:
    text = json.dumps({"columns": mapping.columns, "dayfirst": mapping.dayfirst,
                       "dataset": mapping.dataset}, ensure_ascii=False, sort_keys=True)
    key = header_key(header)
    found = session.get(ImportMapping, key)
    if found is None:
        session.add(ImportMapping(header_key=key, header=json.dumps(header), mapping=text))
    else:
        found.mapping = text
        found.updated_at = utc_now()
