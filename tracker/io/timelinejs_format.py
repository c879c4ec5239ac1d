"""The pieces of TimelineJS3's JSON: dates as wall-clock parts, and text made safe for it.

Dates: TimelineJS builds each date with JavaScript's ``new Date(year, month - 1, day,
hour, minute)``, that is from wall-clock parts read in the browser's own zone. So an
instant is written as its parts in one zone the exporter chooses and names, and a part
that is not known is left out rather than filled with an hour that would read as a fact.
A record that stands for several days (a week, a month, a span) is drawn over them, from
its first day to its last (``days_parts``): drawn as a point it would sit on one day it
may not have happened on, and a months-long record would look like one day's event. A
month too runs from its first day to its last: TimelineJS 3.9 drops an end date whose
parts named in the start are equal ("redundant"), so a month given as {year, month} to
its last day would lose its end and shrink to a point on the 1st. The words in
``display_date`` say what was known.

Text: TimelineJS treats ``text.headline`` and ``text.text`` as HTML (DOMPurify, then
innerHTML), so user and imported text is escaped with ``html_text`` and only our own
markup is added around it. ``group`` it treats the other way round: it parses the value as
HTML, keeps the text content (which decodes entities) and sets *that* as innerHTML, so a
group label escaped once would come back as live markup: ``plain_label`` escapes it twice,
and the label shows as typed.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from datetime import date, datetime

from tracker.domain.timewindow import zone

DateParts = dict[str, int]

# C0 controls (NUL among them) have no place in HTML text; they are shown as U+FFFD, the
# way a browser's parser shows a NUL, rather than dropped unseen. Tab is kept.
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_LINE_BREAKS = re.compile(r"\r\n|\r|\n|\u2028|\u2029")
# A source label ends with its web address, when it has one (citations.source_label).
_TRAILING_URL = re.compile(r"(https?://\S+)$")


def instant_parts(at: datetime, tz: str) -> DateParts:
    """An instant as year … minute on the wall clock of *tz*."""
    local = at.astimezone(zone(tz))
    return {"year": local.year, "month": local.month, "day": local.day,
            "hour": local.hour, "minute": local.minute}


def day_parts(day: date) -> DateParts:
    return {"year": day.year, "month": day.month, "day": day.day}


def days_parts(first: date, last: date) -> tuple[DateParts, DateParts | None]:
    """Start and end of a record over *first*..*last*; no end for one day."""
    return day_parts(first), (day_parts(last) if last != first else None)


def html_text(value: str) -> str:
    """User text as HTML that shows it as typed: escaped, line breaks as <br>."""
    escaped = html.escape(_CONTROLS.sub("\ufffd", value), quote=True)
    return _LINE_BREAKS.sub("<br>", escaped)


def plain_label(value: str) -> str:
    """User text for ``group``: one line, escaped twice (see the module's note)."""
    one_line = " ".join(_LINE_BREAKS.sub(" ", _CONTROLS.sub("\ufffd", value)).split())
    return html.escape(html.escape(one_line, quote=True), quote=True)


def paragraph(label: str, value: str) -> str:
    """'<p><b>Label:</b> value</p>', the value escaped; empty when there is no value."""
    if not value:
        return ""
    return f"<p><b>{html.escape(label)}:</b> {html_text(value)}</p>"


def item_list(label: str, values: Iterable[str], *, numbered: bool = False) -> str:
    """A heading and a list of escaped items (source labels get their address linked)."""
    items = [_linked(value) if numbered else html_text(value) for value in values]
    if not items:
        return ""
    tag = "ol" if numbered else "ul"
    body = "".join(f"<li>{item}</li>" for item in items)
    return f"<p><b>{html.escape(label)}:</b></p><{tag}>{body}</{tag}>"


def _linked(label: str) -> str:
    """A source label with its trailing http(s) address as a link that opens elsewhere."""
    found = _TRAILING_URL.search(label)
    if found is None:
        return html_text(label)
    url = found.group(1)
    href = html.escape(url, quote=True)
    return (f'{html_text(label[:found.start()])}<a href="{href}" target="_blank" '
            f'rel="noopener noreferrer">{href}</a>')
