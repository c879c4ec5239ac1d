"""Any other CSV: the user says which column holds what (a ``ColumnMapping``).

The mapping is remembered per header layout (see services.imports.import_mappings), so the
second file from the same source needs no questions. A file without an id column gets
ids from its rows' content, which keeps re-importing the same rows idempotent.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from tracker.domain.enums import Precision
from tracker.domain.nul_text import without_nul
from tracker.domain.wording import say
from tracker.io.country_codes import iso_code
from tracker.io.event_fields import DateReader, coordinate, count
from tracker.io.event_layouts import Columns, EventTuple, EventValues, Layout, event_values
from tracker.io.input_errors import FieldError, InputFileError

# Event fields a column can be mapped to, with what the mapping dialog calls them.
MAPPABLE_FIELDS = {
    "external_id": "Event id",
    "event_date": "Date",
    "event_date_end": "End date",
    "event_type": "Event type",
    "sub_event_type": "Sub-type",
    "actor1": "Actor 1",
    "actor2": "Actor 2",
    "admin1": "Region (admin 1)",
    "admin2": "District (admin 2)",
    "location": "Place",
    "latitude": "Latitude",
    "longitude": "Longitude",
    "fatalities": "Fatalities",
    "summary": "Summary / notes",
    "reported_by": "Source",
    "country": "Country",
}
REQUIRED_FIELDS = ("event_date",)


@dataclass(frozen=True)
class ColumnMapping:
    """Event field -> the header name of the column holding it."""

    columns: dict[str, str] = field(default_factory=dict)
    dayfirst: bool = False
    dataset: str = ""

    def problems(self, header: list[str]) -> list[str]:
        """Why this mapping cannot read a file with *header*; empty when it can."""
        found: list[str] = []
        if not without_nul(self.dataset).strip():  # typed: see domain/nul_text.py
            found.append(say("the dataset needs a name"))
        for name in REQUIRED_FIELDS:
            if not self.columns.get(name):
                found.append(say("no column is chosen for {field}").format(
                    field=say(MAPPABLE_FIELDS[name])))
        known = {name.casefold() for name in header}
        for name, column in self.columns.items():
            if name not in MAPPABLE_FIELDS:
                found.append(f"{name!r} is not an event field")
            elif column and column.casefold() not in known:
                found.append(say("{field}: the file has no column {column}").format(
                    field=say(MAPPABLE_FIELDS[name]), column=repr(column)))
        return found


def generic_layout(path: Path, header: list[str], mapping: ColumnMapping) -> Layout:
    problems = mapping.problems(header)
    if problems:
        raise InputFileError(path, 1, None, "cannot be read with this mapping: "
                             + "; ".join(problems))
    columns = Columns(path, header, "a CSV file with these columns")
    chosen = {name: mapping.columns.get(name, "") for name in MAPPABLE_FIELDS}
    index = {name: (columns.optional(column)[0] if column else columns.pad)
             for name, column in chosen.items()}
    label = {name: column or name for name, column in chosen.items()}
    dates = DateReader(dayfirst=mapping.dayfirst)

    def read_day(column: str, text: str) -> str:
        try:
            return dates.iso(column, text)
        except FieldError as exc:
            if mapping.dayfirst or "month/day/year" not in exc.reason:
                raise
            # 13/01/2016 read month first has no 13th month: the file may write the day
            # first (issue 17, failure 1).
            raise FieldError(exc.column, f"{exc.reason}; if the file writes the day "
                             "first, import it again with --dayfirst (Day first in the "
                             "column mapping)") from exc
    has_id = bool(chosen["external_id"])
    (i_id, i_date, i_end, i_type, i_sub, i_actor1, i_actor2, i_admin1, i_admin2, i_location,
     i_lat, i_lon, i_fatalities, i_summary, i_source, i_country) = index.values()

    def convert(row: list[str], text: str) -> EventValues:
        if has_id:
            external_id = row[i_id].strip()
            if not external_id:
                raise FieldError(label["external_id"], "is empty; every event needs an id")
        else:
            external_id = hashlib.sha1(text.encode("utf-8")).hexdigest()[:20]
        day = read_day(label["event_date"], row[i_date])
        end = read_day(label["event_date_end"], row[i_end]) if row[i_end].strip() else None
        if end is not None and end < day:
            raise FieldError(label["event_date_end"], f"{end} is before the date {day}")
        values: EventTuple = (
            external_id, day, end, Precision.DAY.value, row[i_type].strip(), row[i_sub].strip(), "",
            row[i_actor1].strip(), row[i_actor2].strip(), row[i_admin1].strip(),
            row[i_admin2].strip(), row[i_location].strip(),
            coordinate(label["latitude"], row[i_lat], 90),
            coordinate(label["longitude"], row[i_lon], 180),
            count(label["fatalities"], row[i_fatalities]), None, None,
            row[i_summary].strip(), row[i_source].strip(), None, row[i_country].strip(),
            iso_code(row[i_country]), "", "", text,
        )
        return event_values(values)

    # Without an id column the id is the row's content: a repeat is the same row again.
    return Layout(description="CSV with a column mapping",
                  dataset=without_nul(mapping.dataset).strip(), names=header, convert=convert,
                  id_column=chosen["external_id"] or "(the whole row)")
