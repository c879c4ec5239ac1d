"""The chronology as JSON, streaming entries to a text stream (the CSV writer is
chronology_csv.py, the Markdown one chronology_markdown.py).

Writers take any iterable of entries and never hold them all, so a million-event export
costs one batch of memory. Destinations are opened by the caller (atomically).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import UTC, date, datetime
from typing import Any, TextIO

from tracker.domain.chronology import ChronologyEntry, ClaimFacts, EventFacts
from tracker.domain.enums import Precision
from tracker.io.as_of_note import AsOfDay, as_of_sentence, titled

FORMAT_NAME = "negotiation-tracker/chronology"
# 2: when_utc only for what is known to the minute (1 gave a day 12:00 UTC, a time nobody
# announced); date, end_date and the event's own fields added. 3: precision "entered" for
# a schedule change nobody dated (when_utc is then the instant it was entered), and
# end_date, a round's last day when it stands for several; an event's record_status.
FORMAT_VERSION = 3


def _utc_text(entry: ChronologyEntry) -> str | None:
    """The instant, for an entry known to the minute; a day, week or month has none."""
    if entry.when is None or entry.precision is not Precision.EXACT:
        return None
    return entry.when.astimezone(UTC).isoformat()


def _event_json(facts: EventFacts) -> dict[str, Any]:
    return {
        "dataset": facts.dataset, "external_id": facts.external_id,
        "time_shape": facts.time.shape.value, "first_day": facts.time.first.isoformat(),
        "last_day": facts.time.last.isoformat(), "event_type": facts.event_type,
        "sub_event_type": facts.sub_event_type, "target_category": facts.target_category,
        "actor1": facts.actor1, "actor2": facts.actor2, "location": facts.location,
        "admin1": facts.admin1, "country": facts.country, "latitude": facts.latitude,
        "longitude": facts.longitude, "fatalities": facts.fatalities,
        "fatalities_low": facts.fatalities_low, "fatalities_high": facts.fatalities_high,
        "injuries": facts.injuries, "record_status": facts.record_status,
    }


def entry_to_json(entry: ChronologyEntry) -> dict[str, Any]:
    return {
        "date": entry.day.isoformat() if entry.day else None,
        "end_date": entry.end_day.isoformat() if entry.end_day else None,
        "when_utc": _utc_text(entry),
        "when": entry.when_text,
        "precision": entry.precision_text,
        "kind": entry.kind.value,
        "record_id": entry.record_id,
        "title": entry.title,
        "detail": entry.detail,
        "place": entry.place,
        "links": list(entry.links),
        "sources": list(entry.sources),
        "event": _event_json(entry.event) if entry.event else None,
        "claim": _claim_json(entry.claim) if entry.claim else None,
    }


def _claim_json(facts: ClaimFacts) -> dict[str, Any]:
    return {"measure": facts.measure, "low": facts.low, "best": facts.best,
            "high": facts.high, "claimant": facts.claimant,
            "claimant_kind": facts.claimant_kind, "status": facts.status,
            "source": facts.source, "note": facts.note}


def write_json(
    entries: Iterable[ChronologyEntry], stream: TextIO, *, date_from: date | None = None,
    date_to: date | None = None, tz: str = "UTC", generated_at: datetime | None = None,
    corrections: bool = False,
    as_of: AsOfDay | None = None,
    figures: str = "",
) -> int:
    """A JSON document described by resources/schemas/chronology.schema.json.

    *corrections* says whether the entries include undone changes as corrections;
    *as_of*: the chronology as known on a past day, which its title and filters say.
    *figures*: which figure counts as killed and injured (the figure rule).
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
    if figures:
        header["figure_rule"] = figures
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
