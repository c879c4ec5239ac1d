"""Target Rules…: every rule in force, and a form to add the analyst's own.

The shipped rules (resources/target_rules.toml) are listed for review and cannot be
changed here; the analyst's rules are saved in the database (services/targets/rulebook.py
decides what a valid rule is) as one undo step each. A saved rule applies the next time
the rules run: the dialog offers to run them at once.
"""

from __future__ import annotations

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tracker.domain.target_rules import FIELDS, TargetRule
from tracker.domain.wording import say
from tracker.services.common.topics import Topic
from tracker.services.targets.rulebook import categories, remove_rule, save_rule
from tracker.storage.rules_in_force import file_rules, user_rules
from tracker.ui.common.commands import OperationCommand
from tracker.ui.common.forms import fill_combo, typed_or_listed
from tracker.ui.common.workspace import Workspace


class TargetRulesDialog(QDialog):
    """The rules in force, and the analyst's own added, replaced or removed.

    Signals:
        run_requested(): the user asked to run the rules now.
    """

    run_requested = Signal()

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self.setWindowTitle(self.tr("Target Rules"))
        headers = [self.tr("Rule"), self.tr("Category"), self.tr("Confidence"),
                   self.tr("Reads"), self.tr("Words"), self.tr("From")]
        self.table = QTableWidget(0, len(headers), self)
        self.table.setObjectName("target-rules-table")
        self.table.setAccessibleName(self.tr("Target rules in force"))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table for the form

        self.id_edit = QLineEdit(self)
        self.id_edit.setPlaceholderText(self.tr("e.g. water.pumping-station"))
        self.category_combo = QComboBox(self)
        self.category_combo.setEditable(True)
        self.confidence_spin = QDoubleSpinBox(self)
        self.confidence_spin.setRange(0.05, 1.0)
        self.confidence_spin.setSingleStep(0.05)
        self.confidence_spin.setValue(0.9)
        self.stems_edit = QPlainTextEdit(self)
        self.stems_edit.setPlaceholderText(self.tr("one per line: pumping station, насосн"))
        self.words_edit = QPlainTextEdit(self)
        self.words_edit.setPlaceholderText(self.tr("one per line, matched whole: dam"))
        for edit in (self.stems_edit, self.words_edit):
            edit.setMaximumHeight(70)
            edit.setTabChangesFocus(True)  # one word per line: Tab moves on, as in a form
        # Made after the word lists, whose rows come first: Tab follows the reading order.
        self.field_checks = {name: QCheckBox(self._field_label(name), self) for name in FIELDS}
        self.field_checks["summary"].setChecked(True)
        fields = QHBoxLayout()
        for check in self.field_checks.values():
            fields.addWidget(check)
        form_box = QGroupBox(self.tr("Your rule"), self)
        form = QFormLayout(form_box)
        for text, widget in ((self.tr("&Id:"), self.id_edit),
                             (self.tr("Cate&gory:"), self.category_combo),
                             (self.tr("C&onfidence:"), self.confidence_spin),
                             (self.tr("&Word starts:"), self.stems_edit),
                             (self.tr("W&hole words:"), self.words_edit)):
            label = QLabel(text, form_box)
            label.setBuddy(widget)
            form.addRow(label, widget)
        form.addRow(self.tr("Reads:"), fields)
        self.save_button = QPushButton(self.tr("&Save Rule"), self)
        self.remove_button = QPushButton(self.tr("&Remove Selected Rule"), self)
        self.run_button = QPushButton(self.tr("Run the Rules &Now"), self)
        self.run_button.setToolTip(self.tr("Suggest categories again for every event no "
                                           "analyst has decided"))
        self.message = QLabel(self)
        self.message.setObjectName("target-rules-message")
        self.message.setWordWrap(True)
        buttons = QHBoxLayout()
        for button in (self.save_button, self.remove_button, self.run_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(form_box)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addWidget(close)

        self.save_button.clicked.connect(self._on_save)
        self.remove_button.clicked.connect(self._on_remove)
        self.run_button.clicked.connect(self.run_requested)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.resize(900, 600)
        self.reload()

    def _field_label(self, name: str) -> str:
        return {"summary": self.tr("Notes / headline"), "sub_event_type": self.tr("Sub-event type"),
                "actors": self.tr("Actors")}[name]

    def reload(self) -> None:
        """Show the rules as they are now (after a save, a removal, an undo)."""
        own = self._workspace.read(user_rules)
        rows = [(rule, self.tr("rules file")) for rule in file_rules()]
        rows += [(rule, self.tr("yours")) for rule in own]
        self._own_ids = {rule.id for rule in own}
        self.table.setRowCount(len(rows))
        for number, (rule, origin) in enumerate(rows):
            words = ", ".join([*rule.stems, *rule.words])
            cells = (rule.id, say(rule.category), f"{rule.confidence:.2f}", ", ".join(rule.fields),
                     words, origin)
            for column, text in enumerate(cells):
                self.table.setItem(number, column, QTableWidgetItem(text))
        current = typed_or_listed(self.category_combo) if self.category_combo.count() else ""
        fill_combo(self.category_combo, [(say(name), name) for name in
                                         self._workspace.read(categories) if name != "unknown"])
        if current:
            self.category_combo.setCurrentText(say(current))
        self._update_buttons()

    def rule(self) -> TargetRule:
        """The rule the form describes (the service checks it)."""
        def lines(edit: QPlainTextEdit) -> tuple[str, ...]:
            return tuple(line.strip() for line in edit.toPlainText().splitlines()
                         if line.strip())

        return TargetRule(
            self.id_edit.text().strip(), typed_or_listed(self.category_combo).strip(),
            round(self.confidence_spin.value(), 2),
            tuple(name for name, check in self.field_checks.items() if check.isChecked()),
            lines(self.stems_edit), lines(self.words_edit))

    def _selected_own_id(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        item = self.table.item(rows[0].row(), 0)
        rule_id = item.text() if item is not None else ""
        return rule_id if rule_id in self._own_ids else None

    @Slot()
    def _update_buttons(self) -> None:
        self.remove_button.setEnabled(self._selected_own_id() is not None)

    @Slot()
    def _on_save(self) -> None:
        rule = self.rule()
        command = OperationCommand(self._workspace, self.tr("Save target rule {id}").format(
            id=rule.id), lambda session: save_rule(session, rule), Topic.EVENTS)
        if self._push(command):
            self.message.setText(self.tr("Saved. Run the rules to apply it to the events no "
                                         "analyst has decided."))

    @Slot()
    def _on_remove(self) -> None:
        rule_id = self._selected_own_id()
        if rule_id is None:
            return
        command = OperationCommand(self._workspace, self.tr("Remove target rule {id}").format(
            id=rule_id), lambda session: remove_rule(session, rule_id), Topic.EVENTS)
        if self._push(command):
            self.message.setText(self.tr("Removed."))

    def _push(self, command: OperationCommand) -> bool:
        """One undo step; a refusal is shown in the dialog, next to the form."""
        self._workspace.undo_stack.push(command)
        if command.error is not None:
            self.message.setText(str(command.error))
            return False
        self.reload()
        return True
