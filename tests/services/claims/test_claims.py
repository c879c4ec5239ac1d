"""Claims: the dataset's figures and the analysts' claims of one event side by side, and
the operations on claims with their undo. No Qt."""

from __future__ import annotations

import pytest

from tests.services.claims.claim_scenario import claim_conflicting, event_id_of
from tests.services.table_state import assert_undo_and_redo, run, undo_of
from tracker.domain.claims import ClaimStatus
from tracker.services.claims.claim_operations import (
    ClaimDraft,
    add_claim,
    edit_claim,
    remove_claim,
    set_claim_status,
)
from tracker.services.claims.claims import event_claims, figure_text
from tracker.services.common.errors import ValidationError
from tracker.services.records.conflicts import ConflictError
from tracker.storage.database import Database


def test_the_sample_maternity_ward_strike_has_its_datasets_and_the_seeds_claim(
        sample_db: Database) -> None:
    event_id = event_id_of(sample_db, "SAMPLE-001")
    with sample_db.reading() as session:
        claims = event_claims(session, event_id)
    assert [(c.measure, c.figure_text, c.claimant_kind) for c in claims] == [
        ("injured", "6", "dataset"), ("injured", "at least 6", "journalist")]
    seed = claims[1]
    assert seed.claimant == "Seed news report (wire summary)"
    assert seed.source.startswith("Seed news report (wire summary), “Widespread Russian")
    assert "dataset" in claims[0].source and "SAMPLE-001" in claims[0].source


def test_conflicting_claims_from_two_sources_are_listed_with_their_attribution(
        sample_db: Database) -> None:
    event_id = event_id_of(sample_db, "SAMPLE-003")
    claim_conflicting(sample_db, event_id)
    with sample_db.reading() as session:
        told = [claim.attribution for claim in event_claims(session, event_id)]
    assert told == [
        "killed: 12, by Ministry of Health (ministry), claimed; source: Ministry of Health",
        "killed: 3–5, by Reuters (journalist), disputed; source: Reuters",
    ]


def test_adding_a_claim_is_undone_and_redone_under_the_same_id(sample_db: Database) -> None:
    event_id = event_id_of(sample_db, "SAMPLE-002")
    assert_undo_and_redo(sample_db, lambda s: add_claim(s, ClaimDraft(
        "drones intercepted", "Air Force of Ukraine", best=40, event_id=event_id)),
        "casualty_claim")


def _regional_claim(db: Database) -> tuple[int, int]:
    """An event of the sample and a claim recorded about it: (event id, claim id)."""
    event_id = event_id_of(db, "SAMPLE-002")
    done = run(db, lambda s: add_claim(s, ClaimDraft(
        "killed", "Regional administration", best=2, event_id=event_id)))
    assert done.record_id is not None
    return event_id, done.record_id


def _claims_of(db: Database, event_id: int) -> list[tuple[object, ...]]:
    """The event's claims as shown, without their versions (an undo of an edit moves the
    version on, as every edit's does: records.record_edits)."""
    with db.reading() as session:
        return [(c.claim_id, c.measure, c.low, c.best, c.high, c.claimant, c.status,
                 c.source, c.recorded_at) for c in event_claims(session, event_id)]


def test_an_edit_and_a_status_are_undone_and_redone(sample_db: Database) -> None:
    event_id, claim_id = _regional_claim(sample_db)
    steps = (
        lambda s: edit_claim(s, claim_id, ClaimDraft(
            "killed", "Regional administration", low=2, best=3, high=4,
            event_id=event_id), version=1),
        lambda s: set_claim_status(s, claim_id, ClaimStatus.CORROBORATED.value),
    )
    for step in steps:
        before = _claims_of(sample_db, event_id)
        edited = run(sample_db, step)
        after = _claims_of(sample_db, event_id)
        assert after != before
        undone = run(sample_db, undo_of(edited))
        assert _claims_of(sample_db, event_id) == before
        run(sample_db, undo_of(undone))
        assert _claims_of(sample_db, event_id) == after


def test_removing_a_claim_is_undone_under_its_id(sample_db: Database) -> None:
    _event, claim_id = _regional_claim(sample_db)
    assert_undo_and_redo(sample_db, lambda s: remove_claim(s, claim_id), "casualty_claim")


def test_an_edit_over_a_colleagues_change_is_refused(sample_db: Database) -> None:
    event_id, claim_id = _regional_claim(sample_db)
    run(sample_db, lambda s: set_claim_status(s, claim_id, ClaimStatus.DISPUTED.value))
    with pytest.raises(ConflictError):
        run(sample_db, lambda s: edit_claim(s, claim_id, ClaimDraft(
            "killed", "Regional administration", best=5, event_id=event_id), version=1))


@pytest.mark.parametrize(("draft", "field"), [
    (ClaimDraft("", "Someone", best=1, event_id=1), "measure"),
    (ClaimDraft("killed", " ", best=1, event_id=1), "claimant"),
    (ClaimDraft("killed", "Someone", event_id=1), "best"),
    (ClaimDraft("killed", "Someone", best=-1, event_id=1), "best"),
    (ClaimDraft("killed", "Someone", low=5, high=3, event_id=1), "high"),
    (ClaimDraft("killed", "Someone", best=1), "event_id"),
    (ClaimDraft("killed", "Someone", best=1, event_id=1, status="rumoured"), "status"),
])
def test_a_claim_that_breaks_a_rule_is_refused(sample_db: Database, draft: ClaimDraft,
                                               field: str) -> None:
    with pytest.raises(ValidationError) as refused:
        run(sample_db, lambda s: add_claim(s, draft))
    assert refused.value.field == field


def test_figure_text_says_values_bounds_and_ranges() -> None:
    assert figure_text(None, 7, None) == "7"
    assert figure_text(6, None, None) == "at least 6"
    assert figure_text(None, None, 9) == "at most 9"
    assert figure_text(3, None, 5) == "3–5"
    assert figure_text(3, 4, 5) == "3–5 (best 4)"
