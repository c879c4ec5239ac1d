"""Someone else saved the record first: both versions side by side, and the user decides.

Any kind of record (a round, a factor, a seat at a round, a link…): the user may take
theirs (the refused edit is dropped, knowingly), take theirs and reapply the fields they
changed themselves, or choose field by field. The result is saved as a new change
(MergeRecordCommand), undoable; a round's history records it as "Merged after a conflict
with <who> at <when>". Cancelling keeps the editing dialog open with everything as typed.

A removal of a record someone changed since the user saw it is not done silently either:
``push_removal`` asks (``ask_remove_changed``, which tests replace) and removes only the
version the user was shown then; one someone already removed is said so, plainly.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from enum import StrEnum

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QLayout,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from tracker.domain.wording import say
from tracker.services.common.errors import NotFoundError
from tracker.services.records.conflicts import ConflictError
from tracker.ui.common import commands
from tracker.ui.common.commands import OperationCommand, push_or_report
from tracker.ui.common.date_text import utc_text
from tracker.ui.common.forms import named
from tracker.ui.common.language import translate
from tracker.ui.common.table_model import as_plain
from tracker.ui.common.workspace import Workspace

VALUE_WIDTH = 240  # px for each side's value, before it wraps


class Choice(StrEnum):
    THEIRS = "theirs"  # drop my edit
    MERGE = "merge"  # save the per-field choices


class ConflictDialog(QDialog):
    """One row per differing field: name, yours, theirs, and a radio for each side.

    Attributes:
        choice: what the user chose (None while open or after Cancel).
    """

    def __init__(self, conflict: ConflictError, base: Mapping[str, object] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("conflict-dialog")
        noun = say(conflict.kind.noun)
        self.setWindowTitle(self.tr("{kind} {title} Changed by Someone Else").format(
            kind=noun[0].upper() + noun[1:], title=conflict.title))
        self.conflict = conflict
        self._base = dict(base or {})
        self.choice: Choice | None = None
        text = self.tr("{who} changed the {kind} {title} after you opened it. Nothing of yours "
                       "was saved yet. Choose what to keep:").format(
            who=_who_and_when(conflict), kind=noun, title=conflict.title)
        intro = named(QLabel(as_plain(text[0].upper() + text[1:])), "conflict-intro")
        intro.setWordWrap(True)

        grid = QGridLayout()
        grid.addWidget(QLabel(self.tr("<b>Field</b>")), 0, 0)
        grid.addWidget(QLabel(self.tr("<b>Yours</b>")), 0, 1, 1, 2)
        grid.addWidget(QLabel(self.tr("<b>Theirs</b>")), 0, 3, 1, 2)
        self._groups: dict[str, QButtonGroup] = {}
        self._mine_buttons: dict[str, QRadioButton] = {}
        self._theirs_buttons: dict[str, QRadioButton] = {}
        for row, difference in enumerate(conflict.differences, start=1):
            mine = named(QRadioButton(), f"keep-mine-{difference.field}")
            field = say(difference.label)
            mine.setAccessibleName(self.tr("Keep yours: {field}").format(field=field))
            theirs = named(QRadioButton(), f"take-theirs-{difference.field}")
            theirs.setAccessibleName(self.tr("Take theirs: {field}").format(field=field))
            group = QButtonGroup(self)
            group.addButton(mine)
            group.addButton(theirs)
            theirs.setChecked(True)
            self._groups[difference.field] = group
            self._mine_buttons[difference.field] = mine
            self._theirs_buttons[difference.field] = theirs
            grid.addWidget(QLabel(field), row, 0)
            grid.addWidget(mine, row, 1)
            grid.addWidget(_value_label(difference.mine_text), row, 2)
            grid.addWidget(theirs, row, 3)
            grid.addWidget(_value_label(difference.theirs_text), row, 4)
        grid.setColumnStretch(2, 1)
        grid.setColumnStretch(4, 1)

        # Laid out before it is parented: Tab reaches it after the choices above it.
        buttons = QDialogButtonBox()
        self.theirs_button = named(QPushButton(self.tr("Take &Theirs")), "take-theirs-button")
        self.reapply_button = named(QPushButton(self.tr("Theirs + &Reapply Mine")),
                                    "reapply-button")
        self.merge_button = named(QPushButton(self.tr("&Save Merge")), "save-merge-button")
        self.reapply_button.setEnabled(bool(self._base))
        self.reapply_button.setToolTip(self.tr("Keep their changes and apply again the fields you "
                                       "changed in your dialog"))
        buttons.addButton(self.theirs_button, QDialogButtonBox.ButtonRole.RejectRole)
        buttons.addButton(self.reapply_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.merge_button, QDialogButtonBox.ButtonRole.AcceptRole)
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("&Back to My Edit"))
        self.theirs_button.clicked.connect(self._on_theirs)
        self.reapply_button.clicked.connect(self._on_reapply)
        self.merge_button.clicked.connect(self._on_merge)
        cancel.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addSpacing(8)
        layout.addLayout(grid)
        layout.addStretch(1)  # a taller dialog grows below the fields, not between rows
        layout.addWidget(buttons)
        # Tab takes the buttons as they are laid out, left to right (once in the dialog).
        QWidget.setTabOrder(self.merge_button, self.reapply_button)
        QWidget.setTabOrder(self.reapply_button, self.theirs_button)
        QWidget.setTabOrder(self.theirs_button, cancel)
        # Wrapped labels need the height their width gives them; without this the dialog
        # opens at a height computed for one line each and the values overlap.
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        self.merge_button.setDefault(True)
        self.merge_button.setFocus()  # the choice to make, though the fields come first

    def keep_mine(self, field: str, mine: bool = True) -> None:
        (self._mine_buttons if mine else self._theirs_buttons)[field].setChecked(True)

    def values(self) -> dict[str, object]:
        """The round's fields as the merge would save them (every field the edit covered)."""
        chosen = dict(self.conflict.theirs)
        for field, button in self._mine_buttons.items():
            if button.isChecked():
                chosen[field] = self.conflict.mine[field]
        return chosen

    @Slot()
    def _on_theirs(self) -> None:
        self.choice = Choice.THEIRS
        self.accept()

    @Slot()
    def _on_reapply(self) -> None:
        # Mine wins exactly where I changed the field from what my dialog was opened on.
        for field in self._mine_buttons:
            self.keep_mine(field, self.conflict.mine[field] != self._base.get(field))
        self._on_merge()

    @Slot()
    def _on_merge(self) -> None:
        self.choice = Choice.MERGE
        self.accept()


