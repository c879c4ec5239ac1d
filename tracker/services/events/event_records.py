"""Where an imported event came from: its file, and its record as the file had it."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from tracker.domain.events import BattlefieldEvent, BattlefieldEventRaw
from tracker.domain.imports import ImportRun


@dataclass(frozen=True, slots=True)
class EventProvenance:
    """What the dataset said beyond the Events table's columns, and where it was read."""

    reported_by: str
    interaction: str
    date_end: date | None
    fatalities_low: int | None
    fatalities_high: int | None
    file_name: str
    layout: str
    encoding: str
    imported_at: datetime | None
    # The record's fields under the file's header names, empty ones left out.
    fields: tuple[tuple[str, str], ...]


def event_provenance(session: Session, event_id: int) -> EventProvenance | None:
    """The provenance of *event_id*, or None for an event that was not imported."""
    event = BattlefieldEvent
    found = session.execute(
        select(event.reported_by, event.interaction, event.event_date_end,
               event.fatalities_low, event.fatalities_high, event.imported_at,
               ImportRun.file_name, ImportRun.layout, ImportRun.encoding, ImportRun.header,
               BattlefieldEventRaw.raw)
        .join(ImportRun, ImportRun.id == event.import_run_id)
        .outerjoin(BattlefieldEventRaw, BattlefieldEventRaw.event_id == event.id)
        .where(event.id == event_id)
    ).first()
    if found is None:
        return None
    (reported_by, interaction, date_end, low, high, imported_at, file_name, layout,
     encoding, header, raw) = found
    return EventProvenance(
        reported_by, interaction, date_end, low, high, file_name, layout, encoding,
        imported_at, _named_fields(header, raw),
    )


def _named_fields(header: str, raw: str | None) -> tuple[tuple[str, str], ...]:
    if not raw:
        return ()
    names = next(csv.reader([header]), [])
    values = next(csv.reader(io.StringIO(raw, newline="")), [])
    if len(values) != len(names):  # not expected: the run stores the names it read by
        names = [f"column {n}" for n in range(1, len(values) + 1)]
    return tuple((name, value) for name, value in zip(names, values, strict=True)
                 if value.strip())
