"""The sample scenario: what it loads, that every fact is sourced, and its file format."""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from tracker import resources
from tracker.domain import enums
from tracker.domain.announcement import Announcement
from tracker.domain.base import Base
from tracker.domain.events import BattlefieldEvent, EventLink
from tracker.domain.factors import Dependency, Factor, FactorReading
from tracker.domain.negotiation import Party, Person, Round, ScheduleChange
from tracker.domain.sources import Citation, Source
from tracker.services.common.sample import (
    SCENARIO_RESOURCE,
    SCHEMA_RESOURCE,
    SampleSummary,
    is_empty,
    load_sample,
)
from tracker.storage.database import Database, open_database

MAIN_TITLE = "Trilateral talks announced for the coming week"
ANNOUNCED_UTC = datetime(2026, 1, 31, 10, 0, tzinfo=UTC)  # 12:00 in Kyiv (UTC+2 in winter)
# The article gives its day, no time: the rounds are announced on that day, and their
# creation taken to be entered at its start (services/common/sample._announced).
ANNOUNCED_DAY = date(2026, 1, 31)


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = open_database(tmp_path / "sample.sqlite")
    yield database
    database.close()


@pytest.fixture
def loaded(db: Database) -> Database:
    with db.transaction() as session:
        load_sample(session)
    return db


@pytest.fixture
def scenario() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(resources.read_text(SCENARIO_RESOURCE))
    return data


def _row_counts(session: Session) -> dict[str, int]:
    return {
        table.name: session.execute(select(func.count()).select_from(table)).scalar_one()
        for table in Base.metadata.sorted_tables
    }


def _main_round(session: Session) -> Round:
    return session.execute(select(Round).where(Round.title == MAIN_TITLE)).scalar_one()


def test_loading_into_a_fresh_database_adds_the_expected_records(db: Database) -> None:
    with db.transaction() as session:
        assert is_empty(session)
        summary = load_sample(session)
    assert summary == SampleSummary(rounds=2, factors=3, events=7, links=12, sources=3)
    with db.reading() as session:
        counts = _row_counts(session)
        assert not is_empty(session)
    assert counts["round"] == 2
    assert counts["factor"] == 3
    assert counts["factor_reading"] == 3
    assert counts["battlefield_event"] == 7
    assert counts["event_link"] == 12
    assert counts["source"] == 3
    assert counts["dependency"] == 3
    assert counts["schedule_change"] == 2
    assert counts["party"] == 5
    assert counts["person"] == 2
    assert counts["round_participant"] == 6
    assert counts["venue"] == 0


@pytest.mark.parametrize(
    ("model", "column"),
    [
        (Round, Citation.round_id), (ScheduleChange, Citation.schedule_change_id),
        (Factor, Citation.factor_id), (FactorReading, Citation.factor_reading_id),
        (Dependency, Citation.dependency_id), (BattlefieldEvent, Citation.event_id),
        (EventLink, Citation.event_link_id), (Party, Citation.party_id),
        (Person, Citation.person_id),
    ],
)
def test_every_fact_cites_a_source(loaded: Database, model: Any, column: Any) -> None:
    with loaded.reading() as session:
        total = session.execute(select(func.count(model.id))).scalar_one()
        uncited = session.execute(
            select(model.id).where(model.id.not_in(select(column).where(column.is_not(None))))
        ).scalars().all()
    assert total > 0
    assert uncited == []


def test_main_round_is_scheduled_for_the_iso_week_with_no_venue(loaded: Database) -> None:
    with loaded.reading() as session:
        main = _main_round(session)
        window = main.window
        assert main.status is enums.RoundStatus.SCHEDULED
        assert main.format is enums.RoundFormat.TRILATERAL
        assert main.venue_id is None
        assert main.track.name == "US-brokered trilateral talks"
        roles = {(p.party.name, p.role, p.person_id) for p in main.participants}
    assert window.precision is enums.Precision.WEEK
    assert window.tz == "Europe/Kyiv"
    assert window.start == datetime(2026, 2, 1, 22, 0, tzinfo=UTC)
    assert window.local_start() == datetime(2026, 2, 2, tzinfo=ZoneInfo("Europe/Kyiv"))
    assert window.end == window.start + timedelta(days=7)
    assert (window.first_day(), window.last_day()) == (date(2026, 2, 2), date(2026, 2, 8))
    assert roles == {
        ("Ukraine", enums.ParticipantRole.PARTY, None),
        ("Russia", enums.ParticipantRole.PARTY, None),
        ("United States", enums.ParticipantRole.MEDIATOR, None),
    }


