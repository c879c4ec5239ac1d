"""Chronology pages and exports merge the few facts with events read off the date index:
no query sorts the events, a page reads only the events it can show, and an export runs
the same few statements for a hundred events or a million (issue 3).

What each call reads is checked on both backends; the plans are SQLite's (sqlite_only),
PostgreSQL's are in test_postgres_plans.py."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import insert

from tests.query_plans import limit_and_offset, plans_of, statements_of
from tests.services.scenario import build
from tracker.domain.chronology import ChronologyEntry, EntryKind, event_instant
from tracker.domain.enums import FactorLevel, FactorTrend, Precision, RoundFormat, RoundStatus
from tracker.domain.events import BattlefieldEvent
from tracker.domain.timewindow import ScheduledWindow
from tracker.services import rounds
from tracker.services.chronology.chronology import (
    chronology_page,
    count_chronology,
    iter_chronology,
)
from tracker.services.claims.claim_operations import ClaimDraft, add_claim
from tracker.services.factors import factors
from tracker.services.factors.operations import new_reading
from tracker.storage.database import Database

START = date(2026, 1, 20)


def _events(db: Database, count: int, days: int = 20) -> None:
    rng = random.Random(count)
    rows = [{"dataset": f"test{count}", "external_id": f"C{number}",
             "event_date": START + timedelta(days=rng.randrange(days)),
             "date_precision": Precision.DAY, "event_type": "Battles", "sub_event_type": "",
             "target_category": "", "actor1": "", "actor2": "", "admin1": "", "admin2": "",
             "location": "Kupiansk", "latitude": None, "longitude": None,
             "fatalities": None, "injuries": None, "summary": f"event {number}"}
            for number in range(count)]
    with db.transaction() as session:
        session.execute(insert(BattlefieldEvent), rows)


@pytest.fixture
def timeline(db: Database) -> Database:
    """Facts of every kind between and around 120 events, some at the very instant an
    event day sorts (12:00 UTC), an undated round, and a round before any event."""
    with db.transaction() as session:
        ids = build(session)  # a round announced for the week of 2 Feb, with its change
        for title, window in (
            ("Exact at noon", ScheduledWindow.exact(datetime(2026, 1, 25, 14), None,
                                                    "Europe/Kyiv")),
            ("Before everything", ScheduledWindow.days(date(2025, 12, 1), "Europe/Kyiv")),
            ("Undated", ScheduledWindow.unknown("Europe/Kyiv")),
        ):
            rounds.create_round(session, rounds.RoundDraft(
                ids.track, title, RoundFormat.TECHNICAL,
                rounds.RoundState(window, None, RoundStatus.PROPOSED)))
        for at in (datetime(2026, 1, 22, 12, tzinfo=UTC), datetime(2026, 1, 22, 12, 1,
                                                                     tzinfo=UTC),
                   datetime(2026, 1, 30, 3, tzinfo=UTC), datetime(2026, 3, 1, tzinfo=UTC)):
            new_reading(session, ids.tensions, factors.ReadingDraft(
                at, FactorLevel.HIGH, FactorTrend.RISING))
        # Claims on a day and a place: on event days (at the instant their events sort),
        # the day of a reading at noon, and a day after every event.
        for day in (date(2026, 1, 22), date(2026, 1, 25), date(2026, 1, 25),
                    date(2026, 3, 1)):
            add_claim(session, ClaimDraft("drones intercepted", "Air Force", best=5,
                                          day=day, place="Kyiv region"))
    _events(db, 120)
    return db


def _whole(db: Database, **kwargs: object) -> list[ChronologyEntry]:
    with db.reading() as session:
        return list(iter_chronology(session, **kwargs))  # type: ignore[arg-type]


def _key(entry: ChronologyEntry) -> tuple[object, ...]:
    return (entry.when is None, entry.when or datetime.min.replace(tzinfo=UTC),
            list(EntryKind).index(entry.kind), entry.record_id)


@pytest.mark.parametrize("window", [{}, {"date_from": date(2026, 1, 22),
                                         "date_to": date(2026, 1, 30), "tz": "Asia/Tokyo"}])
def test_every_page_is_the_stream_read_any_way(timeline: Database,
                                               window: dict[str, object]) -> None:
    whole = _whole(timeline, **window)
    assert [_key(e) for e in whole] == sorted(_key(e) for e in whole)  # a total order
    size = 6
    with timeline.reading() as session:
        total = count_chronology(session, **window)  # type: ignore[arg-type]
        assert total == len(whole)
        for offset in range(0, total + 1):
            expected = whole[offset:offset + size]
            page = dict(offset=offset, limit=size, **window)
            assert chronology_page(session, **page) == expected, offset  # type: ignore[arg-type]
            assert chronology_page(session, total=total, **page) == expected, offset  # type: ignore[arg-type]
            if 0 < offset < total:
                assert chronology_page(session, after=whole[offset - 1], **page) == expected
            if offset + size < total:
                assert chronology_page(session, before=whole[offset + size], **page) == expected


def test_facts_at_an_event_days_instant_come_before_its_events(timeline: Database) -> None:
    whole = _whole(timeline)
    noon = event_instant(date(2026, 1, 22))
    at_noon = [entry for entry in whole if entry.when == noon]
    assert at_noon[0].kind is EntryKind.FACTOR_READING
    # The day's claim, a day-precision fact, after the reading and before the events.
    assert at_noon[1].kind is EntryKind.CLAIM
    assert {entry.kind for entry in at_noon[2:]} == {EntryKind.EVENT}
    assert whole[-1].title == "Undated" and whole[0].title == "Before everything"


def _is_event_read(sql: str) -> bool:
    return "battlefield_event.event_date" in sql and "FROM battlefield_event" in sql \
        and "count(*)" not in sql


def _event_reads(statements: list) -> list:  # type: ignore[type-arg]
    return [s for s in statements if _is_event_read(s.sql)]


def test_a_page_reads_only_the_events_it_can_show(timeline: Database) -> None:
    _events(timeline, 1500, days=300)
    with timeline.reading() as session:
        total = count_chronology(session)
    others = total - 1620
    for offset in (0, 700, total - 10):
        page, statements = statements_of(timeline, lambda s, o=offset: chronology_page(
            s, offset=o, limit=50, total=total))
        assert page == _whole(timeline)[offset:offset + 50]
        # One read of event keys, of at most a page plus the other facts, from the
        # nearer end of the date index, and one read of the rows shown.
        [(keys, parameters)] = [(sql, parameters) for sql, parameters in statements
                                if _is_event_read(sql) and "ORDER BY" in sql]
        limit, skipped = limit_and_offset(keys, parameters)
        assert limit is not None and limit <= 50 + others
        assert skipped <= total // 2


@pytest.mark.sqlite_only
def test_a_pages_event_keys_come_off_the_covering_date_index(timeline: Database) -> None:
    _events(timeline, 1500, days=300)
    with timeline.reading() as session:
        total = count_chronology(session)
    for offset in (0, 700, total - 10):
        _page, statements = plans_of(timeline, lambda s, o=offset: chronology_page(
            s, offset=o, limit=50, total=total))
        reads = _event_reads(statements)
        for statement in reads:
            assert not statement.sorts(), statement  # no query sorts the events
        [keys] = [s for s in reads if "ORDER BY" in s.sql]
        assert "COVERING INDEX ix_battlefield_event_date" in keys.plan_text


@pytest.mark.sqlite_only  # the pages themselves: test_every_page_is_the_stream_read_any_way
def test_the_page_after_a_shown_one_seeks_the_date_index(timeline: Database) -> None:
    _events(timeline, 1500, days=300)
    whole = _whole(timeline)
    for anchor in (whole[700], whole[3], next(e for e in whole if e.kind is EntryKind.ROUND
                                               and e.when is not None)):
        for side in ("after", "before"):
            page, statements = plans_of(timeline, lambda s, a=anchor, side=side:
                                        chronology_page(s, offset=0, limit=40, **{side: a}))
            index = whole.index(anchor)
            assert page == (whole[index + 1:index + 41] if side == "after"
                            else whole[max(0, index - 40):index])
            for statement in _event_reads(statements):
                assert not statement.scans_events(), statement
                assert not statement.sorts(), statement


def test_the_count_counts_btree_cells(timeline: Database) -> None:
    total, statements = statements_of(timeline, count_chronology)
    assert total == len(_whole(timeline))
    [events] = [sql for sql, _parameters in statements if "FROM battlefield_event" in sql]
    assert "count(*)" in events and "WHERE" not in events


def test_an_export_runs_the_same_statements_for_any_number_of_events(db: Database) -> None:
    """Set-based: the events, their links and their sources are three statements read
    side by side in date order, however many events there are."""
    with db.transaction() as session:
        build(session)
    _events(db, 100)
    small, statements = statements_of(db, lambda s: len(list(iter_chronology(s))))
    _events(db, 2000, days=200)
    large, more = statements_of(db, lambda s: len(list(iter_chronology(s))))
    assert large == small + 2000
    assert [sql for sql, _parameters in more] == [sql for sql, _parameters in statements]


@pytest.mark.sqlite_only
def test_an_export_streams_the_events_off_the_date_index(db: Database) -> None:
    with db.transaction() as session:
        build(session)
    _events(db, 2000, days=200)
    _count, statements = plans_of(db, lambda s: len(list(iter_chronology(s))))
    stream = next(s for s in statements if "ORDER BY battlefield_event.event_date" in s.sql
                  and "summary" in s.sql)
    assert "ix_battlefield_event_date" in stream.plan_text
    assert not stream.sorts()
