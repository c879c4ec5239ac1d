"""Records from a dataset's web API written as the CSV file the same dataset publishes.

UCDP's GED API and ACLED's API return JSON objects whose keys are the column names of
their CSV downloads (UCDP's 49 GED columns; ACLED's API columns, which acled_layout reads
as "ACLED API export"). Writing them out as that CSV lets a sync go through the one
import service, with its checks, release rules and report, instead of a second path
into the database that would drift from the first.

Values are written as the CSV downloads have them: numbers in their plain decimal form,
``null`` as an empty cell, JSON true/false as ``true``/``false`` (UCDP's ``active_year``).
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import TextIO

from tracker.io.ucdp_layout import STANDARD_HEADER

# ACLED's ``acled`` endpoint, in the order its documentation lists the fields. A sync
# writes these columns first and any other field the first record has after them (header),
# so a page whose records lack a field still has its column.
ACLED_API_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2",
    "inter2", "interaction", "civilian_targeting", "iso", "region", "country", "admin1",
    "admin2", "admin3", "location", "latitude", "longitude", "geo_precision", "source",
    "source_scale", "notes", "fatalities", "tags", "timestamp",
)
UCDP_API_COLUMNS = tuple(STANDARD_HEADER)


def cell(value: object) -> str:
    """One JSON value as the dataset's CSV download writes it."""
    if value is None:
        return ""
    if isinstance(value, bool):  # before int: True is an int too
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))  # 5.0 from a JSON number, 5 in the CSV
    if isinstance(value, (dict, list)):
        raise ValueError(f"a nested JSON value where the CSV has one cell: {value!r}")
    return str(value)


class ApiRecordsFile:
    """A CSV file filled page by page with an API's records, under a fixed header.

    The header is the dataset's known columns; keys a record has beyond them are
    refused, since a column added after the header was written could not be read back.
    """

    def __init__(self, path: Path, columns: Sequence[str]) -> None:
        self.path = path
        self.columns = list(columns)
        self._known = set(self.columns)
        self.records = 0
        self._stream: TextIO = path.open("w", encoding="utf-8", newline="")
        self._writer = csv.writer(self._stream, lineterminator="\r\n")
        self._writer.writerow(self.columns)

    def write(self, records: Iterable[Mapping[str, object]]) -> int:
        """Append *records*; returns how many were written. A record with a field the
        header lacks raises ValueError (the file would not say what the value is)."""
        written = 0
        for record in records:
            extra = set(record) - self._known
            if extra:
                raise ValueError(f"fields {', '.join(sorted(extra))} are not among the "
                                 f"{len(self.columns)} columns this program reads")
            self._writer.writerow([cell(record.get(name)) for name in self.columns])
            written += 1
        self.records += written
        return written

    def close(self) -> None:
        self._stream.close()

    def __enter__(self) -> ApiRecordsFile:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


def header(known: Sequence[str], first: Mapping[str, object] | None) -> list[str]:
    """The header for a sync: the dataset's documented fields, then any other field the
    first record has (ACLED's API has added fields over the years, e.g. ``tags``)."""
    columns = list(known)
    if first is not None:
        columns += [name for name in first if name not in known]
    return columns
