"""The report's section of claims on a day and a place (issue 18).

A claim about an event is told with the event, in the chronology. A claim no recorded
event carries yet ("40 drones shot down over Kyiv region on 3 Feb", by the air force)
has no entry to be told in, so the report lists those of its range here, each with who
gives the figure, its status and its source.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TextIO

from tracker.io.html_text import html_text

DAY_CLAIMS_ID = "day-claims"
DAY_CLAIMS_TITLE = "Claims on a day and place"


@dataclass(frozen=True, slots=True)
class DayClaim:
    """One claim on a day and a place; *attribution* says the figure, who gives it, its
    status and its source (services.claims.claims.ClaimRow.attribution)."""

    day: date
    place: str
    attribution: str


def write_day_claims(claims: tuple[DayClaim, ...], stream: TextIO) -> None:
    """The range's claims on a day and a place, by day; nothing when there are none."""
    if not claims:
        return
    stream.write(f'<h2 id="{DAY_CLAIMS_ID}">{html_text(DAY_CLAIMS_TITLE)}</h2>\n'
                 '<p class="lead">Figures about a day and a place that no recorded event '
                 "carries yet. They are in no total.</p>\n"
                 '<table class="long-records">\n<tr><th>Day</th><th>Where</th>'
                 "<th>Claim</th></tr>\n")
    for claim in claims:
        stream.write(f"<tr><td>{claim.day.isoformat()}</td>"
                     f"<td>{html_text(claim.place or 'place not given')}</td>"
                     f"<td>{html_text(claim.attribution)}</td></tr>\n")
    stream.write("</table>\n")
