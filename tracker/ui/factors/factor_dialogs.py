"""Dialogs of the Factors view: a new factor, a reading, a round dependency. Each pushes one
undoable command on OK and stays open (with the reason) when the input is not valid."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)
from sqlalchemy.orm import Session

from tracker.domain.dates import DateParseError, parse_window
from tracker.domain.enums import DependencyEffect, FactorLevel, FactorTrend, Precision
from tracker.domain.timewindow import zone
from tracker.domain.wording import label_of
from tracker.services import rounds
from tracker.services.common.views import DependencyRow, RoundRow
from tracker.services.factors import factors
from tracker.services.factors.factors import DependencySpec, ReadingDraft
from tracker.ui.common.command_dialog import CommandDialog
from tracker.ui.common.commands import OperationCommand
from tracker.ui.common.date_text import instant_text
from tracker.ui.common.forms import (
    ErrorLabel,
    buddy_label,
    compact_combo,
    current_data,
    fill_combo,
    named,
    select_data,
)
from tracker.ui.common.workspace import Workspace
from tracker.ui.events.link_commands import AddDependencyCommand, AddReadingCommand
from tracker.ui.factors.factor_commands import CreateFactorCommand
from tracker.ui.factors.factors_model import trend_text


class AddReadingDialog(CommandDialog):
    """When (typed, read in the user's zone), level, trend and note of a new reading."""

    def __init__(self, workspace: Workspace, factor_id: int, tz_name: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(workspace, parent)
        self.setWindowTitle(self.tr("Add factor reading"))
        self._factor_id = factor_id
        self._tz = tz_name
        self._observed: datetime | None = None

        now = datetime.now(zone(tz_name))
        self.when_edit = named(QLineEdit(f"{now:%Y-%m-%d %H:%M}"), "reading-when")
        self.when_edit.setToolTip(self.tr("A date and time in {zone}, e.g. '2026-02-01 14:30' "
                                          "or '1 Feb 2026' (midnight)").format(zone=tz_name))
        # How the text was read ("Read as …"), or why it could not be: not only an error,
        # so a plain label, but it quotes what was typed: never read as HTML.
        self.when_label = named(QLabel(), "reading-when-parsed")
        self.when_label.setTextFormat(Qt.TextFormat.PlainText)
        self.when_label.setWordWrap(True)
        self.register_error("observed_at", self.when_label.setText)
        self.level_combo = QComboBox()
        fill_combo(self.level_combo, [(label_of(level), level) for level in FactorLevel])
        self.trend_combo = QComboBox()
        fill_combo(self.trend_combo, [(trend_text(trend), trend) for trend in FactorTrend])
        # A new reading usually moves one step from the last one; start from there.
        latest = workspace.read(lambda s: factors.factor_row(s, factor_id)).latest
        if latest is not None:
            select_data(self.level_combo, latest.level)
            select_data(self.trend_combo, latest.trend)
        self.note_edit = QLineEdit()
        self.note_edit.setPlaceholderText(self.tr("What was observed, and where it was reported"))
        self.ok_button.setText(self.tr("Add reading"))

        form = QFormLayout(self)
        form.addRow(self.tr("Observed at ({zone}):").format(zone=tz_name), self.when_edit)
        form.addRow("", self.when_label)
        form.addRow(self.tr("Level:"), self.level_combo)
        form.addRow(self.tr("Trend:"), self.trend_combo)
        form.addRow(self.tr("Note:"), self.note_edit)
        form.addRow(self.form_error)  # the factor was deleted meanwhile, say
        form.addRow(self.buttons)
        self.setMinimumWidth(440)
        self.when_edit.textChanged.connect(self._on_when_changed)
        self._on_when_changed()

    @Slot()
    def _on_when_changed(self) -> None:
        self._observed = None
        try:
            window = parse_window(self.when_edit.text(), self._tz)
            if window.precision not in (Precision.EXACT, Precision.DAY) or not window.start:
                raise DateParseError(self.tr("A reading needs a day or a time, not a week or "
                                             "month"))
            self._observed = window.start
            self.when_label.setText(self.tr("Read as {when}").format(
                when=instant_text(window.start, self._tz)))
        except DateParseError as exc:
            self.when_label.setText(str(exc))
        self.ok_button.setEnabled(self._observed is not None)

    def draft(self) -> ReadingDraft | None:
        if self._observed is None:
            return None
        return ReadingDraft(self._observed, current_data(self.level_combo),
                            current_data(self.trend_combo), self.note_edit.text())

    def make_command(self) -> OperationCommand | None:
        draft = self.draft()
        return None if draft is None else AddReadingCommand(self.workspace, self._factor_id,
                                                             draft)


class AddDependencyDialog(CommandDialog):
    """Which round depends on the factor, and how (may postpone, may relocate, …)."""

    def __init__(self, workspace: Workspace, factor_id: int,
                 parent: QWidget | None = None) -> None:
        super().__init__(workspace, parent)
        self.setWindowTitle(self.tr("Add dependency"))
        self._factor_id = factor_id

        def load(session: Session) -> tuple[list[RoundRow], list[DependencyRow]]:
            detail = factors.factor_detail(session, factor_id)
            return rounds.list_rounds(session), list(detail.dependents)

        round_rows, existing = workspace.read(load)
        self._existing = {(row.round_id, row.effect) for row in existing}
        self.round_combo = compact_combo("dependency-round")
        fill_combo(self.round_combo,
                   [(f"{row.title} ({row.window.describe()})", row.id) for row in round_rows])
        self.effect_combo = named(QComboBox(), "dependency-effect")
        fill_combo(self.effect_combo, [(label_of(effect), effect) for effect in DependencyEffect])
        self.note_edit = QLineEdit()
        self.note_edit.setPlaceholderText(self.tr("How the factor bears on the round"))
        self.error_label = ErrorLabel("dependency-error")
        for field in ("round", "effect"):
            self.register_error(field, self.error_label.show_error)
        self.ok_button.setText(self.tr("Add dependency"))

        form = QFormLayout(self)
        form.addRow(self.tr("Round:"), self.round_combo)
        form.addRow(self.tr("Effect:"), self.effect_combo)
        form.addRow(self.tr("Note:"), self.note_edit)
        form.addRow(self.error_label)
        form.addRow(self.form_error)  # the round or factor was deleted meanwhile, say
        form.addRow(self.buttons)
        self.setMinimumWidth(440)
        self.round_combo.currentIndexChanged.connect(self._on_choice_changed)
        self.effect_combo.currentIndexChanged.connect(self._on_choice_changed)
        self._on_choice_changed()

    def spec(self) -> DependencySpec | None:
        round_id: int | None = current_data(self.round_combo)
        if round_id is None:
            return None
        return DependencySpec(round_id, self._factor_id, current_data(self.effect_combo),
                              self.note_edit.text())

    @Slot()
    def _on_choice_changed(self) -> None:
        spec = self.spec()
        problem = ""
        if spec is None:
            problem = self.tr("There are no rounds yet.")
        elif (spec.round_id, spec.effect) in self._existing:
            problem = self.tr("The round already depends on this factor that way.")
        self.error_label.show_error(problem)
        self.ok_button.setEnabled(not problem)

    def make_command(self) -> OperationCommand | None:
        spec = self.spec()
        return None if spec is None else AddDependencyCommand(self.workspace, spec)


class NewFactorDialog(CommandDialog):
    """Name and description of a new outside factor (Edit › New Factor…)."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(workspace, parent)
        self.setWindowTitle(self.tr("New Factor"))
        self.name_edit = named(QLineEdit(), "factor-name")
        self.name_edit.setPlaceholderText(self.tr("e.g. Black Sea grain corridor"))
        self.description = named(QPlainTextEdit(), "factor-description")
        self.description.setPlaceholderText(
            self.tr("What the condition is and how it bears on the talks"))
        self.description.setTabChangesFocus(True)
        self.description.setFixedHeight(self.description.fontMetrics().lineSpacing() * 4)
        self.name_error = ErrorLabel("factor-name-error")
        self.register_error("name", self.name_error.show_error)
        self.ok_button.setText(self.tr("C&reate Factor"))

        form = QFormLayout(self)
        form.addRow(buddy_label(self.tr("&Name:"), self.name_edit), self.name_edit)
        form.addRow("", self.name_error)
        form.addRow(buddy_label(self.tr("&Description:"), self.description), self.description)
        form.addRow(self.form_error)
        form.addRow(self.buttons)
        self.setMinimumWidth(480)
        self.name_edit.textChanged.connect(self._validate)
        self._validate()

    def make_command(self) -> OperationCommand | None:
        return CreateFactorCommand(self.workspace, self.name_edit.text(),
                                   self.description.toPlainText())

    @Slot()
    def _validate(self) -> None:
        # Say why OK is off once something was typed: a name of spaces only is no name.
        has_name = bool(self.name_edit.text().strip())
        self.name_error.show_error(
            None if has_name or not self.name_edit.text() else self.tr("A factor needs a name"))
        self.ok_button.setEnabled(has_name)
