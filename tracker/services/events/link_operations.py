"""Linking an event to a round or factor and unlinking it: the operations, with their undo.

``add_link`` and ``remove_link`` check the rules (linking.py), write in the caller's
transaction and return an Outcome (services/common/outcome.py) whose ``undo`` takes the
step back and whose undo's undo does it again. A link comes back under its old id, with
its creation time and any citation added to it in the meantime, so later steps on the
undo stack that name it still find it.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from tracker.services.common.outcome import Outcome
from tracker.services.common.topics import topic_of
from tracker.services.events import linking
from tracker.services.events.linking import LinkSpec
from tracker.services.records.removals import Removal

LINK_TOPICS = topic_of(["event_link"])


def add_link(session: Session, spec: LinkSpec, *, link_id: int | None = None) -> Outcome:
    """Link an event to a round or factor (Outcome.record_id: the link's id); undo unlinks
    it, and redo brings it back under the same id (*link_id*)."""
    made = linking.link_event(session, spec, link_id=link_id)

    def unlink(session: Session) -> Outcome:
        removed = linking.unlink(session, made)
        return Outcome(LINK_TOPICS, record_id=made,
                       undo=lambda session: add_link(session, removed, link_id=made))

    return Outcome(LINK_TOPICS, record_id=made, undo=unlink)


def remove_link(session: Session, link_id: int, *,
                expected_version: int | None = None) -> Outcome:
    """Unlink; undo re-creates the link with the same id, kind, note and citations.

    *expected_version*: the link as the user was shown it; ConflictError if it changed
    since, NotFoundError if someone removed it already (see removals.py for the redo).
    """
    return _removal(link_id).run(session, expected_version)[0]


def _removal(link_id: int) -> Removal[LinkSpec]:
    return Removal("link", link_id, linking.unlink,
                   lambda session, spec, record_id: linking.link_event(
                       session, spec, link_id=record_id), LINK_TOPICS)
