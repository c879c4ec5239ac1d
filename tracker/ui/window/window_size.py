"""The window's first size: a share of the screen it opens on, never more than the screen.

A fixed 1360×820 cut off the right edge and the status bar on a 1280×800 screen (issue 16,
finding 4). On first run the window takes 90% of the screen's available area (without the
panels and docks), up to a size past which more room only spreads the tables thinner, and
is centred there. Later runs restore the geometry saved on closing (MainWindow.closeEvent);
QWidget.restoreGeometry itself pulls a window saved on a larger or unplugged screen back
onto the available one.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize
from PySide6.QtWidgets import QWidget

SCREEN_SHARE = 0.9
LARGEST = QSize(1600, 1000)  # room enough for every tab at full text


def starting_size(available: QSize) -> QSize:
    """90% of *available*, capped at LARGEST: never larger than the screen."""
    return QSize(min(int(available.width() * SCREEN_SHARE), LARGEST.width()),
                 min(int(available.height() * SCREEN_SHARE), LARGEST.height()))


def fit_to_screen(window: QWidget) -> None:
    """Size *window* for the screen it is on and centre it in the available area."""
    available: QRect = window.screen().availableGeometry()
    frame = QRect(0, 0, 0, 0)
    frame.setSize(starting_size(available.size()))
    frame.moveCenter(available.center())
    window.resize(frame.size())
    window.move(frame.topLeft())
