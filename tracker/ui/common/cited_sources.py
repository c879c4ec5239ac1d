"""The sources one record cites, listed so that one can be picked and corrected.

A round, a factor and an event each show what they cite. An analyst who spots a wrong
date or a dead address edits that source where it is cited (Edit Source…, Enter, a
double-click or the context menu): one undoable step, saved only over the version the
dialog read (EditSourceDialog, EditRecordCommand). A source is shared by every fact that
cites it, so the edit shows everywhere it is cited.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from tracker.services.records.citations import CitedSource, cited_sources
from tracker.ui.common.edit_dialog import writes
from tracker.ui.common.forms import named
from tracker.ui.common.pane_dialogs import PaneDialogs
from tracker.ui.common.table_model import plain_tooltip
from tracker.ui.common.workspace import Topic, Workspace

SourceIdRole = Qt.ItemDataRole.UserRole
VISIBLE_ROWS = 2  # beside other tables: most facts cite one or two sources


class CitedSourcesList(QWidget):
    """The sources cited for one record (*column*: 'round_id', 'factor_id', 'event_id'…),
    with Edit Source… for the selected one; *rows* lines high (None: as high as it gets).

    Attributes:
        dialogs: the Edit Source dialog while it is open (``dialogs.dialog``).
    """

    def __init__(self, workspace: Workspace, column: str, name: str,
                 parent: QWidget | None = None, *, rows: int | None = VISIBLE_ROWS) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._column = column
        self._record_id: int | None = None
        self.dialogs = PaneDialogs(workspace, Topic.ALL, self)
        self.list = named(QListWidget(), f"{name}-sources")
        self.list.setAccessibleName(self.tr("Sources"))
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setAlternatingRowColors(True)
        if rows is not None:  # beside other tables: as tall as a few sources, no more
            self.list.setMaximumHeight(self.list.fontMetrics().lineSpacing() * rows
                                       + 2 * self.list.frameWidth() + 8)
        self.list.setToolTip(self.tr(
            "Sources cited; Enter or a double-click edits the selected one"))
        self.edit_action = writes(QAction(self.tr("Edit &Source…"), self))
        self.edit_action.setToolTip(self.tr("Correct the selected source (outlet, title, address, "
                                    "dates, reliability) wherever it is cited"))
        self.list.addAction(self.edit_action)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.edit_button = writes(named(QPushButton(self.edit_action.text()),
                                        f"{name}-edit-source-button"))
        self.edit_button.setToolTip(self.edit_action.toolTip())
        buttons = QVBoxLayout()
        buttons.addWidget(self.edit_button)
        buttons.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)

        self.edit_action.triggered.connect(self.edit_selected)
        self.edit_button.clicked.connect(self.edit_selected)
        self.list.itemActivated.connect(self.edit_selected)
        self.list.itemSelectionChanged.connect(self._update_buttons)
        self._update_buttons()

    def show_record(self, record_id: int | None) -> None:
        """List what *record_id* cites as it is now (None: nothing), keeping the selection."""
        selected = self.selected_source_id() if record_id == self._record_id else None
        self._record_id = record_id
        sources: tuple[CitedSource, ...] = ()
        if record_id is not None:
            wanted = record_id
            sources = self._workspace.read(
                lambda session: cited_sources(session, self._column, wanted))
        self.list.clear()
        for source in sources:
            item = QListWidgetItem(source.label)
            item.setData(SourceIdRole, source.id)
            item.setToolTip(plain_tooltip(source.label) or "")
            self.list.addItem(item)
            if source.id == selected:
                item.setSelected(True)
                self.list.setCurrentItem(item)
        self._update_buttons()

    def count(self) -> int:
        return self.list.count()

    def selected_source_id(self) -> int | None:
        items = self.list.selectedItems()
        return int(items[0].data(SourceIdRole)) if items else None

    @Slot()
    def edit_selected(self) -> None:
        """Open Edit Source on the selected source as it is now (window-modal)."""
        # Imported here: the dialog brings the record edits and their conflict rules, which
        # the Rounds view would otherwise load before the window is ready (issue 19).
        from tracker.ui.common.source_dialog import EditSourceDialog

        source_id = self.selected_source_id()
        if source_id is not None:
            self.dialogs.open_edit(lambda: EditSourceDialog(self._workspace, source_id, self))

    @Slot()
    def _update_buttons(self) -> None:
        selected = self.selected_source_id() is not None
        self.edit_action.setEnabled(selected)
        self.edit_button.setEnabled(selected)
