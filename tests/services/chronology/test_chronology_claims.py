"""Claims on a day and a place are chronology entries of their own (issue 18): told with
who gives the figure, its status and its source, in time order among the events, within
the range, as known on a past day, in the reader's language."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import update

from tests.services.claims.claim_scenario import AIR_FORCE, claim_on_a_day
from tests.services.scenario import add_events
from tests.services.table_state import run
from tracker.domain.chronology import ChronologyEntry, EntryKind
from tracker.domain.claims import CasualtyClaim, ClaimantKind, ClaimStatus
from tracker.domain.enums import Precision
from tracker.services.chronology.chronology import (
    chronology_page,
    count_chronology,
    iter_chronology,
)
from tracker.services.claims.claim_operations import ClaimDraft, add_claim
from tracker.services.rounds.as_of import AsOf
from tracker.storage.database import Database

MINISTRY = "killed: 3, by Ministry of Health (ministry), disputed"


@pytest.fixture
def claimed(db: Database) -> Database:
    """Events on 2, 3 and 4 Feb 2026 and two claims on 3 Feb: the air force's range,
    corroborated and sourced, and a ministry's single figure, disputed, unsourced."""
    with db.transaction() as session:
        add_events(session, [
            {"event_date": date(2026, 2, 2), "summary": "the day before"},
            {"event_date": date(2026, 2, 3), "summary": "on the day, first"},
            {"event_date": date(2026, 2, 3), "summary": "on the day, second"},
            {"event_date": date(2026, 2, 4), "summary": "the day after"},
            {"event_date": date(2026, 2, 1), "date_precision": Precision.WEEK,
             "summary": "that week"},
        ])
    claim_on_a_day(db, date(2026, 2, 3))
    run(db, lambda s: add_claim(s, ClaimDraft(
        "killed", "Ministry of Health", best=3, day=date(2026, 2, 3), place="Kyiv",
        claimant_kind=ClaimantKind.MINISTRY.value, status=ClaimStatus.DISPUTED.value,
        note="Figure given at a briefing.")))
    return db


def _entries(db: Database, **scope: object) -> list[ChronologyEntry]:
    with db.reading() as session:
        return list(iter_chronology(session, **scope))  # type: ignore[arg-type]


def _lines(entries: list[ChronologyEntry]) -> list[str]:
    return [entry.title if entry.kind is EntryKind.CLAIM else entry.detail
            for entry in entries]


def test_a_claim_on_a_day_is_an_entry_with_its_attribution(claimed: Database) -> None:
    claims = [entry for entry in _entries(claimed) if entry.kind is EntryKind.CLAIM]
    assert [entry.title for entry in claims] == [
        "Air Force of Ukraine: drones intercepted, 40–48",
        "Ministry of Health: killed, 3"]
    air_force, ministry = claims
    assert air_force.detail.startswith(AIR_FORCE + ".")
    assert "no figure rule applies to it, and it is in no total" in air_force.detail
    assert air_force.sources == ("Air Force of Ukraine",)
    assert air_force.place == "Kyiv region"
    assert (air_force.day, air_force.precision, air_force.when_text) == \
        (date(2026, 2, 3), Precision.DAY, "3 Feb 2026")
    assert air_force.when == datetime(2026, 2, 3, 12, tzinfo=UTC)  # as the day's events
    assert ministry.detail.startswith(MINISTRY + ". Figure given at a briefing.")
    assert ministry.sources == ()
    assert air_force.event is None


def test_a_note_typed_without_a_full_stop_ends_as_a_sentence(claimed: Database) -> None:
    run(claimed, lambda s: add_claim(s, ClaimDraft(
        "drones launched", "Air Force of Ukraine", best=62, day=date(2026, 2, 4),
        place="Kyiv region", claimant_kind=ClaimantKind.PARTY.value,
        note="  overnight attack ")))
    [launched] = [entry for entry in _entries(claimed)
                  if entry.kind is EntryKind.CLAIM and "launched" in entry.title]
    assert "claimed. overnight attack. A figure about a day and a place" in launched.detail


