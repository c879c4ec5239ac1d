"""Linking events to rounds and factors, unlinking for undo, and suggestions."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from tests.services.scenario import add_events, build
from tracker.domain.enums import LinkKind
from tracker.domain.timewindow import ScheduledWindow
from tracker.services import linking, rounds, schedule
from tracker.services.errors import NotFoundError, ValidationError
from tracker.services.events import event_detail
from tracker.storage.database import Database


@pytest.fixture
def linked_db(db: Database) -> Database:
    with db.transaction() as session:
        ids = build(session)
        schedule.relocate(session, ids.round, ids.istanbul, schedule.ChangeNote())
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


def test_suggestions_near_the_venue(linked_db: Database) -> None:
    with linked_db.reading() as session:
        found = linking.suggest_for_round(session, 1, days=8, radius_km=50)
    assert [s.event.summary for s in found] == ["7 days before", "8 days before"]
    assert all(s.distance_km is not None and s.distance_km < 50 for s in found)


def test_undated_round_gets_no_suggestions(linked_db: Database) -> None:
    with linked_db.transaction() as session:
        schedule.postpone(session, 1, schedule.ChangeNote())
    with linked_db.reading() as session:
        assert linking.suggest_for_round(session, 1) == []


def test_link_unlink_and_relink_with_same_id(linked_db: Database) -> None:
    spec = linking.LinkSpec(event_id=3, round_id=1, factor_id=None,
                            kind=LinkKind.ESCALATION, note=" strikes during talks ")
    with linked_db.transaction() as session:
        link_id = linking.link_event(session, spec)
    with linked_db.reading() as session:
        [info] = event_detail(session, 3).links
        assert (info.round_id, info.target, info.note) == (1, "Round: Trilateral round",
                                                          "strikes during talks")
        assert linking.suggest_for_round(session, 1)[0].already_linked
    with linked_db.transaction() as session:
        removed = linking.unlink(session, link_id)
    with linked_db.reading() as session:
        assert event_detail(session, 3).links == ()
    with linked_db.transaction() as session:
        assert linking.link_event(session, removed, link_id=link_id) == link_id
    with linked_db.reading() as session:
        [linked] = rounds.round_detail(session, 1).linked_events
    assert (linked.link_id, linked.kind, linked.note) == (link_id, LinkKind.ESCALATION,
                                                         "strikes during talks")


def test_a_link_has_exactly_one_target(linked_db: Database) -> None:
    with linked_db.transaction() as session, pytest.raises(ValidationError):
        linking.link_event(session, linking.LinkSpec(1, 1, 1, LinkKind.CONTEXT))


def test_duplicate_link_is_a_validation_error_and_keeps_the_first(linked_db: Database) -> None:
    spec = linking.LinkSpec(1, 1, None, LinkKind.CONTEXT)
    with linked_db.transaction() as session:
        linking.link_event(session, spec)
        with pytest.raises(ValidationError):
            linking.link_event(session, spec)
    with linked_db.reading() as session:
        assert len(event_detail(session, 1).links) == 1


def test_linking_to_missing_things_fails_cleanly(linked_db: Database) -> None:
    with linked_db.transaction() as session:
        with pytest.raises(NotFoundError):
            linking.link_event(session, linking.LinkSpec(999, 1, None, LinkKind.CONTEXT))
        with pytest.raises(NotFoundError):
            linking.link_event(session, linking.LinkSpec(1, None, 999, LinkKind.CONTEXT))


def test_suggestions_follow_a_reschedule(linked_db: Database) -> None:
    later = ScheduledWindow.exact(datetime(2026, 2, 15, 10), None, "Europe/Istanbul")
    with linked_db.transaction() as session:
        schedule.reschedule(session, 1, later, schedule.ChangeNote())
    with linked_db.reading() as session:
        found = linking.suggest_for_round(session, 1, days=1)
    assert [s.event.summary for s in found] == ["7 days after"]
