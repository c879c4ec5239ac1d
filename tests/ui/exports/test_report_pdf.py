"""The report as a PDF (read back with poppler), its chart, and the ways to ask for it:
`tracker export --format html|pdf` and Export Chronology… in the window, with the title
page's fields, which the dialog shows for a report and remembers."""

from __future__ import annotations

import base64
import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session

from tests.io.poppler import page_texts, properties
from tests.io.test_report_html import Page
from tests.ui.window.test_main_window import ok_button, open_dialog, press
from tracker.cli import main
from tracker.domain.chronology import EntryKind
from tracker.io.report_html import ReportTitlePage
from tracker.services.chronology.chronology import iter_chronology
from tracker.services.exports.export import ExportFormat
from tracker.services.exports.report_file import export_report
from tracker.storage.database import Database
from tracker.ui.common import settings as options
from tracker.ui.common.settings import Settings
from tracker.ui.exports.export_dialog import ExportDialog
from tracker.ui.exports.report_pdf import CHART_WIDTH, report_chart, report_scene
from tracker.ui.timeline.timeline_scene import day_start
from tracker.ui.window.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
TITLE_OPTIONS = ("--title", "Talks: week 5", "--author", "Olena K.", "--organisation",
                 "Centre for Negotiation Studies", "--marking", "OFFICIAL – SENSITIVE")
FIRST, LAST, TZ = date(2026, 1, 26), date(2026, 2, 10), "Europe/Kyiv"


def pdf_pages(path: Path) -> list[str]:
    """Each page's text as pdftotext reads it, whitespace made single (no ligature is
    unfolded: the report has none, tests/io/test_report_pdf.py)."""
    return page_texts(path)


def flat(text: str) -> str:
    return " ".join(text.split())


def write_report_pdf(session: Session, path: Path, **options: Any) -> int:
    """The report as the window and the command line write it: the chart drawn by Qt."""
    chart = report_chart(session, options.get("date_from"), options.get("date_to"),
                         options.get("tz", "UTC"))
    return export_report(session, path, ExportFormat.PDF, chart=chart, **options)


def test_the_pdf_has_a_title_page_numbered_pages_and_every_entry(
        qapp: QApplication, sample_db: Database, tmp_path: Path) -> None:
    path = tmp_path / "report.pdf"
    with sample_db.reading() as session:
        count = write_report_pdf(session, path, date_from=FIRST, date_to=LAST, tz=TZ)
        entries = list(iter_chronology(session, date_from=FIRST, date_to=LAST, tz=TZ))
    assert count == len(entries) > 0
    pages = pdf_pages(path)
    total = len(pages)
    # Title page alone, the contents, then summary and chart, then the chronology on
    # pages of its own.
    assert total >= 4
    for number, text in enumerate(pages, start=1):
        assert text.endswith(f"Page {number} of {total}"), text[-40:]
    title = pages[0]
    assert title.startswith("Chronology report")
    assert "Dates: from 26 Jan 2026 to 10 Feb 2026; days in Europe/Kyiv" in title
    assert re.search(r"Generated at \d{4}-\d\d-\d\d \d\d:\d\d Europe/Kyiv", title)
    assert "Summary" not in title
    assert pages[1].startswith("Contents Key developments")
    assert pages[2].startswith("Key developments")
    summary = next(n for n, page in enumerate(pages) if page.startswith("Summary Entries"))
    assert summary > 2 and "Timeline" in pages[summary]
    start = next(n for n, page in enumerate(pages) if page.startswith("Chronology Entries"))
    assert start > summary
    chronology = " ".join(pages[start:])
    position = 0
    for entry in entries:  # in order, each told once
        found = chronology.find(flat(entry.title), position)
        assert found >= 0, entry.title
        position = found
    # The sources as numbered notes, each label after its number; the dataset's records
    # of the day (all the sample's events are in the week of 26 Jan) in one note.
    events = [e.event for e in entries if e.event is not None]
    for source in {s for e in entries for s in e.sources}:
        if source.startswith("dataset "):
            continue
        assert re.search(rf"\[\d+\] {re.escape(flat(source))}", chronology), source
    records = ", ".join(event.external_id for event in events)
    assert re.search(rf"\[\d+\] sample records {re.escape(records)}", chronology)


def test_the_html_file_embeds_the_timeline_of_its_range(
        qapp: QApplication, sample_db: Database, tmp_path: Path) -> None:
    path = tmp_path / "report.html"
    with sample_db.reading() as session:
        export_report(session, path, ExportFormat.HTML, date_from=FIRST, date_to=LAST, tz=TZ,
                      chart=report_chart(session, FIRST, LAST, TZ))
        scene = report_scene(session, FIRST, LAST, TZ)
    assert scene is not None
    assert scene.viewport.start == day_start(FIRST, TZ)
    assert scene.viewport.end == day_start(date(2026, 2, 11), TZ)
    assert scene.events.markers is not None and len(scene.events.markers) == 7
    markup = path.read_text(encoding="utf-8")
    Page(markup)
    [encoded] = re.findall(r'<img src="data:image/png;base64,([A-Za-z0-9+/=]+)"', markup)
    image = QImage.fromData(base64.b64decode(encoded))
    assert (image.width(), image.height()) == (2 * CHART_WIDTH, 2 * scene.height())
    assert "each event marked); times in Europe/Kyiv" in markup