def test_claims_come_under_their_day_before_its_events(claimed: Database) -> None:
    # At the day's instant, after its rounds, changes and readings and before its events
    # (chronology_order.RANK): in time order among the neighbouring days' events.
    assert _lines(_entries(claimed)) == [
        "that week", "the day before",
        "Air Force of Ukraine: drones intercepted, 40–48", "Ministry of Health: killed, 3",
        "on the day, first", "on the day, second", "the day after"]


def test_every_page_is_the_stream(claimed: Database) -> None:
    whole = _entries(claimed)
    with claimed.reading() as session:
        assert count_chronology(session) == len(whole)
        for offset in range(len(whole) + 1):
            page = chronology_page(session, offset=offset, limit=2)
            assert page == whole[offset:offset + 2]
            if offset:
                assert chronology_page(session, offset=offset, limit=2,
                                       after=whole[offset - 1]) == page
            if offset + 2 < len(whole):
                assert chronology_page(session, offset=offset, limit=2,
                                       before=whole[offset + 2]) == page


def test_a_date_range_holds_the_claims_of_its_days(claimed: Database) -> None:
    inside = _entries(claimed, date_from=date(2026, 2, 3), date_to=date(2026, 2, 3),
                      tz="Asia/Tokyo")
    assert [entry.kind for entry in inside].count(EntryKind.CLAIM) == 2
    for first, last in ((date(2026, 2, 4), None), (None, date(2026, 2, 2))):
        outside = _entries(claimed, date_from=first, date_to=last)
        assert EntryKind.CLAIM not in {entry.kind for entry in outside}


def test_as_of_a_day_holds_the_claims_recorded_by_then(claimed: Database) -> None:
    with claimed.transaction() as session:
        session.execute(update(CasualtyClaim).where(CasualtyClaim.claimant == "Air Force of "
                        "Ukraine").values(recorded_at=datetime(2026, 2, 3, 20, tzinfo=UTC)))
        session.execute(update(CasualtyClaim).where(CasualtyClaim.claimant == "Ministry of "
                        "Health").values(recorded_at=datetime(2026, 2, 5, 9, tzinfo=UTC)))

    def known(day: date, tz: str = "UTC") -> list[str]:
        return [entry.title.split(":")[0] for entry in
                _entries(claimed, as_of=AsOf(day, tz)) if entry.kind is EntryKind.CLAIM]

    assert known(date(2026, 2, 2)) == []  # about a later day: not known yet
    assert known(date(2026, 2, 3)) == ["Air Force of Ukraine"]
    # Recorded at 22:00 in Kyiv on 3 Feb: known by the end of that day there, but not
    # by the end of 3 Feb in Tokyo.
    assert known(date(2026, 2, 3), "Europe/Kyiv") == ["Air Force of Ukraine"]
    assert known(date(2026, 2, 3), "Asia/Tokyo") == []  # 3 Feb ended at 15:00 UTC there
    assert known(date(2026, 2, 5)) == ["Air Force of Ukraine", "Ministry of Health"]
    with claimed.reading() as session:
        assert count_chronology(session, as_of=AsOf(date(2026, 2, 3))) == \
            len(_entries(claimed, as_of=AsOf(date(2026, 2, 3))))


def test_in_ukrainian(claimed: Database, ukrainian: None) -> None:
    air_force = next(entry for entry in _entries(claimed) if entry.kind is EntryKind.CLAIM)
    assert air_force.title == "Air Force of Ukraine: збиті дрони — 40–48"
    assert air_force.detail.startswith(
        "збиті дрони: 40–48, за даними: Air Force of Ukraine (сторона), підтверджене; "
        "джерело: Air Force of Ukraine.")
    assert air_force.when_text == "3 лют. 2026"
