"""Issue 14, F6: unfolding iCalendar lines is linear in the file's size.

The attack: one property folded over a 5 MB file took 138 s to unfold (each piece was
added to the string so far, copying it). The ratio of 4 MB to 1 MB is measured, best of
three: linear work gives about 4, the quadratic one gave about 16; the bound is generous
so a busy machine does not fail it, and no absolute time is asserted.
"""

from __future__ import annotations

import time
from pathlib import Path

from tracker.io.calendar_lines import scan_layout


def _folded(size: int) -> str:
    """A calendar whose one DESCRIPTION is folded over *size* characters of lines."""
    body = "\r\n ".join("x" * 73 for _ in range(size // 76))
    return ("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:1\r\nDTSTART:20240101T100000Z\r\n"
            f"DESCRIPTION:{body}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")


def _best_time(text: str) -> float:
    best = float("inf")
    for _ in range(3):
        started = time.perf_counter()
        scan_layout(text, Path("folded.ics"))
        best = min(best, time.perf_counter() - started)
    return best


def test_a_folded_line_unfolds_whole_with_its_first_line_number() -> None:
    layout = scan_layout(_folded(10_000), Path("folded.ics"))
    assert layout.events == [{"BEGIN": 2, "UID": 3, "DTSTART": 4, "DESCRIPTION": 5}]


def test_unfolding_grows_linearly_with_the_file() -> None:
    small, large = _folded(1_000_000), _folded(4_000_000)
    ratio = _best_time(large) / _best_time(small)
    assert ratio < 9, f"4x the text took {ratio:.1f}x the time: not linear"
