"""One factor in full: description, readings, dependent rounds, the schedule changes that
cite it, its level over time beside its linked events (the impact chart), sources (each
one editable where it is cited)."""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import QModelIndex, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from tracker.services.common.errors import NotFoundError
from tracker.services.common.views import FactorDetail, FactorImpact
from tracker.services.factors import factors
from tracker.services.factors.factor_impact import factor_impact
from tracker.ui.common.cited_sources import CitedSourcesList
from tracker.ui.common.column_widths import size_columns
from tracker.ui.common.conflict_dialog import push_removal
from tracker.ui.common.date_text import day_text, sample_instant_text
from tracker.ui.common.edit_dialog import writes
from tracker.ui.common.pane_dialogs import PaneDialogs
from tracker.ui.common.placeholder import ViewPlaceholder
from tracker.ui.common.workspace import Topic, Workspace
from tracker.ui.events.link_commands import UnlinkEventCommand
from tracker.ui.events.link_dialog import LinkEventsDialog
from tracker.ui.events.link_models import (
    DependenciesModel,
    EventIdRole,
    LinkedEventsModel,
    LinkIdRole,
    OpenRoundRole,
    VersionRole,
    compact_table,
    delete_key_removes,
    select_link,
    selected_data,
)
from tracker.ui.events.link_target_dialog import EditLinkDialog
from tracker.ui.factors.factor_dialogs import AddDependencyDialog, AddReadingDialog
from tracker.ui.factors.factor_edit_dialogs import (
    EditDependencyDialog,
    EditFactorDialog,
    EditReadingDialog,
)
from tracker.ui.factors.factor_impact_model import CitingChangesModel
from tracker.ui.factors.factor_impact_panel import ImpactPanel
from tracker.ui.factors.factors_model import ReadingsModel


def _group(title: str, parent: QWidget, body: QWidget, *buttons: QPushButton) -> QGroupBox:
    box = QGroupBox(title, parent)
    row = QHBoxLayout()
    for button in buttons:
        row.addWidget(button)
    row.addStretch(1)
    layout = QVBoxLayout(box)
    layout.addWidget(body)
    if buttons:
        layout.addLayout(row)
    return box


