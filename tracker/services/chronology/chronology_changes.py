"""Schedule changes in the chronology: dated when they were announced, corrections told as such.

A change is often entered days or months after it was made public; the chronology places
it where it happened, by its announcement (domain/announcement.py): a change announced on
a day belongs to that day in every zone and sorts like any dated fact, at 12:00 UTC of
it; one announced at an instant sorts at that instant and belongs to its day in the
reader's zone. A change entered with no announcement time and no source's publication
day is dated when it was entered, and its line says so ("entered … (no announcement date
given)").

An undo writes a retraction of the change it takes back, and a redo a retraction of the
retraction (services/rounds/retractions.py). By default the chronology leaves out every
retraction and every change a standing retraction withdraws: an undone reschedule was
never announced. Users who publish a correction trail ask for the corrections: then a
withdrawn change is marked withdrawn, and every retraction is a line of its own that says
what it withdrew, when it was entered and by whom, and whether the entry now stands.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from tracker.domain.announcement import Announcement
from tracker.domain.chronology import ChronologyEntry, EntryKind, announced_when
from tracker.domain.factors import Factor
from tracker.domain.negotiation import Round, ScheduleChange
from tracker.domain.timewindow import zone
from tracker.domain.wording import day_words, label_of, say
from tracker.services.records.citations import sources_by_record
from tracker.services.rounds import describe_change, describe_transition
from tracker.services.rounds.announced_order import transitions_by_change, venue_names
from tracker.services.rounds.as_of import announced_within
from tracker.services.rounds.retractions import corrections
from tracker.services.rounds.told_announcements import told_announcements


def change_keys(session: Session, date_from: date | None, date_to: date | None, tz: str, *,
                with_corrections: bool = False) -> list[tuple[datetime, int]]:
    """(sort instant, id) of every change announced in the range; without the
    corrections, only the changes that stand."""
    query = select(ScheduleChange.id, ScheduleChange.announced_at,
                   ScheduleChange.announced_precision).where(
        *announced_within(date_from, date_to, tz))
    if not with_corrections:
        query = query.where(corrections(session).in_effect_clause())
    return [(announced_when(Announcement(at, precision)), change_id)
            for change_id, at, precision in session.execute(query)]


def change_entries(session: Session, ids: list[int], tz: str) -> list[ChronologyEntry]:
    """The entries of changes *ids*: a change as announced; a withdrawn one marked so; a
    retraction as the correction it is (these two reach here only when asked for)."""
    rows = session.execute(
        select(ScheduleChange, Round.title, Factor.name)
        .join(Round, Round.id == ScheduleChange.round_id)
        .outerjoin(Factor, Factor.id == ScheduleChange.factor_id)
        .where(ScheduleChange.id.in_(ids))
        .options(selectinload(ScheduleChange.old_venue), selectinload(ScheduleChange.new_venue))
    ).all()
    round_ids = {change.round_id for change, _title, _factor in rows}
    found = corrections(session, round_ids)
    # What each standing change did in announcement order, not to the state of the day
    # it was typed (announced_order.py): a change entered late must not date later facts.
    done = transitions_by_change(session, round_ids)
    names = venue_names(session, done.values())
    sources = sources_by_record(session, "schedule_change_id", ids)
    told = told_announcements(session, [change for change, _title, _factor in rows])
    entries = []
    for change, title, factor_name in rows:
        if change.retracts_id is not None:
            entries.append(_correction_entry(session, change, title, tz))
            continue
        announced = told[change.id]
        transition = done.get(change.id)
        if transition is None:  # withdrawn: told as it was entered
            detail = describe_change(change)
            place = change.new_venue.name if change.new_venue else ""
        else:
            detail = describe_transition(change.kind, transition.before, transition.after,
                                         names)
            place = names.get(transition.after.venue_id or -1, "")
        if change.reason:
            detail += ". " + say("Reason: {reason}").format(reason=change.reason)
        heading = f"{title}: {label_of(change.kind)}"
        withdrawn = found.withdrawn.get(change.id)
        if withdrawn is not None:
            heading = say("{heading} (withdrawn)").format(heading=heading)
            detail += ". " + say("Withdrawn by the correction entered {day}{by}").format(
                day=_day_text(withdrawn.at, tz), by=_by(withdrawn.by))
        entries.append(ChronologyEntry(
            when=announced_when(announced), day=announced.day(tz),
            # Nobody said when it was made public: the time is the entry's, and the line
            # must not read as the day it was announced (Announcement.told).
            precision=announced.precision, when_text=announced.told(tz),
            dated_when_entered=announced.entered,
            kind=EntryKind.SCHEDULE_CHANGE, record_id=change.id, title=heading,
            detail=detail, place=place,
            links=(say("because of {factor}").format(factor=factor_name),) if factor_name
            else (),
            sources=sources.get(change.id, ()),
        ))
    return entries


def _correction_entry(session: Session, retraction: ScheduleChange, title: str,
                      tz: str) -> ChronologyEntry:
    """A retraction told as a correction: what it withdrew, and where that leaves the
    entry it is about (a redo withdraws the withdrawal: the entry stands again)."""
    chain = _chain_below(session, retraction)
    original, withdrawn = chain[-1], chain[0]
    quoted = f"the entry of {original.announced.describe(tz)} " \
        f"“{original.kind.value}: {describe_change(original)}”"
    if len(chain) == 1:
        what = f"{quoted} was withdrawn"
    else:
        # An even number of retractions from the original up to this one: it stands.
        stands = len(chain) % 2 == 0
        earlier = "withdrawal" if len(chain) % 2 == 0 else "reinstatement"
        what = (f"the {earlier} entered {_day_text(withdrawn.recorded_at, tz)}"
                f"{_by(withdrawn.recorded_by)} of {quoted} was itself withdrawn; "
                + ("the entry stands" if stands else "the entry is withdrawn again"))
    detail = (f"Correction (entered {_day_text(retraction.recorded_at, tz)}"
              f"{_by(retraction.recorded_by)}): {what}.")
    announced = retraction.announced
    return ChronologyEntry(
        when=announced_when(announced), day=announced.day(tz),
        precision=announced.precision, when_text=announced.describe(tz),
        kind=EntryKind.SCHEDULE_CHANGE, record_id=retraction.id,
        title=f"{title}: correction", detail=detail, place="", links=(), sources=())


def _chain_below(session: Session, retraction: ScheduleChange) -> list[ScheduleChange]:
    """The rows *retraction* retracts, nearest first, down to the original change."""
    chain: list[ScheduleChange] = []
    target_id = retraction.retracts_id
    while target_id is not None:
        target = session.get(ScheduleChange, target_id)
        assert target is not None  # a foreign key, and no row is ever deleted
        chain.append(target)
        target_id = target.retracts_id
    return chain


def _day_text(instant: datetime, tz: str) -> str:
    local = instant.astimezone(zone(tz))
    return day_words(local.date())


def _by(who: str) -> str:
    return say(" by {name}").format(name=who) if who else ""
