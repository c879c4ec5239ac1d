"""Accepted pairs count once, with the preferred dataset's figures; every decision undoes."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select, text
from sqlalchemy.orm import Session

from tests.services.reconcile.events_for_matching import add_event, north_of
from tracker.domain.events import BattlefieldEvent
from tracker.domain.matches import EventMatch, MatchStatus
from tracker.services.reconcile import decisions
from tracker.services.reconcile.finding import find_candidates, search_terms
from tracker.services.reconcile.pairs import count_pairs, event_versions, list_pairs
from tracker.storage.database import Database

DAY = date(2024, 1, 2)


def _status(session: Session, event_id: int) -> str:
    return session.scalars(select(BattlefieldEvent.record_status)
                           .where(BattlefieldEvent.id == event_id)).one()


def _counted(session: Session) -> tuple[int, int]:
    """Events and fatalities in the day counts (what the timeline and analysis read)."""
    events, deaths = session.execute(text(
        "SELECT sum(events), sum(fatalities) FROM event_day_count")).one()
    return int(events), int(deaths)


def _one_pair(session: Session) -> tuple[int, int, int]:
    acled = add_event(session, "ACLED", DAY, fatalities=7)
    ucdp = add_event(session, "UCDP GED", DAY, north_of(2), fatalities=5,
                     fatalities_low=5, fatalities_high=9)
    find_candidates(session, search_terms("ACLED", "UCDP GED"))
    match_id = session.scalars(select(EventMatch.id)).one()
    return acled, ucdp, match_id


def test_an_accepted_pair_counts_once(db: Database) -> None:
    with db.transaction() as session:
        acled, ucdp, match_id = _one_pair(session)
        assert _counted(session) == (2, 12)
        outcome = decisions.accept(session, [match_id], decided_by="analyst")
        assert (_status(session, acled), _status(session, ucdp)) == ("current", "merged")
        assert _counted(session) == (1, 7)  # ACLED's figures: the left dataset by default
        match = session.get(EventMatch, match_id)
        assert match is not None and match.status is MatchStatus.ACCEPTED
        assert match.decided_by == "analyst" and match.decided_at is not None

        assert outcome.undo is not None
        redo = outcome.undo(session).undo
        assert (_status(session, acled), _status(session, ucdp)) == ("current", "current")
        assert session.get(EventMatch, match_id).status is MatchStatus.PROPOSED  # type: ignore[union-attr]
        assert _counted(session) == (2, 12)
        assert redo is not None
        redo(session)
        assert _status(session, ucdp) == "merged"


def test_the_preferred_dataset_gives_the_figures(db: Database) -> None:
    with db.transaction() as session:
        acled, ucdp, match_id = _one_pair(session)
        decisions.accept(session, [match_id])
        outcome = decisions.set_preferred(session, ["UCDP GED", "ACLED"])
        assert decisions.preferred(session) == ["UCDP GED", "ACLED"]
        assert (_status(session, acled), _status(session, ucdp)) == ("merged", "current")
        assert _counted(session) == (1, 5)
        versions = event_versions(session, acled)
        assert [(v.side.dataset, v.preferred) for v in versions] == [
            ("UCDP GED", True), ("ACLED", False)]
        assert versions[0].side.figures == "5 (low 5, high 9)"
        assert outcome.undo is not None
        outcome.undo(session)
        assert decisions.preferred(session) == []
        assert (_status(session, acled), _status(session, ucdp)) == ("current", "merged")


def test_a_rejected_pair_is_two_events(db: Database) -> None:
    with db.transaction() as session:
        acled, ucdp, match_id = _one_pair(session)
        decisions.accept(session, [match_id])
        decisions.reject(session, [match_id])
        assert (_status(session, acled), _status(session, ucdp)) == ("current", "current")
        assert count_pairs(session, MatchStatus.REJECTED) == 1
        assert event_versions(session, acled) == []


def test_accept_all_above_a_score(db: Database) -> None:
    with db.transaction() as session:
        near = add_event(session, "ACLED", DAY)
        add_event(session, "UCDP GED", DAY, north_of(1))
        add_event(session, "ACLED", date(2024, 2, 5))
        add_event(session, "UCDP GED", date(2024, 2, 5), north_of(9))
        find_candidates(session, search_terms("ACLED", "UCDP GED"))
        scores = sorted(row.score for row in list_pairs(session))
        outcome = decisions.accept_above(session, (scores[0] + scores[1]) / 2,
                                         datasets=("UCDP GED", "ACLED"))
        accepted = list_pairs(session, MatchStatus.ACCEPTED)
        assert [row.left.event_id for row in accepted] == [near]
        assert count_pairs(session, MatchStatus.PROPOSED) == 1
        assert outcome.undo is not None
        outcome.undo(session)
        assert count_pairs(session, MatchStatus.PROPOSED) == 2


def test_a_withdrawn_event_stays_withdrawn(db: Database) -> None:
    with db.transaction() as session:
        _acled, ucdp, match_id = _one_pair(session)
        session.execute(text("UPDATE battlefield_event SET record_status = 'withdrawn' "
                             "WHERE id = :id"), {"id": ucdp})
        decisions.accept(session, [match_id])
        decisions.reject(session, [match_id])
        assert _status(session, ucdp) == "withdrawn"


def test_a_pair_gone_is_refused(db: Database) -> None:
    with db.transaction() as session, pytest.raises(decisions.DecisionRefused):
        decisions.accept(session, [999])


def test_each_pair_follows_its_own_datasets_preference(db: Database) -> None:
    with db.transaction() as session:
        acled = add_event(session, "ACLED", DAY)
        ucdp = add_event(session, "UCDP GED", DAY)
        osint = add_event(session, "OSINT desk", date(2024, 2, 1),
                          event_type="Explosions/Remote violence")
        later = add_event(session, "ACLED", date(2024, 2, 1))
        find_candidates(session, search_terms("ACLED", "UCDP GED"))
        find_candidates(session, search_terms("OSINT desk", "ACLED"))
        decisions.set_preferred(session, ["UCDP GED", "ACLED", "OSINT desk"])
        decisions.accept_above(session, 0.0)
        assert [_status(session, event) for event in (acled, ucdp, osint, later)] == [
            "merged", "current", "merged", "current"]
        assert [v.side.event_id for v in event_versions(session, later)] == [later, osint]
