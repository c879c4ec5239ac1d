"""The Map tab driven as a user would: it builds when shown, keys pan and zoom, the time
window plays, a ring counts, selections travel both ways, the image exports."""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QImage, QPalette
from pytestqt.qtbot import QtBot

from tracker.domain.negotiation import Venue
from tracker.services.common.topics import Topic
from tracker.services.map.projection import project
from tracker.ui.window.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def _settled(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: not window.workspace.runner.is_busy(), timeout=10_000)


@pytest.fixture
def map_window(qtbot: QtBot, window: MainWindow) -> MainWindow:
    """The Map tab shown, its first layer read, following every day of the events."""
    view = window.map_view
    assert view.canvas is None  # built on first show, not before
    with qtbot.waitSignal(view.layer_loaded, timeout=10_000):
        window.tabs.setCurrentWidget(view)
    view.follow_box.setChecked(False)
    _settled(qtbot, window)
    assert view.canvas is not None
    view.canvas.setFocus()
    return window


def test_the_tab_shows_the_sample_events_as_points(map_window: MainWindow) -> None:
    view = map_window.map_view
    layer = view.layer()
    assert layer is not None and layer.points is not None
    assert layer.total == len(layer.points) > 0
    assert view.status_label.text().endswith("events in view")
    assert view.scene is not None
    assert not view.scene.land.path().isEmpty()


def test_keys_pan_and_zoom(qtbot: QtBot, map_window: MainWindow) -> None:
    canvas = map_window.map_view.canvas
    assert canvas is not None
    before = canvas.visible_area()
    qtbot.keyClick(canvas, Qt.Key.Key_Right)
    moved = canvas.visible_area()
    assert moved.west > before.west
    assert moved.east - moved.west == pytest.approx(before.east - before.west, rel=1e-6)
    qtbot.keyClick(canvas, Qt.Key.Key_Plus)
    zoomed = canvas.visible_area()
    assert zoomed.east - zoomed.west < moved.east - moved.west
    qtbot.keyClick(canvas, Qt.Key.Key_Minus)
    assert (canvas.visible_area().east - canvas.visible_area().west
            == pytest.approx(moved.east - moved.west, rel=1e-6))
    for _ in range(12):  # far enough out that the layer is read again
        qtbot.keyClick(canvas, Qt.Key.Key_Minus)
    with qtbot.waitSignal(map_window.map_view.layer_loaded, timeout=10_000):
        qtbot.keyClick(canvas, Qt.Key.Key_Left)


def test_zooming_back_draws_the_layer_kept_for_the_grid_without_a_read(
        qtbot: QtBot, map_window: MainWindow) -> None:
    view = map_window.map_view
    canvas = view.canvas
    first = view.layer()
    assert canvas is not None and first is not None
    with qtbot.waitSignal(view.layer_loaded, timeout=10_000):  # a finer grid: a read
        for _ in range(8):
            qtbot.keyClick(canvas, Qt.Key.Key_Plus)
    finer = view.layer()
    assert finer is not None and finer.grid > first.grid
    reads: list[None] = []
    view.layer_loaded.connect(lambda: reads.append(None))
    for _ in range(8):
        qtbot.keyClick(canvas, Qt.Key.Key_Minus)
    qtbot.waitUntil(lambda: view.layer() is first, timeout=5_000)
    _settled(qtbot, map_window)
    assert reads == []
    map_window.workspace.changed_elsewhere(Topic.EVENTS)  # the events changed: read again
    with qtbot.waitSignal(view.layer_loaded, timeout=10_000):
        for _ in range(8):
            qtbot.keyClick(canvas, Qt.Key.Key_Plus)
    _settled(qtbot, map_window)
    assert view.layer() is not finer


def test_the_slider_plays_a_window_through_the_period(qtbot: QtBot,
                                                      map_window: MainWindow) -> None:
    view = map_window.map_view
    bar = view.time_bar
    view.follow_box.setChecked(True)  # the Timeline shows January and February
    view.follow_timeline(datetime(2026, 1, 1, tzinfo=UTC), datetime(2026, 2, 28, tzinfo=UTC))
    first, last = bar.time_window()
    assert (first, last) == (date(2026, 1, 1), date(2026, 2, 28))  # the whole period
    bar.window_spin.setValue(3)
    start, end = bar.time_window()
    assert (start, (end - start).days) == (first, 2)
    assert map_window.map_view.current_filter().date_to == end
    bar.play_button.click()
    assert bar.timer.isActive() and bar.play_button.text() == "Pause"
    qtbot.waitUntil(lambda: bar.time_window()[0] > start, timeout=5_000)
    bar.play_button.click()
    assert not bar.timer.isActive()
    bar.slider.setValue(bar.slider.maximum())
    bar.play_button.click()
    qtbot.waitUntil(lambda: bar.time_window()[0] == first, timeout=5_000)  # from the start
    bar.play_button.click()


