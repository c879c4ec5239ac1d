"""The Timeline tab driven as a user would: keys, wheel, drag, clicks, other views, export."""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QImage, QWheelEvent
from PySide6.QtWidgets import QApplication, QFileDialog
from pytestqt.qtbot import QtBot

from tracker.services.events.events import EventFilter
from tracker.ui.timeline.timeline_canvas import ZOOM_STEP, TimelineCanvas
from tracker.ui.timeline.timeline_painter import Hit
from tracker.ui.timeline.timeline_scene import LABEL_WIDTH, MIN_SPAN
from tracker.ui.window.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

ROUND = 2  # "Trilateral talks announced for the coming week", week of 2 Feb 2026
SAMPLE_EVENT_DAY = date(2026, 1, 26)  # the sample's strikes, reported to the week


@pytest.fixture
def timeline(qtbot: QtBot, window: MainWindow) -> MainWindow:
    window.show_timeline()
    canvas = window.timeline_view.canvas
    qtbot.waitUntil(lambda: canvas.viewport.width == canvas.width() - LABEL_WIDTH)
    canvas.setFocus()
    return window


def _canvas(window: MainWindow) -> TimelineCanvas:
    return window.timeline_view.canvas


def _hit(canvas: TimelineCanvas, kind: str, key: object) -> Hit:
    canvas.repaint()  # hit areas are recorded by the paint
    return next(hit for hit in canvas.hits() if hit.kind == kind and hit.key == key)


def _click(qtbot: QtBot, canvas: TimelineCanvas, hit: Hit) -> None:
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=hit.rect.center().toPoint())


