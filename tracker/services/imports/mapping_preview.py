"""The first rows of a CSV file as a column mapping would import them, for choosing one.

The preview runs the rows through the same ``generic_layout`` the import uses, so what it
shows (an ISO date, a number, or why a row would be rejected) is what the import will do.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from tracker.domain.import_columns import IMPORT_COLUMNS
from tracker.io.csv_records import BrokenRecord, CsvFile, Record
from tracker.io.generic_layout import MAPPABLE_FIELDS, ColumnMapping, generic_layout
from tracker.io.input_errors import FieldError, InputFileError
from tracker.io.zipped_release import unzipped
from tracker.services.imports.importing import FilePreview

SAMPLE_ROWS = 20


def read_sample(preview: FilePreview, limit: int = SAMPLE_ROWS) -> list[Record | BrokenRecord]:
    """The first *limit* records after the header (only those lines are read)."""
    try:
        with unzipped(preview.path) as readable, CsvFile(readable, preview.facts) as source:
            source.header()
            sample: list[Record | BrokenRecord] = []
            for record in source.records():
                sample.append(record)
                if len(sample) >= limit:
                    break
            return sample
    except (OSError, InputFileError, UnicodeDecodeError):
        return []  # gone or changed since the preview: the import itself will say why


@dataclass(frozen=True, slots=True)
class PreviewRow:
    line: int
    cells: tuple[str, ...]
    problem: str


def _text(value: object) -> str:
    return "" if value is None else str(value)


def preview_rows(path: Path, header: list[str], sample: Iterable[Record | BrokenRecord],
                 mapping: ColumnMapping) -> tuple[list[str], list[PreviewRow]]:
    """Column titles and rows: each mapped field as the import would store it.

    A row the import would reject shows its cells as they are in the file, with the
    reason; while the mapping cannot be used (no date column yet), every row does, with
    no verdict.
    """
    fields = [name for name in MAPPABLE_FIELDS if mapping.columns.get(name)]
    titles = [MAPPABLE_FIELDS[name] for name in fields]
    usable = not mapping.problems(header)
    convert = generic_layout(path, header, mapping).convert if usable else None
    known = {name.casefold(): position for position, name in enumerate(header)}
    raw_positions = [known.get(mapping.columns[name].casefold()) for name in fields]
    value_positions = [IMPORT_COLUMNS.index(name) for name in fields]
    def raw(cells: list[str]) -> tuple[str, ...]:
        """The mapped cells as in the file (a row that cannot be read shows these)."""
        return tuple(cells[at] if at is not None and at < len(cells) else ""
                     for at in raw_positions)

    rows: list[PreviewRow] = []
    for record in sample:
        if isinstance(record, BrokenRecord):
            rows.append(PreviewRow(record.line, raw([]), record.reason))
            continue
        line, cells, text = record
        if not cells or (len(cells) == 1 and not cells[0].strip() and len(header) > 1):
            continue  # a blank line: the import skips it too
        if len(cells) != len(header):
            rows.append(PreviewRow(line, raw(cells),
                                   f"has {len(cells)} fields; the header has {len(header)}"))
            continue
        if convert is None:
            rows.append(PreviewRow(line, raw(cells), ""))
            continue
        try:
            values = convert([*cells, ""], text)
        except FieldError as exc:
            rows.append(PreviewRow(line, raw(cells), f"{exc.column}: {exc.reason}"))
            continue
        rows.append(PreviewRow(line, tuple(_text(values[at]) for at in value_positions), ""))
    return ["Line", *titles, "Problem"], rows
