"""Each schedule change's announcement as every view and export tells it.

A change entered with no announcement time and no source's publication day is dated by
the moment it was entered (domain/announcement.default_announcement). Whether a stored
change was dated so depends on its source's publication day, which lives on the source:
this reads those days for a set of changes in one query, for the readers that do not
join the sources themselves (the chronology, the timeline, the analysis); the history
and the factor view, which do, call ScheduleChange.announcement with the day they have.
Either way ScheduleChange.dated_when_entered decides it, and nothing else.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from tracker.domain.announcement import Announcement
from tracker.domain.negotiation import ScheduleChange
from tracker.domain.sources import Source


def told_announcements(session: Session, changes: Iterable[ScheduleChange]
                       ) -> dict[int, Announcement]:
    """Change id -> its announcement, marked ``entered`` where nobody gave one."""
    changes = list(changes)
    source_ids = {change.source_id for change in changes if change.source_id is not None}
    days: dict[int | None, date | None] = {
        source_id: day for source_id, day in session.execute(
            select(Source.id, Source.published_on).where(Source.id.in_(source_ids)))
    } if source_ids else {}
    return {change.id: change.announcement(days.get(change.source_id))
            for change in changes}


def told_announcements_of(session: Session, change_ids: Iterable[int]
                          ) -> dict[int, Announcement]:
    """``told_announcements`` of the changes *change_ids* (a handful: a round's, a day's)."""
    wanted = sorted(set(change_ids))
    if not wanted:
        return {}
    return told_announcements(session, session.scalars(
        select(ScheduleChange).where(ScheduleChange.id.in_(wanted))).all())
