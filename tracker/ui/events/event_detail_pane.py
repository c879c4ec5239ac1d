"""One event in full: its fields, what it is linked to (with link buttons), the sources
it cites (each one editable there), and every dataset's version of it where an accepted
reconciliation pair says two datasets tell the same event."""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import QModelIndex, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from tracker.domain.wording import label_of
from tracker.services.common.errors import NotFoundError
from tracker.services.common.views import EventDetail, EventRow
from tracker.services.events import event_records, events
from tracker.services.events.event_records import EventProvenance
from tracker.services.reconcile.pairs import EventVersion, event_versions
from tracker.services.targets.review import TargetReason, explain
from tracker.ui.common import commands
from tracker.ui.common.cited_sources import CitedSourcesList
from tracker.ui.common.conflict_dialog import push_removal
from tracker.ui.common.date_text import day_text, utc_text
from tracker.ui.common.edit_dialog import writes
from tracker.ui.common.language import QT_TRANSLATE_NOOP, translate
from tracker.ui.common.placeholder import ViewPlaceholder
from tracker.ui.common.workspace import Workspace
from tracker.ui.events.claims_panel import ClaimsPanel
from tracker.ui.events.events_model import count_text, date_text
from tracker.ui.events.link_commands import UnlinkEventCommand
from tracker.ui.events.link_models import (
    EventLinksModel,
    LinkIdRole,
    OpenFactorRole,
    OpenRoundRole,
    VersionRole,
    compact_table,
    delete_key_removes,
    select_link,
    selected_data,
)
from tracker.ui.events.link_target_dialog import EditLinkDialog, LinkTargetDialog
from tracker.ui.events.target_review import target_text


def event_html(row: EventRow, provenance: EventProvenance | None = None,
               versions: list[EventVersion] | None = None,
               target: TargetReason | None = None) -> str:
    """The event's fields as a small HTML table (escaped: summaries are imported text),
    then every dataset's version of it, if an accepted pair says several tell it.
    Its sources are listed beside it (CitedSourcesList), where they can be edited."""
    def cell(label: str, value: str) -> str:
        not_given = translate("EventDetail", "not given")
        shown = html.escape(value) if value else f"<i>{not_given}</i>"
        return f"<tr><th align=left valign=top>{label}</th><td>{shown}</td></tr>"

    place = ", ".join(p for p in (row.location, row.admin2, row.admin1) if p)
    coordinates = f"{row.latitude:.4f}, {row.longitude:.4f}" \
        if row.latitude is not None and row.longitude is not None else ""
    rows = [
        cell(translate("EventDetail", "Date"), translate(
            "EventDetail", "{date} ({precision} precision)").format(
                date=date_text(row), precision=label_of(row.date_precision))),
        cell(translate("EventDetail", "Type"),
             " / ".join(p for p in (row.event_type, row.sub_event_type) if p)),
        cell(translate("EventDetail", "Target"), target_text(row.target_category, target)),
        cell(translate("EventDetail", "Place"), place),
        cell(translate("EventDetail", "Coordinates"), coordinates),
        cell(translate("EventDetail", "Actors"),
             " — ".join(p for p in (row.actor1, row.actor2) if p)),
        cell(translate("EventDetail", "Fatalities"), count_text(row.fatalities)),
        cell(translate("EventDetail", "Injuries"), count_text(row.injuries)),
        cell(translate("EventDetail", "Dataset"), f"{row.dataset} {row.external_id}".strip()),
    ]
    if provenance is not None:
        rows[1:1] = _dataset_cells(row, provenance, cell)
    no_summary = translate("EventDetail", "<i>No summary</i>")
    return (
        f"<p>{html.escape(row.summary) or no_summary}</p>"
        f"<table cellspacing=2 cellpadding=2>{''.join(rows)}</table>"
        + versions_html(versions or [])
        + (_record_html(provenance) if provenance is not None else "")
    )


def _dataset_cells(row: EventRow, provenance: EventProvenance,
                   cell: Callable[[str, str], str]) -> list[str]:
    """What the dataset said beyond the table's columns, where it said anything."""
    cells = []
    if provenance.date_end is not None and provenance.date_end != row.event_date:
        cells.append(cell(translate("EventDetail", "Until"), day_text(provenance.date_end)))
    if provenance.fatalities_low is not None or provenance.fatalities_high is not None:
        cells.append(cell(translate("EventDetail", "Estimate range"),
                          f"{count_text(provenance.fatalities_low)}–"
                          f"{count_text(provenance.fatalities_high)}"))
    if provenance.interaction:
        cells.append(cell(translate("EventDetail", "Interaction"), provenance.interaction))
    if provenance.reported_by:
        cells.append(cell(translate("EventDetail", "Reported by"), provenance.reported_by))
    return cells


