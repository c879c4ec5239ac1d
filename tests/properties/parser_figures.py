"""Figures for docs/RELIABILITY.md from the properties and the field validators.

scripts/reliability.py finds these through tests.reliability_figures.find_provider:
``hypothesis_counts`` (examples run per parser) and ``bad_inputs`` (bad field values
tried through the validators the dialogs use, and how many gave a clear error).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from tests.properties.catalogue import PROPERTIES, run_property
from tracker.domain.dates import DateParseError, parse_date, parse_window
from tracker.domain.timewindow import ScheduledWindow, WindowError, zone
from tracker.io import event_fields
from tracker.io.input_errors import FieldError
from tracker.services.common.errors import ValidationError
from tracker.services.rounds import validate_title

CLEAR_ERRORS = (DateParseError, WindowError, FieldError, ValidationError)


def hypothesis_counts(examples: int | None = None) -> dict[str, int]:
    """Run every parser property (with *examples* each, or the suite's own number)."""
    return {prop.name: run_property(prop, examples) for prop in PROPERTIES}


def _end_before_start(text: str) -> object:
    first, last = (parse_date(part.strip()) for part in text.split("..."))
    return ScheduledWindow.days(first, "UTC", last)


# (validator, bad values): the rules behind the dialogs' inline messages.
BAD_FIELDS: tuple[tuple[Callable[[str], object], tuple[str, ...]], ...] = (
    (lambda text: parse_window(text, "UTC", today=date(2026, 2, 3)),
     ("31/02/2026", "0000-00-00", "2026-13-01", "32 Jan 2026", "Febtember 2026", "29 Feb 2025",
      "5 Feb 2026 10:00 EEST", "31 Dec 9999", "   x", "2026-02-05 25:00", "week of Feb 2026")),
    (lambda text: parse_window(text, "Europe/Kyiv"), ("2026-03-29 03:30", "2025-03-30 03:15")),
    (_end_before_start, ("7 Feb 2026 ... 5 Feb 2026", "2026-02-05 ... 2026-02-04")),
    (zone, ("Mars/Olympus", "Europe/Atlantis", "", " UTC", "America", "../etc/passwd",
            "Kyiv", "EEST")),
    (lambda text: event_fields.coordinate("latitude", text, 90),
     ("91", "-90.0001", "1e400", "nan", "north", "inf")),
    (lambda text: event_fields.coordinate("longitude", text, 180), ("180.5", "-181", "1e9")),
    (lambda text: event_fields.count("fatalities", text), ("-1", "-0.5", "2.5", "many", "1e3x",
                                                          "9223372036854775808")),
    (validate_title, ("", " ", "   \t", "\n")),
)


def bad_inputs() -> tuple[int, int]:
    """(bad values tried, values refused with the project's own error)."""
    tried = clear = 0
    for validate, values in BAD_FIELDS:
        for value in values:
            tried += 1
            try:
                validate(value)
            except CLEAR_ERRORS:
                clear += 1
            except Exception:  # counted as unclear: that is the figure
                pass
    return tried, clear
