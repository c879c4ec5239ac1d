"""held_dates: the first and last day the database holds, across every dated kind."""

from __future__ import annotations

from datetime import UTC, date, datetime

from tests.services.scenario import add_events, build
from tracker.domain.enums import FactorLevel, FactorTrend
from tracker.services.chronology.held_dates import HeldDates, held_dates
from tracker.services.factors import factors
from tracker.services.factors.operations import new_factor, new_reading
from tracker.storage.database import Database


def test_an_empty_database_holds_no_dates(db: Database) -> None:
    with db.reading() as session:
        assert held_dates(session) is None


def test_the_span_runs_from_the_earliest_to_the_latest_kind(db: Database) -> None:
    with db.transaction() as session:
        tensions = new_factor(session, "U.S.–Iran tensions").record_id
        add_events(session, [{"event_date": date(2025, 11, 3), "summary": "early strike"},
                             {"event_date": date(2026, 2, 1), "summary": "later strike"}])
        new_reading(session, tensions, factors.ReadingDraft(
            datetime(2026, 6, 30, 23, 30, tzinfo=UTC), FactorLevel.HIGH, FactorTrend.RISING))
    with db.reading() as session:
        assert held_dates(session) == HeldDates(date(2025, 11, 3), date(2026, 6, 30))
        # An instant is a day in the reader's zone: 23:30 UTC is the next day in Kyiv.
        assert held_dates(session, "Europe/Kyiv") == HeldDates(date(2025, 11, 3),
                                                               date(2026, 7, 1))


def test_rounds_and_their_changes_count(db: Database) -> None:
    with db.transaction() as session:
        build(session)  # rounds in February 2026, their changes announced as entered
    with db.reading() as session:
        span = held_dates(session)
    assert span is not None
    assert span.first <= date(2026, 2, 2) <= span.last
