"""Opening a dialog from a pane: window-modal but not blocking, and an edit dialog on a
record someone removed meanwhile said so instead of opened."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Slot
from PySide6.QtWidgets import QDialog, QWidget

from tracker.services.common.errors import NotFoundError
from tracker.ui.common import commands
from tracker.ui.common.workspace import Topic, Workspace


class PaneDialogs(QObject):
    """The dialogs one pane opens, one at a time.

    Attributes:
        dialog: the dialog open now (tests drive it through this), None when closed.
    """

    def __init__(self, workspace: Workspace, gone: Topic, parent: QWidget) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._gone = gone
        self.dialog: QDialog | None = None

    def open(self, dialog: QDialog) -> None:
        # Window-modal and non-blocking (open, not exec), so tests can drive the dialog.
        self.dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(self._on_finished)
        dialog.open()

    def open_edit(self, make: Callable[[], QDialog]) -> bool:
        """Open the edit dialog *make* builds on its record as it is now. A record removed
        meanwhile is said so, and the views showing it re-read (the dialog's
        ``open_record`` has already discarded the half-built dialog)."""
        try:
            dialog = make()
        except NotFoundError as gone:
            commands.report_message(str(gone))
            self._workspace.changed_elsewhere(self._gone)
            return False
        self.open(dialog)
        return True

    @Slot()
    def _on_finished(self) -> None:
        self.dialog = None
