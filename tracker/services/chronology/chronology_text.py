"""Telling a batch of chronology keys in words: one query per kind, links and sources in bulk
(claims on a day and a place: chronology_claims.py)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, selectinload

from tracker.domain.chronology import ChronologyEntry, EntryKind, EventFacts, event_instant
from tracker.domain.enums import LinkKind, Precision, RoundModality, RoundStatus, TargetCategory
from tracker.domain.event_time import EventTime
from tracker.domain.events import MIDWEEK_DATASETS, BattlefieldEvent, EventLink
from tracker.domain.factors import Dependency, Factor, FactorReading
from tracker.domain.negotiation import Round, RoundParticipant, Venue
from tracker.domain.timewindow import ScheduledWindow, zone
from tracker.domain.wording import day_words, label_of, say
from tracker.services.chronology.chronology_changes import change_entries
from tracker.services.chronology.chronology_claims import claim_entries
from tracker.services.claims.claims import (
    ClaimRow,
    claims_sentence,
    dataset_figures,
    stored_claims_by_event,
)
from tracker.services.records.citations import sources_by_record
from tracker.services.rounds.relocation import venue_zone_known
from tracker.storage.counted_events import RecordStatus

if TYPE_CHECKING:  # chronology_as_of tells rounds' instants with round_instant, below
    from tracker.services.chronology.chronology_as_of import KnownThen

Key = tuple[EntryKind, int]


def describe_entries(session: Session, keys: list[Key], tz: str = "UTC",
                     then: KnownThen | None = None) -> list[ChronologyEntry]:
    """Entries for *keys*, in the order given; instants told in the reader's zone *tz*;
    rounds as they were known *then* (as of a past day: chronology_as_of.py) if given."""
    wanted: dict[EntryKind, list[int]] = defaultdict(list)
    for kind, record_id in keys:
        wanted[kind].append(record_id)
    told: dict[Key, ChronologyEntry] = {}
    for kind, builder in _BUILDERS.items():
        if wanted[kind]:
            entries = _rounds(session, wanted[kind], tz, then) \
                if kind is EntryKind.ROUND else builder(session, wanted[kind], tz)
            for entry in entries:
                told[(kind, entry.record_id)] = entry
    return [told[key] for key in keys if key in told]


def round_instant(window: ScheduledWindow) -> datetime | None:
    """When a round sorts: an exact round at its start; one announced by day, week or
    month like a dated event, at 12:00 UTC of its first day at the venue; None when its
    date is unknown (it sorts last)."""
    day = window.first_day()
    if window.start is not None and window.precision is not Precision.EXACT and day:
        return event_instant(day)
    return window.start


def _schedule(session: Session, round_: Round, then: KnownThen | None,
              ) -> tuple[ScheduledWindow, RoundStatus, Venue | None]:
    """The round's window, status and venue: as they are, or as they were known then."""
    known = then.rounds.get(round_.id) if then is not None else None
    if known is None:
        return round_.window, round_.status, round_.venue
    venue_id = known.state.venue_id
    venue = session.get(Venue, venue_id) if venue_id is not None else None
    return known.state.window, known.state.status, venue


def _rounds(session: Session, ids: list[int], tz: str,
            then: KnownThen | None = None) -> list[ChronologyEntry]:
    rounds = session.execute(
        select(Round).where(Round.id.in_(ids)).options(
            selectinload(Round.track), selectinload(Round.venue),
            selectinload(Round.participants).selectinload(RoundParticipant.party),
        )
    ).scalars()
    dependencies: dict[int, list[str]] = defaultdict(list)
    for dependency, factor_name in session.execute(
        select(Dependency, Factor.name).join(Factor, Factor.id == Dependency.factor_id)
        .where(Dependency.round_id.in_(ids)).order_by(Dependency.id)
    ):
        dependencies[dependency.round_id].append(
            say("depends on {factor} ({effect})").format(factor=factor_name,
                                                        effect=label_of(dependency.effect))
        )
    links = _links_of_rounds(session, ids, then.as_of.day if then else None)
    sources = sources_by_record(session, "round_id", ids)
    entries = []
    for round_ in rounds:
        window, status, venue = _schedule(session, round_, then)
        people = ", ".join(
            f"{p.party.name} ({label_of(p.role)})" if p.role.value != "party" else p.party.name
            for p in round_.participants
        )
        detail = say("{status} {format} round").format(
            status=label_of(status).capitalize(), format=label_of(round_.format))
        if round_.modality is not RoundModality.UNKNOWN:
            detail += f" ({label_of(round_.modality)})"
        detail += f", {round_.track.name}."
        if people:
            detail += " " + say("Participants: {names}.").format(names=people)
        if round_.agenda:
            detail += " " + say("Agenda: {agenda}").format(agenda=round_.agenda)
        when, day, told = round_instant(window), window.first_day(), window.describe()
        last = window.last_day()
        if window.start is not None and window.precision is Precision.EXACT:
            # An instant: on the reader's day and in their time, with the venue's beside it.
            day = window.start.astimezone(zone(tz)).date()
            last = replace(window, tz=tz).last_day()  # the same instants, read in *tz*
            if tz != window.tz:
                # "At the venue" only where the time is the venue's own: without a venue,
                # for a venue whose zone nobody gave (stored as UTC), or for a time given
                # in another zone, the zone is only the one the time was given in.
                at_venue = venue is not None and venue_zone_known(venue.time_zone) \
                    and venue.time_zone == window.tz
                beside = say("{here} ({there} at the venue)") if at_venue \
                    else say("{here} ({there} in the round's time zone)")
                told = beside.format(here=window.describe(tz), there=told)
        entries.append(ChronologyEntry(
            when=when, day=day, precision=window.precision,
            when_text=told,
            end_day=last if last is not None and last != day else None,
            kind=EntryKind.ROUND, record_id=round_.id, title=round_.title, detail=detail,
            place=venue.name if venue else say("venue unknown"),
            links=tuple(dependencies[round_.id] + links[round_.id]),
            sources=sources.get(round_.id, ()),
        ))
    return entries


