"""Which release of a dataset an import is, and how releases order (issue 17).

A newer release corrects or withdraws events, never the reverse (DESIGN.md, "release").
Each event stores the rank of the newest release that told it (battlefield_event.
release_rank); ranks compare within one dataset only:

- ACLED: the row's own ``timestamp`` (its last change, Unix seconds). A whole export is
  as new as its newest timestamp.
- UCDP GED: the version. A final release ``YY.1`` covers the years before 20YY and ranks
  YY*100; a candidate event (UCDP's monthly Candidate releases, and the rows past the final
  release's years in a file that joins them on) ranks by its own month, (year % 100)*100 +
  month. So GED 22.1 (2200) < Candidate 2022-05 (2205) < GED 23.1 (2300): the final
  release replaces the candidates of its years.
- A generic CSV: the release date the user gives (yyyymmdd); without one, the file has no
  rank and is taken as it comes (as before releases were known).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from pathlib import Path

from tracker.domain.errors import TrackerError
from tracker.domain.wording import say


class ReleaseKind(StrEnum):
    ACLED = "acled"          # ranked by each row's timestamp
    UCDP = "ucdp"            # a final GED version (YY.1), candidates past its years
    CANDIDATE = "candidate"  # a UCDP Candidate release: every row ranked by its month
    DATED = "dated"          # a generic CSV with a user-given release date
    UNKNOWN = "unknown"      # a generic CSV without one: no order, taken as it comes


class ReleaseError(TrackerError):
    """A release named in a way the tracker cannot read."""


@dataclass(frozen=True, slots=True)
class Release:
    """One release of a dataset: its kind, its label, and what it ranks.

    *rank* is the run's own rank: UCDP's YY*100 for a final version, the yyyymmdd of a
    dated release, ACLED's newest row timestamp (known once the rows are read).
    """

    kind: ReleaseKind
    rank: int | None = None

    @property
    def label(self) -> str:
        if self.kind is ReleaseKind.UCDP and self.rank is not None:
            major = self.rank // 100
            return f"GED {major}.1"
        if self.kind is ReleaseKind.CANDIDATE:
            return "UCDP Candidate"
        if self.kind is ReleaseKind.ACLED:
            return "ACLED export" if self.rank is None else \
                f"ACLED export (newest timestamp {self.rank})"
        if self.kind is ReleaseKind.DATED and self.rank is not None:
            return f"release of {_day_of(self.rank).isoformat()}"
        return "release not given"

    @property
    def ordered(self) -> bool:
        """Whether this release can be placed against others (all but UNKNOWN)."""
        return self.kind is not ReleaseKind.UNKNOWN

    def rank_of(self, day: str, stamp: int | None) -> int | None:
        """The rank of one event of this release, dated *day* (ISO), with its dataset's
        own *stamp* (ACLED's timestamp)."""
        if self.kind is ReleaseKind.ACLED:
            return stamp
        if self.kind in (ReleaseKind.UCDP, ReleaseKind.CANDIDATE):
            return self.rank_on(date.fromisoformat(day))
        return self.rank

    def rank_on(self, day: date) -> int | None:
        """What this release says about events of *day*: an event of that day ranked
        lower, missing from it, was withdrawn by it."""
        if self.kind is ReleaseKind.UCDP and self.rank is not None:
            if day.year < 2000 + self.rank // 100:
                return self.rank
            return _candidate_rank(day)
        if self.kind is ReleaseKind.CANDIDATE:
            return _candidate_rank(day)
        return self.rank

    def row_label(self, rank: int | None) -> str:
        """The release an event of rank *rank* came from, as the Events view says it."""
        if self.kind is ReleaseKind.UCDP and rank is not None and self.rank is not None \
                and rank != self.rank:
            return f"UCDP Candidate {2000 + rank // 100}-{rank % 100:02d}"
        if self.kind is ReleaseKind.CANDIDATE and rank is not None:
            return f"UCDP Candidate {2000 + rank // 100}-{rank % 100:02d}"
        if self.kind is ReleaseKind.ACLED and rank is not None:
            return f"ACLED timestamp {rank}"
        return self.label

    def ranker(self) -> Ranker:
        """``(row_label(rank), rank)`` of an event of *day* with *stamp*, where *rank*
        is ``rank_of(day, stamp)``: made once per file for the reader, which asks for
        every row (the two methods, with their tests of the kind, were a tenth of the
        reading's time at a million ACLED rows)."""
        if self.kind is ReleaseKind.ACLED:
            label = self.label

            def by_stamp(day: str, stamp: int | None) -> tuple[str, int | None]:
                return (label, None) if stamp is None else (f"ACLED timestamp {stamp}", stamp)

            return by_stamp
        if self.kind in (ReleaseKind.UCDP, ReleaseKind.CANDIDATE):
            # The rank follows from the day alone, and a file has a few thousand days.
            by_day: dict[str, tuple[str, int | None]] = {}

            def on_day(day: str, stamp: int | None) -> tuple[str, int | None]:
                found = by_day.get(day)
                if found is None:
                    rank = self.rank_of(day, stamp)
                    found = (self.row_label(rank), rank)
                    if len(by_day) < _REMEMBERED_DAYS:
                        by_day[day] = found
                return found

            return on_day
        fixed = (self.row_label(self.rank), self.rank)
        return lambda day, stamp: fixed


# (day, stamp) -> (label, rank): Release.ranker.
Ranker = Callable[[str, int | None], tuple[str, int | None]]
# More days than any dataset spans (UCDP starts in 1989): the ranker's memory stays small
# whatever a file holds.
_REMEMBERED_DAYS = 50_000


def _candidate_rank(day: date) -> int:
    return (day.year % 100) * 100 + day.month


def _day_of(rank: int) -> date:
    return date(rank // 10_000, rank // 100 % 100, rank % 100)


def dated_release(day: date | None) -> Release:
    """A generic CSV's release: the user's release date, or none."""
    if day is None:
        return Release(ReleaseKind.UNKNOWN)
    return Release(ReleaseKind.DATED, day.year * 10_000 + day.month * 100 + day.day)


# GED versions as UCDP names files and API paths: "ged231", "GEDEvent_v23_1",
# "gedevents/22.1", "ged_22.1"; the version's major part is the year it was published.
_UCDP_VERSION = re.compile(r"(?:ged|gedevents?|_v|\bv)[_/ -]?(\d{2})[._]?([01])(?!\d)",
                           re.IGNORECASE)
_UCDP_GIVEN = re.compile(r"^\s*(?:ged\s*)?(\d{2})\.(\d)\s*$", re.IGNORECASE)


def ucdp_release(name: str | None, *, headerless: bool, years: list[int]) -> Release:
    """A UCDP file's release: *name* (the user's ``--release 23.1``, or the file's name,
    which UCDP and its republishers write the version into), a headerless file as a
    Candidate release, else the final version that covers the file's *years*: GED YY.1
    holds the years up to 20YY - 1."""
    if headerless:
        return Release(ReleaseKind.CANDIDATE)
    if name:
        found = _UCDP_GIVEN.match(name) or _UCDP_VERSION.search(Path(name).name)
        if found is not None:
            major, minor = int(found.group(1)), int(found.group(2))
            if minor == 0:
                return Release(ReleaseKind.CANDIDATE)
            return Release(ReleaseKind.UCDP, major * 100)
    if not years:
        return Release(ReleaseKind.UCDP, None)
    return Release(ReleaseKind.UCDP, (max(years) + 1 - 2000) * 100)


def given_ucdp_release(text: str) -> Release:
    """``--release`` for a UCDP file: "23.1", "GED 23.1" or "candidate"."""
    if text.strip().casefold() == "candidate":
        return Release(ReleaseKind.CANDIDATE)
    found = _UCDP_GIVEN.match(text)
    if found is None:
        raise ReleaseError(say("“{text}” is not a UCDP GED version: give it as 23.1, "
                               "GED 23.1 or candidate.").format(text=text))
    return ucdp_release(text, headerless=False, years=[])


def stored_release(kind: str, rank: int | None) -> Release:
    """A release as an import run stored it (import_run.release_kind, release_rank)."""
    return Release(ReleaseKind(kind), rank)
