"""Adding, editing and removing a claim, and setting its status: the operations, with
their undo.

Each checks the rules (services/claims/claim_rules.py), writes in the caller's
transaction and returns an Outcome (services/common/outcome.py) whose ``undo`` takes the
step back and whose undo's undo does it again, so the window's one OperationCommand and
the command line run them alike. An edit, a status included, is records.record_edits'
``edit_record`` over the claim's field table (records/conflicts_kinds.CLAIM), as for every
other record: checked against the version its editor read, a colleague's change in
between is a ConflictError the window shows side by side. A removed claim comes back
under its old id: a later step on the undo stack (an edit, a status) names it by id.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from tracker.domain.base import utc_now
from tracker.domain.claims import CasualtyClaim
from tracker.domain.events import BattlefieldEvent
from tracker.services.claims.claim_rules import ClaimDraft, clean_claim
from tracker.services.common.errors import NotFoundError
from tracker.services.common.outcome import Outcome, Undo, alternate
from tracker.services.common.topics import topic_of
from tracker.services.records.record_edits import edit_record, remove_checked

__all__ = ["CLAIM_TOPICS", "ClaimDraft", "add_claim", "edit_claim", "remove_claim",
           "set_claim_status"]

CLAIM_TOPICS = topic_of(["casualty_claim"])
# The claim's name as a kind of record (records/conflicts_kinds.CLAIM).
CLAIM_KIND = "claim"


def add_claim(session: Session, draft: ClaimDraft) -> Outcome:
    """Record a claim (Outcome.record_id: its id); undo removes it, redo brings the same
    id back."""
    claim_id = _insert(session, clean_claim(session, draft))
    kept = _columns(session, claim_id)
    return Outcome(CLAIM_TOPICS, record_id=claim_id,
                   undo=alternate(_removal(claim_id), _restoration(claim_id, kept)))


def remove_claim(session: Session, claim_id: int, version: int | None = None) -> Outcome:
    """Remove a claim; undo brings it back under its id, as it was. With *version* (the
    one its remover saw), a claim a colleague changed since is not removed
    (ConflictError)."""
    def remove(session: Session, claim_id: int) -> Outcome:
        kept = _columns(session, claim_id)
        _delete(session, claim_id)
        return Outcome(CLAIM_TOPICS, record_id=claim_id,
                       undo=alternate(_restoration(claim_id, kept), _removal(claim_id)))

    return remove_checked(session, CLAIM_KIND, claim_id, version, remove)


def edit_claim(session: Session, claim_id: int, draft: ClaimDraft,
               version: int | None = None) -> Outcome:
    """Change a claim to *draft* (it stays attached where it is); *version* (the one the
    editor read) refuses to overwrite a colleague's change made since (ConflictError).
    Undo puts the old values back."""
    return edit_record(session, CLAIM_KIND, claim_id, draft.fields(), version)


def set_claim_status(session: Session, claim_id: int, status: str,
                     version: int | None = None) -> Outcome:
    """Mark a claim claimed, corroborated or disputed; undo restores the status before."""
    return edit_record(session, CLAIM_KIND, claim_id, {"status": status}, version)


def _claim(session: Session, claim_id: int) -> CasualtyClaim:
    claim = session.get(CasualtyClaim, claim_id)
    if claim is None:
        raise NotFoundError(f"Claim {claim_id} does not exist")
    return claim


def _columns(session: Session, claim_id: int) -> dict[str, Any]:
    """The claim's values, enough to bring it back as it was."""
    claim = _claim(session, claim_id)
    names = ("measure", "claimant", "value_low", "value_best", "value_high", "event_id",
             "day", "place", "claimant_kind", "source_id", "status", "note", "recorded_at")
    return {name: getattr(claim, name) for name in names}


def _insert(session: Session, columns: dict[str, Any], claim_id: int | None = None) -> int:
    claim = CasualtyClaim(id=claim_id, **{"recorded_at": utc_now(), **columns})
    session.add(claim)
    session.flush()
    return claim.id


def _delete(session: Session, claim_id: int) -> None:
    session.delete(_claim(session, claim_id))
    session.flush()


def _removal(claim_id: int) -> Undo:
    def remove(session: Session) -> Outcome:
        _delete(session, claim_id)
        return Outcome(CLAIM_TOPICS, record_id=claim_id)
    return remove


def _restoration(claim_id: int, columns: dict[str, Any]) -> Undo:
    def restore(session: Session) -> Outcome:
        if columns["event_id"] is not None and \
                session.get(BattlefieldEvent, columns["event_id"]) is None:
            raise NotFoundError(f"Event {columns['event_id']} no longer exists")
        _insert(session, columns, claim_id)
        return Outcome(CLAIM_TOPICS, record_id=claim_id)
    return restore