def _readings(session: Session, ids: list[int], tz: str) -> list[ChronologyEntry]:
    readings = session.execute(
        select(FactorReading, Factor.name).join(Factor, Factor.id == FactorReading.factor_id)
        .where(FactorReading.id.in_(ids))
    )
    sources = sources_by_record(session, "factor_reading_id", ids)
    entries = []
    for reading, name in readings:
        local = reading.observed_at.astimezone(zone(tz))
        entries.append(ChronologyEntry(
            when=reading.observed_at, day=local.date(), precision=Precision.EXACT,
            when_text=_instant_text(local),
            kind=EntryKind.FACTOR_READING, record_id=reading.id,
            title=f"{name}: {label_of(reading.level)}, {label_of(reading.trend)}",
            detail=reading.note, place="", links=(), sources=sources.get(reading.id, ()),
        ))
    return entries


# What an event entry shows, in this order (``event_entry`` reads them by position).
EVENT_COLUMNS = tuple(getattr(BattlefieldEvent, name) for name in (
    "id", "event_date", "date_precision", "event_date_end", "event_type", "sub_event_type",
    "target_category", "summary", "fatalities", "injuries", "location", "admin1", "dataset",
    "external_id", "fatalities_low", "fatalities_high", "actor1", "actor2", "latitude",
    "longitude", "country", "record_status",
))
# A chronology tells every event it holds, but never one its source withdrew, or one that
# another dataset's version stands for, as if it were current (issue 17).
_STATUS_NOTES = {
    RecordStatus.WITHDRAWN.value: "withdrawn by its source: a newer release no longer has it",
    RecordStatus.MERGED.value: "the same event as another dataset's record, which is counted",
}


def _events(session: Session, ids: list[int], _tz: str) -> list[ChronologyEntry]:
    rows = session.execute(select(*EVENT_COLUMNS).where(BattlefieldEvent.id.in_(ids)))
    links = _event_links_from_event(session, ids)
    sources = sources_by_record(session, "event_id", ids)
    claims = stored_claims_by_event(session, ids)
    return [event_entry(row, tuple(links[row[0]]), sources.get(row[0], ()),
                        claims=tuple(claims.get(row[0], ()))) for row in rows]


def event_entry(
    row: Sequence[Any], links: tuple[str, ...], sources: tuple[str, ...],
    told: TimeTold | None = None, claims: tuple[ClaimRow, ...] = (),
) -> ChronologyEntry:
    """An event's entry from its ``EVENT_COLUMNS`` (plain values: an export tells a
    million of them, and building ORM objects would be most of its time). *told* is the
    event's time when the caller has it already (then the row's own day, precision and
    end may be the driver's raw values). *claims*: the claims recorded about it; where
    there are any, the detail lists them beside its dataset's, each with who claims it
    (issue 18)."""
    (event_id, day, precision, last_day, event_type, sub_event_type, target, summary,
     fatalities, injuries, location, admin1, dataset, external_id, low, high, actor1,
     actor2, latitude, longitude, country, status) = row
    counts = []
    if fatalities is not None:
        counts.append(say("{count} killed").format(count=fatalities))
    if injuries is not None:
        counts.append(say("{count} injured").format(count=injuries))
    detail = summary + (f" ({', '.join(counts)})" if counts else "")
    if claims:
        told_claims = (*dataset_figures(event_id, dataset, external_id, fatalities, low,
                                        high, injuries), *claims)
        detail = f"{detail} {claims_sentence(told_claims)}".strip()
    title = " / ".join(part for part in (event_type, sub_event_type) if part) or say("Event")
    if target and target != TargetCategory.UNKNOWN:  # the rules found nothing: say nothing
        title += f" [{say(target)}]"
    if status in _STATUS_NOTES:
        title = say("{title} (not counted)").format(title=title)
        detail = say("[{note}] {detail}").format(note=say(_STATUS_NOTES[status]),
                                                 detail=detail)
    place = f"{location}, {admin1}" if location and admin1 else location or admin1
    told = told or tell_time(day, precision, last_day, dataset)
    facts = EventFacts(
        time=told.time, dataset=dataset, external_id=external_id, event_type=event_type,
        sub_event_type=sub_event_type, target_category=target, actor1=actor1,
        actor2=actor2, location=location, admin1=admin1, latitude=latitude,
        longitude=longitude, fatalities=fatalities, fatalities_low=low,
        fatalities_high=high, injuries=injuries, country=country, record_status=status)
    return ChronologyEntry(
        when=told.when, day=told.day, precision=told.precision,
        when_text=told.text, kind=EntryKind.EVENT, record_id=event_id,
        title=title, detail=detail, place=place, links=links,
        sources=(*sources, f"dataset {dataset}, id {external_id}"), event=facts,
    )


