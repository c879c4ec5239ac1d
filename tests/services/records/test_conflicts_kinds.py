"""Two editors on one database, for every kind of editable record: the second save of the
same record is refused field by field, and nothing of it is written."""

from __future__ import annotations

import pytest

from tests.services.conflict_figures import CASES, Case, add_venue, record_of
from tracker.domain import identity
from tracker.domain.enums import LinkKind, ParticipantRole
from tracker.domain.events import EventLink
from tracker.domain.negotiation import RoundParticipant
from tracker.services.common.errors import ValidationError
from tracker.services.events.link_operations import add_link
from tracker.services.events.linking import LinkSpec
from tracker.services.records.conflicts import ConflictError
from tracker.services.records.record_edits import current, edit_record
from tracker.services.rounds import ChangeNote, seating
from tracker.services.rounds.participants import ParticipantSpec
from tracker.storage.database import Database


@pytest.mark.parametrize("case", CASES, ids=[case.kind for case in CASES])
def test_second_save_of_each_kind_is_refused_and_nothing_is_written(
        sample_db: Database, other: Database, case: Case) -> None:
    record_id = record_of(sample_db, case)
    with sample_db.reading() as session:  # both editors open the record here
        opened, version = current(session, case.kind, record_id)
    identity.set_user_name("Olena")  # the other editor's name, as their edit records it
    try:
        with other.transaction() as session:
            edit_record(session, case.kind, record_id, case.theirs, expected_version=version)
    finally:
        identity.set_user_name("")
    with pytest.raises(ConflictError) as caught, sample_db.transaction() as session:
        edit_record(session, case.kind, record_id, {**opened, **case.mine},
                    expected_version=version)
    conflict = caught.value
    assert conflict.kind.name == case.kind and conflict.record_id == record_id
    assert conflict.changed_by == "Olena" and conflict.changed_at is not None
    assert conflict.merged_reason().startswith("Merged after a conflict with Olena at 20")
    assert (conflict.mine_version, conflict.theirs_version) == (version, version + 1)
    assert [(d.field, d.mine_text, d.theirs_text) for d in conflict.differences] \
        == case.differences
    assert "nothing was saved" in str(conflict)
    with sample_db.reading() as session:
        assert current(session, case.kind, record_id) == ({**opened, **case.theirs},
                                                           version + 1)


@pytest.mark.parametrize("case", CASES, ids=[case.kind for case in CASES])
def test_a_merge_saved_over_their_version_keeps_the_fields_chosen(
        sample_db: Database, other: Database, case: Case) -> None:
    record_id = record_of(sample_db, case)
    with sample_db.reading() as session:
        opened, version = current(session, case.kind, record_id)
    with other.transaction() as session:
        edit_record(session, case.kind, record_id, case.theirs, expected_version=version)
    with pytest.raises(ConflictError) as caught, sample_db.transaction() as session:
        edit_record(session, case.kind, record_id, {**opened, **case.mine},
                    expected_version=version)
    conflict = caught.value
    first, *rest = conflict.differences  # mine for the first differing field, else theirs
    merged = {**conflict.theirs, first.field: first.mine}
    with sample_db.transaction() as session:
        assert edit_record(session, case.kind, record_id, merged,
                           expected_version=conflict.theirs_version,
                           note=ChangeNote(conflict.merged_reason())).version == version + 2
    with sample_db.reading() as session:
        now, _ = current(session, case.kind, record_id)
    assert now[first.field] == first.mine
    assert all(now[d.field] == d.theirs for d in rest)


def test_edits_are_validated_like_new_records(sample_db: Database) -> None:
    with sample_db.transaction() as session, pytest.raises(ValidationError) as caught:
        edit_record(session, "factor", 1, {"name": " Starlink  restriction on Russian use"},
                    expected_version=1)
    assert caught.value.field == "name"
    with sample_db.transaction() as session, pytest.raises(ValidationError) as caught:
        edit_record(session, "venue", add_venue(sample_db), {"latitude": 91.0},
                    expected_version=1)
    assert caught.value.field == "latitude"
    with sample_db.transaction() as session, pytest.raises(ValidationError) as caught:
        edit_record(session, "source", 1, {"url": "ftp://example.org"}, expected_version=1)
    assert caught.value.field == "url"
    with sample_db.reading() as session:  # none of it was written
        assert current(session, "factor", 1)[0]["name"] == "U.S.–Iran tensions"
        assert current(session, "source", 1)[1] == 1


def test_an_edit_that_would_duplicate_a_link_or_a_seat_is_refused(sample_db: Database) -> None:
    with sample_db.transaction() as session:
        link = session.get(EventLink, 1)
        seat = session.get(RoundParticipant, 1)
        assert link is not None and seat is not None
        # The same event and target with another kind; the same party in another role.
        add_link(session, LinkSpec(link.event_id, link.round_id, link.factor_id,
                                   LinkKind.CONTEXT))
        seating.seat(session, ParticipantSpec(seat.round_id, seat.party_id,
                                              ParticipantRole.OBSERVER))
    with sample_db.transaction() as session, pytest.raises(ValidationError) as caught:
        edit_record(session, "link", 1, {"kind": LinkKind.CONTEXT}, expected_version=1)
    assert caught.value.field == "kind"
    with sample_db.transaction() as session, pytest.raises(ValidationError) as caught:
        edit_record(session, "participant", 1, {"role": ParticipantRole.OBSERVER},
                    expected_version=1)
    assert caught.value.field == "role"
    with sample_db.reading() as session:
        assert current(session, "link", 1)[0]["kind"] is LinkKind.ESCALATION
        assert current(session, "participant", 1)[0]["role"] is ParticipantRole.PARTY
