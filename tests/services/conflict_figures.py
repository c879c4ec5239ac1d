"""The concurrent-edit figure: conflicts provoked between two sessions, and how many were
detected. Found by tests/reliability_figures.py's ``find_provider("conflict_trials")``."""

from __future__ import annotations

import random
import tempfile
from pathlib import Path

from tracker.domain.enums import RoundFormat, RoundStatus
from tracker.domain.negotiation import Round
from tracker.services import schedule
from tracker.services.conflicts import ConflictError
from tracker.services.sample import load_sample
from tracker.services.schedule import ChangeNote
from tracker.storage.database import Database, open_database

ROUND = 2  # the sample's scheduled round


def _random_edit(rng: random.Random, db: Database, expected: int, tag: str) -> None:
    """One save of random fields begun from version *expected* (ConflictError if stale)."""
    with db.transaction() as session:
        round_ = session.get(Round, ROUND)
        assert round_ is not None
        if rng.random() < 0.5:
            schedule.edit_details(
                session, ROUND, title=f"{round_.title[:40]} {tag}",
                format=rng.choice(list(RoundFormat)), agenda=f"{tag} {rng.random()}",
                outcome=round_.outcome, expected_version=expected)
        else:
            state = schedule.state_of(round_)
            choices = [s for s in (RoundStatus.SCHEDULED, RoundStatus.CONFIRMED,
                                   RoundStatus.POSTPONED) if s is not state.status]
            schedule.change_round(session, ROUND, schedule.RoundState(
                state.window, state.venue_id, rng.choice(choices)), ChangeNote(tag),
                allow_any=True, expected_version=expected)


def conflict_trials(n: int, *, seed: int = 6) -> tuple[int, int]:
    """(provoked, detected): *n* times, two sessions (two engines on one file) read the same
    version of a round and both save random changes; the second save must be refused."""
    rng = random.Random(seed)
    detected = 0
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "conflicts.db"
        first, second = open_database(path), open_database(path)
        try:
            with first.transaction() as session:
                load_sample(session)
            for trial in range(n):
                with first.reading() as session:
                    found = session.get(Round, ROUND)
                    assert found is not None
                    version = found.version  # both editors open their dialogs here
                _random_edit(rng, first, version, f"A{trial}")
                try:
                    _random_edit(rng, second, version, f"B{trial}")
                except ConflictError:
                    detected += 1
        finally:
            first.close()
            second.close()
    return n, detected
