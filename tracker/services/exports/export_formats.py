"""Every file format the program exports, registered once.

A registration says what the command line calls the format (``tracker export --format``),
how file dialogs describe it and which file names it has, what it holds, and, for the
chronology's text formats, the writer. The command line's choices and the Export
Chronology dialog's file types and suffix checks are all read from here.
"""

from __future__ import annotations

from collections.abc import Callable, Generator, Iterable
from contextlib import closing
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import TextIO

from sqlalchemy.orm import Session

from tracker.domain.chronology import ChronologyEntry
from tracker.domain.wording import say
from tracker.io.chronology_csv import FOR_SPREADSHEETS, CsvRows, CsvStyle
from tracker.io.chronology_markdown import write_markdown
from tracker.io.chronology_writers import write_json
from tracker.io.registered_enum import RegisteredEnum
from tracker.io.report_html import ReportChart
from tracker.services.chronology.chronology import chronology_scope, iter_chronology
from tracker.services.claims.figure_rule import figure_rule
from tracker.services.exports.csv_lines import reported, write_chronology_csv
from tracker.services.exports.report import write_report
from tracker.services.rounds.as_of import AsOf


class ExportContent(StrEnum):
    """What a format holds, which says where it is offered and which service writes it."""

    CHRONOLOGY = "chronology"  # the entries in time order, as data (Export Chronology…)
    REPORT = "report"  # the chronology report: summary, chart, entries (Export Chronology…)
    SCHEDULE = "schedule"  # the rounds as a calendar: services.exports.schedule_calendar
    ARCHIVE = "archive"  # the whole database, losslessly: services.exports.archive
    TIMELINE = "timeline"  # a TimelineJS timeline and its page: services.exports.timelinejs


# Offered together by the Export Chronology dialog, where the file name picks the format.
CHRONOLOGY_CONTENTS = (ExportContent.CHRONOLOGY, ExportContent.REPORT)


@dataclass(frozen=True, slots=True)
class ChronologyRange:
    """What part of the chronology to write, and how (see services.chronology)."""

    date_from: date | None = None
    date_to: date | None = None
    tz: str = "UTC"
    chart: ReportChart | None = None  # an HTML report's timeline image, drawn by Qt
    # Retracted changes and their retractions, told as corrections (a correction trail);
    # by default an undone change is left out with its undo, as never announced.
    corrections: bool = False
    # The chronology as known at the end of that day (services.chronology.chronology_as_of),
    # which the document's title says; None: the current record.
    as_of: AsOf | None = None
    csv_style: CsvStyle = FOR_SPREADSHEETS  # a CSV for spreadsheets or for data tools
    # Told the entries written so far, every PROGRESS_EVERY (a window's progress bar).
    progress: Callable[[int], None] | None = None


# Writes the chronology of the range to an open text stream; returns the entry count.
ChronologyWriter = Callable[[Session, TextIO, ChronologyRange], int]


def _entries(session: Session,
             span: ChronologyRange) -> Generator[ChronologyEntry, None, None]:
    """The range's entries; each writer closes them when it stops, early or not."""
    entries = iter_chronology(session, date_from=span.date_from, date_to=span.date_to,
                              tz=span.tz, corrections=span.corrections, as_of=span.as_of)
    return entries if span.progress is None else reported(entries, span.progress)


def _csv(session: Session, stream: TextIO, span: ChronologyRange) -> int:
    # Most events' lines are assembled by SQL (services/exports/csv_lines.py).
    scope = chronology_scope(session, date_from=span.date_from, date_to=span.date_to,
                             tz=span.tz, corrections=span.corrections, as_of=span.as_of)
    rows = CsvRows(tz=span.tz, style=span.csv_style, as_of=span.as_of,
                   counted_by=figure_rule(session).value)
    return write_chronology_csv(session, stream, scope, rows, progress=span.progress)


def _json(session: Session, stream: TextIO, span: ChronologyRange) -> int:
    with closing(_entries(session, span)) as entries:
        return write_json(entries, stream, date_from=span.date_from, date_to=span.date_to,
                          tz=span.tz, corrections=span.corrections, as_of=span.as_of,
                          figures=figure_rule(session).sentence)


