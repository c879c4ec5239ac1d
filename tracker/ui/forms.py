"""What every form uses: inline error labels, (text, id) combos, and the command dialog."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QWidget,
)

from tracker.domain.timewindow import all_zone_names
from tracker.services import record_edits
from tracker.services.conflicts import ConflictError
from tracker.services.errors import NotFoundError
from tracker.ui.commands import ServiceCommand
from tracker.ui.table_model import plain_tooltip
from tracker.ui.workspace import Workspace

# Red that stays readable on the light and dark Fusion palettes.
ERROR_COLOUR = "#d32f2f"


class ErrorLabel(QLabel):
    """Red text under a field, hidden while there is nothing to say.

    Hiding (rather than blanking) keeps forms compact. The text does not wrap: a wrapped
    label in a nested layout gets one line's height in a dialog that is already shown
    (Qt's top-level windows ignore height-for-width), so a long message widens the dialog
    instead of being cut off.
    """

    def __init__(self, object_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setStyleSheet(f"color: {ERROR_COLOUR};")
        # Messages quote what was typed ("Unknown time zone: “<b>…”"); never read as HTML.
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hide()

    def show_error(self, message: str | None) -> None:
        self.setText(message or "")
        self.setVisible(bool(message))
        self.setAccessibleDescription(message or "")

    @property
    def message(self) -> str:
        return self.text()


@dataclass(frozen=True, slots=True)
class _Held:
    """Item data as Python gave it. PySide turns a str subclass (our StrEnums) into a plain
    QString and a tuple into a list, so a status read back would no longer be ``is``-equal
    to RoundStatus.HELD; an object Qt cannot convert comes back untouched."""

    value: Any


def add_item(combo: QComboBox, text: str, data: Any) -> None:
    """Append an item whose data comes back from current_data exactly as given."""
    combo.addItem(text, _Held(data))


def item_value(combo: QComboBox, row: int) -> Any:
    held = combo.itemData(row)
    return held.value if isinstance(held, _Held) else held


def fill_combo(combo: QComboBox, items: Iterable[tuple[str, Any]], *,
               none_text: str | None = None, keep: Any = None) -> None:
    """Replace the items; re-select *keep* (an item's data) when it is still there."""
    combo.blockSignals(True)
    combo.clear()
    if none_text is not None:
        add_item(combo, none_text, None)
    for text, data in items:
        add_item(combo, text, data)
    combo.blockSignals(False)
    select_data(combo, keep)


def select_data(combo: QComboBox, data: Any) -> bool:
    for row in range(combo.count()):
        if item_value(combo, row) == data:
            combo.setCurrentIndex(row)
            return True
    return False


def current_data(combo: QComboBox) -> Any:
    return item_value(combo, combo.currentIndex()) if combo.currentIndex() >= 0 else None


W = TypeVar("W", bound=QWidget)


def named(widget: W, name: str) -> W:
    """*widget* with its objectName set (the stubs do not accept objectName= keywords)."""
    widget.setObjectName(name)
    return widget


def zone_combo(name: str, initial: str) -> QComboBox:
    """An editable combo over every IANA zone, completing on any part ('kyiv')."""
    combo = named(QComboBox(editable=True), name)
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    zones = all_zone_names()
    combo.addItems(zones)
    completer = QCompleter(zones, combo)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    combo.setCompleter(completer)
    combo.setMinimumContentsLength(18)
    combo.setEditText(initial)
    return combo


def compact_combo(name: str, width: int = 36) -> QComboBox:
    """A combo that does not grow to its longest item (source labels run long)."""
    combo = named(QComboBox(), name)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(width)

    def show_current(*_args: object) -> None:
        # The full text of an elided item (a typed title: shown literally).
        combo.setToolTip(plain_tooltip(combo.currentText()) or "")

    combo.currentIndexChanged.connect(show_current)
    # fill_combo blocks the combo's signals while it refills, so the first item becoming
    # current is only told by the model (after the combo's own slot has made it current).
    combo.model().rowsInserted.connect(show_current)
    combo.model().modelReset.connect(show_current)
    return combo


def ok_cancel_buttons(dialog: QDialog, ok_text: str = "") -> QDialogButtonBox:
    """OK and Cancel wired to the dialog's accept and reject; OK renamed to say what it does."""
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog)
    if ok_text:
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


@dataclass(frozen=True, slots=True)
class Editing:
    """The record an edit dialog was opened on: kind, id, version, and its fields then."""

    kind: str
    record_id: int
    version: int
    values: dict[str, object]


class CommandDialog(QDialog):
    """A dialog whose OK pushes one undo command; service errors show beside their field.

    Subclasses register an ErrorLabel per service field name and build the command in
    ``make_command``. Nothing is written before OK, and then in one transaction.

    An edit dialog reads its record with ``open_record`` and saves with ``edit_command``:
    the save is checked against the version read, and someone else's change in between
    brings up the conflict dialog (``_resolve_conflict``) instead of being overwritten.

    Attributes:
        command: the command pushed on success (None before).
        editing: the record this dialog edits (None for one that creates).
    """

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.command: ServiceCommand | None = None
        self.buttons = ok_cancel_buttons(self)
        self.form_error = ErrorLabel("form-error")
        self._field_errors: dict[str, Callable[[str], None]] = {}
        self.editing: Editing | None = None

    @property
    def ok_button(self) -> QPushButton:
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    def register_error(self, field: str, show: Callable[[str], None]) -> None:
        self._field_errors[field] = show

    def make_command(self) -> ServiceCommand | None:
        raise NotImplementedError

    def accept(self) -> None:
        """Override QDialog::accept: push the command; stay open if the service refuses."""
        if not self.ok_button.isEnabled():
            return
        command = self.make_command()
        if command is None:
            return
        self.form_error.show_error(None)
        self.workspace.undo_stack.push(command)
        if isinstance(command.error, ConflictError):
            command = self._resolve_conflict(command.error)
            if command is None:
                return
        if command.error is not None:
            show = self._field_errors.get(command.error_field or "", self.form_error.show_error)
            show(str(command.error))
            return
        self.command = command
        super().accept()

    def open_record(self, kind: str, record_id: int) -> dict[str, object]:
        """Read the record to edit (NotFoundError if it is gone); remember its version.

        Called from an edit dialog's constructor: when the record is gone the half-built
        dialog leaves its parent and is deleted, so the caller's NotFoundError (said to
        the user) leaves no hidden dialog behind in the pane that tried to open it.
        """
        try:
            values, version = self.workspace.read(
                lambda session: record_edits.current(session, kind, record_id))
        except NotFoundError:
            self.setParent(None)
            self.deleteLater()
            raise
        self.editing = Editing(kind, record_id, version, values)
        return dict(values)

    def edit_command(self, values: dict[str, object], text: str) -> ServiceCommand:
        """The command saving *values* over the version ``open_record`` read."""
        from tracker.ui.edit_commands import EditRecordCommand

        editing = self.editing
        assert editing is not None, "open_record first"
        return EditRecordCommand(self.workspace, editing.kind, editing.record_id, values,
                                 expected_version=editing.version, text=text)

    def conflict_base(self) -> dict[str, object] | None:
        """The record's fields as this dialog was opened on them (for "reapply mine")."""
        return dict(self.editing.values) if self.editing is not None else None

    def _resolve_conflict(self, conflict: ConflictError) -> ServiceCommand | None:
        """Someone saved first: let the user choose; None keeps this dialog open as typed."""
        from tracker.ui.conflict_dialog import Choice, ConflictDialog
        from tracker.ui.edit_commands import MergeRecordCommand

        dialog = ConflictDialog(conflict, self.conflict_base(), self)
        if not dialog.exec() or dialog.choice is None:
            self.form_error.show_error(
                f"Not saved: the {conflict.kind.noun} was changed by someone else.")
            return None
        if dialog.choice is Choice.THEIRS or dialog.values() == conflict.theirs:
            self.reject()  # their version stands; the user chose to drop this edit
            return None
        merge = MergeRecordCommand(self.workspace, conflict, dialog.values())
        self.workspace.undo_stack.push(merge)
        return merge


def buddy_label(text: str, buddy: QWidget) -> QLabel:
    """A form label whose &-shortcut focuses *buddy* (QFormLayout cannot do it for a layout)."""
    label = QLabel(text)
    label.setBuddy(buddy)
    return label
