"""What an import did, row by row where it refused one, and the report file a user saves."""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path

from tracker.io.atomic import atomic_text_writer
from tracker.io.spreadsheet import neutralise


@dataclass(frozen=True, slots=True)
class Rejection:
    """One record not imported: where it starts in the file, which column, and why."""

    line: int
    column: str
    reason: str

    def __str__(self) -> str:
        field_part = f", column {self.column!r}" if self.column else ""
        return f"line {self.line}{field_part}: {self.reason}"


@dataclass
class ImportReport:
    """The counts add up: added + updated + unchanged + rejected == records; and *lines*,
    the physical lines read, shows the whole file was (a record cut off by a quote never
    closed is rejected, and reading goes on, so no record vanishes uncounted)."""

    file: Path
    layout: str
    dataset: str
    encoding: str
    records: int = 0
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    lines: int = 0
    rejections: list[Rejection] = field(default_factory=list)
    # Records stored as the file has them, with values that cannot all be right (a death
    # toll's low estimate above its best): counted and listed, not refused.
    flagged: list[Rejection] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def rejected(self) -> int:
        return len(self.rejections)

    def summary(self) -> str:
        rate = f", {self.records / self.seconds:,.0f} records/s" if self.seconds else ""
        return (
            f"{self.file.name} ({self.layout}, {self.encoding}) into {self.dataset!r}: "
            f"{self.records:,} records: {self.added:,} added, {self.updated:,} updated, "
            f"{self.unchanged:,} unchanged, {self.rejected:,} rejected"
            f"{self._flagged_part()}; {self.lines:,} lines read in {self.seconds:.1f} s{rate}"
        )


    def _flagged_part(self) -> str:
        if not self.flagged:
            return ""
        return f" ({len(self.flagged):,} stored with implausible values)"


def write_report(report: ImportReport, destination: Path) -> None:
    """The report as CSV: a summary block, then one line per rejected record.

    Written whole or not at all, with cells a spreadsheet would run as formulas
    neutralised (a rejected value can be anything the file held).
    """
    with atomic_text_writer(destination, newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(["file", "layout", "dataset", "encoding", "records", "added",
                         "updated", "unchanged", "rejected"])
        writer.writerow([neutralise(str(value)) for value in (
            report.file, report.layout, report.dataset, report.encoding, report.records,
            report.added, report.updated, report.unchanged, report.rejected)])
        writer.writerow(["note", f"{report.lines:,} lines read"])
        for flagged in report.flagged:
            writer.writerow(["note", neutralise(f"stored, but implausible: {flagged}")])
        for note in report.notes:
            writer.writerow(["note", neutralise(note)])
        writer.writerow([])
        writer.writerow(["line", "column", "reason"])
        for rejection in report.rejections:
            writer.writerow([rejection.line, neutralise(rejection.column),
                             neutralise(rejection.reason)])