@dataclass(frozen=True, slots=True)
class TimeTold:
    """An event's time worked out once: the day it is stored and sorted under (a span's
    first day; the middle of an ACLED week), its days as reported, its sort instant,
    precision and words."""

    day: date
    time: EventTime
    when: datetime
    precision: Precision
    text: str


def tell_time(day: date, precision: Precision, last_day: date | None,
              dataset: str) -> TimeTold:
    """The event's time as reported (EventTime): a span from its first day, a week from
    its first day (ACLED's middle-of-week dates moved back to it)."""
    time = EventTime.of(day, precision, last_day, midweek=dataset in MIDWEEK_DATASETS)
    return TimeTold(day, time, event_instant(day), precision, time.describe())


def _instant_text(local: datetime) -> str:
    return f"{day_words(local.date())} {local:%H:%M} {local.tzname()}"


def _links_of_rounds(session: Session, ids: list[int],
                     until: date | None = None) -> dict[int, list[str]]:
    """Links seen from rounds: 'event 28 Jan 2026 Kyiv (context)'; to the events
    reported up to day *until*, if given."""
    found: dict[int, list[str]] = defaultdict(list)
    query = (select(EventLink.round_id, EventLink.kind, BattlefieldEvent.event_date,
                    BattlefieldEvent.date_precision, BattlefieldEvent.event_date_end,
                    BattlefieldEvent.dataset, BattlefieldEvent.location,
                    BattlefieldEvent.record_status)
             .join(BattlefieldEvent, BattlefieldEvent.id == EventLink.event_id)
             .where(EventLink.round_id.in_(ids))
             .order_by(BattlefieldEvent.event_date, EventLink.id))
    if until is not None:
        query = query.where(BattlefieldEvent.event_date <= until)
    for round_id, kind, day, precision, last_day, dataset, location, status in \
            session.execute(query):
        assert round_id is not None  # filtered by the IN clause above
        place = f" {location}" if location else ""
        when = tell_time(day, precision, last_day, dataset).text
        told = say("event {when}{place} ({kind})").format(
            when=when, place=place, kind=label_of(kind))
        if status in _STATUS_NOTES:  # withdrawn or merged: as the event's own entry says
            told = say("{title} (not counted)").format(title=told)
        found[round_id].append(told)
    return found


def _event_links_from_event(session: Session, ids: list[int]) -> dict[int, list[str]]:
    found: dict[int, list[str]] = defaultdict(list)
    for link, round_title, factor_name in session.execute(
        select(EventLink, Round.title, Factor.name)
        .outerjoin(Round, Round.id == EventLink.round_id)
        .outerjoin(Factor, Factor.id == EventLink.factor_id)
        .where(EventLink.event_id.in_(ids))
        # A deleted round is hidden everywhere; its links come back with it on undo.
        .where(or_(EventLink.round_id.is_(None), Round.deleted_at.is_(None)))
        .order_by(EventLink.id)
    ):
        found[link.event_id].append(link_text(link.kind, link.note, round_title, factor_name))
    return found


def link_text(kind: LinkKind, note: str, round_title: str | None,
              factor_name: str | None) -> str:
    """A link seen from its event: 'round Trilateral talks (context): note'."""
    target = say("round {title}").format(title=round_title) if round_title \
        else say("factor {name}").format(name=factor_name)
    return f"{target} ({label_of(kind)})" + (f": {note}" if note else "")


_BUILDERS = {
    EntryKind.ROUND: _rounds,
    EntryKind.SCHEDULE_CHANGE: change_entries,
    EntryKind.FACTOR_READING: _readings,
    EntryKind.CLAIM: claim_entries,
    EntryKind.EVENT: _events,
}
