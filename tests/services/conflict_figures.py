"""The concurrent-edit figure: conflicts provoked between two sessions, and how many were
detected. Found by tests/reliability_figures.py's ``find_provider("conflict_trials")``.

The trials go round every kind of editable record (a round through its schedule and its
details, a factor, a reading, a dependency, a seat, a venue, a source, a link). The
cases here are shared with the conflict tests (test_conflicts_kinds.py and the race).
"""

from __future__ import annotations

import random
import tempfile
from dataclasses import dataclass
from pathlib import Path

from tracker.domain.enums import (
    DependencyEffect,
    FactorLevel,
    FactorTrend,
    LinkKind,
    ParticipantRole,
    Reliability,
    RoundFormat,
    RoundStatus,
)
from tracker.domain.negotiation import Round
from tracker.services import rounds
from tracker.services.common.sample import load_sample
from tracker.services.records import reference
from tracker.services.records.conflicts import ConflictError
from tracker.services.records.record_edits import current, edit_record
from tracker.services.rounds import ChangeNote
from tracker.storage.database import Database, open_database

ROUND = 2  # the sample's scheduled round


@dataclass(frozen=True)
class Case:
    """One record of the sample and two edits of it: theirs, saved first, and mine."""

    kind: str
    record_id: int  # 0: a venue made by ``record_of`` (the sample has none)
    theirs: dict[str, object]
    mine: dict[str, object]
    # (field, mine as shown, theirs as shown), in the kind's field order.
    differences: list[tuple[str, str, str]]


CASES = [
    Case("round", ROUND, {"agenda": "Theirs"}, {"title": "Mine", "agenda": "Mine"},
         [("title", "Mine", "Trilateral talks announced for the coming week"),
          ("agenda", "Mine", "Theirs")]),
    Case("factor", 1, {"description": "Their account"},
         {"name": "U.S.–Iran standoff", "description": "My account"},
         [("name", "U.S.–Iran standoff", "U.S.–Iran tensions"),
          ("description", "My account", "Their account")]),
    Case("reading", 1, {"level": FactorLevel.CRITICAL, "note": "Theirs"},
         {"trend": FactorTrend.EASING, "note": "Mine"},
         [("level", "high", "critical"), ("trend", "easing", "rising"),
          ("note", "Mine", "Theirs")]),
    Case("dependency", 1, {"note": "Theirs"},
         {"effect": DependencyEffect.LEVERAGE, "note": "Mine"},
         [("effect", "leverage", "may postpone"), ("note", "Mine", "Theirs")]),
    Case("participant", 1, {"note": "Theirs"},
         {"role": ParticipantRole.OBSERVER, "note": "Mine"},
         [("role", "observer", "party"), ("note", "Mine", "Theirs")]),
    Case("venue", 0, {"latitude": 41.04},
         {"name": "Dolmabahce", "time_zone": "UTC"},
         [("name", "Dolmabahce", "Dolmabahçe Palace"), ("time_zone", "UTC", "Europe/Istanbul"),
          ("latitude", "41.039", "41.04")]),
    Case("source", 2, {"reliability": Reliability.CONFIRMED, "note": "Theirs"},
         {"url": "https://example.org/statement", "note": "Mine"},
         [("url", "https://example.org/statement", "(empty)"),
          ("reliability", "unverified", "confirmed"), ("note", "Mine", "Theirs")]),
    Case("link", 1, {"note": "Theirs"}, {"kind": LinkKind.CITED, "note": "Mine"},
         [("kind", "cited by a party", "escalation during talks"), ("note", "Mine", "Theirs")]),
]


def add_venue(db: Database) -> int:
    with db.transaction() as session:
        return reference.create_venue(session, name="Dolmabahçe Palace", city="Istanbul",
                                      country="Türkiye", latitude=41.039, longitude=29.0,
                                      time_zone="Europe/Istanbul")


def record_of(db: Database, case: Case) -> int:
    """The id of *case*'s record in *db* (a venue is made first: the sample has none)."""
    return add_venue(db) if case.kind == "venue" else case.record_id


# A free-text field each kind has, and an enumerated one that no constraint ties to other
# rows (changing a seat's role or a link's kind could collide with another row instead).
_TEXT = {"round": "agenda", "factor": "description", "reading": "note", "dependency": "note",
         "participant": "note", "venue": "city", "source": "note", "link": "note"}
_CHOICES: dict[str, tuple[str, list[object]]] = {
    "round": ("format", list(RoundFormat)), "reading": ("level", list(FactorLevel)),
    "source": ("reliability", list(Reliability)),
}


def _random_round_edit(rng: random.Random, db: Database, expected: int, tag: str) -> None:
    """A round's schedule or details, through the services its dialogs use."""
    with db.transaction() as session:
        round_ = session.get(Round, ROUND)
        assert round_ is not None
        if rng.random() < 0.5:
            edit_record(
                session, "round", ROUND, {"title": f"{round_.title[:40]} {tag}",
                                          "format": rng.choice(list(RoundFormat)),
                                          "agenda": f"{tag} {rng.random()}"}, expected)
        else:
            state = rounds.state_of(round_)
            choices = [s for s in (RoundStatus.SCHEDULED, RoundStatus.CONFIRMED,
                                   RoundStatus.POSTPONED) if s is not state.status]
            rounds.change_round(session, ROUND, rounds.RoundState(
                state.window, state.venue_id, rng.choice(choices)), ChangeNote(tag),
                allow_any=True, expected_version=expected)


def _random_edit(rng: random.Random, db: Database, kind: str, record_id: int,
                 expected: int, tag: str) -> None:
    """One save of random fields begun from version *expected* (ConflictError if stale)."""
    if kind == "round" and rng.random() < 0.5:
        _random_round_edit(rng, db, expected, tag)
        return
    values: dict[str, object] = {_TEXT[kind]: f"{tag} {rng.random():.6f}"}
    if kind in _CHOICES and rng.random() < 0.5:
        field, choices = _CHOICES[kind]
        values[field] = rng.choice(choices)
    with db.transaction() as session:
        edit_record(session, kind, record_id, values, expected_version=expected)


def conflict_trials(n: int, *, seed: int = 6) -> tuple[int, int]:
    """(provoked, detected): *n* times, two sessions (two engines on one file) read the same
    version of a record, each trial the next kind in turn, and both save random changes;
    the second save must be refused."""
    rng = random.Random(seed)
    detected = 0
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "conflicts.db"
        first, second = open_database(path), open_database(path)
        try:
            with first.transaction() as session:
                load_sample(session)
            records = {case.kind: record_of(first, case) for case in CASES}
            kinds = list(records)
            for trial in range(n):
                kind = kinds[trial % len(kinds)]
                with first.reading() as session:
                    # Both editors open their dialogs on this version.
                    _values, version = current(session, kind, records[kind])
                _random_edit(rng, first, kind, records[kind], version, f"A{trial}")
                try:
                    _random_edit(rng, second, kind, records[kind], version, f"B{trial}")
                except ConflictError:
                    detected += 1
        finally:
            first.close()
            second.close()
    return n, detected
