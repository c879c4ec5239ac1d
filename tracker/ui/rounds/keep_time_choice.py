"""The Relocate dialog's question for a venue in another time zone: keep the round's
wall-clock time, or its instant?

Each choice shows what it makes of the round, as services/rounds/relocation.py previews
it; this widget only shows the preview and collects the answer. A choice that cannot be
made (a wall-clock time the new zone skips) is shown disabled, with why.
"""

from __future__ import annotations

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QButtonGroup, QLabel, QRadioButton, QVBoxLayout, QWidget

from tracker.services.rounds.relocation import KeepTime, RelocationPreview
from tracker.ui.common.forms import named
from tracker.ui.common.language import QT_TRANSLATE_NOOP

_CHOICE_TEXT = {KeepTime.WALL_CLOCK: QT_TRANSLATE_NOOP("KeepTimeChoice",
                                                       "Keep the &wall-clock time: {}"),
                KeepTime.INSTANT: QT_TRANSLATE_NOOP("KeepTimeChoice", "Keep the &instant: {}")}


class KeepTimeChoice(QWidget):
    """Two radio buttons (wall-clock, instant) with their previews, or the one outcome
    when there is nothing to choose; hidden while no other venue is chosen.

    Signals:
        changed(): the answer, or whether one is needed, changed.
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.outcome = named(QLabel(), "relocation-outcome")
        self.buttons = {keep: named(QRadioButton(), f"keep-{keep.value}") for keep in KeepTime}
        self._group = QButtonGroup(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.outcome)
        for button in self.buttons.values():
            self._group.addButton(button)
            layout.addWidget(button)
        self._group.buttonToggled.connect(self._on_toggled)
        self.show_preview(None)

    def show_preview(self, preview: RelocationPreview | None) -> None:
        """Offer *preview*'s choices, or show its outcome; None hides the question."""
        choices = preview.choices if preview is not None and preview.problem is None else ()
        self.setVisible(preview is not None and preview.problem is None)
        self.outcome.setText(preview.outcome if preview is not None else "")
        self.outcome.setVisible(not choices)
        # Unchecking needs a non-exclusive group for a moment: the last answer must not
        # carry over to another venue's choices.
        self._group.setExclusive(False)
        for button in self.buttons.values():
            button.setChecked(False)
            button.setVisible(bool(choices))
        self._group.setExclusive(True)
        for choice in choices:
            button = self.buttons[choice.keep]
            button.setText(self.tr(_CHOICE_TEXT[choice.keep]).format(choice.text))
            button.setEnabled(choice.possible)
        # The wall-clock time, as announced, unless it cannot be kept: then nothing is
        # chosen for the user, who is told why and picks the instant themselves.
        if any(choice.keep is KeepTime.WALL_CLOCK and choice.possible for choice in choices):
            self.buttons[KeepTime.WALL_CLOCK].setChecked(True)
        self.changed.emit()

    def keep(self) -> KeepTime | None:
        """The answer, or None when none is given (or none is asked)."""
        return next((keep for keep, button in self.buttons.items()
                     if button.isVisibleTo(self) and button.isChecked()), None)

    def is_answered(self) -> bool:
        """False while a choice is offered and none is made."""
        asked = any(button.isVisibleTo(self) for button in self.buttons.values())
        return not asked or self.keep() is not None

    @Slot()
    def _on_toggled(self) -> None:
        self.changed.emit()
