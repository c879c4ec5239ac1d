"""Every exporter carries the hostile corpus safely: CSV neutralised and quoted, Markdown
and the HTML report escaped, JSON exact, iCalendar escaped and folded at 75 octets."""

from __future__ import annotations

import csv
import html
import io
import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from icalendar import Calendar
from sqlalchemy import select, update

from tests.hostile_text import HOSTILE, NUL_TEXT, as_shown
from tests.io.test_report_html import Page
from tests.services.scenario import add_events
from tracker.domain.enums import Precision, RoundFormat
from tracker.domain.events import BattlefieldEvent
from tracker.domain.negotiation import Round
from tracker.io.spreadsheet import FORMULA_TRIGGERS
from tracker.services.exports.archive import export_archive
from tracker.services.exports.archive_import import import_archive
from tracker.services.exports.export import ExportFormat, export_chronology, write_chronology
from tracker.services.exports.schedule_calendar import schedule_calendar
from tracker.services.exports.timelinejs import write_timeline
from tracker.services.exports.timelinejs_selection import EventScope, TimelineRequest
from tracker.services.records.record_edits import edit_record
from tracker.services.rounds import list_rounds
from tracker.storage.database import Database, open_database


@pytest.fixture
def hostile_db(sample_db: Database) -> Database:
    with sample_db.transaction() as session:
        add_events(session, [
            {"event_date": date(2026, 1, 27), "summary": text, "location": text[:40]}
            for text in HOSTILE])
    return sample_db


def _export(db: Database, fmt: ExportFormat) -> str:
    buffer = io.StringIO(newline="")
    with db.reading() as session:
        write_chronology(session, buffer, fmt, date_from=date(2026, 1, 27),
                         date_to=date(2026, 1, 27))
    return buffer.getvalue()


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for item in value.values() for s in _strings(item)]
    if isinstance(value, list):
        return [s for item in value for s in _strings(item)]
    return []


def test_csv_neutralises_formulas_and_quotes_everything_else(hostile_db: Database) -> None:
    cells = [cell for row in csv.reader(io.StringIO(_export(hostile_db, ExportFormat.CSV)))
             for cell in row]
    assert not [cell for cell in cells if cell.startswith(FORMULA_TRIGGERS)]
    for text in HOSTILE:
        # Each summary is there whole (after the guard's apostrophe, where it has one),
        # its line breaks and separators inside one quoted cell.
        assert any(text in cell for cell in cells), text[:30]


def test_json_carries_every_string_exactly(hostile_db: Database) -> None:
    values = _strings(json.loads(_export(hostile_db, ExportFormat.JSON)))
    for text in HOSTILE:
        assert any(text in value for value in values), text[:30]


def test_archive_carries_every_string_and_reads_it_back(hostile_db: Database,
                                                        tmp_path: Path) -> None:
    archive = tmp_path / "archive.json"
    with hostile_db.reading() as session:
        export_archive(session, archive)
    values = set(_strings(json.loads(archive.read_text(encoding="utf-8"))))
    assert set(HOSTILE) <= values
    copy = open_database(tmp_path / "copy.db")
    try:
        import_archive(copy, archive)
        with copy.reading() as session:
            assert set(HOSTILE) <= set(session.scalars(select(BattlefieldEvent.summary)))
    finally:
        copy.close()


def test_markdown_shows_markup_as_text(hostile_db: Database) -> None:
    text = _export(hostile_db, ExportFormat.MD)
    assert "<script>" not in text and "<b>" not in text
    assert "&lt;script>alert" in text


def test_html_report_shows_markup_as_text(hostile_db: Database) -> None:
    markup = _export(hostile_db, ExportFormat.HTML)
    page = Page(markup)  # parses, every tag closed
    assert "<script>" not in markup and "<b>" not in markup and "\x07" not in markup
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in markup
    text = page.all_text
    for hostile in HOSTILE:
        # Control characters, which HTML may not hold, show as U+FFFD; the rest as it was.
        assert as_shown(hostile) in text, hostile[:30]