def _markdown(session: Session, stream: TextIO, span: ChronologyRange) -> int:
    with closing(_entries(session, span)) as entries:
        return write_markdown(entries, stream, date_from=span.date_from,
                              date_to=span.date_to, tz=span.tz, as_of=span.as_of,
                              figures=figure_rule(session).sentence)


def _html(session: Session, stream: TextIO, span: ChronologyRange) -> int:
    return write_report(session, stream, date_from=span.date_from, date_to=span.date_to,
                        tz=span.tz, chart=span.chart, corrections=span.corrections,
                        as_of=span.as_of)


@dataclass(frozen=True, slots=True)
class ExportRegistration:
    description: str  # a file dialog's name for it: "CSV spreadsheet"
    patterns: tuple[str, ...]  # file-name patterns; the first gives the suffix written
    content: ExportContent
    # The chronology's text writer; None where another writer makes the file, which
    # *written_by* names (said when such a format is asked of write_chronology).
    write: ChronologyWriter | None = None
    written_by: str = ""
    newline: str | None = None  # open()'s newline for the file (csv does its own endings)


class ExportFormat(RegisteredEnum):
    """An export format: its value is the name ``tracker export --format`` takes."""

    description: str
    patterns: tuple[str, ...]
    content: ExportContent
    write: ChronologyWriter | None
    written_by: str
    newline: str | None

    CSV = "csv", ExportRegistration(
        "CSV spreadsheet", ("*.csv",), ExportContent.CHRONOLOGY, _csv, newline="")
    JSON = "json", ExportRegistration("JSON", ("*.json",), ExportContent.CHRONOLOGY, _json)
    MD = "md", ExportRegistration(
        "Markdown", ("*.md", "*.markdown"), ExportContent.CHRONOLOGY, _markdown)
    HTML = "html", ExportRegistration("HTML report", ("*.html",), ExportContent.REPORT, _html)
    PDF = "pdf", ExportRegistration(
        "PDF report", ("*.pdf",), ExportContent.REPORT,
        written_by="services.exports.report_file.export_report (laid out by WeasyPrint)")
    ICS = "ics", ExportRegistration(
        "iCalendar files", ("*.ics",), ExportContent.SCHEDULE,
        written_by="services.exports.schedule_calendar.write_calendar")
    ARCHIVE = "archive", ExportRegistration(
        "Negotiation Tracker archives", ("*.json",), ExportContent.ARCHIVE,
        written_by="services.exports.archive.export_archive")
    TIMELINEJS = "timelinejs", ExportRegistration(
        "TimelineJS data", ("*.json",), ExportContent.TIMELINE,
        written_by="services.exports.timelinejs.write_timeline")

    @property
    def suffix(self) -> str:
        """The suffix a file of this format gets: ".csv"."""
        return self.patterns[0].removeprefix("*")

    @property
    def file_filter(self) -> str:
        """One file-dialog filter, the main pattern only: "Markdown (*.md)"."""
        return f"{self.description} ({self.patterns[0]})"


def formats_holding(*contents: ExportContent) -> list[ExportFormat]:
    return [fmt for fmt in ExportFormat if fmt.content in contents]


def format_for_path(path: Path,
                    among: Iterable[ExportFormat] | None = None) -> ExportFormat | None:
    """The format a file name asks for by its suffix, if any: of the chronology's formats
    (the Export Chronology dialog's), unless *among* says which."""
    candidates = formats_holding(*CHRONOLOGY_CONTENTS) if among is None else list(among)
    suffix = path.suffix.lower()
    return next((fmt for fmt in candidates
                 if any(pattern == f"*{suffix}" for pattern in fmt.patterns)), None) \
        if suffix else None


def suffixes_text(formats: Iterable[ExportFormat]) -> str:
    """Their suffixes for a sentence: ".csv, .json, .md, .html or .pdf"."""
    suffixes = [fmt.suffix for fmt in formats]
    return suffixes[0] if len(suffixes) == 1 else \
        say("{first} or {last}").format(first=", ".join(suffixes[:-1]), last=suffixes[-1])
