"""The status bar and the runner's work: a note of long work that can be stopped, with
Cancel, and the wait for that work before the window closes or switches database.

An import has its own progress dialog with its own Cancel; work without a dialog of its
own (an archive export or restore, a minute at a million events) is said here while it
runs, beside the messages its progress sends to the status bar.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import QApplication, QHBoxLayout, QLabel, QStatusBar, QToolButton, QWidget

from tracker.ui.common.db_runner import DbRunner
from tracker.ui.common.language import translate

# Asks the user a yes/no question (title, text); the window's, which tests replace.
Ask = Callable[[str, str], bool]


def settle(runner: DbRunner, status_bar: QStatusBar, ask: Ask) -> None:
    """Block until the runner's work is done or cancelled (it uses the database about
    to be closed), saying which: a long wait would otherwise freeze the window without
    a word. Work that can stop but is not stopped by leaving (an archive export) is
    the user's to stop or wait for; an import is cancelled (it rolls back)."""
    if not runner.is_busy():
        return
    current = runner.current()
    if current is not None and current.can_cancel and not current.cancel_on_leave \
            and ask(translate("work_status", "Work Still Running"),
                    translate("work_status", "Stop {work}? Nothing it began is kept.\n\n"
                              "No waits for it to finish.").format(work=current.noun)):
        runner.cancel_current()

    def say_now(text: str) -> None:
        status_bar.showMessage(text)
        status_bar.repaint()  # now: no event is processed until the wait is over

    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        runner.settle(say_now)
    finally:
        QApplication.restoreOverrideCursor()


class WorkStatus(QWidget):
    """"Running the archive export…  [Cancel]" while a cancellable operation runs."""

    def __init__(self, runner: DbRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("work-status")
        self._runner = runner
        self.label = QLabel(self)
        self.label.setObjectName("work-status-text")
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.cancel_button = QToolButton(self)
        self.cancel_button.setObjectName("work-cancel")
        self.cancel_button.setText(self.tr("Cancel"))
        self.cancel_button.setToolTip(self.tr("Stop it; nothing it began is kept"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.cancel_button)
        self.cancel_button.clicked.connect(self._on_cancel)
        runner.current_changed.connect(self._on_current_changed)
        self.hide()

    @Slot(str, bool)
    def _on_current_changed(self, noun: str, cancellable: bool) -> None:
        self.setVisible(bool(noun) and cancellable)
        self.label.setText(self.tr("Running {work}…").format(work=noun))
        self.cancel_button.setEnabled(True)

    @Slot()
    def _on_cancel(self) -> None:
        self.cancel_button.setEnabled(False)  # once: it stops at its next step
        self.label.setText(self.tr("Cancelling…"))
        self._runner.cancel_current()
