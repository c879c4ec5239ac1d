"""The Rounds tab: a filterable, sortable table of rounds beside the selected round's details."""

from __future__ import annotations

from PySide6.QtCore import (
    QByteArray,
    QItemSelection,
    QModelIndex,
    QSignalBlocker,
    QSize,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSplitter,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from tracker.services.common.views import RoundRow
from tracker.services.rounds import AsOf
from tracker.ui.common import settings as options
from tracker.ui.common.column_widths import size_columns
from tracker.ui.common.date_text import day_text
from tracker.ui.common.forms import named
from tracker.ui.common.placeholder import ViewPlaceholder
from tracker.ui.common.settings import Settings
from tracker.ui.common.workspace import Workspace
from tracker.ui.rounds.round_detail import RoundDetailPane
from tracker.ui.rounds.rounds_model import (
    COLUMNS,
    STATUS,
    TITLE,
    WHEN_USER,
    WHEN_VENUE,
    RoundIdRole,
    RoundsProxyModel,
    RoundsTableModel,
    RowRole,
)

# Starting widths (typical text per column) until the user's own header state is restored.
_SAMPLES = ("Trilateral talks announced for the", "US-brokered trilateral",
            "Postponed", "week of 2 Feb 2026 (to 8 Feb 2026)",
            "week of 2 Feb 2026 (to 8 Feb 2026)", "Dolmabahçe Palace", "UA, RU, US (mediator)",
            "Linked events")


class RoundsView(QWidget):
    """Rounds table, filter, action buttons and the detail pane.

    Signals:
        round_selected(object): the current round's id, or None when nothing is selected.
        round_activated(int): a round was double-clicked or Enter was pressed on it.
        open_event(int): a linked event was activated in the detail pane.
        open_factor(int): a dependency's factor was activated in the detail pane.
    """

    round_selected = Signal(object)
    round_activated = Signal(int)
    open_event = Signal(int)
    open_factor = Signal(int)

    def __init__(self, workspace: Workspace, display_tz: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._restoring: int | None = None
        self.model = RoundsTableModel(workspace, display_tz, self)
        self.proxy = RoundsProxyModel(self)
        self.proxy.setSourceModel(self.model)

        self.filter = named(QLineEdit(), "rounds-filter")
        self.filter.setAccessibleName(self.tr("Filter rounds"))
        self.filter.setPlaceholderText(self.tr(
            "Filter by title, track, venue, participant or status"))
        self.filter.setClearButtonEnabled(True)
        self.count_label = named(QLabel(), "rounds-count")
        # A tool bar, not a row of buttons: when the window is narrow the actions that do
        # not fit move into its » menu instead of forcing the window wider than the screen.
        self.buttons = named(QToolBar("Round actions"), "round-actions")
        self.buttons.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.buttons.setIconSize(QSize(16, 16))
        self.table = named(QTableView(), "rounds-table")
        self.table.setAccessibleName(self.tr("Rounds"))
        self._configure_table()
        self.placeholder = ViewPlaceholder(self.table)
        self.setFocusProxy(self.table)  # the keyboard comes to the page in its table
        self.detail = RoundDetailPane(workspace, display_tz)

        top = QHBoxLayout()
        top.addWidget(self.filter, 1)
        top.addWidget(self.count_label)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(top)
        left_layout.addWidget(self.table, 1)
        self.splitter = named(QSplitter(Qt.Orientation.Horizontal), "rounds-splitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        # Across the whole tab, not above the table alone: there every round action,
        # Delete Round too, fits at 1280 px instead of going into the » menu (issue 16).
        layout.addWidget(self.buttons)
        layout.addWidget(self.splitter)

        find = QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self)
        find.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        find.activated.connect(self._on_find)
        self.filter.textChanged.connect(self._on_filter_text)
        selection = self.table.selectionModel()
        selection.currentRowChanged.connect(self._on_current_row_changed)
        # A mouse click makes the row current before selecting it, so listen to both.
        selection.selectionChanged.connect(self._on_selection_changed)
        self.table.activated.connect(self._on_activated)
        self.proxy.modelAboutToBeReset.connect(self._on_about_to_reset)
        self.proxy.modelReset.connect(self._on_reset)
        self.proxy.rowsInserted.connect(self._update_count)
        self.proxy.rowsRemoved.connect(self._update_count)
        self.detail.open_event.connect(self.open_event)
        self.detail.open_factor.connect(self.open_factor)
        self._update_count()

    def _configure_table(self) -> None:
        table = self.table
        table.setModel(self.proxy)
        table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.verticalHeader().hide()
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        header = table.horizontalHeader()
        header.setHighlightSections(False)
        header.setStretchLastSection(False)
        header.setSectionsMovable(True)
        # The columns narrow together (the title, the status and the two "When" columns
        # last: a date cut to "wee…" told nothing, issue 16 finding 5), so the table fits
        # across and a long text elides (its tool tip and the detail pane hold it whole);
        # the last column takes what is left.
        self._columns = size_columns(table, _SAMPLES[: len(COLUMNS)], icons=(STATUS,),
                                     keep=(TITLE, STATUS, WHEN_VENUE, WHEN_USER))
        # Sorted by date as the service gives it, until the user clicks a header.
        header.setSortIndicator(WHEN_VENUE, Qt.SortOrder.AscendingOrder)
        table.setSortingEnabled(True)

    # -- our API ------------------------------------------------------------------------

    def set_actions(self, actions: list[QAction]) -> None:
        """Buttons above the table, and the table's context menu, for the round actions."""
        for action in actions:
            self.buttons.addAction(action)
            self.table.addAction(action)

    def selected_round_id(self) -> int | None:
        index = self.table.currentIndex()
        if not index.isValid() or not self.table.selectionModel().isRowSelected(index.row()):
            return None
        round_id: int = index.data(RoundIdRole)
        return round_id

    def selected_round(self) -> RoundRow | None:
        index = self.table.currentIndex()
        if self.selected_round_id() is None:
            return None
        row: RoundRow = index.data(RowRole)
        return row

    def select_round(self, round_id: int) -> bool:
        """Make *round_id* current (clearing a filter that hides it); False if not shown."""
        source_row = self.model.row_of(round_id)
        if source_row is None:
            return False
        index = self.proxy.mapFromSource(self.model.index(source_row, 0))
        if not index.isValid():
            self.filter.clear()
            index = self.proxy.mapFromSource(self.model.index(source_row, 0))
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)
        return True

    def select_first(self) -> None:
        """Select the first round shown unless one is selected (a database just opened)."""
        if self.selected_round_id() is None and self.proxy.rowCount() > 0:
            self.table.selectRow(0)

    def set_display_zone(self, tz: str) -> None:
        self.model.set_display_zone(tz)
        self.detail.set_display_zone(tz)

    def set_as_of(self, as_of: AsOf | None) -> None:
        """Show the rounds, and the selected one's details, as known at the end of that
        day (None: as they are now)."""
        self.model.set_as_of(as_of)
        self.detail.set_as_of(as_of)
        self._update_count()

    def set_detail_visible(self, visible: bool) -> None:
        self.detail.setVisible(visible)

    def save_state(self, settings: Settings) -> None:
        settings.set(options.ROUNDS_HEADER, self.table.horizontalHeader().saveState())
        settings.set(options.ROUNDS_SPLITTER, self.splitter.saveState())

    def restore_state(self, settings: Settings) -> None:
        header_state: QByteArray = settings.get(options.ROUNDS_HEADER)
        if not header_state.isEmpty() and \
                self.table.horizontalHeader().restoreState(header_state):
            self._columns.hand_over()  # the user's own widths, as they left them
        splitter_state: QByteArray = settings.get(options.ROUNDS_SPLITTER)
        if splitter_state.isEmpty() or not self.splitter.restoreState(splitter_state):
            # The table the larger part: its title and both "When" columns readable at
            # 1280 pixels; the details keep room for the linked events' summaries.
            self.splitter.setSizes([800, 540])

    # -- slots ----------------------------------------------------------------------------

    @Slot()
    def _on_find(self) -> None:
        self.filter.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter.selectAll()

    @Slot(str)
    def _on_filter_text(self, text: str) -> None:
        self.proxy.set_filter_text(text)
        self._update_count()
        if self.selected_round_id() is None:
            self._emit_selection()

    @Slot()
    def _on_about_to_reset(self) -> None:
        self._restoring = self.selected_round_id()

    @Slot()
    def _on_reset(self) -> None:
        restoring, self._restoring = self._restoring, None
        if restoring is not None:
            with QSignalBlocker(self.table.selectionModel()):
                self.select_round(restoring)
        self._update_count()
        self._emit_selection()

    @Slot(QModelIndex, QModelIndex)
    def _on_current_row_changed(self, _current: QModelIndex, _previous: QModelIndex) -> None:
        self._emit_selection()

    @Slot(QItemSelection, QItemSelection)
    def _on_selection_changed(self, _selected: QItemSelection,
                              _deselected: QItemSelection) -> None:
        self._emit_selection()

    @Slot(QModelIndex)
    def _on_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.round_activated.emit(index.data(RoundIdRole))

    def _emit_selection(self) -> None:
        round_id = self.selected_round_id()
        if round_id != self.detail.round_id() or round_id is None:
            self.detail.show_round(round_id)
        self.round_selected.emit(round_id)

    @Slot()
    def _update_count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        self.count_label.setText(self.tr("%n round(s)", "", total) if shown == total
                                 else self.tr("{shown} of %n round(s)", "", total).format(
                                     shown=shown))
        as_of = self.model.as_of
        if total == 0 and as_of is not None:
            day = as_of.day
            text = self.tr("No round had been announced by the end of {day}.").format(
                day=day_text(day))
        elif total == 0:
            text = self.tr("No rounds yet. Add one with Edit › New Round… (Ctrl+Shift+N).")
        else:
            text = self.tr("No rounds match “{text}”.").format(text=self.filter.text().strip())
        self.placeholder.update_for(shown, text)
