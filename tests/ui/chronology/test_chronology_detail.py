"""The Chronology's detail pane, its cells' tool tips, its width and its dates' defaults."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QDate, Qt
from pytestqt.qtbot import QtBot

from tests.ui._fixtures import add_events
from tracker.domain.chronology import ChronologyEntry, EntryKind
from tracker.domain.enums import Precision
from tracker.services.chronology.held_dates import held_dates
from tracker.storage.database import Database
from tracker.ui.chronology.chronology_detail import EMPTY_TEXT, entry_html
from tracker.ui.chronology.chronology_model import DETAIL, KIND, PLACE, TITLE, WHEN
from tracker.ui.chronology.chronology_view import ChronologyView
from tracker.ui.common.column_widths import fits_across
from tracker.ui.common.workspace import Workspace

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def _row_of(view: ChronologyView, kind: EntryKind) -> int:
    return next(row for row in range(view.model.rowCount())
                if view.model.entry_at(row).kind is kind)  # type: ignore[union-attr]


def test_selecting_a_row_shows_the_whole_entry_in_the_pane(
        qtbot: QtBot, view: ChronologyView) -> None:
    assert view.detail.toPlainText() == EMPTY_TEXT
    row = _row_of(view, EntryKind.EVENT)
    entry = view.model.entry_at(row)
    assert entry is not None and len(entry.detail) > 40
    view.table.setCurrentIndex(view.model.index(row, TITLE))
    qtbot.waitUntil(lambda: view.detail.entry == entry)
    text = view.detail.toPlainText()
    for part in (entry.when_text, entry.title, " ".join(entry.detail.split()), entry.place,
                 *entry.links, *entry.sources):
        assert part in " ".join(text.split()) or part in text
    # The text is the reader's to copy, and the event opens in its own tab.
    assert view.detail.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByMouse
    assert f"tracker:event/{entry.record_id}" in view.detail.toHtml()


def test_the_pane_opens_a_round_and_forgets_a_vanished_entry(
        qtbot: QtBot, view: ChronologyView) -> None:
    row = _row_of(view, EntryKind.ROUND)
    entry = view.model.entry_at(row)
    assert entry is not None
    view.table.setCurrentIndex(view.model.index(row, WHEN))
    with qtbot.waitSignal(view.open_round) as opened:
        view.detail.anchorClicked.emit(f"tracker:round/{entry.record_id}")
    assert opened.args == [entry.record_id]
    view.model.refresh()
    assert view.detail.toPlainText() == EMPTY_TEXT


def _entry_citing(source: str) -> ChronologyEntry:
    return ChronologyEntry(None, None, Precision.UNKNOWN, "date unknown", EntryKind.ROUND, 1,
                           "Talks", "", "", (), (source,))


def test_web_addresses_in_the_pane_are_links() -> None:
    shown = entry_html(_entry_citing("Reuters: https://example.org/a?b=1."))
    assert '<a href="https://example.org/a?b=1">' in shown
    assert "<script>" not in entry_html(_entry_citing("<script>"))


def test_every_cell_has_its_whole_text_as_a_tool_tip(view: ChronologyView) -> None:
    row = _row_of(view, EntryKind.SCHEDULE_CHANGE)
    entry = view.model.entry_at(row)
    assert entry is not None
    tip = Qt.ItemDataRole.ToolTipRole
    assert view.model.index(row, WHEN).data(tip) == entry.when_text
    assert view.model.index(row, KIND).data(tip) == "schedule change"
    assert view.model.index(row, TITLE).data(tip) == entry.title
    if entry.place:
        assert view.model.index(row, PLACE).data(tip) == entry.place


def test_the_table_fits_across_and_the_kind_is_not_cut(
        qtbot: QtBot, view: ChronologyView) -> None:
    qtbot.waitUntil(lambda: view.table.horizontalHeader().sectionSize(DETAIL) > 100)
    assert fits_across(view.table)
    assert view.table.horizontalScrollBar().maximum() == 0
    header = view.table.horizontalHeader()
    needed = view.table.fontMetrics().horizontalAdvance("schedule change")
    assert header.sectionSize(KIND) > needed + 16  # the swatch and the margins too


def test_the_pickers_start_at_the_first_and_last_day_held(qtbot: QtBot, db: Database) -> None:
    add_events(db, 30)  # 1 Jan 2025 onwards, nothing near today
    workspace = Workspace(db)
    view = ChronologyView(workspace)
    qtbot.addWidget(view)
    span = workspace.read(held_dates)
    assert span is not None
    assert view.from_edit.date() == QDate(span.first.year, span.first.month, span.first.day)
    assert view.to_edit.date() == QDate(span.last.year, span.last.month, span.last.day)
    assert view.from_edit.displayFormat() == "yyyy-MM-dd"
    assert view.date_range() == (None, None)  # the pickers start unchecked
    workspace.deleteLater()
