"""The chronology report as one HTML document: title page, summary, chart, days with notes.

Qt-free: the window and the command line print the same HTML to PDF through QTextDocument
(tracker/ui/exports/report_pdf.py), which reads the subset of HTML and CSS used here (tables,
page-break-before, <sup>), and a browser opens the file as it is. Every piece of user
or imported text goes through ``_text``: escaped, its control characters replaced, and
isolated with <bdi> so a right-to-left override cannot reorder what follows it.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import TextIO

from tracker.domain.chronology import ChronologyEntry
from tracker.domain.timewindow import zone
from tracker.io.as_of_note import AsOfDay, as_of_sentence, titled
from tracker.io.html_text import html_text as _text
from tracker.io.html_text import linked_source
from tracker.io.report_sections import (
    SECTIONS_CSS,
    KeyDevelopment,
    LongRecord,
    long_records_sentence,
    plural,
    write_key_developments,
    write_long_records,
)
from tracker.io.source_notes import DayNote, DayNotes

TITLE = "Chronology report"
NOTES_REMEMBERED = 10_000

_STYLE = """
body { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 10pt; color: #222; }
h1 { font-size: 24pt; margin-top: 120px; }
h2 { font-size: 16pt; margin-top: 18px; }
h3 { font-size: 12pt; margin-top: 14px; margin-bottom: 4px; color: #234; }
table { border-collapse: collapse; margin-bottom: 12px; }
th, td { padding: 3px 8px; border: 1px solid #bbb; text-align: left; }
td.n { text-align: right; }
.newpage { page-break-before: always; }
.lead { color: #555; }
.entry { margin: 3px 0; }
.kind { font-weight: bold; }
.place { font-style: italic; color: #555; }
.link { color: #555; margin: 0 0 0 18px; }
.counted { margin: 3px 0; color: #333; }
.note { font-size: 8.5pt; color: #444; margin: 1px 0 1px 12px; }
.capped { border: 1px solid #c90; padding: 6px; background: #fff6df; }
p, li { overflow-wrap: anywhere; }
"""


@dataclass(frozen=True, slots=True)
class Tally:
    """Events of one type or target category in the report's range."""

    name: str
    events: int
    fatalities: int
    injuries: int


@dataclass(frozen=True, slots=True)
class DaySummary:
    """A day's totals, first under its heading: its events counted instead of listed
    (beyond the report's event limit, *by_type* most frequent first), or, when *listed*,
    the totals of the events listed below it. Long records are in neither."""

    day: date
    events: int
    fatalities: int
    by_type: tuple[tuple[str, int], ...]  # most frequent first
    injuries: int = 0
    listed: bool = False


@dataclass(frozen=True, slots=True)
class ReportSummary:
    """What the range holds; ``counted_from`` is the first day whose events are counted
    by day rather than listed (None when every event is listed)."""

    rounds: int
    schedule_changes: int
    factor_readings: int
    events: int
    fatalities: int
    injuries: int
    by_type: tuple[Tally, ...]
    by_category: tuple[Tally, ...]
    listed_events: int
    counted_from: date | None = None
    # Counted apart from every total above: records over more than a week that overlap
    # the range (report_sections.py).
    long_records: tuple[LongRecord, ...] = ()
    key_developments: tuple[KeyDevelopment, ...] = ()


@dataclass(frozen=True, slots=True)
class ReportHeader:
    date_from: date | None
    date_to: date | None
    tz: str
    generated_at: datetime
    corrections: bool = False  # undone entries listed as corrections, not left out
    as_of: AsOfDay | None = None  # the report as known on a past day, titled so


@dataclass(frozen=True, slots=True)
class ReportChart:
    """The timeline image: *src* is a data: URI (a file) or a resource name (Qt)."""

    src: str
    width: int
    height: int
    description: str


def day_heading(day: date | None) -> str:
    return "Date unknown" if day is None else f"{day.day} {day:%B %Y}"


def _long_date(day: date) -> str:
    return f"{day.day} {day:%b %Y}"


def describe_filters(header: ReportHeader) -> str:
    """The filters in words (plain text): what the title page says was asked for."""
    parts = []
    if header.date_from:
        parts.append(f"from {_long_date(header.date_from)}")
    if header.date_to:
        parts.append(f"to {_long_date(header.date_to)}")
    dates = " ".join(parts) if parts else "all dates"
    undone = "undone entries shown as corrections" if header.corrections \
        else "undone entries left out"
    return f"Dates: {dates}; days in {header.tz}; all kinds of entries; all events; {undone}"


def write_report_html(
    header: ReportHeader, summary: ReportSummary,
    items: Iterable[ChronologyEntry | DaySummary], stream: TextIO, *,
    chart: ReportChart | None = None,
) -> int:
    """Write the report; return how many entries are told one by one.

    *items* come in time order: chronology entries, and ``DaySummary`` for the days
    whose events are counted. Each day's sources follow it as numbered notes, so memory
    holds one day's notes however long the range (see ``write_markdown``).
    """
    stream.write("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                 f"<title>{html.escape(titled(TITLE, header.as_of))}</title>\n"
                 f"<style>{_STYLE}{SECTIONS_CSS}</style>\n</head>\n<body>\n")
    _title_page(header, stream)
    write_key_developments(summary.key_developments, stream)
    _summary(summary, stream)
    _chart(chart, stream)
    stream.write('<h2 class="newpage">Chronology</h2>\n'
                 '<p class="lead">Entries in time order under their day. Events are under '
                 "the day they were reported for; rounds announced by day, week or month "
                 "under their days at the venue; schedule changes under the day they were "
                 "announced; rounds at an exact time, announcements at an exact time and "
                 f"factor readings under their day in {_text(header.tz)}. Each day's "
                 "sources are numbered notes after it.</p>\n")
    count = _days(items, stream)
    write_long_records(summary.long_records, stream)
    stream.write("</body>\n</html>\n")
    return count


def _title_page(header: ReportHeader, stream: TextIO) -> None:
    local = header.generated_at.astimezone(zone(header.tz))
    span = (f"{_long_date(header.date_from) if header.date_from else 'the beginning'} to "
            f"{_long_date(header.date_to) if header.date_to else 'the end'}")
    rows = (("Date range", span), ("Filters", describe_filters(header)),
            ("Time zone", header.tz),
            ("Generated at", f"{local:%Y-%m-%d %H:%M} {header.tz} "
                             f"({header.generated_at.astimezone(UTC):%H:%M} UTC)"))
    stream.write(f'<h1>{html.escape(titled(TITLE, header.as_of))}</h1>\n<p class="lead">'
                 "Negotiation Tracker: rounds of talks, schedule changes, factor readings "
                 "and battlefield events in one time order.</p>\n")
    if header.as_of is not None:
        stream.write(f'<p class="capped">{_text(as_of_sentence(header.as_of))}</p>\n')
    stream.write('<table class="filters">\n')
    for name, value in rows:
        stream.write(f"<tr><th>{name}</th><td>{_text(value)}</td></tr>\n")
    stream.write("</table>\n")


def _tally_table(caption: str, tallies: tuple[Tally, ...], stream: TextIO) -> None:
    stream.write(f"<h3>{caption}</h3>\n")
    if not tallies:
        stream.write("<p>None in this range.</p>\n")
        return
    stream.write("<table>\n<tr><th>Name</th><th>Events</th><th>Fatalities</th>"
                 "<th>Injuries</th></tr>\n")
    for tally in tallies:
        stream.write(f"<tr><td>{_text(tally.name or '(none)')}</td>"
                     f'<td class="n">{tally.events:,}</td>'
                     f'<td class="n">{tally.fatalities:,}</td>'
                     f'<td class="n">{tally.injuries:,}</td></tr>\n')
    stream.write("</table>\n")


def _summary(summary: ReportSummary, stream: TextIO) -> None:
    stream.write('<h2 class="newpage">Summary</h2>\n<h3>Entries by kind</h3>\n<table>\n'
                 "<tr><th>Kind</th><th>Entries</th></tr>\n")
    for kind, count in (("Rounds", summary.rounds),
                        ("Schedule changes", summary.schedule_changes),
                        ("Factor readings", summary.factor_readings),
                        ("Battlefield events", summary.events)):
        stream.write(f'<tr><td>{kind}</td><td class="n">{count:,}</td></tr>\n')
    stream.write(f'<tr><td>Fatalities (events)</td><td class="n">{summary.fatalities:,}'
                 f'</td></tr>\n<tr><td>Injuries (events)</td><td class="n">'
                 f"{summary.injuries:,}</td></tr>\n</table>\n"
                 '<p class="lead">Unknown fatalities and injuries count as none. Events '
                 "are counted on their day or week; a record over more than a week is "
                 "counted apart.</p>\n")
    if summary.counted_from is not None:
        stream.write(f'<p class="capped">This range holds {summary.events:,} events, more '
                     "than a report lists one by one. The chronology lists "
                     f"{summary.listed_events:,} events in full, up to "
                     f"{_long_date(summary.counted_from)}; from that day on, each day's "
                     "events are counted by type instead (with their fatalities), and "
                     "their sources are not listed. Export CSV or JSON for every event, "
                     "or choose a shorter range.</p>\n")
    if summary.long_records:
        stream.write(f'<p class="capped">{_text(long_records_sentence(summary.long_records))}'
                     "</p>\n")
    _tally_table("Events by type", summary.by_type, stream)
    _tally_table("Events by target category", summary.by_category, stream)


def _chart(chart: ReportChart | None, stream: TextIO) -> None:
    stream.write("<h2>Timeline</h2>\n")
    if chart is None:
        stream.write("<p>Nothing dated to draw in this range.</p>\n")
        return
    stream.write(f'<p><img src="{html.escape(chart.src, quote=True)}" width="{chart.width}" '
                 f'height="{chart.height}" alt="{html.escape(chart.description, quote=True)}"'
                 ' style="max-width: 100%; height: auto;"></p>\n'
                 f'<p class="lead">{_text(chart.description)}</p>\n')


def _days(items: Iterable[ChronologyEntry | DaySummary], stream: TextIO) -> int:
    notes = DayNotes()
    heading: str | None = None
    count = 0
    for item in items:
        day = day_heading(item.day)
        if day != heading:
            _write_notes(notes.take_day(), stream)
            anchor = f' id="day-{item.day.isoformat()}"' if item.day else ""
            stream.write(f"<h3{anchor}>{day}</h3>\n")
            heading = day
        if isinstance(item, DaySummary):
            _counted(item, stream)
            continue
        _entry(item, notes, stream)
        count += 1
        if notes.pending > NOTES_REMEMBERED:  # one day of very many events: bound it too
            _write_notes(notes.take_day(), stream)
    _write_notes(notes.take_day(), stream)
    if heading is None:
        stream.write("<p>Nothing in this range.</p>\n")
    return count


def dataset_label(entry: ChronologyEntry) -> str | None:
    """The source an event entry names for its dataset record ('dataset UCDP GED, id
    12345', chronology_text.event_entry); None for other entries."""
    facts = entry.event
    return None if facts is None else f"dataset {facts.dataset}, id {facts.external_id}"


def _entry(entry: ChronologyEntry, notes: DayNotes, stream: TextIO) -> None:
    # An event's dataset record joins the day's one note for its dataset, instead of a
    # note line of its own for each event (issue 15: sources compact).
    record = dataset_label(entry)
    numbers = [notes.number(source) for source in entry.sources if source != record]
    if entry.event is not None and record in entry.sources:
        numbers.append(notes.record(entry.event.dataset, entry.event.external_id))
    marks = "".join(f'<sup><a href="#note-{number}">[{number}]</a></sup>'
                    for number in numbers)
    line = (f'<p class="entry"><span class="kind">{_text(entry.kind.value)}</span>, '
            f"{_text(entry.when_text)}: {_text(entry.title)}")
    if entry.detail:
        line += f". {_text(entry.detail)}"
    if entry.place:
        line += f' <span class="place">{_text(entry.place)}</span>'
    stream.write(line + marks + "</p>\n")
    for link in entry.links:
        stream.write(f'<p class="link">→ {_text(link)}</p>\n')


def _counted(summary: DaySummary, stream: TextIO) -> None:
    stream.write(f'<p class="day-total">{plural(summary.events, "event")}, '
                 f"{summary.fatalities:,} killed, {summary.injuries:,} injured</p>\n")
    if summary.listed:
        return
    types = "; ".join(f"{_text(name or '(no type)')} {count:,}"
                      for name, count in summary.by_type)
    stream.write(f'<p class="counted"><span class="kind">events</span>: '
                 f"{summary.events:,} events, {summary.fatalities:,} fatalities, counted "
                 f"(not listed): {types}</p>\n")


def _write_notes(notes: list[DayNote], stream: TextIO) -> None:
    """A day's notes: each source once, each dataset's records of the day in one note."""
    for note in notes:
        shown = (f"{_text(note.label)} records {_text(', '.join(note.records))}"
                 if note.is_dataset else linked_source(note.label))
        stream.write(f'<p class="note" id="note-{note.number}">[{note.number}] {shown}</p>\n')
