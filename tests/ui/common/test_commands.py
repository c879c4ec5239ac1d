"""Round commands on a bare QUndoStack: redo/undo run the operations, failures drop the step."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import datetime, timedelta

import pytest
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from tests.ui.conftest import ReportedErrors
from tracker.domain.base import utc_now
from tracker.domain.enums import ChangeKind, RoundFormat, RoundStatus
from tracker.domain.timewindow import ScheduledWindow
from tracker.services import rounds
from tracker.services.common.errors import NotFoundError
from tracker.services.common.outcome import ChangedSinceError, Outcome
from tracker.services.records import reference
from tracker.services.records.record_edits import edit_record
from tracker.services.rounds import ChangeNote, RoundDraft, RoundState
from tracker.storage.errors import StorageError
from tracker.ui.common.commands import NewTrack, NewVenue, OperationCommand
from tracker.ui.common.edit_commands import EditRecordCommand
from tracker.ui.common.workspace import Topic, Workspace
from tracker.ui.rounds.round_commands import (
    ChangeMode,
    CreateRoundCommand,
    DeleteRoundCommand,
    ScheduleInput,
    schedule_change,
)

pytestmark = pytest.mark.usefixtures("no_modal_boxes")

ROUND = 2  # "Trilateral talks announced for the coming week" in the sample
TENSIONS = 1  # "U.S.–Iran tensions"
ABU_DHABI_MORNING = ScheduledWindow.exact(datetime(2026, 2, 5, 10, 0), None, "Asia/Dubai")


def _state(ws: Workspace, round_id: int = ROUND) -> RoundState:
    return ws.read(lambda s: rounds.state_of(rounds.get_round(s, round_id)))


def _kinds(ws: Workspace, round_id: int = ROUND) -> list[ChangeKind]:
    return [record.kind for record in ws.read(lambda s: rounds.history(s, round_id))]


def _draft(ws: Workspace, title: str = "Talks in Abu Dhabi") -> RoundDraft:
    track = ws.read(reference.list_tracks)[0].id
    state = RoundState(ABU_DHABI_MORNING, None, RoundStatus.SCHEDULED)
    return RoundDraft(track, title, RoundFormat.TRILATERAL, state, "Energy truce")


def test_create_undo_hides_and_redo_restores_the_same_round(
        sample_workspace: Workspace) -> None:
    ws = sample_workspace
    command = CreateRoundCommand(ws, _draft(ws))
    ws.undo_stack.push(command)
    assert command.error is None and command.round_id is not None
    assert command.text() == "Create “Talks in Abu Dhabi”"
    new_id = command.round_id
    assert any(row.id == new_id for row in ws.read(rounds.list_rounds))

    ws.undo_stack.undo()
    assert all(row.id != new_id for row in ws.read(rounds.list_rounds))
    ws.undo_stack.redo()
    assert command.round_id == new_id
    assert _kinds(ws, new_id) == [ChangeKind.CREATED, ChangeKind.DELETED, ChangeKind.RESTORED]


def test_create_with_new_track_and_venue_is_one_transaction(
        sample_workspace: Workspace) -> None:
    ws = sample_workspace
    draft = replace(_draft(ws), track_id=0)
    venue = NewVenue("Emirates Palace", "Abu Dhabi", "UAE", "Asia/Dubai", 24.46, 54.32)
    command = CreateRoundCommand(ws, draft, new_track=NewTrack("Energy truce talks"),
                                 new_venue=venue)
    ws.undo_stack.push(command)
    assert command.error is None and command.round_id is not None
    row = ws.read(lambda s: rounds.round_row(s, command.round_id or 0))
    assert row.track == "Energy truce talks"
    assert row.venue is not None and row.venue.time_zone == "Asia/Dubai"

    # A refused round leaves no track behind: the whole transaction is rolled back.
    refused = CreateRoundCommand(ws, replace(draft, title="  "),
                                 new_track=NewTrack("Never created"))
    ws.undo_stack.push(refused)
    assert refused.error_field == "title"
    assert ws.undo_stack.count() == 1
    assert "Never created" not in [t.name for t in ws.read(reference.list_tracks)]


def test_change_round_undo_records_a_reversal_and_redo_reapplies(
        sample_workspace: Workspace) -> None:
    ws = sample_workspace
    before = _state(ws)
    new_state = replace(before, window=ABU_DHABI_MORNING)
    command = schedule_change(ws, ROUND, ChangeMode.RESCHEDULE, ScheduleInput(
        ChangeNote("Moved after U.S.–Iran escalation", TENSIONS), ABU_DHABI_MORNING),
        text="Reschedule “Trilateral talks”")
    ws.undo_stack.push(command)
    assert _state(ws) == new_state

    ws.undo_stack.undo()
    assert _state(ws) == before
    history = ws.read(lambda s: rounds.history(s, ROUND))
    assert [r.kind for r in history] == [ChangeKind.CREATED, ChangeKind.RESCHEDULED,
                                         ChangeKind.RESCHEDULED]
    assert history[1].factor == "U.S.–Iran tensions"
    assert history[2].reason == "Undo: Moved after U.S.–Iran escalation"

    ws.undo_stack.redo()
    assert _state(ws) == new_state
    assert ws.read(lambda s: rounds.history(s, ROUND))[-1].reason.startswith("Redo: ")


def test_undo_after_someone_else_changed_the_round_is_dropped(
        sample_workspace: Workspace, no_modal_boxes: ReportedErrors) -> None:
    ws = sample_workspace
    state = replace(_state(ws), status=RoundStatus.CONFIRMED)
    command = OperationCommand(ws, "Confirm", lambda s: rounds.change_round(
        s, ROUND, state, ChangeNote("Confirmed by Kyiv")), rounds.SCHEDULE_TOPICS)
    ws.undo_stack.push(command)
    # Another analyst reschedules it meanwhile (straight through the service).
    ws.write(lambda s: rounds.reschedule(s, ROUND, ABU_DHABI_MORNING, ChangeNote("Moved")),
             Topic.ROUNDS)
    theirs = _state(ws)

    ws.undo_stack.undo()
    assert _state(ws) == theirs  # their change is kept
    assert ws.undo_stack.count() == 0
    assert isinstance(command.error, ChangedSinceError)
    assert no_modal_boxes and "changed elsewhere" in no_modal_boxes[0]


def test_a_refused_first_redo_is_not_pushed_and_names_its_field(
        sample_workspace: Workspace, no_modal_boxes: ReportedErrors) -> None:
    ws = sample_workspace
    next_month = ScheduledWindow.exact(utc_now() + timedelta(days=30), None, "Europe/Kyiv")
    # A round whose window lies in the future cannot be marked held.
    command = schedule_change(ws, ROUND, ChangeMode.HELD,
                              ScheduleInput(ChangeNote(), next_month), text="Mark held")
    ws.undo_stack.push(command)
    assert ws.undo_stack.count() == 0
    assert command.error_field == "status"
    assert not no_modal_boxes  # the dialog shows it inline, not a message box


def test_change_round_to_a_new_venue(sample_workspace: Workspace) -> None:
    ws = sample_workspace
    venue = NewVenue("Dolmabahçe Palace", "Istanbul", "Türkiye", "Europe/Istanbul")
    command = schedule_change(ws, ROUND, ChangeMode.RELOCATE,
                              ScheduleInput(ChangeNote("Moved to Istanbul"), venue=venue),
                              text="Relocate")
    ws.undo_stack.push(command)
    row = ws.read(lambda s: rounds.round_row(s, ROUND))
    assert row.venue is not None and row.venue.name == "Dolmabahçe Palace"
    ws.undo_stack.undo()
    assert ws.read(lambda s: rounds.round_row(s, ROUND)).venue is None
    ws.undo_stack.redo()
    assert ws.read(lambda s: rounds.round_row(s, ROUND)).venue == row.venue


def test_delete_is_soft_and_undo_restores(sample_workspace: Workspace) -> None:
    ws = sample_workspace
    ws.undo_stack.push(DeleteRoundCommand(ws, ROUND, "Trilateral talks"))
    with pytest.raises(NotFoundError):
        ws.read(lambda s: rounds.round_row(s, ROUND))
    ws.undo_stack.undo()
    assert ws.read(lambda s: rounds.round_row(s, ROUND)).id == ROUND
    assert _kinds(ws)[-2:] == [ChangeKind.DELETED, ChangeKind.RESTORED]


def test_edit_details_undo_and_stale_redo(
        sample_workspace: Workspace, no_modal_boxes: ReportedErrors) -> None:
    ws = sample_workspace
    details = {"title": "Abu Dhabi talks", "format": RoundFormat.TRILATERAL,
               "agenda": "Energy truce", "outcome": "No agreement"}
    ws.undo_stack.push(EditRecordCommand(ws, "round", ROUND, details, expected_version=None,
                                         text="Edit “Abu Dhabi talks”"))
    detail = ws.read(lambda s: rounds.round_detail(s, ROUND))
    assert (detail.row.title, detail.outcome) == ("Abu Dhabi talks", "No agreement")
    ws.undo_stack.undo()
    detail = ws.read(lambda s: rounds.round_detail(s, ROUND))
    assert (detail.row.title, detail.agenda) == ("Trilateral talks announced for the coming "
                                                 "week", "Ending the war.")
    # Someone renames it before the redo: redo refuses and drops itself.
    ws.write(lambda s: edit_record(s, "round", ROUND, {
        "title": "Renamed", "agenda": "", "outcome": "", "format": RoundFormat.BILATERAL},
        None), Topic.ROUNDS)
    ws.undo_stack.redo()
    assert ws.read(lambda s: rounds.round_row(s, ROUND)).title == "Renamed"
    assert ws.undo_stack.count() == 0
    assert len(no_modal_boxes) == 1


def test_every_change_announces_rounds(sample_workspace: Workspace) -> None:
    ws = sample_workspace
    topics: list[Topic] = []
    ws.changed.connect(topics.append)
    ws.undo_stack.push(CreateRoundCommand(ws, _draft(ws)))
    ws.undo_stack.undo()
    assert len(topics) == 2 and all(topic & Topic.ROUNDS for topic in topics)


def test_a_database_failure_drops_the_step_as_a_storage_error(
        sample_workspace: Workspace) -> None:
    """The command catches TrackerError alone: Workspace.write says a failure of the
    database itself (a disk I/O error) as a StorageError, rolled back."""
    ws = sample_workspace
    before = _state(ws)

    def locked(session: Session) -> Outcome:
        rounds.get_round(session, ROUND).title = "Changed, then rolled back"
        session.flush()
        raise OperationalError("UPDATE round", {}, sqlite3.OperationalError("disk I/O error"))

    command = OperationCommand(ws, "Rename", locked, Topic.ROUNDS)
    ws.undo_stack.push(command)
    assert isinstance(command.error, StorageError)
    assert str(command.error) == ("The change failed, the database is as it was: "
                                  "disk I/O error")
    assert ws.undo_stack.count() == 0 and _state(ws) == before
    assert ws.read(lambda s: rounds.get_round(s, ROUND).title) != "Changed, then rolled back"
