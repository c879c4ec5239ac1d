"""The report's notes per day (each source once a day, a dataset's records in one note),
links in sources, and its own sections written from hand-made data."""

from __future__ import annotations

import io
from datetime import date

from tests.io.test_report_html import Page
from tracker.domain.enums import Precision
from tracker.domain.event_time import EventTime
from tracker.io.html_text import linked_source
from tracker.io.report_sections import (
    KeyDevelopment,
    LongRecord,
    write_key_developments,
    write_long_records,
)
from tracker.io.source_notes import DayNote, DayNotes

REUTERS = "Reuters, “Strikes on Kyiv”, 3 Feb 2026, https://example.org/kyiv?a=1&b=2"


def test_a_day_cites_each_source_once_and_a_dataset_in_one_note() -> None:
    notes = DayNotes()
    assert notes.number(REUTERS) == 1
    assert notes.record("UCDP GED", "12345") == 2
    assert notes.record("UCDP GED", "12346") == 2
    assert notes.number(REUTERS) == 1
    assert notes.record("ACLED", "UKR1") == 3
    assert notes.record("UCDP GED", "12345") == 2  # cited twice, listed once
    assert notes.pending == 4
    assert notes.take_day() == [DayNote(1, REUTERS),
                                DayNote(2, "UCDP GED", ("12345", "12346")),
                                DayNote(3, "ACLED", ("UKR1",))]
    # The next day cites Reuters again under a new number: its note is under that day.
    assert notes.number(REUTERS) == 4
    assert notes.take_day() == [DayNote(4, REUTERS)]
    assert notes.take_day() == []


def test_a_source_address_is_a_link_and_nothing_else_is() -> None:
    assert linked_source(REUTERS) == (
        "<bdi>Reuters, “Strikes on Kyiv”, 3 Feb 2026</bdi>, "
        '<a href="https://example.org/kyiv?a=1&amp;b=2">'
        "<bdi>https://example.org/kyiv?a=1&amp;b=2</bdi></a>")
    assert "href" not in linked_source("Blog, javascript:alert(1)")
    assert "href" not in linked_source('Site, https://x.org/"onmouseover=alert(1)')
    assert linked_source("Outlet only") == "<bdi>Outlet only</bdi>"


def test_key_developments_are_one_line_each_with_their_sources() -> None:
    stream = io.StringIO()
    write_key_developments((
        KeyDevelopment(date(2026, 2, 2), "week of 2 Feb 2026", "Round",
                       "Trilateral round: Scheduled trilateral round (Abu Dhabi)",
                       (REUTERS,)),
        KeyDevelopment(date(2026, 2, 3), "3 Feb 2026 10:00 EET", "Factor turn",
                       "U.S.–Iran tensions: critical, rising (was high, rising)", ()),
    ), stream)
    page = Page(stream.getvalue())
    assert page.all_text.count("\n") >= 3
    lines = [line for line in page.all_text.splitlines() if line.startswith(("week", "3 Feb"))]
    assert lines == [
        "week of 2 Feb 2026 Round: Trilateral round: Scheduled trilateral round (Abu Dhabi) "
        "(Reuters, “Strikes on Kyiv”, 3 Feb 2026, https://example.org/kyiv?a=1&b=2)",
        "3 Feb 2026 10:00 EET Factor turn: U.S.–Iran tensions: critical, rising "
        "(was high, rising)"]
    empty = io.StringIO()
    write_key_developments((), empty)
    assert "No rounds, schedule changes or factor turns in this range." in empty.getvalue()


def test_long_records_are_a_table_with_their_days_and_a_total() -> None:
    izyum = LongRecord(1, EventTime.of(date(2022, 2, 24), Precision.DAY, date(2022, 9, 12)),
                       "State-based", "Izyum town, Kharkiv Oblast", 871, None, "UCDP GED",
                       "447229", ())
    sumy = LongRecord(2, EventTime.of(date(2022, 3, 15), Precision.MONTH), "Shelling", "",
                      None, None, "ACLED", "UKR9", (REUTERS,))
    stream = io.StringIO()
    write_long_records((izyum, sumy), stream)
    page = Page(stream.getvalue())
    assert ["24 Feb – 12 Sep 2022 (reported as one record)", "State-based",
            "Izyum town, Kharkiv Oblast", "871", "UCDP GED 447229"] in page.rows
    assert page.rows[-1][:5] == ["March 2022 (month)", "Shelling", "place unknown",
                                 "unknown", "ACLED UKR9"]
    assert "2 records, 871 fatalities in all" in page.all_text
