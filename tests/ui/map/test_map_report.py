"""The report's map figure: drawn off a widget, in the HTML report beside the timeline."""

from __future__ import annotations

import base64
import io
from datetime import date

from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from tracker.services.exports.report import write_report
from tracker.storage.database import Database
from tracker.ui.map.map_report import FIGURE_WIDTH, report_map


def test_the_figure_is_a_png_of_the_events_places(qapp: QApplication,
                                                   sample_db: Database) -> None:
    with sample_db.reading() as session:
        figure = report_map(session, None, None)
    assert figure is not None and figure.width == FIGURE_WIDTH
    assert figure.src.startswith("data:image/png;base64,")
    image = QImage.fromData(base64.b64decode(figure.src.split(",", 1)[1]))
    assert (image.width(), image.height()) == (2 * FIGURE_WIDTH, 2 * figure.height)
    assert "battlefield events with coordinates" in figure.description
    with sample_db.reading() as session:  # a range without events has no map
        assert report_map(session, date(1990, 1, 1), date(1990, 1, 31)) is None


def test_the_html_report_holds_the_map_after_the_timeline(qapp: QApplication,
                                                          sample_db: Database) -> None:
    stream = io.StringIO()
    with sample_db.reading() as session:
        write_report(session, stream, map_figure=report_map(session, None, None))
    html = stream.getvalue()
    assert html.index('<h2 id="timeline">') < html.index('<h2 id="map">Map</h2>') \
        < html.index('<h2 class="newpage" id="chronology">')
