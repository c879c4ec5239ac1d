"""One round in full: the form, then participants, linked events, dependencies, history
and sources (each one editable there) in tabs.

The pane re-reads its round (one ``rounds.round_detail`` call) when the workspace says
rounds, links or factors changed, so an undo elsewhere shows here at once.
"""

from __future__ import annotations

import html
import re
from contextlib import suppress

from PySide6.QtCore import QModelIndex, Qt, Signal, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from tracker.domain.wording import label_of, say
from tracker.services import rounds
from tracker.services.common.errors import NotFoundError
from tracker.services.common.views import RoundDetail
from tracker.services.records.conflicts_kinds import ROUND
from tracker.services.rounds import AsOf
from tracker.services.rounds.relocation import venue_zone_text
from tracker.ui.common.cited_sources import CitedSourcesList
from tracker.ui.common.column_widths import size_columns
from tracker.ui.common.conflict_dialog import push_removal
from tracker.ui.common.edit_dialog import writes
from tracker.ui.common.forms import named
from tracker.ui.common.language import translate
from tracker.ui.common.placeholder import ViewPlaceholder
from tracker.ui.common.workspace import Topic, Workspace
from tracker.ui.events.link_models import (
    DependenciesModel,
    EventIdRole,
    LinkedEventsModel,
    LinkIdRole,
    OpenFactorRole,
    VersionRole,
    compact_table,
    delete_key_removes,
    select_link,
    selected_data,
)
from tracker.ui.rounds.history_model import CHANGE as HISTORY_CHANGE
from tracker.ui.rounds.history_model import HistoryModel
from tracker.ui.rounds.history_model import samples as history_samples
from tracker.ui.rounds.modality_words import modality_text
from tracker.ui.rounds.participants_page import ParticipantsPage
from tracker.ui.rounds.rounds_model import STATUS_COLOURS, status_text

_URL = re.compile(r"https?://[^\s<>\"]+")


def _linked(text: str) -> str:
    """Escaped text with its web addresses made clickable (sources cite URLs)."""
    escaped = html.escape(text)
    return _URL.sub(lambda m: f'<a href="{m.group(0)}">{m.group(0)}</a>', escaped)


def summary_html(detail: RoundDetail, display_tz: str, as_of: AsOf | None = None) -> str:
    """The round's fields as a two-column table (wraps and scrolls in a QTextBrowser);
    *as_of*: its schedule as known then, said under the title."""
    row, window = detail.row, detail.row.window
    venue = f"{row.venue.label} — {venue_zone_text(row.venue.time_zone)}" if row.venue \
        else translate("RoundSummary", "Not known yet")
    # With no venue the window's zone is only the one its time was given in.
    zone_heading = translate("RoundSummary", "{window} (venue zone)") if row.venue \
        else translate("RoundSummary", "{window} (round's zone)")
    participants = [
        f"{p.party}{f' ({p.person})' if p.person else ''} — {label_of(p.role)}"
        for p in detail.participants
    ]
    status = (f'<span style="color:{STATUS_COLOURS[row.status]}">●</span> '
              f"{status_text(row.status)}")
    # The round's field table: one name per field everywhere, in the reader's language.
    label = {key: say(name) for key, name in ROUND.fields.items()}
    fields = (
        (translate("RoundSummary", "Track"), html.escape(row.track)),
        (label["format"], label_of(row.format).capitalize()),
        (label["modality"], modality_text(row.modality)),
        (label["status"], status),
        (zone_heading.format(window=label["window"]),
         html.escape(f"{window.describe()} ({window.tz})")),
        (translate("RoundSummary", "{window} (your zone)").format(window=label["window"]),
         html.escape(f"{window.describe(display_tz)} ({display_tz})")),
        (translate("RoundSummary", "Precision"), label_of(window.precision).capitalize()),
        (label["venue"], html.escape(venue)),
        (translate("RoundSummary", "Participants"),
         "<br>".join(map(html.escape, participants)) or "—"),
        (label["agenda"], html.escape(detail.agenda).replace("\n", "<br>") or "—"),
        (label["outcome"], html.escape(detail.outcome).replace("\n", "<br>") or "—"),
        (translate("RoundSummary", "Sources"),
         "<br>".join(f"{n}. {_linked(source)}" for n, source in enumerate(detail.sources, 1))
         or "—"),
    )
    rows = "".join(
        f'<tr><td style="padding:2px 12px 2px 0; white-space:nowrap" valign="top">'
        f"<b>{name}</b></td><td style=\"padding:2px 0\">{value}</td></tr>"
        for name, value in fields
    )
    known = ("<p><i>" + html.escape(translate(
        "RoundSummary", "Window, venue and status {as_of}").format(as_of=as_of.describe()))
        + "</i></p>" if as_of is not None else "")
    return f"<h3>{html.escape(row.title)}</h3>{known}<table cellspacing=0>{rows}</table>"


