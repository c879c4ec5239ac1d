"""A round's detail as it was known on a past day, for the detail pane's as-of view.

The schedule history rebuilds a round's window, venue and status on any day
(``rounds.list_rounds(session, as_of)``); everything else in the pane (participants,
links, sources, the history itself) is not part of that history and reads as it is now.
A round deleted since still has its history, which is what the pane shows of it.
"""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy.orm import Session

from tracker.services import rounds
from tracker.services.common.errors import NotFoundError
from tracker.services.common.views import RoundDetail
from tracker.services.rounds import AsOf


def known_detail(session: Session, round_id: int, as_of: AsOf) -> RoundDetail | None:
    """*round_id* with its schedule as known on *as_of*'s day; None if it was not known."""
    row = next((known for known in rounds.list_rounds(session, as_of)
                if known.id == round_id), None)
    if row is None:
        return None
    try:
        detail = rounds.round_detail(session, round_id)
    except NotFoundError:  # deleted since
        return RoundDetail(row=row, agenda="", outcome="", participants=(), dependencies=(),
                           history=tuple(rounds.history(session, round_id)),
                           linked_events=(), sources=())
    return replace(detail, row=row)
