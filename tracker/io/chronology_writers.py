"""Chronology exporters: CSV, JSON and Markdown, each streaming entries to a text stream.

Writers take any iterable of entries and never hold them all, so a million-event export
costs one batch of memory. Destinations are opened by the caller (atomically).
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterable
from datetime import UTC, date, datetime
from typing import Any, TextIO

from tracker.domain.chronology import ChronologyEntry
from tracker.io.spreadsheet import neutralise

FORMAT_NAME = "negotiation-tracker/chronology"
FORMAT_VERSION = 1
CSV_COLUMNS = ("when_utc", "when", "precision", "kind", "record_id", "title", "detail",
               "place", "links", "sources")
LIST_SEPARATOR = " | "


def _utc_text(entry: ChronologyEntry) -> str:
    return entry.when.astimezone(UTC).isoformat() if entry.when else ""


def write_csv(entries: Iterable[ChronologyEntry], stream: TextIO) -> int:
    """UTF-8 CSV with a header; every text cell is guarded against formula injection."""
    writer = csv.writer(stream, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    count = 0
    for entry in entries:
        row = (_utc_text(entry), entry.when_text, entry.precision.value, entry.kind.value,
               str(entry.record_id), entry.title, entry.detail, entry.place,
               LIST_SEPARATOR.join(entry.links), LIST_SEPARATOR.join(entry.sources))
        writer.writerow([neutralise(cell) for cell in row])
        count += 1
    return count


def entry_to_json(entry: ChronologyEntry) -> dict[str, Any]:
    return {
        "when_utc": _utc_text(entry) or None,
        "when": entry.when_text,
        "precision": entry.precision.value,
        "kind": entry.kind.value,
        "record_id": entry.record_id,
        "title": entry.title,
        "detail": entry.detail,
        "place": entry.place,
        "links": list(entry.links),
        "sources": list(entry.sources),
    }


def write_json(
    entries: Iterable[ChronologyEntry], stream: TextIO, *, date_from: date | None = None,
    date_to: date | None = None, tz: str = "UTC", generated_at: datetime | None = None,
) -> int:
    """A JSON document described by resources/schemas/chronology.schema.json.

    Entries are written one by one inside the array rather than built as one list.
    """
    header = {
        "format": FORMAT_NAME,
        "format_version": FORMAT_VERSION,
        "generated_at": (generated_at or datetime.now(UTC)).isoformat(),
        "filters": {
            "from": date_from.isoformat() if date_from else None,
            "to": date_to.isoformat() if date_to else None,
            "time_zone": tz,
        },
    }
    opening = json.dumps(header, ensure_ascii=False, indent=2)
    stream.write(opening[:-2] + ',\n  "entries": [')
    count = 0
    for entry in entries:
        stream.write(",\n    " if count else "\n    ")
        stream.write(json.dumps(entry_to_json(entry), ensure_ascii=False))
        count += 1
    stream.write("\n  ]\n}\n" if count else "]\n}\n")
    return count


# Inline specials only: each entry starts with "- **", so line-start syntax cannot trigger.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]|~])")


def markdown_escape(text: str) -> str:
    """Text shown literally by Markdown renderers: specials escaped, HTML neutralised."""
    flat = " ".join(text.replace("\x00", "").split())
    escaped = _MARKDOWN_SPECIAL.sub(r"\\\1", flat)
    return escaped.replace("&", "&amp;").replace("<", "&lt;")


def write_markdown(
    entries: Iterable[ChronologyEntry], stream: TextIO, *, date_from: date | None = None,
    date_to: date | None = None, tz: str = "UTC",
) -> int:
    """Entries grouped under their day, sources as numbered notes at the end."""
    stream.write("# Chronology\n\n")
    span = f"{date_from or 'the beginning'} to {date_to or 'the end'}"
    stream.write(f"Entries from {span}, in time order. Times are those announced or "
                 "reported, with their precision. Events are under the day they were "
                 "reported for, rounds announced by day, week or month under their days "
                 "at the venue, and whatever has an exact time (rounds, schedule changes, "
                 f"factor readings) under its day in {markdown_escape(tz)}.\n")
    notes: dict[str, int] = {}
    heading = None
    count = 0
    for entry in entries:
        day = _day_heading(entry)
        if day != heading:
            stream.write(f"\n## {day}\n\n")
            heading = day
        marks = "".join(f"[^{notes.setdefault(source, len(notes) + 1)}]"
                        for source in entry.sources)
        line = f"- **{markdown_escape(entry.kind.value)}**, {markdown_escape(entry.when_text)}:"
        line += f" {markdown_escape(entry.title)}"
        if entry.detail:
            line += f". {markdown_escape(entry.detail)}"
        if entry.place:
            line += f" *{markdown_escape(entry.place)}*"
        stream.write(line + marks + "\n")
        for link in entry.links:
            stream.write(f"  - {markdown_escape(link)}\n")
        count += 1
    if notes:
        stream.write("\n## Sources\n\n")
        for source, number in notes.items():
            stream.write(f"[^{number}]: {markdown_escape(source)}\n")
    return count


def _day_heading(entry: ChronologyEntry) -> str:
    if entry.day is None:
        return "Date unknown"
    return f"{entry.day.day} {entry.day:%B %Y}"
