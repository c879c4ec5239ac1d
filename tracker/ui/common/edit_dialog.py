"""What saves to the database outside the window's Edit menu: edit dialogs, and the
panes' own buttons and context-menu entries that write.

Pausing edits (ui/window/edit_pause.py) holds the Save button of every open dialog of
this kind while a long write holds the database; a dialog that pushes a command derives
from ``EditDialog`` (CommandDialog does, and so every dialog built on it), so no hand
kept list of dialogs can leave one out. A pane's button or action that writes, or opens
a dialog that does (Unlink, Remove, Edit…), is marked with ``writes``: while the window
shows a past day's schedule, edits are off and those are held too.
"""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDialog

_WRITES = "tracker-writes"
Writing = TypeVar("Writing", bound=QObject)


class EditDialog(QDialog):
    """A dialog whose OK (or Save) button writes to the database through an undo command."""


def writes(item: Writing) -> Writing:
    """Mark a pane's button or action as one that writes (returned, to mark it inline)."""
    item.setProperty(_WRITES, True)
    return item


def marked_writing(item: QObject) -> bool:
    return bool(item.property(_WRITES))
