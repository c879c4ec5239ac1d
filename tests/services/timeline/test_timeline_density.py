"""The timeline's event density, counts and markers, against sums worked out by hand."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from datetime import date
from typing import NamedTuple

import pytest
from sqlalchemy.orm import Session

from tests.query_plans import plans_of
from tracker.domain.enums import Precision
from tracker.domain.events import BattlefieldEvent
from tracker.services.events.events import EventFilter, count_events
from tracker.services.timeline.timeline_density import (
    Bucket,
    EventMarker,
    bucket_for,
    bucket_label,
    bucket_start,
    count_in_range,
    event_density,
    event_markers,
    next_bucket,
)
from tracker.storage.database import Database, open_database


class Spec(NamedTuple):
    day: date
    kind: str
    category: str
    fatalities: int | None
    injuries: int | None
    location: str
    summary: str


EXPLOSIONS, BATTLES = "Explosions/Remote violence", "Battles"
# Added in this order (ids 1..8), which is not date order.
EVENTS = (
    Spec(date(2026, 2, 2), EXPLOSIONS, "energy", 3, None, "Kharkiv",
         "Drone strike on a substation"),                                    # Monday
    Spec(date(2026, 2, 4), EXPLOSIONS, "energy", None, 4, "Kyiv",
         "Missile strike on a power plant"),
    Spec(date(2026, 2, 8), BATTLES, "", 2, 1, "Pokrovsk", "Armed clash near the town"),  # Sunday
    Spec(date(2026, 2, 9), EXPLOSIONS, "transport", 0, 2, "Kharkiv",
         "Drone strike on a rail depot"),                                    # Monday
    Spec(date(2026, 2, 28), EXPLOSIONS, "residential", 5, None, "Odesa",
         "Missile strike on flats"),
    Spec(date(2026, 3, 1), BATTLES, "", None, None, "Kharkiv", "Shelling of the outskirts"),
    Spec(date(2026, 4, 1), EXPLOSIONS, "energy", 1, 1, "Kyiv", "Drone strike on a substation"),
    Spec(date(2025, 12, 31), EXPLOSIONS, "energy", 2, 0, "Kyiv",
         "New year drone attack hit a substation"),
)


def _add(session: Session, specs: tuple[Spec, ...] | list[Spec]) -> None:
    session.add_all(BattlefieldEvent(
        dataset="TEST", external_id=str(number), event_date=spec.day, event_type=spec.kind,
        target_category=spec.category, fatalities=spec.fatalities, injuries=spec.injuries,
        location=spec.location, summary=spec.summary, date_precision=Precision.DAY)
        for number, spec in enumerate(specs, start=1))


@pytest.fixture(scope="module")
def events_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    """EVENTS, read by many tests: none of them may write (those take ``db``)."""
    database = open_database(tmp_path_factory.mktemp("density") / "events.db")
    with database.transaction() as session:
        _add(session, EVENTS)
    yield database
    database.close()


@pytest.fixture
def edited_db(db: Database) -> Database:
    with db.transaction() as session:
        _add(session, EVENTS)
    return db


@pytest.fixture(params=["day counts", "events"])
def path(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """Both ways of counting: the per-day table, and the events themselves (what a
    database without kept counts, PostgreSQL, reads)."""
    if request.param == "events":
        monkeypatch.setattr("tracker.services.events.events.counts_are_kept",
                            lambda _connection: False)
    yield request.param


def _density(db: Database, first: date, last: date, bucket: Bucket,
             flt: EventFilter | None = None) -> list[tuple[date, str, int, int, int]]:
    with db.reading() as session:
        cells = event_density(session, first, last, bucket, flt)
    return [(c.first_day, c.target_category, c.events, c.fatalities, c.injuries)
            for c in cells]


# -- buckets in Python -------------------------------------------------------------------

@pytest.mark.parametrize(("day", "bucket", "start"), [
    (date(2024, 2, 29), Bucket.DAY, date(2024, 2, 29)),
    (date(2024, 2, 29), Bucket.WEEK, date(2024, 2, 26)),       # a Thursday
    (date(2024, 2, 29), Bucket.MONTH, date(2024, 2, 1)),
    (date(2024, 2, 29), Bucket.QUARTER, date(2024, 1, 1)),
    (date(2024, 2, 29), Bucket.YEAR, date(2024, 1, 1)),
    (date(2023, 12, 31), Bucket.WEEK, date(2023, 12, 25)),     # a Sunday ends its week
    (date(2024, 1, 1), Bucket.WEEK, date(2024, 1, 1)),         # a Monday starts one
    (date(2024, 12, 31), Bucket.WEEK, date(2024, 12, 30)),     # ISO week 1 of 2025
    (date(2025, 1, 5), Bucket.WEEK, date(2024, 12, 30)),
    (date(2024, 3, 31), Bucket.QUARTER, date(2024, 1, 1)),
    (date(2024, 4, 1), Bucket.QUARTER, date(2024, 4, 1)),
    (date(2024, 9, 30), Bucket.QUARTER, date(2024, 7, 1)),
    (date(2024, 12, 31), Bucket.QUARTER, date(2024, 10, 1)),
    (date(2024, 12, 31), Bucket.YEAR, date(2024, 1, 1)),
])
def test_bucket_start(day: date, bucket: Bucket, start: date) -> None:
    assert bucket_start(day, bucket) == start


@pytest.mark.parametrize(("start", "bucket", "following"), [
    (date(2024, 2, 28), Bucket.DAY, date(2024, 2, 29)),
    (date(2024, 12, 30), Bucket.WEEK, date(2025, 1, 6)),
    (date(2024, 2, 1), Bucket.MONTH, date(2024, 3, 1)),
    (date(2024, 12, 1), Bucket.MONTH, date(2025, 1, 1)),
    (date(2024, 10, 1), Bucket.QUARTER, date(2025, 1, 1)),
    (date(2024, 1, 1), Bucket.QUARTER, date(2024, 4, 1)),
    (date(2024, 1, 1), Bucket.YEAR, date(2025, 1, 1)),
])
def test_next_bucket(start: date, bucket: Bucket, following: date) -> None:
    assert next_bucket(start, bucket) == following


@pytest.mark.parametrize(("first_day", "bucket", "label"), [
    (date(2026, 2, 5), Bucket.DAY, "5 Feb 2026"),
    (date(2026, 2, 2), Bucket.WEEK, "week of 2 Feb 2026"),
    (date(2026, 2, 1), Bucket.MONTH, "February 2026"),
    (date(2026, 1, 1), Bucket.QUARTER, "Q1 2026"),
    (date(2026, 4, 1), Bucket.QUARTER, "Q2 2026"),
    (date(2026, 10, 1), Bucket.QUARTER, "Q4 2026"),
    (date(2026, 1, 1), Bucket.YEAR, "2026"),
])
def test_bucket_label(first_day: date, bucket: Bucket, label: str) -> None:
    assert bucket_label(first_day, bucket) == label


@pytest.mark.parametrize(("days_per_pixel", "bucket"), [
    (0.01, Bucket.DAY),
    (0.2, Bucket.DAY),        # a day exactly 5 pixels wide
    (0.25, Bucket.WEEK),      # a day 4 pixels, a week 28
    (1.0, Bucket.WEEK),
    (2.0, Bucket.MONTH),      # a week 3.5 pixels, a month 15
    (7.0, Bucket.QUARTER),    # a month 4.3 pixels
    (20.0, Bucket.YEAR),      # a quarter 4.6 pixels
    (1000.0, Bucket.YEAR),    # nothing coarser: years however narrow
])
def test_bucket_for_picks_the_finest_bucket_wide_enough(
        days_per_pixel: float, bucket: Bucket) -> None:
    assert bucket_for(days_per_pixel) is bucket


def test_finer_zoom_never_gives_a_coarser_bucket() -> None:
    order = list(Bucket)
    zooms = [0.05 * 1.3 ** step for step in range(40)]  # zooming out
    picked = [order.index(bucket_for(days)) for days in zooms]
    assert picked == sorted(picked) and picked[0] == 0 and picked[-1] == len(order) - 1
    assert bucket_for(1.0, min_pixels=10) is Bucket.MONTH


# -- SQL buckets == Python buckets ---------------------------------------------------------

TRICKY_DAYS = sorted({
    date(2020, 2, 29), date(2021, 1, 3), date(2021, 1, 4),
    date(2023, 12, 31), date(2024, 1, 1),
    date(2024, 2, 28), date(2024, 2, 29), date(2024, 3, 1),
    date(2024, 3, 31), date(2024, 4, 1), date(2024, 6, 30), date(2024, 7, 1),
    date(2024, 9, 29), date(2024, 9, 30), date(2024, 10, 1),
    date(2024, 12, 29), date(2024, 12, 30), date(2024, 12, 31), date(2025, 1, 1),
    date(2025, 1, 5), date(2025, 1, 6), date(2025, 3, 31), date(2025, 4, 1),
    date(2100, 2, 28), date(2100, 3, 1),
})


@pytest.fixture(scope="module")
def tricky_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    """One event on each of TRICKY_DAYS."""
    database = open_database(tmp_path_factory.mktemp("density") / "tricky.db")
    with database.transaction() as session:
        _add(session, [Spec(day, BATTLES, "", 1, None, "", f"tricky day {day}")
                       for day in TRICKY_DAYS])
    yield database
    database.close()


@pytest.mark.parametrize("bucket", list(Bucket))
@pytest.mark.parametrize("flt", [None, EventFilter(text="tricky")],
                         ids=["unfiltered", "words"])
def test_sql_buckets_are_the_python_buckets(
        tricky_db: Database, path: str, bucket: Bucket, flt: EventFilter | None) -> None:
    found = _density(tricky_db, TRICKY_DAYS[0], TRICKY_DAYS[-1], bucket, flt)
    expected = Counter(bucket_start(day, bucket) for day in TRICKY_DAYS)
    assert [(first, events, fatalities) for first, _, events, fatalities, _ in found] == \
        [(first, n, n) for first, n in sorted(expected.items())]


# -- density on a small hand-counted set ------------------------------------------------------

def test_weekly_density_counts_by_iso_week_and_category(events_db: Database, path: str) -> None:
    # 1 Feb 2026 is a Sunday: its week starts on Monday 26 January and holds nothing.
    assert _density(events_db, date(2026, 2, 1), date(2026, 3, 1), Bucket.WEEK) == [
        (date(2026, 2, 2), "", 1, 2, 1),
        (date(2026, 2, 2), "energy", 2, 3, 4),      # unknown fatalities and injuries: 0
        (date(2026, 2, 9), "transport", 1, 0, 2),
        (date(2026, 2, 23), "", 1, 0, 0),           # Sunday 1 March ends the week
        (date(2026, 2, 23), "residential", 1, 5, 0),
    ]


@pytest.mark.parametrize(("bucket", "expected"), [
    (Bucket.DAY, [(date(2025, 12, 31), "energy", 1, 2, 0), (date(2026, 2, 2), "energy", 1, 3, 0),
                  (date(2026, 2, 4), "energy", 1, 0, 4), (date(2026, 2, 8), "", 1, 2, 1),
                  (date(2026, 2, 9), "transport", 1, 0, 2),
                  (date(2026, 2, 28), "residential", 1, 5, 0), (date(2026, 3, 1), "", 1, 0, 0),
                  (date(2026, 4, 1), "energy", 1, 1, 1)]),
    (Bucket.MONTH, [(date(2025, 12, 1), "energy", 1, 2, 0),
                    (date(2026, 2, 1), "", 1, 2, 1), (date(2026, 2, 1), "energy", 2, 3, 4),
                    (date(2026, 2, 1), "residential", 1, 5, 0),
                    (date(2026, 2, 1), "transport", 1, 0, 2),
                    (date(2026, 3, 1), "", 1, 0, 0), (date(2026, 4, 1), "energy", 1, 1, 1)]),
    (Bucket.QUARTER, [(date(2025, 10, 1), "energy", 1, 2, 0),
                      (date(2026, 1, 1), "", 2, 2, 1), (date(2026, 1, 1), "energy", 2, 3, 4),
                      (date(2026, 1, 1), "residential", 1, 5, 0),
                      (date(2026, 1, 1), "transport", 1, 0, 2),
                      (date(2026, 4, 1), "energy", 1, 1, 1)]),
    (Bucket.YEAR, [(date(2025, 1, 1), "energy", 1, 2, 0),
                   (date(2026, 1, 1), "", 2, 2, 1), (date(2026, 1, 1), "energy", 3, 4, 5),
                   (date(2026, 1, 1), "residential", 1, 5, 0),
                   (date(2026, 1, 1), "transport", 1, 0, 2)]),
])
def test_density_per_bucket(events_db: Database, path: str, bucket: Bucket,
                            expected: list[tuple[date, str, int, int, int]]) -> None:
    assert _density(events_db, date(2025, 12, 15), date(2026, 4, 15), bucket) == expected


def test_edge_buckets_are_whole(events_db: Database, path: str) -> None:
    # Wednesday 4 to Monday 9 February: the weeks of 2 and of 9 February, whole.
    assert _density(events_db, date(2026, 2, 4), date(2026, 2, 9), Bucket.WEEK) == [
        (date(2026, 2, 2), "", 1, 2, 1), (date(2026, 2, 2), "energy", 2, 3, 4),
        (date(2026, 2, 9), "transport", 1, 0, 2)]
    assert _density(events_db, date(2026, 2, 15), date(2026, 2, 16), Bucket.MONTH) == [
        (date(2026, 2, 1), "", 1, 2, 1), (date(2026, 2, 1), "energy", 2, 3, 4),
        (date(2026, 2, 1), "residential", 1, 5, 0), (date(2026, 2, 1), "transport", 1, 0, 2)]
    assert _density(events_db, date(2026, 2, 8), date(2026, 2, 8), Bucket.DAY) == [
        (date(2026, 2, 8), "", 1, 2, 1)]


@pytest.mark.parametrize(("first", "last", "flt"), [
    (date(2026, 2, 10), date(2026, 2, 20), None),                          # a quiet stretch
    (date(2030, 1, 1), date(2030, 12, 31), None),
    (date(2026, 2, 1), date(2026, 2, 28), EventFilter(date_from=date(2026, 6, 1))),
    (date(2026, 2, 1), date(2026, 2, 28), EventFilter(date_to=date(2026, 1, 31))),
    (date(2026, 2, 1), date(2026, 2, 28), EventFilter(event_types=("Riots",))),
    (date(2026, 2, 1), date(2026, 2, 28), EventFilter(target_category="medical")),
    (date(2026, 2, 1), date(2026, 2, 28), EventFilter(text="nowhere-to-be-found")),
    (date(2026, 2, 1), date(2026, 2, 28), EventFilter(text="!!!")),        # no word at all
])
def test_nothing_to_count_gives_no_cells(events_db: Database, path: str, first: date,
                                         last: date, flt: EventFilter | None) -> None:
    assert _density(events_db, first, last, Bucket.DAY, flt) == []
    with events_db.reading() as session:
        assert count_in_range(session, first, last, flt) == 0
        assert event_markers(session, first, last, flt) == []


def test_an_empty_database_has_no_density(db: Database, path: str) -> None:
    assert _density(db, date(2026, 1, 1), date(2026, 12, 31), Bucket.MONTH) == []
    with db.reading() as session:
        assert count_in_range(session, date(2026, 1, 1), date(2026, 12, 31)) == 0


# -- the filter ----------------------------------------------------------------------------------

FEB_MAR = (date(2026, 2, 1), date(2026, 3, 31))
FILTERS = [
    (EventFilter(event_types=(BATTLES,)), Bucket.MONTH,
     [(date(2026, 2, 1), "", 1, 2, 1), (date(2026, 3, 1), "", 1, 0, 0)]),
    (EventFilter(event_types=(BATTLES, "Riots"), target_category=""), Bucket.MONTH,
     [(date(2026, 2, 1), "", 1, 2, 1), (date(2026, 3, 1), "", 1, 0, 0)]),
    (EventFilter(target_category="energy"), Bucket.MONTH,
     [(date(2026, 2, 1), "energy", 2, 3, 4)]),
    # The filter's own dates cut into the month; the cell still starts on the 1st.
    (EventFilter(date_from=date(2026, 2, 4), date_to=date(2026, 2, 28)), Bucket.MONTH,
     [(date(2026, 2, 1), "", 1, 2, 1), (date(2026, 2, 1), "energy", 1, 0, 4),
      (date(2026, 2, 1), "residential", 1, 5, 0), (date(2026, 2, 1), "transport", 1, 0, 2)]),
    (EventFilter(place="kharkiv"), Bucket.MONTH,
     [(date(2026, 2, 1), "energy", 1, 3, 0), (date(2026, 2, 1), "transport", 1, 0, 2),
      (date(2026, 3, 1), "", 1, 0, 0)]),
    (EventFilter(text="drone strike"), Bucket.MONTH,
     [(date(2026, 2, 1), "energy", 1, 3, 0), (date(2026, 2, 1), "transport", 1, 0, 2)]),
    (EventFilter(text="strike", event_types=(EXPLOSIONS,), target_category="energy",
                 date_to=date(2026, 2, 3)), Bucket.WEEK,
     [(date(2026, 2, 2), "energy", 1, 3, 0)]),
    (EventFilter(place="Kyiv", text="substation"), Bucket.QUARTER, []),  # April is outside
]


@pytest.mark.parametrize(("flt", "bucket", "expected"), FILTERS)
def test_the_filter_narrows_the_density(events_db: Database, path: str, flt: EventFilter,
                                        bucket: Bucket,
                                        expected: list[tuple[date, str, int, int, int]]) -> None:
    found = _density(events_db, *FEB_MAR, bucket, flt)
    assert found == expected
    # The same totals as the rows the Events view shows for this filter and range.
    low, high = max(FEB_MAR[0], flt.date_from or FEB_MAR[0]), \
        min(FEB_MAR[1], flt.date_to or FEB_MAR[1])
    ranged = EventFilter(low, high, flt.event_types, flt.place, flt.text, flt.target_category)
    total = sum(cell[2] for cell in found)
    with events_db.reading() as session:
        assert total == count_events(session, ranged) == count_in_range(session, *FEB_MAR, flt)
        assert len(event_markers(session, *FEB_MAR, flt)) == total


def test_the_words_filter_finds_the_substation_strikes_across_years(events_db: Database) -> None:
    assert _density(events_db, date(2025, 1, 1), date(2026, 12, 31), Bucket.YEAR,
                    EventFilter(text="substation")) == [
        (date(2025, 1, 1), "energy", 1, 2, 0),
        (date(2026, 1, 1), "energy", 2, 4, 1)]


def test_density_reads_the_day_counts_unless_place_or_words_are_given(
        events_db: Database) -> None:
    def tables(flt: EventFilter) -> set[str]:
        _, statements = plans_of(events_db, lambda session: event_density(
            session, *FEB_MAR, Bucket.MONTH, flt))
        return {name for statement in statements
                for name in re.findall(r"\b(?:battlefield_event|event_day_count)\w*",
                                       statement.sql)}

    assert tables(EventFilter(event_types=(BATTLES,), target_category="",
                              date_from=date(2026, 2, 3))) == {"event_day_count"}
    assert tables(EventFilter(place="Kyiv")) == {"battlefield_event_fts", "battlefield_event"}
    assert tables(EventFilter(text="strike")) == {"battlefield_event_fts", "battlefield_event"}


def test_unfiltered_density_searches_the_day_counts_by_primary_key(events_db: Database) -> None:
    for bucket in Bucket:
        cells, statements = plans_of(events_db, lambda session, b=bucket: event_density(
            session, date(2026, 1, 1), date(2026, 12, 31), b))
        assert cells
        [statement] = [s for s in statements if "event_day_count" in s.sql]
        assert not statement.scans_events()
        assert "SCAN" not in statement.plan_text
        assert any(line.startswith("SEARCH event_day_count USING ")
                   and "sqlite_autoindex_event_day_count_1 (day>? AND day<?)" in line
                   for line in statement.plan), statement.plan_text
        assert all("battlefield_event" not in s.sql for s in statements)


def test_count_in_range_searches_the_day_counts_too(events_db: Database) -> None:
    total, statements = plans_of(events_db, lambda session: count_in_range(
        session, *FEB_MAR, EventFilter(event_types=(EXPLOSIONS,))))
    assert total == 4
    [statement] = statements
    assert "event_day_count" in statement.sql
    assert "(day>? AND day<?)" in statement.plan_text and "SCAN" not in statement.plan_text


# -- counts and markers ---------------------------------------------------------------------------

@pytest.mark.parametrize(("flt", "expected"), [
    (None, 5),
    (EventFilter(event_types=(EXPLOSIONS,)), 4),
    (EventFilter(target_category="energy"), 2),
    (EventFilter(date_from=date(2026, 2, 5)), 3),
    (EventFilter(date_to=date(2026, 2, 8)), 3),
    (EventFilter(date_from=date(2026, 1, 1), date_to=date(2026, 12, 31)), 5),
    (EventFilter(place="Kharkiv"), 2),
    (EventFilter(text="missile"), 2),
    (EventFilter(text="missile", place="odesa"), 1),
])
def test_count_in_range(events_db: Database, path: str, flt: EventFilter | None,
                        expected: int) -> None:
    with events_db.reading() as session:
        assert count_in_range(session, date(2026, 2, 1), date(2026, 2, 28), flt) == expected


def test_markers_come_in_date_order_with_their_fields(events_db: Database) -> None:
    with events_db.reading() as session:
        markers = event_markers(session, date(2025, 12, 1), date(2026, 2, 8))
    assert markers == [
        EventMarker(8, date(2025, 12, 31), Precision.DAY, EXPLOSIONS, "energy", 2, "Kyiv",
                    "New year drone attack hit a substation"),
        EventMarker(1, date(2026, 2, 2), Precision.DAY, EXPLOSIONS, "energy", 3, "Kharkiv",
                    "Drone strike on a substation"),
        EventMarker(2, date(2026, 2, 4), Precision.DAY, EXPLOSIONS, "energy", None, "Kyiv",
                    "Missile strike on a power plant"),
        EventMarker(3, date(2026, 2, 8), Precision.DAY, BATTLES, "", 2, "Pokrovsk",
                    "Armed clash near the town"),
    ]


def test_markers_on_one_day_go_by_id_and_stop_at_the_limit(db: Database) -> None:
    day = date(2026, 5, 9)
    with db.transaction() as session:
        _add(session, [Spec(day, BATTLES, "", n, None, "Kyiv", "x" * 400 + str(n))
                       for n in range(5)])
    with db.reading() as session:
        markers = event_markers(session, day, day, limit=3)
        filtered = event_markers(session, day, day, EventFilter(text="xxx"), limit=2)
    assert [m.id for m in markers] == [1, 2, 3]
    assert [m.fatalities for m in markers] == [0, 1, 2]
    assert all(len(m.summary) == 300 for m in markers)  # the summary's first 300 characters
    assert [m.id for m in filtered] == [1, 2]


def test_markers_follow_the_filter(events_db: Database) -> None:
    with events_db.reading() as session:
        kharkiv = event_markers(session, date(2026, 1, 1), date(2026, 12, 31),
                                EventFilter(place="Kharkiv"))
        energy = event_markers(session, date(2026, 1, 1), date(2026, 12, 31),
                               EventFilter(target_category="energy", date_from=date(2026, 2, 3)))
    assert [(m.id, m.day) for m in kharkiv] == [
        (1, date(2026, 2, 2)), (4, date(2026, 2, 9)), (6, date(2026, 3, 1))]
    assert [(m.id, m.day) for m in energy] == [(2, date(2026, 2, 4)), (7, date(2026, 4, 1))]


def test_density_follows_edits_of_the_events(edited_db: Database, path: str) -> None:
    with edited_db.transaction() as session:
        moved = session.get(BattlefieldEvent, 5)
        assert moved is not None
        moved.event_date, moved.target_category, moved.injuries = date(2026, 3, 2), "energy", 6
        gone = session.get(BattlefieldEvent, 4)
        session.delete(gone)
    assert _density(edited_db, *FEB_MAR, Bucket.MONTH) == [
        (date(2026, 2, 1), "", 1, 2, 1), (date(2026, 2, 1), "energy", 2, 3, 4),
        (date(2026, 3, 1), "", 1, 0, 0), (date(2026, 3, 1), "energy", 1, 5, 6)]



def test_markers_say_whose_week_dates_are_midweek_and_carry_a_given_span(
        db: Database) -> None:
    with db.transaction() as session:
        for number, (dataset, precision, end) in enumerate((
                ("ACLED", Precision.WEEK, None), ("TEST", Precision.WEEK, None),
                ("UCDP GED", Precision.WEEK, date(2026, 2, 20)))):
            session.add(BattlefieldEvent(
                dataset=dataset, external_id=str(number), event_date=date(2026, 2, 11),
                event_date_end=end, date_precision=precision, event_type="Battles"))
    with db.reading() as session:
        markers = event_markers(session, date(2026, 2, 1), date(2026, 2, 28))
    assert [(m.midweek, m.last_day, m.vague) for m in markers] == [
        (True, None, True), (False, None, True), (False, date(2026, 2, 20), True)]
