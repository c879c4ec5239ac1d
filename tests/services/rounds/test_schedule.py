"""Schedule editing: every change is recorded, rules hold, undo is a recorded reversal."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.exc import IntegrityError

from tests.services.scenario import build
from tracker.domain.enums import ChangeKind, Precision, RoundFormat, RoundStatus
from tracker.domain.negotiation import ScheduleChange
from tracker.domain.timewindow import ScheduledWindow
from tracker.services import rounds
from tracker.services.common.errors import NotFoundError, ValidationError
from tracker.storage.database import Database

ISTANBUL_AFTERNOON = ScheduledWindow.exact(
    datetime(2026, 2, 5, 14, 0), datetime(2026, 2, 5, 17, 0), "Europe/Istanbul"
)


def _changes(db: Database, round_id: int) -> list[ScheduleChange]:
    with db.reading() as session:
        return list(session.execute(
            select(ScheduleChange).where(ScheduleChange.round_id == round_id)
            .order_by(ScheduleChange.id)
        ).scalars())


def test_creating_a_round_records_the_announcement(db: Database) -> None:
    with db.transaction() as session:
        ids = build(session)
    [created] = _changes(db, ids.round)
    assert created.kind is ChangeKind.CREATED
    assert created.old_window is None
    assert created.new_window == ScheduledWindow.week_of(date(2026, 2, 2), "Europe/Kyiv")
    assert created.new_status is RoundStatus.SCHEDULED
    assert created.reason == "Announced for the coming week"
    assert created.recorded_by == "tester"


def test_reschedule_with_factor_keeps_old_and_new(db: Database) -> None:
    with db.transaction() as session:
        ids = build(session)
        rounds.reschedule(session, ids.round, ISTANBUL_AFTERNOON, rounds.ChangeNote(
            "Moved after U.S.–Iran escalation", factor_id=ids.tensions))
    changes = _changes(db, ids.round)
    assert [c.kind for c in changes] == [ChangeKind.CREATED, ChangeKind.RESCHEDULED]
    moved = changes[-1]
    assert moved.old_window is not None and moved.old_window.precision is Precision.WEEK
    assert moved.new_window == ISTANBUL_AFTERNOON
    assert moved.factor_id == ids.tensions
    with db.reading() as session:
        [_, record] = rounds.history(session, ids.round)
    assert record.factor == "U.S.–Iran tensions"
    assert "week of 2 Feb 2026" in record.summary and "5 Feb 2026 14:00" in record.summary


def test_relocate_postpone_cancel_and_held_each_recorded(db: Database) -> None:
    with db.transaction() as session:
        ids = build(session)
        rounds.relocate(session, ids.round, ids.abu_dhabi, rounds.ChangeNote("Venue set"))
        rounds.postpone(session, ids.round, rounds.ChangeNote("Tensions"))
        state = rounds.state_of(rounds.get_round(session, ids.round))
        assert state.status is RoundStatus.POSTPONED
        assert state.window.precision is Precision.UNKNOWN
        # The zone survives a postponement: the venue's, since the relocation.
        assert state.window.tz == "Asia/Dubai"
        rounds.reschedule(session, ids.round, ISTANBUL_AFTERNOON, rounds.ChangeNote())
        # A new date ends the postponement.
        assert rounds.get_round(session, ids.round).status is RoundStatus.SCHEDULED
        rounds.cancel(session, ids.round, rounds.ChangeNote())
    kinds = [c.kind for c in _changes(db, ids.round)]
    assert kinds == [ChangeKind.CREATED, ChangeKind.RELOCATED, ChangeKind.STATUS,
                     ChangeKind.STATUS, ChangeKind.STATUS]


def test_held_in_the_past_is_final(db: Database) -> None:
    with db.transaction() as session:
        ids = build(session)
        rounds.mark_held(session, ids.round, rounds.ChangeNote())
        with pytest.raises(ValidationError) as raised:
            rounds.postpone(session, ids.round, rounds.ChangeNote())
    assert raised.value.field == "status"


def test_cannot_mark_held_before_it_starts(db: Database) -> None:
    future = ScheduledWindow.days(date(2099, 1, 5), "Europe/Kyiv")
    with db.transaction() as session:
        ids = build(session)
        rounds.reschedule(session, ids.round, future, rounds.ChangeNote())
        with pytest.raises(ValidationError, match="before it starts"):
            rounds.mark_held(session, ids.round, rounds.ChangeNote())


def test_undo_is_recorded_as_a_reversal(db: Database) -> None:
    with db.transaction() as session:
        ids = build(session)
        before = rounds.state_of(rounds.get_round(session, ids.round))
        rounds.mark_held(session, ids.round, rounds.ChangeNote())
        rounds.change_round(session, ids.round, before,
                              rounds.ChangeNote("Undo: marked held"), allow_any=True)
        assert rounds.state_of(rounds.get_round(session, ids.round)) == before
    changes = _changes(db, ids.round)
    assert len(changes) == 3
    assert changes[-1].reason == "Undo: marked held"
    assert changes[-1].old_status is RoundStatus.HELD


def test_failed_change_saves_nothing(db: Database) -> None:
    with db.transaction() as session:
        ids = build(session)
    with pytest.raises(ValidationError), db.transaction() as session:
        rounds.reschedule(session, ids.round, ISTANBUL_AFTERNOON, rounds.ChangeNote())
        rounds.relocate(session, ids.round, 999, rounds.ChangeNote())
    assert len(_changes(db, ids.round)) == 1
    with db.reading() as session:
        assert rounds.get_round(session, ids.round).window.precision is Precision.WEEK


@pytest.mark.parametrize("title", ["", "   ", "\t\n"])
def test_blank_titles_are_refused(db: Database, title: str) -> None:
    with db.transaction() as session:
        ids = build(session)
        draft = rounds.RoundDraft(ids.track, title, RoundFormat.BILATERAL,
                                    rounds.RoundState(ScheduledWindow.unknown(), None,
                                                        RoundStatus.PROPOSED))
        with pytest.raises(ValidationError) as raised:
            rounds.create_round(session, draft)
    assert raised.value.field == "title"


def test_no_op_change_is_refused(db: Database) -> None:
    with db.transaction() as session:
        ids = build(session)
        state = rounds.state_of(rounds.get_round(session, ids.round))
        with pytest.raises(ValidationError, match="Nothing changed"):
            rounds.change_round(session, ids.round, state, rounds.ChangeNote())


def test_delete_hides_and_restore_brings_back_with_history(db: Database) -> None:
    with db.transaction() as session:
        ids = build(session)
        rounds.delete(session, ids.round, rounds.ChangeNote("duplicate"))
    with db.reading() as session:
        assert rounds.list_rounds(session) == []
        with pytest.raises(NotFoundError):
            rounds.round_detail(session, ids.round)
    with db.transaction() as session:
        rounds.restore(session, ids.round, rounds.ChangeNote("undo"))
    with db.reading() as session:
        assert [r.id for r in rounds.list_rounds(session)] == [ids.round]
        kinds = [h.kind for h in rounds.history(session, ids.round)]
    assert kinds == [ChangeKind.CREATED, ChangeKind.DELETED, ChangeKind.RESTORED]


def test_history_rows_cannot_be_edited_or_removed(db: Database) -> None:
    with db.transaction() as session:
        build(session)
    for statement in ("UPDATE schedule_change SET reason = 'rewritten'",
                      "DELETE FROM schedule_change"):
        with pytest.raises(IntegrityError, match="append-only"), \
                db.transaction() as session:
            session.execute(text(statement))
    with db.reading() as session:
        assert session.scalar(select(func.count()).select_from(ScheduleChange)) == 1


def test_source_given_with_a_change_is_cited(db: Database) -> None:
    from tracker.domain.sources import Source
    from tracker.services.records.citations import sources_for

    with db.transaction() as session:
        ids = build(session)
        source = Source(outlet="Wire", title="Talks moved", published_on=date(2026, 2, 1))
        session.add(source)
        session.flush()
        change_id = rounds.relocate(session, ids.round, ids.istanbul,
                                    rounds.ChangeNote("Moved", source_id=source.id)).change_id
        assert sources_for(session, "schedule_change_id", change_id) == (
            "Wire, “Talks moved”, 1 Feb 2026",)


@pytest.mark.parametrize(("before", "allowed"), [
    (RoundStatus.PROPOSED, {RoundStatus.POSTPONED, RoundStatus.CANCELLED}),
    (RoundStatus.SCHEDULED, {RoundStatus.POSTPONED, RoundStatus.CANCELLED, RoundStatus.HELD}),
    (RoundStatus.CONFIRMED, {RoundStatus.POSTPONED, RoundStatus.CANCELLED, RoundStatus.HELD}),
    (RoundStatus.POSTPONED, {RoundStatus.CANCELLED}),
    (RoundStatus.CANCELLED, set()),
    (RoundStatus.HELD, set()),
])
def test_which_closing_moves_a_status_allows(before: RoundStatus,
                                              allowed: set[RoundStatus]) -> None:
    closing = {RoundStatus.POSTPONED, RoundStatus.CANCELLED, RoundStatus.HELD}
    assert {after for after in closing if rounds.can_move(before, after)} == allowed


def test_an_operations_outcome_takes_it_back_and_its_undo_does_it_again(
        db: Database) -> None:
    """What the window's undo stack and any other caller get from an intent."""
    with db.transaction() as session:
        ids = build(session)
        before = rounds.state_of(rounds.get_round(session, ids.round))
        done = rounds.reschedule(session, ids.round, ISTANBUL_AFTERNOON,
                                 rounds.ChangeNote("Moved", ids.tensions))
        after = rounds.state_of(rounds.get_round(session, ids.round))
        assert done.topics & rounds.SCHEDULE_TOPICS and done.record_id == ids.round
        assert done.undo is not None
        undone = done.undo(session)
        assert rounds.state_of(rounds.get_round(session, ids.round)) == before
        assert undone.undo is not None
        undone.undo(session)
        assert rounds.state_of(rounds.get_round(session, ids.round)) == after
    changes = _changes(db, ids.round)
    assert [c.reason for c in changes[1:]] == ["Moved", "Undo: Moved", "Redo: Moved"]
    # The undo retracts the change and the redo retracts the undo: the factor stays with
    # the change it caused, which stands again.
    assert [c.retracts_id for c in changes[1:]] == [None, changes[1].id, changes[2].id]
    assert [c.factor_id for c in changes[1:]] == [ids.tensions, None, None]
    assert changes[1].id == done.change_id


def test_a_deletion_is_undone_by_restoring_the_round(db: Database) -> None:
    with db.transaction() as session:
        ids = build(session)
        done = rounds.delete(session, ids.round, rounds.ChangeNote("entered twice"))
        with pytest.raises(NotFoundError):
            rounds.get_round(session, ids.round)
        assert done.undo is not None
        done.undo(session)
        assert rounds.get_round(session, ids.round).deleted_at is None
    assert [c.kind for c in _changes(db, ids.round)][-2:] == [ChangeKind.DELETED,
                                                              ChangeKind.RESTORED]
