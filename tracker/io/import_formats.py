"""Every file format the program imports, registered once.

A registration says what the command line calls the format (``tracker import --format``),
what the import dialogs call it, which file names it has (for file dialogs), how to
recognise it from the file's first record (sniffing), and how to read it: event files
through a Layout (services.imports.importing), calendars through
services.rounds.calendar_import. The command line's choices, the import dialog's list and
its "Detected:" line, and the file dialogs' patterns are all read from here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from tracker.io.acled_layout import REQUIRED as ACLED_COLUMNS
from tracker.io.acled_layout import acled_layout
from tracker.io.event_layouts import Layout
from tracker.io.generic_layout import ColumnMapping, generic_layout
from tracker.io.input_errors import InputFileError, shortened
from tracker.io.registered_enum import RegisteredEnum
from tracker.io.ucdp_layout import REQUIRED as UCDP_COLUMNS
from tracker.io.ucdp_layout import is_headerless, ucdp_layout

# A file's path, its header (first record) and the column mapping chosen for a generic
# CSV, if any: the layout that reads its rows, or InputFileError.
LayoutReader = Callable[[Path, list[str], ColumnMapping | None], Layout]
# A file's first record, read as CSV: whether the file is in the format.
Sniffer = Callable[[list[str]], bool]


class ImportTarget(StrEnum):
    EVENTS = "events"  # battlefield events (File › Import Events…)
    ROUNDS = "rounds"  # negotiation rounds (File › Import Calendar…)


@dataclass(frozen=True, slots=True)
class ImportRegistration:
    label: str  # the format's name in the import dialog's list
    detected: str  # the import dialog's "Detected:" line for a file in this format
    patterns: tuple[str, ...]  # file-name patterns, for file dialogs
    target: ImportTarget
    # None: the format is never guessed (a generic CSV is what nothing else matched).
    sniff: Sniffer | None
    # None for a format that does not hold events.
    layout: LayoutReader | None
    # The user says which column holds what (ColumnMapping), or one remembered is used.
    needs_mapping: bool = False


def _has_columns(*names: str) -> Sniffer:
    wanted = {name.casefold() for name in names}
    return lambda header: wanted <= {name.casefold() for name in header}


_UCDP_HEADER = _has_columns(*UCDP_COLUMNS)


def _is_ucdp(header: list[str]) -> bool:
    # A candidate release has no header: its first record is data in the standard order.
    return _UCDP_HEADER(header) or is_headerless(header)


def _is_calendar(header: list[str]) -> bool:
    # RFC 5545: a calendar file begins with this line (read as a one-field CSV record).
    return len(header) == 1 and header[0].strip().casefold() == "begin:vcalendar"


def _acled(path: Path, header: list[str], _mapping: ColumnMapping | None) -> Layout:
    return acled_layout(path, header)


def _ucdp(path: Path, header: list[str], _mapping: ColumnMapping | None) -> Layout:
    return ucdp_layout(path, header)


def _generic(path: Path, header: list[str], mapping: ColumnMapping | None) -> Layout:
    if mapping is None:
        raise InputFileError(
            path, 1, None,
            "needs a column mapping: no mapping is remembered for its columns "
            f"({', '.join(shortened(name, 40) for name in header[:20])}"
            f"{'…' if len(header) > 20 else ''})",
        )
    return generic_layout(path, header, mapping)


class ImportFormat(RegisteredEnum):
    """An import format: its value is the name ``tracker import --format`` takes.

    Members are listed in the order dialogs and the command line offer them; sniffing
    tries them in that order too.
    """

    label: str
    detected: str
    patterns: tuple[str, ...]
    target: ImportTarget
    sniff: Sniffer | None
    layout: LayoutReader | None
    needs_mapping: bool

    ACLED = "acled", ImportRegistration(
        label="ACLED export",
        detected="An ACLED export (its header has ACLED's columns)",
        patterns=("*.csv",), target=ImportTarget.EVENTS,
        sniff=_has_columns(*ACLED_COLUMNS), layout=_acled,
    )
    UCDP = "ucdp", ImportRegistration(
        label="UCDP GED events",
        detected="UCDP GED event data (its header has UCDP's columns)",
        patterns=("*.csv",), target=ImportTarget.EVENTS, sniff=_is_ucdp, layout=_ucdp,
    )
    CSV = "csv", ImportRegistration(
        label="Other CSV (choose the columns)",
        detected="Not a layout the program knows: you say which column holds what, next",
        patterns=("*.csv",), target=ImportTarget.EVENTS, sniff=None,
        layout=_generic, needs_mapping=True,
    )
    ICS = "ics", ImportRegistration(
        label="iCalendar file (rounds)",
        detected="An iCalendar file: rounds, added or updated by their UID",
        patterns=("*.ics",), target=ImportTarget.ROUNDS, sniff=_is_calendar, layout=None,
    )

    @property
    def file_filter(self) -> str:
        """One file-dialog filter: "ACLED export (*.csv)"."""
        return f"{self.label} ({' '.join(self.patterns)})"


def formats_for(target: ImportTarget) -> list[ImportFormat]:
    return [fmt for fmt in ImportFormat if fmt.target is target]


def sniff_format(header: list[str], target: ImportTarget) -> ImportFormat | None:
    """The format of *target* whose sniffing recognises a file's first record, if any."""
    return next((fmt for fmt in formats_for(target)
                 if fmt.sniff is not None and fmt.sniff(header)), None)


def open_file_filter(formats: Iterable[ImportFormat], description: str) -> str:
    """A file dialog's filters for opening a file in one of *formats*: *description* with
    every pattern they have (so any of them can be picked at once), then all files."""
    patterns = dict.fromkeys(pattern for fmt in formats for pattern in fmt.patterns)
    return f"{description} ({' '.join(patterns)});;All files (*)"
