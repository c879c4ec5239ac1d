"""A database holding dates outside the tracker's range (written before issue 14's rule)
opens: every tab shows, and the timeline fits what it can draw (F1-F3)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.extreme_dates import add_extreme_dates
from tests.ui.conftest import ReportedErrors
from tracker.storage.database import Database
from tracker.ui.common.settings import Settings
from tracker.ui.common.workspace import Workspace
from tracker.ui.timeline.timeline_scene import LABEL_WIDTH
from tracker.ui.window.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints",
                                       "This plugin does not support raise")


@pytest.fixture
def extreme_window(qtbot: QtBot, qapp: QApplication, sample_db: Database, settings: Settings,
                   no_modal_boxes: ReportedErrors) -> Iterator[MainWindow]:
    add_extreme_dates(sample_db)
    workspace = Workspace(sample_db)
    main = MainWindow(workspace, settings)
    qtbot.addWidget(main)
    with qtbot.waitExposed(main):
        main.show()
    yield main
    workspace.undo_stack.clear()
    workspace.deleteLater()


def test_every_tab_opens_on_dates_stored_outside_the_range(
        qtbot: QtBot, extreme_window: MainWindow, no_modal_boxes: ReportedErrors) -> None:
    main = extreme_window
    for show in (main.show_rounds, main.show_events, main.show_chronology,
                 main.show_factors, main.show_analysis, main.show_change_log,
                 main.show_timeline):
        show()
        qtbot.waitUntil(lambda: main.tabs.currentWidget().isVisible())
    canvas = main.timeline_view.canvas
    qtbot.waitUntil(lambda: canvas.viewport.width == canvas.width() - LABEL_WIDTH)
    canvas.repaint()
    # Fitted to what lies inside the range (the sample's weeks of 2026), not to the
    # centuries between the stored extremes.
    assert canvas.viewport.start.year == canvas.viewport.end.year == 2026
    assert canvas.scene.lanes.events_out_of_range == 3
    assert no_modal_boxes == []
