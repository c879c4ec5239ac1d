"""The chronology report as one HTML document: title page, contents, summary, chart, days.

The same document is the HTML report and, laid out by WeasyPrint with its print styles
(report_style.py), the PDF (report_pdf.py): one source, so the two never differ. The body
is written first, into memory (a report lists at most a few thousand events, so it is a
few megabytes), because the title page names the days it holds and the contents list its
sections and months (report_front.py). Every piece of user or imported text goes through
``_text``: escaped, its control characters replaced, and isolated with <bdi> so a
right-to-left override cannot reorder what follows it.
"""

from __future__ import annotations

import html
import io
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date
from typing import TextIO

from tracker.domain.chronology import ChronologyEntry
from tracker.domain.timewindow import zone
from tracker.io.as_of_note import as_of_sentence
from tracker.io.html_text import html_text as _text
from tracker.io.html_text import linked_source
from tracker.io.report_claims import DayClaim, write_day_claims
from tracker.io.report_front import (
    TITLE,
    Months,
    ReportHeader,
    ReportTitlePage,
    contents_of,
    days_held,
    describe_filters,
    one_line,
    write_contents,
)
from tracker.io.report_front import long_date as _long_date
from tracker.io.report_sections import (
    SECTIONS_CSS,
    KeyDevelopment,
    LongRecord,
    long_records_sentence,
    plural,
    write_key_developments,
    write_long_records,
)
from tracker.io.report_style import REPORT_CSS, marking_css
from tracker.io.report_withdrawn import WithdrawnRecord, write_withdrawn
from tracker.io.source_notes import DayNote, DayNotes

# Named here for the writers' callers (services/exports/report.py, the tests).
__all__ = ["TITLE", "DaySummary", "ReportChart", "ReportHeader", "ReportSummary",
           "ReportTitlePage", "Tally", "write_report_html"]
NOTES_REMEMBERED = 10_000

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
    # Withdrawn by their source (issue 17): in no total, listed apart.
    withdrawn: tuple[WithdrawnRecord, ...] = ()
    key_developments: tuple[KeyDevelopment, ...] = ()
    # Claims on a day and a place, no event's (issue 18): listed apart, in no total.
    day_claims: tuple[DayClaim, ...] = ()


@dataclass(frozen=True, slots=True)
class ReportChart:
    """The timeline image: *src* is a data: URI (a file) or a resource name (Qt)."""

    src: str
    width: int
    height: int
    description: str


def day_heading(day: date | None) -> str:
    return "Date unknown" if day is None else f"{day.day} {day:%B %Y}"


def write_report_html(
    header: ReportHeader, summary: ReportSummary,
    items: Iterable[ChronologyEntry | DaySummary], stream: TextIO, *,
    chart: ReportChart | None = None, map_figure: ReportChart | None = None,
) -> int:
    """Write the report; return how many entries are told one by one.

    *items* come in time order: chronology entries, and ``DaySummary`` for the days
    whose events are counted. Each day's sources follow it as numbered notes, so memory
    holds one day's notes however long the range (see ``write_markdown``).
    """
    body = io.StringIO()
    months = Months()
    write_key_developments(summary.key_developments, body)
    _summary(summary, body)
    _chart(chart, body)
    if map_figure is not None:  # the events' places and the venues (ui/map/map_report.py)
        _figure("Map", "map", map_figure, body)
    body.write('<h2 class="newpage" id="chronology">Chronology</h2>\n'
               '<p class="lead">Entries in time order under their day. Events are under '
               "the day they were reported for; rounds announced by day, week or month "
               "under their days in the round's zone (the venue's, where one is named); "
               "schedule changes under the day they were "
               "announced; rounds at an exact time, announcements at an exact time and "
               f"factor readings under their day in {_text(header.tz)}. Each day's "
               f"sources are numbered notes after it. {_text(header.figures)}</p>\n")
    count = _days(items, body, months)
    write_long_records(summary.long_records, body)
    write_withdrawn(summary.withdrawn, body)
    write_day_claims(summary.day_claims, body)
    marking = header.title_page.marking
    stream.write("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                 '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
                 f"<title>{html.escape(header.title)}</title>\n"
                 f"{_meta(header)}<style>{REPORT_CSS}{SECTIONS_CSS}{marking_css(marking)}"
                 "</style>\n"
                 "</head>\n<body>\n")
    _marking(marking, stream)
    _title_page(header, months, stream)
    write_contents(contents_of(body.getvalue().splitlines()), stream)
    stream.write(body.getvalue())
    _marking(marking, stream, foot=True)
    stream.write("</body>\n</html>\n")
    return count


