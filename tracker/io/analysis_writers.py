"""Analysis files: one CSV row or JSON object per window, anchor and group.

The writers take flat records (``services.analysis.export`` builds them from a result:
dates as ISO text, numbers as numbers, None where there is no value), so this layer
needs nothing from the services. Files are written whole or not at all (``save``).
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TextIO

from tracker.io.atomic import atomic_text_writer
from tracker.io.registered_enum import RegisteredEnum
from tracker.io.spreadsheet import neutralise

# The feature was first called "escalation"; files already written carry that name,
# so the format keeps it.
FORMAT_NAME = "negotiation-tracker/escalation"
FORMAT_VERSION = 1
CSV_COLUMNS = (
    "anchor_kind", "anchor_id", "anchor", "round_id", "factor_id", "anchor_first_day",
    "anchor_last_day", "anchor_precision", "anchor_tz", "phase", "first_day", "last_day",
    "group", "group_label", "events", "fatalities", "injuries", "imprecise",
    "baseline_first_day", "baseline_last_day", "baseline_events", "baseline_fatalities",
    "baseline_injuries", "measure", "ratio", "difference",
)
# Columns holding text a user typed or a dataset supplied: the ones a spreadsheet could
# be tricked into running as a formula.
_TEXT_COLUMNS = frozenset({"anchor", "group", "group_label", "anchor_tz"})
_DECIMALS = 4


def _cell(column: str, value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, float):
        return _number(value)
    if column in _TEXT_COLUMNS:
        return neutralise(str(value))
    return value


def _number(value: float) -> str:
    """A ratio or mean as a spreadsheet reads it: 2 not 2.0, at most four decimals."""
    rounded = round(value, _DECIMALS)
    return str(int(rounded)) if rounded.is_integer() else repr(rounded)


def write_csv(records: Iterable[Mapping[str, Any]], stream: TextIO) -> int:
    """UTF-8 CSV with a header row; text cells are guarded against formula injection."""
    writer = csv.writer(stream, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    count = 0
    for record in records:
        writer.writerow([_cell(column, record.get(column)) for column in CSV_COLUMNS])
        count += 1
    return count


def write_json(records: Iterable[Mapping[str, Any]], stream: TextIO, *,
               settings: Mapping[str, Any], skipped: Sequence[str] = (),
               generated_at: datetime | None = None) -> int:
    """One JSON document: the format, the settings the numbers were computed with, what
    was skipped (rounds of unknown date), and the rows."""
    rows = [{column: record.get(column) for column in CSV_COLUMNS} for record in records]
    document = {
        "format": FORMAT_NAME,
        "format_version": FORMAT_VERSION,
        "generated_at": (generated_at or datetime.now(UTC)).isoformat(),
        "settings": dict(settings),
        "skipped": list(skipped),
        "rows": rows,
    }
    json.dump(document, stream, ensure_ascii=False, indent=2)
    stream.write("\n")
    return len(rows)


# Writes the records to an open text stream, given the settings and what was skipped.
AnalysisWriter = Callable[[Iterable[Mapping[str, Any]], TextIO, Mapping[str, Any],
                           Sequence[str]], int]


def _csv(records: Iterable[Mapping[str, Any]], stream: TextIO,
         _settings: Mapping[str, Any], _skipped: Sequence[str]) -> int:
    return write_csv(records, stream)  # a table has no room for the settings


def _json(records: Iterable[Mapping[str, Any]], stream: TextIO,
          settings: Mapping[str, Any], skipped: Sequence[str]) -> int:
    return write_json(records, stream, settings=settings, skipped=skipped)


@dataclass(frozen=True, slots=True)
class AnalysisRegistration:
    description: str  # a file dialog's name for it: "CSV files"
    patterns: tuple[str, ...]  # file-name patterns; the first gives the suffix written
    write: AnalysisWriter
    newline: str | None = None  # open()'s newline for the file (csv does its own endings)


class AnalysisFormat(RegisteredEnum):
    """A format of the analysis table, registered once like the import and export
    formats (io.import_formats, services.exports.export_formats): its value is the name
    ``tracker analyse --format`` takes; the Analysis view's Export Table… reads its file
    filters and suffixes from here. A registry of its own, since the table is neither a
    chronology export nor anything ``tracker export`` writes."""

    description: str
    patterns: tuple[str, ...]
    write: AnalysisWriter
    newline: str | None

    CSV = "csv", AnalysisRegistration("CSV files", ("*.csv",), _csv, newline="")
    JSON = "json", AnalysisRegistration("JSON files", ("*.json",), _json)

    @property
    def suffix(self) -> str:
        """The suffix a file of this format gets: ".csv"."""
        return self.patterns[0].removeprefix("*")

    @property
    def file_filter(self) -> str:
        """One file-dialog filter: "CSV files (*.csv)"."""
        return f"{self.description} ({' '.join(self.patterns)})"


def write(records: Iterable[Mapping[str, Any]], stream: TextIO, fmt: AnalysisFormat, *,
          settings: Mapping[str, Any], skipped: Sequence[str] = ()) -> int:
    return fmt.write(records, stream, settings, skipped)


def save(destination: Path, fmt: AnalysisFormat, records: Iterable[Mapping[str, Any]], *,
         settings: Mapping[str, Any], skipped: Sequence[str] = ()) -> int:
    """Write *records* to *destination* atomically; return how many rows it holds."""
    with atomic_text_writer(Path(destination), newline=fmt.newline) as stream:
        return write(records, stream, fmt, settings=settings, skipped=skipped)