def _record_html(provenance: EventProvenance) -> str:
    """The record as the file had it, so a reader can check the import against it."""
    when = (utc_text(provenance.imported_at)
            if provenance.imported_at else "")
    fields = "".join(
        f"<tr><th align=left valign=top>{html.escape(name)}</th>"
        f"<td>{html.escape(value)}</td></tr>" for name, value in provenance.fields)
    return (
        "<p>" + translate("EventDetail", "<b>Imported from</b> {file} ({layout}, {encoding}) "
                          "{when}").format(file=html.escape(provenance.file_name),
                                           layout=html.escape(provenance.layout),
                                           encoding=html.escape(provenance.encoding),
                                           when=when) + "</p>"
        + (f"<table cellspacing=1 cellpadding=1 style='font-size:small'>{fields}</table>"
           if fields else "")
    )


VERSION_HEADERS = (
    QT_TRANSLATE_NOOP("EventVersions", "Dataset"), QT_TRANSLATE_NOOP("EventVersions", "Date"),
    QT_TRANSLATE_NOOP("EventVersions", "Place"), QT_TRANSLATE_NOOP("EventVersions", "Type"),
    QT_TRANSLATE_NOOP("EventVersions", "Fatalities"),
    QT_TRANSLATE_NOOP("EventVersions", "In counts"))


def versions_html(versions: list[EventVersion]) -> str:
    """Each dataset's version of an accepted pair, the one whose figures count first."""
    if not versions:
        return ""

    rows = []
    for version in versions:
        side = version.side
        stands = (translate("EventVersions", "counted") if version.preferred
                  else translate("EventVersions", "merged into the counted one"))
        cells = (f"{side.dataset} {side.external_id}", side.when, side.place,
                 side.event_type, side.figures, stands)
        rows.append("<tr>" + "".join(f"<td valign=top>{html.escape(cell)}</td>"
                                     for cell in cells) + "</tr>")
    names = [html.escape(translate("EventVersions", name)) for name in VERSION_HEADERS]
    headers = "".join(f"<th align=left>{name}</th>" for name in names)
    title = html.escape(translate("EventVersions",
                                  "Told by several datasets (one event in counts)"))
    return (f"<p><b>{title}</b></p><table cellspacing=2 cellpadding=2>"
            f"<tr>{headers}</tr>{''.join(rows)}</table>")


