"""The Analysis view: settings drive the table and charts; rows select, open and export.

Counts are those worked out in tests/services/analysis_scenario.py. With the view's
defaults (7-day windows, baseline 4 weeks earlier) the round of 10–11 March has 3 events
before (6, 7, 9 Mar), 3 during and 3 after (12, 14, 15 Mar), and nothing in February's
baselines.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from tests.services.analysis_scenario import KYIV, build_analysis_scenario, new_round
from tests.services.scenario import add_events
from tests.ui.conftest import ReportedErrors
from tracker.domain.enums import FactorLevel, FactorTrend
from tracker.domain.negotiation import Round, Track
from tracker.domain.timewindow import ScheduledWindow
from tracker.services.events.events import EventFilter
from tracker.services.factors import factors
from tracker.services.factors.operations import new_factor, new_reading
from tracker.storage.database import Database
from tracker.ui.analysis.analysis_model import AnalysisTableModel, RowRole
from tracker.ui.analysis.analysis_view import AnalysisView
from tracker.ui.common.workspace import Topic, Workspace

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

COLUMNS = AnalysisTableModel


@pytest.fixture
def workspace(qapp: QApplication, db: Database) -> Iterator[Workspace]:
    with db.transaction() as session:
        scenario = build_analysis_scenario(session)
        new_round(session, scenario.track, "Later talks",
                  ScheduledWindow.days(date(2025, 3, 20), KYIV))
    space = Workspace(db)
    yield space
    space.deleteLater()


@pytest.fixture
def view(qtbot: QtBot, workspace: Workspace, no_modal_boxes: ReportedErrors) -> AnalysisView:
    widget = AnalysisView(workspace)
    qtbot.addWidget(widget)
    widget.resize(1400, 800)
    with qtbot.waitSignal(widget.analysis_updated):
        widget.show()
    return widget


def _column(view: AnalysisView, column: int, phase: str | None = None) -> list[str]:
    proxy = view.proxy
    texts = []
    for number in range(proxy.rowCount()):
        if phase is None or proxy.index(number, COLUMNS.PHASE).data() == phase:
            texts.append(proxy.index(number, column).data())
    return texts


def _first_round(view: AnalysisView, column: int) -> list[str]:
    return _column(view, column)[:3]


def _type_into(qtbot: QtBot, view: AnalysisView, spin: Any, text: str) -> None:
    with qtbot.waitSignal(view.analysis_updated):
        spin.selectAll()
        qtbot.keyClicks(spin, text)
        qtbot.keyClick(spin, Qt.Key.Key_Return)


def _choose(qtbot: QtBot, view: AnalysisView, combo: Any, text: str) -> None:
    with qtbot.waitSignal(view.analysis_updated):
        combo.setCurrentIndex(combo.findText(text))


def _click_row(qtbot: QtBot, view: AnalysisView, row: int) -> None:
    index = view.proxy.index(row, COLUMNS.EVENTS)
    view.table.scrollTo(index)
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton,
                     pos=view.table.visualRect(index).center())


def test_the_table_shows_each_window_with_no_baseline_when_it_is_zero(
        view: AnalysisView, qtmodeltester: ModelTester) -> None:
    qtmodeltester.check(view.model)
    assert _first_round(view, COLUMNS.ANCHOR) == ["Kyiv talks"] * 3
    assert _first_round(view, COLUMNS.PHASE) == ["before", "during", "after"]
    assert _first_round(view, COLUMNS.DAYS) == ["3–9 Mar 2025", "10–11 Mar 2025",
                                                "12–18 Mar 2025"]
    assert _first_round(view, COLUMNS.EVENTS) == ["3", "3", "3"]
    assert _first_round(view, COLUMNS.IMPRECISE) == ["1", "1", "0"]
    assert _first_round(view, COLUMNS.RATIO) == ["no baseline"] * 3
    alignment = view.proxy.index(0, COLUMNS.EVENTS).data(Qt.ItemDataRole.TextAlignmentRole)
    assert alignment & Qt.AlignmentFlag.AlignRight
    assert "2 rounds analysed" in view.status_label.text()


def test_typing_a_window_size_recounts(qtbot: QtBot, view: AnalysisView) -> None:
    _type_into(qtbot, view, view.controls.window_spin, "3")
    assert view.result is not None and view.result.settings.window_days == 3
    assert _first_round(view, COLUMNS.DAYS) == ["7–9 Mar 2025", "10–11 Mar 2025",
                                                "12–14 Mar 2025"]
    assert _first_round(view, COLUMNS.EVENTS) == ["2", "3", "2"]


def test_a_trailing_baseline_gives_ratios_and_differences(qtbot: QtBot,
                                                          view: AnalysisView) -> None:
    _choose(qtbot, view, view.controls.baseline_combo, "Trailing mean of windows")
    assert view.controls.baseline_spin.suffix() == " windows"
    # Four windows before each: 4 events in 3 Feb–2 Mar, 3 in 2–9 Mar, 10 in 12 Feb–11 Mar.
    assert _first_round(view, COLUMNS.BASELINE) == ["1", "0.75", "2.5"]
    assert _first_round(view, COLUMNS.RATIO) == ["×3", "×4", "×1.2"]
    assert _first_round(view, COLUMNS.DIFFERENCE) == ["+2", "+2.25", "+0.5"]
    _type_into(qtbot, view, view.controls.baseline_spin, "2")
    assert _first_round(view, COLUMNS.BASELINE)[0] == "2"
    assert _first_round(view, COLUMNS.RATIO)[0] == "×1.5"
    # Back to weeks: the spin box shows the weeks it had, not the windows.
    _choose(qtbot, view, view.controls.baseline_combo, "Same days, weeks earlier")
    assert view.controls.baseline_spin.value() == 4
    assert _first_round(view, COLUMNS.RATIO) == ["no baseline"] * 3


def test_selecting_a_row_draws_its_windows(qtbot: QtBot, view: AnalysisView,
                                           qtmodeltester: ModelTester) -> None:
    _choose(qtbot, view, view.controls.split_combo, "Target category")
    qtmodeltester.check(view.proxy)
    assert view.model.headerData(COLUMNS.GROUP, Qt.Orientation.Horizontal) == \
        "Target category"
    groups = _column(view, COLUMNS.GROUP, "during")[:5]
    assert groups == ["energy", "military", "residential", "transport", "uncategorised"]
    residential = next(
        number for number in range(view.proxy.rowCount())
        if view.proxy.index(number, COLUMNS.GROUP).data() == "residential"
        and view.proxy.index(number, COLUMNS.PHASE).data() == "during")
    _click_row(qtbot, view, residential)
    qtbot.waitUntil(lambda: view.chart.window_values() == [(0.0, 0.0), (1.0, 0.0),
                                                           (0.0, 0.0)])
    assert "residential" in view.chart.windows_chart.title()
    energy = groups.index("energy")
    _click_row(qtbot, view, energy)
    # 3–9 Mar: 7 Mar; 10–11 Mar: 10 and 11 Mar; 12–18 Mar: 14 and 15 Mar.
    qtbot.waitUntil(lambda: view.chart.window_values() == [(1.0, 0.0), (2.0, 0.0),
                                                           (2.0, 0.0)])


def test_the_daily_series_spans_the_analysis_and_marks_the_rounds(view: AnalysisView) -> None:
    series = view.chart.series_values()
    # From the first baseline day (3 Feb, 4 weeks before 3 Mar) to 27 Mar (after the
    # 20 March round), every day, quiet ones at zero.
    assert (series[0][0], series[-1][0], len(series)) == (date(2025, 2, 3),
                                                          date(2025, 3, 27), 53)
    assert dict(series)[date(2025, 3, 11)] == 2
    assert view.chart.marked_days() == [date(2025, 3, 10), date(2025, 3, 20)]
    names = [item.name() for item in view.chart.series_chart.series()]
    assert names == ["events per day", "rounds", "selected"]


def test_select_round_and_activating_a_row_opens_it(qtbot: QtBot,
                                                    view: AnalysisView) -> None:
    later = next(anchor.id for anchor in view.result.anchors  # type: ignore[union-attr]
                 if anchor.label == "Later talks")
    assert view.select_round(later)
    current = view.table.currentIndex().data(RowRole)
    assert (current.anchor.id, current.phase.value) == (later, "before")
    assert not view.select_round(999)
    view.table.setFocus()
    with qtbot.waitSignal(view.open_round) as opened:
        qtbot.keyClick(view.table, Qt.Key.Key_Return)
    assert opened.args == [later]


def test_the_events_filter_applies_but_not_its_dates(qtbot: QtBot,
                                                     view: AnalysisView) -> None:
    with qtbot.waitSignal(view.analysis_updated):
        view.set_event_filter(EventFilter(target_category="energy",
                                          date_from=date(2030, 1, 1)))
    assert view.filter_label.text() == "Events: target energy"
    assert _first_round(view, COLUMNS.EVENTS) == ["1", "2", "2"]


def test_new_events_are_counted_and_hidden_views_wait(qtbot: QtBot, view: AnalysisView,
                                                      workspace: Workspace) -> None:
    with qtbot.waitSignal(view.analysis_updated):
        workspace.write(lambda session: add_events(session, [
            {"event_date": date(2025, 3, 11), "external_id": "new"}]), Topic.EVENTS)
    assert _first_round(view, COLUMNS.EVENTS) == ["3", "4", "3"]
    view.hide()
    workspace.write(lambda session: add_events(session, [
        {"event_date": date(2025, 3, 11), "external_id": "newer"}]), Topic.EVENTS)
    # A hidden view asks for no count (the runner stays idle) and keeps its numbers.
    assert not workspace.runner.is_busy()
    assert _first_round(view, COLUMNS.EVENTS) == ["3", "4", "3"]
    with qtbot.waitSignal(view.analysis_updated):
        view.show()
    assert _first_round(view, COLUMNS.EVENTS) == ["3", "5", "3"]


def _answer_save(monkeypatch: pytest.MonkeyPatch, path: Path, chosen_filter: str) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *_args: (str(path), chosen_filter)))


def test_export_table_as_csv(qtbot: QtBot, view: AnalysisView, tmp_path: Path,
                             monkeypatch: pytest.MonkeyPatch) -> None:
    _answer_save(monkeypatch, tmp_path / "table", "CSV files (*.csv)")
    qtbot.mouseClick(view.export_table_button, Qt.MouseButton.LeftButton)
    lines = (tmp_path / "table.csv").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 1 + view.model.rowCount()
    assert lines[1].startswith("round,1,Kyiv talks,1,")
    assert view.status_label.text() == f"Exported to {tmp_path / 'table.csv'}"


@pytest.mark.parametrize(("name", "chosen_filter", "signature"), [
    ("chart.png", "PNG images (*.png)", b"\x89PNG"),
    ("chart", "SVG drawings (*.svg)", b"<?xml"),
])
def test_export_chart(qtbot: QtBot, view: AnalysisView, tmp_path: Path,
                      monkeypatch: pytest.MonkeyPatch, name: str, chosen_filter: str,
                      signature: bytes) -> None:
    _answer_save(monkeypatch, tmp_path / name, chosen_filter)
    qtbot.mouseClick(view.export_chart_button, Qt.MouseButton.LeftButton)
    [written] = list(tmp_path.glob("chart*"))
    data = written.read_bytes()
    assert data.startswith(signature)
    if written.suffix == ".png":
        image = QImage(str(written))
        assert (image.width(), image.height()) == (view.chart.width(), view.chart.height())
    else:
        assert written.name == "chart.svg"
        assert b"<svg" in data and b"Kyiv talks" in data


def test_a_failed_export_says_so_and_writes_nothing(
        qtbot: QtBot, view: AnalysisView, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning",
                        staticmethod(lambda _parent, _title, text: warned.append(text)))
    for button, name in ((view.export_table_button, "t.csv"),
                         (view.export_chart_button, "c.png")):
        _answer_save(monkeypatch, tmp_path / "missing" / name, "")
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert len(warned) == 2
    assert all(text.startswith("Nothing was written.") for text in warned)
    assert not (tmp_path / "missing").exists()


def test_rows_carry_their_snapshot(view: AnalysisView) -> None:
    row = view.proxy.index(1, 0).data(RowRole)
    assert (row.phase.value, row.events, row.ratio) == ("during", 3, None)
    assert view.proxy.index(0, 0).data(RowRole) is not None
    assert view.model.data(QModelIndex()) is None


def test_readings_fall_on_their_day_in_the_display_zone(
        qtbot: QtBot, view: AnalysisView, workspace: Workspace) -> None:
    _choose(qtbot, view, view.controls.around_combo, "Factor readings")
    assert view.model.rowCount() == 0
    assert view.placeholder.isVisible()
    assert not view.export_table_button.isEnabled()

    def add_reading(session: Any) -> None:
        tensions = new_factor(session, "U.S.–Iran tensions").record_id
        new_reading(session, tensions, factors.ReadingDraft(
            datetime(2025, 3, 10, 22, 30, tzinfo=UTC), FactorLevel.HIGH, FactorTrend.RISING))

    with qtbot.waitSignal(view.analysis_updated):
        view.set_display_zone("America/Los_Angeles")  # 15:30 on 10 March there
    with qtbot.waitSignal(view.analysis_updated):
        workspace.write(add_reading, Topic.FACTORS)
    assert _first_round(view, COLUMNS.DAYS)[1] == "10 Mar 2025"
    assert not view.placeholder.isVisible()
    with qtbot.waitSignal(view.analysis_updated):
        view.set_display_zone("Asia/Dubai")  # 02:30 on 11 March there
    assert _first_round(view, COLUMNS.DAYS)[1] == "11 Mar 2025"
    assert _first_round(view, COLUMNS.ANCHOR)[0] == "U.S.–Iran tensions: high, rising"
    # A reading belongs to no round: activating it opens nothing.
    with qtbot.assertNotEmitted(view.open_round):
        qtbot.keyClick(view.table, Qt.Key.Key_Return)


def test_titles_and_typed_text_show_as_typed_never_as_markup(
        qtbot: QtBot, view: AnalysisView, workspace: Workspace) -> None:
    def add(session: Any) -> None:
        scenario_track = session.scalar(select(Track.id))
        new_round(session, scenario_track, "<b>Geneva</b> talks",
                  ScheduledWindow.days(date(2025, 3, 25), KYIV))
        new_round(session, scenario_track, "<img src='x'> undated", ScheduledWindow.unknown(KYIV))

    with qtbot.waitSignal(view.analysis_updated):
        workspace.write(add, Topic.ROUNDS)
    status = view.status_label
    assert status.textFormat() == Qt.TextFormat.PlainText
    assert "<img src='x'> undated" in status.text()
    assert "&lt;img" in status.toolTip()  # shown literally by Qt's rich-text tooltip
    assert view.filter_label.textFormat() == Qt.TextFormat.PlainText
    rows = view.model.rows_of_round(_round_id(workspace, "<b>Geneva</b> talks"))
    view.table.selectRow(view.proxy.mapFromSource(view.model.index(rows[0], 0)).row())
    assert "&lt;b&gt;Geneva&lt;/b&gt; talks" in view.chart.windows_chart.title()


def _round_id(workspace: Workspace, title: str) -> int:
    return workspace.read(lambda s: s.scalar(select(Round.id).where(Round.title == title)))
