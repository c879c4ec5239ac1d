"""Linking events to rounds and factors, unlinking for undo, and suggestions."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from tests.query_plans import limit_and_offset, plans_of, statements_of
from tests.services.scenario import add_events, build
from tests.services.table_state import undo_of
from tracker.domain.enums import LinkKind
from tracker.domain.events import BattlefieldEvent, EventLink
from tracker.domain.sources import Citation, Source
from tracker.domain.timewindow import ScheduledWindow
from tracker.services import rounds
from tracker.services.common.errors import NotFoundError, ValidationError
from tracker.services.events import linking
from tracker.services.events.events import event_detail
from tracker.services.events.link_operations import add_link, remove_link
from tracker.services.records import reference
from tracker.services.records.citations import cite
from tracker.storage.database import Database


@pytest.fixture
def linked_db(db: Database) -> Database:
    with db.transaction() as session:
        ids = build(session)
        rounds.relocate(session, ids.round, ids.istanbul, rounds.ChangeNote())
        add_events(session, [
            {"event_date": date(2026, 1, 26), "summary": "7 days before",
             "latitude": 41.05, "longitude": 29.0},
            {"event_date": date(2026, 1, 25), "summary": "8 days before",
             "latitude": 41.0, "longitude": 29.0},
            {"event_date": date(2026, 2, 4), "summary": "during, far away",
             "latitude": 50.45, "longitude": 30.52},
            {"event_date": date(2026, 2, 15), "summary": "7 days after"},
        ])
    return db


def test_suggestions_cover_plus_minus_days(linked_db: Database) -> None:
    with linked_db.reading() as session:
        found = linking.suggest_for_round(session, 1, days=7)
    assert [(s.event.summary, s.days_from_window) for s in found] == [
        ("during, far away", 0), ("7 days before", 7), ("7 days after", 7)]


def test_withdrawn_and_merged_events_are_not_suggested(linked_db: Database) -> None:
    with linked_db.transaction() as session:
        for summary, status in (("7 days before", "withdrawn"), ("7 days after", "merged")):
            session.execute(update(BattlefieldEvent).where(BattlefieldEvent.summary == summary)
                            .values(record_status=status))
    with linked_db.reading() as session:
        found = linking.suggest_for_round(session, 1, days=7, limit=1)
    assert [s.event.summary for s in found] == ["during, far away"]
    assert found.total == 1  # the count leaves them out too


def test_suggestions_near_the_venue(linked_db: Database) -> None:
    with linked_db.reading() as session:
        found = linking.suggest_for_round(session, 1, days=8, radius_km=50)
    assert [s.event.summary for s in found] == ["7 days before", "8 days before"]
    assert all(s.distance_km is not None and s.distance_km < 50 for s in found)


def test_undated_round_gets_no_suggestions(linked_db: Database) -> None:
    with linked_db.transaction() as session:
        rounds.postpone(session, 1, rounds.ChangeNote())
    with linked_db.reading() as session:
        assert linking.suggest_for_round(session, 1) == []


def test_link_unlink_and_relink_with_same_id(linked_db: Database) -> None:
    spec = linking.LinkSpec(event_id=3, round_id=1, factor_id=None,
                            kind=LinkKind.ESCALATION, note=" strikes during talks ")
    with linked_db.transaction() as session:
        link_id = add_link(session, spec).record_id
    with linked_db.reading() as session:
        [info] = event_detail(session, 3).links
        assert (info.round_id, info.target, info.note) == (1, "Round: Trilateral round",
                                                          "strikes during talks")
        assert linking.suggest_for_round(session, 1)[0].already_linked
    with linked_db.transaction() as session:
        removed = remove_link(session, link_id)
    with linked_db.reading() as session:
        assert event_detail(session, 3).links == ()
    with linked_db.transaction() as session:
        assert undo_of(removed)(session).record_id == link_id
    with linked_db.reading() as session:
        [linked] = rounds.round_detail(session, 1).linked_events
    assert (linked.link_id, linked.kind, linked.note) == (link_id, LinkKind.ESCALATION,
                                                         "strikes during talks")


def test_a_link_has_exactly_one_target(linked_db: Database) -> None:
    with linked_db.transaction() as session, pytest.raises(ValidationError):
        add_link(session, linking.LinkSpec(1, 1, 1, LinkKind.CONTEXT))


def test_duplicate_link_is_a_validation_error_and_keeps_the_first(linked_db: Database) -> None:
    spec = linking.LinkSpec(1, 1, None, LinkKind.CONTEXT)
    with linked_db.transaction() as session:
        add_link(session, spec)
        with pytest.raises(ValidationError):
            add_link(session, spec)
    with linked_db.reading() as session:
        assert len(event_detail(session, 1).links) == 1


def test_linking_to_missing_things_fails_cleanly(linked_db: Database) -> None:
    with linked_db.transaction() as session:
        with pytest.raises(NotFoundError):
            add_link(session, linking.LinkSpec(999, 1, None, LinkKind.CONTEXT))
        with pytest.raises(NotFoundError):
            add_link(session, linking.LinkSpec(1, None, 999, LinkKind.CONTEXT))


def test_suggestions_follow_a_reschedule(linked_db: Database) -> None:
    later = ScheduledWindow.exact(datetime(2026, 2, 15, 10), None, "Europe/Istanbul")
    with linked_db.transaction() as session:
        rounds.reschedule(session, 1, later, rounds.ChangeNote())
    with linked_db.reading() as session:
        found = linking.suggest_for_round(session, 1, days=1)
    assert [s.event.summary for s in found] == ["7 days after"]


def _crowd(day: date, count: int, **values: object) -> list[dict[str, object]]:
    return [{"event_date": day, "summary": f"{day:%d %b} #{n}", **values}
            for n in range(count)]


def test_suggestions_rank_by_days_from_the_window_before_the_limit(
        linked_db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    # More events on the span's first day than the limit: a limit taken in date order
    # would return only those, hiding the events during the talks.
    with linked_db.transaction() as session:
        session.execute(delete(BattlefieldEvent))
        add_events(session, _crowd(date(2026, 1, 26), 6) + _crowd(date(2026, 2, 9), 2)
                   + _crowd(date(2026, 2, 5), 2) + _crowd(date(2026, 2, 2), 1))
    monkeypatch.setattr(linking, "SUGGESTION_LIMIT", 4)
    with linked_db.reading() as session:
        found = linking.suggest_for_round(session, 1, days=7)
    assert [(s.event.summary, s.days_from_window) for s in found] == [
        ("02 Feb #0", 0), ("05 Feb #0", 0), ("05 Feb #1", 0), ("09 Feb #0", 1)]
    assert (found.total, found.truncated) == (11, True)


def test_suggestions_not_cut_say_so(linked_db: Database) -> None:
    with linked_db.reading() as session:
        found = linking.suggest_for_round(session, 1, days=7)
        assert (found.total, found.truncated) == (3, False)
        assert (linking.suggest_for_round(session, 1, days=7, limit=3).truncated,
                linking.suggest_for_round(session, 1, days=7, limit=2).total) == (False, 3)


def test_radius_is_applied_before_the_limit(
        linked_db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    # Istanbul is at 41.01 N 28.98 E. These lie in a 50 km box around it but 60+ km away,
    # and during the talks, so they rank first unless the exact test runs in SQL.
    with linked_db.transaction() as session:
        add_events(session, [{**row, "external_id": f"corner{n}"} for n, row in enumerate(
            _crowd(date(2026, 2, 3), 3, latitude=41.41, longitude=29.53))])
    monkeypatch.setattr(linking, "SUGGESTION_LIMIT", 2)
    with linked_db.reading() as session:
        found = linking.suggest_for_round(session, 1, days=8, radius_km=50)
    assert [s.event.summary for s in found] == ["7 days before", "8 days before"]
    assert (found.total, found.truncated) == (2, False)


def _relocate_to(db: Database, latitude: float, longitude: float) -> None:
    with db.transaction() as session:
        # The round's own zone, so its window stays as it is: only the place matters here
        # (a venue left at "UTC" has no known zone, which a relocation refuses).
        venue = reference.create_venue(session, name="Elsewhere", latitude=latitude,
                                       longitude=longitude, time_zone="Europe/Istanbul")
        rounds.relocate(session, 1, venue, rounds.ChangeNote())


@pytest.mark.parametrize(("venue", "inside", "outside"), [
    # Far north, a 1000 km circle reaches 18.2 degrees of longitude east (at 61.3 N),
    # more than radius / (111 km x cos 60) = 18.0.
    ((60.0, 30.0), (61.26, 48.15), (61.26, 48.3)),
    # Across the antimeridian.
    ((-17.0, 179.9), (-17.0, -179.9), (-17.0, -179.0)),
    # Around the pole.
    ((89.0, 0.0), (89.5, 180.0), (80.0, 180.0)),
])
def test_radius_is_a_true_circle(
        linked_db: Database, venue: tuple[float, float], inside: tuple[float, float],
        outside: tuple[float, float]) -> None:
    radius = 1000.0 if venue[0] == 60.0 else 50.0 if venue[0] < 0 else 300.0
    _relocate_to(linked_db, *venue)
    with linked_db.transaction() as session:
        session.execute(delete(BattlefieldEvent))
        add_events(session, [
            {"event_date": date(2026, 2, 3), "summary": "inside",
             "latitude": inside[0], "longitude": inside[1]},
            {"event_date": date(2026, 2, 3), "summary": "outside",
             "latitude": outside[0], "longitude": outside[1]},
        ])
    with linked_db.reading() as session:
        found = linking.suggest_for_round(session, 1, radius_km=radius)
    [near] = found
    assert near.event.summary == "inside"
    assert near.distance_km is not None and near.distance_km <= radius


def test_unlink_then_relink_restores_created_at_and_citations(linked_db: Database) -> None:
    with linked_db.transaction() as session:
        link_id = add_link(
            session, linking.LinkSpec(3, 1, None, LinkKind.ESCALATION, "during talks")).record_id
        papers = [Source(outlet="Reuters"), Source(outlet="Kyiv Independent")]
        session.add_all(papers)
        session.flush()
        cite(session, papers[1].id, "event_link_id", link_id, "para. 4")
        cite(session, papers[0].id, "event_link_id", link_id)
    with linked_db.reading() as session:
        before = _link_state(session, link_id)
    with linked_db.transaction() as session:
        removed = remove_link(session, link_id)
    with linked_db.reading() as session:
        assert session.get(EventLink, link_id) is None
        assert _link_state(session, link_id)[1] == []  # citations went with the link
    with linked_db.transaction() as session:
        assert undo_of(removed)(session).record_id == link_id
    with linked_db.reading() as session:
        assert _link_state(session, link_id) == before
        assert before[1] == [(papers[1].id, "para. 4"), (papers[0].id, "")]


def test_relink_refuses_a_source_deleted_since(linked_db: Database) -> None:
    with linked_db.transaction() as session:
        link_id = add_link(session, linking.LinkSpec(3, 1, None, LinkKind.CONTEXT)).record_id
        source = Source(outlet="Gone")
        session.add(source)
        session.flush()
        cite(session, source.id, "event_link_id", link_id)
    with linked_db.transaction() as session:
        removed = remove_link(session, link_id)
        session.execute(delete(Source))
    with linked_db.transaction() as session, pytest.raises(NotFoundError):
        undo_of(removed)(session)
    with linked_db.reading() as session:
        assert session.get(EventLink, link_id) is None


def _link_state(session: Session, link_id: int) -> tuple[object, list[tuple[int, str]]]:
    link = session.get(EventLink, link_id)
    row = None if link is None else (link.event_id, link.round_id, link.factor_id, link.kind,
                                     link.note, link.created_at)
    citations = session.execute(
        select(Citation.source_id, Citation.detail)
        .where(Citation.event_link_id == link_id).order_by(Citation.id)
    ).all()
    return row, [tuple(c) for c in citations]  # type: ignore[misc]


def _crowd_the_fortnight(db: Database) -> None:
    """30 events a day from 7 days before the round's week to 7 days after it."""
    with db.transaction() as session:
        for day in range(-7, 14):
            add_events(session, [{**row, "external_id": f"d{day}n{n}"} for n, row in
                                 enumerate(_crowd(date(2026, 2, 2) + timedelta(days=day), 30))])


