"""Participants: seating a party at a round in a role, removing it, and putting it back."""

from __future__ import annotations

import pytest

from tests.services.table_state import undo_of
from tracker.domain.enums import ParticipantRole, PartyKind
from tracker.services import rounds
from tracker.services.common.errors import NotFoundError, ValidationError
from tracker.services.records import citations, reference
from tracker.services.rounds import ChangeNote, seating
from tracker.services.rounds.participants import ParticipantSpec
from tracker.storage.database import Database

ROUND = 2  # the sample's round announced for the coming week (Ukraine, Russia, U.S.)


def _seated(db: Database) -> list[tuple[str, str, ParticipantRole]]:
    with db.reading() as session:
        detail = rounds.round_detail(session, ROUND)
    return [(p.party, p.person, p.role) for p in detail.participants]


def test_a_new_party_joins_as_host_with_its_envoy_and_leaves_again(sample_db: Database) -> None:
    with sample_db.transaction() as session:
        uae = reference.create_party(session, " United  Arab Emirates ", "UAE")
        envoy = reference.create_person(session, "Sheikh Tahnoun", "National security adviser",
                                        uae)
        seat = seating.seat(session, ParticipantSpec(
            ROUND, uae, ParticipantRole.HOST, envoy, "Offered a venue")).record_id
    assert _seated(sample_db)[-1] == ("United Arab Emirates", "Sheikh Tahnoun",
                                      ParticipantRole.HOST)
    with sample_db.reading() as session:
        assert "UAE (host)" in rounds.round_row(session, ROUND).participants
        assert [p.name for p in reference.list_people(session, uae)] == ["Sheikh Tahnoun"]

    with sample_db.transaction() as session:
        removed = seating.unseat(session, seat)
    assert removed.seat == ParticipantSpec(ROUND, uae, ParticipantRole.HOST, envoy,
                                           "Offered a venue")
    assert len(_seated(sample_db)) == 3
    with sample_db.transaction() as session:
        assert undo_of(removed)(session).record_id == seat
    assert len(_seated(sample_db)) == 4


def test_the_same_party_twice_in_one_role_is_refused_and_nothing_changes(
        sample_db: Database) -> None:
    before = _seated(sample_db)
    with sample_db.reading() as session:
        ukraine = next(p.id for p in reference.list_parties(session) if p.name == "Ukraine")
    with pytest.raises(ValidationError, match="already takes part") as raised, \
            sample_db.transaction() as session:
        seating.seat(session, ParticipantSpec(ROUND, ukraine, ParticipantRole.PARTY))
    assert raised.value.field == "party"
    assert _seated(sample_db) == before
    # Another role for the same party is a different seat (a host that is also a party).
    with sample_db.transaction() as session:
        seating.seat(session, ParticipantSpec(ROUND, ukraine, ParticipantRole.HOST))
    assert len(_seated(sample_db)) == len(before) + 1


def test_a_person_must_act_for_the_party(sample_db: Database) -> None:
    with sample_db.transaction() as session:
        eu = reference.create_party(session, "European Union", "EU", PartyKind.ORGANISATION)
        other = reference.create_party(session, "Türkiye", "TR")
        envoy = reference.create_person(session, "Hakan Fidan", "Foreign minister", other)
    with pytest.raises(ValidationError, match="does not act for") as raised, \
            sample_db.transaction() as session:
        seating.seat(
            session, ParticipantSpec(ROUND, eu, ParticipantRole.OBSERVER, envoy))
    assert raised.value.field == "person"


def test_parties_need_unique_names(sample_db: Database) -> None:
    for name, message in (("  ", "needs a name"), ("Ukraine", "already a party")):
        with pytest.raises(ValidationError, match=message), sample_db.transaction() as session:
            reference.create_party(session, name)


def test_a_deleted_round_or_a_missing_seat_is_not_edited(sample_db: Database) -> None:
    with sample_db.transaction() as session:
        seat = rounds.round_detail(session, ROUND).participants[0].id
        rounds.delete(session, ROUND, ChangeNote("Called off for good"))
    with pytest.raises(NotFoundError), sample_db.transaction() as session:
        seating.unseat(session, seat)
    with pytest.raises(NotFoundError), sample_db.transaction() as session:
        seating.unseat(session, 9999)


# -- undoing the creation of a party or person ------------------------------------------------


def _names(db: Database) -> tuple[list[str], list[str]]:
    with db.reading() as session:
        return ([p.name for p in reference.list_parties(session)],
                [p.name for p in reference.list_people(session)])


def test_an_unused_party_and_person_are_deleted_and_come_back_under_their_ids(
        sample_db: Database) -> None:
    before = _names(sample_db)
    with sample_db.transaction() as session:
        party = reference.create_party(session, "Türkiey", "TR")
        person = reference.create_person(session, "Hakan Fidan", "Foreign minister", party)
    with sample_db.transaction() as session:
        reference.delete_person(session, person)  # the person first: they act for the party
        reference.delete_party(session, party)
    assert _names(sample_db) == before
    with sample_db.transaction() as session:
        assert reference.create_party(session, "Türkiey", "TR", party_id=party) == party
        assert reference.create_person(session, "Hakan Fidan", "Foreign minister", party,
                                       person_id=person) == person
    with sample_db.reading() as session:
        assert [(p.id, p.name) for p in reference.list_people(session, party)] == \
            [(person, "Hakan Fidan")]


@pytest.mark.parametrize("refer", ["seat", "person", "source", "seat of a deleted round"])
def test_a_party_something_refers_to_is_kept(sample_db: Database, refer: str) -> None:
    with sample_db.transaction() as session:
        party = reference.create_party(session, "Türkiye", "TR")
        if refer == "person":
            reference.create_person(session, "Hakan Fidan", party_id=party)
        elif refer == "source":
            citations.cite(session, citations.list_sources(session)[0][0], "party_id", party)
        else:
            seating.seat(session, ParticipantSpec(ROUND, party, ParticipantRole.HOST))
            if refer == "seat of a deleted round":  # its seats stay, for a restore
                rounds.delete(session, ROUND, ChangeNote("Called off"))
    with pytest.raises(ValidationError, match=r"“Türkiye” now has .*; it is kept") as raised, \
            sample_db.transaction() as session:
        reference.delete_party(session, party)
    assert raised.value.field == "party"
    assert "Türkiye" in _names(sample_db)[0]


@pytest.mark.parametrize("refer", ["seat", "source"])
def test_a_person_something_refers_to_is_kept(sample_db: Database, refer: str) -> None:
    with sample_db.transaction() as session:
        ukraine = next(p.id for p in reference.list_parties(session) if p.name == "Ukraine")
        person = reference.create_person(session, "Rustem Umerov", party_id=ukraine)
        if refer == "seat":
            seating.seat(session, ParticipantSpec(ROUND, ukraine, ParticipantRole.HOST, person))
        else:
            citations.cite(session, citations.list_sources(session)[0][0], "person_id", person)
    with pytest.raises(ValidationError, match=r"“Rustem Umerov” now has .*; it is kept") \
            as raised, sample_db.transaction() as session:
        reference.delete_person(session, person)
    assert raised.value.field == "person"
    assert "Rustem Umerov" in _names(sample_db)[1]


def test_deleting_a_missing_party_or_person_is_not_found(sample_db: Database) -> None:
    for delete in (reference.delete_party, reference.delete_person):
        with pytest.raises(NotFoundError), sample_db.transaction() as session:
            delete(session, 9999)
