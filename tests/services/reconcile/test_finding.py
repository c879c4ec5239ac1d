"""Candidate pairs: the same days, within the distance, of compatible types, found in SQL."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import select, text
from sqlalchemy.orm import Session

from tests.services.reconcile.events_for_matching import KHARKIV, add_event, north_of
from tracker.domain.enums import Precision
from tracker.domain.event_time import EventTime
from tracker.domain.matches import EventMatch, MatchStatus
from tracker.services.imports.importing import ImportCancelled
from tracker.services.reconcile.finding import (
    FindProgress,
    SearchRefused,
    find_candidates,
    search_terms,
)
from tracker.storage.database import Database
from tracker.storage.match_candidates import (
    _squared_equirectangular_sql,
    haversine_sql,
    window_columns,
)

DAY = date(2024, 1, 2)
TERMS = search_terms("ACLED", "UCDP GED")


def _pairs(session: Session) -> set[tuple[int, int]]:
    return {(row.left_id, row.right_id) for row in session.scalars(select(EventMatch))}


def test_the_same_strike_told_twice_is_a_candidate(db: Database) -> None:
    with db.transaction() as session:
        acled = add_event(session, "ACLED", DAY, fatalities=4)
        ucdp = add_event(session, "UCDP GED", DAY, north_of(5), fatalities=4,
                         fatalities_low=3, fatalities_high=9)
        add_event(session, "UCDP GED", DAY, north_of(20))  # too far
        add_event(session, "UCDP GED", DAY + timedelta(days=1))  # another day
        add_event(session, "ACLED", DAY, event_type="Protests")  # not violence UCDP counts
        result = find_candidates(session, TERMS)
        assert _pairs(session) == {(acled, ucdp)}
        match = session.scalars(select(EventMatch)).one()
    assert result.proposed == 1 and result.found == 1
    assert match.status is MatchStatus.PROPOSED
    assert match.distance_km == pytest.approx(5, abs=0.01)
    # 0.4 × (1 − 5/10) + 0.3 × same day + 0.15 × compatible type + 0.15 × 4 within 3..9
    assert match.score == pytest.approx(0.8, abs=0.002)


def test_the_distance_is_the_users(db: Database) -> None:
    with db.transaction() as session:
        add_event(session, "ACLED", DAY)
        add_event(session, "UCDP GED", DAY, north_of(20))
        assert find_candidates(session, search_terms("ACLED", "UCDP GED", 25)).proposed == 1
        # A narrower search replaces the proposals of the wider one.
        assert find_candidates(session, TERMS).proposed == 0


def test_imprecise_dates_pair_when_their_days_overlap(db: Database) -> None:
    with db.transaction() as session:
        week = add_event(session, "ACLED", DAY, date_precision=Precision.WEEK)  # 30 Dec..5 Jan
        inside = add_event(session, "UCDP GED", DAY + timedelta(days=3))
        span = add_event(session, "UCDP GED", DAY - timedelta(days=6),
                         event_date_end=DAY - timedelta(days=3))  # 27..30 Dec
        add_event(session, "UCDP GED", DAY + timedelta(days=4))  # 6 Jan: after the week
        add_event(session, "UCDP GED", DAY.replace(day=1), date_precision=Precision.MONTH)
        add_event(session, "UCDP GED", date(2023, 12, 1), event_date_end=date(2024, 2, 1))
        find_candidates(session, TERMS)
        assert _pairs(session) == {(week, inside), (week, span)}


def test_decided_pairs_stay_and_are_not_proposed_again(db: Database) -> None:
    with db.transaction() as session:
        acled = add_event(session, "ACLED", DAY)
        ucdp = add_event(session, "UCDP GED", DAY)
        find_candidates(session, TERMS)
        session.execute(text("UPDATE event_match SET status = 'rejected'"))
        again = find_candidates(session, TERMS)
        assert (again.proposed, again.decided) == (0, 1)
        # The other way round finds nothing new either.
        assert find_candidates(session, search_terms("UCDP GED", "ACLED")).found == 0
        assert _pairs(session) == {(acled, ucdp)}


def test_the_search_says_how_far_it_is_and_stops_when_asked(db: Database) -> None:
    import threading

    seen: list[FindProgress] = []
    cancel = threading.Event()
    with db.transaction() as session:
        for month in range(1, 7):
            add_event(session, "ACLED", date(2024, month, 3))
            add_event(session, "UCDP GED", date(2024, month, 3))
        find_candidates(session, TERMS, progress=seen.append)
        assert seen[-1].fraction == 1.0 and len(seen) > 3

        def stop(update: FindProgress) -> None:
            if update.done == 2:
                cancel.set()

        with pytest.raises(ImportCancelled):
            find_candidates(session, TERMS, progress=stop, cancel=cancel)


def test_refusals(db: Database) -> None:
    with pytest.raises(SearchRefused, match="two different"):
        search_terms("ACLED", "ACLED")
    with pytest.raises(SearchRefused, match="at most"):
        search_terms("ACLED", "UCDP GED", 5000)
    with db.transaction() as session, pytest.raises(SearchRefused, match="no dataset"):
        find_candidates(session, TERMS)


@pytest.mark.parametrize(("precision", "end", "dataset"), [
    (Precision.DAY, None, "ACLED"), (Precision.WEEK, None, "ACLED"),
    (Precision.WEEK, None, "UCDP GED"), (Precision.UNKNOWN, None, "ACLED"),
    (Precision.DAY, DAY + timedelta(days=3), "UCDP GED"),
])
def test_the_sql_days_are_event_time(db: Database, precision: Precision, end: date | None,
                                     dataset: str) -> None:
    time = EventTime.of(DAY, precision, end, midweek=dataset == "ACLED")
    dialect = db.engine.dialect.name
    first, length = window_columns(dialect)
    with db.transaction() as session:
        add_event(session, dataset, DAY, date_precision=precision, event_date_end=end)
        epoch = "CAST(julianday('2024-01-02') AS INTEGER)" if dialect == "sqlite" \
            else "(DATE '2024-01-02' - DATE '2000-01-01')"
        offset, days = session.execute(text(
            f"SELECT {first} - {epoch}, {length} + 1 FROM battlefield_event e")).one()
    assert DAY + timedelta(days=offset) == time.first
    assert days == time.days


def test_the_flat_distance_agrees_with_haversine(db: Database) -> None:
    with db.transaction() as session:
        add_event(session, "ACLED", DAY)
        add_event(session, "UCDP GED", DAY, (KHARKIV[0] + 0.05, KHARKIV[1] + 0.08))
        sphere, flat = session.execute(text(
            f"SELECT {haversine_sql('a', 'b')}, {_squared_equirectangular_sql('a', 'b')} "
            "FROM battlefield_event a JOIN battlefield_event b ON a.id < b.id")).one()
    assert flat ** 0.5 == pytest.approx(sphere, rel=1e-3)


@pytest.mark.sqlite_only
def test_the_page_cache_is_given_back(db: Database) -> None:
    with db.transaction() as session:
        add_event(session, "ACLED", DAY)
        add_event(session, "UCDP GED", DAY)
        # The caches SQLite uses, by their spill thresholds (pages): the temporary
        # schema's size reads 0 until it is set, whether it is then the default or the
        # smallest there is.
        def sizes() -> tuple[int, int, int]:
            return (session.execute(text("PRAGMA main.cache_size")).scalar_one(),
                    session.execute(text("PRAGMA main.cache_spill")).scalar_one(),
                    session.execute(text("PRAGMA temp.cache_spill")).scalar_one())

        before = sizes()
        find_candidates(session, TERMS)
        assert sizes() == before
