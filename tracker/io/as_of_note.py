"""What a document written "as of" a past day says about itself, in every format.

An export of the chronology as it was known on 28 January must never pass for the current
record: its title says "as known on 28 Jan 2026", and its opening says what that leaves
out. The day comes from the services (``AsOf``, services/rounds/as_of.py); the writers
here need only its day, zone and words, which this protocol names.
"""

from __future__ import annotations

from datetime import date
from typing import Protocol


class AsOfDay(Protocol):
    """The end of a past day in a zone (``services.rounds.as_of.AsOf``)."""

    @property
    def day(self) -> date: ...

    @property
    def tz(self) -> str: ...

    def describe(self) -> str:
        """'as known on 28 Jan 2026'."""
        ...


def titled(title: str, as_of: AsOfDay | None) -> str:
    """'Chronology' or 'Chronology as known on 28 Jan 2026'."""
    return title if as_of is None else f"{title} {as_of.describe()}"


def as_of_sentence(as_of: AsOfDay) -> str:
    """The opening's warning: what the document holds, and what it leaves out."""
    return (f"This is the record {as_of.describe()} (the end of that day in {as_of.tz}), "
            "not the current one: only the schedule changes announced by then, each round "
            "as it was known then, and the factor readings and battlefield events reported "
            "by then.")
