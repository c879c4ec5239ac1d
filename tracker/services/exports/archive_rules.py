"""The rules an archive's row must keep beyond its columns' types (issue 14, F3).

A restore writes rows as they are, not through the operations that check them, so what
the operations would have refused is refused here, naming the row and field: a zone the
zone database does not know (a round in "Mars/Olympus" once restored with exit 0, after
which every export, the analysis and the window failed), and a scheduled window that
cannot exist (a precision without a start, an end before its start, a start outside the
tracker's dates). Dates and instants outside the range are refused by their column's
codec (archive_columns).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from tracker.domain.errors import TrackerError
from tracker.domain.timewindow import ScheduledWindow, WindowError, zone

# Every column that names an IANA zone, by table.
_ZONE_COLUMNS = {
    "venue": ("time_zone",),
    "round": ("window_tz",),
    "schedule_change": ("old_tz", "new_tz"),
}
# Each scheduled window a row holds: its precision, zone, start and end columns.
_WINDOWS = {
    "round": (("window_precision", "window_tz", "window_start", "window_end"),),
    "schedule_change": (("old_precision", "old_tz", "old_start", "old_end"),
                        ("new_precision", "new_tz", "new_start", "new_end")),
}


class RowRuleError(TrackerError, ValueError):
    """A row breaks a rule of the domain; ``field`` names the column."""

    def __init__(self, field: str, message: str) -> None:
        self.field = field
        super().__init__(message)


def check_row(table: str, values: Mapping[str, Any]) -> None:
    """RowRuleError for the first rule *values* (a row of *table*, read) breaks."""
    for column in _ZONE_COLUMNS.get(table, ()):
        name = values.get(column)
        if name is not None:
            try:
                zone(name)
            except WindowError as exc:
                raise RowRuleError(column, str(exc)) from exc
    for precision, tz, start, end in _WINDOWS.get(table, ()):
        if values.get(precision) is None or values.get(tz) is None:
            continue  # a change that left the window as it was
        try:
            ScheduledWindow(values[precision], values[tz], values.get(start),
                            values.get(end)).check_range()
        except WindowError as exc:
            raise RowRuleError(start, str(exc)) from exc