def test_a_ring_around_a_venue_counts_the_events_inside(qtbot: QtBot,
                                                        map_window: MainWindow) -> None:
    with map_window.workspace.db.transaction() as session:  # Zaporizhzhia's city hall
        session.add(Venue(name="City hall", city="Zaporizhzhia", country="Ukraine",
                          latitude=47.84, longitude=35.14, time_zone="Europe/Kyiv"))
    view = map_window.map_view
    view._read_venues()
    _settled(qtbot, map_window)
    rings = view.rings
    assert rings.venue_box.count() == 2
    with qtbot.waitSignal(rings.ring_counted, timeout=10_000) as counted:
        rings.venue_box.setCurrentIndex(1)
    assert counted.args == [2]  # the maternity ward and the districts of Zaporizhzhia
    assert "2 events within 50 km of City hall" in rings.count_label.text()
    with qtbot.waitSignal(rings.ring_counted, timeout=10_000) as counted:
        rings.radius_spin.setValue(400)  # as far as Kharkiv
    assert counted.args[0] > 2
    assert view.scene is not None and not view.scene.ring.path().isEmpty()


def test_selection_travels_both_ways(qtbot: QtBot, map_window: MainWindow) -> None:
    view = map_window.map_view
    layer = view.layer()
    assert layer is not None and layer.points
    point = layer.points[0]
    canvas = view.canvas
    assert canvas is not None and view.scene is not None
    at = canvas.mapFromScene(*project(point.longitude, point.latitude))
    with qtbot.waitSignal(view.event_clicked) as clicked:
        qtbot.mouseClick(canvas.viewport(), Qt.MouseButton.LeftButton, pos=at)
    stacked = {p.id for p in layer.points
               if (p.longitude, p.latitude) == (point.longitude, point.latitude)}
    assert clicked.args[0] in stacked
    qtbot.waitUntil(lambda: map_window.events_view.current_event_id() == clicked.args[0],
                    timeout=10_000)
    # And back: the event selected in the Events view is marked on the map.
    qtbot.waitUntil(lambda: view.scene is not None and view.scene.highlight.isVisible(),
                    timeout=10_000)
    assert view.scene.highlight.pos().toPoint() == canvas.mapToScene(at).toPoint() or \
        abs(view.scene.highlight.pos().x() - project(point.longitude, 0)[0]) < 1e-6
    map_window.events_view.select_event(layer.points[-1].id)
    target = project(layer.points[-1].longitude, layer.points[-1].latitude)
    qtbot.waitUntil(lambda: view.scene is not None
                    and abs(view.scene.highlight.pos().x() - target[0]) < 1e-9, timeout=10_000)
    assert canvas.viewport().rect().contains(QPoint(*[int(v) for v in (
        canvas.mapFromScene(*target).x(), canvas.mapFromScene(*target).y())]))


def test_the_map_exports_as_png_and_svg(map_window: MainWindow, tmp_path: Path) -> None:
    view = map_window.map_view
    view.save_image(tmp_path / "map.png")
    image = QImage(str(tmp_path / "map.png"))
    assert not image.isNull()
    assert image.width() == 2 * view.canvas.viewport().width()  # type: ignore[union-attr]
    view.save_image(tmp_path / "map.svg")
    root = ElementTree.parse(tmp_path / "map.svg").getroot()
    assert root.tag.endswith("svg")
    paths = [element.get("d", "") for element in root.iter() if element.tag.endswith("path")]
    assert max(len(d) for d in paths) > 10_000  # the borders, as vector paths
    marks = [element for element in root.iter()
             if element.tag.rsplit("}", 1)[-1] in ("ellipse", "circle")]
    assert marks  # and the events on them
    with pytest.raises(ValueError, match=r"\.png or \.svg"):
        view.save_image(tmp_path / "map.gif")


def test_a_new_palette_recolours_the_map(map_window: MainWindow) -> None:
    view = map_window.map_view
    assert view.scene is not None
    dark = QPalette(view.palette())
    dark.setColor(QPalette.ColorRole.Base, QColor("#1e1e1e"))
    view.setPalette(dark)
    assert view.scene.land.brush().color() == QColor("#1e1e1e")
