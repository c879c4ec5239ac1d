"""The historical sample (2022): it builds, each fact has a source, the UCDP file it lies
over is the real one, and the Analysis finds days to count."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from tracker import resources
from tracker.cli import main
from tracker.domain import enums
from tracker.domain.events import BattlefieldEvent, EventLink
from tracker.domain.factors import Dependency, Factor, FactorReading
from tracker.domain.negotiation import Party, Person, Round, ScheduleChange, Venue
from tracker.domain.sources import Citation, Source
from tracker.io.ucdp_layout import DATASET as UCDP
from tracker.io.ucdp_layout import STANDARD_HEADER
from tracker.services.analysis.analysis import Phase, analyse
from tracker.services.common import sample_scenarios
from tracker.services.common.sample import SCHEMA_RESOURCE
from tracker.services.common.sample_scenarios import (
    SCENARIOS,
    SampleScenario,
    build_sample,
    build_sample_file,
)
from tracker.storage.database import Database, open_database

INFO = SCENARIOS[SampleScenario.TALKS_2022]
UCDP_RESOURCE = "sample/ucdp_ukraine_2022.csv"
UCDP_RECORDS = 536  # the records of 2022 in the shared file (its SOURCES.md)


@pytest.fixture(scope="module")
def scenario() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(resources.read_text(INFO.resource))
    return data


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    """Built once for the module: the tests below only read it."""
    path = tmp_path_factory.mktemp("sample") / INFO.file_name
    build_sample_file(path, SampleScenario.TALKS_2022)
    db = open_database(path, create=False)
    yield db
    db.close()


def test_it_builds_into_a_new_file_with_rounds_venues_and_the_ucdp_events(
        tmp_path: Path, scenario: dict[str, Any]) -> None:
    path = tmp_path / "sample-2022.db"
    summary = build_sample_file(path, SampleScenario.TALKS_2022)
    assert summary.rounds == len(scenario["rounds"]) == 7
    assert summary.events == len(scenario["events"]) + UCDP_RECORDS
    assert summary.sources == len(scenario["sources"])
    assert sorted(item.name for item in tmp_path.iterdir()) == ["sample-2022.db"]
    db = open_database(path, create=False)
    try:
        with db.reading() as session:
            venues = {venue.name: venue.time_zone for venue in session.scalars(select(Venue))}
            ucdp = session.scalar(select(func.count()).where(BattlefieldEvent.dataset == UCDP))
            istanbul = session.scalars(select(Round).where(Round.title.like("Istanbul%"))).one()
            medinsky = {p.person.name for p in istanbul.participants if p.person}
    finally:
        db.close()
    assert venues["Dolmabahçe Palace"] == "Europe/Istanbul"
    assert venues["Belovezhskaya Pushcha"] == "Europe/Minsk"
    assert ucdp == UCDP_RECORDS
    assert istanbul.window.precision is enums.Precision.DAY
    assert istanbul.window.tz == "Europe/Istanbul"
    assert medinsky == {"Vladimir Medinsky", "David Arakhamia", "Recep Tayyip Erdoğan"}


@pytest.mark.parametrize(
    ("model", "column"),
    [
        (Round, Citation.round_id), (ScheduleChange, Citation.schedule_change_id),
        (Factor, Citation.factor_id), (FactorReading, Citation.factor_reading_id),
        (Dependency, Citation.dependency_id), (EventLink, Citation.event_link_id),
        (Party, Citation.party_id), (Person, Citation.person_id), (Venue, Citation.venue_id),
    ],
)
def test_every_fact_of_the_scenario_cites_a_source(built: Database, model: Any,
                                                   column: Any) -> None:
    with built.reading() as session:
        total = session.scalar(select(func.count(model.id)))
        uncited = session.scalars(select(model.id).where(
            model.id.not_in(select(column).where(column.is_not(None))))).all()
    assert total
    assert uncited == []


def test_the_scenarios_own_events_cite_a_source_and_ucdps_carry_their_own(
        built: Database, scenario: dict[str, Any]) -> None:
    with built.reading() as session:
        own = session.scalars(select(BattlefieldEvent.id).where(
            BattlefieldEvent.dataset == scenario["dataset"])).all()
        cited = set(session.scalars(select(Citation.event_id).where(
            Citation.event_id.is_not(None))))
        headlines = session.scalars(select(BattlefieldEvent.summary).where(
            BattlefieldEvent.dataset == UCDP)).all()
    assert len(own) == len(scenario["events"])
    assert set(own) <= cited
    assert all(headlines)  # UCDP's own source headline stands for its source


def test_each_source_names_outlet_and_day_and_quotes_no_unchecked_headline(
        built: Database) -> None:
    with built.reading() as session:
        sources = session.scalars(select(Source)).all()
    for source in sources:
        assert source.outlet and source.published_on, source.outlet
        # Written offline: an address is given only where it was certain, and then whole.
        assert source.url == "" or source.url.startswith("https://"), source.url
        assert source.url or "No URL" in source.note
        # A report not checked against its page is never quoted as a headline: it is
        # named by outlet and day, marked unverified, and its note says what it said.
        if not source.url:
            assert source.title == "" and source.reliability.value == "unverified"
            assert "find the report before citing it" in source.note


def test_the_scenario_validates_against_the_schema(scenario: dict[str, Any]) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(resources.read_text(SCHEMA_RESOURCE))
    jsonschema.Draft202012Validator(schema).validate(scenario)


def test_the_ucdp_file_is_the_real_2022_records_in_their_own_encoding() -> None:
    raw = resources.read_bytes(UCDP_RESOURCE)
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")  # kept as UCDP's file came: Windows-1252
    rows = list(csv.reader(io.StringIO(raw.decode("cp1252"), newline="")))
    assert rows[0] == STANDARD_HEADER
    records = rows[1:]
    assert len(records) == UCDP_RECORDS
    assert {record[2] for record in records} == {"2022"}
    readme = resources.read_text("sample/README.md")
    assert "CC BY 4.0" in readme and "Uppsala Conflict Data Program" in readme


def test_the_analysis_counts_days_around_the_rounds(built: Database) -> None:
    with built.reading() as session:
        rows = analyse(session).rows
    by_round = {(row.anchor.label, row.phase): row for row in rows}
    istanbul = by_round["Istanbul round, Dolmabahçe Palace", Phase.DURING]
    assert istanbul.events == 1  # the strike on Mykolaiv's administration that day
    exchange = [row for (label, _phase), row in by_round.items()
                if label.startswith("Prisoner exchange")]
    # UCDP's day-dated records of September 2022, with their death tolls.
    assert all(row.events > 0 and row.fatalities > 0 for row in exchange)
    # The long records (24 Feb – September) are never counted on a day, only apart.
    first = by_round["First round, Belarus–Ukraine border", Phase.BEFORE]
    assert first.events == 0 and first.imprecise > 0


def test_linked_ucdp_records_are_found_by_their_ids(built: Database,
                                                    scenario: dict[str, Any]) -> None:
    wanted = {spec["external_id"] for spec in scenario["linked_events"]}
    with built.reading() as session:
        linked = set(session.scalars(
            select(BattlefieldEvent.external_id).join(EventLink)
            .where(BattlefieldEvent.dataset == UCDP)))
    assert linked == wanted


def test_a_failed_build_leaves_no_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*_args: Any) -> Any:
        raise ValueError("broken scenario")

    monkeypatch.setattr(sample_scenarios, "load_scenario", broken)
    path = tmp_path / "sample-2022.db"
    with pytest.raises(ValueError, match="broken scenario"):
        build_sample_file(path, SampleScenario.TALKS_2022)
    assert list(tmp_path.iterdir()) == []


def test_build_refuses_a_database_with_data(built: Database) -> None:
    with pytest.raises(ValueError, match="empty database"):
        build_sample(built, SampleScenario.TALKS_2022)


def test_the_command_writes_the_chosen_scenario(tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "history.db"
    assert main(["sample", "--db", str(path), "--scenario", "2022"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"Sample scenario written to {path}: 7 rounds, 3 factors, "
                          f"{5 + UCDP_RECORDS} events")
    assert out.rstrip().endswith("(scenario 2022)")
    assert main(["sample", "--db", str(path), "--scenario", "2022"]) == 2
