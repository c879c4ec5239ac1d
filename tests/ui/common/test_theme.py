"""View › Appearance: the choice is stored, applied at once, and everything painted follows;
exported pictures stay light."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtGui import QAction, QImage, QPalette
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from tracker.storage.database import Database
from tracker.ui.common import settings as options
from tracker.ui.common.chart_style import DARK, LIGHT
from tracker.ui.common.icons import LineIconStyle
from tracker.ui.common.settings import Settings
from tracker.ui.common.theme import (
    Appearance,
    apply_appearance,
    current_appearance,
    dark_palette,
    is_dark,
)
from tracker.ui.common.workspace import Workspace
from tracker.ui.exports.report_pdf import report_scene
from tracker.ui.timeline.timeline_export import image_bytes
from tracker.ui.window.help_guide import show_guide
from tracker.ui.window.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture(autouse=True)
def back_to_system(qapp: QApplication) -> Iterator[None]:
    """Each test leaves the application as the platform draws it."""
    yield
    apply_appearance(Appearance.SYSTEM)
    assert not is_dark()


def test_dark_and_light_are_applied_at_once_and_system_goes_back(qapp: QApplication) -> None:
    apply_appearance(Appearance.DARK)
    assert is_dark(qapp.palette())
    assert current_appearance() is Appearance.DARK
    # The offscreen platform has no dark palette of its own: Fusion draws ours.
    style = qapp.style()
    assert isinstance(style, LineIconStyle)
    assert style.baseStyle().name().casefold() == "fusion"
    apply_appearance(Appearance.LIGHT)
    assert not is_dark(qapp.palette())
    apply_appearance(Appearance.SYSTEM)
    assert not is_dark(qapp.palette())  # offscreen reports no dark scheme


def _view_menu_action(window: MainWindow, name: str) -> QAction:
    action = window.findChild(QAction, name)
    assert isinstance(action, QAction)
    return action


def test_view_appearance_stores_the_choice_and_applies_it_at_once(
        qtbot: QtBot, window: MainWindow, settings: Settings) -> None:
    menu = window.findChild(QMenu, "appearance-menu")
    assert isinstance(menu, QMenu)
    assert [action.isChecked() for action in menu.actions()] == [True, False, False]
    _view_menu_action(window, "appearance-dark-action").trigger()
    assert settings.get(options.APPEARANCE) == "dark"
    # Widgets take the application's new palette as its change event reaches them.
    qtbot.waitUntil(lambda: is_dark(window.palette()))
    canvas = window.timeline_view.canvas
    window.show_timeline()
    qtbot.waitUntil(lambda: canvas.width() > 300)
    assert canvas.colours().chart == DARK
    picture = canvas.grab().toImage()
    assert picture.pixelColor(canvas.width() - 5, canvas.height() - 5) == DARK.background
    _view_menu_action(window, "appearance-light-action").trigger()
    assert settings.get(options.APPEARANCE) == "light"
    qtbot.waitUntil(lambda: canvas.colours().chart == LIGHT)


def test_the_report_chart_stays_light_in_a_dark_window(sample_db: Database) -> None:
    apply_appearance(Appearance.DARK)
    with sample_db.reading() as session:
        scene = report_scene(session, date(2026, 1, 20), date(2026, 2, 15), "UTC")
    assert scene is not None
    image = QImage.fromData(image_bytes(scene, 900, ".png"))
    assert image.pixelColor(image.width() - 4, image.height() - 4) == LIGHT.background


def test_the_analysis_chart_exports_in_light_colours(qtbot: QtBot, window: MainWindow,
                                                     tmp_path: Path) -> None:
    with qtbot.waitSignal(window.analysis_view.analysis_updated, timeout=10_000):
        window.show_analysis()
    apply_appearance(Appearance.DARK)
    chart = window.analysis_view.chart
    qtbot.waitUntil(lambda: chart.colours() == DARK)
    # The palette's change redrew the charts in it.
    assert chart.windows_chart.backgroundBrush().color() == DARK.background
    with chart.printing():
        assert chart.colours() == LIGHT
        assert chart.windows_chart.backgroundBrush().color() == LIGHT.background
    assert chart.colours() == DARK
    assert chart.windows_chart.backgroundBrush().color() == DARK.background
    chart.save_png(tmp_path / "chart.png")
    picture = QImage(str(tmp_path / "chart.png"))
    scale = picture.devicePixelRatio() or 1
    between = chart.windows_view.geometry().right() + 2  # the gap between the two charts
    for x, y in ((between, chart.height() // 2), (5, 5), (chart.width() - 5, 5)):
        assert picture.pixelColor(int(x * scale), int(y * scale)) == LIGHT.background


def test_the_window_opens_in_the_stored_appearance(
        qtbot: QtBot, sample_workspace: Workspace, settings: Settings,
        no_modal_boxes: object) -> None:
    settings.set(options.APPEARANCE, "dark")
    main = MainWindow(sample_workspace, settings)
    qtbot.addWidget(main)
    assert is_dark()
    assert _view_menu_action(main, "appearance-dark-action").isChecked()


@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints",
                           "This plugin does not support raise")
def test_the_guide_recolours_its_links_for_the_new_scheme(
        qtbot: QtBot, window: MainWindow) -> None:
    guide = show_guide(window)
    qtbot.addWidget(guide)
    light_link = guide.browser.palette().link().color().name()
    assert light_link in guide.browser.toHtml()
    apply_appearance(Appearance.DARK)
    dark_link = dark_palette().color(QPalette.ColorRole.Link).name()
    qtbot.waitUntil(lambda: dark_link in guide.browser.toHtml())
    assert light_link not in guide.browser.toHtml()
