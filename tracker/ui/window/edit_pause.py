"""Edits pause, visibly, while a long write holds the database (an import).

An import writes hundreds of thousands of rows in one transaction, holding SQLite's
write lock for minutes; an edit saved meanwhile would wait on the lock and then be
refused ("another program is writing"). Undo commands save synchronously inside
QUndoStack.push, so an edit cannot simply queue behind the import. Instead, for as long
as the runner says edits pause:

- the window's editing actions (and Undo/Redo) are disabled, their tooltips say why;
- the status bar says so, in a label that stays until the write ends;
- the Save (OK) button of every open edit dialog is disabled with the reason as its
  tooltip, and the dialog stays open with everything typed in it; the button comes back
  as the dialog wants it once the write has ended. A dialog opened meanwhile (from a
  pane's Edit… button) is held the same way.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QStatusBar,
)
from shiboken6 import isValid

from tracker.ui.common.edit_dialog import EditDialog
from tracker.ui.common.forms import named
from tracker.ui.common.workspace import Workspace


def save_button(dialog: QDialog) -> QPushButton | None:
    """The button that saves *dialog* (its button box's OK or Save)."""
    box = dialog.findChild(QDialogButtonBox)
    if box is None:
        return None
    for which in (QDialogButtonBox.StandardButton.Ok, QDialogButtonBox.StandardButton.Save):
        button = box.button(which)
        if button is not None:
            return button
    return None


def _application() -> QCoreApplication:
    app = QApplication.instance()
    assert app is not None, "a window needs its application"
    return app


class _HeldButton(QObject):
    """Keeps one Save button disabled while edits pause, whatever its dialog enables
    meanwhile (a field becoming valid), and gives it back as the dialog last wanted it."""

    def __init__(self, button: QPushButton, reason: str) -> None:
        super().__init__(button)
        self._button = button
        self._wanted = button.isEnabled()
        self._tip = button.toolTip()
        button.setToolTip(reason)
        button.setEnabled(False)
        button.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Override QObject.eventFilter: note the dialog's wish, keep the button off."""
        if watched is self._button and event.type() == QEvent.Type.EnabledChange \
                and self._button.isEnabled():
            self._wanted = True
            self._button.setEnabled(False)
        return False

    def release(self) -> None:
        self._button.removeEventFilter(self)
        self._button.setToolTip(self._tip)
        self._button.setEnabled(self._wanted)
        self.deleteLater()


class EditPause(QObject):
    """Shows in one window that edits pause, and why, while the runner says so.

    *actions* are the window's editing actions; *refresh_actions* re-enables them as the
    selection allows once the pause ends.
    """

    def __init__(self, workspace: Workspace, status_bar: QStatusBar, actions: list[QAction],
                 refresh_actions: Callable[[], None]) -> None:
        super().__init__(status_bar)
        self._workspace = workspace
        self._actions = actions
        self._tips = {action: action.toolTip() for action in actions}
        self._refresh = refresh_actions
        self._reason = ""
        self._held: list[_HeldButton] = []
        self.label = named(QLabel(), "status-edits-paused")
        self.label.hide()
        status_bar.addPermanentWidget(self.label)
        workspace.runner.edits_paused.connect(self._on_edits_paused)
        stack = workspace.undo_stack
        # Connected after the stack's own actions: these run last and keep them off.
        stack.canUndoChanged.connect(self.apply)
        stack.canRedoChanged.connect(self.apply)

    @property
    def reason(self) -> str:
        return self._reason

    @Slot()
    def apply(self) -> None:
        """Disable the editing actions while paused (after the window set them)."""
        if not self._reason:
            return
        for action in self._actions:
            action.setEnabled(False)
            action.setToolTip(self._reason)

    @Slot(str)
    def _on_edits_paused(self, reason: str) -> None:
        self._reason = reason
        if reason:
            self.label.setText(f"Editing paused: {reason}")
            self.label.setToolTip("Edits can be saved again once it has finished; "
                                  "what you type in an open dialog is kept.")
            self.label.show()
            self.apply()
            for dialog in QApplication.topLevelWidgets():
                if isinstance(dialog, EditDialog) and dialog.isVisible():
                    self._hold(dialog)
            _application().installEventFilter(self)
            return
        _application().removeEventFilter(self)
        self.label.hide()
        for action, tip in self._tips.items():
            action.setToolTip(tip)
            action.setEnabled(True)
        stack = self._workspace.undo_stack
        self._refresh()
        for held in self._held:
            if isValid(held):  # not when its dialog has been closed and deleted
                held.release()
        self._held.clear()
        # Undo and Redo were enabled above with the others; the stack says whether.
        for action in self._actions:
            if action.objectName() == "undo-action":
                action.setEnabled(stack.canUndo())
            elif action.objectName() == "redo-action":
                action.setEnabled(stack.canRedo())

    def _hold(self, dialog: QDialog) -> None:
        button = save_button(dialog)
        if button is not None and button.findChild(_HeldButton) is None:
            self._held.append(_HeldButton(button, self._reason))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Override QObject.eventFilter: an edit dialog shown during the pause is held."""
        if event.type() == QEvent.Type.Show and isinstance(watched, EditDialog):
            self._hold(watched)
        return False