def test_creation_is_recorded_at_the_announcement(loaded: Database) -> None:
    with loaded.reading() as session:
        main = _main_round(session)
        (change,) = main.changes
        article = session.execute(
            select(Source).where(Source.outlet == "Seed news report (wire summary)")
        ).scalar_one()
        assert change.kind is enums.ChangeKind.CREATED
        assert change.announced == Announcement.on_day(ANNOUNCED_DAY)
        assert change.recorded_at == main.created_at == datetime(2026, 1, 31, tzinfo=UTC)
        assert change.recorded_by == "sample scenario"
        assert change.source_id == article.id
        assert change.old_window is None
        assert change.old_status is None and change.old_venue_id is None
        assert change.new_window == main.window
        assert change.new_status is enums.RoundStatus.SCHEDULED
        assert change.new_venue_id is None


def test_dependencies_and_readings(loaded: Database) -> None:
    with loaded.reading() as session:
        main = _main_round(session)
        effects = set(session.execute(
            select(Factor.name, Dependency.effect)
            .join(Dependency, Dependency.factor_id == Factor.id)
            .where(Dependency.round_id == main.id)
        ).all())
        tension = session.execute(
            select(Factor).where(Factor.name == "U.S.–Iran tensions")
        ).scalar_one()
        (reading,) = tension.readings
        assert reading.observed_at == ANNOUNCED_UTC
        assert (reading.level, reading.trend) == (
            enums.FactorLevel.HIGH, enums.FactorTrend.RISING)
    assert effects == {
        ("U.S.–Iran tensions", enums.DependencyEffect.MAY_POSTPONE),
        ("U.S.–Iran tensions", enums.DependencyEffect.MAY_RELOCATE),
        ("Winter grid collapse", enums.DependencyEffect.LEVERAGE),
    }


def test_events_keep_unknowns_as_null(loaded: Database) -> None:
    with loaded.reading() as session:
        events = {
            e.external_id: e for e in session.execute(
                select(BattlefieldEvent).where(BattlefieldEvent.dataset == "sample")
            ).scalars()
        }
        links_to_main = session.execute(
            select(func.count()).select_from(EventLink)
            .where(EventLink.round_id == _main_round(session).id,
                   EventLink.kind == enums.LinkKind.ESCALATION)
        ).scalar_one()
    maternity = events["SAMPLE-001"]
    assert (maternity.injuries, maternity.fatalities) == (6, None)
    assert maternity.target_category == "medical"
    assert maternity.latitude == pytest.approx(47.84)
    assert all(e.event_date <= date(2026, 1, 31) for e in events.values())
    energy = [e for e in events.values() if e.target_category == "energy"]
    assert len(energy) == 2
    assert all(e.latitude is None and e.location == "" for e in energy)
    assert links_to_main == 7


def test_loading_twice_is_refused_and_changes_nothing(loaded: Database) -> None:
    with loaded.reading() as session:
        before = _row_counts(session)
    with pytest.raises(ValueError, match="empty database"), loaded.transaction() as session:
        load_sample(session)
    with loaded.reading() as session:
        assert _row_counts(session) == before


def test_existing_parties_are_reused(db: Database) -> None:
    with db.transaction() as session:
        session.add(Party(name="Ukraine", kind=enums.PartyKind.STATE))
    with db.transaction() as session:
        assert is_empty(session)
        load_sample(session)
    with db.reading() as session:
        assert session.execute(
            select(func.count()).where(Party.name == "Ukraine")
        ).scalar_one() == 1


def test_an_uncited_fact_is_refused(db: Database, scenario: dict[str, Any]) -> None:
    scenario["events"][0]["citations"] = []
    with pytest.raises(ValueError, match="without a source"), db.transaction() as session:
        load_sample(session, text=json.dumps(scenario))
    with db.reading() as session:
        assert is_empty(session)


def test_an_unknown_reference_is_refused(db: Database, scenario: dict[str, Any]) -> None:
    scenario["rounds"][1]["dependencies"][0]["factor"] = "no-such-factor"
    with pytest.raises(ValueError, match="no-such-factor"), db.transaction() as session:
        load_sample(session, text=json.dumps(scenario))


