"""What ``tracker round list`` and ``tracker round show`` print: rounds as a table, CSV or
JSON, and one round with its window in the venue's zone and in UTC, and its history."""

from __future__ import annotations

import csv
import json
from collections.abc import Sequence
from datetime import datetime
from enum import StrEnum
from typing import TextIO

from tracker.domain.announcement import Announcement
from tracker.domain.enums import Precision
from tracker.domain.timewindow import ScheduledWindow, zone
from tracker.io.spreadsheet import neutralise
from tracker.services.common.views import ChangeRecord, RoundDetail, RoundRow
from tracker.services.rounds.as_of import AsOf
from tracker.services.rounds.relocation import venue_zone_text


class ListFormat(StrEnum):
    TABLE = "table"
    CSV = "csv"
    JSON = "json"


# The columns of CSV and JSON, in order.
_FIELDS = ("id", "track", "title", "format", "modality", "status", "when", "precision", "tz",
           "start_utc", "end_utc", "venue_id", "venue", "linked_events", "version")


def _utc(instant: datetime | None) -> str | None:
    """ISO 8601 in UTC; None (null in JSON, empty in CSV) when the date is unknown."""
    return instant.astimezone(zone("UTC")).strftime("%Y-%m-%dT%H:%M:%SZ") if instant else None


def _record(row: RoundRow) -> dict[str, object]:
    window = row.window
    return {"id": row.id, "track": row.track, "title": row.title, "format": row.format.value,
            "modality": row.modality.value, "status": row.status.value, "when": window.describe(),
            "precision": window.precision.value, "tz": window.tz,
            "start_utc": _utc(window.start), "end_utc": _utc(window.end),
            "venue_id": row.venue.id if row.venue else None,
            "venue": row.venue.label if row.venue else "", "linked_events": row.linked_events,
            "version": row.version}


def as_of_heading(as_of: AsOf) -> str:
    """'Schedule as known on 28 Jan 2026 (Europe/Kyiv)': the line over a past schedule."""
    return f"Schedule {as_of.describe()} ({as_of.tz})"


def write_rounds(rows: Sequence[RoundRow], fmt: ListFormat, stream: TextIO) -> None:
    if fmt is ListFormat.JSON:
        json.dump([_record(row) for row in rows], stream, ensure_ascii=False, indent=2)
        stream.write("\n")
    elif fmt is ListFormat.CSV:
        writer = csv.writer(stream, lineterminator="\n")
        writer.writerow(_FIELDS)
        for row in rows:
            writer.writerow(neutralise(value) if isinstance(value, str) else value
                            for value in _record(row).values())
    else:
        _write_table(rows, stream)


def _write_table(rows: Sequence[RoundRow], stream: TextIO) -> None:
    table = [("ID", "STATUS", "WHEN", "VENUE", "MODALITY", "TITLE")]
    table += [(str(row.id), row.status.value, row.window.describe(),
               row.venue.name if row.venue else "—", row.modality.value, row.title)
              for row in rows]
    # Every column padded to its widest cell but the title, which ends the line.
    widths = [max(len(line[column]) for line in table) for column in range(len(table[0]) - 1)]
    for line in table:
        cells = [cell.ljust(width) for cell, width in zip(line, widths, strict=False)]
        stream.write("  ".join([*cells, line[-1]]) + "\n")


def _span_utc(window: ScheduledWindow) -> str:
    if window.start is None:
        return "date unknown"
    start = f"{window.start.astimezone(zone('UTC')):%Y-%m-%d %H:%M}"
    if window.end is None:
        return f"{start} UTC"
    return f"{start} → {window.end.astimezone(zone('UTC')):%Y-%m-%d %H:%M} UTC"


def _change_lines(change: ChangeRecord, shown_in: str) -> list[str]:
    """A change: announced, then entered, by whom, what; a retraction says what it
    withdraws, and a withdrawn change is marked so, with who withdrew it and when."""
    kind = "retraction" if change.retracts_id is not None else change.kind.value
    mark = "[withdrawn] " if change.retracted else ""
    # An undo or redo (a retraction) is a correction, never announced: its time is its entry.
    announced = "— (a correction)" if change.retracts_id is not None \
        else _announced(change.announced, shown_in)
    lines = [f"  {mark}announced {announced}, entered "
             f"{_local(change.recorded_at, shown_in)}  {change.recorded_by}  "
             f"{kind}: {change.summary}"]
    why = [part for part in (change.reason, change.factor and f"because of {change.factor}",
                             change.source and f"source: {change.source}") if part]
    if change.retracts_id is not None:
        why.append(f"withdraws change {change.retracts_id}")
    if change.retracted_at is not None:
        by = f" by {change.retracted_by}" if change.retracted_by else ""
        why.append(f"change {change.id} retracted{by} at "
                   f"{_local(change.retracted_at, shown_in)}")
    if why:
        lines.append(f"      {'; '.join(why)}")
    return lines


def _local(instant: datetime, shown_in: str) -> str:
    local = instant.astimezone(zone(shown_in))
    return f"{local:%Y-%m-%d %H:%M} {local.tzname()}"


def _announced(announced: Announcement, shown_in: str) -> str:
    """A day's announcement as its date alone (the same date in every zone); "not
    given" for a change dated when it was entered (the entry time follows)."""
    if announced.entered:
        return "not given"
    if announced.precision is Precision.DAY:
        return f"{announced.day():%Y-%m-%d}"
    return _local(announced.at, shown_in)


def show_text(detail: RoundDetail, shown_in: str) -> str:
    """The round as `tracker round show` prints it; history times in *shown_in*, each
    change with when it was announced and when it was entered, in the order announced."""
    row = detail.row
    venue = f"{row.venue.label} ({venue_zone_text(row.venue.time_zone)})" if row.venue \
        else "not known"
    lines = [f"Round {row.id}: {row.title}",
             f"  track:    {row.track}",
             f"  format:   {row.format.value}",
             f"  modality: {row.modality.value}",
             f"  status:   {row.status.value}",
             f"  when:     {row.window.describe()} ({row.window.tz})",
             f"  UTC:      {_span_utc(row.window)}",
             f"  venue:    {venue}",
             f"  version:  {row.version}"]
    if row.participants:
        lines.append(f"  with:     {row.participants}")
    lines.append(f"History (times in {shown_in}):")
    for change in detail.history:
        lines += _change_lines(change, shown_in)
    return "\n".join(lines)
