"""Claims on a day and a place in the chronology: entries of their own (issue 18).

A claim about an event is told inside that event's entry. A figure nobody has tied to a
recorded event ("48 of 62 drones shot down over Kyiv region on 3 Feb", by the air force)
has no entry to be told in, so it is one: under the day it speaks of, with who gives the
figure, its status and its source.

Where it sorts: its day is a day, the same in every zone, like an event's reported day,
so it sorts as the chronology sorts a day-precision event, at 12:00 UTC of that day
(``event_instant``). It then falls under its own day's heading for every reader within
twelve hours of UTC, and the streamed merge places it among the events by one date
comparison (chronology_order.interleave). At that instant it comes after the day's
rounds, changes and readings and before its events: events rank last, which is what lets
the merge find every other fact's place from its day alone (chronology_order.RANK).

No figure rule applies to it. The database's rule (services/claims/figure_rule.py)
chooses which of an event's claims counts in the totals; a claim on a day and a place is
no event's, so it counts in no total, as the report's section of them says
(io/report_claims.py). Its entry shows it as the claim it is, and says so.

They are few (analysts enter them one by one) and read whole, as the rounds are.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from tracker.domain.chronology import ChronologyEntry, EntryKind, event_instant
from tracker.domain.claims import CasualtyClaim
from tracker.domain.enums import Precision
from tracker.domain.event_time import EventTime
from tracker.domain.wording import say
from tracker.services.chronology.chronology_order import SortKey, key_of
from tracker.services.claims.claims import ClaimRow, claims_by_id, day_claim_conditions
from tracker.services.rounds.as_of import AsOf

# Said on every such entry: the exports state the figure rule, and this says why it does
# not touch the figure on this line.
IN_NO_TOTAL = ("A figure about a day and a place that no recorded event carries: no "
               "figure rule applies to it, and it is in no total.")


def claim_keys(session: Session, date_from: date | None, date_to: date | None,
               as_of: AsOf | None = None) -> list[SortKey]:
    """The sort keys of the claims on a day and a place of the days *date_from* …
    *date_to*; as of a day, of those known then (claims.day_claim_conditions)."""
    query = select(CasualtyClaim.id, CasualtyClaim.day).where(
        *day_claim_conditions(date_from, date_to, as_of))
    # Every claim on no event has a day (a check constraint): the test only narrows it.
    return [key_of(event_instant(day), EntryKind.CLAIM, claim_id)
            for claim_id, day in session.execute(query) if day is not None]


def claim_entries(session: Session, ids: list[int], _tz: str) -> list[ChronologyEntry]:
    """The entries of claims *ids* (the reader's zone changes nothing: a day is a day)."""
    return [claim_entry(claim) for claim in claims_by_id(session, ids)]


def _as_sentence(note: str) -> str:
    """The analyst's note ended as a sentence: a note typed without a full stop would
    otherwise run into the sentence after it ("overnight attack A figure about …")."""
    note = note.strip()
    return note if not note or note[-1] in ".!?…" else f"{note}."


def claim_entry(claim: ClaimRow) -> ChronologyEntry:
    """"Air Force of Ukraine: drones intercepted, 48" on its day and at its place, the
    detail saying the figure with who gives it, its status and its source."""
    # A claim on no event has a day (a check constraint); a stored one has an id.
    assert claim.day is not None and claim.claim_id is not None
    time = EventTime.of(claim.day, Precision.DAY)
    title = say("{claimant}: {measure}, {figure}").format(
        claimant=claim.claimant, measure=say(claim.measure), figure=claim.figure_text)
    detail = " ".join(part for part in (f"{claim.attribution}.", _as_sentence(claim.note),
                                        say(IN_NO_TOTAL)) if part)
    return ChronologyEntry(
        when=event_instant(claim.day), day=claim.day, precision=Precision.DAY,
        when_text=time.describe(), kind=EntryKind.CLAIM, record_id=claim.claim_id,
        title=title, detail=detail, place=claim.place or say("place not given"),
        links=(), sources=(claim.source,) if claim.source else (), claim=claim)
