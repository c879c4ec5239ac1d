"""The figure rule: day totals (day counts plus the SQL adjustment over events with
claims) equal a direct computation over every event and claim. No Qt."""

from __future__ import annotations

from collections import Counter
from datetime import date

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from tests.services.table_state import run, undo_of
from tracker.domain.claims import CasualtyClaim, ClaimStatus
from tracker.domain.enums import Precision
from tracker.domain.events import BattlefieldEvent
from tracker.services.analysis.counts import DayRange, tally_ranges
from tracker.services.analysis.sources import SplitBy, count_source
from tracker.services.claims.claim_operations import ClaimDraft, add_claim
from tracker.services.claims.figure_rule import (
    FigureRule,
    day_totals,
    event_figure,
    figure_rule,
    set_figure_rule,
)
from tracker.services.common.errors import ValidationError
from tracker.storage.counted_events import is_counted
from tracker.storage.database import Database

COLUMN = {"killed": "fatalities", "injured": "injuries"}


def _direct(session: Session, measure: str, rule: FigureRule) -> dict[date, int]:
    """Every counted event's figure by the rule, worked out one event at a time."""
    claims: dict[int, list[CasualtyClaim]] = {}
    for claim in session.scalars(select(CasualtyClaim).where(
            CasualtyClaim.measure == measure)):
        assert claim.event_id is not None
        claims.setdefault(claim.event_id, []).append(claim)
    totals: Counter[date] = Counter()
    for event in session.scalars(select(BattlefieldEvent).where(is_counted())):
        given = getattr(event, COLUMN[measure]) or 0
        figure = given
        own = claims.get(event.id, [])
        if rule is FigureRule.LOWEST_CORROBORATED:
            corroborated = [_point(c, low=True) for c in own
                            if c.status == ClaimStatus.CORROBORATED.value]
            figure = min(corroborated) if corroborated else given
        elif rule is FigureRule.HIGHEST_CLAIM:
            figure = max([given] + [_point(c, low=False) for c in own
                                    if c.status != ClaimStatus.DISPUTED.value])
        totals[event.event_date] += figure
    return dict(totals)


def _point(claim: CasualtyClaim, *, low: bool) -> int:
    ends = (claim.value_low, claim.value_high) if low else (claim.value_high, claim.value_low)
    for value in (claim.value_best, *ends):
        if value is not None:
            return value
    raise AssertionError("a claim always has a figure")


def _claims(db: Database) -> None:
    with db.reading() as session:
        ids = list(session.scalars(select(BattlefieldEvent.id).order_by(BattlefieldEvent.id)))
    drafts = [
        ClaimDraft("killed", "Ministry", best=12, event_id=ids[0],
                   status=ClaimStatus.CORROBORATED.value),
        ClaimDraft("killed", "Journalist", low=3, high=5, event_id=ids[0],
                   status=ClaimStatus.CORROBORATED.value),
        ClaimDraft("killed", "Party", best=40, event_id=ids[0],
                   status=ClaimStatus.DISPUTED.value),
        ClaimDraft("injured", "Ministry", low=2, high=30, event_id=ids[1]),
        ClaimDraft("injured", "Hospital", best=1, event_id=ids[0],
                   status=ClaimStatus.CORROBORATED.value),
        ClaimDraft("drones intercepted", "Air Force", best=50, event_id=ids[2]),
    ]
    for draft in drafts:
        run(db, lambda s, draft=draft: add_claim(s, draft))


@pytest.mark.parametrize("rule", list(FigureRule))
@pytest.mark.parametrize("measure", ["killed", "injured"])
def test_day_totals_equal_a_direct_computation(sample_db: Database, rule: FigureRule,
                                               measure: str) -> None:
    _claims(sample_db)
    with sample_db.reading() as session:
        totals = {day: n for day, n in day_totals(session, measure, rule).items() if n}
        assert totals == {day: n for day, n in _direct(session, measure, rule).items() if n}


def test_the_rule_changes_the_figure_of_an_event_with_claims(sample_db: Database) -> None:
    _claims(sample_db)
    with sample_db.reading() as session:
        first = session.scalar(select(BattlefieldEvent.id).order_by(BattlefieldEvent.id))
        assert first is not None
        assert event_figure(session, first, "killed", FigureRule.LOWEST_CORROBORATED) == 3
        assert event_figure(session, first, "killed", FigureRule.HIGHEST_CLAIM) == 12


def test_the_rule_is_the_databases_and_undoable(sample_db: Database) -> None:
    with sample_db.reading() as session:
        assert figure_rule(session) is FigureRule.DATASET
    done = run(sample_db, lambda s: set_figure_rule(s, "highest claim"))
    with sample_db.reading() as session:
        assert figure_rule(session) is FigureRule.HIGHEST_CLAIM
    undone = run(sample_db, undo_of(done))
    with sample_db.reading() as session:
        assert figure_rule(session) is FigureRule.DATASET
    run(sample_db, undo_of(undone))
    with sample_db.reading() as session:
        assert figure_rule(session) is FigureRule.HIGHEST_CLAIM
    with pytest.raises(ValidationError):
        run(sample_db, lambda s: set_figure_rule(s, "loudest claim"))


@pytest.mark.parametrize("split", [SplitBy.NONE, SplitBy.TYPE, SplitBy.REGION])
def test_the_analysis_counts_by_the_rule_from_day_counts_and_from_events(
        db: Database, split: SplitBy) -> None:
    """REGION is read from the events, the others from the day counts: both adjust."""
    with db.transaction() as session:
        strike = BattlefieldEvent(dataset="typed", external_id="1", event_date=date(2026, 2, 3),
                                  date_precision=Precision.DAY, event_type="Strike",
                                  admin1="Kyiv City", fatalities=2)
        other = BattlefieldEvent(dataset="typed", external_id="2", event_date=date(2026, 2, 4),
                                 date_precision=Precision.DAY, event_type="Strike",
                                 admin1="Kyiv City", fatalities=1)
        session.add_all([strike, other])
        session.flush()
        strike_id = strike.id
    run(db, lambda s: add_claim(s, ClaimDraft("killed", "Ministry", best=9,
                                              event_id=strike_id)))
    ranges = [DayRange(date(2026, 2, 1), date(2026, 2, 3)),
              DayRange(date(2026, 2, 4), date(2026, 2, 10))]

    def killed() -> list[int]:
        with db.reading() as session:
            found = tally_ranges(session, ranges, count_source(session, None, split))
        return [sum(tallies[number].fatalities for tallies in found.values())
                for number in range(len(ranges))]

    assert killed() == [2, 1]
    run(db, lambda s: set_figure_rule(s, FigureRule.HIGHEST_CLAIM.value))
    assert killed() == [9, 1]
