"""What an import did, row by row where it refused one, and the report file a user saves."""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tracker.domain.wording import say_count
from tracker.io.atomic import atomic_text_writer
from tracker.io.spreadsheet import neutralise

if TYPE_CHECKING:
    # Named in annotations only: the process that reads a large file makes reports and
    # starts without SQLAlchemy, which these modules import (0.3 s: read_ahead.py).
    from tracker.storage.event_compare import FieldChange
    from tracker.storage.withdrawals import UnseenEvent


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
    """The counts add up: added + updated + unchanged + rejected == records (*older* of the
    unchanged records differ from a newer release stored, and were skipped); and *lines*,
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
    # Releases (issue 17): which one the file is, the scope it speaks for, and what it did
    # beyond the counts above. *older* records differ from a newer release already stored
    # and were skipped: they are among the unchanged (the database keeps the newer values).
    release: str = ""
    scope: str = ""
    older: int = 0
    dates_moved: int = 0
    restored: int = 0
    arrived_withdrawn: int = 0
    changes: list[FieldChange] = field(default_factory=list)
    changes_found: int = 0
    older_changes: list[FieldChange] = field(default_factory=list)
    withdrawn: list[UnseenEvent] = field(default_factory=list)
    # UCDP candidate events of the years a final release covers that it does not have.
    candidates_missing: list[UnseenEvent] = field(default_factory=list)

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
            f"{self.release_summary()}"
        )

    def release_summary(self) -> str:
        """What the release did beyond the counts, each part after "; ", said only where
        it did something ("" when nothing)."""
        # Whole sentences through say_count, so the window shows them in its language.
        parts = []
        if self.older:
            parts.append(say_count(
                self.older,
                "{n:,} record of an older release than the one stored was skipped, counted "
                "as unchanged (its differences are in the report; import again allowing "
                "older releases to apply them)",
                "{n:,} records of an older release than the one stored were skipped, counted "
                "as unchanged (their differences are in the report; import again allowing "
                "older releases to apply them)"))
        if self.dates_moved:
            parts.append(say_count(self.dates_moved, "{n:,} date moved", "{n:,} dates moved"))
        if self.withdrawn:
            parts.append(say_count(
                len(self.withdrawn),
                "{n:,} event withdrawn by the source (in scope {{scope}}, not in this release)",
                "{n:,} events withdrawn by the source (in scope {{scope}}, not in this release)",
            ).replace("{scope}", self.scope))
        if self.arrived_withdrawn:
            parts.append(say_count(
                self.arrived_withdrawn,
                "{n:,} added as withdrawn (a newer release already imported lacks it)",
                "{n:,} added as withdrawn (a newer release already imported lacks them)"))
        if self.restored:
            parts.append(say_count(self.restored,
                                   "{n:,} withdrawn event is back in this release",
                                   "{n:,} withdrawn events are back in this release"))
        if self.candidates_missing:
            parts.append(say_count(len(self.candidates_missing),
                                   "{n:,} candidate event is not in this final release",
                                   "{n:,} candidate events are not in this final release"))
        return "".join(f"; {part}" for part in parts)


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
        if report.release:
            writer.writerow(["note", neutralise(f"release: {report.release}; scope: "
                                                f"{report.scope}")])
        writer.writerow([])
        writer.writerow(["line", "column", "reason"])
        for rejection in report.rejections:
            writer.writerow([rejection.line, neutralise(rejection.column),
                             neutralise(rejection.reason)])
        _write_changes(writer, "changed", report.changes, report.changes_found)
        _write_changes(writer, "skipped: older release", report.older_changes,
                       len(report.older_changes))
        _write_events(writer, "withdrawn by the source", report.withdrawn)
        _write_events(writer, "candidate not in the final release",
                      report.candidates_missing)


def _write_changes(writer: Any, what: str, changes: list[FieldChange], found: int) -> None:
    """Each changed field with its old and new value (issue 17)."""
    if not changes:
        return
    writer.writerow([])
    writer.writerow(["event", "field", "old", "new", what])
    for change in changes:
        writer.writerow([neutralise(change.external_id), change.field,
                         neutralise(change.old), neutralise(change.new)])
    if found > len(changes):
        writer.writerow(["note", f"{found - len(changes):,} more changed fields not listed"])


def _write_events(writer: Any, what: str, events: list[UnseenEvent]) -> None:
    if not events:
        return
    writer.writerow([])
    writer.writerow(["event", "date", "place", "fatalities", what])
    for event in events:
        writer.writerow([neutralise(event.external_id), event.day.isoformat(),
                         neutralise(event.place),
                         "" if event.fatalities is None else event.fatalities])
