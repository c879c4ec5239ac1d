"""Relocating across zones in the dialog: both choices previewed, the one taken stored;
and the Reschedule dialog reads a typed time in the venue's zone."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session

from tests.ui.rounds import test_round_dialogs as dialogs
from tracker.domain.enums import ChangeKind
from tracker.domain.timewindow import ScheduledWindow
from tracker.services import rounds
from tracker.services.records import reference
from tracker.services.rounds import ChangeNote
from tracker.ui.common.workspace import Topic, Workspace
from tracker.ui.rounds.round_dialogs import ChangeMode

pytestmark = dialogs.pytestmark  # the same Qt messages allowed, no modal boxes

KYIV, DUBAI = "Europe/Kyiv", "Asia/Dubai"
TEN_IN_KYIV = ScheduledWindow.exact(datetime(2026, 2, 5, 10), datetime(2026, 2, 5, 18), KYIV)


def _venue(ws: Workspace, name: str, tz: str) -> int:
    def create(session: Session) -> int:
        return reference.create_venue(session, name=name, city="Abu Dhabi", time_zone=tz)
    return ws.write(create, Topic.ROUNDS)


def _at_ten_in_kyiv(ws: Workspace) -> None:
    ws.write(lambda s: rounds.reschedule(s, dialogs.ROUND, TEN_IN_KYIV, ChangeNote("Time set")),
             Topic.ROUNDS)


@pytest.mark.parametrize(("button", "start"), [
    ("keep-wall-clock", datetime(2026, 2, 5, 6, tzinfo=UTC)),  # 10:00 in Dubai
    ("keep-instant", datetime(2026, 2, 5, 8, tzinfo=UTC)),  # 12:00 in Dubai
])
def test_relocating_across_zones_keeps_what_is_chosen(
        qtbot: QtBot, sample_workspace: Workspace, button: str, start: datetime) -> None:
    ws = sample_workspace
    _at_ten_in_kyiv(ws)
    palace = _venue(ws, "Emirates Palace", DUBAI)
    dialog = dialogs.change_dialog(qtbot, ws, ChangeMode.RELOCATE)
    wall, instant = dialogs.part(dialog, "keep-wall-clock"), dialogs.part(dialog, "keep-instant")
    assert not wall.isVisible() and not instant.isVisible()  # no venue chosen yet

    dialogs.choose(dialog, "round-venue", palace)
    qtbot.waitUntil(lambda: wall.isVisible() and instant.isVisible())
    assert wall.text() == ("Keep the &wall-clock time: still 10:00, now Dubai time: "
                           "5 Feb 2026 10:00–18:00 +04")
    assert instant.text() == "Keep the &instant: now 12:00 in Dubai: 5 Feb 2026 12:00–20:00 +04"
    assert wall.isChecked() and not instant.isChecked()  # the wall-clock time by default
    qtbot.mouseClick(dialogs.part(dialog, button), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialogs.part(dialog, button).isChecked())
    dialogs.press_ok(qtbot, dialog)

    moved = dialogs.state(ws)
    assert (moved.venue_id, moved.window.tz, moved.window.start) == (palace, DUBAI, start)
    assert ws.read(lambda s: rounds.history(s, dialogs.ROUND))[-1].kind is ChangeKind.RELOCATED
    ws.undo_stack.undo()
    assert dialogs.state(ws).window == TEN_IN_KYIV


def test_a_week_shows_its_days_kept_and_offers_no_choice(
        qtbot: QtBot, sample_workspace: Workspace) -> None:
    ws = sample_workspace
    palace = _venue(ws, "Emirates Palace", DUBAI)
    dialog = dialogs.change_dialog(qtbot, ws, ChangeMode.RELOCATE)
    dialogs.choose(dialog, "round-venue", palace)
    outcome = dialogs.part(dialog, "relocation-outcome")
    qtbot.waitUntil(outcome.isVisible)
    assert outcome.text() == "week of 2 Feb 2026 (to 8 Feb 2026): the same days, now Dubai time"
    assert not dialogs.part(dialog, "keep-wall-clock").isVisible()
    dialogs.press_ok(qtbot, dialog)
    assert dialogs.state(ws).window.tz == DUBAI


def test_a_venue_whose_zone_is_not_known_is_said_so(
        qtbot: QtBot, sample_workspace: Workspace) -> None:
    ws = sample_workspace
    _at_ten_in_kyiv(ws)
    nowhere = _venue(ws, "Somewhere", "UTC")  # as calendar import leaves a venue
    dialog = dialogs.change_dialog(qtbot, ws, ChangeMode.RELOCATE)
    dialogs.choose(dialog, "round-venue", nowhere)
    assert dialogs.part(dialog, "round-venue").currentText() == \
        "Somewhere (Abu Dhabi) — time zone not known"  # never "UTC", as if it were known
    qtbot.waitUntil(lambda: dialogs.error(dialog, "change-venue-error") != "")
    assert dialogs.error(dialog, "change-venue-error").startswith(
        "The time zone of Somewhere is not known")
    assert not dialog.ok_button.isEnabled()
    assert not dialogs.part(dialog, "keep-wall-clock").isVisible()


def test_reschedule_types_in_the_venues_zone(
        qtbot: QtBot, sample_workspace: Workspace) -> None:
    ws = sample_workspace
    palace = _venue(ws, "Emirates Palace", DUBAI)
    # A round placed at the venue before relocation moved zones: its window is still Kyiv's.
    ws.write(lambda s: rounds.change_round(s, dialogs.ROUND, rounds.RoundState(
        TEN_IN_KYIV, palace, dialogs.state(ws).status), ChangeNote("legacy")), Topic.ROUNDS)
    dialog = dialogs.change_dialog(qtbot, ws, ChangeMode.RESCHEDULE)
    assert dialogs.part(dialog, "window-zone").currentText() == DUBAI
    assert dialogs.part(dialog, "window-text").text() == "2026-02-05 12:00"  # the same instant
    assert not dialog.ok_button.isEnabled()  # nothing typed yet
    dialogs.retype(qtbot, dialogs.part(dialog, "window-text"), "2026-02-05 10:00")
    dialogs.retype(qtbot, dialogs.part(dialog, "window-end"), "18:00")
    qtbot.waitUntil(dialog.ok_button.isEnabled)
    dialogs.press_ok(qtbot, dialog)
    assert dialogs.state(ws).window == ScheduledWindow.exact(
        datetime(2026, 2, 5, 10), datetime(2026, 2, 5, 18), DUBAI)


def test_a_new_round_at_a_venue_of_unknown_zone_keeps_the_zone_typed_in(
        qtbot: QtBot, sample_workspace: Workspace) -> None:
    ws = sample_workspace
    nowhere = _venue(ws, "Somewhere", "UTC")
    palace = _venue(ws, "Emirates Palace", DUBAI)
    dialog = dialogs.new_round_dialog(qtbot, ws)
    zone = dialogs.part(dialog, "window-zone")
    dialogs.choose(dialog, "round-venue", palace)
    qtbot.waitUntil(lambda: zone.currentText() == DUBAI)
    dialogs.choose(dialog, "round-venue", nowhere)
    assert zone.currentText() == DUBAI  # not "UTC", which would only say nobody gave one
