"""Load the sample scenario shipped in resources/sample/scenario.json.

The scenario is built from one news report (trilateral talks announced for "the coming
week" while strikes hit energy and transport). Its format is described by
resources/schemas/sample-scenario.schema.json: records refer to each other by local string
keys, dates are ISO strings, windows and instants are local wall times plus an IANA zone,
and every fact carries at least one citation. The loader refuses a scenario with an
uncited fact, so the sample never teaches the user that facts can go without a source.
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
from tracker.domain.events import BattlefieldEvent, EventLink
from tracker.domain.factors import Dependency, Factor, FactorReading
from tracker.domain.negotiation import (
    Party,
    Person,
    Round,
    RoundParticipant,
    ScheduleChange,
    Track,
    Venue,
)
from tracker.domain.sources import Citation, Source
from tracker.domain.timewindow import ScheduledWindow, localize

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


def load_sample(session: Session, *, text: str | None = None) -> SampleSummary:
    """Insert the sample scenario (or the scenario in *text*) through the ORM.

    The caller owns the transaction: nothing is committed here, and on any error the caller
    rolls back, so a half-loaded scenario never survives. Raises ValueError when the
    database already holds rounds, factors or events, or when the scenario is malformed.
    """
    # Checked before anything is added, so a refused load leaves the session untouched.
    if not is_empty(session):
        raise ValueError(
            "The sample scenario can only be loaded into an empty database; this one "
            "already holds rounds, factors or events"
        )
    data = json.loads(resources.read_text(SCENARIO_RESOURCE) if text is None else text)
    if data.get("format") != FORMAT or data.get("version") != VERSION:
        raise ValueError(f"Not a version-{VERSION} sample scenario (format {FORMAT!r})")
    try:
        return _Loader(session, data).load()
    except (KeyError, TypeError) as exc:
        raise ValueError(f"The sample scenario is malformed: missing or bad field {exc}") from exc


def _date(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def _instant(spec: Spec) -> datetime:
    return localize(datetime.fromisoformat(spec["local"]), spec["tz"])


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
        self.factors: dict[str, Factor] = {}
        self.rounds: dict[str, Round] = {}
        # Citations need the cited row's id, known only after a flush; kept until the end.
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
        for spec in self.data["factors"]:
            factor = Factor(name=spec["name"], description=spec.get("description", ""))
            self._keep(self.factors, spec, factor, "factor_id")
            for reading in spec["readings"]:
                row = FactorReading(
                    observed_at=_instant(reading["observed_at"]),
                    level=enums.FactorLevel(reading["level"]),
                    trend=enums.FactorTrend(reading["trend"]), note=reading.get("note", ""))
                factor.readings.append(row)
                self._cite(row, "factor_reading_id", reading)
        self.session.flush()
        for spec in self.data["rounds"]:
            self._round(spec)
        links = sum(self._event(spec) for spec in self.data["events"])
        self.session.flush()
        for row, column, specs in self.pending:
            for cited in specs:
                self.session.add(Citation(
                    source=_pick(self.sources, cited["source"], "source"),
                    detail=cited.get("detail", ""), **{column: row.id}))
        self.session.flush()
        return SampleSummary(
            rounds=len(self.rounds), factors=len(self.factors),
            events=len(self.data["events"]), links=links, sources=len(self.sources),
        )

    def _round(self, spec: Spec) -> None:
        window = _window(spec["window"])
        venue = _pick(self.venues, spec["venue"], "venue") if spec["venue"] else None
        created = spec["created"]
        announced = _instant(created["recorded_at"])
        status = enums.RoundStatus(spec["status"])
        # created_at is the announcement, not the load time, so the chronology reads as news.
        round_ = Round(
            track=_pick(self.tracks, spec["track"], "track"), title=spec["title"],
            format=enums.RoundFormat(spec["format"]), status=status, venue=venue,
            agenda=spec.get("agenda", ""), outcome=spec.get("outcome", ""),
            created_at=announced, updated_at=announced,
        )
        round_.window = window
        for member in spec["participants"]:
            round_.participants.append(RoundParticipant(
                party=_pick(self.parties, member["party"], "party"),
                person=_pick(self.people, member["person"], "person") if member.get("person")
                else None,
                role=enums.ParticipantRole(member["role"]), note=member.get("note", "")))
        self._keep(self.rounds, spec, round_, "round_id")
        self.session.flush()
        # The first history record: the round's whole state appears, nothing came before.
        change = ScheduleChange(
            round_id=round_.id, kind=enums.ChangeKind.CREATED, recorded_at=announced,
            recorded_by=self.data["recorded_by"], reason=created["reason"],
            source_id=_pick(self.sources, created["source"], "source").id,
            new_precision=window.precision, new_tz=window.tz, new_start=window.start,
            new_end=window.end, new_venue_id=venue.id if venue else None, new_status=status,
        )
        self.session.add(change)
        self._cite(change, "schedule_change_id", created)
        for dep in spec["dependencies"]:
            row = Dependency(
                round_id=round_.id, factor=_pick(self.factors, dep["factor"], "factor"),
                effect=enums.DependencyEffect(dep["effect"]), note=dep.get("note", ""))
            self.session.add(row)
            self._cite(row, "dependency_id", dep)

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
        for link in spec["links"]:
            if ("round" in link) == ("factor" in link):
                raise ValueError(f"Event {spec['key']!r}: a link names a round or a factor")
            row = EventLink(
                event_id=event.id, kind=enums.LinkKind(link["kind"]), note=link.get("note", ""),
                round_id=_pick(self.rounds, link["round"], "round").id if "round" in link
                else None,
                factor_id=_pick(self.factors, link["factor"], "factor").id if "factor" in link
                else None,
            )
            self.session.add(row)
            self._cite(row, "event_link_id", link)
        return len(spec["links"])

    def _keep(self, table: dict[str, T], spec: Spec, row: T, cite_as: str = "") -> None:
        key = spec["key"]
        if key in table:
            raise ValueError(f"The sample scenario uses the key {key!r} twice")
        table[key] = row
        self.session.add(row)
        if cite_as:
            self._cite(row, cite_as, spec)

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
