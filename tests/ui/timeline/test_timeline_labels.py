"""Round titles on the timeline never overlap (issue 15: "Round labels overlap in the
chart"): the layout on its own, and the report's chart with rounds days apart."""

from __future__ import annotations

from datetime import date
from itertools import combinations

from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QApplication

from tests.services.scenario import build
from tracker.domain.enums import RoundFormat, RoundStatus
from tracker.domain.timewindow import ScheduledWindow
from tracker.services import rounds
from tracker.storage.database import Database
from tracker.ui.exports.report_pdf import report_scene
from tracker.ui.timeline.timeline_labels import (
    MIN_LABEL_WIDTH,
    LabelRequest,
    PlacedLabel,
    place_labels,
)
from tracker.ui.timeline.timeline_painter import TimelinePainter


def apart(labels: list[PlacedLabel]) -> bool:
    return all(a.right <= b.left or b.right <= a.left for a, b in combinations(labels, 2))


def test_titles_of_close_marks_are_shortened_or_dropped_never_overlapped() -> None:
    # Five 8-pixel marks 30 pixels apart with 150-pixel titles, a wide mark with a short
    # title, and one overlapping it.
    requests = [LabelRequest(n, 300 + 30 * n, 308 + 30 * n, 150) for n in range(5)]
    requests += [LabelRequest(5, 600, 900, 80), LabelRequest(6, 650, 700, 200)]
    placed = place_labels(requests, 0, 1000)
    assert apart(placed)
    assert all(label.width >= MIN_LABEL_WIDTH and label.left >= 0 and label.right <= 1000
               for label in placed)
    by_key = {label.key: label for label in placed}
    # 14 pixels between narrow marks is too little for a title: the first one's goes on
    # its left, the last one's on its right, in full; those between are dropped.
    assert sorted(by_key) == [0, 4]
    assert (by_key[0].inside, by_key[0].left, by_key[0].width) == (False, 146, 150)
    assert (by_key[4].inside, by_key[4].left, by_key[4].width) == (False, 432, 150)
    # The round drawn over the wide one leaves neither of them room for a title.


def test_a_title_that_fits_stays_inside_its_mark_and_a_lone_one_beside_it() -> None:
    inside, beside = place_labels([LabelRequest(0, 100, 400, 120),
                                   LabelRequest(1, 500, 510, 300)], 0, 1000)
    assert (inside.inside, inside.left, inside.width) == (True, 104, 120)
    assert (beside.inside, beside.left, beside.width) == (False, 514, 220)
    # Against the right edge, a title goes on the left of its mark.
    [left] = place_labels([LabelRequest(0, 960, 970, 100)], 0, 1000)
    assert (left.left, left.width) == (856, 100)


def test_the_report_chart_writes_close_rounds_titles_apart(
        qapp: QApplication, db: Database) -> None:
    with db.transaction() as session:
        ids = build(session)
        # After the week of 2 Feb: rounds one to seven days apart, their titles wider
        # than the gaps (a day is about 19 pixels here).
        for day in (12, 13, 17, 24, 28):
            rounds.create_round(session, rounds.RoundDraft(
                track_id=ids.track, title=f"Technical round on prisoner exchanges {day}",
                format=RoundFormat.TECHNICAL, state=rounds.RoundState(
                    ScheduledWindow.days(date(2026, 2, day), "Europe/Kyiv"), ids.istanbul,
                    RoundStatus.SCHEDULED)), rounds.ChangeNote("Announced"))
    with db.reading() as session:
        scene = report_scene(session, date(2026, 2, 1), date(2026, 3, 15), "Europe/Kyiv")
    assert scene is not None
    image = QImage(1000, scene.height(), QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    try:
        drawer = TimelinePainter(scene, painter, 1000)
        drawer.paint()
    finally:
        painter.end()
    boxes = drawer.title_boxes
    # Six rounds: the titles with room are written, those without are left out.
    assert 2 <= len(boxes) < 6
    assert not any(a.intersects(b) for a, b in combinations(boxes, 2))
