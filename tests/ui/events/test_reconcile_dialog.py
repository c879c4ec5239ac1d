"""Edit › Reconcile Datasets…: find pairs on the runner, read them side by side, accept and
reject them (undoably, also by keyboard), accept all above a score, prefer a dataset."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from tests.services.reconcile.events_for_matching import add_event, north_of
from tracker.domain.events import BattlefieldEvent
from tracker.domain.matches import MatchStatus
from tracker.services.common.topics import Topic
from tracker.services.reconcile import decisions
from tracker.services.reconcile.finding import find_candidates, search_terms
from tracker.services.reconcile.pairs import count_pairs, list_pairs
from tracker.storage.database import Database
from tracker.ui.common.db_op import DbOp
from tracker.ui.common.workspace import Workspace
from tracker.ui.events.event_detail_pane import EventDetailPane
from tracker.ui.events.reconcile_dialog import ReconcileDialog
from tracker.ui.events.reconcile_model import PairsModel

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
DAY = date(2024, 1, 2)


@pytest.fixture
def ws(qapp: object, db: Database) -> Iterator[Workspace]:
    with db.transaction() as session:
        for month in (1, 2, 3):
            add_event(session, "ACLED", DAY.replace(month=month), fatalities=4,
                      summary=f"Strike {month} on Kharkiv")
            add_event(session, "UCDP GED", DAY.replace(month=month), north_of(month * 3),
                      fatalities=4, fatalities_low=2, fatalities_high=6)
    workspace = Workspace(db)
    yield workspace
    workspace.undo_stack.clear()
    workspace.deleteLater()


def _idle(qtbot: QtBot, ws: Workspace) -> None:
    qtbot.waitUntil(lambda: not ws.runner.is_busy(), timeout=10_000)


def _dialog(qtbot: QtBot, ws: Workspace) -> ReconcileDialog:
    dialog = ReconcileDialog(ws)
    qtbot.addWidget(dialog)
    dialog.show()
    _idle(qtbot, ws)
    return dialog


def _find(qtbot: QtBot, ws: Workspace, dialog: ReconcileDialog) -> None:
    qtbot.mouseClick(dialog.find_button, Qt.MouseButton.LeftButton)
    _idle(qtbot, ws)
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 3)


def _merged(ws: Workspace) -> list[str]:
    return ws.read(lambda s: list(s.scalars(
        select(BattlefieldEvent.dataset).where(BattlefieldEvent.record_status == "merged")
        .order_by(BattlefieldEvent.id))))


def test_find_and_read_pairs_side_by_side(qtbot: QtBot, ws: Workspace) -> None:
    dialog = _dialog(qtbot, ws)
    assert (dialog.left_combo.currentText(), dialog.right_combo.currentText()) == (
        "ACLED", "UCDP GED")
    _find(qtbot, ws, dialog)
    assert "3 pairs proposed" in dialog.message.text()
    assert dialog.model.index(0, 1).data() == "3.0 km"  # the nearest first: best score
    assert dialog.model.index(0, 10).data() == "4 (low 2, high 6)"
    detail = dialog.detail.toPlainText()
    assert "Strike 1 on Kharkiv" in detail and "UCDP GED" in detail


def test_accept_and_reject_by_keyboard_and_undo(qtbot: QtBot, ws: Workspace) -> None:
    dialog = _dialog(qtbot, ws)
    _find(qtbot, ws, dialog)
    dialog.table.setFocus()
    qtbot.waitUntil(dialog.table.hasFocus)
    qtbot.keyClick(dialog.table, Qt.Key.Key_A)
    _idle(qtbot, ws)
    assert _merged(ws) == ["UCDP GED"]
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 2)  # the filter shows proposed ones
    dialog.table.selectRow(0)
    qtbot.keyClick(dialog.table, Qt.Key.Key_R)
    _idle(qtbot, ws)
    assert ws.read(lambda s: count_pairs(s, MatchStatus.REJECTED)) == 1
    ws.undo_stack.undo()
    ws.undo_stack.undo()
    _idle(qtbot, ws)
    assert _merged(ws) == []
    assert ws.read(lambda s: count_pairs(s, MatchStatus.PROPOSED)) == 3


def test_accept_all_above_and_prefer_a_dataset(qtbot: QtBot, ws: Workspace) -> None:
    dialog = _dialog(qtbot, ws)
    _find(qtbot, ws, dialog)
    scores = sorted(row.score for row in dialog.model._rows)
    dialog.min_score.setValue(scores[1])
    qtbot.mouseClick(dialog.above_button, Qt.MouseButton.LeftButton)
    _idle(qtbot, ws)
    assert _merged(ws) == ["UCDP GED", "UCDP GED"]
    index = dialog.preferred_combo.findData("UCDP GED")
    dialog.preferred_combo.setCurrentIndex(index)
    dialog.preferred_combo.activated.emit(index)
    _idle(qtbot, ws)
    assert _merged(ws) == ["ACLED", "ACLED"]
    dialog.status_filter.setCurrentIndex(dialog.status_filter.findText("Accepted"))
    _idle(qtbot, ws)
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 2)


def test_a_search_can_be_cancelled(qtbot: QtBot, ws: Workspace) -> None:
    dialog = _dialog(qtbot, ws)
    release = threading.Event()
    # Something else holds the runner, so the search waits in its queue when cancelled.
    ws.runner.submit(DbOp("Hold", "holding", lambda _db, _handle: release.wait(10)))
    dialog.find_button.click()
    assert dialog.cancel_button.isVisible() and not dialog.find_button.isEnabled()
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    release.set()
    _idle(qtbot, ws)
    assert dialog.message.text() == "Search cancelled; nothing changed."
    assert dialog.find_button.isEnabled() and dialog.cancel_button.isHidden()
    assert ws.read(count_pairs) == 0


def test_the_pairs_model_passes_qtmodeltester(qtmodeltester: ModelTester,
                                              ws: Workspace) -> None:
    ws.write(lambda s: find_candidates(s, search_terms("ACLED", "UCDP GED")), Topic.EVENTS)
    model = PairsModel()
    model.set_rows(ws.read(list_pairs))
    assert model.rowCount() == 3
    qtmodeltester.check(model, force_py=True)


def test_the_event_pane_shows_every_datasets_version(qtbot: QtBot, ws: Workspace) -> None:
    ws.write(lambda s: find_candidates(s, search_terms("ACLED", "UCDP GED")), Topic.EVENTS)
    first = ws.read(list_pairs)[0]
    ws.write(lambda s: decisions.accept(s, [first.match_id]), Topic.EVENTS)
    pane = EventDetailPane(ws)
    qtbot.addWidget(pane)
    pane.show_event(first.right.event_id)
    text = pane.fields.toPlainText()
    assert "Told by several datasets (one event in counts)" in text
    text = text[text.index("Told by several datasets"):]
    assert text.index(f"ACLED {first.left.external_id}") < text.index(
        f"UCDP GED {first.right.external_id}")  # the counted version first
    assert "4 (low 2, high 6)" in text and "merged into the counted one" in text
    pane.show_event(ws.read(lambda s: s.scalars(select(BattlefieldEvent.id).where(
        BattlefieldEvent.summary == "Strike 3 on Kharkiv")).one()))
    assert "several datasets" not in pane.fields.toPlainText()
