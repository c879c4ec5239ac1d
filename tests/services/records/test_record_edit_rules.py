"""An edit is held to the rules creation uses, with the same messages: a name or a link
already taken is the database's to say (inside a savepoint), also when a colleague's
commit takes it between reading the record and saving it, and also with a NUL typed into
the name (removed before anything is compared or sent to the database)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

import pytest
from sqlalchemy.orm import Session

from tests.services.records.test_conflicts_race import commit_before
from tracker.domain.edit_log import LOGGED_TABLES
from tracker.domain.enums import (
    DependencyEffect,
    FactorLevel,
    FactorTrend,
    LinkKind,
    ParticipantRole,
    RoundStatus,
)
from tracker.domain.timewindow import ScheduledWindow
from tracker.services import rounds
from tracker.services.common.errors import ValidationError
from tracker.services.common.outcome import ChangedSinceError
from tracker.services.events import linking
from tracker.services.events.link_operations import add_link
from tracker.services.factors import factors
from tracker.services.factors.operations import new_dependency, new_factor, new_reading
from tracker.services.records.conflicts import ConflictError
from tracker.services.records.conflicts_kinds import KINDS
from tracker.services.records.edit_history import KIND_NOUNS
from tracker.services.records.record_edits import current, edit_record
from tracker.services.rounds import participants, seating
from tracker.storage.database import Database

TAKEN = "Starlink restriction on Russian use"  # the sample's factor 2; we rename factor 1
TAKEN_MESSAGE = "There is already a factor called 'Starlink restriction on Russian use'"


def _message(db: Database, act: Callable[[Session], object]) -> tuple[str, str]:
    with pytest.raises(ValidationError) as caught, db.transaction() as session:
        act(session)
    return caught.value.field, caught.value.message


@pytest.mark.parametrize("typed", [TAKEN, "  Starlink \x00restriction on\x00 Russian  use",
                                   f"{TAKEN}\x00"], ids=["plain", "nul-inside", "nul-after"])
def test_renaming_a_factor_to_a_taken_name_is_the_error_creating_it_gives(
        sample_db: Database, typed: str) -> None:
    with sample_db.reading() as session:
        before = current(session, "factor", 1)
    created = _message(sample_db, lambda session: new_factor(session, typed))
    edited = _message(sample_db, lambda session: edit_record(
        session, "factor", 1, {"name": typed}, expected_version=1))
    assert created == edited == ("name", TAKEN_MESSAGE)
    with sample_db.reading() as session:
        assert current(session, "factor", 1) == before


def test_after_a_refused_rename_the_same_transaction_goes_on(sample_db: Database) -> None:
    """The clash is refused inside a savepoint, so a dialog's unit of work stays usable."""
    with sample_db.transaction() as session:
        with pytest.raises(ValidationError):
            edit_record(session, "factor", 1, {"name": TAKEN}, expected_version=1)
        assert edit_record(session, "factor", 1, {"name": "U.S.–Iran\x00 standoff"},
                           expected_version=1).version == 2
    with sample_db.reading() as session:
        assert current(session, "factor", 1)[0]["name"] == "U.S.–Iran standoff"


def test_a_name_of_nothing_but_nul_is_no_name(sample_db: Database) -> None:
    expected = ("name", "A factor needs a name")
    assert _message(sample_db, lambda s: new_factor(s, "\x00 \x00")) == expected
    assert _message(sample_db, lambda s: edit_record(
        s, "factor", 1, {"name": "\x00 \x00"}, expected_version=1)) == expected


def test_edits_refuse_what_creation_refuses_in_the_same_words(sample_db: Database) -> None:
    naive = datetime(2026, 2, 1, 12, 0)  # no time zone: the point
    assert _message(sample_db, lambda s: new_reading(s, 1, factors.ReadingDraft(
        naive, FactorLevel.HIGH, FactorTrend.RISING))) == _message(
        sample_db, lambda s: edit_record(s, "reading", 1, {"observed_at": naive},
                                         expected_version=1)) \
        == ("observed_at", "A reading needs a time zone")
    # Elon Musk (person 2) acts for Starlink, not for Ukraine (seat 1's party).
    assert _message(sample_db, lambda s: seating.seat(
        s, participants.ParticipantSpec(1, 1, ParticipantRole.HOST, person_id=2))) \
        == _message(sample_db, lambda s: edit_record(s, "participant", 1, {"person": 2},
                                                     expected_version=1)) \
        == ("person", "Elon Musk does not act for Ukraine")
    # Round 2 already depends on factor 1 as "may relocate" (dependency 2).
    assert _message(sample_db, lambda s: new_dependency(s, factors.DependencySpec(
        2, 1, DependencyEffect.MAY_RELOCATE))) == _message(
        sample_db, lambda s: edit_record(s, "dependency", 1,
                                         {"effect": DependencyEffect.MAY_RELOCATE},
                                         expected_version=1)) \
        == ("effect", "The round already depends on it that way")
    # Round 1 seats Ukraine as a party (seat 1); seating it again as a party, or making a
    # second seat of Ukraine's a party, says the same; each names the field its form
    # lets the user change (creation the party, an edit the role).
    with sample_db.transaction() as session:
        host = seating.seat(session, participants.ParticipantSpec(
            1, 1, ParticipantRole.HOST)).record_id
    twice = "Ukraine already takes part in “{}” as party"
    created = _message(sample_db, lambda s: seating.seat(
        s, participants.ParticipantSpec(1, 1, ParticipantRole.PARTY)))
    edited = _message(sample_db, lambda s: edit_record(
        s, "participant", host, {"role": ParticipantRole.PARTY}, expected_version=1))
    with sample_db.reading() as session:
        title = current(session, "round", 1)[0]["title"]
    assert (created, edited) == (("party", twice.format(title)), ("role", twice.format(title)))


