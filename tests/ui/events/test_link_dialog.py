"""The link dialog: suggestions with already-linked rows, search, one undo macro on OK."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtWidgets import QDialogButtonBox, QPushButton
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from tests.ui._fixtures import add_events
from tracker.domain.enums import LinkKind
from tracker.services import rounds
from tracker.services.events import linking
from tracker.storage.database import Database
from tracker.ui.common.forms import select_data
from tracker.ui.common.workspace import Workspace
from tracker.ui.events.events_model import EventIdRole
from tracker.ui.events.link_dialog import LinkEventsDialog
from tracker.ui.events.suggestions_model import SuggestionsModel

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

ROUND = 2  # "Trilateral talks announced for the coming week" in the sample


@pytest.fixture
def ws(sample_db: Database) -> Iterator[Workspace]:
    workspace = Workspace(sample_db)
    # Events around the round's week (sample events are dated 26 Jan 2026).
    add_events(sample_db, 60, start=date(2026, 1, 15))
    yield workspace
    workspace.deleteLater()


def open_dialog(qtbot: QtBot, ws: Workspace, **target: int) -> LinkEventsDialog:
    dialog = LinkEventsDialog(ws, **target)
    qtbot.addWidget(dialog)
    with qtbot.waitExposed(dialog):
        dialog.open()
    return dialog


def ok_button(dialog: LinkEventsDialog) -> QPushButton:
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)


def linked_ids(ws: Workspace) -> dict[int, tuple[int, str, str]]:
    rows = ws.read(lambda s: rounds.linked_events(s, round_id=ROUND))
    return {row.event_id: (row.link_id, row.kind.value, row.note) for row in rows}


def check_row(model: QAbstractItemModel, row: int) -> None:
    index = model.index(row, 0)
    assert model.setData(index, Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)


def free_rows(model: SuggestionsModel) -> list[int]:
    """Rows of suggestions not linked to the round yet."""
    return [row for row in range(model.rowCount())
            if (found := model.row_at(row)) is not None and not found.already_linked]


def test_suggestions_model_passes_qtmodeltester(
    qtmodeltester: ModelTester, ws: Workspace
) -> None:
    model = SuggestionsModel(set())
    model.set_rows(ws.read(lambda s: linking.suggest_for_round(s, ROUND, days=7)))
    assert model.rowCount() > 0
    qtmodeltester.check(model, force_py=True)


def test_the_tab_says_when_the_nearest_suggestions_are_only_part(
        qtbot: QtBot, ws: Workspace, monkeypatch: pytest.MonkeyPatch) -> None:
    real = linking.suggest_for_round
    monkeypatch.setattr(linking, "suggest_for_round",
                        lambda *args, **kwargs: real(*args, **kwargs, limit=10))
    dialog = open_dialog(qtbot, ws, round_id=ROUND)
    assert dialog.suggestions.rowCount() == 10
    assert re.fullmatch(r"Suggested \(10 nearest of \d+\)", dialog.tabs.tabText(0))


def test_already_linked_suggestions_are_shown_but_disabled(qtbot: QtBot, ws: Workspace) -> None:
    dialog = open_dialog(qtbot, ws, round_id=ROUND)
    model = dialog.suggestions
    already = linked_ids(ws)
    disabled = [model.row_at(row) for row in range(model.rowCount())
                if not model.flags(model.index(row, 0)) & Qt.ItemFlag.ItemIsEnabled]
    assert {s.event.id for s in disabled if s} == set(already)
    assert not ok_button(dialog).isEnabled()

    dialog.days_spin.setValue(0)
    narrower = model.rowCount()
    dialog.days_spin.setValue(30)
    assert model.rowCount() > narrower
    assert dialog.tabs.tabText(0) == f"Suggested ({model.rowCount()})"


def test_link_checked_suggestions_then_undo_and_redo(qtbot: QtBot, ws: Workspace) -> None:
    before = linked_ids(ws)
    dialog = open_dialog(qtbot, ws, round_id=ROUND)
    model = dialog.suggestions
    free = free_rows(model)[:3]
    for row in free:
        check_row(model, row)
    wanted = {model.index(row, 0).data(EventIdRole) for row in free}
    assert dialog.checked_label.text() == "3 events checked"
    assert ok_button(dialog).isEnabled()
    assert select_data(dialog.kind_combo, LinkKind.ESCALATION)
    qtbot.keyClicks(dialog.note_edit, "Strikes during the talks")
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(ok_button(dialog), Qt.MouseButton.LeftButton)

    after = linked_ids(ws)
    assert set(after) == set(before) | wanted
    for event_id in wanted:
        assert after[event_id][1:] == ("escalation during talks", "Strikes during the talks")
    stack = ws.undo_stack
    assert stack.count() == 1
    assert stack.undoText().startswith("Link 3 events to round")

    stack.undo()
    assert linked_ids(ws) == before
    stack.redo()
    assert linked_ids(ws) == after  # the same link ids came back


def test_search_tab_finds_any_event_and_links_it(qtbot: QtBot, ws: Workspace) -> None:
    dialog = open_dialog(qtbot, ws, factor_id=1)
    assert dialog.tabs.count() == 1  # no suggestions for a factor
    search = dialog.search_model
    qtbot.keyClicks(dialog.search_bar.text_edit, "substation")
    qtbot.waitUntil(lambda: search.rowCount() == 1)
    check_row(search, 0)
    event_id = search.index(0, 0).data(EventIdRole)
    assert dialog.checked_ids() == {event_id}
    ok_button(dialog).click()
    detail_links = ws.read(lambda s: rounds.linked_events(s, factor_id=1))
    assert [row.event_id for row in detail_links] == [event_id]


def test_search_disables_events_already_linked(qtbot: QtBot, ws: Workspace) -> None:
    dialog = open_dialog(qtbot, ws, round_id=ROUND)
    dialog.tabs.setCurrentIndex(1)
    search = dialog.search_model
    linked = set(linked_ids(ws))
    for row in range(search.rowCount()):
        index = search.index(row, 0)
        if index.data(EventIdRole) in linked:
            assert not search.setData(index, Qt.CheckState.Checked,
                                      Qt.ItemDataRole.CheckStateRole)
            assert index.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked


def test_checks_are_shared_between_tabs(qtbot: QtBot, ws: Workspace) -> None:
    dialog = open_dialog(qtbot, ws, round_id=ROUND)
    model = dialog.suggestions
    row = free_rows(model)[0]
    check_row(model, row)
    event_id = model.index(row, 0).data(EventIdRole)
    search = dialog.search_model
    position = next(r for r in range(search.rowCount())
                    if search.index(r, 0).data(EventIdRole) == event_id)
    assert search.index(position, 0).data(Qt.ItemDataRole.CheckStateRole) == \
        Qt.CheckState.Checked
    search.setData(search.index(position, 0), Qt.CheckState.Unchecked,
                   Qt.ItemDataRole.CheckStateRole)
    assert model.index(row, 0).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    assert not ok_button(dialog).isEnabled()


def test_suggestions_already_linked_say_so(qtbot: QtBot, ws: Workspace) -> None:
    """Issue 16, finding 8: on the sample every suggestion is linked already; the rows and
    the footer say it, instead of greyed ticks beside "0 events checked"."""
    dialog = open_dialog(qtbot, ws, round_id=ROUND)
    model = dialog.suggestions
    already = set(linked_ids(ws))
    for row in range(model.rowCount()):
        item = model.row_at(row)
        assert item is not None
        expected = "already linked" if item.event.id in already else ""
        assert model.index(row, model.LINKED).data() == expected
    assert model.headerData(model.LINKED, Qt.Orientation.Horizontal) == "Linked"
    linked = model.linked_count()
    assert linked == sum(1 for row in range(model.rowCount())
                         if model.row_at(row).event.id in already)  # type: ignore[union-attr]
    assert linked > 0
    assert dialog.checked_label.text() == "0 events checked"
    assert dialog.linked_label.text() == (
        f"· {linked} of the suggestions are already linked to this round")
    dialog.days_spin.setValue(0)  # the footer follows the suggestions shown
    assert model.linked_count() == 0  # the sample's events are days before the round
    assert dialog.linked_label.text() == ""
