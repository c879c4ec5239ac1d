"""The Help menu's windows are opened once and brought forward after: one of each kind."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtWidgets import QWidget

W = TypeVar("W", bound=QWidget)


def show_single(parent: QWidget, kind: type[W]) -> W:
    """*parent*'s one window of *kind*: made on first use, then shown and brought forward.

    Not modal, so a guide or key list can stay open beside the window it describes.
    """
    window = parent.findChild(kind)
    if window is None:
        window = kind(parent)
    window.show()
    window.raise_()
    window.activateWindow()
    return window