class EventDetailPane(QWidget):
    """Fields, sources and links of the current event; link and unlink through the stack.

    Signals:
        open_round(int): a round link was activated.
        open_factor(int): a factor link was activated.
    """

    open_round = Signal(int)
    open_factor = Signal(int)

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._event_id: int | None = None
        self.dialog: LinkTargetDialog | EditLinkDialog | None = None

        self.fields = QTextBrowser(self)
        self.fields.setObjectName("event-fields")
        self.fields.setAccessibleName(self.tr("Event details"))
        self.fields.setOpenLinks(False)
        self.links_model = EventLinksModel(self)
        self.links = compact_table("event-links", self.links_model, EventLinksModel.SAMPLES,
                                   self.tr("Double-click or press Enter to open the round "
                                           "or factor"))
        self.links.setAccessibleName(self.tr("Links to rounds and factors"))
        self.links_placeholder = ViewPlaceholder(self.links)
        self.link_button = writes(QPushButton(self.tr("Link to round/factor…"), self))
        self.edit_link_button = writes(QPushButton(self.tr("Edit link…"), self))
        self.edit_link_button.setObjectName("event-link-edit-button")
        self.unlink_button = writes(QPushButton(self.tr("Unlink"), self))
        self.sources = CitedSourcesList(workspace, "event_id", "event", self)

        box = QGroupBox(self.tr("Linked to"), self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.link_button)
        buttons.addWidget(self.edit_link_button)
        buttons.addWidget(self.unlink_button)
        buttons.addStretch(1)
        box_layout = QVBoxLayout(box)
        box_layout.addWidget(self.links)
        box_layout.addLayout(buttons)
        sources = QGroupBox(self.tr("Sources"), self)
        QVBoxLayout(sources).addWidget(self.sources)
        side = QVBoxLayout()
        side.addWidget(box, 1)
        side.addWidget(sources)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        # Claims under the fields: the side column is as tall as a small screen allows.
        self.claims = ClaimsPanel(workspace, self)
        fields_and_claims = QVBoxLayout()
        fields_and_claims.addWidget(self.fields, 2)
        fields_and_claims.addWidget(self.claims, 1)
        layout.addLayout(fields_and_claims, 3)
        layout.addLayout(side, 2)

        self.links.activated.connect(self._on_link_activated)
        self.links.selectionModel().selectionChanged.connect(self._update_buttons)
        self.link_button.clicked.connect(self._on_link_clicked)
        self.unlink_button.clicked.connect(self._on_unlink_clicked)
        self.edit_link_button.clicked.connect(self._on_edit_link_clicked)
        delete_key_removes(self.links, self._on_unlink_clicked, self.tr("Unlink"))
        self.show_event(None)

    def show_event(self, event_id: int | None) -> None:
        """Show *event_id* (None: nothing selected) as it is in the database now."""
        detail: EventDetail | None = None
        provenance: EventProvenance | None = None
        versions: list[EventVersion] = []
        reason: TargetReason | None = None
        if event_id is not None:
            wanted = event_id
            try:
                detail = self._workspace.read(lambda s: events.event_detail(s, wanted))
                provenance = self._workspace.read(
                    lambda s: event_records.event_provenance(s, wanted))
                versions = self._workspace.read(lambda s: event_versions(s, wanted))
                reason = self._workspace.read(lambda s: explain(s, wanted))
            except NotFoundError:
                event_id = None
        # The same event re-read after an edit keeps its selected link.
        kept = self.selected_link_id() if event_id == self._event_id else None
        self._event_id = event_id
        self.links_model.set_rows(detail.links if detail else ())
        select_link(self.links, kept)
        # Without an event the fields say to select one; the empty list needs no words.
        self.links_placeholder.update_for(
            self.links_model.rowCount(),
            self.tr("Not linked to any round or factor") if detail else "")
        if detail is None:
            self.fields.setHtml(self.tr(
                "<p><i>Select an event to see its details and links.</i></p>"))
        else:
            self.fields.setHtml(event_html(detail.row, provenance, versions, reason))
        self.sources.show_record(event_id if detail is not None else None)
        self.claims.show_event(event_id if detail is not None else None)
        self._update_buttons()

    def selected_link_id(self) -> int | None:
        link_id: int | None = selected_data(self.links, LinkIdRole)
        return link_id

    @Slot()
    def _update_buttons(self) -> None:
        self.link_button.setEnabled(self._event_id is not None)
        self.unlink_button.setEnabled(self.selected_link_id() is not None)
        self.edit_link_button.setEnabled(self.selected_link_id() is not None)

    @Slot(QModelIndex)
    def _on_link_activated(self, index: QModelIndex) -> None:
        round_id, factor_id = index.data(OpenRoundRole), index.data(OpenFactorRole)
        if round_id is not None:
            self.open_round.emit(round_id)
        elif factor_id is not None:
            self.open_factor.emit(factor_id)

    @Slot()
    def _on_link_clicked(self) -> None:
        if self._event_id is None:
            return
        # Window-modal and non-blocking (open, not exec), so tests can drive it.
        self.dialog = LinkTargetDialog(self._workspace, self._event_id, self)
        self.dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog.destroyed.connect(self._on_dialog_destroyed)
        self.dialog.open()

    @Slot()
    def _on_edit_link_clicked(self) -> None:
        link_id = self.selected_link_id()
        rows = self.links.selectionModel().selectedRows()
        row = self.links_model.row_at(rows[0].row()) if rows else None
        if link_id is None or row is None:
            return
        try:
            self.dialog = EditLinkDialog(self._workspace, link_id, row.target, self)
        except NotFoundError as gone:  # unlinked elsewhere since it was shown
            commands.report_message(str(gone))
            self.show_event(self._event_id)
            return
        self.dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog.destroyed.connect(self._on_dialog_destroyed)
        self.dialog.open()

    @Slot()
    def _on_dialog_destroyed(self) -> None:
        self.dialog = None

    @Slot()
    def _on_unlink_clicked(self) -> None:
        link_id = self.selected_link_id()
        if link_id is None:
            return
        version = selected_data(self.links, VersionRole)
        if not push_removal(self._workspace, lambda seen: UnlinkEventCommand(
                self._workspace, link_id, expected_version=seen), version, self):
            self.show_event(self._event_id)  # changed elsewhere: show what is there now