def test_suggestions_read_only_the_rows_they_show(
        linked_db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    """The window's days in order, then the nearest days either side, each read
    stopping at the limit (#3)."""
    _crowd_the_fortnight(linked_db)
    monkeypatch.setattr(linking, "SUGGESTION_LIMIT", 50)
    found, statements = statements_of(linked_db,
                                      lambda s: linking.suggest_for_round(s, 1, days=7))
    assert len(found) == 50 and found.total > 600
    reads = [(sql, parameters) for sql, parameters in statements
             if "ORDER BY" in sql and "battlefield_event" in sql]
    [(during, parameters)] = reads  # the window alone fills the page
    assert limit_and_offset(during, parameters) == (50, 0)
    # Few enough during the window: the days around it, nearest first, each cut too.
    monkeypatch.setattr(linking, "SUGGESTION_LIMIT", 250)
    found, statements = statements_of(linked_db,
                                      lambda s: linking.suggest_for_round(s, 1, days=7))
    assert [s.days_from_window for s in found] == sorted(s.days_from_window for s in found)
    assert found[-1].days_from_window == 1
    # The week of 2 Feb holds 7 × 30 crowded events and the one far away on 4 Feb; the
    # days either side are each read up to what is left of the limit.
    assert [limit_and_offset(sql, parameters)[0] for sql, parameters in statements
            if "ORDER BY" in sql and "battlefield_event" in sql] == [250, 250 - 211, 250 - 211]


@pytest.mark.sqlite_only  # SQLite's plan; PostgreSQL's: test_postgres_plans.py
def test_suggestions_are_ranked_off_the_date_index(
        linked_db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    """Nothing sorts every candidate: each read walks the date index (#3)."""
    _crowd_the_fortnight(linked_db)
    monkeypatch.setattr(linking, "SUGGESTION_LIMIT", 50)
    _found, statements = plans_of(linked_db,
                                  lambda s: linking.suggest_for_round(s, 1, days=7))
    [during] = [s for s in statements if "ORDER BY" in s.sql and "battlefield_event" in s.sql]
    assert "SEARCH battlefield_event USING INDEX ix_battlefield_event_date" in during.plan_text
    assert not during.sorts()
    monkeypatch.setattr(linking, "SUGGESTION_LIMIT", 250)
    _found, statements = plans_of(linked_db,
                                  lambda s: linking.suggest_for_round(s, 1, days=7))
    for statement in (s for s in statements if "ORDER BY" in s.sql
                      and "battlefield_event" in s.sql):
        assert not statement.scans_events(), statement
        # Days before the window run backwards; only each day's ids are put in order.
        assert "USE TEMP B-TREE FOR ORDER BY" not in statement.plan_text, statement
