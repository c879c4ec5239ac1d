"""The first page of a place filter read by walking the sort index (issue 19): the same
rows, in the same order, as the list of the place's events gives, or it gives way."""

from __future__ import annotations

from datetime import date

import pytest

from tests.conftest import REAL_DATA
from tracker.services.events import events, place_walk
from tracker.services.events.event_index import SORTABLE, sort_keys
from tracker.services.events.events import EventFilter, count_events, fetch_events
from tracker.services.imports.importing import ImportFormat, import_events
from tracker.storage.database import Database

UCDP = REAL_DATA / "ucdp_ged_ukraine_2014-2023_ged221+candidate_excel_cp1252.csv"

PLACES = [
    EventFilter(place="Donetsk"),  # a region: a third of the file
    EventFilter(place="Avdiivka"),  # a town: a few dozen events
    EventFilter(place="Luhansk", date_from=date(2014, 6, 1), date_to=date(2016, 12, 31)),
    EventFilter(place="Donetsk", event_types=("State-based conflict",)),
    EventFilter(place="Kyiv", date_from=date(2022, 2, 24)),
    EventFilter(place="zzzqx"),  # no such place
]


@pytest.fixture
def ucdp_db(db: Database) -> Database:
    import_events(db, UCDP, ImportFormat.UCDP)
    return db


@pytest.mark.sqlite_only
@pytest.mark.parametrize("sort", SORTABLE)
@pytest.mark.parametrize("descending", [False, True])
@pytest.mark.parametrize("walk", [30, 4_000])  # gives way, or finds the page
def test_the_walk_finds_what_the_list_finds(
        ucdp_db: Database, monkeypatch: pytest.MonkeyPatch, sort: str, descending: bool,
        walk: int) -> None:
    monkeypatch.setattr(place_walk, "WALK_ROWS", walk)
    with ucdp_db.reading() as session:
        for flt in PLACES:
            total = count_events(session, flt)
            for limit in (8, 256):
                listed = fetch_events(session, flt, sort=sort, descending=descending,
                                      limit=limit, total=total)
                assert fetch_events(session, flt, sort=sort, descending=descending,
                                    limit=limit) == listed, (flt, limit)


@pytest.mark.sqlite_only
@pytest.mark.parametrize("data", ["ucdp_db", "sample_db"])
def test_a_common_place_is_walked_and_a_rare_one_listed(
        request: pytest.FixtureRequest, data: str) -> None:
    database: Database = request.getfixturevalue(data)
    keys = sort_keys("event_date")
    with database.reading() as session:
        common = EventFilter(place="Donetsk" if data == "ucdp_db" else "Kharkiv")
        walked = events._first_page_in_place(session, common, keys, False, 8)
        assert walked is not None and walked  # the sample: all its events are walked
        assert walked == fetch_events(session, common, limit=8,
                                      total=count_events(session, common))
        if data == "ucdp_db":
            rare = EventFilter(place="Avdiivka")
            assert 0 < count_events(session, rare) < 100
            assert events._first_page_in_place(session, rare, keys, False, 256) is None


@pytest.mark.sqlite_only
def test_an_order_sqlite_would_sort_is_left_to_the_list(ucdp_db: Database) -> None:
    # Two types and a sort by fatalities: no index gives the rows in order.
    flt = EventFilter(place="Donetsk", event_types=("State-based conflict", "One-sided violence"))
    with ucdp_db.reading() as session:
        assert events._first_page_in_place(session, flt, sort_keys("fatalities"), False,
                                           8) is None
