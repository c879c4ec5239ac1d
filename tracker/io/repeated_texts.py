"""One string object per distinct value of the columns whose values repeat (actors,
places, event types): what a large import's rows hold many times over.

A row's values cross to the import's own process by ``marshal``
(services.imports.read_ahead), which writes an object it has already written in the
batch as a reference of five bytes, and reads it back as that same object: at a million
ACLED rows, a batch of rows whose repeated values are shared is read back in half the
time (1.0 against 2.2 µs a row), for about 0.7 µs a row spent here sharing them.
"""

from __future__ import annotations

from collections.abc import Callable
from operator import itemgetter

# Distinct values kept at most; then forgotten and gathered again (a file with more
# distinct actors and places than this is sharing little anyway).
_KEPT = 25_000
# Values of a record longer than this are not kept: what is held stays below
# _KEPT × this many characters whatever the file (50 MB), and a real record's repeated
# values are short.
_KEPT_FROM_RECORDS_OF = 2_000


def repeated_texts(*positions: int) -> Callable[[list[str], str], list[str]]:
    """The values at *positions* of a row, trimmed, each the one object kept for its
    text, unless the record's *text* is long."""
    # itemgetter of one position gives the value itself, not a tuple of one.
    picked: Callable[[list[str]], tuple[str, ...]] = itemgetter(*positions) \
        if len(positions) > 1 else lambda row: (row[positions[0]],)
    kept: dict[str, str] = {}
    keep, strip = kept.setdefault, str.strip

    def shared(row: list[str], record: str) -> list[str]:
        if len(record) > _KEPT_FROM_RECORDS_OF:
            return list(map(strip, picked(row)))
        if len(kept) > _KEPT:
            kept.clear()
        return [keep(text, text) for text in map(strip, picked(row))]

    return shared
