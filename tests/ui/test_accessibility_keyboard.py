"""Moving around with the keyboard (issue 16, "Dark mode and accessibility"): Tab goes
through every dialog in the order its fields are read, never stays stuck in a table, and
View › Rounds… Analysis (Ctrl+1…6) take the keyboard to the page they show."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QApplication, QWidget
from pytestqt.qtbot import QtBot

from tests.ui.test_accessibility import each_dialog_shown, every_page
from tracker.ui.common.workspace import Workspace
from tracker.ui.window.actions import ACTIONS
from tracker.ui.window.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore(
    "This plugin does not support (propagateSizeHints|raise|grabbing the keyboard)")

# A few pixels of slack: widgets on one row of a form differ a little in height.
SLACK = 4


def tab_order(window: QWidget) -> list[QWidget]:
    """The widgets Tab visits in *window*, from the first, as it is now."""
    order: list[QWidget] = []
    widget = window.nextInFocusChain()
    while widget is not window and widget not in order:
        if (widget.window() is window and widget.isVisible() and widget.isEnabled()
                and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
                and widget.focusProxy() is None):
            order.append(widget)
        widget = widget.nextInFocusChain()
    return order


def _box(widget: QWidget) -> QRect:
    return QRect(widget.mapTo(widget.window(), QPoint(0, 0)), widget.size())


def read_before(one: QWidget, other: QWidget) -> bool:
    """Whether *one* comes before *other* as a form is read: above it, or on the same
    row and to its left."""
    first, second = _box(one), _box(other)
    if first.bottom() < second.top() + SLACK:
        return True
    if second.bottom() < first.top() + SLACK:
        return False
    return first.left() < second.left()


def _name(widget: QWidget) -> str:
    return f"{type(widget).__name__} {widget.objectName()!r}"


def test_tab_order_in_every_dialog_follows_the_order_fields_are_read(
        qtbot: QtBot, sample_workspace: Workspace, tmp_path: Path) -> None:
    wrong = [f"{name}: Tab goes from {_name(one)} back to {_name(then)}"
             for name, dialog in each_dialog_shown(qtbot, sample_workspace, tmp_path)
             for one, then in pairwise(tab_order(dialog)) if read_before(then, one)]
    assert not wrong, "\n".join(wrong)


def _tables_left_by_tab(qtbot: QtBot, window: QWidget) -> list[str]:
    """The visible tables of *window* from which Tab does not move the focus away."""
    stuck = []
    for table in window.findChildren(QAbstractItemView):
        if not table.isVisible() or table.window() is not window \
                or not table.focusPolicy() & Qt.FocusPolicy.TabFocus:
            continue
        table.setFocus(Qt.FocusReason.TabFocusReason)
        qtbot.waitUntil(table.hasFocus)
        qtbot.keyClick(table, Qt.Key.Key_Tab)
        if QApplication.focusWidget() is table:
            stuck.append(_name(table))
    return stuck


def test_tab_leaves_every_table_of_the_window(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.waitUntil(window.isActiveWindow)
    stuck: list[str] = []
    for _page in every_page(qtbot, window, "main window"):
        stuck += [table for table in _tables_left_by_tab(qtbot, window) if table not in stuck]
    assert not stuck, "Tab stays in " + ", ".join(stuck)


def test_tab_leaves_every_table_of_every_dialog(
        qtbot: QtBot, sample_workspace: Workspace, tmp_path: Path) -> None:
    stuck = [f"{name}: {table}"
             for name, dialog in each_dialog_shown(qtbot, sample_workspace, tmp_path)
             for table in _tables_left_by_tab(qtbot, dialog)]
    assert not stuck, "Tab stays in " + ", ".join(stuck)


def test_the_window_opens_with_the_keyboard_on_the_rounds(
        qtbot: QtBot, window: MainWindow) -> None:
    qtbot.waitUntil(window.isActiveWindow)
    assert QApplication.focusWidget() is window.rounds_view.table


def test_each_view_shortcut_takes_the_keyboard_to_its_page(
        qtbot: QtBot, window: MainWindow) -> None:
    qtbot.waitUntil(window.isActiveWindow)
    views = [item for item in ACTIONS if item.id.startswith("show-")]
    assert len(views) == window.tabs.count()
    for index, item in reversed(list(enumerate(views))):
        focus = QApplication.focusWidget() or window
        qtbot.keySequence(focus, QKeySequence(str(item.shortcuts[0])))
        page = window.tabs.widget(index)
        qtbot.waitUntil(lambda page=page: window.tabs.currentWidget() is page)
        qtbot.waitUntil(lambda page=page: page.isAncestorOf(QApplication.focusWidget()))
        widget = QApplication.focusWidget()
        assert widget is not None and widget.isVisible() and widget.hasFocus(), item.id
