"""Typed and imported text is shown as written wherever Qt would guess it is HTML.

Qt renders a tool tip, and a label or message box left at AutoText, as rich text when its
first line looks like markup (``Qt::mightBeRichText``). A summary such as SUMMARY would then
lose "<the grain terminal>" and show "4" in bold. Each test puts such text in the sample
database and reads back what the window's own widgets and models would show.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot
from sqlalchemy import update
from sqlalchemy.orm import Session

from tests.ui._fixtures import column_data
from tracker.domain.chronology import EntryKind
from tracker.domain.enums import (
    DependencyEffect,
    FactorLevel,
    FactorTrend,
    LinkKind,
    ParticipantRole,
)
from tracker.domain.events import BattlefieldEvent
from tracker.services import rounds
from tracker.services.events.link_operations import add_link
from tracker.services.events.linking import LinkSpec
from tracker.services.factors.factors import DependencySpec, ReadingDraft
from tracker.services.factors.operations import new_dependency, new_factor, new_reading
from tracker.services.records import reference
from tracker.services.records.record_edits import edit_record
from tracker.services.rounds import ChangeNote, seating
from tracker.services.rounds.participants import ParticipantSpec
from tracker.ui.chronology.chronology_model import DETAIL, TITLE, EntryRole
from tracker.ui.common import commands
from tracker.ui.common.forms import ErrorLabel
from tracker.ui.common.table_model import as_plain, plain_tooltip
from tracker.ui.common.workspace import Topic
from tracker.ui.events.events_model import DATE, PLACE, SUMMARY
from tracker.ui.events.link_models import DependenciesModel, LinkedEventsModel, ParticipantsModel
from tracker.ui.events.link_target_dialog import LinkTargetDialog
from tracker.ui.factors.factors_model import FactorsTableModel
from tracker.ui.rounds import history_model
from tracker.ui.rounds.participant_dialog import NewPersonDialog
from tracker.ui.rounds.rounds_model import TITLE as ROUND_TITLE
from tracker.ui.window.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

ROUND, EVENT, GRID = 2, 7, 3  # in the sample: the announced talks, an event, a factor
SUMMARY_TEXT = "<b>4</b> killed as drones hit <the grain terminal> & a substation; " \
    "casualties <10"
PLACE_TEXT = "<b>Odesa</b> & <port>"
TITLE_TEXT = "<i>Talks</i> on <the corridor> & prisoners"
NOTE_TEXT = "<b>Cited</b> by <both sides> & the UN; casualties <10"
DESCRIPTION = "<u>Black Sea</u> <grain> corridor & insurance"
REASON = "<b>Venue</b> moved: <security> & logistics"
ToolTip = Qt.ItemDataRole.ToolTipRole


def shown(text: object, text_format: Qt.TextFormat = Qt.TextFormat.AutoText) -> str:
    """What Qt puts on screen for *text* in a tool tip (AutoText) or a label of *text_format*."""
    assert isinstance(text, str), f"no text: {text!r}"
    rich = text_format == Qt.TextFormat.RichText or (
        text_format == Qt.TextFormat.AutoText and GuiQt.mightBeRichText(text))
    if not rich:
        return text
    document = QTextDocument()
    document.setHtml(text)
    return document.toPlainText()


def label_shows(label: QLabel) -> str:
    return shown(label.text(), label.textFormat())


def tip(model: QAbstractItemModel, row: int, column: int) -> str:
    return shown(model.index(row, column).data(ToolTip))


def fill_with_markup(session: Session) -> None:
    """Markup-looking text in every kind of record the window shows."""
    session.execute(update(BattlefieldEvent).where(BattlefieldEvent.id == EVENT).values(
        summary=SUMMARY_TEXT, location=PLACE_TEXT, admin2="Odeskyi", admin1="Odeska"))
    edit_record(session, "round", ROUND, {"title": TITLE_TEXT}, None)
    add_link(session, LinkSpec(EVENT, ROUND, None, LinkKind.CITED, NOTE_TEXT))
    new_factor(session, "Grain corridor", DESCRIPTION)
    new_reading(session, GRID, ReadingDraft(
        datetime(2026, 2, 3, 9, 30, tzinfo=UTC), FactorLevel.HIGH, FactorTrend.RISING,
        NOTE_TEXT))
    new_dependency(session, DependencySpec(ROUND, GRID, DependencyEffect.PRECONDITION,
                                           NOTE_TEXT))
    iran = next(p.id for p in reference.list_parties(session) if p.name == "Iran")
    seating.seat(session, ParticipantSpec(ROUND, iran,
                                          ParticipantRole.OBSERVER,
                                                           note=NOTE_TEXT))
    rounds.delete(session, ROUND, ChangeNote(REASON))
    rounds.restore(session, ROUND, ChangeNote("Restored"))


@pytest.fixture
def marked_up(window: MainWindow) -> MainWindow:
    window.workspace.write(fill_with_markup, Topic.ALL)
    return window


def test_the_helper_leaves_plain_text_alone_and_escapes_what_qt_would_render() -> None:
    assert plain_tooltip("") is None and plain_tooltip(None) is None
    assert plain_tooltip("casualties <10") == "casualties <10"  # plain to Qt already
    for text in (SUMMARY_TEXT, NOTE_TEXT, "x &lt; y", "two\n<b>lines</b>", "<b>one</b>\ntwo"):
        assert shown(plain_tooltip(text)) == text
        assert shown(as_plain(text)) == text


def test_the_link_dialog_shows_the_summary_and_place_as_imported(
        qtbot: QtBot, marked_up: MainWindow) -> None:
    view = marked_up.events_view
    assert view.select_event(EVENT)
    view.detail.link_button.click()
    dialog = view.detail.dialog
    assert isinstance(dialog, LinkTargetDialog)
    qtbot.waitUntil(dialog.isVisible)
    label = dialog.findChild(QLabel, "link-event")
    assert label is not None
    day = view.table.currentIndex().siblingAtColumn(DATE).data()
    assert label_shows(label).split("\n") == [f"{day} · {PLACE_TEXT}, Odeska", SUMMARY_TEXT]
    # The target combo's tool tip is the full (elided) round title, from the first item on.
    assert dialog.target_combo.currentIndex() == 0
    assert shown(dialog.target_combo.toolTip()) == dialog.target_combo.currentText()
    dialog.select_target("round", ROUND)
    assert shown(dialog.target_combo.toolTip()).startswith(f"Round: {TITLE_TEXT} (")
    dialog.reject()


def test_event_tables_and_the_event_pane_show_tooltips_literally(
        marked_up: MainWindow) -> None:
    view = marked_up.events_view
    assert view.select_event(EVENT)
    row = view.table.currentIndex().row()
    assert tip(view.model, row, SUMMARY) == SUMMARY_TEXT
    assert tip(view.model, row, PLACE) == f"{PLACE_TEXT}, Odeskyi, Odeska"
    links = view.detail.links.model()
    ours = column_data(view.detail.links, 2).index(NOTE_TEXT)  # the link made above
    assert tip(links, ours, 0) == f"Round: {TITLE_TEXT}"
    assert tip(links, ours, 2) == NOTE_TEXT


def test_round_tables_show_tooltips_literally(marked_up: MainWindow) -> None:
    rounds_view = marked_up.rounds_view
    assert rounds_view.select_round(ROUND)
    rounds = rounds_view.model
    assert tip(rounds, rounds.row_of(ROUND) or 0, ROUND_TITLE) == TITLE_TEXT
    detail = rounds_view.detail
    events = detail.events_model
    linked = column_data(detail.events, LinkedEventsModel.NOTE).index(NOTE_TEXT)
    assert tip(events, linked, LinkedEventsModel.SUMMARY) == SUMMARY_TEXT
    assert tip(events, linked, LinkedEventsModel.NOTE) == NOTE_TEXT
    assert tip(events, linked, LinkedEventsModel.PLACE) == PLACE_TEXT
    dependencies = detail.dependencies_model
    assert NOTE_TEXT in [tip(dependencies, r, DependenciesModel.NOTE)
                         for r in range(dependencies.rowCount())
                         if dependencies.index(r, DependenciesModel.NOTE).data()]
    seats = detail.participants.table.model()
    assert NOTE_TEXT in [tip(seats, r, ParticipantsModel.NOTE) for r in range(seats.rowCount())
                         if seats.index(r, ParticipantsModel.NOTE).data()]
    history = detail.history.model()
    reasons = [tip(history, r, history_model.REASON) for r in range(history.rowCount())]
    assert REASON in reasons


def test_factor_tables_and_the_chronology_show_tooltips_literally(
        marked_up: MainWindow) -> None:
    table = marked_up.factors_view.model
    assert isinstance(table, FactorsTableModel)
    names = column_data(marked_up.factors_view.table)
    assert tip(table, names.index("Grain corridor"), table.NAME) == DESCRIPTION
    marked_up.factors_view.select_factor(GRID)
    readings = marked_up.factors_view.detail.readings_model
    assert tip(readings, 0, readings.NOTE) == NOTE_TEXT  # newest first
    assert tip(table, names.index("Winter grid collapse"), table.LEVEL) == NOTE_TEXT

    chronology = marked_up.chronology_view.model
    entries = [chronology.index(r, 0).data(EntryRole) for r in range(chronology.rowCount())]
    event_row = next(r for r, e in enumerate(entries)
                     if e.kind is EntryKind.EVENT and e.record_id == EVENT)
    round_row = next(r for r, e in enumerate(entries)
                     if e.kind is EntryKind.ROUND and e.record_id == ROUND)
    assert tip(chronology, event_row, DETAIL) == SUMMARY_TEXT
    assert tip(chronology, round_row, TITLE) == TITLE_TEXT


def test_labels_and_reports_quoting_typed_text_show_it_literally(
        qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    error = ErrorLabel("some-error")
    qtbot.addWidget(error)
    error.show_error(f"Unknown time zone: “{TITLE_TEXT}”. Pick one from the list.")
    assert label_shows(error) == f"Unknown time zone: “{TITLE_TEXT}”. Pick one from the list."

    person = NewPersonDialog(TITLE_TEXT)
    qtbot.addWidget(person)
    acting = person.findChild(QLabel, "person-party")
    assert acting is not None
    assert label_shows(acting) == f"Acting for {TITLE_TEXT}"

    # A failed undo is reported in a message box, which guesses the format too.
    boxes: list[str] = []
    monkeypatch.setattr(commands.QMessageBox, "warning",
                        staticmethod(lambda _parent, _title, text: boxes.append(text)))
    commands.report_error(f"Edit “{TITLE_TEXT}”", "The round was changed elsewhere since.")
    qtbot.waitUntil(lambda: bool(boxes))
    # (The blank line becomes a paragraph break.)
    assert shown(boxes[0]).split("\n") == [f"Edit “{TITLE_TEXT}” failed:",
                                           "The round was changed elsewhere since."]
