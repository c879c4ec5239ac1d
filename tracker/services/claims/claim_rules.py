"""What a claim must be: the draft an analyst enters, and the rules it is checked by.

One place for both ways a claim is written: ``add_claim`` (services/claims/claim_operations.py)
cleans a new draft here, and an edit goes through records.record_edits.edit_record like
every other kind of record, whose claim field table (records/conflicts_kinds.CLAIM) names
the same columns, cleaned by the same ``clean_claim``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from tracker.domain.claims import ClaimantKind, ClaimStatus
from tracker.domain.events import BattlefieldEvent
from tracker.domain.sources import Source
from tracker.domain.wording import say
from tracker.services.common.errors import NotFoundError, ValidationError


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

    def fields(self) -> dict[str, object]:
        """The draft as the claim's editable fields (records/conflicts_kinds.CLAIM): all
        but what it is attached to, which an edit keeps."""
        return {"measure": self.measure, "value_low": self.low, "value_best": self.best,
                "value_high": self.high, "claimant": self.claimant,
                "claimant_kind": self.claimant_kind, "source_id": self.source_id,
                "status": self.status, "note": self.note, "day": self.day,
                "place": self.place}


def draft_of_fields(values: Mapping[str, Any], event_id: int | None) -> ClaimDraft:
    """The draft whose ``fields`` are *values*, attached to *event_id*."""
    return ClaimDraft(
        measure=values["measure"], claimant=values["claimant"], best=values["value_best"],
        low=values["value_low"], high=values["value_high"], event_id=event_id,
        day=values["day"], place=values["place"] or "",
        claimant_kind=values["claimant_kind"], source_id=values["source_id"],
        status=values["status"], note=values["note"] or "")


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
