"""The report printed to PDF (read back with QtPdf), its chart, and the ways to ask for it:
`tracker export --format html|pdf` and Export Chronology… in the window."""

from __future__ import annotations

import base64
import re
import unicodedata
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.io.test_report_html import Page
from tests.ui.window.test_main_window import ok_button, open_dialog, press
from tracker.cli import main
from tracker.domain.chronology import EntryKind
from tracker.services.chronology.chronology import iter_chronology
from tracker.storage.database import Database
from tracker.ui.exports.export_dialog import ExportDialog
from tracker.ui.exports.report_pdf import (
    CHART_WIDTH,
    report_scene,
    write_report_html_file,
    write_report_pdf,
)
from tracker.ui.timeline.timeline_scene import day_start
from tracker.ui.window.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
FIRST, LAST, TZ = date(2026, 1, 26), date(2026, 2, 10), "Europe/Kyiv"


def pdf_pages(path: Path) -> list[str]:
    """Each page's text, ligatures unfolded (QtPdf gives "ﬁ") and whitespace made single."""
    document = QPdfDocument(None)
    assert document.load(str(path)) == QPdfDocument.Error.None_
    try:
        return [" ".join(unicodedata.normalize("NFKC", document.getAllText(page).text())
                         .split()) for page in range(document.pageCount())]
    finally:
        document.close()


def flat(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).split())


def test_the_pdf_has_a_title_page_numbered_pages_and_every_entry(
        qapp: QApplication, sample_db: Database, tmp_path: Path) -> None:
    path = tmp_path / "report.pdf"
    with sample_db.reading() as session:
        count = write_report_pdf(session, path, date_from=FIRST, date_to=LAST, tz=TZ)
        entries = list(iter_chronology(session, date_from=FIRST, date_to=LAST, tz=TZ))
    assert count == len(entries) > 0
    pages = pdf_pages(path)
    total = len(pages)
    # Title page alone, then summary and chart, then the chronology on pages of its own.
    assert total >= 3
    for number, text in enumerate(pages, start=1):
        assert text.endswith(f"Page {number} of {total}"), text[-40:]
    title = pages[0]
    assert title.startswith("Chronology report")
    assert "Dates: from 26 Jan 2026 to 10 Feb 2026; days in Europe/Kyiv" in title
    assert re.search(r"Generated at \d{4}-\d\d-\d\d \d\d:\d\d Europe/Kyiv", title)
    assert "Summary" not in title
    assert pages[1].startswith("Key developments")
    assert pages[2].startswith("Summary Entries by kind")
    assert "Timeline" in pages[2]
    assert pages[3].startswith("Chronology")
    chronology = " ".join(pages[3:])
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
        write_report_html_file(session, path, date_from=FIRST, date_to=LAST, tz=TZ)
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
                 "--to", "2026-02-10", "--tz", TZ, "-o", str(pdf)]) == 0
    assert pdf.read_bytes().startswith(b"%PDF")
    assert main(["export", "--db", database, "--format", "html", "--tz", TZ,
                 "-o", str(html)]) == 0
    assert "data:image/png;base64," in html.read_text(encoding="utf-8")
    assert main(["export", "--db", database, "--format", "html"]) == 2
    assert main(["export", "--db", database, "--format", "pdf", "--tz", "Mars/Base",
                 "-o", str(tmp_path / "no.pdf")]) == 2
    assert not (tmp_path / "no.pdf").exists()
    err = capsys.readouterr().err
    assert "needs -o FILE" in err and "Unknown time zone" in err


def test_the_window_exports_a_pdf_on_its_worker_thread(
        qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    target = tmp_path / "chronology.pdf"
    press(qtbot, window, "Ctrl+E")
    dialog = open_dialog(qtbot, window, ExportDialog)
    qtbot.keyClicks(dialog.path, str(target))
    with qtbot.waitSignal(window.export_finished, timeout=20_000) as finished:
        qtbot.mouseClick(ok_button(dialog), Qt.MouseButton.LeftButton)
    assert finished.args is not None and Path(finished.args[1]) == target
    with window.workspace.db.reading() as session:
        facts = [e for e in iter_chronology(session, tz="UTC")
                 if e.kind is not EntryKind.EVENT]
    assert finished.args[0] > len(facts)
    pages = pdf_pages(target)
    assert len(pages) >= 3 and pages[0].startswith("Chronology report")
    assert pages[-1].endswith(f"Page {len(pages)} of {len(pages)}")