def test_a_name_a_colleague_commits_just_before_the_save_is_refused_cleanly(
        sample_db: Database, other: Database) -> None:
    """Their new factor lands between this editor's read and UPDATE: PostgreSQL's unique
    index refuses the UPDATE, SQLite the write from an outdated snapshot; both are the
    same field error, never a raw database error, and nothing of it is written."""
    with sample_db.reading() as session:
        opened, version = current(session, "factor", 1)

    def theirs() -> None:
        with other.transaction() as session:
            new_factor(session, "Black Sea\x00 shipping")

    with commit_before(sample_db, "UPDATE", "factor", theirs) as fired, \
            pytest.raises(ValidationError) as caught, sample_db.transaction() as session:
        edit_record(session, "factor", 1, {**opened, "name": "Black Sea shipping"},
                    expected_version=version)
    assert len(fired) == 1
    assert (caught.value.field, caught.value.message) \
        == ("name", "There is already a factor called 'Black Sea shipping'")
    with sample_db.reading() as session:
        assert current(session, "factor", 1) == (opened, version)


def test_a_duplicate_link_a_colleague_commits_just_before_the_save_is_refused_cleanly(
        sample_db: Database, other: Database) -> None:
    with sample_db.reading() as session:
        opened, version = current(session, "link", 1)  # event 1 → round 2, escalation

    def theirs() -> None:
        with other.transaction() as session:
            add_link(session, linking.LinkSpec(1, 2, None, LinkKind.CONTEXT))

    with commit_before(sample_db, "UPDATE", "event_link", theirs) as fired, \
            pytest.raises(ValidationError, match="already linked there with that kind"), \
            sample_db.transaction() as session:
        edit_record(session, "link", 1, {**opened, "kind": LinkKind.CONTEXT},
                    expected_version=version)
    assert len(fired) == 1
    with sample_db.reading() as session:
        assert current(session, "link", 1) == (opened, version)


def test_a_colleague_changing_the_record_itself_is_still_a_conflict(
        sample_db: Database, other: Database) -> None:
    """Even when mine would also clash with a taken name: theirs came first."""
    with sample_db.reading() as session:
        opened, version = current(session, "factor", 1)

    def theirs() -> None:
        with other.transaction() as session:
            edit_record(session, "factor", 1, {"description": "Theirs"},
                        expected_version=version)

    with commit_before(sample_db, "UPDATE", "factor", theirs), \
            pytest.raises(ConflictError), sample_db.transaction() as session:
        edit_record(session, "factor", 1, {**opened, "name": TAKEN},
                    expected_version=version)


def test_the_change_log_and_conflicts_name_each_kind_alike() -> None:
    assert set(KIND_NOUNS) == LOGGED_TABLES
    for kind in KINDS.values():
        assert KIND_NOUNS[kind.model.__tablename__] == kind.noun
    assert (KINDS["participant"].noun, KINDS["link"].noun) \
        == ("delegation member", "event link")


def test_what_a_held_round_of_unknown_date_is_about_can_be_edited(
        sample_db: Database) -> None:
    """The schedule is checked only when it moves: the sample's held round has no date,
    and its outcome must still be editable."""
    with sample_db.transaction() as session:
        held = next(row for row in rounds.list_rounds(session)
                    if row.status is RoundStatus.HELD and row.window.start is None)
        edit_record(session, "round", held.id, {"outcome": "Prisoner exchange agreed"}, None)
    with sample_db.reading() as session:
        assert rounds.round_detail(session, held.id).outcome == "Prisoner exchange agreed"


def test_undoing_two_own_steps_in_a_row_is_not_a_conflict(sample_db: Database) -> None:
    """A title edit, then a reschedule; undoing both: the reschedule's undo moves the
    version on, but not the title the first step left, so its undo still applies."""
    with sample_db.transaction() as session:
        row = next(row for row in rounds.list_rounds(session)
                   if row.status is RoundStatus.SCHEDULED)
        title = row.title
        renamed = edit_record(session, "round", row.id, {"title": "Abu Dhabi talks"},
                              row.version)
        moved = rounds.reschedule(session, row.id, ScheduledWindow.unknown(row.window.tz),
                                  rounds.ChangeNote("moved"))
        assert moved.undo is not None and renamed.undo is not None
        moved.undo(session)
        back = renamed.undo(session)
        assert rounds.round_row(session, row.id).title == title
        assert back.undo is not None
        back.undo(session)  # redo
        assert rounds.round_row(session, row.id).title == "Abu Dhabi talks"


def test_an_undo_over_a_field_changed_since_is_refused(sample_db: Database) -> None:
    with sample_db.transaction() as session:
        row = next(iter(rounds.list_rounds(session)))
        renamed = edit_record(session, "round", row.id, {"title": "Mine"}, row.version)
        edit_record(session, "round", row.id, {"title": "Theirs"}, None)
        assert renamed.undo is not None
        with pytest.raises(ChangedSinceError):
            renamed.undo(session)
        assert rounds.round_row(session, row.id).title == "Theirs"
