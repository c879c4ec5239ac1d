"""A round's schedule replayed in the order its changes were announced.

Each history row keeps the round's whole state before and after, as the user saw it when
entering the change. A change typed in after the fact (a postponement announced on 1 Feb
but entered on 5 Dec, after a reschedule entered earlier) was applied to the state of the
day it was typed, so its row's "before" (and any field it did not touch) is what was known
on 5 Dec, not on 1 Feb. Telling it that way would date a later fact to 1 Feb.

So the views that follow the announcements (the chronology, the schedule as known on a
day) do not read a row's whole state: they replay what each standing change *changed*
(the fields whose old and new values differ; all of them for a round's creation), in the
order the changes were announced, and describe each change from the state the earlier
announcements had left. A retraction and the change it withdraws are left out (see
retractions.py); a deletion hides the round and a restoration shows it again.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import datetime

from sqlalchemy import ColumnElement, select, true
from sqlalchemy.orm import Session

from tracker.domain.announcement import Announcement
from tracker.domain.chronology import announced_when
from tracker.domain.enums import ChangeKind
from tracker.domain.negotiation import ScheduleChange, Venue
from tracker.services.rounds.retractions import corrections
from tracker.services.rounds.rules import RoundState


@dataclass(frozen=True, slots=True)
class Transition:
    """What one standing change did, in announcement order."""

    change_id: int
    round_id: int
    kind: ChangeKind
    announced: Announcement
    before: RoundState | None  # None: the round's creation
    after: RoundState
    gone: bool  # the round is deleted after it


def replay(session: Session, round_ids: Iterable[int] | None = None,
           announced_by: ColumnElement[bool] | None = None) -> dict[int, list[Transition]]:
    """Each round's standing changes (announced by *announced_by*, an SQL condition on
    ScheduleChange, if given), replayed in announcement order: round id -> transitions."""
    standing = corrections(session, round_ids)
    query = select(ScheduleChange).where(standing.in_effect_clause(),
                                         announced_by if announced_by is not None else true())
    if round_ids is not None:
        query = query.where(ScheduleChange.round_id.in_(sorted(set(round_ids))))
    by_round: dict[int, list[ScheduleChange]] = {}
    for change in session.scalars(query):
        by_round.setdefault(change.round_id, []).append(change)
    return {round_id: _replayed(sorted(changes, key=_announcement_order))
            for round_id, changes in by_round.items()}


def _announcement_order(change: ScheduleChange) -> tuple[bool, datetime, int]:
    # A round's creation comes first whatever its date says: nothing can change a round
    # before it exists.
    return (change.kind is not ChangeKind.CREATED, announced_when(change.announced),
            change.id)


def _replayed(changes: list[ScheduleChange]) -> list[Transition]:
    state: RoundState | None = None
    gone = False
    found: list[Transition] = []
    for change in changes:
        before = state
        state = _applied(state, change)
        if state is None:  # a change of a round whose creation is not among them
            continue
        if change.kind is ChangeKind.DELETED:
            gone = True
        elif change.kind in (ChangeKind.RESTORED, ChangeKind.CREATED):
            gone = False
        found.append(Transition(change.id, change.round_id, change.kind, change.announced,
                                before, state, gone))
    return found


def _applied(state: RoundState | None, change: ScheduleChange) -> RoundState | None:
    """*state* with what *change* changed; a creation sets everything."""
    new_window, old_window = change.new_window, change.old_window
    if new_window is None or change.new_status is None:
        return state
    if change.kind is ChangeKind.CREATED or old_window is None:
        return RoundState(new_window, change.new_venue_id, change.new_status)
    if state is None:
        # Before its creation was announced the round was not known: a change announced
        # earlier (its creation dated when it was typed) has nothing to change yet.
        return None
    if new_window != old_window:
        state = replace(state, window=new_window)
    if change.new_venue_id != change.old_venue_id:
        state = replace(state, venue_id=change.new_venue_id)
    if change.new_status != change.old_status:
        state = replace(state, status=change.new_status)
    return state


def transitions_by_change(session: Session,
                          round_ids: Iterable[int]) -> dict[int, Transition]:
    """change id -> what it did in announcement order, for *round_ids*' standing changes."""
    return {transition.change_id: transition
            for transitions in replay(session, round_ids).values()
            for transition in transitions}


def venue_names(session: Session, transitions: Iterable[Transition]) -> dict[int, str]:
    """The names of the venues *transitions* move between, by id."""
    ids = {state.venue_id for transition in transitions
           for state in (transition.before, transition.after)
           if state is not None and state.venue_id is not None}
    if not ids:
        return {}
    return {venue_id: name for venue_id, name in session.execute(
        select(Venue.id, Venue.name).where(Venue.id.in_(sorted(ids))))}
