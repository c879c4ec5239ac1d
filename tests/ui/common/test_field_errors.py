"""Bad values typed into the real dialogs: the message shows under the field, OK stays off,
and nothing is saved."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from tests.ui.rounds.test_round_dialogs import error, new_round_dialog, part, retype, show, snapshot
from tracker.services.factors import factors
from tracker.ui.common.workspace import Workspace
from tracker.ui.factors.factor_dialogs import NewFactorDialog
from tracker.ui.rounds.venue_dialog import NewVenueDialog

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def test_a_round_title_of_spaces_and_an_impossible_date_are_refused_beside_their_fields(
        qtbot: QtBot, sample_workspace: Workspace) -> None:
    before = snapshot(sample_workspace)
    dialog = new_round_dialog(qtbot, sample_workspace)
    qtbot.keyClicks(part(dialog, "round-title"), "   ")
    assert error(dialog, "round-title-error") == "A round needs a title"
    qtbot.keyClicks(part(dialog, "window-text"), "31/02/2026")
    assert "31/02/2026" in error(dialog, "window-date-error")
    retype(qtbot, part(dialog, "window-text"), "2026-03-29 03:30")
    # Set, not typed: the zone completer's popup warns on the offscreen platform.
    part(dialog, "window-zone").setEditText("Europe/Kyiv")
    assert error(dialog, "window-date-error") == \
        "2026-03-29 03:30 does not exist in Europe/Kyiv (clocks change that night)"
    assert not dialog.ok_button.isEnabled()
    dialog.accept()  # what Enter would do: refused while OK is off
    assert dialog.command is None and snapshot(sample_workspace) == before


def test_an_end_before_the_start_and_an_unknown_zone_are_refused_beside_their_fields(
        qtbot: QtBot, sample_workspace: Workspace) -> None:
    dialog = new_round_dialog(qtbot, sample_workspace)
    qtbot.keyClicks(part(dialog, "round-title"), "Talks")
    qtbot.keyClicks(part(dialog, "window-text"), "5 Feb 2026")
    qtbot.keyClicks(part(dialog, "window-end"), "3 Feb 2026")
    assert error(dialog, "window-end-error") != ""
    assert not dialog.ok_button.isEnabled()
    retype(qtbot, part(dialog, "window-end"), "7 Feb 2026")
    assert error(dialog, "window-end-error") == "" and dialog.ok_button.isEnabled()
    part(dialog, "window-zone").setEditText("Mars/Olympus")
    assert error(dialog, "window-zone-error") == \
        "Unknown time zone: “Mars/Olympus”. Pick one from the list."
    assert not dialog.ok_button.isEnabled()


def test_venue_coordinates_out_of_range_and_an_unknown_zone_disable_ok(qtbot: QtBot) -> None:
    dialog = show(qtbot, NewVenueDialog("UTC"))
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.keyClicks(part(dialog, "venue-name"), "   ")
    assert error(dialog, "venue-name-error") == "A venue needs a name"
    retype(qtbot, part(dialog, "venue-name"), "Palace")
    qtbot.keyClicks(part(dialog, "venue-latitude"), "91")
    qtbot.keyClicks(part(dialog, "venue-longitude"), "-180.5")
    assert error(dialog, "venue-latitude-error") == "Latitude must be between -90 and 90"
    assert error(dialog, "venue-longitude-error") == "Longitude must be between -180 and 180"
    part(dialog, "venue-zone").setEditText("Europe/Atlantis")
    assert error(dialog, "venue-zone-error") == "Unknown time zone: “Europe/Atlantis”"
    assert not ok.isEnabled() and dialog.venue() is None
    retype(qtbot, part(dialog, "venue-latitude"), "41.04")
    retype(qtbot, part(dialog, "venue-longitude"), "29")
    part(dialog, "venue-zone").setEditText("Europe/Istanbul")
    assert ok.isEnabled() and error(dialog, "venue-latitude-error") == ""


def test_a_factor_name_of_spaces_says_why_ok_is_off(
        qtbot: QtBot, sample_workspace: Workspace) -> None:
    before = sample_workspace.read(factors.list_factors)
    dialog = show(qtbot, NewFactorDialog(sample_workspace))
    assert error(dialog, "factor-name-error") == ""  # nothing typed yet: no reproach
    qtbot.keyClicks(part(dialog, "factor-name"), "    ")
    assert error(dialog, "factor-name-error") == "A factor needs a name"
    assert not dialog.ok_button.isEnabled()
    dialog.accept()
    assert dialog.command is None
    assert sample_workspace.read(factors.list_factors) == before
