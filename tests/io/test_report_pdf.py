"""The PDF report read back as a reader's viewer reads it (poppler, and WeasyPrint's own
outline): an outline down to the day, a contents page whose numbers are right, links,
searchable text without ligatures, the marking on every page, no heading orphaned at the
foot of a page, and nothing fetched from outside the document."""

from __future__ import annotations

import io
import re
import struct
import sys
import zlib
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from tests.io.poppler import links_and_outline, page_texts, poppler, properties
from tests.io.test_report_html import Page
from tests.services.scenario import add_events
from tracker.domain.events import BattlefieldEvent
from tracker.domain.sources import Citation, Source
from tracker.io.report_html import ReportTitlePage
from tracker.io.report_pdf import ReportEngineMissing, pdf_from_html, render_report
from tracker.services.exports.export import ExportFormat
from tracker.services.exports.report import write_report
from tracker.services.exports.report_file import export_report
from tracker.storage.database import Database

GENERATED = datetime(2026, 3, 20, 9, 30, tzinfo=UTC)
FIRST_DAY = date(2026, 2, 20)
DAYS = 24  # 20 Feb - 15 Mar 2026: two months, several pages
LIGATURES = re.compile("[\ufb00-\ufb06]")  # ﬀ ﬁ ﬂ ﬃ ﬄ ﬅ ﬆ
URL = "https://example.org/reports/strikes_on_energy?id=7&lang=en"
TITLE_PAGE = ReportTitlePage("Talks and the war: February–March 2026", "Olena Kovalenko",
                             "Centre for Negotiation Studies", "OFFICIAL – SENSITIVE")


@pytest.fixture
def days_db(db: Database) -> Database:
    """Four events a day over two months, worded with the letter pairs fonts ligate."""
    rows: list[dict[str, object]] = []
    for offset in range(DAYS):
        for number in range(4):
            rows.append({
                "event_date": FIRST_DAY + timedelta(days=offset),
                "event_type": "State-based conflict", "fatalities": number,
                "location": f"Village {offset}-{number}",
                "summary": "Shelling of the first office block and the airfield; the "
                           "conflict reaches the battlefield's flank, officials say"})
    with db.transaction() as session:
        add_events(session, rows)
        # One event cites a source with a web address (a link in the note).
        source = Source(outlet="Reuters", title="Strikes on the first office block", url=URL)
        session.add(source)
        session.flush()
        first = session.scalars(select(BattlefieldEvent.id).order_by(BattlefieldEvent.id)).first()
        session.add(Citation(source_id=source.id, event_id=first))
    return db


def markup(db: Database, title_page: ReportTitlePage | None = None) -> str:
    stream = io.StringIO()
    with db.reading() as session:
        write_report(session, stream, tz="Europe/Kyiv", generated_at=GENERATED,
                     title_page=title_page)
    return stream.getvalue()


def write_pdf(db: Database, path: Path, title_page: ReportTitlePage | None = None) -> Path:
    with db.reading() as session:
        export_report(session, path, ExportFormat.PDF, tz="Europe/Kyiv",
                      title_page=title_page)
    return path


def test_the_outline_goes_down_to_the_day(days_db: Database, tmp_path: Path) -> None:
    tree = render_report(markup(days_db)).make_bookmark_tree()
    sections = [label for label, *_rest in tree]
    assert sections == ["Contents", "Key developments", "Summary", "Timeline", "Chronology",
                        "Records spanning more than 7 days"]
    chronology = tree[sections.index("Chronology")][2]
    assert [label for label, *_rest in chronology] == ["February 2026", "March 2026"]
    days = [label for month in chronology for label, *_rest in month[2]]
    assert days == [f"{day.day} {day:%B %Y}"
                    for day in (FIRST_DAY + timedelta(days=n) for n in range(DAYS))]
    # The same outline as a viewer reads it.
    outline = links_and_outline(write_pdf(days_db, tmp_path / "r.pdf")).outline
    assert [item.title for item in outline] == sections
    months = outline[sections.index("Chronology")].children
    assert [item.title for item in months] == ["February 2026", "March 2026"]
    assert months[1].children[0].title == "1 March 2026"


def test_the_text_searches_without_ligatures_in_embedded_fonts(
        days_db: Database, tmp_path: Path) -> None:
    path = write_pdf(days_db, tmp_path / "r.pdf")
    text = " ".join(page_texts(path))
    assert not LIGATURES.search(text)
    assert text.count("conflict") >= DAYS * 4
    for word in ("battlefield", "first", "office", "airfield", "officials", "flank"):
        assert word in text
    fonts = poppler("pdffonts", str(path)).splitlines()[2:]
    assert fonts and all(" yes " in line for line in fonts)  # every font embedded
    info = properties(path)
    assert info["Tagged"] == "yes" and int(info["Pages"]) == len(page_texts(path))


