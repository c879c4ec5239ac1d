"""Table models for what the detail panes list: linked events, dependencies, link targets,
and a round's participants.

The round, factor and event panes each show a few dozen rows at most, read in one service
call, so these models hold frozen snapshots (``SnapshotTableModel``). The round pane and
the factor pane share one linked-events model and one dependencies model, so an event or a
dependency reads the same wherever it is shown. ``compact_table`` gives all of them the
same small read-only view.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Literal

from PySide6.QtCore import QAbstractItemModel, QItemSelectionModel, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QTableView

from tracker.domain.enums import Precision
from tracker.domain.wording import label_of, say
from tracker.services.common.views import (
    DependencyRow,
    EventLinkInfo,
    LinkedEventRow,
    ParticipantRow,
)
from tracker.ui.common.column_widths import size_columns
from tracker.ui.common.edit_dialog import writes
from tracker.ui.common.language import QT_TRANSLATE_NOOP, translate
from tracker.ui.common.table_model import SnapshotTableModel, plain_tooltip
from tracker.ui.events.event_text import EventIdRole, elide

# EventIdRole is the events table's own, so every view hands over an event id the same way.
LinkIdRole = Qt.ItemDataRole.UserRole + 1
# What activating a row opens: a round id or a factor id, None when the row opens none.
OpenRoundRole = Qt.ItemDataRole.UserRole + 2
OpenFactorRole = Qt.ItemDataRole.UserRole + 3
# A round participant's id (a seat: one party in one role).
ParticipantIdRole = Qt.ItemDataRole.UserRole + 4
# The row's record version as shown: removing a record changed since is asked about.
VersionRole = Qt.ItemDataRole.UserRole + 5

NO_PLACE = "—"
NOBODY = "—"  # a delegation whose head is not known
# Room for the cell's text margins beside the sample text; more would push the summary off.
_MARGIN = 12

DisplayRole = Qt.ItemDataRole.DisplayRole
ToolTipRole = Qt.ItemDataRole.ToolTipRole


def event_date_text(row: LinkedEventRow) -> str:
    """The event's date as precisely as it was reported: a week never reads as a day."""
    return row.time.describe()


def _one_line(text: str) -> str:
    """Notes may hold line breaks; a row shows one line (the tool tip has the rest)."""
    return " ".join(text.split())


def compact_table(name: str, model: QAbstractItemModel, samples: Sequence[str],
                  tip: str = "", *, keep: Sequence[int] = ()) -> QTableView:
    """A small read-only table over *model*: one row selected at a time, one line per row.

    Each column starts as wide as its entry in *samples* (typical widest text); the last
    column takes the remaining width, and all narrow together in a narrow pane (those
    in *keep* last).
    """
    view = QTableView()
    view.setObjectName(name)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    # Tab leaves the table (to the Link/Unlink buttons) instead of walking read-only cells.
    view.setTabKeyNavigation(False)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    header = view.horizontalHeader()
    header.setHighlightSections(False)
    size_columns(view, samples, margin=_MARGIN, keep=keep)
    if tip:
        view.setToolTip(tip)
    return view


def delete_key_removes(view: QAbstractItemView, remove: Callable[[], None], text: str) -> QAction:
    """Delete (and Backspace) on *view*, and only there, call *remove*; the action is in
    the view's context menu too.

    The shortcut is scoped to the view: Delete in a participants or links table removes
    the selected row there, never the round (Delete Round is scoped to the rounds table).
    """
    action = writes(QAction(text, view))
    action.setShortcuts([QKeySequence(QKeySequence.StandardKey.Delete),
                         QKeySequence(Qt.Key.Key_Backspace)])
    action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
    action.triggered.connect(remove)
    view.addAction(action)
    view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
    # Enabled only with a row to act on, like the button beside the table.
    selection = view.selectionModel()

    def follow_selection() -> None:
        action.setEnabled(selection.hasSelection())

    selection.selectionChanged.connect(follow_selection)
    view.model().modelReset.connect(follow_selection)
    follow_selection()
    return action


def selected_data(view: QTableView, role: int) -> Any:
    """*role*'s data on the selected row of *view* (single selection), None without one."""
    rows = view.selectionModel().selectedRows()
    return rows[0].data(role) if rows else None


def select_link(view: QTableView, link_id: int | None, role: int = LinkIdRole) -> None:
    """Select the row of *link_id* (*role*'s data) again after the model was reset, if it
    is still there.

    A reset forgets the selection; the user's place should survive an edit or an undo.
    """
    model = view.model()
    for row in range(model.rowCount() if link_id is not None else 0):
        index = model.index(row, 0)
        if index.data(role) == link_id:
            view.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows)
            return


