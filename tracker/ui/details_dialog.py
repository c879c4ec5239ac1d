"""Editing what a round is about: title, format, agenda, outcome (not its schedule)."""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QComboBox, QFormLayout, QLineEdit, QPlainTextEdit, QWidget

from tracker.domain.enums import RoundFormat
from tracker.services.views import RoundDetail
from tracker.ui.commands import EditDetailsCommand, RoundDetails, ServiceCommand
from tracker.ui.forms import CommandDialog, ErrorLabel, current_data, fill_combo, named
from tracker.ui.workspace import Workspace


class EditDetailsDialog(CommandDialog):
    """Title, format, agenda and outcome of one round; OK pushes an EditDetailsCommand."""

    def __init__(self, workspace: Workspace, detail: RoundDetail,
                 parent: QWidget | None = None) -> None:
        super().__init__(workspace, parent)
        self.setWindowTitle("Edit Round")
        self._round_id = detail.row.id
        self._version = detail.row.version  # what a save over another editor's is checked by
        self._before = RoundDetails(detail.row.title, detail.row.format, detail.agenda.strip(),
                                    detail.outcome.strip())
        self.title_edit = named(QLineEdit(detail.row.title), "details-title")
        self.format = named(QComboBox(), "details-format")
        fill_combo(self.format, [(f.value.capitalize(), f) for f in RoundFormat],
                   keep=detail.row.format)
        self.agenda = named(QPlainTextEdit(detail.agenda), "details-agenda")
        self.outcome = named(QPlainTextEdit(detail.outcome), "details-outcome")
        self.outcome.setPlaceholderText("What was agreed, or why nothing was")
        for edit in (self.agenda, self.outcome):
            edit.setTabChangesFocus(True)
            edit.setFixedHeight(edit.fontMetrics().lineSpacing() * 5)
        self.title_error = ErrorLabel("details-title-error")
        self.register_error("title", self.title_error.show_error)
        self.ok_button.setText("&Save")

        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.addRow("T&itle:", self.title_edit)
        form.addRow("", self.title_error)
        form.addRow("&Format:", self.format)
        form.addRow("&Agenda:", self.agenda)
        form.addRow("&Outcome:", self.outcome)
        form.addRow(self.form_error)
        form.addRow(self.buttons)
        self.resize(560, self.sizeHint().height())

        self.title_edit.textChanged.connect(self._validate)
        self.format.currentIndexChanged.connect(self._validate)
        self.agenda.textChanged.connect(self._validate)
        self.outcome.textChanged.connect(self._validate)
        self._validate()

    def details(self) -> RoundDetails:
        return RoundDetails(" ".join(self.title_edit.text().split()),
                            current_data(self.format),
                            self.agenda.toPlainText().strip(),
                            self.outcome.toPlainText().strip())

    def make_command(self) -> ServiceCommand | None:
        return EditDetailsCommand(self.workspace, self._round_id, self.details(),
                                  expected_version=self._version)

    def conflict_base(self) -> dict[str, object] | None:
        before = self._before
        return {"title": before.title, "format": before.format, "agenda": before.agenda,
                "outcome": before.outcome}

    @Slot()
    def _validate(self) -> None:
        details = self.details()
        self.title_error.show_error(None if details.title else "A round needs a title")
        self.ok_button.setEnabled(bool(details.title) and details != self._before)
