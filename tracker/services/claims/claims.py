"""All claims of an event: its dataset's figures and the claims analysts recorded.

An imported event's figures are its dataset's claims (issue 18): UCDP's low/best/high and
ACLED's fatalities stay in the event's own columns, written by the importer as always,
and are told here as claims by the dataset (``claim_id`` None). ``event_claims`` is the
one list of "every claim of an event" that the window's pane and the exports show.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session

from tracker.domain.chronology import ClaimFacts
from tracker.domain.claims import CasualtyClaim, ClaimantKind, ClaimStatus, Measure
from tracker.domain.events import BattlefieldEvent
from tracker.domain.sources import Source
from tracker.domain.timewindow import ScheduledWindow
from tracker.domain.wording import say
from tracker.io.report_claims import DayClaim
from tracker.services.common.errors import NotFoundError
from tracker.services.records.citations import source_label
from tracker.services.rounds.as_of import AsOf


@dataclass(frozen=True, slots=True)
class ClaimRow(ClaimFacts):
    """One claim as the pane and the exports show it: its facts (domain.chronology's
    ClaimFacts, what a chronology entry of a claim on a day and a place carries), and
    where it is stored and attached.

    Attributes:
        claim_id: the stored claim; None for a dataset's figure read from its event.
        source: the source's label (records.citations.source_label), or the dataset
            record ("dataset UCDP GED, id 123") for a dataset's figure; "" if unsourced.
    """

    claim_id: int | None
    event_id: int | None
    source_id: int | None = None
    recorded_at: datetime | None = None
    version: int | None = None
    # For a claim on a day and a place rather than an event.
    day: date | None = None
    place: str = ""

    @property
    def figure_text(self) -> str:
        """"12", "3–7" or "3–7 (best 5)"."""
        return figure_text(self.low, self.best, self.high)

    @property
    def attribution(self) -> str:
        """"killed: 12, by Ministry of Health (ministry), claimed; source: Suspilne", in
        the chosen language (wording.py)."""
        text = say("{measure}: {figure}, by {claimant} ({kind}), {status}").format(
            measure=say(self.measure), figure=self.figure_text, claimant=self.claimant,
            kind=say(self.claimant_kind), status=say(self.status))
        return say("{claim}; source: {source}").format(claim=text, source=self.source) \
            if self.source else text


def figure_text(low: int | None, best: int | None, high: int | None) -> str:
    """A value, a bound ("at least 6"), or a range with its best figure if it has one."""
    if low is None and high is None:
        return "" if best is None else str(best)
    if best is None and (low is None or high is None):
        return (say("at least {figure}").format(figure=low) if high is None
                else say("at most {figure}").format(figure=high))
    span = f"{'?' if low is None else low}–{'?' if high is None else high}"
    return span if best is None else say("{span} (best {best})").format(span=span, best=best)


def event_claims(session: Session, event_id: int) -> list[ClaimRow]:
    """Every claim of an event: its dataset's figures first, then the stored claims in
    the order they were recorded."""
    event = session.get(BattlefieldEvent, event_id)
    if event is None:
        raise NotFoundError(f"Event {event_id} does not exist")
    return [*dataset_claims(event), *stored_claims_by_event(session, [event_id]).get(
        event_id, [])]


def dataset_claims(event: BattlefieldEvent) -> list[ClaimRow]:
    """The figures the event's dataset gave, as its claims (none where it gave none)."""
    return dataset_figures(event.id, event.dataset, event.external_id, event.fatalities,
                           event.fatalities_low, event.fatalities_high, event.injuries)


def dataset_figures(event_id: int, dataset: str, external_id: str, fatalities: int | None,
                    low: int | None, high: int | None,
                    injuries: int | None) -> list[ClaimRow]:
    """The same from an event's columns (an export tells them from its own rows)."""
    claimant = dataset or "dataset"
    record = f"dataset {dataset}, id {external_id}"

    def said(measure: Measure, low: int | None, best: int | None,
             high: int | None) -> ClaimRow:
        return ClaimRow(measure=measure.value, low=low, best=best, high=high,
                        claimant=claimant, claimant_kind=ClaimantKind.DATASET.value,
                        status=ClaimStatus.CLAIMED.value, source=record, note="",
                        claim_id=None, event_id=event_id)

    rows = []
    if fatalities is not None or low is not None or high is not None:
        rows.append(said(Measure.KILLED, low, fatalities, high))
    if injuries is not None:
        rows.append(said(Measure.INJURED, None, injuries, None))
    return rows


