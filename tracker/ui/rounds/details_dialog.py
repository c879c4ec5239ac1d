"""Editing what a round is about: its fields that are not its schedule.

The round is one kind of record like the others: the dialog opens it with
``open_record`` and saves through ``edit_record`` (CommandDialog.edit_command), checked
against the version it read, so a colleague's change in between is shown, not lost.
"""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QComboBox, QFormLayout, QLineEdit, QPlainTextEdit, QWidget

from tracker.domain.enums import RoundFormat, RoundModality
from tracker.domain.wording import label_of
from tracker.services.common.views import RoundDetail
from tracker.services.records.conflicts_kinds import DETAIL_FIELDS
from tracker.ui.common.command_dialog import CommandDialog
from tracker.ui.common.commands import OperationCommand
from tracker.ui.common.forms import ErrorLabel, current_data, fill_combo, named
from tracker.ui.common.workspace import Workspace
from tracker.ui.rounds.modality_words import modality_text


def modality_combo(name: str, keep: object) -> QComboBox:
    """A choice of the round's modality, showing *keep*."""
    combo = named(QComboBox(), name)
    fill_combo(combo, [(modality_text(m), m) for m in RoundModality], keep=keep)
    return combo


class EditDetailsDialog(CommandDialog):
    """Title, format, modality, agenda and outcome of one round; OK saves them as one undo
    step."""

    def __init__(self, workspace: Workspace, detail: RoundDetail,
                 parent: QWidget | None = None) -> None:
        super().__init__(workspace, parent)
        self.setWindowTitle(self.tr("Edit Round"))
        opened = self.open_record("round", detail.row.id)
        self.title_edit = named(QLineEdit(str(opened["title"])), "details-title")
        self.format = named(QComboBox(), "details-format")
        fill_combo(self.format, [(label_of(f).capitalize(), f) for f in RoundFormat],
                   keep=opened["format"])
        self.modality = modality_combo("details-modality", opened["modality"])
        self.agenda = named(QPlainTextEdit(str(opened["agenda"])), "details-agenda")
        self.outcome = named(QPlainTextEdit(str(opened["outcome"])), "details-outcome")
        self.outcome.setPlaceholderText(self.tr("What was agreed, or why nothing was"))
        for edit in (self.agenda, self.outcome):
            edit.setTabChangesFocus(True)
            edit.setFixedHeight(edit.fontMetrics().lineSpacing() * 5)
        self._before = self.values()
        self.title_error = ErrorLabel("details-title-error")
        self.register_error("title", self.title_error.show_error)
        self.ok_button.setText(self.tr("&Save"))

        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.addRow(self.tr("T&itle:"), self.title_edit)
        form.addRow("", self.title_error)
        form.addRow(self.tr("&Format:"), self.format)
        form.addRow(self.tr("&Modality:"), self.modality)
        form.addRow(self.tr("&Agenda:"), self.agenda)
        form.addRow(self.tr("&Outcome:"), self.outcome)
        form.addRow(self.form_error)
        form.addRow(self.buttons)
        self.resize(560, self.sizeHint().height())

        self.title_edit.textChanged.connect(self._validate)
        self.format.currentIndexChanged.connect(self._validate)
        self.modality.currentIndexChanged.connect(self._validate)
        self.agenda.textChanged.connect(self._validate)
        self.outcome.textChanged.connect(self._validate)
        self._validate()

    def values(self) -> dict[str, object]:
        """The detail fields as typed (spaces tidied as the service will)."""
        typed = {"title": " ".join(self.title_edit.text().split()),
                 "format": current_data(self.format),
                 "modality": current_data(self.modality),
                 "agenda": self.agenda.toPlainText().strip(),
                 "outcome": self.outcome.toPlainText().strip()}
        return {field: typed[field] for field in DETAIL_FIELDS}

    def make_command(self) -> OperationCommand | None:
        values = self.values()
        return self.edit_command(values, self.tr("Edit “{title}”").format(title=values["title"]))

    def conflict_base(self) -> dict[str, object] | None:
        return dict(self._before)

    @Slot()
    def _validate(self) -> None:
        values = self.values()
        self.title_error.show_error(None if values["title"] else self.tr("A round needs a title"))
        self.ok_button.setEnabled(bool(values["title"]) and values != self._before)