def test_the_contents_names_each_section_and_month_with_its_page(
        days_db: Database, tmp_path: Path) -> None:
    pages = page_texts(write_pdf(days_db, tmp_path / "r.pdf"))
    contents = pages[1]
    assert contents.startswith("Contents")
    entry = (r"(Key developments|Summary|Timeline|Chronology|[A-Z][a-z]+ 2026"
             r"|Records spanning more than 7 days) ?\.+ ?(\d+)")
    listed = dict(re.findall(entry, contents))  # "March 2026 ........ 6"
    assert set(listed) == {"Key developments", "Summary", "Timeline", "Chronology",
                           "February 2026", "March 2026", "Records spanning more than 7 days"}
    for heading, number in listed.items():
        page = pages[int(number) - 1]
        assert heading in page, (heading, number)
        if heading in ("Summary", "Chronology"):  # each starts its page
            assert page.startswith(heading)
    # The month's first day is on the page the contents gives for it.
    assert "1 March 2026" in pages[int(listed["March 2026"]) - 1]


def test_contents_entries_and_web_addresses_are_links(
        days_db: Database, tmp_path: Path) -> None:
    links = links_and_outline(write_pdf(days_db, tmp_path / "r.pdf")).links
    internal = [link for link in links if re.fullmatch(r".*#\d+", link)]
    assert len(internal) >= 5  # a contents entry links to its page
    # The source's web address is a link in the HTML and in the PDF, and the only one.
    html = markup(days_db)
    assert {href.replace("&amp;", "&")
            for href in re.findall(r'<a href="(https?://[^"]+)"', html)} == {URL}
    assert {link for link in links if link.startswith("http")} == {URL}


def test_the_title_page_and_the_marking_on_every_page(
        days_db: Database, tmp_path: Path) -> None:
    path = write_pdf(days_db, tmp_path / "r.pdf", TITLE_PAGE)
    pages = page_texts(path)
    assert len(pages) >= 4
    for number, text in enumerate(pages, start=1):
        assert text.count("OFFICIAL – SENSITIVE") == 2, number  # top and bottom
        assert text.endswith(f"Page {number} of {len(pages)}")
    title = pages[0]
    today = datetime.now(ZoneInfo("Europe/Kyiv"))
    for part in (TITLE_PAGE.title, "20 Feb 2026 – 15 Mar 2026",  # the days it holds
                 f"{TITLE_PAGE.author} {TITLE_PAGE.organisation} {today.day} {today:%B %Y}"):
        assert part in title
    assert "the beginning" not in title and "the end" not in title
    info = properties(path)
    assert info["Title"] == TITLE_PAGE.title and info["Author"] == TITLE_PAGE.author


def test_no_day_heading_is_left_at_the_foot_of_a_page(
        days_db: Database, tmp_path: Path) -> None:
    path = write_pdf(days_db, tmp_path / "r.pdf")
    layout = poppler("pdftotext", "-layout", str(path), "-").split("\f")[:-1]
    day = re.compile(r"\d{1,2} (February|March) 2026")
    chronology = [page for page in layout if "1 March 2026" in page or "20 February" in page]
    assert len(chronology) >= 2
    for page in chronology:
        body = [line.strip() for line in page.splitlines() if line.strip()][:-1]  # footer
        assert not day.fullmatch(body[-1]), body[-3:]


def _png(path: Path) -> None:
    """A one-pixel PNG."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 0,
                                                                        0, 0, 0))
                     + chunk(b"IDAT", zlib.compress(b"\x00\x00")) + chunk(b"IEND", b""))


def test_nothing_outside_the_document_is_fetched(tmp_path: Path) -> None:
    local = tmp_path / "private.png"
    _png(local)
    path = tmp_path / "fetch.pdf"
    path.write_bytes(pdf_from_html(f'<p><img src="{local.as_uri()}" alt="x"></p>'
                                   '<p><img src="http://127.0.0.1:9/x.png" alt="y"></p>'))
    assert poppler("pdfimages", "-list", str(path)).splitlines()[2:] == []


def test_title_page_fields_are_shown_literally_and_cannot_escape(
        db: Database, tmp_path: Path) -> None:
    """Typed text is text: in the HTML, in its <style> (the marking is a CSS string there)
    and in the PDF's pages and properties."""
    marking = 'SECRET"; } body { display: none } @page { @top-left { content: "x </style>'
    title = "<script>alert(1)</script> \u202eevil\x00 & \"talks\""
    hostile = ReportTitlePage(title, "A\x1bB <b>", "Org\u2028two", marking)
    html = markup(db, hostile)
    Page(html)  # well-formed
    style = html[html.index("<style>"):html.index("</style>") + len("</style>")]
    assert style.count("</style>") == 1 and "body { display" not in style
    assert "<script>" not in html and "\x00" not in html and "\x1b" not in html
    text = Page(html).all_text
    # Controls and direction overrides are not text a title page shows: gone, as spaces.
    assert "<script>alert(1)</script> evil & \"talks\"" in text and "Org two" in text
    pages = page_texts(write_pdf(db, tmp_path / "r.pdf", hostile))
    shown = " ".join(marking.split())
    assert all(page.count(shown) == 2 for page in pages)  # literally, top and bottom
    assert pages[0].count("<script>alert(1)</script>") >= 1
    assert properties(tmp_path / "r.pdf")["Author"] == "A B <b>"


def test_without_weasyprint_the_pdf_is_refused_with_what_to_install(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "weasyprint", None)  # import weasyprint fails
    with pytest.raises(ReportEngineMissing, match=re.escape("libpango-1.0-0")):
        pdf_from_html("<p>report</p>")
