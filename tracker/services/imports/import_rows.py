"""The reading side of an import: records checked, converted and batched.

Every record ends up in exactly one place: a batch for the writer, or a Rejection with
its line, column and reason. Lines that are not records (blank lines, the HXL hashtag row
of HDX files) are left out of the count and said in the report's notes.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from hashlib import blake2b
from itertools import chain
from pathlib import Path
from typing import Protocol

from tracker.domain.nul_text import NUL, NUL_REASON
from tracker.domain.target_rules import Found
from tracker.io.csv_records import MAX_FIELD_CHARS, BrokenRecord, Record
from tracker.io.event_layouts import Layout
from tracker.io.input_errors import FieldError, InputFileError
from tracker.io.text_encoding import TextFacts
from tracker.services.imports.import_report import ImportReport, Rejection
from tracker.services.imports.releases import Release, ReleaseKind

Rows = list[tuple[object, ...]]
# The record text of each row, in the same order (the writers know the row's dataset,
# key and run: its key is in the row).
Raws = list[str]


def is_hxl_row(fields: list[str]) -> bool:
    """HDX's second line of hashtags (``#date+year``): tags, not an event."""
    filled = [value.strip() for value in fields if value.strip()]
    return bool(filled) and all(value.startswith("#") for value in filled)


@dataclass(slots=True)
class Unclosed:
    """A record rejected for a quote never closed, and the lines after it that were not
    records of their own."""

    line: int
    lines: list[int] = field(default_factory=list)


class RecordSource(Protocol):
    """What the reader reads: an open CSV file (io.csv_records.CsvFile), or records
    fetched from a source (services.imports.fetched_records.FetchedSource)."""

    path: Path
    facts: TextFacts
    header_record: Record | BrokenRecord | None

    @property
    def lines_read(self) -> int: ...

    def records(self) -> Iterator[Record | BrokenRecord]: ...


class RowReader:
    def __init__(self, source: RecordSource, layout: Layout, report: ImportReport, *,
                 strict: bool, release: Release | None = None) -> None:
        self.source = source
        self.layout = layout
        self.report = report
        self.strict = strict
        self.release = release or Release(ReleaseKind.UNKNOWN)
        self.accepted = 0
        # What the rows cover (the import's default scope), and ACLED's newest stamp.
        self.countries: set[str] = set()
        self.first_day: str | None = None
        self.last_day: str | None = None
        self.newest_stamp: int | None = None

    @property
    def lines_read(self) -> int:
        return self.source.lines_read

    @property
    def records_read(self) -> int:
        """Records read so far, accepted or rejected (what progress counts)."""
        return self.accepted + len(self.report.rejections)

    def found_by_reader(self) -> list[Found] | None:
        """The category rules' suggestions for the batch just yielded, when the reader
        applied them itself (read_ahead's process does); None leaves them to the
        import's own suggester (services.targets.suggest_ahead)."""
        return None

    def _reject(self, line: int, column: str, reason: str) -> None:
        if self.strict:
            raise InputFileError(self.source.path, line, column or None,
                                 f"{reason} (strict import: nothing was imported)")
        self.report.rejections.append(Rejection(line, column, reason))

    def _close(self, unclosed: Unclosed | None) -> None:
        if unclosed is not None and unclosed.lines:
            first, last = unclosed.lines[0], unclosed.lines[-1]
            lines = f"line {first}" if first == last else f"lines {first}-{last}"
            self.report.notes.append(
                f"{lines}: not records of the header's width, read as the rest of the "
                f"quoted field opened on line {unclosed.line} (rejected with it)")

    def batches(self, constants: tuple[object, ...],
                batch_size: int) -> Iterator[tuple[Rows, Raws]]:
        """The accepted records, *batch_size* at a time, as the writer takes them: event
        rows (with *constants* appended) and their record texts."""
        layout, names = self.layout, self.layout.names
        width, convert = len(names), layout.convert
        check_nul = self.source.facts.has_nul
        # The line each event id was first seen on: a repeat in the same file would
        # silently overwrite the earlier record, so it is rejected instead.
        first_seen: dict[str, int] = {}
        records = self.source.records()
        if layout.first_record_is_data and isinstance(self.source.header_record, tuple):
            records = chain([self.source.header_record], records)
        rows: Rows = []
        raws: Raws = []
        ranked = self.release.ranker()  # (label, rank): RELEASE_COLUMNS
        blank = 0
        first = True
        # After a quote never closed, the lines up to the next record of the header's
        # width are the rest of its field: noted as such, not rejected one by one.
        unclosed: Unclosed | None = None
        record: Record | BrokenRecord
        for record in records:
            if isinstance(record, BrokenRecord):
                self._close(unclosed)
                self._reject(record.line, "", record.reason)
                unclosed = Unclosed(record.line) if record.resumed else None
                continue
            line, fields, text = record
            if not fields or (len(fields) == 1 and not fields[0].strip() and width > 1):
                blank += 1
                continue
            if unclosed is not None:
                if len(fields) != width:
                    unclosed.lines.append(line)
                    continue
                self._close(unclosed)
                unclosed = None
            if first:
                first = False
                if is_hxl_row(fields):
                    self.report.notes.append(
                        f"line {line}: the HXL hashtag row was skipped (tags, not an event)")
                    continue
            if len(fields) != width:
                self._reject(line, "", f"has {len(fields)} fields; the header has {width}"
                             + (" (the file may be cut off)" if len(fields) < width else ""))
                continue
            # No field is longer than the record's text, so the fields are measured
            # only when the text is long; NUL bytes only when the scan saw one.
            if len(text) > MAX_FIELD_CHARS or check_nul:
                problem = _field_problem(fields, names, check_nul)
                if problem is not None:
                    self._reject(line, *problem)
                    continue
            fields.append("")
            try:
                values = convert(fields, text)
            except FieldError as exc:
                self._reject(line, exc.column, exc.reason)
                continue
            if values.fatalities_low is not None or values.fatalities_high is not None:
                doubt = implausible_toll(values.fatalities, values.fatalities_low,
                                         values.fatalities_high)
                if doubt is not None:
                    self.report.flagged.append(Rejection(line, doubt[0], doubt[1]))
            external_id = values.external_id
            earlier = first_seen.setdefault(external_id, line)
            if earlier != line:
                self._reject(line, layout.id_column,
                             f"repeats the event id {external_id!r} of line {earlier}; "
                             "the first is kept")
                continue
            # A row with the dataset's own last-modified stamp is compared by that (see
            # storage.event_upsert), so its digest is not needed. The record's text goes
            # in raw_digest's place (IMPORT_COLUMNS order), as its digest.
            stamp = values.source_updated
            rows.append((*values[:-1], None if stamp is not None else digest(text),
                         *constants, *ranked(values.event_date, stamp)))
            self._cover(values.event_date, values.country, stamp)
            raws.append(text)
            self.accepted += 1
            if len(rows) >= batch_size:
                yield rows, raws
                rows, raws = [], []
        if rows:
            yield rows, raws
        self._close(unclosed)
        if self.report.flagged:
            self.report.notes.append(_flagged_note(self.report.flagged))
        if blank:
            self.report.notes.append(f"{blank} blank line(s) skipped")
        if not self.accepted and not self.report.rejections:
            self.report.notes.append("the file has a header but no records")


    def _cover(self, day: str, country: str, stamp: int | None) -> None:
        self.countries.add(country)
        if self.first_day is None or day < self.first_day:
            self.first_day = day
        if self.last_day is None or day > self.last_day:
            self.last_day = day
        if stamp is not None and (self.newest_stamp is None or stamp > self.newest_stamp):
            self.newest_stamp = stamp


