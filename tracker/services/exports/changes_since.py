"""What changed since my last export (issue 17): events added, corrected or withdrawn
after an instant, and the record of each export that gives the instant.

An event is *added* when an import first stored it (or it was typed in) after the
instant, *corrected* when a release changed its values after it, *withdrawn* when a
release withdrew it after it, and *restored* when a release had it again. Every export
(the command line's ``tracker export``) is recorded, so "since the last export" needs no
date from the user.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import TextIO

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from tracker.domain.base import utc_now
from tracker.domain.events import BattlefieldEvent
from tracker.domain.imports import ExportRecord
from tracker.io.spreadsheet import neutralise
from tracker.storage.changed_events import changed_after
from tracker.storage.counted_events import RecordStatus


class Change(StrEnum):
    ADDED = "added"
    CORRECTED = "corrected"
    WITHDRAWN = "withdrawn"
    RESTORED = "restored"


@dataclass(frozen=True, slots=True)
class ChangedEvent:
    change: Change
    changed_at: datetime
    dataset: str
    external_id: str
    event_date: date
    place: str
    fatalities: int | None
    release: str


def record_export(session: Session, kind: str, destination: str) -> None:
    """Note an export made now (in the caller's transaction)."""
    session.add(ExportRecord(exported_at=utc_now(), kind=kind, destination=destination))


def last_export_at(session: Session) -> datetime | None:
    """When the latest export was made; None before the first."""
    found: datetime | None = session.scalar(select(func.max(ExportRecord.exported_at)))
    return found


def changed_since(session: Session, since: datetime) -> list[ChangedEvent]:
    """Events added, corrected, withdrawn or restored after *since*, oldest change first."""
    event = BattlefieldEvent
    query = (select(event.dataset, event.external_id, event.event_date, event.location,
                    event.admin1, event.fatalities, event.source_release, event.imported_at,
                    event.first_imported_at, event.import_run_id, event.record_status,
                    event.status_changed_at)
             .where(changed_after(since))
             .order_by(event.event_date, event.id))
    found = []
    for row in session.execute(query):
        status_changed = row.status_changed_at is not None and row.status_changed_at > since
        if status_changed and row.record_status == RecordStatus.WITHDRAWN:
            change, at = Change.WITHDRAWN, row.status_changed_at
        elif status_changed and row.record_status == RecordStatus.CURRENT:
            change, at = Change.RESTORED, row.status_changed_at
        elif row.imported_at <= since:
            continue  # merged by reconciliation: not a change the source made
        elif row.import_run_id is None or (row.first_imported_at is not None
                                           and row.first_imported_at > since):
            change, at = Change.ADDED, row.imported_at
        else:
            change, at = Change.CORRECTED, row.imported_at
        place = ", ".join(part for part in (row.location, row.admin1) if part)
        found.append(ChangedEvent(change, at, row.dataset, row.external_id, row.event_date,
                                  place, row.fatalities, row.source_release))
    return found


def write_changes(changes: list[ChangedEvent], stream: TextIO) -> None:
    """The changes as CSV, one line per event (cells a spreadsheet would run, neutralised)."""
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow(["change", "changed_at", "dataset", "event_id", "date", "place",
                     "fatalities", "release"])
    for item in changes:
        writer.writerow([item.change.value, item.changed_at.isoformat(),
                         neutralise(item.dataset), neutralise(item.external_id),
                         item.event_date.isoformat(), neutralise(item.place),
                         "" if item.fatalities is None else item.fatalities,
                         neutralise(item.release)])