def _who_and_when(conflict: ConflictError) -> str:
    who = conflict.changed_by or translate("ConflictDialog", "another editor")
    if conflict.changed_at is None:
        return who
    return translate("ConflictDialog", "{who} (at {when})").format(
        who=who, when=utc_text(conflict.changed_at))


def ask_remove_changed(parent: QWidget | None, conflict: ConflictError) -> bool:
    """Ask whether to remove a record changed since the user saw it. Tests replace this."""
    who = _who_and_when(conflict)
    answer = QMessageBox.question(
        parent, translate("conflict_dialog", "Changed by Someone Else"),
        as_plain(translate("ConflictDialog", "{who} changed the {kind} {title} after it was "
                           "shown to you. Remove it anyway, with their change?").format(
            who=who[0].upper() + who[1:], kind=say(conflict.kind.noun), title=conflict.title)),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes


def push_removal(workspace: Workspace,
                 make: Callable[[int | None], OperationCommand], expected_version: int,
                 parent: QWidget | None = None) -> bool:
    """Push the removal ``make(version)`` of what the user was shown at *expected_version*.

    Changed since by someone else: ask, and remove only if the user says so (over the
    version just seen). Removed already: say so, plainly. Returns whether it was removed.
    """
    command = make(expected_version)
    text = command.text()
    workspace.undo_stack.push(command)
    error = command.error
    if error is None:
        return True
    if isinstance(error, ConflictError):
        return ask_remove_changed(parent, error) and \
            push_or_report(workspace, make(error.theirs_version))
    if isinstance(error, NotFoundError):
        commands.report_message(translate("ConflictDialog", "{change}: nothing to do. {error}")
                                .format(change=text, error=error))
        return False
    commands.report_error(text, str(error))
    return False


def _value_label(text: str) -> QLabel:
    label = QLabel(as_plain(text))
    label.setWordWrap(True)
    # A description or note wraps over several lines: wide enough to read, and the
    # dialog's minimum size (below) then makes room for every line it wraps to.
    label.setMinimumWidth(VALUE_WIDTH)
    label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    return label
