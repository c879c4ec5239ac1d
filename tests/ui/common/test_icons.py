"""Every toolbar and menu icon comes from the one bundled set, drawn in the palette's colours."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPalette
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QStyle, QToolBar
from pytestqt.qtbot import QtBot

from tracker import resources
from tracker.ui.common.icons import (
    ICON_FOLDER,
    STYLE_ICONS,
    LineIconStyle,
    icon,
    icon_names,
    use_line_icons,
)
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
    used = {item.icon for item in ACTIONS if item.icon} | set(STYLE_ICONS.values())
    assert icon_names() == used


@pytest.fixture
def line_icon_style(qapp: QApplication) -> Iterator[QStyle]:
    before = qapp.style().name()
    use_line_icons(qapp)
    use_line_icons(qapp)  # once is enough: a second call keeps the style it made
    yield qapp.style()
    qapp.setStyle(before)


def test_dialog_buttons_take_their_icons_from_the_set(
        qtbot: QtBot, line_icon_style: QStyle) -> None:
    assert isinstance(line_icon_style, LineIconStyle)
    assert line_icon_style.name() == QApplication.style().name()
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                           | QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    ok = box.button(QDialogButtonBox.StandardButton.Ok)
    assert line_icon_style.standardIcon(QStyle.StandardPixmap.SP_DialogOkButton).name() == "check"
    if line_icon_style.styleHint(QStyle.StyleHint.SH_DialogButtonBox_ButtonsHaveIcons):
        assert ok.icon().name() == "check"
    # Message-box signs keep the style's own colours.
    sign = line_icon_style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
    assert sign.name() not in icon_names()


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