def digest(text: str) -> int:
    """64 bits of BLAKE2b of the record text, signed to fit an SQL BIGINT.

    A re-import compares digests to tell unchanged records, so the stored text is never
    read back; at 2**-64 per changed record, a collision is not a practical concern.
    """
    return int.from_bytes(blake2b(text.encode("utf-8"), digest_size=8).digest(),
                          "big", signed=True)


def _flagged_note(flagged: list[Rejection]) -> str:
    shown = ", ".join(str(item.line) for item in flagged[:10])
    more = f" and {len(flagged) - 10:,} more" if len(flagged) > 10 else ""
    return (f"{len(flagged):,} record(s) stored with a death toll out of order (low above "
            f"best, or best above high): line(s) {shown}{more}; the dataset's figures are "
            "kept as they are")


def implausible_toll(best: int | None, low: int | None,
                     high: int | None) -> tuple[str, str] | None:
    """(column, reason) when a death toll's estimates are out of order (UCDP's low, best
    and high): stored as the dataset says, but said, since one of them is wrong."""
    if low is not None and best is not None and low > best:
        return "low", f"low estimate {low:,} is above the best estimate {best:,}"
    if high is not None and best is not None and best > high:
        return "high", f"best estimate {best:,} is above the high estimate {high:,}"
    if low is not None and high is not None and low > high:
        return "low", f"low estimate {low:,} is above the high estimate {high:,}"
    return None


def _field_problem(fields: list[str], names: list[str],
                   check_nul: bool) -> tuple[str, str] | None:
    if max(map(len, fields)) > MAX_FIELD_CHARS:
        position = next(i for i, value in enumerate(fields) if len(value) > MAX_FIELD_CHARS)
        return names[position], (f"is {len(fields[position]):,} characters long, over the "
                                 f"{MAX_FIELD_CHARS:,} a field may have")
    if check_nul:
        for position, value in enumerate(fields):
            if NUL in value:
                return names[position], NUL_REASON
    return None