class LinkedEventsModel(SnapshotTableModel[LinkedEventRow]):
    """Events linked to one round or factor, in the order the service gives them.

    The summary comes right after the when-and-where columns so it is on screen at a
    pane's default width; the link's kind and note, then the ACLED type, follow.
    """

    HEADERS = (
        QT_TRANSLATE_NOOP("TableHeaders", "Date"),
        QT_TRANSLATE_NOOP("TableHeaders", "Target"),
        QT_TRANSLATE_NOOP("TableHeaders", "Place"),
        QT_TRANSLATE_NOOP("TableHeaders", "Summary"),
        QT_TRANSLATE_NOOP("TableHeaders", "Link"),
        QT_TRANSLATE_NOOP("TableHeaders", "Note"),
        QT_TRANSLATE_NOOP("TableHeaders", "Type"),
    )
    DATE, TARGET, PLACE, SUMMARY, KIND, NOTE, TYPE = range(7)
    # Target and place are kept narrow (longer ones are cut, with the full text in the tool
    # tip) so that the summary starts within a detail pane's default width.
    SAMPLES = ("week of 26 Jan 2026", "residential", "Zaporizhzhia",
               "A drone hit a maternity ward in Zaporizhzhia;", "escalation during talks",
               "Strikes on the eve of the talks")

    def cell(self, row: LinkedEventRow, column: int, role: int) -> Any:
        if role == DisplayRole:
            return self._text(row, column)
        if role == ToolTipRole:
            return self._tip(row, column)
        if role == EventIdRole:
            return row.event_id
        if role == LinkIdRole:
            return row.link_id
        if role == VersionRole:
            return row.version
        return None

    def _tip(self, row: LinkedEventRow, column: int) -> str | None:
        """What a cut-short cell has in full (the summary is elided too), and a date's
        precision where the date is not a single day."""
        if column == self.DATE:
            if row.date_precision is Precision.WEEK:
                return translate("LinkedEventsModel", "Reported to the week")
            if row.date_precision is Precision.MONTH:
                return translate("LinkedEventsModel", "Reported to the month")
            return None
        # Summaries, notes, places and types are imported or typed: shown literally.
        if column == self.SUMMARY:
            return plain_tooltip(row.summary)
        if column == self.NOTE:
            return plain_tooltip(row.note)
        return plain_tooltip(self._text(row, column))

    def _text(self, row: LinkedEventRow, column: int) -> str:
        match column:
            case self.DATE:
                return event_date_text(row)
            case self.TARGET:
                return say(row.target_category)
            case self.PLACE:
                return row.location or NO_PLACE
            case self.SUMMARY:
                return elide(row.summary)
            case self.KIND:
                return label_of(row.kind)
            case self.NOTE:
                return _one_line(row.note)
            case _:
                return row.event_type


class DependenciesModel(SnapshotTableModel[DependencyRow]):
    """Round ↔ factor dependencies, named from the other side of the pane showing them.

    *subject* is what the first column names and what activating a row opens: the factor
    (in a round's pane) or the round (in a factor's pane).
    """

    NAME, EFFECT, NOTE = range(3)
    SAMPLES: tuple[str, ...]

    def __init__(self, subject: Literal["factor", "round"],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.subject = subject
        # Per instance: the same model class serves both sides of the dependency.
        self.HEADERS = (
            QT_TRANSLATE_NOOP("TableHeaders", "Factor") if subject == "factor"
                        else QT_TRANSLATE_NOOP("TableHeaders", "Round"),
            QT_TRANSLATE_NOOP("TableHeaders", "Effect"),
            QT_TRANSLATE_NOOP("TableHeaders", "Note"),
        )
        self.SAMPLES = ("Winter grid collapse" if subject == "factor"
                        else "Trilateral talks announced for the coming", "may relocate")

    def cell(self, row: DependencyRow, column: int, role: int) -> Any:
        name = row.factor if self.subject == "factor" else row.round_title
        if role == DisplayRole:
            return (name, label_of(row.effect), _one_line(row.note))[column]
        if role == ToolTipRole:
            return plain_tooltip((name, None, row.note)[column])
        if role == OpenFactorRole:
            return row.factor_id if self.subject == "factor" else None
        if role == OpenRoundRole:
            return row.round_id if self.subject == "round" else None
        return None


class EventLinksModel(SnapshotTableModel[EventLinkInfo]):
    """What one event is linked to: each round or factor, with the link's kind and note."""

    HEADERS = (
        QT_TRANSLATE_NOOP("TableHeaders", "Round or factor"),
        QT_TRANSLATE_NOOP("TableHeaders", "Kind"),
        QT_TRANSLATE_NOOP("TableHeaders", "Note"),
    )
    TARGET, KIND, NOTE = range(3)
    SAMPLES = ("Round: Trilateral talks announced for the", "escalation during talks")

    def cell(self, row: EventLinkInfo, column: int, role: int) -> Any:
        if role == DisplayRole:
            return (row.target, label_of(row.kind), _one_line(row.note))[column]
        if role == ToolTipRole:
            return plain_tooltip((row.target, None, row.note)[column])
        if role == LinkIdRole:
            return row.link_id
        if role == VersionRole:
            return row.version
        if role == OpenRoundRole:
            return row.round_id
        if role == OpenFactorRole:
            return row.factor_id
        return None


class ParticipantsModel(SnapshotTableModel[ParticipantRow]):
    """Who sits at one round: each party, its role, who leads its delegation, a note."""

    HEADERS = (
        QT_TRANSLATE_NOOP("TableHeaders", "Party"),
        QT_TRANSLATE_NOOP("TableHeaders", "Role"),
        QT_TRANSLATE_NOOP("TableHeaders", "Head of delegation"),
        QT_TRANSLATE_NOOP("TableHeaders", "Note"),
    )
    PARTY, ROLE, PERSON, NOTE = range(4)
    SAMPLES = ("United Arab Emirates", "mediator", "Volodymyr Zelenskyy")

    def cell(self, row: ParticipantRow, column: int, role: int) -> Any:
        if role == DisplayRole:
            return (row.party, label_of(row.role), row.person or NOBODY,
                    _one_line(row.note))[column]
        if role == ToolTipRole:
            return plain_tooltip((row.party, None, row.person, row.note)[column])
        if role == ParticipantIdRole:
            return row.id
        if role == VersionRole:
            return row.version
        return None
