"""Load the sample scenario shipped in resources/sample/scenario.json.

The scenario is built from one news report (trilateral talks announced for "the coming
week" while strikes hit energy and transport). Its format is described by
resources/schemas/sample-scenario.schema.json: records refer to each other by local string
keys, dates are ISO strings, windows and instants are local wall times plus an IANA zone,
and every fact carries at least one citation. The loader refuses a scenario with an
uncited fact, so the sample never teaches the user that facts can go without a source.

Factors, readings, dependencies, seats and links go through their operations
(``new_factor``, ``new_reading``, ``new_dependency``, ``seat``, ``add_link``), so the
sample obeys the rules the user's own records do. The rest is inserted through the ORM
here, on purpose: a round is created as it was announced (its creation, first history
record and author dated and named as the news had them, its outcome filled in), which
``rounds.create_round``, recording the user's own entry now, does not do; parties,
people and tracks already typed in are reused by name; sources, venues and events are
reference lists and imported data, which no undoable operation writes.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from tracker import resources
from tracker.domain import enums
from tracker.domain.announcement import Announcement
from tracker.domain.claims import ClaimantKind, ClaimStatus
from tracker.domain.events import BattlefieldEvent
from tracker.domain.factors import Factor
from tracker.domain.negotiation import Party, Person, Round, ScheduleChange, Track, Venue
from tracker.domain.sources import Citation, Source
from tracker.domain.timewindow import ScheduledWindow, localize
from tracker.services.claims.claim_operations import ClaimDraft, add_claim
from tracker.services.common.outcome import Outcome
from tracker.services.events.link_operations import add_link
from tracker.services.events.linking import LinkSpec
from tracker.services.factors.factors import DependencySpec, ReadingDraft
from tracker.services.factors.operations import new_dependency, new_factor, new_reading
from tracker.services.rounds.participants import ParticipantSpec
from tracker.services.rounds.seating import seat

SCENARIO_RESOURCE = "sample/scenario.json"
SCHEMA_RESOURCE = "schemas/sample-scenario.schema.json"
FORMAT = "negotiation-tracker/sample-scenario"
VERSION = 1

Spec = dict[str, Any]
T = TypeVar("T")
Named = TypeVar("Named", Party, Person, Track)


@dataclass(frozen=True, slots=True)
class SampleSummary:
    """How many records of each main kind the sample added."""

    rounds: int
    factors: int
    events: int
    links: int
    sources: int


def is_empty(session: Session) -> bool:
    """True when the database holds no rounds, factors or events (deleted rounds count)."""
    return all(
        session.scalar(select(model.id).limit(1)) is None
        for model in (Round, Factor, BattlefieldEvent)
    )


def load_sample(session: Session, *, text: str | None = None,
                resource: str = SCENARIO_RESOURCE) -> SampleSummary:
    """Insert the sample scenario (or the scenario in *text*) through the ORM.

    The caller owns the transaction: nothing is committed here, and on any error the caller
    rolls back, so a half-loaded scenario never survives. Raises ValueError when the
    database already holds rounds, factors or events, or when the scenario is malformed.
    A scenario with data files (``data_files``) is built by ``sample_scenarios.build_sample``,
    which imports them first and then calls ``load_scenario``.
    """
    # Checked before anything is added, so a refused load leaves the session untouched.
    if not is_empty(session):
        raise ValueError(
            "The sample scenario can only be loaded into an empty database; this one "
            "already holds rounds, factors or events"
        )
    return load_scenario(session, read_scenario(resource, text))


def read_scenario(resource: str, text: str | None = None) -> Spec:
    """The scenario in *text*, or else in the resource *resource*, checked for its format."""
    data: Spec = json.loads(resources.read_text(resource) if text is None else text)
    if data.get("format") != FORMAT or data.get("version") != VERSION:
        raise ValueError(f"Not a version-{VERSION} sample scenario (format {FORMAT!r})")
    return data


def load_scenario(session: Session, data: Spec) -> SampleSummary:
    """Insert the records of a read scenario; its data files must be imported already
    (``linked_events`` name their events)."""
    try:
        return _Loader(session, data).load()
    except (KeyError, TypeError) as exc:
        raise ValueError(f"The sample scenario is malformed: missing or bad field {exc}") from exc


def _date(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def _instant(spec: Spec) -> datetime:
    return localize(datetime.fromisoformat(spec["local"]), spec["tz"])


def _announced(created: Spec) -> tuple[datetime, Announcement]:
    """When a round became known: an instant ("recorded_at"), or only the day
    ("announced_on", kept as a day: no hour is invented). The history record is taken to
    be entered then (00:00 UTC of that day for a day)."""
    if "announced_on" in created:
        announcement = Announcement.on_day(date.fromisoformat(created["announced_on"]))
        return announcement.at, announcement
    instant = _instant(created["recorded_at"])
    return instant, Announcement.at_instant(instant)


def _made(outcome: Outcome) -> int:
    """The id of the record an operation created (each here says which)."""
    if outcome.record_id is None:
        raise AssertionError(f"{outcome} names no record")
    return outcome.record_id


def _window(spec: Spec) -> ScheduledWindow:
    precision, tz = enums.Precision(spec["precision"]), spec["tz"]
    if precision is enums.Precision.EXACT:
        end = spec.get("end")
        return ScheduledWindow.exact(
            datetime.fromisoformat(spec["start"]),
            datetime.fromisoformat(end) if end else None, tz,
        )
    if precision is enums.Precision.DAY:
        return ScheduledWindow.days(date.fromisoformat(spec["date"]), tz, _date(spec.get("last")))
    if precision is enums.Precision.WEEK:
        return ScheduledWindow.week_of(date.fromisoformat(spec["date"]), tz)
    if precision is enums.Precision.MONTH:
        return ScheduledWindow.month_of(date.fromisoformat(spec["date"]), tz)
    return ScheduledWindow.unknown(tz)


class _Loader:
    """One load: key tables for cross references and the citations still to be written."""

    def __init__(self, session: Session, data: Spec) -> None:
        self.session = session
        self.data = data
        self.sources: dict[str, Source] = {}
        self.parties: dict[str, Party] = {}
        self.people: dict[str, Person] = {}
        self.venues: dict[str, Venue] = {}
        self.tracks: dict[str, Track] = {}
        self.factors: dict[str, int] = {}
        self.rounds: dict[str, Round] = {}
        # Citations need the cited row's id, known only after a flush; kept until the end.
        # A row made by an operation is kept by its id (an int), one added here as the row.
        self.pending: list[tuple[Any, str, Sequence[Spec]]] = []

    def load(self) -> SampleSummary:
        for spec in self.data["sources"]:
            self._keep(self.sources, spec, Source(
                outlet=spec["outlet"], title=spec["title"], url=spec["url"],
                published_on=_date(spec["published_on"]),
                accessed_on=_date(spec.get("accessed_on")),
                reliability=enums.Reliability(spec["reliability"]), note=spec.get("note", ""),
            ))
        for spec in self.data["parties"]:
            party = self._existing(Party, spec["name"]) or Party(
                name=spec["name"], short_name=spec.get("short_name", ""),
                kind=enums.PartyKind(spec["kind"]),
            )
            self._keep(self.parties, spec, party, "party_id")
        for spec in self.data["people"]:
            owner = _pick(self.parties, spec["party"], "party") if spec["party"] else None
            person = self._existing(Person, spec["name"]) or Person(
                name=spec["name"], role=spec["role"], party=owner)
            self._keep(self.people, spec, person, "person_id")
        for spec in self.data["venues"]:
            self._keep(self.venues, spec, Venue(
                name=spec["name"], city=spec.get("city", ""), country=spec.get("country", ""),
                latitude=spec.get("latitude"), longitude=spec.get("longitude"),
                time_zone=spec["time_zone"]), "venue_id")
        for spec in self.data["tracks"]:
            track = self._existing(Track, spec["name"]) or Track(
                name=spec["name"], description=spec.get("description", ""))
            self._keep(self.tracks, spec, track)
        self.session.flush()
        for spec in self.data["factors"]:
            factor_id = _made(new_factor(self.session, spec["name"],
                                         spec.get("description", "")))
            self._key(self.factors, spec, factor_id)
            self._cite(factor_id, "factor_id", spec)
            for reading in spec["readings"]:
                reading_id = _made(new_reading(self.session, factor_id, ReadingDraft(
                    _instant(reading["observed_at"]), enums.FactorLevel(reading["level"]),
                    enums.FactorTrend(reading["trend"]), reading.get("note", ""))))
                self._cite(reading_id, "factor_reading_id", reading)
        for spec in self.data["rounds"]:
            self._round(spec)
        links = sum(self._event(spec) for spec in self.data["events"])
        links += sum(self._linked(spec) for spec in self.data.get("linked_events", ()))
        self.session.flush()
        for row, column, specs in self.pending:
            for cited in specs:
                self.session.add(Citation(
                    source=_pick(self.sources, cited["source"], "source"),
                    detail=cited.get("detail", ""),
                    **{column: row if isinstance(row, int) else row.id}))
        self.session.flush()
        return SampleSummary(
            rounds=len(self.rounds), factors=len(self.factors),
            events=len(self.data["events"]), links=links, sources=len(self.sources),
        )

    def _round(self, spec: Spec) -> None:
        window = _window(spec["window"])
        venue = _pick(self.venues, spec["venue"], "venue") if spec["venue"] else None
        created = spec["created"]
        announced, announcement = _announced(created)
        status = enums.RoundStatus(spec["status"])
        # created_at is the announcement, not the load time, so the chronology reads as news.
        round_ = Round(
            track=_pick(self.tracks, spec["track"], "track"), title=spec["title"],
            format=enums.RoundFormat(spec["format"]), status=status, venue=venue,
            agenda=spec.get("agenda", ""), outcome=spec.get("outcome", ""),
            created_at=announced, updated_at=announced,
        )
        round_.window = window
        self._keep(self.rounds, spec, round_, "round_id")
        self.session.flush()
        for member in spec["participants"]:
            person = _pick(self.people, member["person"], "person") if member.get("person") \
                else None
            seat(self.session, ParticipantSpec(
                round_.id, _pick(self.parties, member["party"], "party").id,
                enums.ParticipantRole(member["role"]), person.id if person else None,
                member.get("note", "")))
        # The first history record: the round's whole state appears, nothing came before.
        change = ScheduleChange(
            round_id=round_.id, kind=enums.ChangeKind.CREATED, recorded_at=announced,
            announced_at=announcement.at, announced_precision=announcement.precision,
            recorded_by=self.data["recorded_by"], reason=created["reason"],
            source_id=_pick(self.sources, created["source"], "source").id,
            new_precision=window.precision, new_tz=window.tz, new_start=window.start,
            new_end=window.end, new_venue_id=venue.id if venue else None, new_status=status,
        )
        self.session.add(change)
        self._cite(change, "schedule_change_id", created)
        for dep in spec["dependencies"]:
            dependency_id = _made(new_dependency(self.session, DependencySpec(
                round_.id, _pick(self.factors, dep["factor"], "factor"),
                enums.DependencyEffect(dep["effect"]), dep.get("note", ""))))
            self._cite(dependency_id, "dependency_id", dep)

    def _event(self, spec: Spec) -> int:
        fields = ("event_type", "sub_event_type", "target_category", "actor1", "actor2",
                  "admin1", "admin2", "location", "summary")
        event = BattlefieldEvent(
            dataset=self.data["dataset"], external_id=spec["external_id"],
            event_date=date.fromisoformat(spec["event_date"]),
            date_precision=enums.Precision(spec["date_precision"]),
            latitude=spec.get("latitude"), longitude=spec.get("longitude"),
            fatalities=spec.get("fatalities"), injuries=spec.get("injuries"),
            **{name: spec.get(name, "") for name in fields},
        )
        self.session.add(event)
        self._cite(event, "event_id", spec)
        self.session.flush()
        for claim in spec.get("claims", ()):
            _made(add_claim(self.session, ClaimDraft(
                measure=claim["measure"], claimant=claim["claimant"], best=claim.get("best"),
                low=claim.get("low"), high=claim.get("high"), event_id=event.id,
                claimant_kind=claim.get("claimant_kind", ClaimantKind.OTHER.value),
                source_id=_pick(self.sources, claim["source"], "source").id,
                status=claim.get("status", ClaimStatus.CLAIMED.value),
                note=claim.get("note", ""))))
        self._links(event.id, spec["key"], spec["links"])
        return len(spec["links"])

    def _linked(self, spec: Spec) -> int:
        """Links from an event of an imported data file, found by dataset and id."""
        event_id = self.session.scalar(select(BattlefieldEvent.id).where(
            BattlefieldEvent.dataset == spec["dataset"],
            BattlefieldEvent.external_id == spec["external_id"]))
        if event_id is None:
            raise ValueError(f"The sample scenario links {spec['dataset']} event "
                             f"{spec['external_id']!r}, which its data files do not hold")
        self._links(event_id, spec["external_id"], spec["links"])
        return len(spec["links"])

    def _links(self, event_id: int, name: str, links: Sequence[Spec]) -> None:
        for link in links:
            if ("round" in link) == ("factor" in link):
                raise ValueError(f"Event {name!r}: a link names a round or a factor")
            link_id = _made(add_link(self.session, LinkSpec(
                event_id,
                _pick(self.rounds, link["round"], "round").id if "round" in link else None,
                _pick(self.factors, link["factor"], "factor") if "factor" in link else None,
                enums.LinkKind(link["kind"]), link.get("note", ""))))
            self._cite(link_id, "event_link_id", link)

    def _keep(self, table: dict[str, T], spec: Spec, row: T, cite_as: str = "") -> None:
        self._key(table, spec, row)
        self.session.add(row)
        if cite_as:
            self._cite(row, cite_as, spec)

    def _key(self, table: dict[str, T], spec: Spec, row: T) -> None:
        key = spec["key"]
        if key in table:
            raise ValueError(f"The sample scenario uses the key {key!r} twice")
        table[key] = row

    def _cite(self, row: Any, column: str, spec: Spec) -> None:
        citations = spec.get("citations") or []
        if not citations:
            raise ValueError(f"Sample scenario fact without a source: {column} in {spec}")
        self.pending.append((row, column, citations))

    def _existing(self, model: type[Named], name: str) -> Named | None:
        # Reuse what the user already typed in (party and track names are unique), so the
        # sample can join a database that has reference lists but no rounds yet.
        return self.session.scalar(select(model).where(model.name == name).limit(1))


def _pick(table: dict[str, T], key: str, what: str) -> T:
    try:
        return table[key]
    except KeyError:
        raise ValueError(f"The sample scenario names an unknown {what} {key!r}") from None
