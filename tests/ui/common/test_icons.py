"""Every toolbar and menu icon comes from the one bundled set, drawn in the palette's colours."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPalette
from PySide6.QtWidgets import QApplication, QToolBar

from tracker import resources
from tracker.ui.common.icons import ICON_FOLDER, icon, icon_names
from tracker.ui.window.actions import ACTIONS
from tracker.ui.window.main_window import MainWindow

SIZE = QSize(24, 24)

# The offscreen platform warns when a top-level window is shown; harmless here.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def ink(qicon: QIcon, mode: QIcon.Mode = QIcon.Mode.Normal) -> set[str]:
    """The colours of the icon's drawn (opaque) pixels."""
    image = qicon.pixmap(SIZE, 1.0, mode).toImage()
    colours = set()
    for y in range(image.height()):
        for x in range(image.width()):
            pixel = image.pixelColor(x, y)
            if pixel.alpha() == 255:
                colours.add(pixel.name())
    return colours


def toolbars(window: MainWindow) -> list[QToolBar]:
    found = [window.findChild(QToolBar, name) for name in ("main-toolbar", "round-actions")]
    assert all(found)
    return [bar for bar in found if bar is not None]


def test_every_toolbar_action_has_a_drawn_icon_from_the_set(window: MainWindow) -> None:
    seen = 0
    for toolbar in toolbars(window):
        for action in toolbar.actions():
            if action.isSeparator():
                continue
            seen += 1
            name = action.objectName()
            assert not action.icon().isNull(), name
            assert action.icon().name() in icon_names(), name
            assert ink(action.icon()), f"{name}'s icon draws nothing"
    assert seen >= 10


def test_every_menu_icon_comes_from_the_set(window: MainWindow) -> None:
    for item in ACTIONS:
        if item.icon:
            assert item.icon in icon_names(), item.id
            assert window.action_map[item.id].icon().name() == item.icon


def test_the_set_keeps_its_licence_and_only_the_icons_in_use() -> None:
    licence = resources.read_text(f"{ICON_FOLDER}/LICENSE")
    assert "ISC License" in licence and "Lucide" in licence
    used = {item.icon for item in ACTIONS if item.icon}
    assert icon_names() == used


def test_a_missing_icon_fails_loudly(qapp: QApplication) -> None:
    with pytest.raises(KeyError, match="no-such-icon"):
        icon("no-such-icon")


def test_icons_take_the_text_colour_of_the_palette_when_drawn(qapp: QApplication) -> None:
    undo = icon("undo-2")
    text = QGuiApplication.palette().color(QPalette.ColorRole.WindowText).name()
    assert ink(undo) == {text}
    disabled = QGuiApplication.palette().color(QPalette.ColorGroup.Disabled,
                                               QPalette.ColorRole.WindowText).name()
    assert ink(undo, QIcon.Mode.Disabled) == {disabled} != {text}


def test_an_icon_made_before_a_dark_scheme_is_drawn_light_in_it(
        qapp: QApplication) -> None:
    undo = icon("undo-2")
    before = ink(undo)
    light = QGuiApplication.palette()
    dark = QPalette(light)
    dark.setColor(QPalette.ColorGroup.Active, QPalette.ColorRole.WindowText, QColor("#e8eaed"))
    QApplication.setPalette(dark)
    try:
        assert ink(undo) == {"#e8eaed"} != before
    finally:
        QApplication.setPalette(light)
