"""A centred message over an empty item view ("No events match these filters").

An empty table with only its header tells the user nothing; the message says why it is
empty and what to do. It is a label on the view's viewport, so the header, scroll bars
and keyboard focus stay as they are.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractItemView, QLabel


class ViewPlaceholder(QLabel):
    """Shows ``text`` over *view* while ``update_for`` is told the view has no rows."""

    def __init__(self, view: QAbstractItemView) -> None:
        super().__init__(view.viewport())
        self._view = view
        self.setObjectName("view-placeholder")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setWordWrap(True)
        self.setEnabled(False)  # drawn in the palette's disabled (greyed) text colour
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        view.viewport().installEventFilter(self)
        self.hide()

    def update_for(self, rows: int, text: str) -> None:
        """Show *text* when *rows* is 0, hide otherwise."""
        self.setText(text)
        self.setVisible(rows == 0 and bool(text))
        self._fit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Override QObject.eventFilter: follow the viewport's size."""
        if event.type() == QEvent.Type.Resize:
            self._fit()
        return False

    def _fit(self) -> None:
        area = self._view.viewport().rect().adjusted(24, 24, -24, -24)
        self.setGeometry(area)
