"""Linking and unlinking as operations: each Outcome's undo puts the database back, ids
included, and the undo's undo does the step again. No Qt."""

from __future__ import annotations

import pytest

from tests.services.table_state import assert_undo_and_redo, run, table_state, undo_of
from tracker.domain.enums import LinkKind
from tracker.services.common.outcome import ChangedSinceError
from tracker.services.events.link_operations import LINK_TOPICS, add_link, remove_link
from tracker.services.events.linking import LinkSpec
from tracker.services.records.citations import cite
from tracker.services.records.conflicts import ConflictError
from tracker.services.records.record_edits import edit_record
from tracker.storage.database import Database

# Citations come back with the link under new ids: nothing refers to a citation by id.
TABLES = ("event_link", "citation")
NEW_IDS = ("citation",)
FIRST_LINK = 1  # event 1 to the announced round, in the sample


def _state(db: Database) -> dict[str, list[tuple[object, ...]]]:
    return table_state(db, *TABLES, new_ids=NEW_IDS)


def test_add_link_is_undone_and_redone_under_the_same_id(sample_db: Database) -> None:
    spec = LinkSpec(7, None, 3, LinkKind.CONTEXT, " grid strikes ")
    done = assert_undo_and_redo(sample_db, lambda s: add_link(s, spec), *TABLES,
                                new_ids=NEW_IDS)
    assert done.record_id is not None and done.topics == LINK_TOPICS


def test_a_citation_added_after_linking_survives_undo_and_redo(sample_db: Database) -> None:
    done = run(sample_db, lambda s: add_link(s, LinkSpec(7, 2, None, LinkKind.CITED)))
    link_id = done.record_id
    assert link_id is not None
    with sample_db.transaction() as session:
        cite(session, 1, "event_link_id", link_id, "para. 2")
    cited = _state(sample_db)
    undone = run(sample_db, undo_of(done))
    assert _state(sample_db) != cited
    run(sample_db, undo_of(undone))
    assert _state(sample_db) == cited


def test_remove_link_is_undone_under_its_id_with_its_citations(sample_db: Database) -> None:
    with sample_db.transaction() as session:
        cite(session, 2, "event_link_id", FIRST_LINK, "quoted")
    done = assert_undo_and_redo(
        sample_db, lambda s: remove_link(s, FIRST_LINK, expected_version=1), *TABLES,
        new_ids=NEW_IDS)
    assert done.record_id == FIRST_LINK


def test_remove_link_refuses_a_version_the_user_did_not_see(sample_db: Database) -> None:
    run(sample_db, lambda s: edit_record(s, "link", FIRST_LINK, {"note": "Later"}, None))
    before = _state(sample_db)
    with pytest.raises(ConflictError):
        run(sample_db, lambda s: remove_link(s, FIRST_LINK, expected_version=1))
    assert _state(sample_db) == before


def test_a_redo_after_someone_changed_the_link_keeps_their_change(
        sample_db: Database) -> None:
    done = run(sample_db, lambda s: remove_link(s, FIRST_LINK, expected_version=1))
    put_back = run(sample_db, undo_of(done))
    assert put_back.version is not None
    run(sample_db, lambda s: edit_record(s, "link", FIRST_LINK, {"note": "Theirs"},
                                         put_back.version))
    changed = _state(sample_db)
    with pytest.raises(ChangedSinceError, match="after this removal was undone"):
        run(sample_db, undo_of(put_back))
    assert _state(sample_db) == changed