def test_the_command_line_writes_both_reports(
        qapp: QApplication, sample_db: Database, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    database = str(tmp_path / "sample.db")
    pdf, html = tmp_path / "r.pdf", tmp_path / "r.html"
    assert main(["export", "--db", database, "--format", "pdf", "--from", "2026-01-26",
                 "--to", "2026-02-10", "--tz", TZ, "-o", str(pdf), *TITLE_OPTIONS]) == 0
    assert pdf.read_bytes().startswith(b"%PDF")
    info = properties(pdf)
    assert (info["Title"], info["Author"]) == ("Talks: week 5", "Olena K.")
    pages = pdf_pages(pdf)
    assert pages[0].startswith("OFFICIAL – SENSITIVE Talks: week 5 26 Jan 2026 – 10 Feb 2026")
    assert "Olena K. Centre for Negotiation Studies" in pages[0]
    assert all(page.count("OFFICIAL – SENSITIVE") == 2 for page in pages)
    assert main(["export", "--db", database, "--format", "html", "--tz", TZ,
                 "-o", str(html), *TITLE_OPTIONS]) == 0
    markup = html.read_text(encoding="utf-8")
    assert "data:image/png;base64," in markup
    # The marking opens and closes the page; the days held stand for the open range.
    marking = "<bdi>OFFICIAL – SENSITIVE</bdi></p>\n"
    assert f'<body>\n<p class="marking">{marking}' in markup
    assert markup.endswith(f'<p class="marking foot">{marking}</body>\n</html>\n')
    text = Page(markup).all_text
    assert "Talks: week 5" in text and "the beginning" not in text
    assert re.search(r"\d{1,2} [A-Z][a-z]{2} 20\d\d – \d{1,2} [A-Z][a-z]{2} 20\d\d", text)
    assert main(["export", "--db", database, "--format", "html"]) == 2
    assert main(["export", "--db", database, "--format", "pdf", "--tz", "Mars/Base",
                 "-o", str(tmp_path / "no.pdf")]) == 2
    assert not (tmp_path / "no.pdf").exists()
    err = capsys.readouterr().err
    assert "needs -o FILE" in err and "Unknown time zone" in err


def test_the_window_exports_a_pdf_on_its_worker_thread(
        qtbot: QtBot, window: MainWindow, settings: Settings, tmp_path: Path) -> None:
    target = tmp_path / "chronology.pdf"
    press(qtbot, window, "Ctrl+E")
    dialog = open_dialog(qtbot, window, ExportDialog)
    fields = dialog.report_fields
    qtbot.keyClicks(dialog.path, str(tmp_path / "chronology.csv"))
    qtbot.waitUntil(lambda: not fields.isVisible())  # a title page is a report's only
    dialog.path.clear()
    qtbot.keyClicks(dialog.path, str(target))
    qtbot.waitUntil(fields.isVisible)
    assert fields.title.text() == "Chronology report"
    fields.title.clear()
    qtbot.keyClicks(fields.title, "Talks: week 5")
    qtbot.keyClicks(fields.author, "Olena K.")
    fields.marking.insert("OFFICIAL – SENSITIVE")  # as typed (keyClicks takes ASCII only)
    with qtbot.waitSignal(window.export_finished, timeout=20_000) as finished:
        qtbot.mouseClick(ok_button(dialog), Qt.MouseButton.LeftButton)
    assert finished.args is not None and Path(finished.args[1]) == target
    with window.workspace.db.reading() as session:
        facts = [e for e in iter_chronology(session, tz="UTC")
                 if e.kind is not EntryKind.EVENT]
    assert finished.args[0] > len(facts)
    pages = pdf_pages(target)
    assert len(pages) >= 3 and pages[0].startswith("OFFICIAL – SENSITIVE Talks: week 5")
    assert pages[-1].endswith(f"OFFICIAL – SENSITIVE Page {len(pages)} of {len(pages)}")
    assert properties(target)["Author"] == "Olena K."
    # Remembered for the next report, as the folder is.
    assert settings.get(options.REPORT_AUTHOR) == "Olena K."
    press(qtbot, window, "Ctrl+E")
    again = open_dialog(qtbot, window, ExportDialog)
    assert again.report_fields.value() == ReportTitlePage(
        "Talks: week 5", "Olena K.", "", "OFFICIAL – SENSITIVE")
    again.reject()
