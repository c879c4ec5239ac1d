"""The status bar's note of long work on the runner that can be stopped, with Cancel.

An import has its own progress dialog with its own Cancel; work without a dialog of its
own (an archive export or restore, a minute at a million events) is said here while it
runs, beside the messages its progress sends to the status bar.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QWidget

from tracker.ui.common.db_runner import DbRunner


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
        self.cancel_button.setText("Cancel")
        self.cancel_button.setToolTip("Stop it; nothing it began is kept")
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
        self.label.setText(f"Running {noun}…")
        self.cancel_button.setEnabled(True)

    @Slot()
    def _on_cancel(self) -> None:
        self.cancel_button.setEnabled(False)  # once: it stops at its next step
        self.label.setText("Cancelling…")
        self._runner.cancel_current()
