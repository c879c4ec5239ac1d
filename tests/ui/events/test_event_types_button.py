"""The event-types button keeps room for its menu arrow beside its text (issue 16,
finding 12: the arrow of a tool button was drawn over "All types")."""

from __future__ import annotations

from PySide6.QtWidgets import QPushButton, QStyle
from pytestqt.qtbot import QtBot

from tracker.ui.events.event_filter_bar import EventFilterBar


def test_the_types_button_is_as_wide_as_its_text_and_its_arrow(qtbot: QtBot) -> None:
    bar = EventFilterBar()
    qtbot.addWidget(bar)
    button = bar.types_button
    assert isinstance(button, QPushButton)
    assert button.menu() is not None
    arrow = button.style().pixelMetric(QStyle.PixelMetric.PM_MenuButtonIndicator, None,
                                       button)
    for text in ("All types", "Explosions/Remote violence", "12 types"):
        button.setText(text)
        needed = button.fontMetrics().horizontalAdvance(text) + arrow
        assert button.sizeHint().width() >= needed, text
