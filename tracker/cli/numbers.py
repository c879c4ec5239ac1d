"""Whole-number options, bounded where argparse reads them.

``type=int`` takes any integer Python can hold, so ``--limit 100000000000000000000``
reached SQLite and ended in OverflowError, and ``--limit -1`` read as "no edits recorded"
(issue 14, F14). A bounded option is refused like any mistyped value: usage and exit 2.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable

# A record id as both databases store it (64-bit).
LARGEST_ID = 2**63 - 1
# More than any count a command shows or selects (the largest ACLED export is a few
# million rows); a larger number is a typo.
LARGEST_COUNT = 10**9


def whole_number(low: int, high: int) -> Callable[[str], int]:
    """An argparse ``type`` reading a whole number from *low* to *high*."""

    def read(text: str) -> int:
        try:
            value = int(text.strip())
        except ValueError:  # also a number of more digits than int() reads (4,300)
            shown = text if len(text) <= 30 else f"{text[:27]}…"
            raise argparse.ArgumentTypeError(f"{shown!r} is not a whole number") from None
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(
                f"must be a whole number from {low:,} to {high:,}; found {value:,}"
                if value.bit_length() < 200 else
                f"must be a whole number from {low:,} to {high:,}")
        return value

    return read


record_id = whole_number(1, LARGEST_ID)
