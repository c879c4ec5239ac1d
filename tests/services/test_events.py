"""Events are counted, filtered, sorted and paged in SQL."""

from __future__ import annotations

from datetime import date

import pytest

from tests.services.scenario import add_events, build
from tracker.services.errors import ValidationError
from tracker.services.events import EventFilter, count_events, event_types, fetch_events
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


def test_sorting_is_stable_and_unknown_counts_last(events_db: Database) -> None:
    ascending = _summaries(events_db, EventFilter(), sort="fatalities")
    descending = _summaries(events_db, EventFilter(), sort="fatalities", descending=True)
    assert ascending[-1] == descending[-1] == ROWS[1]["summary"]  # unknown fatalities
    assert ascending[:3] == [ROWS[2]["summary"], ROWS[0]["summary"], ROWS[3]["summary"]]


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
