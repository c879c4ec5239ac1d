"""View › As of Date…: the window shows the schedule as known on a past day, with edits off.

On the sample scenario the trilateral round was announced on 31 Jan 2026 for "the week of
2 Feb"; these tests move it to 4-5 Feb in an announcement of 3 Feb, then look at the
window as of 1 Feb (the old window) and as of 3 Feb (the new one).
"""

from __future__ import annotations

from datetime import date, datetime

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QTextBrowser
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from tests.ui.conftest import ReportedErrors
from tests.ui.window.test_main_window import (
    action,
    child,
    click_ok,
    ok_button,
    open_dialog,
    press,
    table_row_of,
)
from tracker.domain.announcement import Announcement
from tracker.domain.enums import RoundStatus
from tracker.domain.timewindow import ScheduledWindow
from tracker.services import rounds
from tracker.ui.common.edit_dialog import marked_writing
from tracker.ui.common.workspace import EditsPausedError, Topic
from tracker.ui.factors.factor_dialogs import NewFactorDialog
from tracker.ui.rounds.rounds_model import WHEN_VENUE
from tracker.ui.window.actions import editing_action_ids
from tracker.ui.window.as_of_mode import AsOfDialog
from tracker.ui.window.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

ROUND = 2  # "Trilateral talks announced for the coming week", announced 31 Jan 2026
KYIV = "Europe/Kyiv"
WEEK = ScheduledWindow.week_of(date(2026, 2, 2), KYIV)
FOURTH = ScheduledWindow.exact(datetime(2026, 2, 4, 10), datetime(2026, 2, 5, 18), KYIV)


@pytest.fixture
def moved(window: MainWindow) -> MainWindow:
    """The sample window after the round was moved to 4-5 Feb, announced on 3 Feb."""
    window.workspace.write(lambda session: rounds.reschedule(
        session, ROUND, FOURTH, rounds.ChangeNote(
            "dates set", announced=Announcement.on_day(date(2026, 2, 3)))),
        Topic.ROUNDS)
    assert _shown_window(window) == FOURTH
    return window


def _shown_window(window: MainWindow) -> ScheduledWindow:
    model = window.rounds_view.model
    row = model.row_of(ROUND)
    assert row is not None
    shown = model.row_at(row)
    assert shown is not None
    return shown.window


def _turn_on(qtbot: QtBot, window: MainWindow, day: date) -> None:
    """View › As of Date…, type the day, Show."""
    action(window, "as-of-action").trigger()
    dialog = open_dialog(qtbot, window, AsOfDialog)
    assert dialog.date_edit.displayFormat() == "yyyy-MM-dd"
    assert dialog.date_edit.calendarPopup()
    dialog.date_edit.setDate(QDate(day.year, day.month, day.day))
    with qtbot.waitSignal(window.as_of_mode.changed):
        click_ok(qtbot, window, dialog)


def _edit_actions(window: MainWindow) -> list[QAction]:
    return [action(window, name) for name in editing_action_ids()]


def test_the_dialog_asks_for_a_day_in_iso_defaulting_to_today_and_cancel_changes_nothing(
        qtbot: QtBot, moved: MainWindow) -> None:
    as_of = action(moved, "as-of-action")
    as_of.trigger()
    dialog = open_dialog(qtbot, moved, AsOfDialog)
    today = datetime.now().astimezone().date()
    shown = dialog.date_edit.date()
    # Today in the user's zone (Berlin in these tests), within a day of this computer's.
    assert abs((date(shown.year(), shown.month(), shown.day()) - today).days) <= 1
    assert dialog.date_edit.text() == shown.toString("yyyy-MM-dd")
    with qtbot.waitSignal(dialog.rejected):
        dialog.reject()
    assert moved.as_of_mode.as_of is None
    assert not as_of.isChecked()
    assert child(moved, QFrame, "as-of-banner").isHidden()
    assert action(moved, "new-round-action").isEnabled()


def test_a_day_before_the_reschedule_shows_the_old_window_with_every_edit_off_until_back(
        qtbot: QtBot, moved: MainWindow, qtmodeltester: ModelTester) -> None:
    view = moved.rounds_view
    view.select_round(ROUND)
    enabled_before = {a.objectName(): a.isEnabled() for a in _edit_actions(moved)}
    assert enabled_before["reschedule-round-action"]

    _turn_on(qtbot, moved, date(2026, 2, 1))

    # The banner, across the top of the window, says what is shown.
    banner = child(moved, QFrame, "as-of-banner")
    assert banner.isVisible()
    assert child(banner, QLabel, "as-of-banner-text").text() == (
        "Showing the schedule as known on 1 Feb 2026 (Europe/Berlin) — editing is off.")
    assert banner.geometry().top() <= moved.tabs.geometry().top()
    assert action(moved, "as-of-action").isChecked()

    # The table and the detail pane show the round as it was known then.
    qtbot.waitUntil(lambda: _shown_window(moved) == WEEK)
    proxy = view.proxy
    cell = proxy.index(table_row_of(moved, ROUND), WHEN_VENUE)
    assert cell.data() == WEEK.describe()
    qtmodeltester.check(view.model, force_py=True)
    assert view.selected_round_id() == ROUND  # the selection survived the switch
    summary = child(view.detail, QTextBrowser, "round-summary").toPlainText()
    assert "as known on 1 Feb 2026" in summary and WEEK.describe() in summary

    # Every edit is off: the window's actions, the panes' own buttons, the workspace.
    for edit in _edit_actions(moved):
        assert not edit.isEnabled(), edit.objectName()
        assert "as known on 1 Feb 2026" in edit.toolTip()
    assert not action(moved, "import-events-action").isEnabled()
    assert action(moved, "export-chronology-action").isEnabled()  # reading goes on
    add_participant = child(view.detail, QPushButton, "round-add-participant-button")
    assert not add_participant.isEnabled()
    pane_writers = [button for button in moved.findChildren(QPushButton)
                    if marked_writing(button)]
    assert pane_writers and not any(button.isEnabled() for button in pane_writers)
    menu_writers = [entry for entry in moved.findChildren(QAction) if marked_writing(entry)]
    assert menu_writers and not any(entry.isEnabled() for entry in menu_writers)
    assert child(moved, QLabel, "status-edits-paused").isVisible()
    with pytest.raises(EditsPausedError, match="as known on 1 Feb 2026"):
        moved.workspace.write(lambda _session: None, Topic.ROUNDS)
    # Selecting another round does not turn a round action back on.
    view.table.selectRow(0)
    view.select_round(ROUND)
    assert not action(moved, "reschedule-round-action").isEnabled()

    # The banner's button goes back to today, and edits come back as they were.
    with qtbot.waitSignal(moved.as_of_mode.changed):
        qtbot.mouseClick(child(banner, QPushButton, "as-of-back-button"),
                         Qt.MouseButton.LeftButton)
    assert banner.isHidden()
    assert not action(moved, "as-of-action").isChecked()
    assert _shown_window(moved) == FOURTH
    assert {a.objectName(): a.isEnabled() for a in _edit_actions(moved)} == enabled_before
    assert add_participant.isEnabled()
    assert action(moved, "import-events-action").isEnabled()
    assert child(moved, QLabel, "status-edits-paused").isHidden()
    moved.workspace.write(lambda _session: None, Topic.ROUNDS)  # no longer refused
    qtmodeltester.check(view.model, force_py=True)


