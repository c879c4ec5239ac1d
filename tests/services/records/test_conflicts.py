"""Two editors on one database: the second save of the same round is refused, not lost."""

from __future__ import annotations

from dataclasses import replace

import pytest
from sqlalchemy import select

from tracker.domain import identity
from tracker.domain.enums import RoundFormat, RoundStatus
from tracker.domain.negotiation import Round, ScheduleChange
from tracker.domain.timewindow import ScheduledWindow
from tracker.services import rounds
from tracker.services.records.conflicts import ConflictError
from tracker.services.records.record_edits import edit_record
from tracker.services.rounds import ChangeNote
from tracker.storage.database import Database


def _first_round(db: Database) -> tuple[int, int, rounds.RoundState]:
    with db.reading() as session:
        # The sample's scheduled round (the other one was held long ago).
        round_ = session.scalars(select(Round).where(Round.status == RoundStatus.SCHEDULED)
                                 .order_by(Round.id)).first()
        assert round_ is not None
        return round_.id, round_.version, rounds.state_of(round_)


def test_second_save_from_the_same_version_is_refused(sample_db: Database,
                                                      other: Database) -> None:
    round_id, version, state = _first_round(sample_db)
    identity.set_user_name("olena")  # the other editor, as the edit log names them
    try:
        with other.transaction() as session:  # the other editor postpones the round first
            rounds.postpone(session, round_id, ChangeNote("theirs"))
    finally:
        identity.set_user_name("")
    mine = replace(state, status=RoundStatus.CANCELLED)
    with pytest.raises(ConflictError) as caught, sample_db.transaction() as session:
        rounds.change_round(session, round_id, mine, ChangeNote("mine"),
                              expected_version=version)
    conflict = caught.value
    assert (conflict.mine_version, conflict.theirs_version) == (version, version + 1)
    assert conflict.changed_by == "olena"
    by_field = {d.field: (d.mine, d.theirs) for d in conflict.differences}
    # Mine still carries the window I opened the dialog on; theirs made it unknown.
    assert by_field == {"status": (RoundStatus.CANCELLED, RoundStatus.POSTPONED),
                        "window": (state.window, ScheduledWindow.unknown(state.window.tz))}
    assert "venue" not in by_field  # the same on both sides
    assert conflict.merged_reason().startswith("Merged after a conflict with olena at ")
    with sample_db.reading() as session:
        stored = session.get(Round, round_id)
        assert stored is not None and stored.version == version + 1
        assert stored.status is RoundStatus.POSTPONED  # nothing of mine was written


def test_resolution_is_saved_as_one_new_change_and_history_shows_both(
        sample_db: Database, other: Database) -> None:
    round_id, version, _ = _first_round(sample_db)
    with other.transaction() as session:
        edit_record(session, "round", round_id, {
            "title": "Their title", "format": RoundFormat.BILATERAL, "agenda": "a",
            "outcome": ""}, version)
    with pytest.raises(ConflictError) as caught, sample_db.transaction() as session:
        edit_record(session, "round", round_id, {
            "title": "  My   title ", "format": RoundFormat.TECHNICAL, "agenda": "a",
            "outcome": ""}, version)
    conflict = caught.value
    assert [d.field for d in conflict.differences] == ["title", "format"]
    merged = {"title": conflict.mine["title"], "format": conflict.theirs["format"]}
    with sample_db.transaction() as session:
        edit_record(session, "round", round_id, merged, conflict.theirs_version,
                    note=ChangeNote(conflict.merged_reason(), recorded_by="me"))
    with sample_db.reading() as session:
        stored = session.get(Round, round_id)
        assert stored is not None
        assert (stored.title, stored.format, stored.version) == (
            "My title", RoundFormat.BILATERAL, version + 2)
        last = session.scalars(select(ScheduleChange).where(ScheduleChange.round_id == round_id)
                               .order_by(ScheduleChange.id.desc())).first()
        assert last is not None and last.recorded_by == "me"
        assert last.reason.startswith("Merged after a conflict with")
        assert rounds.history(session, round_id)[-1].kind.value == "edited"


def test_a_stale_save_of_the_same_version_with_a_fresh_read_goes_through(
        sample_db: Database) -> None:
    round_id, version, state = _first_round(sample_db)
    with sample_db.transaction() as session:
        rounds.change_round(session, round_id, replace(state, status=RoundStatus.CONFIRMED),
                              ChangeNote(), expected_version=version)
    with sample_db.transaction() as session:  # started from the new version: no conflict
        rounds.cancel(session, round_id, ChangeNote())
    with sample_db.reading() as session:
        stored = session.get(Round, round_id)
        assert stored is not None and stored.version == version + 2


def test_history_records_the_preferred_name_or_the_os_user(sample_db: Database) -> None:
    round_id, _, state = _first_round(sample_db)
    identity.set_user_name("  Desk   Analyst ")
    try:
        with sample_db.transaction() as session:
            change_id = rounds.change_round(
                session, round_id, replace(state, status=RoundStatus.CONFIRMED),
                ChangeNote()).change_id
            assert session.get(ScheduleChange, change_id).recorded_by == "Desk Analyst"
    finally:
        identity.set_user_name("")
    assert identity.user_name() == identity.os_user()


def test_every_provoked_conflict_is_detected() -> None:
    from tests.services.conflict_figures import conflict_trials

    assert conflict_trials(20) == (20, 20)
