"""Adding, editing and removing a claim, and setting its status: the operations, with
their undo.

Each checks the rules, writes in the caller's transaction and returns an Outcome
(services/common/outcome.py) whose ``undo`` takes the step back and whose undo's undo does
it again, so the window's one OperationCommand and the command line run them alike. A
removed claim comes back under its old id: a later step on the undo stack (an edit, a
status) names it by id.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from tracker.domain.base import utc_now
from tracker.domain.claims import CasualtyClaim, ClaimantKind, ClaimStatus
from tracker.domain.events import BattlefieldEvent
from tracker.domain.sources import Source
from tracker.domain.wording import say
from tracker.services.claims.claims import ClaimRow
from tracker.services.common.errors import NotFoundError, ValidationError
from tracker.services.common.outcome import ChangedSinceError, Outcome, Undo, alternate
from tracker.services.common.topics import topic_of

CLAIM_TOPICS = topic_of(["casualty_claim"])


@dataclass(frozen=True, slots=True)
class ClaimDraft:
    """A claim as entered: one value (``best``) or a range (``low``/``high``, best
    optional), attached to an event or to a day and a place."""

    measure: str
    claimant: str
    best: int | None = None
    low: int | None = None
    high: int | None = None
    event_id: int | None = None
    day: date | None = None
    place: str = ""
    claimant_kind: str = ClaimantKind.OTHER.value
    source_id: int | None = None
    status: str = ClaimStatus.CLAIMED.value
    note: str = ""


def clean_claim(session: Session, draft: ClaimDraft) -> dict[str, Any]:
    """The claim's columns from *draft*, or a ValidationError naming the field at fault."""
    measure, claimant = " ".join(draft.measure.split()).lower(), draft.claimant.strip()
    if not measure:
        raise ValidationError("measure", say("Say what the figure counts (killed, injured…)"))
    if not claimant:
        raise ValidationError("claimant", say("Say who claims the figure"))
    if draft.event_id is None and draft.day is None:
        raise ValidationError("event_id", say("A claim needs an event, or a day and a place"))
    if draft.event_id is not None and session.get(BattlefieldEvent, draft.event_id) is None:
        raise NotFoundError(say("Event {number} does not exist").format(number=draft.event_id))
    if draft.source_id is not None and session.get(Source, draft.source_id) is None:
        raise NotFoundError(say("Source {number} does not exist").format(
            number=draft.source_id))
    _check_figures(draft.low, draft.best, draft.high)
    if draft.status not in {status.value for status in ClaimStatus}:
        raise ValidationError("status", f"Unknown status {draft.status!r}: "
                              "claimed, corroborated or disputed")
    if draft.claimant_kind not in {kind.value for kind in ClaimantKind}:
        raise ValidationError("claimant_kind", f"Unknown kind of claimant "
                              f"{draft.claimant_kind!r}")
    return {"measure": measure, "claimant": claimant, "value_low": draft.low,
            "value_best": draft.best, "value_high": draft.high,
            "event_id": draft.event_id, "day": draft.day, "place": draft.place.strip(),
            "claimant_kind": draft.claimant_kind, "source_id": draft.source_id,
            "status": draft.status, "note": draft.note.strip()}


def _check_figures(low: int | None, best: int | None, high: int | None) -> None:
    given = {"low": low, "best": best, "high": high}
    if all(value is None for value in given.values()):
        raise ValidationError("best", say("Give the figure, or its low and high estimates"))
    for field, value in given.items():
        if value is not None and value < 0:
            raise ValidationError(field, say("A figure cannot be negative"))
    ordered = [value for value in (low, best, high) if value is not None]
    if ordered != sorted(ordered):
        raise ValidationError("high", say("The low figure must not exceed the best, nor "
                                          "the best the high"))


def add_claim(session: Session, draft: ClaimDraft) -> Outcome:
    """Record a claim (Outcome.record_id: its id); undo removes it, redo brings the same
    id back."""
    claim_id = _insert(session, clean_claim(session, draft))
    kept = _columns(session, claim_id)
    return Outcome(CLAIM_TOPICS, record_id=claim_id,
                   undo=alternate(_removal(claim_id), _restoration(claim_id, kept)))


def remove_claim(session: Session, claim_id: int) -> Outcome:
    """Remove a claim; undo brings it back under its id, as it was."""
    kept = _columns(session, claim_id)
    _delete(session, claim_id)
    return Outcome(CLAIM_TOPICS, record_id=claim_id,
                   undo=alternate(_restoration(claim_id, kept), _removal(claim_id)))


def edit_claim(session: Session, claim_id: int, draft: ClaimDraft,
               version: int | None = None) -> Outcome:
    """Change a claim to *draft*; *version* (the one the editor read) refuses to overwrite
    a colleague's change made since. Undo puts the old values back."""
    before = _columns(session, claim_id)
    return _rewrite(session, claim_id, before, clean_claim(session, draft), version)


def set_claim_status(session: Session, claim_id: int, status: str,
                     version: int | None = None) -> Outcome:
    """Mark a claim claimed, corroborated or disputed; undo restores the status before."""
    before = _columns(session, claim_id)
    if status not in {value.value for value in ClaimStatus}:
        raise ValidationError("status", f"Unknown status {status!r}: "
                              "claimed, corroborated or disputed")
    return _rewrite(session, claim_id, before, {**before, "status": status}, version)


def _rewrite(session: Session, claim_id: int, before: dict[str, Any],
             after: dict[str, Any], version: int | None) -> Outcome:
    claim = _claim(session, claim_id)
    if version is not None and claim.version != version:
        raise ChangedSinceError(say("Claim {number} was changed by someone else since it "
                                    "was read; it is shown as it is now").format(
                                        number=claim_id))
    for name, value in after.items():
        setattr(claim, name, value)
    try:
        session.flush()
    except StaleDataError as error:
        raise ChangedSinceError(f"Claim {claim_id} was changed by someone else") from error

    def step(values: dict[str, Any], other: dict[str, Any]) -> Undo:
        def run(session: Session) -> Outcome:
            return _rewrite(session, claim_id, other, values, None)
        return run

    return Outcome(CLAIM_TOPICS, record_id=claim_id, version=claim.version,
                   undo=step(before, after))


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


def draft_of(row: ClaimRow) -> ClaimDraft:
    """The draft an editor starts from: a claim's values as shown."""
    return ClaimDraft(measure=row.measure, claimant=row.claimant, best=row.best,
                      low=row.low, high=row.high, event_id=row.event_id,
                      claimant_kind=row.claimant_kind, source_id=row.source_id,
                      status=row.status, note=row.note)