def test_a_day_after_the_announcement_shows_the_new_window_and_esc_or_the_menu_go_back(
        qtbot: QtBot, moved: MainWindow) -> None:
    _turn_on(qtbot, moved, date(2026, 2, 1))
    assert _shown_window(moved) == WEEK
    # Other Day… asks again, from the day shown, and stays in the past.
    qtbot.mouseClick(child(moved, QPushButton, "as-of-other-day-button"),
                     Qt.MouseButton.LeftButton)
    dialog = open_dialog(qtbot, moved, AsOfDialog)
    assert dialog.chosen() == date(2026, 2, 1)
    dialog.date_edit.setDate(QDate(2026, 2, 3))
    with qtbot.waitSignal(moved.as_of_mode.changed):
        click_ok(qtbot, moved, dialog)
    assert _shown_window(moved) == FOURTH
    assert action(moved, "as-of-action").isChecked()
    assert not action(moved, "new-round-action").isEnabled()
    with qtbot.waitSignal(moved.as_of_mode.changed):
        press(qtbot, moved, "Esc")
    assert moved.as_of_mode.as_of is None
    assert action(moved, "new-round-action").isEnabled()

    _turn_on(qtbot, moved, date(2026, 1, 30))  # before the round was announced at all
    assert moved.rounds_view.model.row_of(ROUND) is None
    with qtbot.waitSignal(moved.as_of_mode.changed):
        action(moved, "as-of-action").trigger()  # unchecks: back to today
    assert moved.rounds_view.model.row_of(ROUND) is not None
    assert action(moved, "new-round-action").isEnabled()


def test_an_edit_dialog_open_when_the_past_is_shown_keeps_its_input_but_cannot_save(
        qtbot: QtBot, moved: MainWindow) -> None:
    action(moved, "new-factor-action").trigger()
    dialog = open_dialog(qtbot, moved, NewFactorDialog)
    dialog.name_edit.insert("Black Sea grain corridor")
    save = ok_button(dialog)
    assert save.isEnabled()
    with qtbot.waitSignal(moved.as_of_mode.changed):
        moved.as_of_mode.turn_on(date(2026, 2, 1))
    assert not save.isEnabled() and "as known on 1 Feb 2026" in save.toolTip()
    with qtbot.waitSignal(moved.as_of_mode.changed):
        moved.as_of_mode.turn_off()
    assert save.isEnabled()
    assert dialog.name_edit.text() == "Black Sea grain corridor"
    dialog.reject()


def test_the_timeline_draws_the_rounds_as_known_then_as_ghosts_only_while_on(
        qtbot: QtBot, moved: MainWindow, no_modal_boxes: ReportedErrors) -> None:
    moved.show_timeline()
    canvas = moved.timeline_view.canvas

    def known_hits() -> list[object]:
        canvas.repaint()  # hit areas are recorded by the paint
        return [hit.key for hit in canvas.hits() if hit.kind == "known"]

    assert known_hits() == []
    height = canvas.minimumHeight()

    _turn_on(qtbot, moved, date(2026, 2, 1))
    assert canvas.scene.known is not None
    assert canvas.scene.known.label == "As known on 1 Feb"
    assert ROUND in known_hits()
    assert canvas.minimumHeight() > height  # a row of its own under each track
    ghost = next(hit for hit in canvas.hits() if hit.kind == "known" and hit.key == ROUND)
    now = next(hit for hit in canvas.hits() if hit.kind == "round" and hit.key == ROUND)
    assert ghost.rect.top() > now.rect.bottom()  # under the round as it is now
    assert ghost.rect.width() > now.rect.width()  # the week of 2 Feb, wider than 4-5 Feb
    tip = canvas.describe(ghost)
    assert "as known on 1 Feb 2026" in tip and "Now:" in tip
    assert RoundStatus.SCHEDULED.value.capitalize() in tip

    with qtbot.waitSignal(moved.as_of_mode.changed):
        moved.as_of_mode.turn_off()
    assert known_hits() == []
    assert canvas.minimumHeight() == height
