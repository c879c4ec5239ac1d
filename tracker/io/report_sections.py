"""The report's reading sections: key developments first, and the long records apart.

The skeleton (report_html.write_report_html) calls each writer in its place; the data
comes built by services/exports (key_developments.py, report_totals.py) inside the
report's summary, and the styles these sections need are ``SECTIONS_CSS``, which the
skeleton appends to its own.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TextIO

from tracker.domain.event_time import LONG_RECORD_DAYS, EventTime
from tracker.io.html_text import html_text, linked_source

KEY_DEVELOPMENTS_ID = "key-developments"
LONG_RECORDS_ID = "long-records"
LONG_RECORDS_TITLE = f"Records spanning more than {LONG_RECORD_DAYS} days"

SECTIONS_CSS = """
.development { margin: 4px 0; }
.development .when { font-weight: bold; }
.development .what { color: #555; }
.sources { font-size: 8.5pt; color: #555; }
.day-total { margin: 0 0 4px 0; color: #555; font-size: 9pt; }
table.long-records td { vertical-align: top; font-size: 9pt; }
"""


@dataclass(frozen=True, slots=True)
class KeyDevelopment:
    """One line of the key developments: a round, a schedule change or a factor turn."""

    day: date | None
    when: str  # the date as it was known ("week of 2 Feb 2026", "3 Feb 2026 10:00 EET")
    what: str  # "Round", "Schedule change", "Factor turn"
    text: str
    sources: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class LongRecord:
    """A record reported over more than LONG_RECORD_DAYS days (or only to the month)."""

    event_id: int
    time: EventTime
    what: str
    place: str
    fatalities: int | None
    injuries: int | None
    dataset: str
    external_id: str
    sources: tuple[str, ...]


def plural(count: int, word: str, words: str | None = None) -> str:
    return f"{count:,} {word if count == 1 else words or word + 's'}"


def compact_sources(sources: tuple[str, ...]) -> str:
    """Sources on one line, each with its link, for a section that has no notes."""
    if not sources:
        return ""
    shown = "; ".join(linked_source(source) for source in sources)
    return f' <span class="sources">({shown})</span>'


def write_key_developments(developments: tuple[KeyDevelopment, ...], stream: TextIO) -> None:
    """The rounds, schedule changes and factor turns of the range, one line each."""
    stream.write(f'<h2 class="newpage" id="{KEY_DEVELOPMENTS_ID}">Key developments</h2>\n')
    if not developments:
        stream.write("<p>No rounds, schedule changes or factor turns in this range.</p>\n")
        return
    stream.write('<p class="lead">The rounds, schedule changes and factor turns (a '
                 "reading whose level or trend differs from the factor's previous one) "
                 "of this range, in time order, with their sources.</p>\n")
    for item in developments:
        stream.write(f'<p class="development"><span class="when">{html_text(item.when)}'
                     f'</span> <span class="what">{html_text(item.what)}:</span> '
                     f"{html_text(item.text)}{compact_sources(item.sources)}</p>\n")


def long_records_sentence(records: tuple[LongRecord, ...]) -> str:
    """What the summary says of the long records (plain text)."""
    killed = sum(record.fatalities or 0 for record in records)
    return (f"{plural(len(records), 'record')} reported over more than "
            f"{LONG_RECORD_DAYS} days (or only to the month) overlap this range, with "
            f"{killed:,} fatalities. They are not counted in the totals above or on any "
            f"day; they are listed under “{LONG_RECORDS_TITLE}”.")


def write_long_records(records: tuple[LongRecord, ...], stream: TextIO) -> None:
    """The long records that overlap the range, each with its days, place, fatalities
    and sources: counted here, and on no day of the chronology."""
    stream.write(f'<h2 id="{LONG_RECORDS_ID}">{html_text(LONG_RECORDS_TITLE)}</h2>\n')
    if not records:
        stream.write("<p>None in this range.</p>\n")
        return
    killed = sum(record.fatalities or 0 for record in records)
    stream.write('<p class="lead">A dataset reports an event it cannot date more closely '
                 "as one record over every day it may have happened on, sometimes months. "
                 "Such a record cannot be placed on a day, so it is counted here and not "
                 f"in the day totals: {plural(len(records), 'record')}, {killed:,} "
                 "fatalities in all.</p>\n"
                 '<table class="long-records">\n<tr><th>Days</th><th>What</th>'
                 "<th>Where</th><th>Fatalities</th><th>Source</th></tr>\n")
    for record in records:
        fatalities = "unknown" if record.fatalities is None else f"{record.fatalities:,}"
        cited = "".join(f"; {linked_source(source)}" for source in record.sources)
        stream.write(f"<tr><td>{html_text(record.time.describe())}</td>"
                     f"<td>{html_text(record.what)}</td>"
                     f"<td>{html_text(record.place or 'place unknown')}</td>"
                     f'<td class="n">{fatalities}</td>'
                     f"<td>{html_text(f'{record.dataset} {record.external_id}')}{cited}"
                     "</td></tr>\n")
    stream.write("</table>\n")