def claims_sentence(claims: Sequence[ClaimRow]) -> str:
    """"Claims: killed: 12, by … ; killed: 3–5, by …." for an export's entry."""
    return say("Claims: {claims}.").format(
        claims="; ".join(claim.attribution for claim in claims)) if claims else ""


def stored_claims_by_event(session: Session,
                           event_ids: Sequence[int]) -> dict[int, list[ClaimRow]]:
    """The recorded claims of many events in one query (a chronology page), by event."""
    if not event_ids:
        return {}
    found: dict[int, list[ClaimRow]] = {}
    query = (select(CasualtyClaim, Source)
             .outerjoin(Source, CasualtyClaim.source_id == Source.id)
             .where(CasualtyClaim.event_id.in_(list(event_ids)))
             .order_by(CasualtyClaim.event_id, CasualtyClaim.recorded_at, CasualtyClaim.id))
    for claim, source in session.execute(query):
        assert claim.event_id is not None
        found.setdefault(claim.event_id, []).append(claim_row(claim, source))
    return found


def day_claim_conditions(date_from: date | None = None, date_to: date | None = None,
                         as_of: AsOf | None = None) -> list[ColumnElement[bool]]:
    """SQL on CasualtyClaim: the claims on a day and a place, of the days *date_from* …
    *date_to* when given. A claim's day is the day it speaks of, the same in every zone,
    as an event's reported day. As of a day (*as_of*): those recorded by the end of it in
    its zone, about a day up to it (as the events then known: reported up to that day).
    """
    claim = CasualtyClaim
    conditions: list[ColumnElement[bool]] = [claim.event_id.is_(None)]
    if date_from is not None:
        conditions.append(claim.day >= date_from)
    if date_to is not None:
        conditions.append(claim.day <= date_to)
    if as_of is not None:
        ends = ScheduledWindow.days(as_of.day, as_of.tz).end  # the next local midnight
        conditions += [claim.day <= as_of.day, claim.recorded_at < ends]
    return conditions


def claims_on_days(session: Session, date_from: date | None = None,
                   date_to: date | None = None,
                   as_of: AsOf | None = None) -> list[ClaimRow]:
    """The claims about a day and a place rather than a recorded event (those of the
    range, when given; as of a day, those known then: ``day_claim_conditions``), by day,
    then in the order they were recorded. Analysts enter them one by one, so they are
    few; the day's index finds them."""
    query = (select(CasualtyClaim, Source)
             .outerjoin(Source, CasualtyClaim.source_id == Source.id)
             .where(*day_claim_conditions(date_from, date_to, as_of))
             .order_by(CasualtyClaim.day, CasualtyClaim.recorded_at, CasualtyClaim.id))
    return [claim_row(claim, source) for claim, source in session.execute(query)]


def claims_by_id(session: Session, claim_ids: Sequence[int]) -> list[ClaimRow]:
    """The claims *claim_ids* (a chronology page's), in one query, in no set order."""
    if not claim_ids:
        return []
    query = (select(CasualtyClaim, Source)
             .outerjoin(Source, CasualtyClaim.source_id == Source.id)
             .where(CasualtyClaim.id.in_(list(claim_ids))))
    return [claim_row(claim, source) for claim, source in session.execute(query)]


def day_claims(session: Session, date_from: date | None, date_to: date | None,
               as_of: AsOf | None = None) -> tuple[DayClaim, ...]:
    """The range's claims on a day and a place as a report lists them (as of a day:
    those known then, as the chronology holds them)."""
    return tuple(DayClaim(claim.day, claim.place, claim.attribution)
                 for claim in claims_on_days(session, date_from, date_to, as_of)
                 if claim.day is not None)


def claim_row(claim: CasualtyClaim, source: Source | None) -> ClaimRow:
    return ClaimRow(
        measure=claim.measure, low=claim.value_low, best=claim.value_best,
        high=claim.value_high, claimant=claim.claimant, claimant_kind=claim.claimant_kind,
        status=claim.status, source=source_label(source) if source is not None else "",
        note=claim.note, claim_id=claim.id, event_id=claim.event_id,
        source_id=claim.source_id, recorded_at=claim.recorded_at, version=claim.version,
        day=claim.day, place=claim.place)


def get_claim(session: Session, claim_id: int) -> ClaimRow:
    claim = session.get(CasualtyClaim, claim_id)
    if claim is None:
        raise NotFoundError(f"Claim {claim_id} does not exist")
    source = session.get(Source, claim.source_id) if claim.source_id is not None else None
    return claim_row(claim, source)