class RoundDetailPane(QWidget):
    """The selected round's details.

    Signals:
        open_event(int): the user activated a linked event (its id).
        open_factor(int): the user activated a dependency's factor (its id).
    """

    open_event = Signal(int)
    open_factor = Signal(int)

    def __init__(self, workspace: Workspace, display_tz: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._display_tz = display_tz
        self._round_id: int | None = None
        self._as_of: AsOf | None = None
        self.detail: RoundDetail | None = None

        self.summary = named(QTextBrowser(), "round-summary")
        self.summary.setAccessibleName(self.tr("Round summary"))
        self.summary.setOpenExternalLinks(True)
        self.summary.setFrameShape(QTextBrowser.Shape.NoFrame)

        self.participants = named(ParticipantsPage(workspace), "round-participants-page")
        self.events_model = LinkedEventsModel(self)
        self.events = compact_table("round-linked-events", self.events_model,
                                    LinkedEventsModel.SAMPLES,
                                    self.tr("Double-click or press Enter to show the event"),
                                    keep=(LinkedEventsModel.SUMMARY,))
        self.events.setAccessibleName(self.tr("Linked events"))
        self.events_placeholder = ViewPlaceholder(self.events)
        self.link_button = named(QToolButton(), "round-link-button")
        self.link_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.unlink_button = writes(named(QPushButton(self.tr("&Unlink")), "round-unlink-button"))
        self.unlink_button.setToolTip(self.tr("Remove the selected event's link to this round"))
        self.unlink_button.setEnabled(False)
        self.events_page = events_page = QWidget()
        buttons = QHBoxLayout()
        buttons.addWidget(self.link_button)
        buttons.addWidget(self.unlink_button)
        buttons.addStretch(1)
        events_layout = QVBoxLayout(events_page)
        events_layout.addWidget(self.events)
        events_layout.addLayout(buttons)
        self.dependencies_model = DependenciesModel("factor", self)
        self.dependencies = compact_table("round-dependencies", self.dependencies_model,
                                          self.dependencies_model.SAMPLES,
                                          self.tr("Double-click or press Enter to open the factor"))
        self.dependencies.setAccessibleName(self.tr("Dependencies"))
        self.dependencies_placeholder = ViewPlaceholder(self.dependencies)
        self.history_model = HistoryModel(display_tz, self)
        self.history = named(QTableView(), "round-history")
        self.history.setAccessibleName(self.tr("History"))
        self.history.setModel(self.history_model)
        self.history.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self.history.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.history.setAlternatingRowColors(True)
        self.history.setWordWrap(False)
        self.history.verticalHeader().hide()
        # The change takes the room the others leave; long reasons elide, whole in
        # their tool tips.
        size_columns(self.history, history_samples(), stretch=HISTORY_CHANGE)
        self.sources = CitedSourcesList(workspace, "round_id", "round", rows=None)
        self.tabs = named(QTabWidget(), "round-detail-tabs")
        self.tabs.setAccessibleName(self.tr("Round details"))
        # Participants first: who sits at the table is what a reader asks about a round first.
        self.tabs.addTab(self.participants, self.tr("Participants"))
        self.tabs.addTab(events_page, self.tr("Linked events"))
        self.tabs.addTab(self.dependencies, self.tr("Dependencies"))
        self.tabs.addTab(self.history, self.tr("History"))
        self.tabs.addTab(self.sources, self.tr("Sources"))

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.summary)
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        self.empty = named(QLabel(self.tr("Select a round to see its schedule, history and linked "
                                  "events.")), "round-detail-empty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setEnabled(False)  # greyed, like the views' placeholders
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty)
        self.stack.addWidget(splitter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)

        self.events.selectionModel().selectionChanged.connect(self._on_event_selection)
        self.events.activated.connect(self._on_event_activated)
        self.dependencies.activated.connect(self._on_dependency_activated)
        self.unlink_button.clicked.connect(self._on_unlink)
        delete_key_removes(self.events, self._on_unlink, self.tr("Unlink"))
        workspace.changed.connect(self._on_changed)
        workspace.database_replaced.connect(self.refresh)

    # -- our API ------------------------------------------------------------------------

    def set_link_action(self, action: QAction) -> None:
        self.link_button.setDefaultAction(action)

    def round_id(self) -> int | None:
        return self._round_id

    def show_round(self, round_id: int | None) -> None:
        self._round_id = round_id
        self.refresh()

    def set_display_zone(self, tz: str) -> None:
        self._display_tz = tz
        self.history_model.set_display_zone(tz)
        self.refresh()

    def set_as_of(self, as_of: AsOf | None) -> None:
        """Show the round's schedule as known on that day (None: as it is now)."""
        self._as_of = as_of
        self.refresh()

    @Slot()
    def refresh(self) -> None:
        detail = None
        if self._round_id is not None:
            round_id, as_of = self._round_id, self._as_of
            # Deleted (perhaps by an undo) since it was selected, or not known on the day.
            with suppress(NotFoundError):
                detail = self._workspace.read(
                    lambda s: rounds.round_detail(s, round_id, as_of))
            if detail is None:
                self._round_id = None
        self.stack.setCurrentIndex(0 if detail is None else 1)
        if detail is not None:
            self._fill(detail)
        self.detail = detail

    def selected_link_id(self) -> int | None:
        link_id: int | None = selected_data(self.events, LinkIdRole)
        return link_id

    # -- filling ------------------------------------------------------------------------

    def _fill(self, detail: RoundDetail) -> None:
        # Keep the reader's place when the same round is re-read after an edit.
        same = self.detail is not None and self.detail.row.id == detail.row.id
        scroll = self.summary.verticalScrollBar().value() if same else 0
        self.summary.setHtml(summary_html(detail, self._display_tz, self._as_of))
        self.summary.verticalScrollBar().setValue(scroll)
        self.participants.set_round(detail)
        self._fill_events(detail)
        self.dependencies_model.set_rows(detail.dependencies)
        self.dependencies_placeholder.update_for(self.dependencies_model.rowCount(),
                                                 self.tr("This round depends on no factor."))
        self.history_model.set_rows(detail.history)
        self.sources.show_record(detail.row.id)
        for page, name, count in (
                (self.participants, self.tr("Participants"), len(detail.participants)),
                (self.events_page, self.tr("Linked events"), len(detail.linked_events)),
                (self.dependencies, self.tr("Dependencies"), len(detail.dependencies)),
                (self.history, self.tr("History"), len(detail.history)),
                (self.sources, self.tr("Sources"), self.sources.count())):
            self.tabs.setTabText(self.tabs.indexOf(page), f"{name} ({count})")

    def _fill_events(self, detail: RoundDetail) -> None:
        selected = self.selected_link_id()
        self.events_model.set_rows(detail.linked_events)
        select_link(self.events, selected)
        self.events_placeholder.update_for(
            self.events_model.rowCount(),
            self.tr("No events linked to this round. Link events to see what happened around "
                    "it."))
        self._on_event_selection()

    # -- slots ----------------------------------------------------------------------------

    @Slot(object)
    def _on_changed(self, topic: Topic) -> None:
        if self._round_id is not None and topic & (Topic.ROUNDS | Topic.LINKS | Topic.FACTORS):
            self.refresh()

    @Slot()
    def _on_event_selection(self) -> None:
        self.unlink_button.setEnabled(self.selected_link_id() is not None)

    @Slot(QModelIndex)
    def _on_event_activated(self, index: QModelIndex) -> None:
        self.open_event.emit(index.data(EventIdRole))

    @Slot(QModelIndex)
    def _on_dependency_activated(self, index: QModelIndex) -> None:
        self.open_factor.emit(index.data(OpenFactorRole))

    @Slot()
    def _on_unlink(self) -> None:
        # Imported here: the command brings the link and factor operations, which the
        # window does not need before it is ready (issue 19).
        from tracker.ui.events.link_commands import UnlinkEventCommand

        link_id = self.selected_link_id()
        if link_id is None or self.detail is None:
            return
        text = self.tr("Unlink event from “{title}”").format(title=self.detail.row.title)
        version = selected_data(self.events, VersionRole)
        if not push_removal(self._workspace, lambda seen: UnlinkEventCommand(
                self._workspace, link_id, text=text, expected_version=seen), version, self):
            self.refresh()  # changed elsewhere: show what is there now
