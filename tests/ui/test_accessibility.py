"""Every control a keyboard or a screen reader reaches has a name (issue 16, "Dark mode and
accessibility"): the main window with each of its tabs shown, and every dialog of the
catalogue. The name is what Qt's accessibility interface gives a screen reader, so a
label's buddy, a group box's title and a button's own text all count."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QAbstractSpinBox,
    QComboBox,
    QDialog,
    QTabWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from tests.ui.common.dialog_catalogue import make_all
from tracker.ui.common.workspace import Workspace
from tracker.ui.window.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore(
    "This plugin does not support (propagateSizeHints|raise|grabbing the keyboard)")


def _is_part_of_another(widget: QWidget) -> bool:
    """The line edit inside a spin box, date edit or editable combo, or the viewport of a
    view: the screen reader reads its owner, which is named instead."""
    parent = widget.parentWidget()
    if isinstance(parent, QAbstractScrollArea) and widget is parent.viewport():
        return True
    return isinstance(parent, QAbstractSpinBox | QComboBox)


def accessible_name(widget: QWidget) -> str:
    interface = QAccessible.queryAccessibleInterface(widget)
    return interface.text(QAccessible.Text.Name).strip() if interface is not None else ""


def unnamed_controls(window: QWidget) -> list[str]:
    """The visible controls of *window* that take the focus and have no accessible name."""
    missing: list[str] = []
    for widget in window.findChildren(QWidget):
        if widget.window() is not window or not widget.isVisible() \
                or widget.focusPolicy() == Qt.FocusPolicy.NoFocus \
                or _is_part_of_another(widget):
            continue
        if not accessible_name(widget):
            parent = widget.parentWidget()
            missing.append(f"{type(widget).__name__} {widget.objectName()!r} "
                           f"in {type(parent).__name__} {parent.objectName()!r}")
    return missing


def every_page(qtbot: QtBot, window: QWidget, label: str,
               seen: set[QTabWidget] | None = None) -> Iterator[str]:
    """*window* as it is, then with each page of every tab widget it shows made current
    in turn (the main tabs, a round's details, nested ones too): yields a label for each,
    while that page is shown."""
    seen = set() if seen is None else seen
    yield label
    for tabs in window.findChildren(QTabWidget):
        if tabs in seen or not tabs.isVisible():
            continue
        seen.add(tabs)
        for index in range(tabs.count()):
            tabs.setCurrentIndex(index)
            qtbot.waitUntil(tabs.widget(index).isVisible)
            page = f"{label} › {tabs.tabText(index).replace('&', '')}"
            yield from every_page(qtbot, window, page, seen)
        tabs.setCurrentIndex(0)


def unnamed_on_every_page(qtbot: QtBot, window: QWidget, label: str) -> list[str]:
    return [f"{page}: {control}" for page in every_page(qtbot, window, label)
            for control in unnamed_controls(window)]


def _once_each(missing: list[str]) -> str:
    """One line per control, naming the first page it was found on."""
    first: dict[str, str] = {}
    for line in missing:
        page, control = line.split(": ", 1)
        first.setdefault(f"{page.split(' › ')[0]}: {control}", page)
    return "\n".join(f"{control} (on {page})" for control, page in first.items())


def test_every_control_of_every_tab_has_a_name(qtbot: QtBot, window: MainWindow) -> None:
    missing = unnamed_on_every_page(qtbot, window, "main window")
    assert not missing, _once_each(missing)


def each_dialog_shown(qtbot: QtBot, workspace: Workspace,
                      folder: Path) -> Iterator[tuple[str, QDialog]]:
    """Every dialog of the catalogue, shown and active while it is yielded, then closed."""
    for name, dialog in make_all(workspace, folder):
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        qtbot.waitUntil(dialog.isActiveWindow)
        yield name, dialog
        dialog.close()


def test_every_control_of_every_dialog_has_a_name(
        qtbot: QtBot, sample_workspace: Workspace, tmp_path: Path) -> None:
    missing: list[str] = []
    for name, dialog in each_dialog_shown(qtbot, sample_workspace, tmp_path):
        if not accessible_name(dialog):  # a window's name is its title
            missing.append(f"{name}: no window title")
        missing += unnamed_on_every_page(qtbot, dialog, name)
    assert not missing, _once_each(missing)