def _meta(header: ReportHeader) -> str:
    """The document's properties (WeasyPrint writes them into the PDF's)."""
    parts = [("generator", "Negotiation Tracker"),
             ("dcterms.created", header.generated_at.astimezone(UTC).isoformat()),
             ("author", header.title_page.author),
             ("description", describe_filters(header))]
    return "".join(f'<meta name="{name}" content="{html.escape(one_line(value))}">\n'
                   for name, value in parts if one_line(value))


def _marking(marking: str, stream: TextIO, *, foot: bool = False) -> None:
    """The handling marking at the top and foot of the page in a browser; the PDF has it
    on every page instead (report_style.marking_css)."""
    if one_line(marking):
        css = "marking foot" if foot else "marking"
        stream.write(f'<p class="{css}">{_text(one_line(marking))}</p>\n')


def _title_page(header: ReportHeader, months: Months, stream: TextIO) -> None:
    local = header.generated_at.astimezone(zone(header.tz))
    page = header.title_page
    held = days_held(header, months)
    stream.write(f'<section class="title-page">\n<h1>{_text(header.title)}</h1>\n'
                 f'<p class="range">{_text(held)}</p>\n'
                 '<p class="lead">Rounds of talks, schedule changes, factor readings and '
                 "battlefield events in one time order, with their sources.</p>\n")
    if header.as_of is not None:
        stream.write(f'<p class="capped">{_text(as_of_sentence(header.as_of))}</p>\n')
    stream.write('<div class="byline">\n')
    for css, value in (("author", page.author), ("organisation", page.organisation)):
        if one_line(value):
            stream.write(f'<p class="{css}">{_text(one_line(value))}</p>\n')
    stream.write(f'<p class="date">{local.day} {local:%B %Y}</p>\n</div>\n')
    rows = (("Date range", held), ("Filters", describe_filters(header)),
            ("Time zone", header.tz),
            ("Generated at", f"{local:%Y-%m-%d %H:%M} {header.tz} "
                             f"({header.generated_at.astimezone(UTC):%H:%M} UTC)"))
    stream.write('<table class="filters">\n')
    for name, value in rows:
        stream.write(f"<tr><th>{name}</th><td>{_text(value)}</td></tr>\n")
    stream.write('</table>\n<p class="kicker">Made with Negotiation Tracker</p>\n'
                 "</section>\n")


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
    stream.write('<h2 class="newpage" id="summary">Summary</h2>\n<h3>Entries by kind</h3>\n'
                 "<table>\n<tr><th>Kind</th><th>Entries</th></tr>\n")
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
    if chart is None:
        stream.write('<h2 id="timeline">Timeline</h2>\n')
        stream.write("<p>Nothing dated to draw in this range.</p>\n")
        return
    _figure("Timeline", "timeline", chart, stream)


def _figure(title: str, anchor: str, chart: ReportChart, stream: TextIO) -> None:
    stream.write(f'<h2 id="{anchor}">{title}</h2>\n')
    stream.write(f'<p class="figure"><img src="{html.escape(chart.src, quote=True)}" '
                 f'width="{chart.width}" '
                 f'height="{chart.height}" alt="{html.escape(chart.description, quote=True)}"'
                 ' style="max-width: 100%; height: auto;"></p>\n'
                 f'<p class="lead">{_text(chart.description)}</p>\n')


def _days(items: Iterable[ChronologyEntry | DaySummary], stream: TextIO,
          months: Months) -> int:
    notes = DayNotes()
    heading: str | None = None
    count = 0
    for item in items:
        day = day_heading(item.day)
        if day != heading:
            _write_notes(notes.take_day(), stream)
            months.enter(item.day, stream)  # the month's heading, when it is new
            anchor = f' id="day-{item.day.isoformat()}"' if item.day else ""
            stream.write(f"<h4{anchor}>{day}</h4>\n")
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
