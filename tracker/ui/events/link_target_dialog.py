"""Link one event to a round or a factor, from the Events view ("Link to round/factor…")."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)
from sqlalchemy.orm import Session

from tracker.domain.enums import LinkKind
from tracker.domain.wording import label_of
from tracker.services import rounds
from tracker.services.common.views import EventDetail, NamedRow, RoundRow
from tracker.services.events import events
from tracker.services.events.linking import LinkSpec
from tracker.services.records import reference
from tracker.ui.common.command_dialog import CommandDialog
from tracker.ui.common.commands import OperationCommand
from tracker.ui.common.edit_dialog import EditDialog
from tracker.ui.common.forms import (
    ErrorLabel,
    compact_combo,
    current_data,
    fill_combo,
    named,
    ok_cancel_buttons,
    select_data,
)
from tracker.ui.common.workspace import Workspace
from tracker.ui.events.events_model import date_text, elide
from tracker.ui.events.link_commands import LinkEventCommand

# Target combo data: ("round" | "factor", id).
Target = tuple[str, int]


class LinkTargetDialog(EditDialog):
    """Choose the round or factor, the kind and a note; OK pushes one LinkEventCommand.

    Attributes:
        command: the command pushed on OK (None until then), for tests and callers.
    """

    def __init__(self, workspace: Workspace, event_id: int,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Link event"))
        self._workspace = workspace
        self._event_id = event_id
        self.command: LinkEventCommand | None = None

        def load(session: Session) -> tuple[EventDetail, list[RoundRow], list[NamedRow]]:
            return (events.event_detail(session, event_id), rounds.list_rounds(session),
                    reference.list_factors_named(session))

        detail, round_rows, factor_rows = workspace.read(load)
        self._existing = {(link.round_id, link.factor_id, link.kind) for link in detail.links}

        # Long round titles are elided rather than widening the dialog off screen.
        self.target_combo = compact_combo("link-target")
        fill_combo(self.target_combo, [
            *((self.tr("Round: {title} ({window})").format(
                title=row.title, window=row.window.describe()), ("round", row.id))
              for row in round_rows),
            *((self.tr("Factor: {name}").format(name=factor.name), ("factor", factor.id))
              for factor in factor_rows),
        ])
        # No parents until the form takes them, so the tab order follows the form.
        self.kind_combo = QComboBox()
        self.kind_combo.setObjectName("link-kind")
        fill_combo(self.kind_combo, [(label_of(kind).capitalize(), kind) for kind in LinkKind])
        self.note_edit = QLineEdit()
        self.note_edit.setPlaceholderText(self.tr("Why they belong together (optional)"))
        self.error_label = QLabel()
        self.error_label.setObjectName("link-error")
        self.error_label.setWordWrap(True)
        self.error_label.setTextFormat(Qt.TextFormat.PlainText)  # messages quote user text
        self.error_label.hide()
        self.buttons = ok_cancel_buttons(self, self.tr("Link"))

        # Rich text for the line break and italics; the place and summary are imported
        # text, so they are escaped ("<the grain terminal>", "casualties <10" stay words).
        row = detail.row
        place = html.escape(row.place or self.tr("place unknown"))
        event_label = named(QLabel(f"{html.escape(date_text(row))} · {place}"
                                   f"<br><i>{html.escape(elide(row.summary, 160))}</i>", self),
                            "link-event")
        event_label.setTextFormat(Qt.TextFormat.RichText)
        event_label.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(self.tr("Event:"), event_label)
        form.addRow(self.tr("Link to:"), self.target_combo)
        form.addRow(self.tr("Kind:"), self.kind_combo)
        form.addRow(self.tr("Note:"), self.note_edit)
        form.addRow(self.error_label)
        form.addRow(self.buttons)
        self.setMinimumWidth(480)

        self.target_combo.currentIndexChanged.connect(self._on_choice_changed)
        self.kind_combo.currentIndexChanged.connect(self._on_choice_changed)
        self._on_choice_changed()

    def select_target(self, kind: str, record_id: int) -> None:
        """Preselect a round (``kind="round"``) or factor (``"factor"``)."""
        select_data(self.target_combo, (kind, record_id))

    def _spec(self) -> LinkSpec | None:
        target: Target | None = current_data(self.target_combo)
        if target is None:
            return None
        kind, record_id = target
        return LinkSpec(
            event_id=self._event_id,
            round_id=record_id if kind == "round" else None,
            factor_id=record_id if kind == "factor" else None,
            kind=current_data(self.kind_combo),
            note=self.note_edit.text(),
        )

    @Slot()
    def _on_choice_changed(self) -> None:
        spec = self._spec()
        problem = ""
        if spec is None:
            problem = self.tr("There are no rounds or factors to link to yet.")
        elif (spec.round_id, spec.factor_id, spec.kind) in self._existing:
            problem = self.tr("The event is already linked there with this kind.")
        self.error_label.setText(problem)
        self.error_label.setVisible(bool(problem))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not problem)

    def accept(self) -> None:
        """Override QDialog.accept: push the link as one undoable command."""
        spec = self._spec()
        if spec is None:
            return
        command = LinkEventCommand(self._workspace, spec, text=self.tr("Link event"))
        self._workspace.undo_stack.push(command)
        if command.error is not None:
            # Someone else changed the database in between; say so and keep the dialog.
            self.error_label.setText(str(command.error))
            self.error_label.show()
            return
        self.command = command
        super().accept()


class EditLinkDialog(CommandDialog):
    """The kind and note of one link, saved over the version it was opened on.

    *target* says what the link ties together ("Round: …", or the event's summary), for
    the window title and the header.
    """

    def __init__(self, workspace: Workspace, link_id: int, target: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(workspace, parent)
        values = self.open_record("link", link_id)
        self.setWindowTitle(self.tr("Edit link"))
        header = named(QLabel(target, self), "link-edit-target")
        header.setTextFormat(Qt.TextFormat.PlainText)  # typed titles, imported summaries
        header.setWordWrap(True)
        self.kind_combo = named(QComboBox(self), "link-kind")
        fill_combo(self.kind_combo, [(label_of(kind).capitalize(), kind) for kind in LinkKind],
                   keep=values["kind"])
        self.note_edit = named(QLineEdit(str(values["note"]), self), "link-note")
        self.kind_error = ErrorLabel("link-kind-error")
        self.register_error("kind", self.kind_error.show_error)
        self.ok_button.setText(self.tr("&Save"))
        form = QFormLayout(self)
        form.addRow(header)
        form.addRow(self.tr("&Kind:"), self.kind_combo)
        form.addRow("", self.kind_error)
        form.addRow(self.tr("&Note:"), self.note_edit)
        form.addRow(self.form_error)
        form.addRow(self.buttons)
        self.setMinimumWidth(440)

    def values(self) -> dict[str, object]:
        return {"kind": current_data(self.kind_combo), "note": self.note_edit.text().strip()}

    def make_command(self) -> OperationCommand | None:
        return self.edit_command(self.values(), self.tr("Edit link"))