class FactorDetailPane(QWidget):
    """Shows one factor and offers its edits, each one undoable.

    Signals:
        open_round(int): a dependent round was activated.
        open_event(int): a linked event was activated.
    """

    open_round = Signal(int)
    open_event = Signal(int)

    def __init__(self, workspace: Workspace, tz_name: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._tz = tz_name
        self._factor_id: int | None = None
        self._dialogs = PaneDialogs(workspace, Topic.FACTORS | Topic.LINKS, self)

        self.description = QLabel(self)
        self.description.setObjectName("factor-description")
        self.description.setWordWrap(True)
        self.description.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.readings_model = ReadingsModel(self, tz_name=tz_name)
        self.readings = QTableView(self)
        self.readings.setObjectName("factor-readings")
        self.readings.setModel(self.readings_model)
        self.readings.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self.readings.verticalHeader().hide()
        self.readings.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.readings.setWordWrap(False)
        # The note takes the room left; the others narrow together in a narrow pane.
        size_columns(self.readings, (sample_instant_text(), "moderate", "→ stable"),
                     icons=(ReadingsModel.LEVEL,))
        self.dependents_model = DependenciesModel("round", self)
        self.dependents = compact_table("factor-dependents", self.dependents_model,
                                        self.dependents_model.SAMPLES,
                                        self.tr("Double-click or press Enter to open the round"))
        self.dependents_placeholder = ViewPlaceholder(self.dependents)
        self.linked_model = LinkedEventsModel(self)
        self.linked = compact_table("factor-events", self.linked_model,
                                    LinkedEventsModel.SAMPLES,
                                    self.tr("Double-click or press Enter to show the event"),
                                    keep=(LinkedEventsModel.SUMMARY,))
        self.linked_placeholder = ViewPlaceholder(self.linked)
        self.changes_model = CitingChangesModel(self, tz_name=tz_name)
        self.changes = compact_table("factor-changes", self.changes_model,
                                     CitingChangesModel.SAMPLES,
                                     self.tr("Double-click or press Enter to open the round"))
        self.changes_placeholder = ViewPlaceholder(self.changes)
        self.impact = ImpactPanel(tz_name, self)
        self.chart = self.impact.chart
        self.sources = CitedSourcesList(workspace, "factor_id", "factor", self)
        self.edit_factor_button = QPushButton(self.tr("Edit factor…"), self)
        self.add_reading_button = QPushButton(self.tr("Add reading…"), self)
        self.edit_reading_button = QPushButton(self.tr("Edit…"), self)
        self.add_dependency_button = QPushButton(self.tr("Add dependency…"), self)
        self.edit_dependency_button = QPushButton(self.tr("Edit…"), self)
        self.link_button = QPushButton(self.tr("Link events…"), self)
        self.edit_link_button = QPushButton(self.tr("Edit link…"), self)
        self.unlink_button = QPushButton(self.tr("Unlink"), self)
        for button in (self.edit_factor_button, self.add_reading_button,
                       self.edit_reading_button, self.add_dependency_button,
                       self.edit_dependency_button, self.link_button, self.edit_link_button,
                       self.unlink_button):
            writes(button)
        for button, name in ((self.edit_factor_button, "factor-edit-button"),
                             (self.edit_reading_button, "reading-edit-button"),
                             (self.edit_dependency_button, "dependency-edit-button"),
                             (self.edit_link_button, "factor-link-edit-button")):
            button.setObjectName(name)

        # Two rows: what the factor is and bears on (readings, dependent rounds, changes
        # citing it), then its impact over time side by side with its linked events.
        tables = QSplitter(Qt.Orientation.Horizontal)
        tables.addWidget(_group(self.tr("Readings"), tables, self.readings,
                                self.add_reading_button, self.edit_reading_button))
        tables.addWidget(_group(self.tr("Dependent rounds"), tables, self.dependents,
                                self.add_dependency_button, self.edit_dependency_button))
        tables.addWidget(_group(self.tr("Schedule changes citing it"), tables, self.changes))
        impact = QSplitter(Qt.Orientation.Horizontal)
        impact.addWidget(_group(self.tr("Level and linked events over time"), impact,
                                self.impact))
        impact.addWidget(_group(self.tr("Linked events"), impact, self.linked, self.link_button,
                                self.edit_link_button, self.unlink_button))
        # Readings (time, level, trend) need the least width; the chart and the linked
        # events' summaries the most.
        for split, stretches in ((tables, (4, 3, 5)), (impact, (3, 2))):
            split.setChildrenCollapsible(False)
            for column, stretch in enumerate(stretches):
                split.setStretchFactor(column, stretch)
        # A header and a row each at the least, so the window fits a 1024×600 screen.
        for table in (self.readings, self.dependents, self.changes, self.linked):
            table.setMinimumHeight(56)
        rows = QSplitter(Qt.Orientation.Vertical, self)
        rows.setObjectName("factor-detail-rows")
        rows.addWidget(tables)
        rows.addWidget(impact)
        rows.setChildrenCollapsible(False)
        rows.setStretchFactor(0, 2)
        rows.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(self.description, 1)
        top.addWidget(self.edit_factor_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(top)
        layout.addWidget(rows, 1)
        # No group box: its frame and title would cost the 600 px screen a table row.
        cited = QHBoxLayout()
        cited.addWidget(QLabel(self.tr("<b>Sources</b>")), 0, Qt.AlignmentFlag.AlignTop)
        cited.addWidget(self.sources, 1)
        layout.addLayout(cited)

        self.dependents.activated.connect(self._on_dependent_activated)
        self.changes.activated.connect(self._on_dependent_activated)
        self.linked.activated.connect(self._on_event_activated)
        self.linked.selectionModel().selectionChanged.connect(self._update_buttons)
        self.readings.selectionModel().selectionChanged.connect(self._update_buttons)
        self.dependents.selectionModel().selectionChanged.connect(self._update_buttons)
        self.edit_factor_button.clicked.connect(self._on_edit_factor)
        self.edit_reading_button.clicked.connect(self._on_edit_reading)
        self.edit_dependency_button.clicked.connect(self._on_edit_dependency)
        self.edit_link_button.clicked.connect(self._on_edit_link)
        self.add_reading_button.clicked.connect(self._on_add_reading)
        self.add_dependency_button.clicked.connect(self._on_add_dependency)
        self.link_button.clicked.connect(self._on_link_events)
        self.unlink_button.clicked.connect(self._on_unlink)
        delete_key_removes(self.linked, self._on_unlink, self.tr("Unlink"))
        self.show_factor(None)

    def set_time_zone(self, tz_name: str) -> None:
        self._tz = tz_name
        self.changes_model.set_time_zone(tz_name)
        self.impact.set_time_zone(tz_name)
        self.show_factor(self._factor_id)

    def show_factor(self, factor_id: int | None) -> None:
        """Show *factor_id* as it is in the database now (None: the empty state)."""
        detail: FactorDetail | None = None
        impact: FactorImpact | None = None
        if factor_id is not None:
            wanted = factor_id
            try:
                detail, impact = self._workspace.read(
                    lambda s: (factors.factor_detail(s, wanted), factor_impact(s, wanted)))
            except NotFoundError:
                detail = impact = None
        self._show_impact(impact)
        same = detail is not None and detail.row.id == self._factor_id
        kept = self.selected_link() if same else None
        self._factor_id = detail.row.id if detail else None
        self.dependents_model.set_rows(detail.dependents if detail else ())
        self.linked_model.set_rows(detail.linked_events if detail else ())
        select_link(self.linked, kept[0] if kept else None)  # the same factor re-read
        # No placeholder text without a factor: the description says to select one.
        self.dependents_placeholder.update_for(
            self.dependents_model.rowCount(),
            self.tr("No round depends on this factor") if detail else "")
        self.linked_placeholder.update_for(
            self.linked_model.rowCount(), self.tr("No events linked") if detail else "")
        if detail is None:
            self.description.setText(self.tr(
                "<i>Select a factor to see its readings and links.</i>"))
            self.readings_model.set_rows([], self._tz)
            self.sources.show_record(None)
            self._update_buttons()
            return
        row = detail.row
        description = html.escape(row.description) or self.tr("<i>No description</i>")
        self.description.setText(f"<b>{html.escape(row.name)}</b><br>{description}")
        self.readings_model.set_rows(detail.readings, self._tz)
        self.sources.show_record(row.id)
        self._update_buttons()

    def _show_impact(self, impact: FactorImpact | None) -> None:
        self.changes_model.set_rows(impact.changes if impact else ())
        self.changes_placeholder.update_for(
            self.changes_model.rowCount(),
            self.tr("No schedule change cites this factor") if impact else "")
        self.impact.set_impact(impact)

    def selected_link(self) -> tuple[int, int] | None:
        """The selected linked event's (link id, event id)."""
        link_id = selected_data(self.linked, LinkIdRole)
        event_id = selected_data(self.linked, EventIdRole)
        return None if link_id is None else (link_id, event_id)

    @Slot()
    def _update_buttons(self) -> None:
        has_factor = self._factor_id is not None
        for button in (self.edit_factor_button, self.add_reading_button,
                       self.add_dependency_button, self.link_button):
            button.setEnabled(has_factor)
        self.unlink_button.setEnabled(self.selected_link() is not None)
        self.edit_link_button.setEnabled(self.selected_link() is not None)
        self.edit_reading_button.setEnabled(
            selected_data(self.readings, Qt.ItemDataRole.UserRole) is not None)
        self.edit_dependency_button.setEnabled(
            bool(self.dependents.selectionModel().selectedRows()))

    @Slot(QModelIndex)
    def _on_dependent_activated(self, index: QModelIndex) -> None:
        round_id = index.data(OpenRoundRole)
        if round_id is not None:
            self.open_round.emit(round_id)

    @Slot(QModelIndex)
    def _on_event_activated(self, index: QModelIndex) -> None:
        event_id = index.data(EventIdRole)
        if event_id is not None:
            self.open_event.emit(event_id)

    @property
    def dialog(self) -> QDialog | None:
        """The dialog this pane opened, while it is open (tests drive it through this)."""
        return self._dialogs.dialog

    def _open(self, dialog: QDialog) -> None:
        self._dialogs.open(dialog)

    @Slot()
    def _on_add_reading(self) -> None:
        if self._factor_id is not None:
            self._open(AddReadingDialog(self._workspace, self._factor_id, self._tz, self))

    @Slot()
    def _on_add_dependency(self) -> None:
        if self._factor_id is not None:
            self._open(AddDependencyDialog(self._workspace, self._factor_id, self))

    @Slot()
    def _on_link_events(self) -> None:
        if self._factor_id is not None:
            self._open(LinkEventsDialog(self._workspace, factor_id=self._factor_id,
                                        parent=self))

    def _open_edit(self, make: Callable[[], QDialog]) -> None:
        """Open an edit dialog on its record as it is now; one removed meanwhile is said so."""
        self._dialogs.open_edit(make)

    @Slot()
    def _on_edit_factor(self) -> None:
        if (factor_id := self._factor_id) is not None:
            self._open_edit(lambda: EditFactorDialog(self._workspace, factor_id, self))

    @Slot()
    def _on_edit_reading(self) -> None:
        reading_id = selected_data(self.readings, Qt.ItemDataRole.UserRole)
        if (factor_id := self._factor_id) is not None and reading_id is not None:
            self._open_edit(lambda: EditReadingDialog(self._workspace, factor_id, reading_id,
                                                      self._tz, self))

    @Slot()
    def _on_edit_dependency(self) -> None:
        rows = self.dependents.selectionModel().selectedRows()
        row = self.dependents_model.row_at(rows[0].row()) if rows else None
        if row is not None:
            self._open_edit(lambda: EditDependencyDialog(self._workspace, row, self))

    @Slot()
    def _on_edit_link(self) -> None:
        link = self.selected_link()
        rows = self.linked.selectionModel().selectedRows()
        row = self.linked_model.row_at(rows[0].row()) if rows else None
        if link is not None and row is not None:
            self._open_edit(lambda: EditLinkDialog(
                self._workspace, link[0], f"{day_text(row.event_date)}: {row.summary}", self))

    @Slot()
    def _on_unlink(self) -> None:
        link = self.selected_link()
        if link is None:
            return
        version = selected_data(self.linked, VersionRole)
        if not push_removal(self._workspace, lambda seen: UnlinkEventCommand(
                self._workspace, link[0], expected_version=seen), version, self):
            self.show_factor(self._factor_id)  # changed elsewhere: show what is there now
