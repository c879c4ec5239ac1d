"""The line structure of an iCalendar file: where each event and each of its fields is.

The icalendar library parses content but keeps no line numbers. This pass over the text
finds them, so a refusal can say "line 41", and refuses text that is not iCalendar
content lines, or whose BEGIN and END do not pair, naming the line where it shows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from tracker.io.input_errors import InputFileError

# NAME, then parameters or the value: "DTSTART;TZID=Europe/Kyiv:2026…", "UID:…".
_CONTENT_LINE = re.compile(r"([A-Za-z0-9-]+)[;:]")


@dataclass(frozen=True, slots=True)
class FileLayout:
    """For each VEVENT in file order: the line of its BEGIN and of each field's first
    occurrence, by upper-case property name."""

    events: list[dict[str, int]] = field(default_factory=list)


def scan_layout(text: str, path: Path) -> FileLayout:
    layout = FileLayout()
    open_components: list[tuple[str, int]] = []
    event: dict[str, int] | None = None
    seen_calendar = False
    for number, line in _logical_lines(text):
        match = _CONTENT_LINE.match(line)
        if match is None or ":" not in line:
            raise InputFileError(path, number, None,
                                 f"not an iCalendar content line: {line[:60]!r}")
        name = match.group(1).upper()
        value = line.partition(":")[2].strip().upper()
        if name == "BEGIN":
            if not open_components and value != "VCALENDAR":
                raise InputFileError(path, number, None,
                                     "an iCalendar file starts with BEGIN:VCALENDAR")
            open_components.append((value, number))
            seen_calendar = True
            if value == "VEVENT":
                event = {"BEGIN": number}
                layout.events.append(event)
        elif name == "END":
            if not open_components or open_components[-1][0] != value:
                expected = (f"END:{open_components[-1][0]}" if open_components
                            else "nothing more")
                raise InputFileError(path, number, None,
                                     f"END:{value} where {expected} was expected")
            open_components.pop()
            if value == "VEVENT":
                event = None
        elif not open_components:
            raise InputFileError(path, number, None,
                                 f"{name} outside BEGIN:VCALENDAR … END:VCALENDAR")
        elif event is not None and open_components[-1][0] == "VEVENT":
            event.setdefault(name, number)
    if open_components:
        component, number = open_components[-1]
        raise InputFileError(path, number, None,
                             f"BEGIN:{component} has no END (the file is cut short?)")
    if not seen_calendar:
        raise InputFileError(path, None, None, "no BEGIN:VCALENDAR: not an iCalendar file")
    return layout


def _logical_lines(text: str) -> list[tuple[int, str]]:
    """Unfolded lines with the physical line each starts on; blank lines are skipped.

    A folded line's pieces are gathered in a list and joined once: adding each piece to
    the string so far copied it every time, quadratic in a long folded line (a 5 MB one
    took minutes, issue 14 F6).
    """
    lines: list[tuple[int, str]] = []
    start = 0
    pieces: list[str] = []
    for number, physical in enumerate(text.split("\n"), start=1):
        physical = physical.removesuffix("\r")
        if physical[:1] in (" ", "\t") and pieces:
            pieces.append(physical[1:])
        elif physical.strip():
            if pieces:
                lines.append((start, "".join(pieces)))
            start, pieces = number, [physical]
    if pieces:
        lines.append((start, "".join(pieces)))
    return lines
