"""Edit › Reconcile Datasets…: pairs of events that two datasets both report, for review.

The analyst picks two datasets and a distance and finds the candidate pairs (on the
runner, with progress and Cancel), then reads each pair side by side and accepts or
rejects it, or accepts every pair above a score. Each decision is one undoable step
(OperationCommand over services/reconcile/decisions.py); an accepted pair counts once,
with the figures of the dataset the project prefers (the setting at the bottom).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QItemSelection, Qt, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from tracker.domain.matches import DEFAULT_MAX_KM, MatchStatus
from tracker.services.common.outcome import Outcome
from tracker.services.common.topics import Topic
from tracker.services.reconcile import decisions
from tracker.services.reconcile.finding import (
    LARGEST_MAX_KM,
    FindProgress,
    FindResult,
    SearchRefused,
    find_candidates,
    search_terms,
)
from tracker.services.reconcile.pairs import PairRow, count_pairs, datasets, list_pairs
from tracker.storage.database import Database
from tracker.ui.common.commands import OperationCommand, push_or_report
from tracker.ui.common.db_op import DbOp, OpHandle, query_op
from tracker.ui.common.error_boundary import Failure
from tracker.ui.common.workspace import Workspace
from tracker.ui.events.reconcile_model import MatchIdRole, PairsModel, pair_html


@dataclass(frozen=True, slots=True)
class _Review:
    """What the dialog shows, read in one go on the runner."""

    pairs: list[PairRow]
    total: int
    datasets: list[str]
    preferred: list[str]


class ReconcileDialog(QDialog):
    """Find, read and decide candidate pairs between two datasets."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._handle: OpHandle | None = None
        self.setObjectName("reconcile-dialog")
        self.setWindowTitle(self.tr("Reconcile Datasets"))
        self.model = PairsModel(self)
        self._build()
        self._connect()
        self.resize(1200, 720)
        self.reload()

    # -- building ---------------------------------------------------------------------------

    def _build(self) -> None:
        self.left_combo = self._combo("reconcile-left", self.tr("First dataset"))
        self.right_combo = self._combo("reconcile-right", self.tr("Second dataset"))
        self.distance = QDoubleSpinBox(self)
        self.distance.setObjectName("reconcile-distance")
        self.distance.setAccessibleName(self.tr("Largest distance in kilometres"))
        self.distance.setRange(0.1, LARGEST_MAX_KM)
        self.distance.setDecimals(1)
        self.distance.setValue(DEFAULT_MAX_KM)
        self.distance.setSuffix(self.tr(" km"))
        self.find_button = self._button("reconcile-find", self.tr("&Find Pairs"))
        self.cancel_button = self._button("reconcile-cancel", self.tr("Cancel Searc&h"))
        self.cancel_button.hide()
        self.progress = QProgressBar(self)
        self.progress.setObjectName("reconcile-progress")
        self.progress.setAccessibleName(self.tr("Search progress"))
        self.progress.hide()
        search = QHBoxLayout()
        for label, field in ((self.tr("F&irst dataset:"), self.left_combo),
                             (self.tr("&Second dataset:"), self.right_combo),
                             (self.tr("&Within:"), self.distance)):
            search.addWidget(self._label(label, field))
            search.addWidget(field)
        search.addWidget(self.find_button)
        search.addWidget(self.progress, 1)
        search.addWidget(self.cancel_button)

        self.status_filter = self._combo("reconcile-status", self.tr("Pairs shown"))
        for text, status in ((self.tr("Proposed"), MatchStatus.PROPOSED),
                             (self.tr("Accepted"), MatchStatus.ACCEPTED),
                             (self.tr("Rejected"), MatchStatus.REJECTED),
                             (self.tr("All"), None)):
            self.status_filter.addItem(text, status)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("reconcile-count")
        self.message = QLabel(self)
        self.message.setObjectName("reconcile-message")
        self.message.setWordWrap(True)
        shown = QHBoxLayout()
        shown.addWidget(self._label(self.tr("Sh&ow:"), self.status_filter))
        shown.addWidget(self.status_filter)
        shown.addWidget(self.count_label)
        shown.addWidget(self.message, 1)

        self.table = QTableView(self)
        self.table.setObjectName("reconcile-pairs")
        self.table.setAccessibleName(self.tr("Candidate pairs"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.detail = QTextBrowser(self)
        self.detail.setObjectName("reconcile-detail")
        self.detail.setAccessibleName(self.tr("The selected pair side by side"))

        self.accept_button = self._button("reconcile-accept", self.tr("&Accept"))
        self.reject_button = self._button("reconcile-reject", self.tr("&Reject"))
        self.above_button = self._button("reconcile-accept-above",
                                         self.tr("Accept All A&bove"))
        self.min_score = QDoubleSpinBox(self)
        self.min_score.setObjectName("reconcile-min-score")
        self.min_score.setAccessibleName(self.tr("Lowest score accepted"))
        self.min_score.setRange(0.0, 1.0)
        self.min_score.setSingleStep(0.05)
        self.min_score.setValue(0.8)
        self.preferred_combo = self._combo("reconcile-preferred",
                                           self.tr("Whose figures an accepted pair shows"))
        decide = QGridLayout()
        decide.addWidget(self.accept_button, 0, 0)
        decide.addWidget(self.reject_button, 0, 1)
        decide.addWidget(self.above_button, 0, 2)
        decide.addWidget(self.min_score, 0, 3)
        decide.setColumnStretch(4, 1)
        decide.addWidget(self._label(self.tr("&Prefer figures of:"), self.preferred_combo), 0, 5)
        decide.addWidget(self.preferred_combo, 0, 6)
        self._shortcut(self.tr("A"), self._on_accept)
        self._shortcut(self.tr("R"), self._on_reject)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(search)
        layout.addLayout(shown)
        layout.addWidget(self.table, 3)
        layout.addWidget(self.detail, 2)
        layout.addLayout(decide)
        layout.addWidget(buttons)

    def _combo(self, name: str, accessible: str) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(name)
        combo.setAccessibleName(accessible)
        # Dataset names are the user's: as wide as the longest, never cut to "each pai".
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        return combo

    def _button(self, name: str, text: str) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setAutoDefault(False)
        return button

    def _label(self, text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text, self)
        label.setBuddy(buddy)
        return label

    def _shortcut(self, keys: str, slot: Callable[[], None]) -> None:
        """A one-key shortcut while the pairs have the focus (A accepts, R rejects)."""
        action = QAction(self.table)
        action.setShortcut(QKeySequence(keys))
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        action.triggered.connect(slot)
        self.table.addAction(action)

    def _connect(self) -> None:
        self.find_button.clicked.connect(self._on_find)
        self.cancel_button.clicked.connect(self._on_cancel)
        self.status_filter.currentIndexChanged.connect(self.reload)
        self.table.selectionModel().selectionChanged.connect(self._on_selection)
        self.accept_button.clicked.connect(self._on_accept)
        self.reject_button.clicked.connect(self._on_reject)
        self.above_button.clicked.connect(self._on_accept_above)
        self.preferred_combo.activated.connect(self._on_preferred)
        self._workspace.changed.connect(self._on_changed)
        self._workspace.database_replaced.connect(self.reload)
        self._update_buttons()

    # -- reading ----------------------------------------------------------------------------

    @Slot()
    def reload(self) -> None:
        """Read the pairs the filter shows, the datasets and the preference (runner)."""
        status = self.status_filter.currentData()

        def read(session: Session) -> _Review:
            return _Review(list_pairs(session, status), count_pairs(session, status),
                           datasets(session), decisions.preferred(session))

        self._workspace.runner.submit(
            query_op(self.tr("Read Pairs"), self.tr("reading the pairs"), read)
            .on_success(self._show).owned_by(self).replacing("reconcile-pairs"))

    def _show(self, review: _Review) -> None:
        selected = self.selected_ids()
        self.model.set_rows(review.pairs)
        total = review.total
        self.count_label.setText(self.tr("%1 of %Ln pair(s)", "", total).replace(
            "%1", f"{len(review.pairs):,}"))
        self._fill_datasets(review.datasets, review.preferred)
        row = self.model.row_of(selected[0]) if selected else None
        self.table.selectRow(row if row is not None else 0)
        self._on_selection()

    def _fill_datasets(self, names: list[str], preferred: list[str]) -> None:
        for combo, fallback in ((self.left_combo, 0), (self.right_combo, 1)):
            kept = combo.currentText()
            combo.clear()
            combo.addItems(names)
            if kept in names:
                combo.setCurrentText(kept)
            elif len(names) > fallback:
                combo.setCurrentIndex(fallback)
        self.preferred_combo.clear()
        self.preferred_combo.addItem(self.tr("each pair's first dataset"), "")
        for name in names:
            self.preferred_combo.addItem(name, name)
        index = self.preferred_combo.findData(preferred[0] if preferred else "")
        self.preferred_combo.setCurrentIndex(max(0, index))

    def selected_ids(self) -> list[int]:
        return [index.data(MatchIdRole) for index in self.table.selectionModel().selectedRows()]

    @Slot()
    def _on_selection(self, *_args: QItemSelection) -> None:
        rows = self.table.selectionModel().selectedRows()
        pair = self.model.row_at(rows[0].row()) if rows else None
        if pair is None:
            hint = self.tr("Select a pair to compare its events.")
            self.detail.setHtml(f"<p><i>{hint}</i></p>")
        else:
            labels = {"dataset": self.tr("Dataset"), "date": self.tr("Date"),
                      "place": self.tr("Place"), "type": self.tr("Type"),
                      "fatalities": self.tr("Fatalities"), "notes": self.tr("Notes"),
                      "heading": self.tr("Score %1, %2 km apart, %3")}
            self.detail.setHtml(pair_html(pair, labels, self.model.status_text(pair.status)))
        self._update_buttons()

    def _update_buttons(self) -> None:
        chosen = bool(self.selected_ids())
        self.accept_button.setEnabled(chosen)
        self.reject_button.setEnabled(chosen)
        self.above_button.setEnabled(self.model.rowCount() > 0)

    @Slot(object)
    def _on_changed(self, topic: Topic) -> None:
        if topic & Topic.EVENTS:
            self.reload()

    # -- the search --------------------------------------------------------------------------

    @Slot()
    def _on_find(self) -> None:
        try:
            terms = search_terms(self.left_combo.currentText(), self.right_combo.currentText(),
                                 self.distance.value())
        except SearchRefused as refused:  # said where the search is asked
            self.message.setText(str(refused))
            return

        def work(db: Database, handle: OpHandle) -> FindResult:
            with db.transaction() as session:
                return find_candidates(session, terms, progress=handle.report,
                                       cancel=handle.cancel_event)

        self.message.setText(self.tr("Searching…"))
        self._searching(True)
        self._handle = self._workspace.runner.submit(
            DbOp(self.tr("Find Pairs"), self.tr("the search for pairs"), work)
            .on_progress(self._on_progress).on_success(self._on_found)
            .on_failure(self._on_search_failed).cancellable().cancelled_on_leave()
            .pausing_edits(self.tr("pairs are being searched for")).owned_by(self))

    def _searching(self, running: bool) -> None:
        self.find_button.setEnabled(not running)
        self.cancel_button.setVisible(running)
        self.progress.setVisible(running)
        self.progress.setValue(0)

    @Slot()
    def _on_cancel(self) -> None:
        if self._handle is not None:
            self._handle.cancel()

    def _on_progress(self, update: FindProgress) -> None:
        self.progress.setValue(int(update.fraction * 100))

    def _on_found(self, result: FindResult) -> None:
        self._searching(False)
        proposed = result.proposed
        self.message.setText(self.tr("%Ln pair(s) proposed (%1 already decided) in %2 s", "",
                                     proposed)
                             .replace("%1", f"{result.decided:,}")
                             .replace("%2", f"{result.seconds:.1f}"))
        self._workspace.changed_elsewhere(Topic.EVENTS)

    def _on_search_failed(self, failure: Failure) -> None:
        self._searching(False)
        self.message.setText(self.tr("Search cancelled; nothing changed.")
                             if failure.cancelled else failure.message)

    # -- decisions ---------------------------------------------------------------------------

    def _push(self, text: str, operation: Callable[[Session], Outcome]) -> None:
        push_or_report(self._workspace, OperationCommand(
            self._workspace, text, operation, Topic.EVENTS))

    @Slot()
    def _on_accept(self) -> None:
        ids = self.selected_ids()
        if ids:
            self._push(self.tr("Accept Pair"), lambda s: decisions.accept(s, ids))

    @Slot()
    def _on_reject(self) -> None:
        ids = self.selected_ids()
        if ids:
            self._push(self.tr("Reject Pair"), lambda s: decisions.reject(s, ids))

    @Slot()
    def _on_accept_above(self) -> None:
        score = self.min_score.value()
        self._push(self.tr("Accept Pairs Above %1").replace("%1", f"{score:.2f}"),
                   lambda s: decisions.accept_above(s, score))

    @Slot(int)
    def _on_preferred(self, index: int) -> None:
        chosen = self.preferred_combo.itemData(index)
        others = [self.preferred_combo.itemData(i) for i in range(1, self.preferred_combo.count())
                  if self.preferred_combo.itemData(i) != chosen]
        order = [chosen, *others] if chosen else []
        self._push(self.tr("Prefer Figures"), lambda s: decisions.set_preferred(s, order))
