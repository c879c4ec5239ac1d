"""ACLED exports: the export tool's 31 (or 35) columns and the API's 33, by header name.

Dates come as ``2020-08-14``, ``14 August 2020`` or, from the API pull described in
SOURCES.md, ``14/08/2020 00:00:00``; slashed ACLED dates are day-first (checked against
the "On 14 August 2020, ..." of the notes). ``inter1``/``inter2`` are numeric codes in
older files and text labels since 2024; both become the text label.
"""

from __future__ import annotations

from pathlib import Path

from tracker.io.event_fields import DateReader, choice, coordinate, count, whole
from tracker.io.event_layouts import ACLED_PRECISION, Columns, EventValues, Layout
from tracker.io.input_errors import FieldError, InputFileError

DATASET = "ACLED"
REQUIRED = ("event_id_cnty", "event_date", "event_type")
# ACLED's numeric actor-type codes and the labels its text export uses for them.
INTER_LABELS = {
    "0": "", "1": "State forces", "2": "Rebel groups", "3": "Political militias",
    "4": "Identity militias", "5": "Rioters", "6": "Protesters", "7": "Civilians",
    "8": "External/Other forces",
}


def interaction(inter1: str, inter2: str) -> str:
    """"State forces-Civilians" from codes or labels, as ACLED's text export writes it."""
    first = INTER_LABELS.get(inter1.strip(), inter1.strip())
    second = INTER_LABELS.get(inter2.strip(), inter2.strip())
    return f"{first}-{second}" if second else first


def acled_layout(path: Path, header: list[str]) -> Layout:
    columns = Columns(path, header, "an ACLED export")
    if columns.has("deleted_timestamp") and not columns.has("event_date"):
        # ACLED publishes deletions as a list of ids; applying one would also drop the
        # links and notes analysts made to those events, so it is never done silently.
        raise InputFileError(
            path, 1, "deleted_timestamp",
            "is ACLED's list of deleted events, not events; it was not applied "
            "(the events it names stay in the database)",
        )
    i_id, i_date, i_type = columns.required(*REQUIRED)
    (i_year, i_precision, i_sub, i_actor1, i_actor2, i_inter1, i_inter2, i_admin1, i_admin2,
     i_location, i_lat, i_lon, i_fatalities, i_notes, i_source, i_timestamp) = columns.optional(
        "year", "time_precision", "sub_event_type", "actor1", "actor2", "inter1", "inter2",
        "admin1", "admin2", "location", "latitude", "longitude", "fatalities", "notes",
        "source", "timestamp",
    )
    dates = DateReader(dayfirst=True)

    def convert(row: list[str], text: str) -> EventValues:
        external_id = row[i_id].strip()
        if not external_id:
            raise FieldError("event_id_cnty", "is empty; every event needs one")
        day = dates.iso("event_date", row[i_date])
        year = row[i_year].strip()
        if year and year != day[:4]:
            raise FieldError("event_date", f"the date {day} is not in the row's year {year}")
        event_type = row[i_type].strip()
        if not event_type:
            raise FieldError("event_type", "is empty; every event needs one")
        return (
            external_id, day, None,
            choice("time_precision", row[i_precision], ACLED_PRECISION),
            event_type, row[i_sub].strip(), interaction(row[i_inter1], row[i_inter2]),
            row[i_actor1].strip(), row[i_actor2].strip(), row[i_admin1].strip(),
            row[i_admin2].strip(), row[i_location].strip(),
            coordinate("latitude", row[i_lat], 90), coordinate("longitude", row[i_lon], 180),
            count("fatalities", row[i_fatalities]), None, None, row[i_notes].strip(),
            row[i_source].strip(), whole("timestamp", row[i_timestamp]), text,
        )

    api = columns.has("id") and columns.has("actor_dyad")
    return Layout(
        description="ACLED API export" if api else "ACLED export",
        dataset=DATASET, names=header, convert=convert,
        skips_unchanged_by_timestamp=columns.has("timestamp"),
    )
