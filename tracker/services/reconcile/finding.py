"""Find candidate pairs between two datasets (the search itself is SQL: storage/match_candidates).

A search replaces the pairs still waiting for a decision between the two datasets with
what it finds now (a narrower distance drops the far ones); decided pairs are kept as
they are, and never proposed again either way round.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import Select, delete, func, select
from sqlalchemy.orm import Session, aliased

from tracker.domain.errors import TrackerError
from tracker.domain.events import BattlefieldEvent
from tracker.domain.matches import DEFAULT_MAX_KM, EventMatch, MatchStatus
from tracker.services.imports.importing import ImportCancelled
from tracker.storage.match_candidates import SearchTerms, find_pairs

# Farther than this, two reports of one strike are not "the same place" any more.
LARGEST_MAX_KM = 500.0


class SearchRefused(TrackerError):
    """The search cannot run as asked (the same dataset twice, a distance out of range)."""


@dataclass(frozen=True, slots=True)
class FindProgress:
    """How far a search is: stretches of the first dataset's days searched."""

    done: int
    total: int
    elapsed: float

    @property
    def fraction(self) -> float:
        return self.done / self.total if self.total else 0.0


@dataclass(frozen=True, slots=True)
class FindResult:
    """What a search did."""

    terms: SearchTerms
    proposed: int  # pairs waiting for a decision now
    found: int  # pairs this search added
    decided: int  # pairs between the two datasets already accepted or rejected
    seconds: float

    def summary(self) -> str:
        return (f"{self.proposed:,} candidate pairs between {self.terms.left} and "
                f"{self.terms.right} within {self.terms.max_km:g} km "
                f"({self.decided:,} already decided), in {self.seconds:.1f} s")


def search_terms(left: str, right: str, max_km: float = DEFAULT_MAX_KM) -> SearchTerms:
    """The terms of a search, checked."""
    if left == right:
        raise SearchRefused(f"Choose two different datasets (both are {left!r}).")
    if not 0 < max_km <= LARGEST_MAX_KM:
        raise SearchRefused(f"The distance must be more than 0 and at most "
                            f"{LARGEST_MAX_KM:g} km (it is {max_km:g}).")
    return SearchTerms(left, right, max_km)


def find_candidates(session: Session, terms: SearchTerms, *,
                    progress: Callable[[FindProgress], None] | None = None,
                    cancel: threading.Event | None = None) -> FindResult:
    """Propose the pairs between *terms*' datasets, in the caller's transaction; raises
    ImportCancelled (rolled back by the caller) once *cancel* is set."""
    started = time.monotonic()
    known = set(session.scalars(select(BattlefieldEvent.dataset).distinct()))
    for name in (terms.left, terms.right):
        if name not in known:
            raise SearchRefused(f"There is no dataset {name!r}; the datasets are: "
                                f"{', '.join(sorted(known)) or 'none yet'}.")
    session.execute(delete(EventMatch).where(
        EventMatch.id.in_(_between(terms, MatchStatus.PROPOSED).scalar_subquery())))

    def step(done: int, total: int) -> None:
        if cancel is not None and cancel.is_set():
            raise ImportCancelled("Cancelled on request.")
        if progress is not None:
            progress(FindProgress(done, total, time.monotonic() - started))

    found = find_pairs(session.connection(), terms, step)
    # Every proposal between the two datasets is this search's (the older ones were
    # deleted above); only the decided pairs are counted, through the status index.
    decided = session.scalar(select(func.count()).select_from(
        _between(terms, MatchStatus.ACCEPTED, MatchStatus.REJECTED).subquery())) or 0
    return FindResult(terms, found, found, decided, time.monotonic() - started)


def _between(terms: SearchTerms, *statuses: MatchStatus) -> Select[int]:
    """The ids of the pairs with one of *statuses* joining the two datasets, either way
    round (read from the status index: never every pair's two events)."""
    left, right = aliased(BattlefieldEvent), aliased(BattlefieldEvent)
    return (select(EventMatch.id)
            .join(left, left.id == EventMatch.left_id)
            .join(right, right.id == EventMatch.right_id)
            .where(EventMatch.status.in_(statuses),
                   ((left.dataset == terms.left) & (right.dataset == terms.right))
                   | ((left.dataset == terms.right) & (right.dataset == terms.left))))
