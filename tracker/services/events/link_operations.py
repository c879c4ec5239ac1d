"""Linking an event to a round or factor and unlinking it: the operations, with their undo.

``add_link`` and ``remove_link`` are the only way a link is made or taken away (the
window, tests and scripts alike). Each checks the rules, writes in the caller's
transaction and returns an Outcome (services/common/outcome.py) whose ``undo`` takes the
step back and whose undo's undo does it again. A link comes back under its old id, with
its creation time and any citation added to it in the meantime, so later steps on the
undo stack that name it still find it. What a link is (LinkSpec, its cleaned columns)
is shared with an edit of one, in linking.py.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from tracker.domain.events import EventLink
from tracker.domain.factors import Factor
from tracker.domain.sources import Citation, Source
from tracker.services.common.errors import NotFoundError, ValidationError
from tracker.services.common.outcome import Outcome
from tracker.services.common.topics import topic_of
from tracker.services.events.events import event_row
from tracker.services.events.linking import LinkCitation, LinkSpec, clean_link, link_taken
from tracker.services.records.removals import Removal
from tracker.services.rounds import get_round

LINK_TOPICS = topic_of(["event_link"])


def add_link(session: Session, spec: LinkSpec, *, link_id: int | None = None) -> Outcome:
    """Link an event to a round or factor (Outcome.record_id: the link's id); undo unlinks
    it, and redo brings it back under the same id.

    *link_id* re-creates a removed link under its old id; a spec ``remove_link`` read
    brings back the link's creation time and citations too.
    """
    made = _insert(session, spec, link_id)

    def unlink(session: Session) -> Outcome:
        removed = _delete(session, made)
        return Outcome(LINK_TOPICS, record_id=made,
                       undo=lambda session: add_link(session, removed, link_id=made))

    return Outcome(LINK_TOPICS, record_id=made, undo=unlink)


def remove_link(session: Session, link_id: int, *,
                expected_version: int | None = None) -> Outcome:
    """Unlink; undo re-creates the link with the same id, kind, note and citations.

    *expected_version*: the link as the user was shown it; ConflictError if it changed
    since, NotFoundError if someone removed it already (see removals.py for the redo).
    """
    return Removal("link", link_id, _delete, _insert, LINK_TOPICS).run(
        session, expected_version)[0]


def _insert(session: Session, spec: LinkSpec, link_id: int | None) -> int:
    """Create the link (under *link_id* when given) and return its id."""
    if (spec.round_id is None) == (spec.factor_id is None):
        raise ValidationError("target", "Link an event to exactly one round or one factor")
    event_row(session, spec.event_id)  # raises NotFoundError for a missing event
    if spec.round_id is not None:
        get_round(session, spec.round_id)
    if spec.factor_id is not None and session.get(Factor, spec.factor_id) is None:
        raise NotFoundError(f"Factor {spec.factor_id} does not exist")
    _check_sources(session, spec.citations)
    link = EventLink(event_id=spec.event_id, round_id=spec.round_id,
                     factor_id=spec.factor_id, **clean_link(spec.kind, spec.note))
    if spec.created_at is not None:
        link.created_at = spec.created_at
    if link_id is not None:
        link.id = link_id
    try:
        with session.begin_nested():
            session.add(link)
    except IntegrityError as exc:
        raise link_taken() from exc
    # New citation ids, not the old ones: nothing refers to a citation by id, and SQLite
    # may have given a removed id to another row since.
    session.add_all(Citation(source_id=cited.source_id, detail=cited.detail,
                             event_link_id=link.id) for cited in spec.citations)
    session.flush()
    return link.id


def _check_sources(session: Session, citations: tuple[LinkCitation, ...]) -> None:
    """A source deleted since the unlink cannot be cited again; say so before inserting."""
    wanted = {cited.source_id for cited in citations}
    if not wanted:
        return
    found = set(session.scalars(select(Source.id).where(Source.id.in_(wanted))))
    if missing := wanted - found:
        raise NotFoundError(f"Source {min(missing)} no longer exists")


def _delete(session: Session, link_id: int) -> LinkSpec:
    """Remove a link and return what it was, citations included, so undo can put it back."""
    link = session.get(EventLink, link_id)
    if link is None:
        raise NotFoundError(f"Link {link_id} does not exist")
    # Read before deleting: the database drops the link's citations with it (CASCADE).
    citations = tuple(
        LinkCitation(source_id, detail) for source_id, detail in session.execute(
            select(Citation.source_id, Citation.detail)
            .where(Citation.event_link_id == link_id).order_by(Citation.id)
        )
    )
    spec = LinkSpec(link.event_id, link.round_id, link.factor_id, link.kind, link.note,
                    created_at=link.created_at, citations=citations)
    session.delete(link)
    session.flush()
    return spec
