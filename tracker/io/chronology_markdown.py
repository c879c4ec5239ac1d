"""The chronology as Markdown, streamed: one list per day, each day's sources as notes.

The file renders the same in pandoc, python-markdown (with its footnotes extension) and
GitHub-flavoured renderers (issue 15); the text rules are in io/markdown_text.py. The
layout rules that all three need:

- Note markers are separated, ``[^1],[^2]``: written side by side they read as one
  superscript "12".
- A link under an entry is indented by four spaces: python-markdown nests a list only
  at four, and CommonMark nests anything past the item's two-column marker, so four
  nests in both (two flattened the links into the day's list in python-markdown).
- Every line of user text that starts a block (a note, a link) is ``block_safe``: a
  source called "1. Kanal" stays text rather than becoming a numbered list.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import TextIO

from tracker.domain.chronology import ChronologyEntry
from tracker.io.as_of_note import AsOfDay, as_of_sentence, titled
from tracker.io.markdown_text import block_safe, markdown_escape, markdown_source, markdown_text
from tracker.io.source_notes import SourceNotes

# How many sources keep their note number for reuse (see write_markdown).
NOTES_REMEMBERED = 10_000
NOTE_SEPARATOR = ","
LINK_INDENT = "    "


def write_markdown(
    entries: Iterable[ChronologyEntry], stream: TextIO, *, date_from: date | None = None,
    date_to: date | None = None, tz: str = "UTC", as_of: AsOfDay | None = None,
    figures: str = "",
) -> int:
    """Entries grouped under their day, each day's sources as numbered notes after it.
    *as_of*: the chronology as known on a past day, which its title and opening say.
    *figures*: which figure counts as killed and injured (the figure rule), said after
    the opening.

    Notes follow their day rather than the whole document so that memory stays bounded:
    a million events cite a million dataset records, and keeping every note until the
    end would hold them all. A source cited again keeps its number while it is among the
    last ``NOTES_REMEMBERED`` sources cited (its note was written under an earlier day);
    one cited again after that gets a new number and note.
    """
    stream.write(f"# {markdown_escape(titled('Chronology', as_of))}\n\n")
    if as_of is not None:
        stream.write(f"**{markdown_escape(as_of_sentence(as_of))}**\n\n")
    stream.write(f"{_range_sentence(date_from, date_to)}, in time order. Times are those "
                 "announced or reported, with their precision. Events are under the day "
                 "they were reported for, rounds announced by day, week or month under "
                 "their days in the round's zone (the venue's, where one is named), "
                 "schedule changes under the day they were "
                 "announced, claims on a day and a place under that day, and whatever has "
                 "an exact time (rounds, announcements, factor readings) under its day in "
                 f"{markdown_escape(tz)}. Each day's sources are numbered notes after it.\n")
    if figures:
        stream.write(f"\n{markdown_escape(figures)}\n")
    notes = _Notes(stream)
    heading = None
    count = 0
    for entry in entries:
        day = _day_heading(entry.day)
        if day != heading:
            notes.flush()
            stream.write(f"\n## {day}\n\n")
            heading = day
        stream.write(_entry_line(entry, notes) + "\n")
        for link in entry.links:
            stream.write(f"{LINK_INDENT}- {block_safe(markdown_text(link))}\n")
        count += 1
        if notes.pending > NOTES_REMEMBERED:  # one day of very many events: bound it too
            notes.flush()
    notes.flush()
    return count


def _entry_line(entry: ChronologyEntry, notes: _Notes) -> str:
    """'- **kind**, when: title. detail *place*[^1],[^2]'."""
    detail, place = markdown_text(entry.detail), markdown_text(entry.place)
    detail = f". {detail}" if detail else ""
    place = f" *{place}*" if place else ""  # "**" around blank text would show as is
    marks = NOTE_SEPARATOR.join(f"[^{notes.number(source)}]" for source in entry.sources)
    return (f"- **{markdown_escape(entry.kind.value)}**, {markdown_escape(entry.when_text)}: "
            f"{markdown_text(entry.title)}{detail}{place}{marks}")


class _Notes(SourceNotes):
    """Footnote numbers for source labels; new notes are written out by ``flush``."""

    def __init__(self, stream: TextIO) -> None:
        super().__init__(NOTES_REMEMBERED)
        self._stream = stream

    def flush(self) -> None:
        new = self.take_new()
        if new:
            self._stream.write("\n")
            for number, source in new:
                self._stream.write(f"[^{number}]: {block_safe(markdown_source(source))}\n")


def _range_sentence(date_from: date | None, date_to: date | None) -> str:
    if date_from and date_to:
        return f"Entries from {_long(date_from)} to {_long(date_to)}"
    if date_from:
        return f"Entries from {_long(date_from)} on"
    if date_to:
        return f"Entries up to {_long(date_to)}"
    return "All entries"


def _day_heading(day: date | None) -> str:
    return "Date unknown" if day is None else _long(day)


def _long(day: date) -> str:
    return f"{day.day} {day:%B %Y}"
