"""The Factors view: table, detail, reading and dependency dialogs, linking, signals."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from tests.ui._fixtures import column_data, placeholder_text
from tests.ui.conftest import ReportedErrors
from tracker.domain.enums import DependencyEffect, FactorLevel, FactorTrend
from tracker.domain.factors import Factor
from tracker.services.events import events
from tracker.services.events.link_operations import add_link
from tracker.services.events.linking import LinkSpec
from tracker.services.factors import factors
from tracker.services.factors.factors import ReadingDraft
from tracker.services.factors.operations import new_dependency, new_factor, new_reading
from tracker.storage.database import Database
from tracker.ui.common.forms import select_data
from tracker.ui.common.workspace import Topic, Workspace
from tracker.ui.events.link_dialog import LinkEventsDialog
from tracker.ui.factors.factor_dialogs import AddDependencyDialog, AddReadingDialog
from tracker.ui.factors.factors_model import LEVEL_COLOURS, FactorsTableModel, ReadingsModel
from tracker.ui.factors.factors_view import FactorsView

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

STARLINK, TENSIONS, GRID = 2, 1, 3  # factor ids in the sample


@pytest.fixture
def ws(sample_db: Database) -> Iterator[Workspace]:
    workspace = Workspace(sample_db)
    yield workspace
    workspace.deleteLater()


@pytest.fixture
def view(qtbot: QtBot, ws: Workspace) -> FactorsView:
    widget = FactorsView(ws)
    qtbot.addWidget(widget)
    widget.set_display_zone("Europe/Kyiv")
    widget.resize(1200, 800)
    with qtbot.waitExposed(widget):
        widget.show()
    return widget


def test_models_pass_qtmodeltester(qtmodeltester: ModelTester, ws: Workspace) -> None:
    model = FactorsTableModel(tz_name="Europe/Kyiv")
    model.set_rows(ws.read(factors.list_factors))
    qtmodeltester.check(model, force_py=True)
    readings = ReadingsModel(tz_name="Europe/Kyiv")
    readings.set_rows(ws.read(lambda s: factors.factor_detail(s, TENSIONS)).readings)
    qtmodeltester.check(readings, force_py=True)


def test_table_shows_level_colour_trend_arrow_and_local_time(view: FactorsView) -> None:
    model = view.model
    row = model.row_of(TENSIONS)
    assert row is not None
    assert model.index(row, model.LEVEL).data() == "high"
    assert model.index(row, model.LEVEL).data(Qt.ItemDataRole.DecorationRole) == \
        LEVEL_COLOURS[FactorLevel.HIGH]
    assert isinstance(LEVEL_COLOURS[FactorLevel.LOW], QColor)
    assert model.index(row, model.TREND).data() == "↑ rising"
    # 10:00 UTC on 31 Jan 2026 is noon in Kyiv (EET, UTC+2).
    assert model.index(row, model.LATEST).data() == "31 Jan 2026 12:00 EET"
    assert model.index(row, model.DEPENDENTS).data() == "1"


def test_select_factor_shows_detail_and_signals(qtbot: QtBot, view: FactorsView) -> None:
    assert view.current_factor_id() == STARLINK  # the first by name is preselected
    view.select_factor(TENSIONS)
    with qtbot.waitSignal(view.factor_selected) as blocker:
        assert view.select_factor(STARLINK)
    assert blocker.args == [STARLINK]
    detail = view.detail
    assert "Starlink" in detail.description.text()
    assert detail.readings_model.rowCount() == 1
    assert detail.linked.model().rowCount() == 3
    assert placeholder_text(detail.linked) == ""
    assert detail.dependents.model().rowCount() == 0
    assert placeholder_text(detail.dependents) == "No round depends on this factor"
    assert detail.sources.list.item(0).text().startswith(
        "Seed news report (wire summary), “Widespread Russian Attacks")
    assert not view.select_factor(999)


def test_activating_rows_opens_round_and_event(qtbot: QtBot, view: FactorsView) -> None:
    view.select_factor(TENSIONS)
    dependents = view.detail.dependents
    dependents.selectRow(0)
    with qtbot.waitSignal(view.open_round) as opened:
        qtbot.keyClick(dependents, Qt.Key.Key_Return)
    assert opened.args == [2]
    view.select_factor(STARLINK)
    linked = view.detail.linked
    linked.selectRow(0)
    with qtbot.waitSignal(view.open_event) as shown:
        qtbot.keyClick(linked, Qt.Key.Key_Return)
    assert shown.args[0] in (1, 3, 4)


def test_keyboard_selects_factors(qtbot: QtBot, view: FactorsView) -> None:
    view.select_factor(STARLINK)  # first by name
    view.table.setFocus()
    with qtbot.waitSignal(view.factor_selected) as blocker:
        qtbot.keyClick(view.table, Qt.Key.Key_Down)
    assert blocker.args == [TENSIONS]


def test_add_reading_dialog_parses_local_time_and_undoes(
    qtbot: QtBot, view: FactorsView, ws: Workspace
) -> None:
    view.select_factor(TENSIONS)
    view.detail.add_reading_button.click()
    dialog = view.detail.dialog
    assert isinstance(dialog, AddReadingDialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    dialog.when_edit.clear()
    qtbot.keyClicks(dialog.when_edit, "next month")
    assert not ok.isEnabled()
    assert "not a date" in dialog.when_label.text()
    dialog.when_edit.clear()
    qtbot.keyClicks(dialog.when_edit, "Feb 2026")
    assert not ok.isEnabled()
    assert "not a week or month" in dialog.when_label.text()
    dialog.when_edit.clear()
    qtbot.keyClicks(dialog.when_edit, "2026-02-03 14:30")
    assert ok.isEnabled()
    assert "3 Feb 2026 14:30 EET" in dialog.when_label.text()
    assert select_data(dialog.level_combo, FactorLevel.CRITICAL)
    assert select_data(dialog.trend_combo, FactorTrend.RISING)
    qtbot.keyClicks(dialog.note_edit, "Carrier group moved")
    with qtbot.waitSignal(dialog.accepted):
        ok.click()

    readings = view.detail.readings_model
    assert readings.rowCount() == 2
    assert readings.index(0, 0).data() == "3 Feb 2026 14:30 EET"  # newest first
    row = view.model.row_of(TENSIONS)
    assert view.model.index(row, view.model.LEVEL).data() == "critical"  # type: ignore[arg-type]
    latest = ws.read(lambda s: factors.factor_row(s, TENSIONS)).latest
    assert latest is not None
    assert latest.observed_at == datetime(2026, 2, 3, 12, 30, tzinfo=UTC)

    ws.undo_stack.undo()
    assert view.detail.readings_model.rowCount() == 1
    assert view.current_factor_id() == TENSIONS  # selection survives the refresh


def test_add_dependency_dialog_refuses_duplicates_and_undoes(
    qtbot: QtBot, view: FactorsView, ws: Workspace
) -> None:
    view.select_factor(TENSIONS)
    view.detail.add_dependency_button.click()
    dialog = view.detail.dialog
    assert isinstance(dialog, AddDependencyDialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    dependents = ws.read(lambda s: factors.factor_detail(s, TENSIONS)).dependents
    existing = dependents[0]
    before = column_data(view.detail.dependents, 1)
    assert before == [d.effect.value for d in dependents]
    assert select_data(dialog.round_combo, existing.round_id)
    assert select_data(dialog.effect_combo, existing.effect)
    assert not ok.isEnabled()
    assert "already depends" in dialog.error_label.text()
    assert dialog.error_label.isVisible()
    taken = {d.effect for d in dependents if d.round_id == existing.round_id}
    other = next(e for e in DependencyEffect if e not in taken)
    assert select_data(dialog.effect_combo, other)
    assert ok.isEnabled()
    assert not dialog.error_label.isVisible()
    with qtbot.waitSignal(dialog.accepted):
        ok.click()
    assert column_data(view.detail.dependents, 1) == [*before, other.value]
    ws.undo_stack.undo()
    assert column_data(view.detail.dependents, 1) == before


def test_link_events_and_unlink_from_the_factor(
    qtbot: QtBot, view: FactorsView, ws: Workspace
) -> None:
    view.select_factor(TENSIONS)
    assert view.detail.linked.model().rowCount() == 0
    assert placeholder_text(view.detail.linked) == "No events linked"
    view.detail.link_button.click()
    dialog = view.detail.dialog
    assert isinstance(dialog, LinkEventsDialog)
    dialog.search_model.setData(dialog.search_model.index(0, 0), Qt.CheckState.Checked,
                                Qt.ItemDataRole.CheckStateRole)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert view.detail.linked.model().rowCount() == 1
    assert placeholder_text(view.detail.linked) == ""
    assert view.model.index(view.model.row_of(TENSIONS), view.model.LINKED).data() == "1"  # type: ignore[arg-type]

    linked = view.detail.linked
    assert not view.detail.unlink_button.isEnabled()
    linked.selectRow(0)
    assert view.detail.unlink_button.isEnabled()
    view.detail.unlink_button.click()
    assert linked.model().rowCount() == 0
    assert placeholder_text(linked) == "No events linked"
    assert not view.detail.unlink_button.isEnabled()
    ws.undo_stack.undo()
    assert linked.model().rowCount() == 1


def test_refreshes_on_changes_and_new_database(
    qtbot: QtBot, view: FactorsView, ws: Workspace, db: Database
) -> None:
    view.select_factor(GRID)
    draft = ReadingDraft(datetime(2026, 2, 1, tzinfo=UTC), FactorLevel.LOW, FactorTrend.EASING)
    ws.write(lambda s: new_reading(s, GRID, draft), Topic.FACTORS)
    assert view.detail.readings_model.rowCount() == 2
    ws.replace_database(db)  # an empty database
    assert view.model.rowCount() == 0
    assert view.placeholder.isVisible()
    assert view.current_factor_id() is None
    assert not view.detail.add_reading_button.isEnabled()


def test_add_dependency_dialog_keeps_a_dependency_refused_meanwhile(
    qtbot: QtBot, view: FactorsView, ws: Workspace, no_modal_boxes: ReportedErrors
) -> None:
    view.select_factor(STARLINK)
    view.detail.add_dependency_button.click()
    dialog = view.detail.dialog
    assert isinstance(dialog, AddDependencyDialog)
    spec = dialog.spec()
    assert spec is not None
    with ws.db.transaction() as session:  # another program adds the same one first
        new_dependency(session, spec)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.isVisible()
    assert dialog.error_label.text() == "The round already depends on it that way"
    assert dialog.form_error.message == ""  # beside the field the service named
    assert dialog.command is None
    assert no_modal_boxes == [] and ws.undo_stack.count() == 0
    dialog.reject()


def test_add_reading_dialog_stays_open_when_the_factor_was_deleted_meanwhile(
    qtbot: QtBot, view: FactorsView, ws: Workspace, no_modal_boxes: ReportedErrors
) -> None:
    factor_id = ws.write(lambda s: new_factor(s, "Grain corridor").record_id, Topic.FACTORS)
    assert view.select_factor(factor_id)
    view.detail.add_reading_button.click()
    dialog = view.detail.dialog
    assert isinstance(dialog, AddReadingDialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert ok.isEnabled()  # now, in the user's zone
    with ws.db.transaction() as session:  # another program removes the factor first
        session.delete(session.get(Factor, factor_id))
    ok.click()
    assert dialog.isVisible()
    assert dialog.form_error.message == f"Factor {factor_id} does not exist"
    assert dialog.form_error.isVisible()
    assert dialog.when_label.text().startswith("Read as ")  # not a problem with the time
    assert dialog.command is None
    assert no_modal_boxes == [] and ws.undo_stack.count() == 0
    dialog.reject()


def test_an_unlink_from_the_factor_that_cannot_be_undone_is_reported(
    qtbot: QtBot, view: FactorsView, ws: Workspace, no_modal_boxes: ReportedErrors
) -> None:
    view.select_factor(STARLINK)
    linked = view.detail.linked
    linked.selectRow(0)
    link = view.detail.selected_link()
    assert link is not None
    spec = ws.read(lambda s: events.event_detail(s, link[1]))
    kind = next(row.kind for row in spec.links if row.link_id == link[0])
    view.detail.unlink_button.click()
    # Another analyst links the same event again meanwhile: the undo cannot put ours back.
    ws.write(lambda s: add_link(s, LinkSpec(link[1], None, STARLINK, kind)), Topic.LINKS)
    ws.undo_stack.undo()
    assert len(no_modal_boxes) == 1 and "already linked" in no_modal_boxes[0]
    assert ws.undo_stack.count() == 0