def test_icalendar_escapes_and_folds(sample_db: Database) -> None:
    with sample_db.transaction() as session:
        [round_id] = [r.id for r in list_rounds(session)
                      if r.window.precision is Precision.WEEK]
        for text in HOSTILE:
            edit_record(session, "round", round_id, {
                "title": text.replace("\n", " "), "format": RoundFormat.TRILATERAL,
                "agenda": text, "outcome": ""}, None)
            raw = schedule_calendar(session).calendar.to_ical()
            assert all(len(line) <= 75 for line in raw.split(b"\r\n")), text[:30]
            assert b"\x07" not in raw and b"\r\n\r\n" not in raw
            [event] = Calendar.from_ical(raw).walk("VEVENT")
            # Line breaks come back as \n; controls, which TEXT may not hold, as U+FFFD.
            expected = as_shown(text.replace("\r\n", "\n"))
            assert str(event["description"]).endswith(f"Agenda: {expected}"), text[:30]


def test_written_files_match_the_streams(hostile_db: Database, tmp_path: Path) -> None:
    with hostile_db.reading() as session:
        export_chronology(session, tmp_path / "c.csv", ExportFormat.CSV,
                          date_from=date(2026, 1, 27), date_to=date(2026, 1, 27))
    with (tmp_path / "c.csv").open(encoding="utf-8", newline="") as written:
        assert written.read() == _export(hostile_db, ExportFormat.CSV)


def test_timelinejs_escapes_its_html_and_the_page_script_holds(
        hostile_db: Database, tmp_path: Path) -> None:
    with hostile_db.transaction() as session:  # hostile event categories, for the groups
        add_events(session, [
            {"event_date": date(2026, 1, 28), "external_id": f"G{number}",
             "target_category": text} for number, text in enumerate(HOSTILE)])
    target = tmp_path / "timeline.json"
    with hostile_db.reading() as session:
        write_timeline(session, target, TimelineRequest(
            events=EventScope.ALL, date_from=date(2026, 1, 27), date_to=date(2026, 1, 28)))
    written = target.read_text(encoding="utf-8")
    data = json.loads(written)
    assert "<script" not in written and "<b>bold" not in written
    assert "\x07" not in written and "\\u0007" not in written
    fields = [slide["text"][part] for slide in data["events"] for part in ("headline", "text")]
    shown = [html.unescape(field.replace("<br>", "\n")) for field in fields]
    groups = {html.unescape(html.unescape(slide["group"])) for slide in data["events"]}
    for text in HOSTILE:
        # Line breaks come back from <br>, controls as U+FFFD; a group is one line.
        expected = as_shown(text.replace("\r\n", "\n"))
        assert any(expected in value for value in shown), text[:30]
        assert f"Events: {' '.join(expected.split())}" in groups, text[:30]
    page = target.with_suffix(".html").read_text(encoding="utf-8")
    opening = '<script type="application/json" id="timeline-data">'
    inline = page.split(opening, 1)[1].split("</script>", 1)[0]
    assert "<" not in inline and "&" not in inline
    assert json.loads(inline) == data


@pytest.mark.sqlite_only  # only an SQLite file can hold a NUL, and only an older one
def test_a_nul_an_older_version_stored_is_exported_safely(sample_db: Database,
                                                          tmp_path: Path) -> None:
    with sample_db.transaction() as session:
        [round_id] = [r.id for r in list_rounds(session)
                      if r.window.precision is Precision.WEEK]
        # Core, past the ORM: the ORM and every importer keep NUL out now.
        session.execute(update(Round).where(Round.id == round_id).values(agenda=NUL_TEXT))
        add_events(session, [{"event_date": date(2026, 1, 27), "summary": NUL_TEXT,
                              "target_category": NUL_TEXT}])
    assert NUL_TEXT in _strings(json.loads(_export(sample_db, ExportFormat.JSON)))
    assert NUL_TEXT in {cell for row in csv.reader(io.StringIO(_export(
        sample_db, ExportFormat.CSV))) for cell in row}
    assert "\x00" not in _export(sample_db, ExportFormat.MD)
    markup = _export(sample_db, ExportFormat.HTML)
    assert "\x00" not in markup and as_shown(NUL_TEXT) in Page(markup).all_text
    with sample_db.reading() as session:
        raw = schedule_calendar(session).calendar.to_ical()
        write_timeline(session, tmp_path / "t.json", TimelineRequest(
            events=EventScope.ALL, date_from=date(2026, 1, 27), date_to=date(2026, 1, 27)))
    assert b"\x00" not in raw and as_shown(NUL_TEXT).encode() in raw
    written = (tmp_path / "t.json").read_text(encoding="utf-8")
    assert "\x00" not in written and "\\u0000" not in written
