"""The report's front matter: what the title page and the contents say, and the months.

The title page (report_html.py) says whose report it is (title, author, organisation,
date, a handling marking) and which days it holds: the range asked for, or where it was
left open the first and last day the chronology holds, never "the beginning to the end".
The contents list the body's own headings, as a typesetter's table of contents does:
every section (an h2 with an id) and, under it, every month heading, so a section added
to the body is listed without a second list to keep. Days are only in the PDF's outline:
a long report has hundreds of them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TextIO

from tracker.io.as_of_note import AsOfDay, titled

TITLE = "Chronology report"
UNDATED_ID = "undated"
# One heading a line, as the report writes them: <h2 … id="x">Text</h2>. Imported text
# is escaped (its "<" is "&lt;"), so no line of it can pass for one.
_HEADING = re.compile(r'^<h(?P<level>[23])(?P<attrs>[^>]*)>(?P<text>.*)</h(?P=level)>$')
_ID = re.compile(r'\bid="(?P<id>[^"]+)"')


@dataclass(frozen=True, slots=True)
class ReportTitlePage:
    """What the title page says about the report beyond its dates, as the user typed it
    in the export dialog or on the command line; empty parts are left out."""

    title: str = TITLE
    author: str = ""
    organisation: str = ""
    marking: str = ""  # a handling marking, "OFFICIAL – SENSITIVE": on every page

    @property
    def shown_title(self) -> str:
        return one_line(self.title) or TITLE


def one_line(text: str) -> str:
    """Typed text for a title or a document property: on one line, without controls."""
    return " ".join("".join(c if c.isprintable() else " " for c in text).split())


@dataclass(frozen=True, slots=True)
class ReportHeader:
    date_from: date | None
    date_to: date | None
    tz: str
    generated_at: datetime
    corrections: bool = False  # undone entries listed as corrections, not left out
    as_of: AsOfDay | None = None  # the report as known on a past day, titled so
    title_page: ReportTitlePage = field(default_factory=ReportTitlePage)
    # Which figure counts as killed and injured (services.claims.figure_rule), said in
    # the method note: where claims differ, the totals depend on it (issue 18).
    figures: str = ""

    @property
    def title(self) -> str:
        return titled(self.title_page.shown_title, self.as_of)


def long_date(day: date) -> str:
    return f"{day.day} {day:%b %Y}"


class Months:
    """The chronology's month headings, written as its days come, and the days it holds."""

    def __init__(self) -> None:
        self.first: date | None = None
        self.last: date | None = None
        self._month: tuple[int, int] | None = None
        self._undated = False

    def enter(self, day: date | None, stream: TextIO) -> None:
        """Before a day's heading: the heading of its month, when the month is new."""
        if day is None:
            if not self._undated:
                self._undated = True
                stream.write(f'<h3 class="month" id="{UNDATED_ID}">Undated</h3>\n')
            return
        self.first = day if self.first is None else min(self.first, day)
        self.last = day if self.last is None else max(self.last, day)
        if (day.year, day.month) != self._month:
            self._month = (day.year, day.month)
            stream.write(f'<h3 class="month" id="month-{day:%Y-%m}">{day:%B %Y}</h3>\n')


def describe_filters(header: ReportHeader) -> str:
    """The filters in words (plain text): what the title page says was asked for."""
    parts = []
    if header.date_from:
        parts.append(f"from {long_date(header.date_from)}")
    if header.date_to:
        parts.append(f"to {long_date(header.date_to)}")
    dates = " ".join(parts) if parts else "all dates"
    undone = "undone entries shown as corrections" if header.corrections \
        else "undone entries left out"
    return f"Dates: {dates}; days in {header.tz}; all kinds of entries; all events; {undone}"


def days_held(header: ReportHeader, months: Months) -> str:
    """'24 Feb 2022 – 10 Mar 2022': the range asked for, its open ends the first and last
    day the chronology holds."""
    first = header.date_from or months.first
    last = header.date_to or months.last
    if first is not None and last is not None:
        return long_date(first) if first == last else f"{long_date(first)} – {long_date(last)}"
    if first is not None:
        return f"From {long_date(first)}"
    return f"Up to {long_date(last)}" if last is not None else "No dated entries"


@dataclass(slots=True)
class ContentsEntry:
    anchor: str
    text: str  # HTML, as the heading has it
    months: list[tuple[str, str]] = field(default_factory=list)  # (anchor, HTML)


def contents_of(body_lines: Iterable[str]) -> list[ContentsEntry]:
    """The sections of *body_lines* (the report's body), each with its months."""
    entries: list[ContentsEntry] = []
    for line in body_lines:
        found = _HEADING.match(line.rstrip("\n"))
        anchor = _ID.search(found["attrs"]) if found else None
        if found is None or anchor is None:
            continue
        if found["level"] == "2":
            entries.append(ContentsEntry(anchor["id"], found["text"]))
        elif 'class="month"' in found["attrs"] and entries:
            entries[-1].months.append((anchor["id"], found["text"]))
    return entries


def write_contents(entries: list[ContentsEntry], stream: TextIO) -> None:
    """The contents: links in the HTML, with page numbers in the PDF (report_style.py)."""
    stream.write('<nav class="contents" id="contents" aria-labelledby="contents-title">\n'
                 '<h2 id="contents-title">Contents</h2>\n<ol>\n')
    for entry in entries:
        stream.write(f'<li class="section"><a href="#{entry.anchor}">{entry.text}</a>')
        if entry.months:
            stream.write("\n<ol>\n")
            for anchor, text in entry.months:
                stream.write(f'<li><a href="#{anchor}">{text}</a></li>\n')
            stream.write("</ol>\n")
        stream.write("</li>\n")
    stream.write("</ol>\n</nav>\n")
