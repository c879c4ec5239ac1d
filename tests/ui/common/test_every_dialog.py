"""What every dialog owes a new user (issue 16, findings 1 and 2): it opens with the
focus in its first field, in a tab order that follows the form from the top, and no two
of its labels or buttons share an Alt+letter."""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QPushButton,
    QTabBar,
    QTabWidget,
    QToolButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from tests.ui.common.dialog_catalogue import MAKERS, dialog_classes, make_all
from tracker.ui.common.workspace import Workspace

pytestmark = pytest.mark.qt_log_ignore(
    "This plugin does not support (propagateSizeHints|raise|grabbing the keyboard)")

# Where the focus goes first on purpose, though another field is above it, and why.
FIRST_FIELD = {
    # The track is chosen already (the sample has one): the title is what is typed.
    "NewRoundDialog#0": "round-title",
    # The suggestions are what is checked; the days and distance above them filter them.
    "LinkEventsDialog#0": "suggested-events",
    # A choice between two versions of a record: the focus on the default choice.
    "ConflictDialog#0": "save-merge-button",
}

# The mnemonics desktop themes give standard buttons shown without one here (GNOME's
# "&OK", "&Cancel", "&Close"…): a label using the same letter collides there.
_STANDARD_KEYS = {
    QDialogButtonBox.StandardButton.Ok: "o", QDialogButtonBox.StandardButton.Cancel: "c",
    QDialogButtonBox.StandardButton.Close: "c", QDialogButtonBox.StandardButton.Save: "s",
    QDialogButtonBox.StandardButton.Yes: "y", QDialogButtonBox.StandardButton.No: "n",
    QDialogButtonBox.StandardButton.Apply: "a",
}
_MNEMONIC = re.compile(r"(?<!&)&([^&\s])")


def _shown(qtbot: QtBot, dialog: QDialog) -> QDialog:
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: dialog.isActiveWindow())
    return dialog


def _tab_order(dialog: QDialog) -> list[QWidget]:
    """The widgets Tab visits, from the first, as the dialog has them now."""
    order: list[QWidget] = []
    widget = dialog.nextInFocusChain()
    while widget is not dialog and widget not in order:
        if (widget.window() is dialog and widget.isVisibleTo(dialog) and widget.isEnabled()
                and widget.focusPolicy() & Qt.FocusPolicy.TabFocus):
            order.append(widget)
        widget = widget.nextInFocusChain()
    return order


def _is_input(widget: QWidget) -> bool:
    """A field the user types in or chooses from; buttons and tabs act, not hold."""
    return not isinstance(widget, QPushButton | QToolButton | QTabBar | QTabWidget)


def _top(widget: QWidget, dialog: QDialog) -> int:
    return widget.mapTo(dialog, QPoint(0, 0)).y()


def _same_row(one: QWidget, other: QWidget, dialog: QDialog) -> bool:
    """Whether the two overlap in height: side by side on one row of the form."""
    first, second = _top(one, dialog), _top(other, dialog)
    return first < second + other.height() and second < first + one.height()


def _name(widget: QWidget | None) -> str:
    if widget is None:
        return "nothing"
    return f"{type(widget).__name__} {widget.objectName()!r}"


def test_the_catalogue_holds_every_dialog() -> None:
    missing = {cls.__name__ for cls in dialog_classes()} - {cls.__name__ for cls in MAKERS}
    assert not missing, f"add these to tests/ui/common/dialog_catalogue.py: {missing}"


def test_every_dialog_opens_with_the_focus_in_its_first_field(
        qtbot: QtBot, sample_workspace: Workspace, tmp_path: Path) -> None:
    wrong: list[str] = []
    for name, made in make_all(sample_workspace, tmp_path):
        dialog = _shown(qtbot, made)
        qtbot.waitUntil(lambda d=dialog: d.focusWidget() is not None)
        focus = dialog.focusWidget()
        inputs = [w for w in _tab_order(dialog) if _is_input(w)]
        if name in FIRST_FIELD:
            expected = dialog.findChild(QWidget, FIRST_FIELD[name])
        else:
            expected = inputs[0] if inputs else _tab_order(dialog)[0]
        # A field of the first row counts (a window's precision combo, then its text).
        if expected is None or focus is None or (
                focus is not expected and not _same_row(focus, expected, dialog)):
            wrong.append(f"{name}: focus on {_name(focus)}, first field {_name(expected)}")
        # The tab order follows the form down: no field sits above the first one.
        if inputs:
            above = [w for w in inputs if _top(w, dialog) < _top(inputs[0], dialog) - 4]
            if above:
                wrong.append(f"{name}: {_name(above[0])} is above the first in tab order, "
                             f"{_name(inputs[0])}")
        dialog.close()
    assert not wrong, "\n".join(wrong)


def _mnemonics(dialog: QDialog) -> dict[str, list[str]]:
    """Alt+letter → the texts that claim it, over the dialog's visible labels, buttons,
    group boxes and tabs."""
    claims: dict[str, list[str]] = defaultdict(list)

    def claim(text: str) -> None:
        for letter in _MNEMONIC.findall(text):
            claims[letter.lower()].append(text)

    for widget in dialog.findChildren(QWidget):
        if widget.window() is not dialog or not widget.isVisibleTo(dialog):
            continue
        if isinstance(widget, QLabel) and widget.buddy() is not None:
            claim(widget.text())
        elif isinstance(widget, QAbstractButton):
            claim(widget.text())
            box = widget.parent()
            if isinstance(box, QDialogButtonBox) and "&" not in widget.text():
                key = _STANDARD_KEYS.get(box.standardButton(widget))
                if key is not None:
                    claims[key].append(f"{widget.text()} (a desktop theme's &{key})")
        elif isinstance(widget, QGroupBox):
            claim(widget.title())
        elif isinstance(widget, QTabBar):
            for index in range(widget.count()):
                claim(widget.tabText(index))
    return claims


def test_no_two_labels_or_buttons_of_a_dialog_share_a_mnemonic(
        qtbot: QtBot, sample_workspace: Workspace, tmp_path: Path) -> None:
    clashes: list[str] = []
    for name, made in make_all(sample_workspace, tmp_path):
        dialog = _shown(qtbot, made)
        for letter, texts in sorted(_mnemonics(dialog).items()):
            if len(texts) > 1:
                clashes.append(f"{name}: Alt+{letter.upper()} for {texts}")
        dialog.close()
    assert not clashes, "\n".join(clashes)



def test_enter_never_cancels_or_closes_a_dialog(
        qtbot: QtBot, sample_workspace: Workspace, tmp_path: Path) -> None:
    """The default button (what Enter presses) is OK when there is one, and never Cancel
    (Close, on a window that only shows something, is fine): a Cancel with the focus used
    to become the default (Export Chronology), and Enter cancelled a running import."""
    wrong: list[str] = []
    for name, made in make_all(sample_workspace, tmp_path):
        dialog = _shown(qtbot, made)
        for button in dialog.findChildren(QPushButton):
            box = button.parent()
            if button.isDefault() and isinstance(box, QDialogButtonBox) and \
                    box.buttonRole(button) == QDialogButtonBox.ButtonRole.RejectRole and \
                    box.standardButton(button) != QDialogButtonBox.StandardButton.Close:
                wrong.append(f"{name}: Enter presses {button.text()!r}")
        dialog.close()
    assert not wrong, "\n".join(wrong)
