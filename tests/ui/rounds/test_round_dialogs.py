"""Round dialogs driven as a user would: typed windows, inline refusals, one undo step per OK."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QInputDialog, QLineEdit, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from tests.ui.conftest import DISPLAY_TZ
from tracker.domain.announcement import Announcement
from tracker.domain.enums import ChangeKind, Precision, RoundFormat, RoundStatus
from tracker.domain.negotiation import ScheduleChange
from tracker.domain.timewindow import ScheduledWindow
from tracker.services import rounds
from tracker.services.records import reference
from tracker.services.rounds import RoundState
from tracker.storage.database import Database
from tracker.ui.common.command_dialog import CommandDialog
from tracker.ui.common.forms import current_data, select_data
from tracker.ui.common.workspace import Topic, Workspace
from tracker.ui.rounds.details_dialog import EditDetailsDialog
from tracker.ui.rounds.round_commands import CreateRoundCommand
from tracker.ui.rounds.round_detail import summary_html
from tracker.ui.rounds.round_dialogs import ChangeMode, NewRoundDialog, ScheduleChangeDialog
from tracker.ui.rounds.venue_dialog import NewVenueDialog

# Typing in a zone combo opens its completer popup, which the offscreen plugin cannot raise.
pytestmark = [
    pytest.mark.qt_log_ignore(
        "This plugin does not support (propagateSizeHints|raise|grabbing the keyboard)"),
    pytest.mark.usefixtures("no_modal_boxes"),
]

ROUND = 2  # "Trilateral talks announced for the coming week", week of 2 Feb 2026, Kyiv
TENSIONS = 1  # "U.S.–Iran tensions"
KYIV, ISTANBUL = "Europe/Kyiv", "Europe/Istanbul"
THURSDAY = date(2026, 1, 29)  # "the coming week" said on this day is the week of 2 Feb
WEEK_OF_2_FEB = ScheduledWindow.week_of(date(2026, 2, 2), KYIV)
HELD_TOO_EARLY = "A round cannot be marked held before it starts"
LEFT = Qt.MouseButton.LeftButton
D = TypeVar("D", bound=QDialog)


def part(parent: QWidget, name: str) -> Any:
    """The widget called *name* (its objectName) inside *parent*."""
    found = parent.findChild(QWidget, name)
    assert found is not None, name
    return found


def error(parent: QWidget, name: str) -> str:
    """What the error label *name* says, "" while it is hidden."""
    label = part(parent, name)
    return str(label.text()) if label.isVisible() else ""


def show(qtbot: QtBot, dialog: D) -> D:
    qtbot.addWidget(dialog)
    with qtbot.waitExposed(dialog):
        dialog.open()
    return dialog


def retype(qtbot: QtBot, edit: QLineEdit, text: str) -> None:
    """Select what the field holds and type over it."""
    qtbot.keyClick(edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    qtbot.keyClicks(edit, text)


def choose(parent: QWidget, combo: str, data: Any) -> None:
    assert select_data(part(parent, combo), data), data


def press_ok(qtbot: QtBot, dialog: CommandDialog) -> None:
    assert dialog.ok_button.isEnabled()
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(dialog.ok_button, LEFT)


def press_refused(qtbot: QtBot, dialog: CommandDialog) -> None:
    """OK is refused: the dialog stays open and nothing is pushed."""
    qtbot.mouseClick(dialog.ok_button, LEFT)
    assert dialog.isVisible() and dialog.command is None
    assert dialog.workspace.undo_stack.count() == 0


def snapshot(ws: Workspace) -> Any:
    return ws.read(lambda s: (rounds.list_rounds(s), rounds.history(s, ROUND),
                              reference.list_venues(s), reference.list_tracks(s)))


def state(ws: Workspace, round_id: int = ROUND) -> RoundState:
    return ws.read(lambda s: rounds.state_of(rounds.get_round(s, round_id)))


def when_shown(kind: type[D], owner: QWidget, act: Callable[[D], None]) -> list[D]:
    """Drive the modal *kind* that *owner* is about to exec(); it is closed whatever happens."""
    acted: list[D] = []

    def attempt(tries: int = 0) -> None:
        shown = [found for found in owner.findChildren(kind) if found.isVisible()]
        if not shown:
            if tries < 200:
                QTimer.singleShot(10, lambda: attempt(tries + 1))
            return
        try:
            act(shown[0])
            acted.append(shown[0])
        finally:
            if shown[0].isVisible():
                shown[0].reject()

    QTimer.singleShot(0, attempt)
    return acted


def new_venue(qtbot: QtBot, owner: QWidget, name: str) -> None:
    """Click New Venue… in *owner* and type an Istanbul venue into the real dialog."""
    def fill(dialog: NewVenueDialog) -> None:
        ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert not ok.isEnabled()  # no name yet
        qtbot.keyClicks(part(dialog, "venue-name"), name)
        qtbot.keyClicks(part(dialog, "venue-city"), "Istanbul")
        retype(qtbot, part(dialog, "venue-zone").lineEdit(), ISTANBUL)
        qtbot.keyClicks(part(dialog, "venue-latitude"), "41.04")
        qtbot.mouseClick(ok, LEFT)

    driven = when_shown(NewVenueDialog, owner, fill)
    qtbot.mouseClick(part(owner, "new-venue-button"), LEFT)
    assert len(driven) == 1
    assert part(owner, "round-venue").currentText() == f"{name} (new) — {ISTANBUL}"


def new_round_dialog(qtbot: QtBot, ws: Workspace) -> NewRoundDialog:
    dialog = show(qtbot, NewRoundDialog(ws, display_tz=DISPLAY_TZ))
    dialog.window_input.today = THURSDAY
    return dialog


def created(ws: Workspace, dialog: NewRoundDialog) -> Any:
    """The row of the round the dialog created."""
    assert isinstance(dialog.command, CreateRoundCommand)
    round_id = dialog.command.round_id
    assert round_id is not None
    return ws.read(lambda s: rounds.round_row(s, round_id))


def change_dialog(qtbot: QtBot, ws: Workspace, mode: ChangeMode,
                  day_first: bool = False) -> ScheduleChangeDialog:
    row = ws.read(lambda s: rounds.round_row(s, ROUND))
    return show(qtbot, ScheduleChangeDialog(ws, row, mode, display_tz=DISPLAY_TZ,
                                            day_first=day_first))


def last_change(ws: Workspace) -> Any:
    return ws.read(lambda s: rounds.history(s, ROUND))[-1]


# -- new round ------------------------------------------------------------------------------


def test_new_round_exact_time_is_read_in_the_venue_zone_and_stored_in_utc(
        qtbot: QtBot, sample_workspace: Workspace) -> None:
    ws = sample_workspace
    venue_id = ws.write(lambda s: reference.create_venue(
        s, name="Çırağan Palace", city="Istanbul", time_zone=ISTANBUL), Topic.ROUNDS)
    before = ws.read(rounds.list_rounds)
    dialog = new_round_dialog(qtbot, ws)
    assert dialog.window_input.zone_name() == DISPLAY_TZ  # no venue yet: the user's zone
    qtbot.keyClicks(part(dialog, "round-title"), "Talks in Istanbul")
    venues = part(dialog, "round-venue")
    venues.setFocus()
    qtbot.keyClick(venues, Qt.Key.Key_Down)  # from "Not known yet" to the one venue
    assert current_data(venues) == venue_id
    assert dialog.window_input.zone_name() == ISTANBUL  # announced times are the venue's
    qtbot.keyClicks(part(dialog, "window-text"), "5 Feb 2026 10:00")
    assert part(dialog, "window-interpretation").text() == (
        "5 Feb 2026 10:00 +03 · Thu 5 Feb 10:00 +03\nyour zone: Thu 5 Feb 08:00 CET")
    qtbot.keyClicks(part(dialog, "round-agenda"), "Energy truce")
    press_ok(qtbot, dialog)

    assert ws.undo_stack.count() == 1
    assert ws.undo_stack.undoText() == "Create “Talks in Istanbul”"
    row = created(ws, dialog)
    assert row.window == ScheduledWindow(
        Precision.EXACT, ISTANBUL, datetime(2026, 2, 5, 7, 0, tzinfo=UTC))
    assert (row.title, row.status, row.format, row.venue.id) == (
        "Talks in Istanbul", RoundStatus.SCHEDULED, RoundFormat.TRILATERAL, venue_id)
    ws.undo_stack.undo()
    assert ws.read(rounds.list_rounds) == before


def test_new_round_held_in_the_future_is_refused_beside_status_and_nothing_half_saved(
        qtbot: QtBot, sample_workspace: Workspace) -> None:
    before = snapshot(sample_workspace)
    dialog = new_round_dialog(qtbot, sample_workspace)
    qtbot.keyClicks(part(dialog, "round-title"), "Talks in Istanbul")
    choose(dialog, "round-status", RoundStatus.HELD)
    new_venue(qtbot, dialog, "Dolmabahce Palace")
    assert dialog.window_input.zone_name() == ISTANBUL
    future = f"{date.today() + timedelta(days=30):%d %b %Y} 10:00"
    qtbot.keyClicks(part(dialog, "window-text"), future)
    press_refused(qtbot, dialog)

    assert error(dialog, "round-status-error") == HELD_TOO_EARLY
    assert part(dialog, "window-text").text() == future
    assert part(dialog, "round-venue").currentText().startswith("Dolmabahce Palace (new)")
    assert snapshot(sample_workspace) == before  # neither the round nor its new venue


def test_new_round_on_a_new_track_and_venue_typed_in_the_real_dialogs(
        qtbot: QtBot, sample_workspace: Workspace) -> None:
    dialog = new_round_dialog(qtbot, sample_workspace)

    def name_track(asked: QInputDialog) -> None:
        qtbot.keyClicks(asked.findChild(QLineEdit), "  Energy   truce talks ")
        asked.accept()

    driven = when_shown(QInputDialog, dialog, name_track)
    qtbot.mouseClick(part(dialog, "new-track-button"), LEFT)
    assert driven and part(dialog, "round-track").currentText() == "Energy truce talks (new)"
    new_venue(qtbot, dialog, "Dolmabahce Palace")
    qtbot.keyClicks(part(dialog, "round-title"), "Energy truce round")
    qtbot.keyClicks(part(dialog, "window-text"), "the coming week")
    press_ok(qtbot, dialog)

    assert sample_workspace.undo_stack.count() == 1
    row = created(sample_workspace, dialog)
    assert (row.track, row.venue.name, row.venue.latitude) == (
        "Energy truce talks", "Dolmabahce Palace", 41.04)
    assert row.window == ScheduledWindow.week_of(date(2026, 2, 2), ISTANBUL)


# -- schedule changes -----------------------------------------------------------------------


def test_reschedule_records_the_factor_it_was_because_of_and_undo_goes_back(
        qtbot: QtBot, sample_workspace: Workspace) -> None:
    ws = sample_workspace
    before = state(ws)
    dialog = change_dialog(qtbot, ws, ChangeMode.RESCHEDULE)
    assert part(dialog, "change-header").text().endswith(
        "Now: scheduled · week of 2 Feb 2026 (to 8 Feb 2026) · venue not known")
    when = part(dialog, "window-text")
    assert when.text() == "week of 2026-02-02" and dialog.window_input.zone_name() == KYIV
    assert not dialog.ok_button.isEnabled()
    assert dialog.ok_button.toolTip() == "Nothing changed yet"

    retype(qtbot, when, "5 Feb 2026 10:00")
    qtbot.keyClicks(part(dialog, "change-reason"), "Iran strikes")
    choose(dialog, "change-factor", TENSIONS)
    choose(dialog, "change-source", 1)
    press_ok(qtbot, dialog)

    assert ws.undo_stack.count() == 1
    assert ws.undo_stack.undoText() == \
        "Reschedule “Trilateral talks announced for the coming week”"
    assert state(ws) == RoundState(
        ScheduledWindow.exact(datetime(2026, 2, 5, 10, 0), None, KYIV), None,
        RoundStatus.SCHEDULED)
    last = last_change(ws)
    assert (last.kind, last.factor, last.reason) == (
        ChangeKind.RESCHEDULED, "U.S.–Iran tensions", "Iran strikes")
    assert last.source.startswith("Seed news report")
    ws.undo_stack.undo()
    assert state(ws) == before
    assert last_change(ws).reason == "Undo: Iran strikes"


def test_postpone_makes_the_date_unknown_and_a_new_date_schedules_again(
        qtbot: QtBot, sample_workspace: Workspace) -> None:
    ws = sample_workspace
    dialog = change_dialog(qtbot, ws, ChangeMode.POSTPONE)
    assert dialog.window_input is None and dialog.ok_button.isEnabled()
    press_ok(qtbot, dialog)
    assert state(ws) == RoundState(ScheduledWindow.unknown(KYIV), None, RoundStatus.POSTPONED)

    again = change_dialog(qtbot, ws, ChangeMode.RESCHEDULE)
    assert again.window_input is not None
    assert again.window_input.value() == ScheduledWindow.unknown(KYIV)
    assert not again.ok_button.isEnabled()  # showing the unknown date is not a change
    precision, when = part(again, "window-precision"), part(again, "window-text")
    assert precision.currentText() == "Unknown" and not when.isEnabled()
    precision.setCurrentIndex(precision.findText("As typed"))
    qtbot.keyClicks(when, "12 Feb 2026")
    press_ok(qtbot, again)
    assert state(ws) == RoundState(ScheduledWindow.days(date(2026, 2, 12), KYIV), None,
                                   RoundStatus.SCHEDULED)
    assert ws.undo_stack.count() == 2
    ws.undo_stack.undo()
    ws.undo_stack.undo()
    assert state(ws) == RoundState(WEEK_OF_2_FEB, None, RoundStatus.SCHEDULED)


def test_cancel_round_and_keep_round(qtbot: QtBot, sample_workspace: Workspace) -> None:
    ws = sample_workspace
    before = snapshot(ws)
    kept = change_dialog(qtbot, ws, ChangeMode.CANCEL)
    keep = kept.buttons.button(QDialogButtonBox.StandardButton.Cancel)
    assert keep.text() == "&Keep Round" and kept.ok_button.text() == "&Cancel Round"
    qtbot.keyClicks(part(kept, "change-reason"), "typed, then kept")
    qtbot.mouseClick(keep, LEFT)
    assert not kept.isVisible() and snapshot(ws) == before and ws.undo_stack.count() == 0

    dialog = change_dialog(qtbot, ws, ChangeMode.CANCEL)
    qtbot.keyClicks(part(dialog, "change-reason"), "Called off")
    press_ok(qtbot, dialog)
    assert state(ws).status is RoundStatus.CANCELLED
    assert (last_change(ws).kind, last_change(ws).reason) == (ChangeKind.STATUS, "Called off")
    assert ws.undo_stack.count() == 1
    ws.undo_stack.undo()
    assert state(ws).status is RoundStatus.SCHEDULED


def test_mark_held_in_the_future_is_refused_beside_the_status(
        qtbot: QtBot, sample_workspace: Workspace) -> None:
    ws = sample_workspace
    before = snapshot(ws)
    dialog = change_dialog(qtbot, ws, ChangeMode.HELD)
    future = f"{date.today() + timedelta(days=10):%d %b %Y}"
    retype(qtbot, part(dialog, "window-text"), future)
    press_refused(qtbot, dialog)
    assert error(dialog, "change-status-error") == HELD_TOO_EARLY
    assert part(dialog, "window-text").text() == future
    assert snapshot(ws) == before

    retype(qtbot, part(dialog, "window-text"), "4 Feb 2026")  # in the past
    press_ok(qtbot, dialog)
    assert state(ws) == RoundState(ScheduledWindow.days(date(2026, 2, 4), KYIV), None,
                                   RoundStatus.HELD)
    assert ws.undo_stack.count() == 1
    ws.undo_stack.undo()
    assert state(ws) == RoundState(WEEK_OF_2_FEB, None, RoundStatus.SCHEDULED)


def test_relocate_to_a_venue_made_with_new_venue(
        qtbot: QtBot, sample_workspace: Workspace) -> None:
    ws = sample_workspace
    before = state(ws)
    # With no venue the week's zone is only the one it was given in, not "the venue's".
    assert zone_heading(ws) == "When (round's zone)"
    dialog = change_dialog(qtbot, ws, ChangeMode.RELOCATE)
    assert not dialog.ok_button.isEnabled()  # still "Not known yet"
    cancelled = when_shown(NewVenueDialog, dialog, lambda venue: venue.reject())
    qtbot.mouseClick(part(dialog, "new-venue-button"), LEFT)
    assert cancelled and part(dialog, "round-venue").count() == 1  # nothing added
    assert not dialog.ok_button.isEnabled()

    new_venue(qtbot, dialog, "Ciragan Palace")
    qtbot.keyClicks(part(dialog, "change-reason"), "Moved because of Iran")
    choose(dialog, "change-factor", TENSIONS)
    press_ok(qtbot, dialog)

    assert ws.undo_stack.count() == 1
    row = ws.read(lambda s: rounds.round_row(s, ROUND))
    assert (row.venue.name, row.venue.time_zone) == ("Ciragan Palace", ISTANBUL)
    # The week keeps its days, now in the venue's zone (issue 13: relocation moves the zone).
    assert row.window == ScheduledWindow.week_of(date(2026, 2, 2), ISTANBUL)
    assert (last_change(ws).kind, last_change(ws).factor) == (
        ChangeKind.RELOCATED, "U.S.–Iran tensions")
    assert zone_heading(ws) == "When (venue zone)"
    ws.undo_stack.undo()
    assert state(ws) == before
    assert zone_heading(ws) == "When (round's zone)"


def zone_heading(ws: Workspace) -> str:
    """The round summary's heading for the window in the round's own zone."""
    html = summary_html(ws.read(lambda s: rounds.round_detail(s, ROUND)), DISPLAY_TZ)
    found = re.findall(r"<b>(When \([^)]*zone\))</b>", html)
    assert len(found) == 2 and found[1] == "When (your zone)", found
    return str(found[0])


# -- details --------------------------------------------------------------------------------


def details(ws: Workspace) -> tuple[str, RoundFormat, str, str, ScheduledWindow]:
    found = ws.read(lambda s: rounds.round_detail(s, ROUND))
    return found.row.title, found.row.format, found.agenda, found.outcome, found.row.window


def test_edit_details_refuses_a_blank_title_and_undo_restores(
        qtbot: QtBot, sample_workspace: Workspace) -> None:
    ws = sample_workspace
    before = snapshot(ws)
    dialog = show(qtbot, EditDetailsDialog(ws, ws.read(
        lambda s: rounds.round_detail(s, ROUND))))
    original = details(ws)
    title = part(dialog, "details-title")
    assert title.text() == original[0] and not dialog.ok_button.isEnabled()  # unchanged

    retype(qtbot, title, "   ")
    assert error(dialog, "details-title-error") == "A round needs a title"
    press_refused(qtbot, dialog)
    assert snapshot(ws) == before

    retype(qtbot, title, "  Abu Dhabi   round ")
    choose(dialog, "details-format", RoundFormat.TECHNICAL)
    qtbot.keyClicks(part(dialog, "details-outcome"), "Energy truce agreed")
    press_ok(qtbot, dialog)
    assert ws.undo_stack.count() == 1
    assert details(ws) == ("Abu Dhabi round", RoundFormat.TECHNICAL, original[2],
                           "Energy truce agreed", original[4])  # the schedule untouched
    ws.undo_stack.undo()
    assert details(ws) == original


def test_edit_details_escape_writes_nothing(qtbot: QtBot, sample_workspace: Workspace) -> None:
    ws = sample_workspace
    before = snapshot(ws)
    dialog = show(qtbot, EditDetailsDialog(ws, ws.read(
        lambda s: rounds.round_detail(s, ROUND))))
    retype(qtbot, part(dialog, "details-title"), "Something else")
    assert dialog.ok_button.isEnabled()
    with qtbot.waitSignal(dialog.rejected):
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert snapshot(ws) == before and ws.undo_stack.count() == 0


def test_a_postponement_is_dated_when_it_was_announced(
        qtbot: QtBot, sample_workspace: Workspace) -> None:
    """Typed today, announced on 1 February: the day is kept as a day; a date in the
    future is refused beside the field and OK waits; unreadable text says so."""
    ws = sample_workspace
    dialog = change_dialog(qtbot, ws, ChangeMode.POSTPONE)
    announced = part(dialog, "change-announced")
    assert announced.placeholderText().startswith("Empty: the source's publication day")
    qtbot.keyClicks(announced, "1st of Febuary")
    assert error(dialog, "change-announced-error").endswith("is not a date dateutil can read")
    assert not dialog.ok_button.isEnabled()
    retype(qtbot, announced, "2999-01-01")
    assert dialog.ok_button.isEnabled()
    press_refused(qtbot, dialog)
    assert "announced after it was entered" in error(dialog, "change-announced-error")
    retype(qtbot, announced, "1 Feb 2026")
    assert error(dialog, "change-announced-understood") == "→ 1 Feb 2026 (the day)"
    press_ok(qtbot, dialog)
    change = ws.read(lambda s: s.get(ScheduleChange, last_change(ws).id))
    assert change.announced == Announcement.on_day(date(2026, 2, 1))
    assert change.recorded_at.date() > date(2026, 2, 1)


def test_a_new_round_is_dated_when_it_was_announced(
        qtbot: QtBot, sample_workspace: Workspace) -> None:
    ws = sample_workspace
    dialog = show(qtbot, NewRoundDialog(ws, display_tz=DISPLAY_TZ))
    qtbot.keyClicks(part(dialog, "round-title"), "Talks in Riyadh")
    qtbot.keyClicks(part(dialog, "window-text"), "12 Feb 2026")
    qtbot.keyClicks(part(dialog, "change-announced"), "2026-01-20 09:30")
    assert error(dialog, "change-announced-understood").startswith("→ 20 Jan 2026 09:30")
    press_ok(qtbot, dialog)
    created = ws.read(lambda s: s.scalars(select(ScheduleChange).order_by(
        ScheduleChange.id.desc()).limit(1)).one())
    assert created.kind is ChangeKind.CREATED
    local = created.announced_at.astimezone(ZoneInfo(DISPLAY_TZ))
    assert (local.date(), local.hour, local.minute) == (date(2026, 1, 20), 9, 30)


def test_new_round_on_an_empty_database_asks_for_the_track_by_name(
        qtbot: QtBot, db: Database) -> None:
    """Issue 16, finding 10: no red "Create a track first" before anything is typed; the
    track's name is typed in its field and the track is made with the round."""
    ws = Workspace(db)
    try:
        dialog = new_round_dialog(qtbot, ws)
        track = part(dialog, "round-track")
        qtbot.waitUntil(lambda: dialog.focusWidget() is not None)
        assert track.isAncestorOf(dialog.focusWidget()) or dialog.focusWidget() is track
        assert error(dialog, "round-track-error") == ""
        assert "track" in track.lineEdit().placeholderText()
        qtbot.keyClicks(part(dialog, "round-title"), "First contact")
        assert error(dialog, "round-track-error") == "Name the track these talks belong to"
        assert not dialog.ok_button.isEnabled()
        qtbot.keyClicks(track.lineEdit(), "  Prisoner   exchanges ")
        assert error(dialog, "round-track-error") == ""
        qtbot.keyClicks(part(dialog, "window-text"), "the coming week")
        press_ok(qtbot, dialog)
        assert created(ws, dialog).track == "Prisoner exchanges"
        assert ws.undo_stack.count() == 1
    finally:
        ws.undo_stack.clear()
        ws.deleteLater()


def test_reschedule_is_done_from_the_keyboard_alone(
        qtbot: QtBot, sample_workspace: Workspace) -> None:
    """Issue 16, finding 2: "&Reason" and "&Reschedule" once shared Alt+R, so the dialog
    could not be committed by keyboard. Now: type the date, Alt+A to the reason, Alt+R."""
    ws = sample_workspace
    dialog = change_dialog(qtbot, ws, ChangeMode.RESCHEDULE)
    qtbot.waitUntil(lambda: dialog.focusWidget() is part(dialog, "window-text"))
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(dialog.focusWidget(), "5 Feb 2026 10:00")
    qtbot.keyClick(dialog, Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: dialog.focusWidget() is part(dialog, "change-reason"))
    qtbot.keyClicks(dialog.focusWidget(), "Iran strikes")
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(dialog, Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)
    assert ws.undo_stack.undoText() == \
        "Reschedule “Trilateral talks announced for the coming week”"
    assert last_change(ws).reason == "Iran strikes"
