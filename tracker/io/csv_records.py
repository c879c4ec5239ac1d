"""CSV records with the file line each starts on and the text it was read from.

A record can span lines (UCDP puts raw line breaks in quoted fields), so its line number
is where it starts, not the reader's position after it. The text is kept as it was in the
file so an imported event can show the row it came from, without re-encoding it.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from tracker.domain.nul_text import NUL, NUL_REASON
from tracker.io.input_errors import InputFileError
from tracker.io.text_encoding import TextFacts

# Fields are checked for length one by one (to name the column), so the csv module's own
# limit, which only says "field larger than field limit", is lifted past any real field.
csv.field_size_limit(2**31 - 1)
# Longest field accepted: the longest ACLED note is a few thousand characters.
MAX_FIELD_CHARS = 100_000


# (line the record starts on, its fields, its text as in the file). A plain tuple, not a
# class: a million of them are made per import, and a tuple is the cheapest to build.
Record = tuple[int, list[str], str]


@dataclass(frozen=True, slots=True)
class BrokenRecord:
    """A record the CSV parser itself could not read (a stray quote, a cut-off file)."""

    line: int
    reason: str


class CsvFile:
    """An open CSV file: its header, then its records, read once, in order."""

    def __init__(self, path: Path, facts: TextFacts) -> None:
        self.path = path
        self.facts = facts
        self._handle: TextIO = path.open(encoding=facts.codec, newline="")
        self._lines: list[str] = []
        self._reader = csv.reader(self._tap(), strict=True)
        # The first record as read, for a headerless file whose first line is data.
        self.header_record: Record | BrokenRecord | None = None

    def close(self) -> None:
        self._handle.close()

    def __enter__(self) -> CsvFile:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def _tap(self) -> Iterator[str]:
        lines = self._lines
        for line in self._handle:
            lines.append(line)
            yield line

    @property
    def lines_read(self) -> int:
        """Physical lines consumed so far, for progress against ``TextFacts.lines``."""
        return self._reader.line_num

    def header(self) -> list[str]:
        """The first record, its cells trimmed; refuses an empty file."""
        first = next(self.records(), None)
        self.header_record = first
        if first is None:
            raise InputFileError(self.path, None, None, "is empty: no header line")
        if isinstance(first, BrokenRecord):
            raise InputFileError(self.path, first.line, None, first.reason)
        line, names, _text = first
        for position, name in enumerate(names, start=1):
            if NUL in name:  # see domain/nul_text.py
                raise InputFileError(self.path, line, None,
                                     f"column {position} of the first line {NUL_REASON}")
        # Trimmed but not checked: a headerless file's first line is data, whose values
        # repeat; the layout that reads it as names checks them (event_layouts.Columns).
        return [name.strip() for name in names]

    def records(self) -> Iterator[Record | BrokenRecord]:
        reader = self._reader
        lines = self._lines
        start = reader.line_num + 1
        while True:
            try:
                fields = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                lines.clear()
                yield BrokenRecord(start, _explain(str(exc)))
                start = reader.line_num + 1
                continue
            text = lines[0] if len(lines) == 1 else "".join(lines)
            lines.clear()
            yield start, fields, text.rstrip("\r\n")
            start = reader.line_num + 1


def _explain(csv_message: str) -> str:
    if "unexpected end of data" in csv_message:
        return ("the file ends inside a quoted field: it was cut off, or a quote is "
                "never closed")
    return f"is not valid CSV ({csv_message})"
