"""The HTML report: well-formed, its title page and summary from hand-counted events,
notes that match the sources, and a range beyond the event limit counted by day."""

from __future__ import annotations

import io
import re
from datetime import UTC, date, datetime
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.services.scenario import add_events
from tracker.domain.chronology import EntryKind
from tracker.services.chronology.chronology import iter_chronology
from tracker.services.common.errors import ValidationError
from tracker.services.exports.export import ExportFormat, format_for_path
from tracker.services.exports.report import REPORT_EVENT_LIMIT, write_report
from tracker.storage.database import Database

VOID = {"meta", "img", "br", "hr", "link", "input"}
GENERATED = datetime(2026, 2, 3, 9, 30, tzinfo=UTC)


class Page(HTMLParser):
    """The report read back: tags must balance; text, entries, notes and rows collected."""

    def __init__(self, markup: str) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[str] = []
        self.text: list[str] = []
        self.entries: list[tuple[str, list[int]]] = []  # (text, note numbers)
        self.notes: dict[int, str] = {}
        self.headings: list[str] = []
        self.rows: list[list[str]] = []
        self._entry: tuple[list[str], list[int]] | None = None
        self._note: tuple[int, list[str]] | None = None
        self._in: list[str] = []
        self.feed(markup)
        self.close()
        assert self.open == [], f"unclosed: {self.open}"

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag not in VOID:
            self.open.append(tag)
        css = found.get("class") or ""
        if tag == "p" and css == "entry":
            self._entry = ([], [])
        if tag == "p" and css == "note":
            self._note = (int((found.get("id") or "").removeprefix("note-")), [])
        if tag == "tr":
            self.rows.append([])
        self._in.append(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.open and self.open[-1] == tag, f"</{tag}> closes {self.open[-1:]}"
        self.open.pop()
        self._in.pop()
        if tag == "p" and self._entry is not None:
            self.entries.append(("".join(self._entry[0]), self._entry[1]))
            self._entry = None
        if tag == "p" and self._note is not None:
            number, parts = self._note
            self.notes[number] = "".join(parts).removeprefix(f"[{number}] ")
            self._note = None

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        inside = self._in[-1] if self._in else ""
        if inside == "h4":  # the days' headings
            self.headings.append(data)
        if {"td", "th"} & set(self._in) and self.rows:
            self.rows[-1].append(data)
        if self._entry is not None:
            if inside == "a":
                self._entry[1].append(int(data.strip("[]")))
            else:
                self._entry[0].append(data)
        if self._note is not None:
            self._note[1].append(data)

    @property
    def all_text(self) -> str:
        return "".join(self.text)


def report(db: Database, *, date_from: date | None = None, date_to: date | None = None,
           tz: str = "UTC", event_limit: int = REPORT_EVENT_LIMIT) -> str:
    stream = io.StringIO()
    with db.reading() as session:
        write_report(session, stream, date_from=date_from, date_to=date_to, tz=tz,
                     generated_at=GENERATED, event_limit=event_limit)
    return stream.getvalue()


@pytest.fixture
def counted_db(db: Database) -> Database:
    """Six events on three days, hand-counted: types, categories, fatalities, injuries."""
    with db.transaction() as session:
        add_events(session, [
            {"event_date": date(2026, 3, 1), "event_type": "Shelling", "fatalities": 2,
             "target_category": "energy", "summary": "Substation hit"},
            {"event_date": date(2026, 3, 1), "event_type": "Drone strike", "fatalities": 5,
             "injuries": 1, "target_category": "transport", "summary": "Rail depot hit"},
            {"event_date": date(2026, 3, 2), "event_type": "Shelling", "fatalities": None,
             "target_category": "energy", "summary": "Power plant hit"},
            {"event_date": date(2026, 3, 2), "event_type": "Shelling", "fatalities": 1,
             "summary": "Field hit"},
            {"event_date": date(2026, 3, 2), "event_type": "Drone strike", "fatalities": 0,
             "injuries": 4, "target_category": "energy", "summary": "Line cut"},
            {"event_date": date(2026, 3, 3), "event_type": "Drone strike", "fatalities": 3,
             "target_category": "transport", "summary": "Bridge hit"},
        ])
    return db


def test_title_page_and_summary_hold_the_hand_counted_figures(counted_db: Database) -> None:
    page = Page(report(counted_db, date_from=date(2026, 3, 1), date_to=date(2026, 3, 2),
                       tz="Europe/Kyiv"))
    text = page.all_text
    assert "Dates: from 1 Mar 2026 to 2 Mar 2026; days in Europe/Kyiv" in text
    assert ["Date range", "1 Mar 2026 – 2 Mar 2026"] in page.rows
    assert ["Generated at", "2026-02-03 11:30 Europe/Kyiv (09:30 UTC)"] in page.rows
    # Five events on 1-2 March (the 3 March one is outside): 8 dead, 5 hurt.
    assert ["Battlefield events", "5"] in page.rows
    assert ["Fatalities (events)", "8"] in page.rows
    assert ["Injuries (events)", "5"] in page.rows
    assert ["Rounds", "0"] in page.rows
    assert ["Shelling", "3", "3", "0"] in page.rows
    assert ["Drone strike", "2", "5", "5"] in page.rows
    assert ["energy", "3", "2", "4"] in page.rows
    assert ["(none)", "1", "1", "0"] in page.rows
    assert ["transport", "1", "5", "1"] in page.rows
    assert page.headings[-2:] == ["1 March 2026", "2 March 2026"]
    assert len(page.entries) == 5
    assert "more than a report lists" not in text


def test_notes_are_numbered_in_order_and_name_each_entry_sources(sample_db: Database) -> None:
    page = Page(report(sample_db, tz="Europe/Kyiv"))
    with sample_db.reading() as session:
        entries = list(iter_chronology(session, tz="Europe/Kyiv"))
    assert len(page.entries) == len(entries)
    seen: list[int] = []
    for (text, numbers), entry in zip(page.entries, entries, strict=True):
        assert entry.title in text
        if entry.event is None:
            assert [page.notes[n] for n in numbers] == list(entry.sources)
        else:
            # The dataset's record is one id in the day's note for that dataset.
            record = f"dataset {entry.event.dataset}, id {entry.event.external_id}"
            assert entry.sources[-1] == record
            assert [page.notes[n] for n in numbers[:-1]] == list(entry.sources[:-1])
            dataset_note = page.notes[numbers[-1]]
            assert dataset_note.startswith(f"{entry.event.dataset} records ")
            assert entry.event.external_id in dataset_note.split(" records ")[1].split(", ")
        seen += [n for n in numbers if n not in seen]
    assert seen == list(range(1, len(seen) + 1))  # first cited, first numbered
    assert len(seen) >= 3 and sorted(page.notes) == seen


def test_a_range_beyond_the_event_limit_counts_whole_days(counted_db: Database) -> None:
    # Event number 4 in (day, id) order is on 2 March: 1 March is listed, the rest counted.
    page = Page(report(counted_db, tz="UTC", event_limit=3))
    text = page.all_text
    assert "This range holds 6 events" in text
    assert "lists 2 events in full, up to 2 Mar 2026" in text
    assert len(page.entries) == 2
    assert all(entry.startswith("event,") for entry, _ in page.entries)
    counted = re.findall(r"events: (.*?) fatalities, counted \(not listed\): ([^\n]*)", text)
    assert counted == [("3 events, 1", "Shelling 2; Drone strike 1"),
                       ("1 events, 3", "Drone strike 1")]
    assert page.headings[-3:] == ["1 March 2026", "2 March 2026", "3 March 2026"]


def test_facts_after_the_limit_are_still_listed(sample_db: Database) -> None:
    with sample_db.reading() as session:
        entries = list(iter_chronology(session, tz="UTC"))
    facts = [e for e in entries if e.kind is not EntryKind.EVENT]
    page = Page(report(sample_db, tz="UTC", event_limit=0))
    assert len(page.entries) == len(facts)  # every round, change and reading
    assert "counted (not listed)" in page.all_text


def test_an_empty_range_says_so(db: Database) -> None:
    text = Page(report(db)).all_text
    assert "Nothing in this range." in text
    assert "Dates: all dates; days in UTC" in text


def test_a_backwards_range_or_unknown_zone_is_refused(db: Database) -> None:
    with pytest.raises(ValidationError):
        report(db, date_from=date(2026, 3, 2), date_to=date(2026, 3, 1))
    with pytest.raises(ValidationError):
        report(db, tz="Mars/Olympus")


def test_the_file_name_picks_the_report_formats() -> None:
    assert format_for_path(Path("r.HTML")) is ExportFormat.HTML
    assert format_for_path(Path("r.pdf")) is ExportFormat.PDF
