"""Which events changed after an instant: added, corrected, withdrawn or restored.

An import writes imported_at when it adds or changes an event, and status_changed_at
when it withdraws or restores one (storage.event_upsert, storage.withdrawals); "since my
last export" takes the instant of the latest export_record (issue 17).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, func, or_, select

from tracker.domain.events import BattlefieldEvent
from tracker.domain.imports import ExportRecord

LAST_EXPORT = "last-export"


def changed_after(since: datetime | str, event: Any = BattlefieldEvent) -> ColumnElement[bool]:
    """True for the events changed after *since* (an instant, or LAST_EXPORT; before any
    export, no event)."""
    instant: Any = since
    if since == LAST_EXPORT:
        instant = select(func.max(ExportRecord.exported_at)).scalar_subquery()
    return or_(event.imported_at > instant, event.status_changed_at > instant)
