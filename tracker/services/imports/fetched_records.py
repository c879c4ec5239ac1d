"""Records that come from somewhere other than a file (an API page by page, issue 17's
sync), read through the same import as a file: same layouts, rules and report.

The sync turns each record into the fields of a header (UCDP's API gives the GED CSV's
column names, ACLED's API its export's), and hands them over as ``FetchedRecords``;
``FetchedSource`` gives the import what it reads of a CSV file (services.imports.
import_rows.RowReader): a header, then numbered records with their text.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from tracker.io.csv_records import BrokenRecord, Record
from tracker.io.text_encoding import TextFacts


@dataclass(frozen=True)
class FetchedRecords:
    """Records fetched from a source: *name* says where from ("UCDP GED API 23.1,
    Ukraine"), *header* names the fields of each row, *expected* is how many rows there
    are when known (for progress; 0 when not)."""

    name: str
    header: Sequence[str]
    rows: Iterable[Sequence[object]]
    expected: int = 0


class FetchedSource:
    """``FetchedRecords`` as the import reads a CSV file: each row's text is its CSV line
    (what the event's raw record keeps)."""

    def __init__(self, fetched: FetchedRecords) -> None:
        self.fetched = fetched
        self.path = Path(fetched.name)
        self.facts = TextFacts("utf-8", "fetched", 0, fetched.expected + 1, False)
        self.header_record: Record | BrokenRecord | None = None
        self._line = 1

    @property
    def lines_read(self) -> int:
        return self._line

    def header(self) -> list[str]:
        return [str(name).strip() for name in self.fetched.header]

    def records(self) -> Iterator[Record | BrokenRecord]:
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="")
        for values in self.fetched.rows:
            self._line += 1
            fields = ["" if value is None else str(value) for value in values]
            buffer.seek(0)
            buffer.truncate()
            writer.writerow(fields)
            yield self._line, fields, buffer.getvalue()
