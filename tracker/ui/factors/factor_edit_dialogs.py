"""Editing what the Factors view shows: a factor, one of its readings, a dependency.

Each is the matching "new" dialog (factor_dialogs.py) opened on an existing record: it
reads the record and its version when it opens, and OK saves over that version only
(CommandDialog.edit_command). If someone else saved the record in between, the conflict
dialog shows both versions; whatever the user chooses is one undoable step.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtWidgets import QWidget

from tracker.domain.timewindow import zone
from tracker.services.common.views import DependencyRow
from tracker.ui.common.commands import OperationCommand
from tracker.ui.common.forms import current_data, select_data
from tracker.ui.common.workspace import Workspace
from tracker.ui.factors.factor_dialogs import AddDependencyDialog, AddReadingDialog, NewFactorDialog


class EditFactorDialog(NewFactorDialog):
    """A factor's name and description (Factors › Edit Factor…)."""

    def __init__(self, workspace: Workspace, factor_id: int,
                 parent: QWidget | None = None) -> None:
        super().__init__(workspace, parent)
        values = self.open_record("factor", factor_id)
        self.setWindowTitle(self.tr("Edit Factor “{name}”").format(name=values["name"]))
        self.name_edit.setText(str(values["name"]))
        self.description.setPlainText(str(values["description"]))
        self.ok_button.setText(self.tr("&Save"))

    def values(self) -> dict[str, object]:
        return {"name": " ".join(self.name_edit.text().split()),
                "description": self.description.toPlainText().strip()}

    def make_command(self) -> OperationCommand | None:
        values = self.values()
        return self.edit_command(values, self.tr("Edit factor “{name}”").format(
            name=values["name"]))


class EditReadingDialog(AddReadingDialog):
    """When, level, trend and note of a reading already recorded."""

    def __init__(self, workspace: Workspace, factor_id: int, reading_id: int, tz_name: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(workspace, factor_id, tz_name, parent)
        values = self.open_record("reading", reading_id)
        self.setWindowTitle(self.tr("Edit factor reading"))
        observed = values["observed_at"]
        assert isinstance(observed, datetime)
        self._opened_at = observed
        self.when_edit.setText(f"{observed.astimezone(zone(tz_name)):%Y-%m-%d %H:%M}")
        select_data(self.level_combo, values["level"])
        select_data(self.trend_combo, values["trend"])
        self.note_edit.setText(str(values["note"]))
        self.ok_button.setText(self.tr("&Save"))

    def values(self) -> dict[str, object] | None:
        draft = self.draft()
        if draft is None:
            return None
        # The field shows minutes: the same minute typed back is the instant it was.
        observed = draft.observed_at
        if observed == self._opened_at.replace(second=0, microsecond=0):
            observed = self._opened_at
        return {"observed_at": observed, "level": draft.level, "trend": draft.trend,
                "note": draft.note.strip()}

    def make_command(self) -> OperationCommand | None:
        values = self.values()
        return None if values is None else self.edit_command(
            values, self.tr("Edit factor reading"))


class EditDependencyDialog(AddDependencyDialog):
    """How a round depends on the factor (its effect and note); the round stays."""

    def __init__(self, workspace: Workspace, row: DependencyRow,
                 parent: QWidget | None = None) -> None:
        super().__init__(workspace, row.factor_id, parent)
        values = self.open_record("dependency", row.id)
        self.setWindowTitle(self.tr("Edit dependency of “{title}”").format(
            title=row.round_title))
        self._existing.discard((row.round_id, row.effect))  # its own effect is free
        select_data(self.round_combo, row.round_id)
        self.round_combo.setEnabled(False)
        select_data(self.effect_combo, values["effect"])
        self.note_edit.setText(str(values["note"]))
        self.ok_button.setText(self.tr("&Save"))
        self._on_choice_changed()

    def values(self) -> dict[str, object]:
        return {"effect": current_data(self.effect_combo),
                "note": self.note_edit.text().strip()}

    def make_command(self) -> OperationCommand | None:
        return self.edit_command(self.values(), self.tr("Edit dependency"))
