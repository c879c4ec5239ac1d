"""Events are counted, filtered, sorted and paged in SQL."""

from __future__ import annotations

from datetime import date

import pytest

from tests.query_plans import explain, recorded
from tests.services.scenario import add_events, build
from tracker.domain.enums import LinkKind
from tracker.services import rounds
from tracker.services.common.errors import ValidationError
from tracker.services.events import linking
from tracker.services.events.events import (
    SORTABLE,
    EventFilter,
    count_events,
    event_detail,
    event_position,
    event_types,
    fetch_events,
)
from tracker.services.events.link_operations import add_link
from tracker.services.factors.operations import new_factor
from tracker.storage.database import Database

ROWS = [
    {"event_date": date(2026, 1, 28), "event_type": "Explosions/Remote violence",
     "location": "Kyiv", "admin1": "Kyiv City", "fatalities": 2,
     "summary": "Drone strike on a thermal power plant"},
    {"event_date": date(2026, 1, 29), "event_type": "Battles", "location": "Pokrovsk",
     "admin1": "Donetska", "fatalities": None, "summary": "Armed clash near the railway"},
    {"event_date": date(2026, 1, 30), "event_type": "Explosions/Remote violence",
     "location": "Kharkiv", "admin1": "Kharkivska", "fatalities": 0,
     "summary": "Missile attack; 100% of the district without power"},
    {"event_date": date(2026, 2, 1), "event_type": "Violence against civilians",
     "location": "Zaporizhzhia", "admin1": "Zaporizka", "fatalities": 5,
     "summary": "Maternity ward hit by a drone"},
]


@pytest.fixture
def events_db(db: Database) -> Database:
    with db.transaction() as session:
        build(session)
        add_events(session, ROWS)
    return db


def _summaries(db: Database, flt: EventFilter, **kwargs: object) -> list[str]:
    with db.reading() as session:
        return [row.summary for row in fetch_events(session, flt, **kwargs)]  # type: ignore[arg-type]


def test_filters_combine(events_db: Database) -> None:
    flt = EventFilter(date_from=date(2026, 1, 29), event_types=("Explosions/Remote violence",))
    assert _summaries(events_db, flt) == [ROWS[2]["summary"]]
    with events_db.reading() as session:
        assert count_events(session, flt) == 1
        assert count_events(session) == 4
        assert event_types(session) == ["Battles", "Explosions/Remote violence",
                                         "Violence against civilians"]


def test_place_matches_location_or_region_case_blind(events_db: Database) -> None:
    assert _summaries(events_db, EventFilter(place="donetska")) == [ROWS[1]["summary"]]
    assert _summaries(events_db, EventFilter(place="KHARK")) == [ROWS[2]["summary"]]


def test_like_wildcards_in_place_are_literal(events_db: Database) -> None:
    assert _summaries(events_db, EventFilter(place="%")) == []
    assert _summaries(events_db, EventFilter(place="_")) == []


def test_free_text_uses_word_prefixes(events_db: Database) -> None:
    assert _summaries(events_db, EventFilter(text="thermal pow")) == [ROWS[0]["summary"]]
    assert _summaries(events_db, EventFilter(text="drone")) == [ROWS[0]["summary"],
                                                                 ROWS[3]["summary"]]


@pytest.mark.parametrize("hostile", ['"', "AND", "NEAR(", "*", "100%", "'; DROP TABLE x;--"])
def test_free_text_syntax_is_never_an_error(events_db: Database, hostile: str) -> None:
    with events_db.reading() as session:
        count_events(session, EventFilter(text=hostile))  # must not raise


def test_sorting_is_stable_and_unknown_counts_sort_as_sql_null(events_db: Database) -> None:
    ascending = _summaries(events_db, EventFilter(), sort="fatalities")
    descending = _summaries(events_db, EventFilter(), sort="fatalities", descending=True)
    # Unknown fatalities are the least value: first ascending, last descending (so the
    # order is one index scan either way).
    assert ascending[0] == descending[-1] == ROWS[1]["summary"]
    assert ascending[1:] == [ROWS[2]["summary"], ROWS[0]["summary"], ROWS[3]["summary"]]
    assert descending[:3] == ascending[:0:-1]


def test_pages_do_not_overlap(events_db: Database) -> None:
    with events_db.reading() as session:
        pages = [fetch_events(session, sort="event_type", offset=offset, limit=3)
                 for offset in (0, 3)]
    ids = [row.id for page in pages for row in page]
    assert sorted(ids) == sorted(set(ids)) and len(ids) == 4


def test_unknown_sort_column_is_refused(events_db: Database) -> None:
    with events_db.reading() as session, pytest.raises(ValueError):
        fetch_events(session, sort="summary; DROP TABLE round")


def test_reversed_dates_are_a_validation_error() -> None:
    with pytest.raises(ValidationError) as raised:
        EventFilter(date_from=date(2026, 2, 1), date_to=date(2026, 1, 1))
    assert raised.value.field == "date_to"


