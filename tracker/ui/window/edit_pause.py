"""Edits pause, visibly, while a long write holds the database (an import), and are off
while the window shows the schedule as it was known on a past day.

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

Showing a past day's schedule (as_of_mode.py) turns edits off through the same pause
(``set_read_only``), and more of them: an edit made there would be made against a
schedule that is no longer the one shown, so the panes' own buttons and context-menu
entries that write (marked with ``edit_dialog.writes``) are held as well, and the
workspace refuses any write that still reaches it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QStatusBar,
    QWidget,
)
from shiboken6 import isValid

from tracker.ui.common.edit_dialog import EditDialog, marked_writing
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


class _Held(QObject):
    """Keeps one Save button, or a pane's button or context-menu action that writes,
    disabled while edits pause, whatever its owner enables meanwhile (a field becoming
    valid, a row selected), and gives it back as the owner last wanted it."""

    def __init__(self, item: QWidget | QAction, reason: str) -> None:
        super().__init__(item)
        self._item = item
        self._wanted = item.isEnabled()
        self._tip = item.toolTip()
        item.setToolTip(reason)
        item.setEnabled(False)
        if isinstance(item, QAction):
            item.enabledChanged.connect(self._on_enabled_changed)
        else:
            item.installEventFilter(self)

    def set_reason(self, reason: str) -> None:
        self._item.setToolTip(reason)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Override QObject.eventFilter: note the owner's wish, keep the button off."""
        if watched is self._item and event.type() == QEvent.Type.EnabledChange:
            self._on_enabled_changed(self._item.isEnabled())
        return False

    @Slot(bool)
    def _on_enabled_changed(self, enabled: bool) -> None:
        if enabled:
            self._wanted = True
            self._item.setEnabled(False)

    def release(self) -> None:
        if isinstance(self._item, QAction):
            self._item.enabledChanged.disconnect(self._on_enabled_changed)
        else:
            self._item.removeEventFilter(self)
        self._item.setToolTip(self._tip)
        self._item.setEnabled(self._wanted)
        self.deleteLater()


class EditPause(QObject):
    """Shows in one window that edits pause, and why, while the runner says so or while a
    past day's schedule is shown (read-only).

    *actions* are the window's editing actions; *refresh_actions* re-enables them as the
    selection allows once the pause ends.
    """

    def __init__(self, workspace: Workspace, status_bar: QStatusBar, actions: list[QAction],
                 refresh_actions: Callable[[], None]) -> None:
        super().__init__(status_bar)
        self._workspace = workspace
        self._window = status_bar.window()
        self._actions = actions
        self._tips = {action: action.toolTip() for action in actions}
        self._refresh = refresh_actions
        self._long_write = ""  # the runner's reason
        self._read_only = ""  # the past day's schedule shown
        self._reason = ""  # the one shown: read-only first, it lasts longer
        self._held: list[_Held] = []
        self._held_panes: list[_Held] = []
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

    def set_read_only(self, reason: str) -> None:
        """Keep every edit off for *reason* ("" turns edits back on), whatever runs."""
        self._read_only = reason
        self._workspace.set_read_only(reason)
        self._update()

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
        self._long_write = reason
        self._update()

    def _update(self) -> None:
        was, reason = self._reason, self._read_only or self._long_write
        self._reason = reason
        if reason:
            self._pause(starting=not was)
        elif was:
            self._resume()
        self._hold_panes()

    def _pause(self, *, starting: bool) -> None:
        reason = self._reason
        if self._read_only:
            self.label.setText(self.tr("Editing off: {reason}").format(reason=reason))
            self.label.setToolTip(self.tr("Go back to today’s schedule to edit again."))
        else:
            self.label.setText(self.tr("Editing paused: {reason}").format(reason=reason))
            self.label.setToolTip(self.tr("Edits can be saved again once it has finished; "
                                  "what you type in an open dialog is kept."))
        self.label.show()
        self.apply()
        for held in self._held:
            if isValid(held):
                held.set_reason(reason)
        if starting:
            for dialog in QApplication.topLevelWidgets():
                if isinstance(dialog, EditDialog) and dialog.isVisible():
                    self._hold(dialog)
            _application().installEventFilter(self)

    def _resume(self) -> None:
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

    def _hold_panes(self) -> None:
        """While read-only, the panes' writing buttons and actions are held too (during an
        import they stay: a dialog opened from them keeps what is typed until it ends)."""
        if self._read_only and not self._held_panes:
            self._held_panes = [
                *(_Held(button, self._read_only)
                  for button in self._window.findChildren(QAbstractButton)
                  if marked_writing(button)),
                *(_Held(action, self._read_only)
                  for action in self._window.findChildren(QAction)
                  if marked_writing(action))]
        elif self._read_only:
            for held in self._held_panes:
                held.set_reason(self._read_only)
        else:
            for held in self._held_panes:
                if isValid(held):
                    held.release()
            self._held_panes.clear()

    def _hold(self, dialog: QDialog) -> None:
        button = save_button(dialog)
        if button is not None and button.findChild(_Held) is None:
            self._held.append(_Held(button, self._reason))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Override QObject.eventFilter: an edit dialog shown during the pause is held."""
        if event.type() == QEvent.Type.Show and isinstance(watched, EditDialog):
            self._hold(watched)
        return False