def _wheel(canvas: TimelineCanvas, at: QPoint, *, dy: int = 0, dx: int = 0,
           modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    event = QWheelEvent(QPointF(at), QPointF(canvas.mapToGlobal(at)), QPoint(0, 0),
                        QPoint(dx, dy), Qt.MouseButton.NoButton, modifiers,
                        Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(canvas, event)


def test_opens_fitted_to_everything_and_keys_zoom_pan_fit_and_go_to_today(
        qtbot: QtBot, timeline: MainWindow) -> None:
    canvas = _canvas(timeline)
    extent = canvas.scene.lanes.extent(canvas.scene.tz)
    assert extent is not None
    fitted = canvas.viewport
    assert fitted.start < extent[0] and extent[1] < fitted.end
    assert extent[0] - fitted.start < fitted.span / 10  # a margin, not the whole year

    with qtbot.waitSignal(canvas.range_changed):
        qtbot.keyClick(canvas, Qt.Key.Key_Plus)
    assert canvas.viewport.span == pytest.approx(fitted.span / ZOOM_STEP, abs=timedelta(
        seconds=1))
    middle = fitted.start + fitted.span / 2
    assert abs(canvas.viewport.start + canvas.viewport.span / 2 - middle) < timedelta(
        seconds=1)

    qtbot.keyClick(canvas, Qt.Key.Key_Minus)
    assert abs(canvas.viewport.span - fitted.span) < timedelta(seconds=1)

    before = canvas.viewport.start
    qtbot.keyClick(canvas, Qt.Key.Key_Right)
    assert canvas.viewport.start > before
    assert abs((canvas.viewport.start - before) - canvas.viewport.span / 10) < timedelta(
        seconds=1)
    qtbot.keyClick(canvas, Qt.Key.Key_Left)
    qtbot.keyClick(canvas, Qt.Key.Key_Left)
    assert canvas.viewport.start < before

    qtbot.keyClick(canvas, Qt.Key.Key_T)
    now = datetime.now(UTC)
    assert canvas.viewport.start < now < canvas.viewport.end
    qtbot.keyClick(canvas, Qt.Key.Key_Home)
    assert abs(canvas.viewport.start - fitted.start) < timedelta(seconds=1)

    for _ in range(80):  # zooming in stops at the closest zoom, never at nothing
        qtbot.keyClick(canvas, Qt.Key.Key_Plus)
    assert canvas.viewport.span == MIN_SPAN


def test_wheel_zooms_towards_the_pointer_and_shift_wheel_or_drag_pans(
        qtbot: QtBot, timeline: MainWindow) -> None:
    canvas = _canvas(timeline)
    at = QPoint(LABEL_WIDTH + canvas.viewport.width // 4, 300)
    under = canvas.viewport.instant_at(at.x() - LABEL_WIDTH)
    span = canvas.viewport.span
    _wheel(canvas, at, dy=120)
    assert canvas.viewport.span < span
    # The instant under the pointer stays under it.
    assert abs(canvas.viewport.instant_at(at.x() - LABEL_WIDTH) - under) < timedelta(
        seconds=60)

    start = canvas.viewport.start
    _wheel(canvas, at, dy=120, modifiers=Qt.KeyboardModifier.ShiftModifier)
    assert canvas.viewport.start < start  # scrolled back in time, same zoom
    start = canvas.viewport.start
    _wheel(canvas, at, dx=-120)
    assert canvas.viewport.start > start

    start = canvas.viewport.start
    qtbot.mousePress(canvas, Qt.MouseButton.LeftButton, pos=at)
    qtbot.mouseMove(canvas, at + QPoint(-200, 0))
    qtbot.mouseRelease(canvas, Qt.MouseButton.LeftButton, pos=at + QPoint(-200, 0))
    moved = canvas.viewport.start - start
    assert abs(moved - timedelta(seconds=200 * canvas.viewport.seconds_per_pixel)) < \
        timedelta(seconds=60)


def test_clicking_a_round_selects_it_in_the_rounds_view_and_back(
        qtbot: QtBot, timeline: MainWindow) -> None:
    canvas = _canvas(timeline)
    rounds_view = timeline.rounds_view
    rounds_view.select_round(1)
    assert canvas.scene.selected_round == 1
    with qtbot.waitSignal(rounds_view.round_selected) as selected:
        _click(qtbot, canvas, _hit(canvas, "round", ROUND))
    assert selected.args == [ROUND]
    assert rounds_view.selected_round_id() == ROUND
    assert timeline.tabs.currentWidget() is timeline.timeline_view  # the user stays here

    # Selecting in the Rounds view scrolls the timeline to the round.
    canvas.set_viewport(canvas.viewport.centred_on(datetime(2030, 1, 1, tzinfo=UTC)))
    rounds_view.select_round(1)
    rounds_view.select_round(ROUND)
    round_start = datetime(2026, 2, 1, 22, tzinfo=UTC)  # Monday 2 Feb in Kyiv
    assert canvas.viewport.start <= round_start <= canvas.viewport.end
    assert canvas.scene.selected_round == ROUND


def test_zoomed_in_the_events_are_marks_that_select_in_the_events_view(
        qtbot: QtBot, timeline: MainWindow) -> None:
    view = timeline.timeline_view
    canvas = view.canvas
    assert canvas.scene.events.markers is not None  # a fortnight: few enough to draw
    vague = [hit for hit in (canvas.repaint() or canvas.hits()) if hit.kind == "event"]
    assert len(vague) == 7  # every sample event, each reported to the week
    # Known to the week: a span over the week's seven days, not a point.
    week = canvas.viewport.x_of(datetime(2026, 2, 2, tzinfo=UTC)) - canvas.viewport.x_of(
        datetime(2026, 1, 26, tzinfo=UTC))
    assert vague[0].rect.width() == pytest.approx(week - 2, abs=2)

    event_id = int(vague[0].key)  # type: ignore[call-overload]
    with qtbot.waitSignal(timeline.events_view.event_selected) as selected:
        _click(qtbot, canvas, vague[0])
    assert selected.args == [event_id]
    assert timeline.events_view.current_event_id() == event_id
    assert canvas.scene.selected_event == event_id

    # Zoomed far out, the same events are a density of bars.
    with qtbot.waitSignal(view.events_loaded):
        canvas.set_viewport(canvas.viewport.zoomed(1 / 200))
    assert canvas.scene.events.markers is None
    assert sum(cell.events for cell in canvas.scene.events.cells) == 7


def test_selecting_an_event_elsewhere_scrolls_the_timeline_to_its_day(
        qtbot: QtBot, timeline: MainWindow) -> None:
    canvas = _canvas(timeline)
    canvas.set_viewport(canvas.viewport.centred_on(datetime(2020, 1, 1, tzinfo=UTC)))
    events = timeline.events_view
    events.select_event(3)
    assert canvas.scene.selected_event == 3
    day = datetime(2026, 1, 26, 12, tzinfo=UTC)
    assert canvas.viewport.start < day < canvas.viewport.end


def test_the_events_views_filters_apply_to_the_timeline(
        qtbot: QtBot, timeline: MainWindow) -> None:
    view = timeline.timeline_view
    canvas = view.canvas
    canvas.set_viewport(canvas.viewport.zoomed(1 / 200))  # density, not markers
    assert sum(cell.events for cell in canvas.scene.events.cells) == 7
    target = timeline.events_view.filter_bar.target_combo
    with qtbot.waitSignal(view.events_loaded, timeout=3000):
        target.setCurrentIndex(target.findText("energy"))
    assert {cell.target_category for cell in canvas.scene.events.cells} == {"energy"}
    assert sum(cell.events for cell in canvas.scene.events.cells) == 2
    assert "energy" in view.filter_label.text()

    # Words go through the full-text index: the Kyiv strike only.
    with qtbot.waitSignal(view.events_loaded):
        view.set_event_filter(EventFilter(text="Kyiv"))
    assert sum(cell.events for cell in canvas.scene.events.cells) == 1


def test_tooltips_tell_the_round_with_its_sources_and_escape_text(
        qtbot: QtBot, timeline: MainWindow) -> None:
    canvas = _canvas(timeline)
    text = canvas.describe(_hit(canvas, "round", ROUND))
    assert "Trilateral talks announced for the coming week" in text
    assert "week of 2 Feb 2026" in text
    assert "Sources" in text
    reading = next(hit for hit in (canvas.repaint() or canvas.hits()) if hit.kind == "reading")
    assert "from " in canvas.describe(reading)
    event = next(hit for hit in canvas.hits() if hit.kind == "event")
    assert "week of 26 Jan 2026" in canvas.describe(event)


def test_export_writes_png_and_svg_of_what_is_shown(
        qtbot: QtBot, timeline: MainWindow, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    view = timeline.timeline_view
    png = tmp_path / "timeline"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *args, **kwargs: (str(png), "PNG image (*.png)")))
    qtbot.mouseClick(view.export_button, Qt.MouseButton.LeftButton)
    written = tmp_path / "timeline.png"
    image = QImage(str(written))
    assert not image.isNull()
    assert image.width() == 2 * view.canvas.width()  # drawn at twice the screen's pixels

    svg = tmp_path / "timeline.svg"
    view.save_image(svg)
    root = ElementTree.parse(svg).getroot()
    assert root.tag.endswith("svg")
    assert "Trilateral talks announced for the coming week" in svg.read_text("utf-8")
    assert not list(tmp_path.glob(".*partial"))  # written whole, nothing left over

    with pytest.raises(ValueError, match=r"\.png or \.svg"):
        view.save_image(tmp_path / "timeline.gif")


def test_panning_inside_the_range_read_reads_nothing_again(
        qtbot: QtBot, timeline: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    """Zoomed in as far as marks, with more events than marks are drawn for (a million
    events), panning draws from the density already read instead of reading per step."""
    from tracker.ui.timeline import timeline_view

    monkeypatch.setattr(timeline_view, "MARKER_LIMIT", 3)  # the sample's 7 are "too many"
    view = timeline.timeline_view
    canvas = view.canvas
    with qtbot.waitSignal(view.events_loaded):
        view.set_event_filter(EventFilter(event_types=("Explosions/Remote violence",)))
    assert canvas.scene.events.markers is None  # close enough for marks, too many events
    loads: list[int] = []
    view.events_loaded.connect(lambda: loads.append(1))
    for _ in range(5):
        qtbot.keyClick(canvas, Qt.Key.Key_Right)
    assert loads == []
    # Far beyond the range read, it reads again.
    with qtbot.waitSignal(view.events_loaded):
        canvas.pan(canvas.viewport.width * 3)


def test_a_postponed_round_stays_on_the_axis_as_a_ghost_of_its_last_window(
        qtbot: QtBot, timeline: MainWindow) -> None:
    from tracker.services import rounds
    from tracker.ui.common.workspace import Topic

    canvas = _canvas(timeline)
    before = _hit(canvas, "round", ROUND).rect
    timeline.workspace.write(
        lambda s: rounds.postpone(s, ROUND, rounds.ChangeNote(reason="talks off")),
        Topic.ROUNDS)
    ghost = _hit(canvas, "round", ROUND)
    assert ghost.rect == before  # where the week was
    assert "date unknown" in canvas.describe(ghost)


def test_a_round_at_an_exact_time_without_an_end_is_a_mark_with_its_move(
        qtbot: QtBot, timeline: MainWindow) -> None:
    from tracker.domain.timewindow import ScheduledWindow
    from tracker.services import rounds
    from tracker.ui.common.workspace import Topic

    canvas = _canvas(timeline)
    moment = datetime(2026, 2, 5, 8, tzinfo=UTC)  # 10:00 in Kyiv, no end announced
    timeline.workspace.write(lambda s: rounds.reschedule(
        s, ROUND, ScheduledWindow.exact(moment, None, "Europe/Kyiv"),
        rounds.ChangeNote(reason="time fixed")), Topic.ROUNDS)
    mark = _hit(canvas, "round", ROUND)
    x = LABEL_WIDTH + canvas.viewport.x_of(moment)
    assert mark.rect.left() < x < mark.rect.right()
    assert mark.rect.width() == pytest.approx(8)
    assert any(hit.kind == "move" for hit in canvas.hits())


def test_the_first_data_in_an_empty_database_brings_the_view_to_it(
        qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    from tracker.services.common.sample import load_sample
    from tracker.storage.database import open_database
    from tracker.ui.common.workspace import Topic

    window.switch_database(open_database(tmp_path / "empty.db"), remember=False)
    window.show_timeline()
    canvas = _canvas(window)
    assert canvas.scene.lanes.extent() is None
    window.workspace.write(load_sample, Topic.ALL)
    extent = canvas.scene.lanes.extent(canvas.scene.tz)
    assert extent is not None
    assert canvas.viewport.start < extent[0] and extent[1] < canvas.viewport.end


def test_while_hidden_the_timeline_reads_nothing_until_it_is_shown(
        qtbot: QtBot, window: MainWindow) -> None:
    view = window.timeline_view
    window.show_rounds()
    loads: list[int] = []
    view.events_loaded.connect(lambda: loads.append(1))
    target = window.events_view.filter_bar.target_combo
    with qtbot.waitSignal(window.events_view.filter_bar.filter_changed):
        target.setCurrentIndex(target.findText("energy"))
    window.events_view.select_event(5)  # an energy strike: the filter stays
    assert view.canvas.scene.selected_event == 5
    assert loads == []
    assert "energy" in view.filter_label.text()  # the label is current all the same
    with qtbot.waitSignal(view.events_loaded):
        window.show_timeline()
    assert len(loads) == 1
    cells = view.canvas.scene.events.cells
    markers = view.canvas.scene.events.markers or ()
    assert {m.target_category for m in markers} | {c.target_category for c in cells} == {
        "energy"}


def test_the_density_strip_paints_in_ukrainian_too(qtbot: QtBot, timeline: MainWindow) -> None:
    """The measure's words are translated; the counts it reads are not (it once looked the
    count up by its Ukrainian word, "події", and the tab failed to paint)."""
    from tracker.domain.wording import Language
    from tracker.ui.common.language import apply_language

    view = timeline.timeline_view
    canvas = view.canvas
    with qtbot.waitSignal(view.events_loaded):
        canvas.set_viewport(canvas.viewport.zoomed(1 / 200))
    assert canvas.scene.events.markers is None  # a density of bars
    apply_language(Language.UKRAINIAN)
    try:
        image = canvas.grab().toImage()
    finally:
        apply_language(Language.ENGLISH)
    assert not image.isNull()
