"""What an operation returns: what it changed, and how to take it back.

Every write intent (rounds.reschedule, record_edits.edit_record, calendar import…) checks
its rules, writes in the caller's transaction and returns an ``Outcome``: the topics the
views must re-read, the schedule change it recorded (if any), and ``undo``, the operation
that takes it back. Undoing returns an Outcome too, whose ``undo`` is the redo; so one
generic command in the window (ui/common/commands.py) can undo and redo any intent, and the
command line can run the same intents without knowing any of it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from sqlalchemy.orm import Session

from tracker.domain.errors import TrackerError
from tracker.services.common.topics import Topic

Undo = Callable[[Session], "Outcome"]


class ChangedSinceError(TrackerError):
    """An undo or redo would overwrite a change made after the step: nothing was done."""


@dataclass(frozen=True, slots=True)
class Outcome:
    """What one operation changed.

    Attributes:
        topics: what views showing the data must re-read.
        change_id: the schedule change the operation recorded (None: it recorded none).
        record_id: the record it created or changed.
        version: that record's version now, where it has one.
        undo: the operation taking this one back (None: nothing to take back); it
            returns an Outcome whose own ``undo`` does this one again.
    """

    topics: Topic
    change_id: int | None = None
    record_id: int | None = None
    version: int | None = None
    undo: Undo | None = None


def alternate(back: Undo, forth: Undo) -> Undo:
    """The undo of an operation: *back*, whose own undo is *forth*, whose undo is *back*…

    For a step whose way back and way forth do not depend on each other's results (a
    round's state before and after, its deletion and restoration).
    """
    def undo(session: Session) -> Outcome:
        return replace(back(session), undo=alternate(forth, back))

    return undo


def undo_reason(reason: str, prefix: str) -> str:
    """"Undo: <reason>" (or just "Undo"): how history tells an undo or a redo."""
    return f"{prefix}: {reason}" if reason.strip() else prefix
