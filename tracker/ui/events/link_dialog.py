"""Link many events to one round or factor: suggested events, or any event found by search.

The search tab pages through all events like the Events view; the suggested tab (rounds
only) asks ``linking.suggest_for_round`` for events near the round in time and space. The
user checks events in either tab; OK pushes one undo macro of LinkEventCommands.
"""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from tracker.domain.enums import LinkKind
from tracker.domain.wording import label_of
from tracker.services import rounds
from tracker.services.events import linking
from tracker.services.events.linking import LinkSpec
from tracker.services.factors import factors
from tracker.ui.common.edit_dialog import EditDialog
from tracker.ui.common.forms import current_data, fill_combo, ok_cancel_buttons
from tracker.ui.common.placeholder import ViewPlaceholder
from tracker.ui.common.workspace import Workspace
from tracker.ui.events.event_filter_bar import EventFilterBar
from tracker.ui.events.events_model import EventsTableModel
from tracker.ui.events.events_view import configure_events_table, load_filter_choices
from tracker.ui.events.link_commands import LinkEventCommand
from tracker.ui.events.suggestions_model import SuggestionsModel

DEFAULT_DAYS = 7
DEFAULT_RADIUS_KM = 300


class LinkEventsDialog(EditDialog):
    """Check events and link them all to one round or factor with a kind and a note."""

    def __init__(
        self, workspace: Workspace, *, round_id: int | None = None,
        factor_id: int | None = None, parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        if (round_id is None) == (factor_id is None):
            raise ValueError("Give exactly one of round_id and factor_id")
        self._workspace = workspace
        self._round_id = round_id
        self._factor_id = factor_id
        self._checked: set[int] = set()
        self.errors: list[str] = []
        self._target, has_coordinates = workspace.read(self._describe_target)
        self.setWindowTitle(self.tr("Link events to {target}").format(target=self._target))

        self.tabs = QTabWidget(self)
        self.tabs.setAccessibleName(self.tr("Ways to find events"))
        self.suggestions = SuggestionsModel(self._checked, self)
        suggested = self._suggested_tab(has_coordinates)
        if round_id is not None:
            self.tabs.addTab(suggested, self.tr("Suggested"))
        else:
            suggested.hide()  # suggestions are by a round's dates and venue
        self.search_model = EventsTableModel(workspace, self, checkable=True,
                                             checked=self._checked)
        self.search_bar = EventFilterBar(self, compact=True)  # above the table, Tab's order
        self.search_table = QTableView(self)
        self.tabs.addTab(self._search_tab(), self.tr("Search all events"))

        self.kind_combo = QComboBox(self)
        self.kind_combo.setObjectName("link-kind")
        fill_combo(self.kind_combo, [(label_of(kind).capitalize(), kind) for kind in LinkKind])
        self.note_edit = QLineEdit(self)
        self.note_edit.setPlaceholderText(self.tr("Why these events belong to it (optional)"))
        self.checked_label = QLabel(self)
        # Why greyed, ticked suggestions are not counted as checked (issue 16, finding 8).
        self.linked_label = QLabel(self)
        self.linked_label.setObjectName("link-already-linked")
        self.error_label = QLabel(self)
        self.error_label.setObjectName("link-error")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        self.buttons = ok_cancel_buttons(self)
        form = QFormLayout()
        form.addRow(self.tr("Kind:"), self.kind_combo)
        form.addRow(self.tr("Note:"), self.note_edit)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        bottom = QHBoxLayout()
        bottom.addWidget(self.checked_label)
        bottom.addWidget(self.linked_label, 1)
        bottom.addWidget(self.buttons)
        layout.addLayout(bottom)
        self.resize(1100, 640)

        self.suggestions.checked_changed.connect(self._on_checked_changed)
        self.search_model.checked_changed.connect(self._on_checked_changed)
        self._reload_linked()
        self._on_checked_changed()
        # Opened on what is to be checked: the suggestions, or the search's words.
        (self.suggested_table if round_id is not None else self.search_bar.text_edit).setFocus()

    # -- construction ------------------------------------------------------------------

    def _describe_target(self, session: Session) -> tuple[str, bool]:
        if self._round_id is not None:
            row = rounds.round_row(session, self._round_id)
            venue = row.venue
            located = venue is not None and venue.latitude is not None \
                and venue.longitude is not None
            return self.tr("round “{title}”").format(title=row.title), located
        assert self._factor_id is not None
        return self.tr("factor “{name}”").format(
            name=factors.factor_row(session, self._factor_id).name), False

    def _suggested_tab(self, has_coordinates: bool) -> QWidget:
        tab = QWidget(self)
        # Made in the order they are laid out, which is the order Tab takes.
        self.days_spin = QSpinBox(tab)
        self.days_spin.setAccessibleName(self.tr("Days around the round"))
        self.radius_check = QCheckBox(self.tr("within"), tab)
        self.radius_spin = QSpinBox(tab)
        self.radius_spin.setAccessibleName(self.tr("Distance from the venue"))
        self.suggested_table = QTableView(tab)
        self.days_spin.setRange(0, 365)
        self.days_spin.setValue(DEFAULT_DAYS)
        self.days_spin.setPrefix("± ")
        self.days_spin.setSuffix(self.tr(" days of the round"))
        self.radius_spin.setRange(1, 5000)
        self.radius_spin.setValue(DEFAULT_RADIUS_KM)
        self.radius_spin.setSuffix(self.tr(" km of the venue"))
        self.radius_spin.setEnabled(False)
        self.radius_check.setEnabled(has_coordinates)
        if not has_coordinates:
            self.radius_check.setToolTip(self.tr("The round's venue has no coordinates"))
        self.suggested_table.setObjectName("suggested-events")
        self.suggested_table.setAccessibleName(self.tr("Suggested events"))
        self.suggested_table.setModel(self.suggestions)
        self.suggested_table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self.suggested_table.verticalHeader().hide()
        self.suggested_table.verticalHeader().setDefaultSectionSize(
            self.suggested_table.fontMetrics().height() + 8)
        self.suggested_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.suggested_table.horizontalHeader().setStretchLastSection(True)
        self.suggested_table.setWordWrap(False)
        widths = (150, 100, 90, 80, 210, 190, 70)
        for column, width in enumerate(widths):
            self.suggested_table.setColumnWidth(column, width)
        self.suggested_placeholder = ViewPlaceholder(self.suggested_table)
        controls = QHBoxLayout()
        controls.addWidget(QLabel(self.tr("Events"), tab))
        controls.addWidget(self.days_spin)
        controls.addWidget(self.radius_check)
        controls.addWidget(self.radius_spin)
        controls.addStretch(1)
        layout = QVBoxLayout(tab)
        layout.addLayout(controls)
        layout.addWidget(self.suggested_table)
        self.days_spin.valueChanged.connect(self._reload_suggestions)
        self.radius_check.toggled.connect(self.radius_spin.setEnabled)
        self.radius_check.toggled.connect(self._reload_suggestions)
        self.radius_spin.valueChanged.connect(self._reload_suggestions)
        return tab

    def _search_tab(self) -> QWidget:
        tab = QWidget(self)
        self.search_table.setObjectName("search-events")
        self.search_table.setAccessibleName(self.tr("All events"))
        configure_events_table(self.search_table, self.search_model)
        self.search_placeholder = ViewPlaceholder(self.search_table)
        layout = QVBoxLayout(tab)
        layout.addWidget(self.search_bar)
        layout.addWidget(self.search_table)
        self.search_bar.filter_changed.connect(self.search_model.set_filter)
        self.search_model.counts_changed.connect(self._on_search_counts)
        _types, _targets, first, last = load_filter_choices(self._workspace)
        self.search_bar.set_date_range(first, last)
        self._on_search_counts(self.search_model.rowCount(), self.search_model.total)
        return tab

    # -- our API -----------------------------------------------------------------------

    def checked_ids(self) -> frozenset[int]:
        return frozenset(self._checked)

    def specs(self) -> list[LinkSpec]:
        kind: LinkKind = current_data(self.kind_combo)
        return [LinkSpec(event_id, self._round_id, self._factor_id, kind,
                         self.note_edit.text()) for event_id in sorted(self._checked)]

    def accept(self) -> None:
        """Override QDialog.accept: push one macro linking every checked event."""
        specs = self.specs()
        if not specs:
            return
        self.errors = []
        stack = self._workspace.undo_stack
        stack.beginMacro(self.tr("Link %n event(s) to {target}", "", len(specs)).format(
            target=self._target))
        for spec in specs:
            stack.push(LinkEventCommand(self._workspace, spec, report=self.errors.append))
        stack.endMacro()
        if self.errors:
            # Someone else linked or deleted in between: the rest are linked (one undo
            # step); say what failed and show the fresh state.
            self.error_label.setText("\n".join(self.errors))
            self.error_label.show()
            self._checked.clear()
            self._reload_linked()
            self._on_checked_changed()
            return
        super().accept()

    # -- slots -------------------------------------------------------------------------

    def _reload_linked(self) -> None:
        def linked(session: Session) -> frozenset[int]:
            rows = rounds.linked_events(session, round_id=self._round_id,
                                        factor_id=self._factor_id)
            return frozenset(row.event_id for row in rows)

        self.search_model.set_disabled_ids(self._workspace.read(linked))
        self._reload_suggestions()

    @Slot()
    def _reload_suggestions(self) -> None:
        if self._round_id is None:
            return
        round_id = self._round_id
        days = self.days_spin.value()
        radius = float(self.radius_spin.value()) if self.radius_check.isChecked() else None
        rows = self._workspace.read(
            lambda s: linking.suggest_for_round(s, round_id, days=days, radius_km=radius))
        self.suggestions.set_rows(rows)
        self.suggested_placeholder.update_for(
            len(rows), self.tr("No events near this round. Widen the window or search all events."))
        # The nearest in time come first; say when there are more than the list holds.
        shown = self.tr("{shown} nearest of {total}").format(
            shown=f"{len(rows):,}", total=f"{rows.total:,}") if rows.truncated else f"{len(rows)}"
        self.tabs.setTabText(0, self.tr("Suggested ({shown})").format(shown=shown))
        if hasattr(self, "checked_label"):  # not while the dialog is being built
            self._on_checked_changed()  # the footer counts the suggestions already linked

    @Slot(int, int)
    def _on_search_counts(self, matching: int, total: int) -> None:
        self.search_placeholder.update_for(
            matching, self.tr("No events match.") if total
            else self.tr("There are no events to link yet."))

    @Slot()
    def _on_checked_changed(self) -> None:
        self.suggestions.notify_checks_changed()
        self.search_model.notify_checks_changed()
        count = len(self._checked)
        self.checked_label.setText(self.tr("%n event(s) checked", "", count))
        linked = self.suggestions.linked_count()
        if not linked:
            self.linked_label.setText("")
        elif self._round_id is not None:
            self.linked_label.setText(self.tr(
                "· %n of the suggestions (is|are) already linked to this round", "", linked))
        else:
            self.linked_label.setText(self.tr(
                "· %n of the suggestions (is|are) already linked to this factor", "", linked))
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Link {count}").format(count=count) if count else self.tr("Link"))
        ok.setEnabled(count > 0)
