"""Chronology exporters: CSV and JSON, each streaming entries to a text stream.

Writers take any iterable of entries and never hold them all, so a million-event export
costs one batch of memory. Destinations are opened by the caller (atomically).
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from datetime import UTC, date, datetime
from typing import Any, TextIO

from tracker.domain.chronology import ChronologyEntry
from tracker.io.as_of_note import AsOfDay, as_of_sentence, titled
from tracker.io.spreadsheet import neutralise

FORMAT_NAME = "negotiation-tracker/chronology"
FORMAT_VERSION = 1
CSV_COLUMNS = ("when_utc", "when", "precision", "kind", "record_id", "title", "detail",
               "place", "links", "sources")
# The column an export as of a past day adds, its day on every row: a spreadsheet has
# no title, and a row copied elsewhere must still say it is not the current record.
CSV_AS_OF_COLUMN = "as_known_on"
LIST_SEPARATOR = " | "
_UTC_TEXTS_KEPT = 4096  # instants whose text is remembered; memory stays bounded


def _utc_text(entry: ChronologyEntry) -> str:
    return entry.when.astimezone(UTC).isoformat() if entry.when else ""


def write_csv(entries: Iterable[ChronologyEntry], stream: TextIO, *,
              as_of: AsOfDay | None = None) -> int:
    """UTF-8 CSV with a header; every text cell is guarded against formula injection.
    *as_of*: the chronology as known on a past day, whose date ends every row.

    The cells we write ourselves (the ISO time, precision, kind and id) cannot start
    with a formula character and are left as they are; the UTC text of an instant is
    worked out once per instant (a day's events share theirs). A million rows go
    through here, so each saved step counts.
    """
    writer = csv.writer(stream, lineterminator="\r\n")
    known_on = () if as_of is None else (as_of.day.isoformat(),)
    writer.writerow(CSV_COLUMNS + ((CSV_AS_OF_COLUMN,) if known_on else ()))
    utc_texts: dict[datetime | None, str] = {}
    count = 0
    for entry in entries:
        when = entry.when
        utc = utc_texts.get(when)
        if utc is None:
            if len(utc_texts) > _UTC_TEXTS_KEPT:
                utc_texts.clear()
            utc = utc_texts[when] = _utc_text(entry)
        writer.writerow((
            utc, neutralise(entry.when_text), entry.precision, entry.kind, entry.record_id,
            neutralise(entry.title), neutralise(entry.detail), neutralise(entry.place),
            neutralise(LIST_SEPARATOR.join(entry.links)),
            neutralise(LIST_SEPARATOR.join(entry.sources)), *known_on,
        ))
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
    corrections: bool = False,
    as_of: AsOfDay | None = None,
) -> int:
    """A JSON document described by resources/schemas/chronology.schema.json.

    *corrections* says whether the entries include undone changes as corrections;
    *as_of*: the chronology as known on a past day, which its title and filters say.
    Entries are written one by one inside the array rather than built as one list.
    """
    filters: dict[str, Any] = {
        "from": date_from.isoformat() if date_from else None,
        "to": date_to.isoformat() if date_to else None,
        "time_zone": tz,
        "corrections": corrections,
    }
    header: dict[str, Any] = {
        "format": FORMAT_NAME,
        "format_version": FORMAT_VERSION,
        "generated_at": (generated_at or datetime.now(UTC)).isoformat(),
        "filters": filters,
    }
    if as_of is not None:
        header = {"title": titled("Chronology", as_of), "note": as_of_sentence(as_of),
                  **header}
        filters["as_of"] = {"day": as_of.day.isoformat(), "time_zone": as_of.tz}
    opening = json.dumps(header, ensure_ascii=False, indent=2)
    stream.write(opening[:-2] + ',\n  "entries": [')
    count = 0
    for entry in entries:
        stream.write(",\n    " if count else "\n    ")
        stream.write(json.dumps(entry_to_json(entry), ensure_ascii=False))
        count += 1
    stream.write("\n  ]\n}\n" if count else "]\n}\n")
    return count
