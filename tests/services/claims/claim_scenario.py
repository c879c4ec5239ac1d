"""The claims the tests share: an event of the sample with two conflicting claims, each
with its own source."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from tests.services.table_state import run
from tracker.domain.claims import ClaimantKind, ClaimStatus
from tracker.domain.events import BattlefieldEvent
from tracker.domain.sources import Source
from tracker.services.claims.claim_operations import ClaimDraft, add_claim
from tracker.storage.database import Database

# How the two claims read, with who claims them and their sources.
MINISTRY = "killed: 12, by Ministry of Health (ministry), claimed; source: Ministry of Health"
AGENCY = "killed: 3–5, by Reuters (journalist), disputed; source: Reuters"
# A claim on a day and a place (``claim_on_a_day``), as it reads.
AIR_FORCE = ("drones intercepted: 40–48, by Air Force of Ukraine (party), corroborated; "
             "source: Air Force of Ukraine")


def event_id_of(db: Database, external_id: str) -> int:
    with db.reading() as session:
        found = session.scalar(select(BattlefieldEvent.id).where(
            BattlefieldEvent.external_id == external_id))
    assert found is not None
    return found


def new_source(db: Database, outlet: str) -> int:
    with db.transaction() as session:
        source = Source(outlet=outlet)
        session.add(source)
        session.flush()
        return source.id


def claim_conflicting(db: Database, event_id: int) -> None:
    """A ministry's figure and a news agency's disputed range for *event_id*, typed as an
    analyst might (the measure capitalised, the claimant with spaces)."""
    ministry, agency = new_source(db, "Ministry of Health"), new_source(db, "Reuters")
    run(db, lambda s: add_claim(s, ClaimDraft(
        "killed", "Ministry of Health", best=12, event_id=event_id,
        claimant_kind=ClaimantKind.MINISTRY.value, source_id=ministry)))
    run(db, lambda s: add_claim(s, ClaimDraft(
        "Killed", " Reuters ", low=3, high=5, event_id=event_id,
        claimant_kind=ClaimantKind.JOURNALIST.value, source_id=agency,
        status=ClaimStatus.DISPUTED.value)))


def claim_on_a_day(db: Database, day: date) -> None:
    """The air force's corroborated range of drones intercepted over Kyiv region on
    *day*, with its source: a claim on a day and a place (no event carries it)."""
    air_force = new_source(db, "Air Force of Ukraine")
    run(db, lambda s: add_claim(s, ClaimDraft(
        "drones intercepted", "Air Force of Ukraine", low=40, high=48, day=day,
        place="Kyiv region", claimant_kind=ClaimantKind.PARTY.value, source_id=air_force,
        status=ClaimStatus.CORROBORATED.value)))
