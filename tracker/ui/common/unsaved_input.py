"""Whether a dialog holds input the user typed: its fields now against when it opened.

Every input widget in the dialog counts (line and text edits, combos, spin and date
boxes, check and radio buttons), so a dialog needs no code of its own to be asked about,
and a dialog added later is covered too. A field the program changes after opening only
leads to one question too many, never to input lost without one.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

InputState = tuple[tuple[str, str], ...]


def input_state(form: QWidget) -> InputState:
    """What each input field of *form* holds, in a fixed order."""
    values: list[tuple[str, str]] = []
    for field in form.findChildren(QWidget):
        value = _value(field)
        if value is not None:
            values.append((field.objectName(), value))
    return tuple(values)


def _value(field: QWidget) -> str | None:
    if isinstance(field, QLineEdit):
        # A combo's or spin box's own line edit is read through its owner.
        return None if isinstance(field.parentWidget(), QComboBox | QAbstractSpinBox) \
            else field.text()
    if isinstance(field, QPlainTextEdit):
        return field.toPlainText()
    if isinstance(field, QTextEdit):
        return field.toPlainText()
    if isinstance(field, QComboBox):
        return f"{field.currentIndex()}:{field.currentText()}"
    if isinstance(field, QAbstractSpinBox):
        return field.text()
    if isinstance(field, QAbstractButton) and field.isCheckable():
        return str(field.isChecked())
    return None


class InputWatch:
    """The input state of one dialog when it opened, to compare with later."""

    def __init__(self, form: QWidget) -> None:
        self.form = form
        self._initial = input_state(form)

    def has_unsaved_input(self) -> bool:
        return input_state(self.form) != self._initial
