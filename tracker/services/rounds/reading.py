"""Reading rounds: the table, the detail form, and the history in words."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from tracker.domain.chronology import announced_when
from tracker.domain.enums import ChangeKind
from tracker.domain.events import BattlefieldEvent, EventLink
from tracker.domain.factors import Dependency, Factor
from tracker.domain.negotiation import Round, RoundParticipant, ScheduleChange, Venue
from tracker.domain.sources import Source
from tracker.domain.timewindow import ScheduledWindow
from tracker.domain.wording import label_of, say
from tracker.services.common.errors import NotFoundError
from tracker.services.common.views import (
    ChangeRecord,
    DependencyRow,
    LinkedEventRow,
    ParticipantRow,
    RoundDetail,
    RoundRow,
    VenueRow,
)
from tracker.services.records.citations import source_label, sources_for
from tracker.services.rounds.as_of import AsOf, KnownState, known_states
from tracker.services.rounds.retractions import corrections
from tracker.services.rounds.rules import RoundState, get_round


def venue_row(venue: Venue | None) -> VenueRow | None:
    if venue is None:
        return None
    return VenueRow(venue.id, venue.name, venue.city, venue.country, venue.latitude,
                    venue.longitude, venue.time_zone)


def _participants_text(round_: Round) -> str:
    parts = []
    for participant in round_.participants:
        role = participant.role.value
        name = participant.party.short_name or participant.party.name
        parts.append(name if role == "party" else f"{name} ({role})")
    return ", ".join(parts)


def _row(round_: Round, linked: int) -> RoundRow:
    return RoundRow(
        id=round_.id, track=round_.track.name, title=round_.title, format=round_.format,
        modality=round_.modality, status=round_.status, window=round_.window,
        venue=venue_row(round_.venue),
        participants=_participants_text(round_), linked_events=linked,
        version=round_.version,
    )


def list_rounds(session: Session, as_of: AsOf | None = None) -> list[RoundRow]:
    """Every round that is not deleted, by window start (unknown dates last).

    *as_of*: the rounds as they were known at the end of that day instead (as_of.py),
    deleted since or not; their window, venue and status as then."""
    link_counts = dict(
        session.execute(
            select(EventLink.round_id, func.count())
            .where(EventLink.round_id.is_not(None))
            .group_by(EventLink.round_id)
        ).all()
    )
    known = known_states(session, as_of) if as_of is not None else None
    query = select(Round).options(
        selectinload(Round.track), selectinload(Round.venue),
        selectinload(Round.participants).selectinload(RoundParticipant.party))
    if known is None:
        query = query.where(Round.deleted_at.is_(None))
    else:
        query = query.where(Round.id.in_(sorted(known)))
    rows = [_row(round_, link_counts.get(round_.id, 0))
            for round_ in session.execute(query).scalars()]
    if known is not None:
        rows = _as_known(session, rows, known)
    return sorted(rows, key=lambda row: (row.window.sort_key(), row.id))


def _as_known(session: Session, rows: list[RoundRow],
              known: dict[int, KnownState]) -> list[RoundRow]:
    """*rows* with the window, venue and status known then."""
    venue_ids = {state.state.venue_id for state in known.values()} - {None}
    venues = {venue.id: venue for venue in session.scalars(
        select(Venue).where(Venue.id.in_(sorted(v for v in venue_ids if v is not None))))}
    return [replace(row, window=known[row.id].state.window,
                    venue=venue_row(venues.get(known[row.id].state.venue_id or -1)),
                    status=known[row.id].state.status) for row in rows]


def round_row(session: Session, round_id: int) -> RoundRow:
    round_ = get_round(session, round_id)
    linked = session.scalar(
        select(func.count()).select_from(EventLink).where(EventLink.round_id == round_id)
    )
    return _row(round_, linked or 0)


def round_detail(session: Session, round_id: int, as_of: AsOf | None = None) -> RoundDetail:
    """The detail pane's round; with *as_of*, its schedule as known at the end of that day
    and its history up to the changes announced by then (NotFoundError if the round was
    not known then). Participants, links and sources are not part of the schedule history
    and read as they are now; a round deleted since shows only its history."""
    if as_of is not None:
        return _known_detail(session, round_id, as_of)
    round_ = get_round(session, round_id)
    participants = tuple(
        ParticipantRow(p.id, p.party_id, p.party.name, p.person.name if p.person else "",
                       p.role, p.note, p.version)
        for p in round_.participants
    )
    return RoundDetail(
        row=round_row(session, round_id), agenda=round_.agenda, outcome=round_.outcome,
        participants=participants,
        dependencies=tuple(dependencies_of(session, round_id=round_id)),
        history=tuple(history(session, round_id)),
        linked_events=tuple(linked_events(session, round_id=round_id)),
        sources=sources_for(session, "round_id", round_id),
    )


def _known_detail(session: Session, round_id: int, as_of: AsOf) -> RoundDetail:
    row = next((known for known in list_rounds(session, as_of) if known.id == round_id), None)
    if row is None:
        raise NotFoundError(f"Round {round_id} was not known on {as_of.day:%d %b %Y}")
    known_history = tuple(record for record in history(session, round_id)
                          if as_of.includes(record.announced))
    found = session.get(Round, round_id)
    if found is None or found.deleted_at is not None:  # deleted since
        return RoundDetail(row=row, agenda="", outcome="", participants=(), dependencies=(),
                           history=known_history, linked_events=(), sources=())
    return replace(round_detail(session, round_id), row=row, history=known_history)


def dependencies_of(
    session: Session, *, round_id: int | None = None, factor_id: int | None = None
) -> list[DependencyRow]:
    query = (
        select(Dependency, Round.title, Factor.name)
        .join(Round, Round.id == Dependency.round_id)
        .join(Factor, Factor.id == Dependency.factor_id)
        .where(Round.deleted_at.is_(None))
        .order_by(Dependency.id)
    )
    if round_id is not None:
        query = query.where(Dependency.round_id == round_id)
    if factor_id is not None:
        query = query.where(Dependency.factor_id == factor_id)
    return [
        DependencyRow(dep.id, dep.round_id, title, dep.factor_id, name, dep.effect, dep.note)
        for dep, title, name in session.execute(query)
    ]


def linked_events(
    session: Session, *, round_id: int | None = None, factor_id: int | None = None
) -> list[LinkedEventRow]:
    """Events linked to one round or one factor, newest first (a handful, not millions)."""
    query = (
        select(EventLink, BattlefieldEvent)
        .join(BattlefieldEvent, BattlefieldEvent.id == EventLink.event_id)
        .order_by(BattlefieldEvent.event_date.desc(), BattlefieldEvent.id)
    )
    if round_id is not None:
        query = query.where(EventLink.round_id == round_id)
    if factor_id is not None:
        query = query.where(EventLink.factor_id == factor_id)
    return [
        LinkedEventRow(link.id, event.id, event.event_date, event.date_precision,
                       event.event_type, event.target_category, event.location,
                       event.summary, link.kind, link.note, link.version,
                       event.event_date_end, event.dataset, event.record_status)
        for link, event in session.execute(query)
    ]


def history(session: Session, round_id: int) -> list[ChangeRecord]:
    """The round's schedule history, each change told in words, in the order the changes
    were announced (then entered): a change entered late is where it happened. Every row
    stays, retractions too; a withdrawn one says who withdrew it and when."""
    changes = session.execute(
        select(ScheduleChange, Factor.name, Source)
        .outerjoin(Factor, Factor.id == ScheduleChange.factor_id)
        .outerjoin(Source, Source.id == ScheduleChange.source_id)
        .where(ScheduleChange.round_id == round_id)
        .options(selectinload(ScheduleChange.old_venue), selectinload(ScheduleChange.new_venue))
    ).all()
    withdrawn = corrections(session, [round_id]).withdrawn
    records = []
    for change, factor, source in changes:
        retraction = withdrawn.get(change.id)
        records.append(ChangeRecord(
            id=change.id, kind=change.kind, recorded_at=change.recorded_at,
            recorded_by=change.recorded_by, summary=describe_change(change),
            reason=change.reason, factor=factor or "",
            source=source_label(source) if source else "",
            # Its source is at hand: the one rule, with no second read of the sources.
            announced=change.announcement(source.published_on if source else None),
            retracts_id=change.retracts_id,
            retracted_by=retraction.by if retraction else "",
            retracted_at=retraction.at if retraction else None,
        ))
    # A day's announcement sorts within its day as the chronology does: at 12:00 UTC.
    return sorted(records, key=lambda r: (announced_when(r.announced), r.recorded_at, r.id))


def describe_change(change: ScheduleChange) -> str:
    """'week of 2 Feb 2026 → 5 Feb 2026 10:00 EET; venue: unknown → Istanbul', from the
    states the row recorded (as the user saw them when entering it)."""
    names = {venue.id: venue.name for venue in (change.old_venue, change.new_venue) if venue}
    new_window = change.new_window
    if new_window is None or change.new_status is None:
        return label_of(change.kind)
    after = RoundState(new_window, change.new_venue_id, change.new_status)
    old_window = change.old_window
    before = None if old_window is None or change.old_status is None else \
        RoundState(old_window, change.old_venue_id, change.old_status)
    return describe_transition(change.kind, before, after, names)


def describe_transition(kind: ChangeKind, before: RoundState | None, after: RoundState,
                        venue_names: Mapping[int, str]) -> str:
    """A change from *before* (None: a creation) to *after*, in words; *venue_names*
    names the venues by id."""
    def venue(venue_id: int | None, unknown: str) -> str:
        return venue_names.get(venue_id, unknown) if venue_id is not None else unknown

    if before is None:
        return (f"{label_of(after.status)}: {_window_text(after.window)}, "
                f"{venue(after.venue_id, say('venue unknown'))}")
    parts = []
    if before.status != after.status:
        parts.append(say("status: {before} → {after}").format(
            before=label_of(before.status), after=label_of(after.status)))
    # A week relocated keeps its days in the venue's zone: the same text, no new date.
    if before.window != after.window and \
            _window_text(before.window) != _window_text(after.window):
        parts.append(f"{_window_text(before.window)} → {_window_text(after.window)}")
    if before.venue_id != after.venue_id:
        parts.append(say("venue: {before} → {after}").format(
            before=venue(before.venue_id, say("unknown")),
            after=venue(after.venue_id, say("unknown"))))
    return "; ".join(parts) or label_of(kind)


def _window_text(window: ScheduledWindow | None) -> str:
    return window.describe() if window else "—"
