"""The report's timeline chart, drawn by Qt for the HTML and PDF report.

The one piece of the report that Qt makes: the Timeline view's own painter over the
report's range, as a PNG in a data: URI (an <img> runs no script, whatever text the
chart shows). The report itself, HTML or PDF, is written Qt-free by
services/exports/report_file.export_report, which the window and the command line call
with this chart. Nothing here touches a widget, so it runs on the export worker thread
(QPainter on a QImage is usable outside the GUI thread).
"""

from __future__ import annotations

import base64
import os
import sys
from datetime import UTC, date, datetime, timedelta

from PySide6.QtGui import QGuiApplication
from sqlalchemy.orm import Session

from tracker.io.report_html import ReportChart
from tracker.services.exports.report import check_report_range
from tracker.services.rounds.as_of import AsOf
from tracker.services.timeline.timeline_density import (
    bucket_for,
    count_in_range,
    event_density,
    event_markers,
)
from tracker.services.timeline.timeline_lanes import timeline_lanes
from tracker.ui.timeline.timeline_export import image_bytes
from tracker.ui.timeline.timeline_scene import (
    LABEL_WIDTH,
    EventLayer,
    TimelineScene,
    Viewport,
    day_start,
)

CHART_WIDTH = 1000  # CSS pixels; the PNG is drawn at twice that (timeline_export)
# As in the Timeline view: markers replace the density for few events, days wide enough.
MARKER_LIMIT = 1500
MARKER_DAY_PIXELS = 12.0


def ensure_gui_application() -> QGuiApplication:
    """A QGuiApplication for the command line (fonts and painting need one); without a
    display, Qt's offscreen platform unless QT_QPA_PLATFORM says otherwise."""
    existing = QGuiApplication.instance()
    if isinstance(existing, QGuiApplication):
        return existing
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
            or sys.platform in ("win32", "darwin")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    return QGuiApplication([sys.argv[0] if sys.argv else "tracker"])


def report_scene(session: Session, date_from: date | None, date_to: date | None, tz: str,
                 width: int = CHART_WIDTH) -> TimelineScene | None:
    """The timeline over the report's days (or all there is), None when nothing is dated."""
    check_report_range(date_from, date_to, tz)
    lanes = timeline_lanes(session)
    extent = lanes.extent(tz)
    start = day_start(date_from, tz) if date_from else (extent[0] if extent else None)
    end = day_start(date_to + timedelta(days=1), tz) if date_to else \
        (extent[1] if extent else None)
    if start is None:
        if end is None:
            return None
        start = end - timedelta(days=30)  # only --to, and nothing dated before it
    if end is None:
        end = start + timedelta(days=30)
    end = max(end, start + timedelta(days=1))
    viewport = Viewport(start, end, max(1, width - LABEL_WIDTH))
    first_day = date_from or start.date()
    last_day = date_to or end.date()
    bucket = bucket_for(viewport.days_per_pixel)
    if (1 / viewport.days_per_pixel >= MARKER_DAY_PIXELS
            and count_in_range(session, first_day, last_day) <= MARKER_LIMIT):
        markers = event_markers(session, first_day, last_day, limit=MARKER_LIMIT)
        layer = EventLayer(bucket, (), tuple(markers), first_day, last_day)
    else:
        cells = event_density(session, first_day, last_day, bucket)
        layer = EventLayer(bucket, tuple(cells), None, first_day, last_day)
    return TimelineScene(lanes, viewport, tz, events=layer, now=datetime.now(UTC))


def _chart_description(scene: TimelineScene) -> str:
    layer = scene.events
    events = "each event marked" if layer.markers is not None \
        else f"events counted per {layer.bucket.value}"
    return (f"Timeline: rounds by track, factor readings, and battlefield events "
            f"({events}); times in {scene.tz}.")


def report_chart(session: Session, date_from: date | None, date_to: date | None, tz: str,
                 as_of: AsOf | None = None) -> ReportChart | None:
    """The report's chart as a data: URI PNG; None when there is nothing dated to draw,
    or for a report as known on a past day (the timeline draws the schedule as it is)."""
    scene = None if as_of is not None else report_scene(session, date_from, date_to, tz)
    if scene is None:
        return None
    png = base64.b64encode(image_bytes(scene, CHART_WIDTH, ".png")).decode("ascii")
    return ReportChart(f"data:image/png;base64,{png}", CHART_WIDTH, scene.height(),
                       _chart_description(scene))
