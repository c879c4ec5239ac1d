"""On PostgreSQL too, sorting, filtering, counting and aggregation run in SQL over indexes.

The SQLite tests beside this one read EXPLAIN QUERY PLAN; here PostgreSQL's planner is
asked (EXPLAIN (FORMAT JSON)) about the statements the services really send, on one
database of 5,000 generated events over two years: enough that, with statistics, the
planner weighs an index against reading the table, and small enough to load in seconds.
PostgreSQL only: the sqlite half of each test is skipped.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import insert, text

from tests.acled_generator import write_acled_file
from tests.postgres import SKIP_REASON, TestServer
from tests.postgres_plans import Plan, plans_of, reading
from tests.services.analysis_scenario import KYIV, new_round
from tests.services.generated_events import generated_events
from tracker.domain.events import BattlefieldEvent
from tracker.domain.timewindow import ScheduledWindow
from tracker.services.analysis.analysis import AnalysisSettings, SplitBy, analyse
from tracker.services.chronology.chronology import chronology_page, count_chronology
from tracker.services.events.events import (
    EventFilter,
    count_events,
    event_position,
    event_types,
    fetch_events,
)
from tracker.services.exports.timelinejs import build_timeline
from tracker.services.exports.timelinejs_selection import EventScope, TimelineRequest
from tracker.services.imports.importing import ImportFormat, import_events
from tracker.services.records import reference
from tracker.services.timeline.timeline_density import Bucket, count_in_range, event_density
from tracker.storage.database import Database, open_database

EVENTS = 5000
FIRST_DAY = date(2024, 3, 1)
DAYS = 730
# Five events name a rare word and a rare place, as a search for one usually does.
RARE = {"summary": "breach of the Kakhovka dam", "location": "Nova Kakhovka"}
RARE_EVENTS = 5
EVENT = "battlefield_event"
SORT_INDEXES = {
    "event_date": "ix_battlefield_event_date",
    "location": "ix_battlefield_event_location_date",
    "fatalities": "ix_battlefield_event_fatalities_date",
    "dataset": "uq_battlefield_event_dataset_external_id",  # the UNIQUE constraint
}


@pytest.fixture(scope="module")
def loaded(postgres_server: TestServer | None) -> Iterator[Database]:
    """The generated events, the rare ones and two rounds, with fresh statistics.

    VACUUM ANALYZE, as autovacuum does after a bulk insert: statistics for the planner,
    the GIN index's pending entries merged into it, and the visibility map that lets an
    index answer a count alone.
    """
    assert postgres_server is not None  # the backend fixture skipped without a server
    with postgres_server.fresh_database() as url:
        db = open_database(url)
        rows = generated_events(EVENTS, first_day=FIRST_DAY, days=DAYS)
        rows += [{**row, **RARE, "external_id": f"R{number}"}
                 for number, row in enumerate(rows[:RARE_EVENTS])]
        with db.transaction() as session:
            session.execute(insert(BattlefieldEvent), rows)
            track = reference.create_track(session, "US-brokered trilateral talks")
            new_round(session, track, "Kyiv talks",
                      ScheduledWindow.days(date(2025, 3, 10), KYIV, date(2025, 3, 11)))
            new_round(session, track, "Geneva talks", ScheduledWindow.days(date(2025, 6, 20),
                                                                           KYIV))
        with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.exec_driver_sql("VACUUM ANALYZE")
        yield db
        db.close()


@pytest.fixture
def events_db(backend: str, request: pytest.FixtureRequest) -> Database:
    if backend != "postgresql":
        pytest.skip("PostgreSQL's plans; SQLite's are read by the tests beside this one")
    database: Database = request.getfixturevalue("loaded")
    return database


def _reads_events_off(plan: Plan, *indexes: str) -> None:
    """The plan reads the events through these indexes only, never from end to end."""
    assert EVENT not in plan.seq_scans(), plan
    assert plan.indexes(EVENT) and plan.indexes(EVENT) <= set(indexes), plan


@pytest.mark.parametrize("sort", list(SORT_INDEXES))
@pytest.mark.parametrize("descending", [False, True])
def test_a_page_is_read_off_its_sort_index(events_db: Database, sort: str,
                                           descending: bool) -> None:
    rows, [plan] = plans_of(events_db, lambda s: fetch_events(s, sort=sort,
                                                              descending=descending))
    assert len(rows) == 200
    _reads_events_off(plan, SORT_INDEXES[sort])
    assert plan.sorted_rows() == 0, plan  # no Sort of the table
    # (location, event_date) gives the order up to the id: only ties of both are sorted.
    for keys in plan.presorted_keys():
        assert keys[0].removeprefix(f"{EVENT}.") == sort, plan


def test_the_pages_next_to_a_shown_one_and_far_down_stay_on_the_index(
        events_db: Database) -> None:
    with events_db.reading() as session:
        anchor = fetch_events(session, sort="location", offset=EVENTS // 3, limit=1)[0]
    for after, before in ((anchor, None), (None, anchor)):
        _rows, plans = plans_of(events_db, lambda s, a=after, b=before: fetch_events(
            s, sort="location", limit=200, after=a, before=b))
        # One range of the index each; a range of ties may be sorted (by id), never
        # the table.
        for plan in plans:
            _reads_events_off(plan, SORT_INDEXES["location"])
    _rows, [ids, by_id] = plans_of(events_db, lambda s: fetch_events(
        s, sort="event_date", offset=2000, limit=200))
    assert ids.node_types()[-1] == "Index Only Scan", ids  # OFFSET steps over index entries
    _reads_events_off(ids, SORT_INDEXES["event_date"])
    _reads_events_off(by_id, "pk_battlefield_event")


def test_a_position_is_counted_over_index_ranges(events_db: Database) -> None:
    with events_db.reading() as session:
        shown = fetch_events(session, sort="location", offset=1234, limit=1)[0]
    position, [found, counted] = plans_of(events_db, lambda s: event_position(
        s, EventFilter(), shown.id, sort="location"))
    assert position == 1234
    _reads_events_off(found, "pk_battlefield_event")
    _reads_events_off(counted, SORT_INDEXES["location"])


def test_the_type_choices_are_one_index_seek_each(events_db: Database) -> None:
    choices, [plan] = plans_of(events_db, event_types)
    assert choices == ["", "Battles", "Riots"]
    _reads_events_off(plan, "ix_battlefield_event_type_date")
    assert {read.node_type for read in plan.reads()} == {"Index Only Scan"}, plan


@pytest.mark.parametrize("flt", [EventFilter(text="dam"), EventFilter(place="nova kakh"),
                                 EventFilter(text="kakhovka", date_from=date(2024, 3, 1))])
def test_words_and_places_are_looked_up_in_the_gin_index(events_db: Database,
                                                        flt: EventFilter) -> None:
    found, [counted] = plans_of(events_db, lambda s: count_events(s, flt))
    assert found == RARE_EVENTS
    rows, [page] = plans_of(events_db, lambda s: fetch_events(s, flt))
    assert len(rows) == RARE_EVENTS
    for plan in (counted, page):
        assert "Bitmap Index Scan" in plan.node_types(), plan
        assert "ix_battlefield_event_search" in plan.indexes(EVENT), plan
        assert EVENT not in plan.seq_scans(), plan  # only the matches are put in order


def test_the_timeline_counts_days_in_event_day_count(events_db: Database) -> None:
    first, last = date(2025, 1, 1), date(2025, 1, 31)
    cells, [density] = plans_of(events_db, lambda s: event_density(s, first, last, Bucket.DAY))
    total, [count] = plans_of(events_db, lambda s: count_in_range(s, first, last))
    assert sum(cell.events for cell in cells) == total > 0
    for plan in (density, count):
        assert plan.relations() == {"event_day_count"}, plan  # not battlefield_event
        assert plan.indexes("event_day_count") == {"pk_event_day_count"}, plan


@pytest.mark.parametrize(("settings", "flt", "table", "indexes"), [
    (AnalysisSettings(), None, "event_day_count", {"pk_event_day_count"}),
    (AnalysisSettings(split=SplitBy.TYPE), EventFilter(target_category="energy"),
     "event_day_count", {"pk_event_day_count"}),
    # A split by region, or words, are answered by the events themselves.
    (AnalysisSettings(split=SplitBy.REGION), None, EVENT, {"ix_battlefield_event_date"}),
    (AnalysisSettings(split=SplitBy.REGION), EventFilter(event_types=("Battles",)), EVENT,
     {"ix_battlefield_event_date", "ix_battlefield_event_type_date"}),
])
def test_each_analysis_anchor_is_one_index_range(
        events_db: Database, settings: AnalysisSettings, flt: EventFilter | None,
        table: str, indexes: set[str]) -> None:
    result, plans = plans_of(events_db, lambda s: analyse(s, settings, flt=flt))
    assert len(result.anchors) == 2
    counting = reading(plans, table)
    assert len(counting) == 2  # one per anchor
    for plan in counting:
        assert plan.relations() == {table}, plan
        assert table not in plan.seq_scans(), plan
        assert plan.indexes(table) and plan.indexes(table) <= indexes, plan


def test_a_chronology_page_reads_event_keys_off_the_date_index(events_db: Database) -> None:
    with events_db.reading() as session:
        total = count_chronology(session)
        shown = chronology_page(session, offset=1500, limit=1)[0]
    for offset, known, after in ((0, None, None), (3000, total, None), (0, None, shown)):
        entries, plans = plans_of(events_db, lambda s, o=offset, t=known, a=after:
                                  chronology_page(s, offset=o, limit=50, total=t, after=a))
        assert len(entries) == 50
        # (The total, a count(*) of the whole table, is left to the planner.)
        events = [plan for plan in reading(plans, EVENT) if "count(*)" not in plan.sql]
        assert len(events) >= 2, plans  # the keys of the page, then its rows
        for plan in events:
            _reads_events_off(plan, "ix_battlefield_event_date", "pk_battlefield_event")
            assert plan.sorted_rows() == 0, plan


def test_the_timeline_page_reads_its_events_off_the_date_index(events_db: Database) -> None:
    request = TimelineRequest(events=EventScope.ALL, date_from=date(2026, 1, 1),
                              max_events=5)
    export, plans = plans_of(events_db, lambda s: build_timeline(s, request))
    assert export.events == 5
    ranged = [plan for plan in reading(plans, EVENT) if "event_date >=" in plan.sql]
    assert len(ranged) == 2  # the count and the first events
    for plan in ranged:
        _reads_events_off(plan, "ix_battlefield_event_date")
        assert plan.sorted_rows() == 0, plan


def test_a_large_import_leaves_the_planner_fresh_statistics(
        postgres_server: TestServer | None, tmp_path: Path) -> None:
    """The importer runs VACUUM ANALYZE itself after a large import: until autovacuum got
    there, the planner took the new table for empty and the GIN index kept the new rows in
    its pending list, so the first searches read the whole table."""
    if postgres_server is None:
        pytest.skip(SKIP_REASON)
    rows = write_acled_file(tmp_path / "acled.csv", 10_000)
    with postgres_server.fresh_database() as url:
        db = open_database(url)
        try:
            assert import_events(db, rows, ImportFormat.ACLED).added == 10_000
            with db.engine.connect() as connection:
                estimated = connection.execute(text(
                    "SELECT reltuples FROM pg_class WHERE relname = 'battlefield_event'"
                )).scalar_one()
                vacuumed = connection.execute(text(
                    "SELECT last_vacuum IS NOT NULL AND last_analyze IS NOT NULL "
                    "FROM pg_stat_user_tables WHERE relname = 'battlefield_event'")).scalar()
            assert estimated == 10_000 and vacuumed
            _found, [plan] = plans_of(db, lambda s: count_events(s, EventFilter(text="dam")))
            assert EVENT not in plan.seq_scans(), plan
        finally:
            db.close()


def test_a_failed_refresh_is_logged_and_the_import_stands(
        postgres_server: TestServer | None, monkeypatch: pytest.MonkeyPatch,
        caplog: pytest.LogCaptureFixture) -> None:
    from tracker.storage import event_upsert

    if postgres_server is None:
        pytest.skip(SKIP_REASON)
    with postgres_server.fresh_database() as url:
        db = open_database(url)
        try:
            monkeypatch.setattr(event_upsert, "text",
                                lambda _sql: text("VACUUM ANALYZE no_such_table"))
            event_upsert.refresh_planner_statistics(db.engine, 5000)  # does not raise
        finally:
            db.close()
    assert "VACUUM ANALYZE after the import failed" in caplog.text
