"""Reviewing target categories in the Events tab: accept, override, re-run the rules.

The bar under the filters acts on the selected events: Accept Suggestion keeps what the
rules suggested as the analyst's choice, Set Target… chooses another category; both are
one undo step (services/targets/review.py through OperationCommand). Suggest Categories
runs the rules over the events no analyst decided, on the window's runner with progress
and Cancel (storage/rule_pass.py); Target Rules… shows the rules and lets the
analyst add their own (target_rules_dialog.py).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QWidget,
)

from tracker.domain.wording import say
from tracker.services.common.topics import Topic
from tracker.services.targets.categorising import categorise
from tracker.services.targets.review import TargetReason, accept_suggestions, choose_category
from tracker.services.targets.rulebook import categories
from tracker.storage.database import Database
from tracker.storage.rule_pass import ANALYST, RULE, PassResult
from tracker.ui.common.commands import OperationCommand, push_or_report
from tracker.ui.common.date_text import utc_text
from tracker.ui.common.db_op import DbOp, OpHandle
from tracker.ui.common.edit_dialog import writes
from tracker.ui.common.error_boundary import Failure
from tracker.ui.common.language import translate
from tracker.ui.common.workspace import Workspace


def target_text(category: str, reason: TargetReason | None) -> str:
    """The category and why it is there, for the event pane ("energy — suggested by …")."""
    if not category:
        return ""
    category = say(category)
    if reason is None or reason.source is None:
        return category
    if reason.source == ANALYST:
        when = utc_text(reason.decided_at) if reason.decided_at else ""
        return translate("TargetReview", "{category} — chosen by an analyst {when}").format(
            category=category, when=when).rstrip()
    if reason.source == RULE and reason.rule_id:
        found = ", ".join(f"“{word}”" for word in reason.matched)
        words = found or translate("TargetReview", "(rule since changed)")
        return translate("TargetReview", "{category} — suggested by rule {rule} (confidence "
                                         "{confidence:.2f}; found {words}); not reviewed").format(
            category=category, rule=reason.rule_id, confidence=reason.confidence or 0.0,
            words=words)
    return translate("TargetReview", "{category} — no rule found a target in this record; "
                                     "not reviewed").format(category=category)


class TargetDecisionCommand(OperationCommand):
    """Accept the suggestions of, or choose a category for, events: one undo step."""

    def __init__(self, workspace: Workspace, event_ids: Sequence[int],
                 category: str | None) -> None:
        ids = list(event_ids)
        if category is None:
            text = translate("TargetReview", "Accept suggested target")
            super().__init__(workspace, text, lambda s: accept_suggestions(s, ids),
                             Topic.EVENTS)
        else:
            text = translate("TargetReview", "Set target to {category}").format(
                category=say(category))
            super().__init__(workspace, text, lambda s: choose_category(s, ids, category),
                             Topic.EVENTS)


class ChooseTargetDialog(QDialog):
    """Pick a target category for the selected events; a new name adds a category."""

    def __init__(self, names: Sequence[str], count: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Set Target"))
        self.combo = QComboBox(self)
        self.combo.setEditable(True)
        self.combo.addItems(list(names))
        self.combo.setAccessibleName(self.tr("Target category"))
        label = QLabel(self.tr("&Target of the {count} selected events:").format(count=count)
                       if count != 1 else self.tr("&Target of the selected event:"), self)
        label.setBuddy(self.combo)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(label, self.combo)
        form.addRow(buttons)

    def category(self) -> str:
        return self.combo.currentText().strip()


class TargetReviewBar(QWidget):
    """Buttons that review the selected events' targets, and run the rules again.

    Signals:
        rules_requested(): the user asked for the rules dialog.
    """

    rules_requested = Signal()

    def __init__(self, workspace: Workspace, selected_ids: Callable[[], list[int]],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._selected_ids = selected_ids
        self._handle: OpHandle | None = None
        self.dialog: ChooseTargetDialog | None = None
        self.accept_button = writes(QPushButton(self.tr("&Accept Suggested Target"), self))
        self.accept_button.setObjectName("accept-target-button")
        self.accept_button.setToolTip(self.tr(
            "Keep the category the rules suggested for the selected events as your choice"))
        self.choose_button = writes(QPushButton(self.tr("Set Tar&get…"), self))
        self.choose_button.setObjectName("set-target-button")
        self.choose_button.setToolTip(self.tr("Choose the target category of the selected "
                                              "events yourself"))
        self.suggest_button = writes(QPushButton(self.tr("Suggest Categor&ies"), self))
        self.suggest_button.setObjectName("suggest-targets-button")
        self.suggest_button.setToolTip(self.tr(
            "Run the target rules over every event no analyst has decided"))
        self.rules_button = QPushButton(self.tr("Target &Rules…"), self)
        self.rules_button.setObjectName("target-rules-button")
        self.status = QLabel(self)
        self.status.setObjectName("target-pass-status")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for button in (self.accept_button, self.choose_button, self.suggest_button,
                       self.rules_button):
            layout.addWidget(button)
        layout.addWidget(self.status, 1)
        self.accept_button.clicked.connect(self._on_accept)
        self.choose_button.clicked.connect(self._on_choose)
        self.suggest_button.clicked.connect(self.suggest)
        self.rules_button.clicked.connect(self.rules_requested)
        self.update_for_selection()

    def update_for_selection(self) -> None:
        chosen = bool(self._selected_ids())
        self.accept_button.setEnabled(chosen)
        self.choose_button.setEnabled(chosen)

    @Slot()
    def _on_accept(self) -> None:
        ids = self._selected_ids()
        if ids:
            push_or_report(self._workspace, TargetDecisionCommand(self._workspace, ids, None))

    @Slot()
    def _on_choose(self) -> None:
        ids = self._selected_ids()
        if not ids:
            return
        names = self._workspace.read(categories)
        self.dialog = ChooseTargetDialog(names, len(ids), self)
        self.dialog.accepted.connect(lambda: self._chosen(ids))
        self.dialog.finished.connect(self._on_dialog_finished)
        self.dialog.open()

    def _chosen(self, ids: list[int]) -> None:
        if self.dialog is not None and self.dialog.category():
            push_or_report(self._workspace, TargetDecisionCommand(
                self._workspace, ids, self.dialog.category()))

    @Slot()
    def _on_dialog_finished(self) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = None

    @Slot()
    def suggest(self) -> None:
        """Run the rules over the undecided events on the runner (Cancel in the status bar)."""
        def work(db: Database, handle: OpHandle) -> PassResult:
            return categorise(db, progress=lambda done, total: handle.report((done, total)),
                              cancel=handle.cancel_event)

        self.status.setText(self.tr("Suggesting target categories…"))
        self.suggest_button.setEnabled(False)
        self._handle = self._workspace.runner.submit(
            DbOp(self.tr("Suggest target categories"), self.tr("the target categories"), work)
            .cancellable()
            .pausing_edits(self.tr("target categories are being suggested"))
            .owned_by(self)
            .on_progress(self._on_progress)
            .on_success(self._on_done)
            .on_failure(self._on_failed))

    def _on_progress(self, update: object) -> None:
        done, total = update if isinstance(update, tuple) else (0, 0)
        self.status.setText(self.tr("Suggesting target categories: {done:,} of {total:,} "
                                    "events…").format(done=done, total=total))

    def _on_done(self, result: PassResult) -> None:
        self.suggest_button.setEnabled(True)
        examined = result.examined
        self.status.setText(self.tr("%Ln event(s) looked at; the rules found a target in %1.",
                                    "", examined).replace("%1", f"{result.categorised:,}"))
        self._workspace.changed_elsewhere(Topic.EVENTS)

    def _on_failed(self, failure: Failure) -> None:
        self.suggest_button.setEnabled(True)
        self.status.setText(failure.message)