# Ties on every sort column, dates not in id order, unknown counts: the cases where a
# tie-break shows.
TIES = [
    {"event_date": date(2026, 1, 29), "event_type": "Battles", "target_category": "energy",
     "location": "Kupiansk", "fatalities": None, "summary": "later, first inserted"},
    {"event_date": date(2026, 1, 27), "event_type": "Battles", "target_category": "energy",
     "location": "Kupiansk", "fatalities": None, "summary": "earlier, second inserted"},
    {"event_date": date(2026, 1, 27), "event_type": "Battles", "target_category": "energy",
     "location": "Kupiansk", "fatalities": 1, "summary": "earlier, third inserted"},
]


@pytest.fixture
def ties_db(events_db: Database) -> Database:
    with events_db.transaction() as session:
        add_events(session, [{**row, "external_id": f"tie{n}"} for n, row in enumerate(TIES)])
    return events_db


def test_ties_break_by_date_then_id(ties_db: Database) -> None:
    battles = EventFilter(event_types=("Battles",), place="Kupiansk")
    for sort in ("event_type", "target_category", "sub_event_type", "location"):
        assert _summaries(ties_db, battles, sort=sort) == [
            "earlier, second inserted", "earlier, third inserted", "later, first inserted"]
        assert _summaries(ties_db, battles, sort=sort, descending=True) == [
            "later, first inserted", "earlier, third inserted", "earlier, second inserted"]
    # Unknown fatalities first (SQL's NULL order), ties among them by date then id.
    assert _summaries(ties_db, battles, sort="fatalities") == [
        "earlier, second inserted", "later, first inserted", "earlier, third inserted"]


@pytest.mark.parametrize("sort", SORTABLE)
@pytest.mark.parametrize("descending", [False, True])
def test_event_position_matches_fetch_order_for_every_sort(
        ties_db: Database, sort: str, descending: bool) -> None:
    with ties_db.reading() as session:
        rows = fetch_events(session, sort=sort, descending=descending)
        assert [event_position(session, EventFilter(), row.id, sort=sort,
                               descending=descending) for row in rows] == list(range(len(rows)))
        battles = EventFilter(event_types=("Battles",))
        assert event_position(session, battles, 1, sort=sort) is None  # filtered out


def _plan_of_page(db: Database, **kwargs: object) -> str:
    """EXPLAIN QUERY PLAN of the statement fetch_events runs."""
    with recorded(db) as statements, db.reading() as session:
        fetch_events(session, offset=1, limit=2, **kwargs)  # type: ignore[arg-type]
    [(statement, parameters)] = [s for s in statements if "ORDER BY" in s[0]]
    return "\n".join(explain(db, statement, parameters))


@pytest.mark.sqlite_only  # SQLite's plan; PostgreSQL's: test_postgres_plans.py
@pytest.mark.parametrize(("sort", "index"), [
    ("event_date", "ix_battlefield_event_date"),
    ("event_type", "ix_battlefield_event_type_date"),
    ("target_category", "ix_battlefield_event_target_date"),
    ("admin1", "ix_battlefield_event_admin1_date"),
    ("location", "ix_battlefield_event_location_date"),
    ("sub_event_type", "ix_battlefield_event_sub_type_date"),
    ("actor1", "ix_battlefield_event_actor1_date"),
    ("fatalities", "ix_battlefield_event_fatalities_date"),
    ("injuries", "ix_battlefield_event_injuries_date"),
    ("dataset", "sqlite_autoindex_battlefield_event_1"),  # the UNIQUE constraint
    ("external_id", "sqlite_autoindex_battlefield_event_1"),
])
@pytest.mark.parametrize("descending", [False, True])
def test_indexed_sorts_page_off_the_index(
        events_db: Database, sort: str, index: str, descending: bool) -> None:
    plan = _plan_of_page(events_db, sort=sort, descending=descending)
    assert index in plan
    assert "TEMP B-TREE" not in plan


def test_event_detail_leaves_out_links_to_deleted_rounds(events_db: Database) -> None:
    with events_db.transaction() as session:
        factor = new_factor(session, "Winter grid collapse").record_id
        add_link(session, linking.LinkSpec(1, 1, None, LinkKind.CONTEXT))
        add_link(session, linking.LinkSpec(1, None, factor, LinkKind.CONTEXT))
        rounds.delete(session, 1, rounds.ChangeNote())
    with events_db.reading() as session:
        assert [link.target for link in event_detail(session, 1).links] == [
            "Factor: Winter grid collapse"]
    with events_db.transaction() as session:
        rounds.restore(session, 1, rounds.ChangeNote())
    with events_db.reading() as session:
        assert [link.target for link in event_detail(session, 1).links] == [
            "Round: Trilateral round", "Factor: Winter grid collapse"]
