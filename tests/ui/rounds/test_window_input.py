"""Typing a window the way it was announced: WindowInput alone (read live, refused inline),
inside the round dialogs (OK disabled while invalid, what is stored), and the New Venue
dialog beside it. Dialog helpers come from test_round_dialogs."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from tests.ui.conftest import DISPLAY_TZ
from tests.ui.rounds.test_round_dialogs import (
    LEFT,
    ROUND,
    change_dialog,
    created,
    error,
    new_round_dialog,
    part,
    press_ok,
    press_refused,
    snapshot,
)
from tracker.domain.enums import Precision
from tracker.domain.timewindow import ScheduledWindow
from tracker.services import rounds
from tracker.services.rounds import ChangeNote
from tracker.ui.common.forms import select_data
from tracker.ui.common.workspace import Topic, Workspace
from tracker.ui.rounds.round_dialogs import ChangeMode
from tracker.ui.rounds.venue_dialog import NewVenueDialog
from tracker.ui.rounds.window_input import WindowInput

pytestmark = [pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
              pytest.mark.usefixtures("no_modal_boxes")]
# Typing in a zone combo opens its completer popup, which the offscreen plugin cannot raise.
POPUP = pytest.mark.qt_log_ignore(
    "This plugin does not support (propagateSizeHints|raise|grabbing the keyboard)")

KYIV = "Europe/Kyiv"
BERLIN = "Europe/Berlin"
THURSDAY = date(2026, 1, 29)  # "the coming week" said on this day is the week of 2 Feb 2026


def make_input(qtbot: QtBot, zone: str = KYIV, display: str = BERLIN,
               day_first: bool = False) -> WindowInput:
    widget = WindowInput(zone, display, day_first=day_first)
    widget.today = THURSDAY
    qtbot.addWidget(widget)
    with qtbot.waitExposed(widget):
        widget.show()
    return widget


def line(widget: QWidget, name: str) -> QLineEdit:
    found = widget.findChild(QLineEdit, name)
    assert found is not None, name
    return found


def label(widget: QWidget, name: str) -> QLabel:
    found = widget.findChild(QLabel, name)
    assert found is not None, name
    return found


def retype(qtbot: QtBot, edit: QLineEdit, text: str) -> None:
    """Select what is there and type over it, as a user would."""
    qtbot.keyClick(edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    qtbot.keyClicks(edit, text)


def interpretation(widget: WindowInput) -> str:
    shown = label(widget, "window-interpretation")
    return shown.text() if shown.isVisible() else ""


@pytest.mark.parametrize(("typed", "precision", "first_utc", "read_as"), [
    ("the coming week", Precision.WEEK, datetime(2026, 2, 1, 22, 0, tzinfo=UTC),
     "week of 2 Feb 2026 (to 8 Feb 2026)"),
    ("next week", Precision.WEEK, datetime(2026, 2, 1, 22, 0, tzinfo=UTC),
     "week of 2 Feb 2026 (to 8 Feb 2026)"),
    ("week of 4 Feb 2026", Precision.WEEK, datetime(2026, 2, 1, 22, 0, tzinfo=UTC),
     "week of 2 Feb 2026 (to 8 Feb 2026)"),
    ("Feb 2026", Precision.MONTH, datetime(2026, 1, 31, 22, 0, tzinfo=UTC),
     "February 2026 (month)"),
    ("5 Feb 2026", Precision.DAY, datetime(2026, 2, 4, 22, 0, tzinfo=UTC), "5 Feb 2026"),
    ("5 Feb 2026 10:00", Precision.EXACT, datetime(2026, 2, 5, 8, 0, tzinfo=UTC),
     "5 Feb 2026 10:00 EET"),
    ("unknown", Precision.UNKNOWN, None, "Date unknown (times will be in Europe/Kyiv)"),
])
def test_typed_text_keeps_its_precision_and_is_read_back_live(
        qtbot: QtBot, typed: str, precision: Precision, first_utc: datetime | None,
        read_as: str) -> None:
    widget = make_input(qtbot)
    with qtbot.waitSignal(widget.changed):
        qtbot.keyClicks(line(widget, "window-text"), typed)
    window = widget.value()
    assert window is not None and widget.is_valid()
    assert (window.precision, window.tz, window.start) == (precision, KYIV, first_utc)
    assert interpretation(widget).startswith(read_as)


def test_interpretation_shows_the_window_zone_and_the_users_zone(qtbot: QtBot) -> None:
    widget = make_input(qtbot)
    qtbot.keyClicks(line(widget, "window-text"), "5 Feb 2026 10:00")
    assert interpretation(widget) == ("5 Feb 2026 10:00 EET · Thu 5 Feb 10:00 EET\n"
                                      "your zone: Thu 5 Feb 09:00 CET")
    widget.set_display_zone(KYIV)  # the same zone is not repeated
    assert "your zone" not in interpretation(widget)
    widget.set_display_zone("Asia/Tokyo")
    assert interpretation(widget).endswith("your zone: Thu 5 Feb 17:00 JST")


def test_day_first_switch_reads_slashed_dates_as_day_month(qtbot: QtBot) -> None:
    widget = make_input(qtbot)
    qtbot.keyClicks(line(widget, "window-text"), "03/02/2026")
    assert widget.value() == ScheduledWindow.days(date(2026, 3, 2), KYIV)
    assert interpretation(widget).startswith("2 Mar 2026")

    switch = widget.findChild(QCheckBox, "window-dayfirst")
    assert switch is not None and not switch.isChecked()
    switch.setFocus()
    with qtbot.waitSignal(widget.changed):
        qtbot.keyClick(switch, Qt.Key.Key_Space)
    assert switch.isChecked()
    assert widget.value() == ScheduledWindow.days(date(2026, 2, 3), KYIV)
    assert interpretation(widget).startswith("3 Feb 2026")


def test_a_time_skipped_by_the_spring_change_is_refused_next_to_the_date(qtbot: QtBot) -> None:
    # Kyiv moves from 03:00 to 04:00 on 29 Mar 2026 (Berlin from 02:00 to 03:00).
    widget = make_input(qtbot)
    qtbot.keyClicks(line(widget, "window-text"), "29 Mar 2026 03:30")
    error = label(widget, "window-date-error")
    assert error.isVisible()
    assert error.text() == ("2026-03-29 03:30 does not exist in Europe/Kyiv "
                            "(clocks change that night)")
    assert widget.value() is None and not widget.is_valid()
    assert interpretation(widget) == ""

    retype(qtbot, line(widget, "window-text"), "29 Mar 2026 04:30")
    assert not error.isVisible()
    assert widget.value() == ScheduledWindow.exact(datetime(2026, 3, 29, 4, 30), None, KYIV)


def test_a_time_that_happens_twice_is_labelled(qtbot: QtBot) -> None:
    widget = make_input(qtbot)
    qtbot.keyClicks(line(widget, "window-text"), "25 Oct 2026 03:30")
    window = widget.value()
    assert window is not None
    assert window.start == datetime(2026, 10, 25, 0, 30, tzinfo=UTC)  # the first 03:30
    assert "this time happens twice that night; the first is meant" in interpretation(widget)

    retype(qtbot, line(widget, "window-text"), "25 Oct 2026 05:30")
    assert "twice" not in interpretation(widget)


def test_end_before_start_is_refused_next_to_the_end(qtbot: QtBot) -> None:
    widget = make_input(qtbot)
    qtbot.keyClicks(line(widget, "window-text"), "5 Feb 2026 10:00")
    end = line(widget, "window-end")
    qtbot.keyClicks(end, "09:00")
    error = label(widget, "window-end-error")
    assert error.isVisible() and error.text() == "The end must be after the start"
    assert not label(widget, "window-date-error").isVisible()
    assert widget.value() is None

    retype(qtbot, end, "18:00")  # a bare time ends on the day it starts
    assert not error.isVisible()
    assert widget.value() == ScheduledWindow.exact(
        datetime(2026, 2, 5, 10, 0), datetime(2026, 2, 5, 18, 0), KYIV)


def test_days_with_a_last_day_and_a_last_day_before_the_first(qtbot: QtBot) -> None:
    widget = make_input(qtbot)
    qtbot.keyClicks(line(widget, "window-text"), "5 Feb 2026")
    qtbot.keyClicks(line(widget, "window-end"), "7 Feb 2026")
    assert widget.value() == ScheduledWindow.days(date(2026, 2, 5), KYIV, date(2026, 2, 7))
    retype(qtbot, line(widget, "window-end"), "4 Feb 2026")
    assert label(widget, "window-end-error").text() == "The end must be after the start"
    assert widget.value() is None


@POPUP
def test_unknown_time_zone_is_refused_next_to_the_zone(qtbot: QtBot) -> None:
    widget = make_input(qtbot)
    qtbot.keyClicks(line(widget, "window-text"), "5 Feb 2026 10:00")
    zone = widget.findChild(QComboBox, "window-zone")
    assert zone is not None and zone.isEditable()
    retype(qtbot, zone.lineEdit(), "Europe/Atlantis")
    error = label(widget, "window-zone-error")
    assert error.isVisible()
    assert error.text() == "Unknown time zone: “Europe/Atlantis”. Pick one from the list."
    assert widget.value() is None and interpretation(widget) == ""

    retype(qtbot, zone.lineEdit(), "Asia/Dubai")
    assert not error.isVisible()
    window = widget.value()
    assert window is not None and window.tz == "Asia/Dubai"
    assert window.start == datetime(2026, 2, 5, 6, 0, tzinfo=UTC)


@pytest.mark.parametrize(("typed", "message"), [
    ("sometime soon", "'sometime soon' is not a date dateutil can read"),
    ("5 Feb", "'5 Feb' has no year"),
])
def test_unreadable_text_is_refused_next_to_the_date(
        qtbot: QtBot, typed: str, message: str) -> None:
    widget = make_input(qtbot)
    qtbot.keyClicks(line(widget, "window-text"), typed)
    error = label(widget, "window-date-error")
    assert error.isVisible() and error.text() == message
    assert widget.value() is None


def test_precision_combo_widens_a_typed_day_and_refuses_to_narrow(qtbot: QtBot) -> None:
    widget = make_input(qtbot)
    qtbot.keyClicks(line(widget, "window-text"), "Wed 4 Feb 2026")
    combo = widget.findChild(QComboBox, "window-precision")
    assert combo is not None

    assert select_data(combo, Precision.WEEK)
    assert widget.value() == ScheduledWindow.week_of(date(2026, 2, 2), KYIV)
    assert not line(widget, "window-end").isEnabled()  # a week has no separate end
    assert select_data(combo, Precision.MONTH)
    assert widget.value() == ScheduledWindow.month_of(date(2026, 2, 1), KYIV)

    assert select_data(combo, Precision.EXACT)
    assert label(widget, "window-date-error").text() == \
        "An exact window needs a time, e.g. 5 Feb 2026 10:00"
    assert widget.value() is None

    assert select_data(combo, Precision.UNKNOWN)
    assert not line(widget, "window-text").isEnabled()
    assert widget.value() == ScheduledWindow.unknown(KYIV)

    assert select_data(combo, Precision.DAY)
    retype(qtbot, line(widget, "window-text"), "   ")
    assert label(widget, "window-date-error").text() == "Type a date, or choose Unknown"
    assert widget.value() is None


@pytest.mark.parametrize("window", [
    ScheduledWindow.week_of(date(2026, 2, 9), KYIV),
    ScheduledWindow.month_of(date(2026, 2, 1), KYIV),
    ScheduledWindow.days(date(2026, 2, 5), KYIV, date(2026, 2, 7)),
    ScheduledWindow.exact(datetime(2026, 2, 5, 10, 0), datetime(2026, 2, 5, 18, 0), KYIV),
    ScheduledWindow.unknown(KYIV),
])
@pytest.mark.parametrize("day_first", [False, True])
def test_an_existing_window_reads_back_unchanged(
        qtbot: QtBot, window: ScheduledWindow, day_first: bool) -> None:
    widget = make_input(qtbot, zone="UTC", day_first=day_first)
    widget.set_window(window)
    assert widget.zone_name() == KYIV
    assert widget.value() == window


@POPUP
def test_new_venue_dialog_says_what_is_wrong_beside_each_field(qtbot: QtBot) -> None:
    dialog = NewVenueDialog(KYIV)
    qtbot.addWidget(dialog)
    with qtbot.waitExposed(dialog):
        dialog.show()
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    zone = dialog.findChild(QComboBox, "venue-zone")
    assert zone is not None and zone.currentText() == KYIV  # the zone it was opened with
    assert not ok.isEnabled() and not label(dialog, "venue-name-error").isVisible()
    qtbot.keyClicks(line(dialog, "venue-name"), "  ")
    assert label(dialog, "venue-name-error").text() == "A venue needs a name"
    qtbot.keyClicks(line(dialog, "venue-name"), "Ankara")
    assert ok.isEnabled() and not label(dialog, "venue-name-error").isVisible()
    qtbot.keyClicks(line(dialog, "venue-latitude"), "91")
    assert label(dialog, "venue-latitude-error").text() == "Latitude must be between -90 and 90"
    assert not ok.isEnabled() and dialog.venue() is None
    retype(qtbot, line(dialog, "venue-latitude"), "39,93")  # a decimal comma is fine
    retype(qtbot, zone.lineEdit(), "Asia/Ankara")
    assert label(dialog, "venue-zone-error").text() == "Unknown time zone: “Asia/Ankara”"
    assert not ok.isEnabled()
    retype(qtbot, zone.lineEdit(), "Europe/Istanbul")
    venue = dialog.venue()
    assert ok.isEnabled() and venue is not None
    assert (venue.name, venue.time_zone, venue.latitude) == ("Ankara", "Europe/Istanbul", 39.93)


# -- inside the round dialogs ---------------------------------------------------------------


@pytest.mark.parametrize(("typed", "expected"), [
    ("the coming week", ScheduledWindow.week_of(date(2026, 2, 2), DISPLAY_TZ)),
    ("week of 2 Feb 2026", ScheduledWindow.week_of(date(2026, 2, 2), DISPLAY_TZ)),
    ("Feb 2026", ScheduledWindow.month_of(date(2026, 2, 1), DISPLAY_TZ)),
    ("", ScheduledWindow.unknown(DISPLAY_TZ)),
])
def test_new_round_keeps_the_precision_it_was_announced_with(
        qtbot: QtBot, sample_workspace: Workspace, typed: str,
        expected: ScheduledWindow) -> None:
    dialog = new_round_dialog(qtbot, sample_workspace)
    qtbot.keyClicks(part(dialog, "round-title"), "Announced talks")
    qtbot.keyClicks(part(dialog, "window-text"), typed)
    press_ok(qtbot, dialog)
    assert created(sample_workspace, dialog).window == expected


@POPUP
def test_new_round_refuses_inline_keeps_ok_disabled_and_cancel_writes_nothing(
        qtbot: QtBot, sample_workspace: Workspace) -> None:
    before = snapshot(sample_workspace)
    dialog = new_round_dialog(qtbot, sample_workspace)
    ok, title = dialog.ok_button, part(dialog, "round-title")
    assert not ok.isEnabled() and error(dialog, "round-title-error") == ""  # no nagging yet
    qtbot.keyClicks(title, "   ")
    assert error(dialog, "round-title-error") == "A round needs a title"
    assert not ok.isEnabled()
    press_refused(qtbot, dialog)

    qtbot.keyClicks(title, "Talks in Berlin")
    assert error(dialog, "round-title-error") == "" and ok.isEnabled()
    when, end = part(dialog, "window-text"), part(dialog, "window-end")
    for start_text, end_text, label, message in [
        ("29 Mar 2026 02:30", "", "window-date-error",  # Berlin skips 02:00-03:00
         "2026-03-29 02:30 does not exist in Europe/Berlin (clocks change that night)"),
        ("5 Feb 2026 10:00", "09:30", "window-end-error", "The end must be after the start"),
    ]:
        retype(qtbot, when, start_text)
        retype(qtbot, end, end_text)
        assert error(dialog, label) == message and not ok.isEnabled()
        press_refused(qtbot, dialog)
    assert (when.text(), end.text()) == ("5 Feb 2026 10:00", "09:30")  # still as typed

    retype(qtbot, end, "")
    zone = part(dialog, "window-zone").lineEdit()
    retype(qtbot, zone, "Europe/Nowhere")
    assert error(dialog, "window-zone-error") == \
        "Unknown time zone: “Europe/Nowhere”. Pick one from the list."
    assert not ok.isEnabled()
    retype(qtbot, zone, KYIV)
    assert ok.isEnabled() and error(dialog, "window-zone-error") == ""

    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel), LEFT)
    assert dialog.result() == QDialog.DialogCode.Rejected and not dialog.isVisible()
    assert snapshot(sample_workspace) == before
    assert sample_workspace.undo_stack.count() == 0


def test_reschedule_with_day_first_reads_the_current_window_back_unchanged(
        qtbot: QtBot, sample_workspace: Workspace) -> None:
    ws = sample_workspace
    exact = ScheduledWindow.exact(datetime(2026, 2, 5, 10, 0), None, KYIV)
    ws.write(lambda s: rounds.reschedule(s, ROUND, exact, ChangeNote()), Topic.ROUNDS)
    dialog = change_dialog(qtbot, ws, ChangeMode.RESCHEDULE, day_first=True)
    assert dialog.window_input is not None and dialog.window_input.value() == exact
    assert not dialog.ok_button.isEnabled()  # not misread as 2 May, so nothing changed
    retype(qtbot, part(dialog, "window-text"), "06/02/2026 10:00")
    assert dialog.window_input.value() == ScheduledWindow.exact(
        datetime(2026, 2, 6, 10, 0), None, KYIV)
    assert dialog.ok_button.isEnabled()
