"""The kind of dialog that saves to the database: its OK pushes an undo command.

Pausing edits (ui/window/edit_pause.py) holds the Save button of every open dialog of
this kind while a long write holds the database; a dialog that pushes a command derives
from ``EditDialog`` (CommandDialog does, and so every dialog built on it), so no hand
kept list of dialogs can leave one out.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog


class EditDialog(QDialog):
    """A dialog whose OK (or Save) button writes to the database through an undo command."""
