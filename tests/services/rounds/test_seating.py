"""Seating and unseating as operations: each Outcome's undo puts the database back, ids
included (a party and person the step created too), and the undo's undo does the step
again. No Qt."""

from __future__ import annotations

import pytest

from tests.services.table_state import assert_undo_and_redo, run, table_state, undo_of
from tracker.domain.enums import ParticipantRole
from tracker.services.common.outcome import ChangedSinceError
from tracker.services.records.conflicts import ConflictError
from tracker.services.records.record_edits import edit_record
from tracker.services.rounds.participants import ParticipantSpec
from tracker.services.rounds.seating import NewParty, NewPerson, SeatOutcome, seat, unseat
from tracker.storage.database import Database

TABLES = ("round_participant", "party", "person")
ANNOUNCED_ROUND, UKRAINE, IRAN = 2, 1, 4
UKRAINE_AT_THE_ANNOUNCED_ROUND = 4  # a seat in the sample


def test_seat_is_undone_and_redone_under_the_same_id(sample_db: Database) -> None:
    spec = ParticipantSpec(ANNOUNCED_ROUND, IRAN, ParticipantRole.OBSERVER, None, "Watching")
    done = assert_undo_and_redo(sample_db, lambda s: seat(s, spec), *TABLES)
    assert isinstance(done, SeatOutcome) and done.seat == spec


def test_undoing_a_seat_takes_away_the_party_and_person_it_created(
        sample_db: Database) -> None:
    spec = ParticipantSpec(ANNOUNCED_ROUND, 0, ParticipantRole.HOST)
    done = assert_undo_and_redo(sample_db, lambda s: seat(
        s, spec, new_party=NewParty("Türkiye", "TR"),
        new_person=NewPerson("Hakan Fidan", "Foreign minister")), *TABLES)
    assert isinstance(done, SeatOutcome)
    assert done.seat.party_id != 0 and done.seat.person_id is not None


def test_unseat_is_undone_under_the_seat_id(sample_db: Database) -> None:
    done = assert_undo_and_redo(sample_db, lambda s: unseat(
        s, UKRAINE_AT_THE_ANNOUNCED_ROUND, expected_version=1), *TABLES)
    assert isinstance(done, SeatOutcome)
    assert done.seat == ParticipantSpec(ANNOUNCED_ROUND, UKRAINE, ParticipantRole.PARTY)
    assert done.record_id == UKRAINE_AT_THE_ANNOUNCED_ROUND


def test_unseat_refuses_a_version_the_user_did_not_see(sample_db: Database) -> None:
    run(sample_db, lambda s: edit_record(s, "participant", UKRAINE_AT_THE_ANNOUNCED_ROUND,
                                         {"note": "Delegation of five"}, None))
    before = table_state(sample_db, *TABLES)
    with pytest.raises(ConflictError):
        run(sample_db, lambda s: unseat(s, UKRAINE_AT_THE_ANNOUNCED_ROUND,
                                        expected_version=1))
    assert table_state(sample_db, *TABLES) == before


def test_a_redo_after_someone_changed_the_seat_keeps_their_change(
        sample_db: Database) -> None:
    done = run(sample_db, lambda s: unseat(s, UKRAINE_AT_THE_ANNOUNCED_ROUND,
                                           expected_version=1))
    put_back = run(sample_db, undo_of(done))
    run(sample_db, lambda s: edit_record(s, "participant", UKRAINE_AT_THE_ANNOUNCED_ROUND,
                                         {"note": "Theirs"}, put_back.version))
    changed = table_state(sample_db, *TABLES)
    with pytest.raises(ChangedSinceError, match="after this removal was undone"):
        run(sample_db, undo_of(put_back))
    assert table_state(sample_db, *TABLES) == changed
