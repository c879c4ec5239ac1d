"""Numbered source notes for the exports that cite sources per day (Markdown, HTML).

Each source label gets a number the first time it is cited; the notes not yet written
are handed out by ``take_new`` for the writer to put after the day's entries. Numbers
are remembered for the last *remembered* sources only, so a million events citing
distinct sources cannot grow the table without bound: a source cited again after that
gets a new number and note.
"""

from __future__ import annotations

from collections import OrderedDict


class SourceNotes:
    def __init__(self, remembered: int) -> None:
        self._remembered = remembered
        self._numbers: OrderedDict[str, int] = OrderedDict()  # most recently cited last
        self._new: list[tuple[int, str]] = []
        self._last = 0

    def number(self, source: str) -> int:
        number = self._numbers.get(source)
        if number is not None:
            self._numbers.move_to_end(source)
            return number
        self._last += 1
        self._numbers[source] = self._last
        if len(self._numbers) > self._remembered:
            self._numbers.popitem(last=False)
        self._new.append((self._last, source))
        return self._last

    @property
    def pending(self) -> int:
        return len(self._new)

    def take_new(self) -> list[tuple[int, str]]:
        """The notes numbered since the last call, in number order."""
        new, self._new = self._new, []
        return new
