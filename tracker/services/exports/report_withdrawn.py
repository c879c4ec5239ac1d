"""The withdrawn events a report lists (issue 17): those of its range, in day order."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from tracker.domain.events import BattlefieldEvent
from tracker.io.report_withdrawn import WithdrawnRecord
from tracker.storage.counted_events import RecordStatus

# A report is read, not searched: past this many, the section says how many it left out.
MAX_LISTED = 2000


def withdrawn_records(session: Session, date_from: date | None,
                      date_to: date | None) -> list[WithdrawnRecord]:
    """The events withdrawn by their source whose day falls in the range, oldest first."""
    event = BattlefieldEvent
    conditions = [event.record_status == RecordStatus.WITHDRAWN.value]
    if date_from is not None:
        conditions.append(event.event_date >= date_from)
    if date_to is not None:
        conditions.append(event.event_date <= date_to)
    rows = session.execute(
        select(event.event_date, event.event_type, event.sub_event_type, event.location,
               event.admin1, event.fatalities, event.dataset, event.external_id,
               event.status_changed_at, event.source_release)
        .where(*conditions).order_by(event.event_date, event.id).limit(MAX_LISTED))
    return [WithdrawnRecord(
        day=row.event_date,
        what=" / ".join(part for part in (row.event_type, row.sub_event_type) if part)
        or "Event",
        place=", ".join(part for part in (row.location, row.admin1) if part),
        fatalities=row.fatalities, dataset=row.dataset, external_id=row.external_id,
        withdrawn_on=row.status_changed_at.date() if row.status_changed_at else None,
        release=row.source_release) for row in rows]