@pytest.mark.parametrize(
    ("window", "start", "end"),
    [
        ({"precision": "exact", "tz": "Europe/Kyiv", "start": "2026-02-05T10:00",
          "end": "2026-02-05T18:00"},
         datetime(2026, 2, 5, 8, tzinfo=UTC), datetime(2026, 2, 5, 16, tzinfo=UTC)),
        ({"precision": "day", "tz": "Europe/Kyiv", "date": "2026-02-05", "last": "2026-02-06"},
         datetime(2026, 2, 4, 22, tzinfo=UTC), datetime(2026, 2, 6, 22, tzinfo=UTC)),
        ({"precision": "month", "tz": "UTC", "date": "2026-01-15"},
         datetime(2026, 1, 1, tzinfo=UTC), datetime(2026, 2, 1, tzinfo=UTC)),
        ({"precision": "unknown", "tz": "Europe/Kyiv"}, None, None),
    ],
)
def test_window_precisions_convert_to_utc(
    db: Database, scenario: dict[str, Any], window: dict[str, str],
    start: datetime | None, end: datetime | None,
) -> None:
    scenario["rounds"][1]["window"] = window
    with db.transaction() as session:
        load_sample(session, text=json.dumps(scenario))
    with db.reading() as session:
        loaded_window = _main_round(session).window
    assert loaded_window.precision.value == window["precision"]
    assert (loaded_window.start, loaded_window.end) == (start, end)


# -- the file format -----------------------------------------------------------------------

ENUM_FIELDS: dict[str, dict[str, type[enums.StrEnum]]] = {
    "sources": {"reliability": enums.Reliability},
    "parties": {"kind": enums.PartyKind},
    "factors.readings": {"level": enums.FactorLevel, "trend": enums.FactorTrend},
    "rounds": {"format": enums.RoundFormat, "status": enums.RoundStatus},
    "rounds.participants": {"role": enums.ParticipantRole},
    "rounds.dependencies": {"effect": enums.DependencyEffect},
    "rounds.window": {"precision": enums.Precision},
    "events": {"date_precision": enums.Precision, "target_category": enums.TargetCategory},
    "events.links": {"kind": enums.LinkKind},
}


def _records(data: dict[str, Any], path: str) -> list[dict[str, Any]]:
    """The records at a dotted path such as 'rounds.participants', flattened."""
    records = [data]
    for part in path.split("."):
        found: list[dict[str, Any]] = []
        for record in records:
            value = record[part]
            found.extend(value if isinstance(value, list) else [value])
        records = found
    return records


@pytest.mark.parametrize("path", sorted(ENUM_FIELDS))
def test_enum_values_in_the_file_are_valid(scenario: dict[str, Any], path: str) -> None:
    records = _records(scenario, path)
    assert records
    for record in records:
        for field, enum_cls in ENUM_FIELDS[path].items():
            enum_cls(record[field])  # raises ValueError on a value the enum does not know


def test_the_file_has_the_keys_the_schema_requires(scenario: dict[str, Any]) -> None:
    # jsonschema is not a dependency; this checks required and allowed keys per record kind.
    schema = json.loads(resources.read_text(SCHEMA_RESOURCE))
    defs = schema["$defs"]
    kinds = {
        "": schema, "sources": defs["source"], "parties": defs["party"],
        "people": defs["person"], "tracks": defs["track"], "factors": defs["factor"],
        "factors.readings": defs["reading"], "rounds": defs["round"],
        "rounds.participants": defs["participant"], "rounds.created": defs["created"],
        "rounds.dependencies": defs["dependency"], "events": defs["event"],
        "events.links": defs["link"],
    }
    for path, definition in kinds.items():
        records = _records(scenario, path) if path else [scenario]
        assert records, path
        for record in records:
            assert set(definition["required"]) <= record.keys(), (path, record.get("key"))
            assert record.keys() <= definition["properties"].keys(), (path, record.get("key"))
            for citation in record.get("citations", [None]):
                if citation is not None:
                    assert set(citation) == {"source", "detail"}


def test_the_file_validates_against_the_schema(scenario: dict[str, Any]) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(resources.read_text(SCHEMA_RESOURCE))
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.Draft202012Validator(schema).validate(scenario)
    broken = copy.deepcopy(scenario)
    broken["events"][0]["citations"] = []
    assert not jsonschema.Draft202012Validator(schema).is_valid(broken)


def test_keys_are_unique_and_citations_resolve(scenario: dict[str, Any]) -> None:
    sources = {s["key"] for s in scenario["sources"]}
    for section in ("sources", "parties", "people", "tracks", "factors", "rounds", "events"):
        keys = [record["key"] for record in scenario[section]]
        assert len(keys) == len(set(keys)), section
    cited = {
        c["source"] for path in ENUM_FIELDS.keys() | {"people", "factors", "rounds.created"}
        for record in _records(scenario, path) for c in record.get("citations", [])
    }
    assert cited <= sources
