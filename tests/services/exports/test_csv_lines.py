"""The CSV export's fast path (events written from lines SQLite assembled, issue 19) gives
the same bytes as the general path (every entry told, then written by csv.writer)."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date

import pytest
from sqlalchemy import func, select, update

from tests.conftest import REAL_DATA
from tests.services.scenario import add_events
from tracker.domain.chronology import ChronologyEntry
from tracker.domain.enums import Precision
from tracker.domain.events import BattlefieldEvent
from tracker.io.chronology_csv import (
    FOR_DATA_TOOLS,
    FOR_SPREADSHEETS,
    CsvBlock,
    CsvRows,
    CsvStyle,
)
from tracker.services.chronology.chronology import chronology_scope
from tracker.services.claims.claim_operations import ClaimDraft, add_claim
from tracker.services.exports import csv_cells, csv_lines
from tracker.services.exports.csv_lines import csv_chronology, write_chronology_csv
from tracker.services.imports.importing import ImportFormat, import_events
from tracker.services.rounds.as_of import AsOf
from tracker.storage.counted_events import RecordStatus
from tracker.storage.database import Database

UCDP = REAL_DATA / "ucdp_ged_ukraine_2014-2023_ged221+candidate_excel_cp1252.csv"


@dataclass(frozen=True)
class Scope:
    date_from: date | None = None
    date_to: date | None = None
    tz: str = "UTC"
    corrections: bool = False
    as_of: AsOf | None = None


STYLES = [FOR_SPREADSHEETS, FOR_DATA_TOOLS, CsvStyle(bom=False)]
# Cells that csv.writer quotes, that spreadsheets would run, or both; a withdrawn event,
# and one with a target category of the database's own.
AWKWARD = [
    {"event_date": date(2022, 3, 1), "event_type": "=cmd|' /C calc'!A0",
     "sub_event_type": "", "location": "-Kharkiv", "admin1": "",
     "summary": '@SUM(1+1) "quoted", and\nmore\r\nlines', "actor1": "+a,b",
     "actor2": '"x"', "country": "\tUkraine", "external_id": "\r1", "fatalities": 0,
     "injuries": 3, "latitude": 49.99999999999999, "longitude": -0.0},
    {"event_date": date(2022, 3, 1), "event_type": "", "sub_event_type": "",
     "location": "", "admin1": "Kyiv", "summary": "", "latitude": None, "longitude": None,
     "target_category": "energy", "fatalities_low": 1, "fatalities_high": 9},
    {"event_date": date(2022, 3, 2), "date_precision": Precision.WEEK, "dataset": "ACLED",
     "external_id": 'UKR,"9"', "event_type": "Battles", "sub_event_type": "Armed clash",
     "location": "Київ", "admin1": "Київська область", "target_category": "unknown",
     "injuries": 1, "latitude": 1e-05, "longitude": 30.5},
    {"event_date": date(2022, 3, 15), "date_precision": Precision.MONTH,
     "event_type": "Shelling", "target_category": "bridges (our own)", "location": "Sumy"},
    {"event_date": date(2022, 3, 3), "event_date_end": date(2022, 9, 30),
     "event_type": "Shelling", "fatalities": 871, "location": "Izyum", "external_id": "w1"},
]


def _csv(db: Database, style: CsvStyle, scope: Scope, *, assembled: bool) -> str:
    stream = io.StringIO(newline="")
    with db.reading() as session:
        rows = CsvRows(tz=scope.tz, style=style, as_of=scope.as_of,
                       counted_by="dataset figure")
        write_chronology_csv(session, stream, chronology_scope(
            session, date_from=scope.date_from, date_to=scope.date_to, tz=scope.tz,
            corrections=scope.corrections, as_of=scope.as_of), rows, assembled=assembled)
    return stream.getvalue()


def _same_both_ways(db: Database, scope: Scope | None = None) -> str:
    scope = scope or Scope()
    general = ""
    for style in STYLES:
        general = _csv(db, style, scope, assembled=False)
        assert _csv(db, style, scope, assembled=True) == general
    return general


def _blocks(db: Database) -> tuple[int, int]:
    """(rows SQL assembled, entries told) of the fast path."""
    with db.reading() as session:
        items = csv_chronology(session, chronology_scope(session), CsvRows())
        assert items is not None
        found: list[ChronologyEntry | CsvBlock] = list(items)
    return (sum(item.rows for item in found if isinstance(item, CsvBlock)),
            sum(1 for item in found if isinstance(item, ChronologyEntry)))


# Claims on a day and a place, told by the general path and merged in before the
# events of their day: one on a day of events, with awkward cells; one on a day of none.
DAY_CLAIMS = [
    ClaimDraft("drones intercepted", '=HYPERLINK("x","y")', low=40, high=48,
               day=date(2022, 3, 1), place='-Kyiv, "region"', note="@once\nmore",
               status="disputed"),
    ClaimDraft("killed", "Ministry", best=3, day=date(2022, 3, 1), place="Kharkiv"),
    ClaimDraft("drones launched", "Air Force", best=62, day=date(2022, 3, 10)),
]


@pytest.fixture
def awkward_db(sample_db: Database) -> Database:
    with sample_db.transaction() as session:
        add_events(session, AWKWARD)
        session.execute(update(BattlefieldEvent).where(BattlefieldEvent.external_id == "w1")
                        .values(record_status=RecordStatus.WITHDRAWN.value))
        for draft in DAY_CLAIMS:
            add_claim(session, draft)
    return sample_db


def test_the_sample_with_awkward_cells_is_the_same_both_ways(awkward_db: Database) -> None:
    whole = _same_both_ways(awkward_db)
    assert "'=cmd" in whole and "'-Kharkiv" in whole  # guarded, for spreadsheets
    assert "\"'=HYPERLINK(\"\"x\"\"" in whole and "\"'-Kyiv, \"\"region" in whole
    # The claims come first on their day, before its events.
    told = [(row[0], row[7], row[11]) for row in csv.reader(io.StringIO(whole))][1:]
    assert told[:3] == [("2022-03-01", "claim", "'-Kyiv, \"region\""),
                        ("2022-03-01", "claim", "Kharkiv"),
                        ("2022-03-01", "event", "'-Kharkiv")]
    later = told.index(("2022-03-10", "claim", "place not given"))
    # After Izyum's span (stored on 3 Mar), before March's record (stored on 15 Mar).
    assert (told[later - 1][2], told[later + 1][2]) == ("Izyum", "Sumy")
    _same_both_ways(awkward_db, Scope(date_from=date(2022, 3, 1), date_to=date(2022, 3, 31),
                                      tz="Europe/Kyiv"))
    _same_both_ways(awkward_db, Scope(corrections=True))


@pytest.mark.sqlite_only  # PostgreSQL takes the general path (the last test)
def test_the_fast_path_writes_the_plain_events_and_tells_the_rest(
        awkward_db: Database) -> None:
    assembled, told = _blocks(awkward_db)
    with awkward_db.reading() as session:
        events = session.scalar(select(func.count()).select_from(BattlefieldEvent)) or 0
    # The withdrawn event and the one with its own category are told; the sample's
    # linked and cited events too; the others are lines.
    assert assembled > 0
    assert told >= 2
    assert assembled <= events - 2


def test_the_chronology_as_of_a_past_day_is_the_same_both_ways(
        awkward_db: Database) -> None:
    whole = _same_both_ways(awkward_db, Scope(as_of=AsOf(date(2022, 3, 2))))
    assert "as_known_on" in whole


def test_in_ukrainian_too(awkward_db: Database, ukrainian: None) -> None:
    assert "Київ" in _same_both_ways(awkward_db)


def test_the_real_ucdp_file_is_the_same_both_ways(db: Database) -> None:
    import_events(db, UCDP, ImportFormat.UCDP)
    whole = _same_both_ways(db)
    assert whole.count("\n") > 1000
    if db.engine.dialect.name == "sqlite":  # PostgreSQL takes the general path throughout
        assert _blocks(db)[0] > 1000


def test_postgresql_takes_the_general_path(monkeypatch: pytest.MonkeyPatch,
                                           sample_db: Database) -> None:
    monkeypatch.setattr(csv_lines, "_dialect", lambda _session: "postgresql")
    with sample_db.reading() as session:
        assert csv_chronology(session, chronology_scope(session), CsvRows()) is None


def test_caches_that_start_again_give_the_same_bytes(monkeypatch: pytest.MonkeyPatch,
                                                     awkward_db: Database) -> None:
    # A database with more distinct values than a cache keeps: each starts again often.
    monkeypatch.setattr(csv_cells, "_KEPT", 2)
    _same_both_ways(awkward_db)


def test_a_cache_of_cells_holds_at_most_its_bound(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(csv_cells, "_KEPT", 3)
    told = csv_cells.Distinct(str.upper)
    for word in "abcdefg":
        assert told(word) == word.upper()
        assert len(told.known) <= 3
