"""The report's section of events withdrawn by their source (issue 17).

A newer release of a dataset that no longer has an event marks it withdrawn: it is left
out of every total, marked "not counted" where the chronology lists it (services/
chronology/chronology_text.py), and listed here, so a reader sees what the record no
longer claims, and since when.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TextIO

from tracker.io.html_text import html_text
from tracker.io.report_sections import plural

WITHDRAWN_ID = "withdrawn-events"
WITHDRAWN_TITLE = "Events withdrawn by their source"


@dataclass(frozen=True, slots=True)
class WithdrawnRecord:
    """An event of the range that a newer release of its dataset no longer has."""

    day: date
    what: str
    place: str
    fatalities: int | None
    dataset: str
    external_id: str
    withdrawn_on: date | None
    release: str


def write_withdrawn(records: tuple[WithdrawnRecord, ...], stream: TextIO) -> None:
    """The withdrawn events of the range, each with its day, place, fatalities, and the
    day it was withdrawn; nothing when there are none."""
    if not records:
        return
    killed = sum(record.fatalities or 0 for record in records)
    stream.write(f'<h2 id="{WITHDRAWN_ID}">{html_text(WITHDRAWN_TITLE)}</h2>\n'
                 '<p class="lead">A newer release of their dataset, covering their country '
                 "and days, no longer has these events. They are kept, but counted in no "
                 "total; the chronology marks them “not counted”: "
                 f"{plural(len(records), 'event')}, "
                 f"{killed:,} fatalities in all.</p>\n"
                 '<table class="long-records">\n<tr><th>Day</th><th>What</th>'
                 "<th>Where</th><th>Fatalities</th><th>Record</th><th>Withdrawn</th></tr>\n")
    for record in records:
        fatalities = "unknown" if record.fatalities is None else f"{record.fatalities:,}"
        withdrawn = record.withdrawn_on.isoformat() if record.withdrawn_on else ""
        stream.write(f"<tr><td>{record.day.isoformat()}</td>"
                     f"<td>{html_text(record.what)}</td>"
                     f"<td>{html_text(record.place or 'place unknown')}</td>"
                     f'<td class="n">{fatalities}</td>'
                     f"<td>{html_text(f'{record.dataset} {record.external_id}')}</td>"
                     f"<td>{html_text(withdrawn)}</td></tr>\n")
    stream.write("</table>\n")
