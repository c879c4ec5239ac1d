"""Who decided a target category: the rules suggest, the analyst's choice always wins."""

from __future__ import annotations

import functools
import threading
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select, update

from tests.conftest import REAL_DATA
from tracker.domain.events import BattlefieldEvent
from tracker.domain.target_rules import TargetRule
from tracker.io.import_formats import ImportFormat
from tracker.services.events.events import EventFilter, count_events
from tracker.services.imports import importing
from tracker.services.imports.importing import import_events
from tracker.services.targets import suggest_ahead
from tracker.services.targets.categorising import categorise
from tracker.services.targets.review import accept_suggestions, choose_category, explain
from tracker.services.targets.rulebook import categories, save_rule
from tracker.storage import event_upsert
from tracker.storage.database import Database
from tracker.storage.rule_pass import CategorisingCancelled

UCDP = REAL_DATA / "ucdp_ged_ukraine_2014-2023_ged221+candidate_excel_cp1252.csv"


def _decided(db: Database) -> dict[str, tuple[str, str | None]]:
    with db.reading() as session:
        event = BattlefieldEvent
        return {row[0]: (row[1], row[2]) for row in session.execute(
            select(event.external_id, event.target_category, event.target_source))}


def _import(db: Database, path: Path = UCDP) -> None:
    import_events(db, path, ImportFormat.UCDP)


def test_an_import_suggests_categories_beyond_uncategorised(db: Database) -> None:
    _import(db)
    decided = _decided(db)
    found = {category for category, _source in decided.values()}
    assert {"energy", "transport", "residential", "medical", "military"} <= found
    assert "" not in found
    assert {source for _category, source in decided.values()} == {"rule"}


@pytest.mark.parametrize("second_process", [False, True], ids=["here", "second process"])
def test_new_events_are_categorised_as_they_load_as_a_pass_would(
        db: Database, second_process: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    """Both import writers apply the rules to each new row: decided at the import's own
    instant (so the pass after the load rewrites none), and the very suggestions a pass
    over the same events makes, whether a large file's second process found them or the
    import's own (services.targets.suggest_ahead)."""
    used: list[bool] = []
    start = suggest_ahead.Suggester.__init__

    def noted(self: suggest_ahead.Suggester, *args: Any, **kwargs: Any) -> None:
        start(self, *args, **kwargs)
        used.append(self.in_second_process)

    monkeypatch.setattr(suggest_ahead.Suggester, "__init__", noted)
    # The real file (3,883 lines) is below the size that uses one; a second process is
    # started only when the caller allows it (the program's own entry points do).
    monkeypatch.setattr(suggest_ahead, "SECOND_PROCESS_FROM_LINES", 1)
    import_events(db, UCDP, ImportFormat.UCDP, second_processes=second_process)
    assert used == [second_process]
    event = BattlefieldEvent
    suggestion = select(event.external_id, event.target_category, event.target_rule,
                        event.target_confidence)
    with db.reading() as session:
        loaded = set(session.execute(suggestion).all())
        assert session.scalar(select(func.count()).where(
            event.target_decided_at != event.imported_at)) == 0
    with db.transaction() as session:  # every event open to the rules again
        session.execute(update(event).values(target_category="", target_source=None,
                                             target_rule=None, target_confidence=None,
                                             target_decided_at=None))
    categorise(db)
    with db.reading() as session:
        assert set(session.execute(suggestion).all()) == loaded
    assert len(loaded) > 1000


def test_the_rule_pass_after_a_load_runs_only_for_what_the_load_left_open(
        db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    """A first import decides every new event as it loads: the pass over the run's
    events is left out. A re-import that writes over stored events runs it, and an
    event whose summary it restores gets the rules' category again."""
    passes: list[int | None] = []
    pass_over = importing.suggest_targets

    def noted(connection: Any, **kwargs: Any) -> Any:
        passes.append(kwargs["run_id"])
        return pass_over(connection, **kwargs)

    monkeypatch.setattr(importing, "suggest_targets", noted)
    _import(db)
    assert passes == []
    first = _decided(db)
    event = BattlefieldEvent
    with db.reading() as session:
        changed = session.scalars(select(event.id).where(event.target_category == "energy")
                                  .order_by(event.id).limit(1)).one()
    with db.transaction() as session:  # a summary the file will put back, decided so
        session.execute(update(event).where(event.id == changed).values(
            summary="nothing to go by", target_category="unknown", target_rule=None,
            target_confidence=None))
    _import(db)
    assert len(passes) == 1 and passes[0] is not None
    assert _decided(db) == first


@pytest.mark.sqlite_only  # on PostgreSQL imports load with PgBulkLoad, tested above
def test_new_events_the_portable_writer_loads_undecided_are_left_to_the_pass(
        db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    """The portable writer (SQLAlchemy Core, for any database) inserts new events with
    no category decided: the pass after the load decides every one."""
    monkeypatch.setattr(importing, "EventUpsert",
                        functools.partial(event_upsert.EventUpsert, portable=True))
    _import(db)
    decided = _decided(db)
    assert "" not in {category for category, _source in decided.values()}
    assert {source for _category, source in decided.values()} == {"rule"}


def test_the_analysts_choice_survives_a_reimport_and_a_new_pass(db: Database) -> None:
    _import(db)
    with db.reading() as session:
        some = session.scalars(select(BattlefieldEvent.id).order_by(BattlefieldEvent.id)
                               .limit(3)).all()
    with db.transaction() as session:
        choose_category(session, some[:2], "water")
        accept_suggestions(session, some[2:])
    chosen = _decided(db)
    # The dataset changes the records (the digest differs), then they come back.
    with db.transaction() as session:
        session.execute(update(BattlefieldEvent).values(raw_digest=0))
    _import(db)
    categorise(db)
    after = _decided(db)
    assert after == chosen
    with db.reading() as session:
        assert "water" in categories(session)
        assert count_events(session, EventFilter(unreviewed=True)) == len(after) - 3


def test_review_is_undone_and_redone(db: Database) -> None:
    _import(db)
    with db.reading() as session:
        event_id = session.scalars(select(BattlefieldEvent.id).limit(1)).one()
    before = _decided(db)
    with db.transaction() as session:
        outcome = choose_category(session, [event_id], "medical")
    with db.transaction() as session:
        assert outcome.undo is not None
        undone = outcome.undo(session)
    assert _decided(db) == before
    with db.transaction() as session:
        assert undone.undo is not None
        undone.undo(session)
    assert "analyst" in {source for _c, source in _decided(db).values()}


def test_a_rule_of_the_analysts_applies_on_the_next_pass_but_not_over_choices(
        db: Database) -> None:
    _import(db)
    with db.transaction() as session:
        save_rule(session, TargetRule("mine.digest", "other", 0.99, ("summary",),
                                      ("mediazone",)))
    categorise(db)
    with db.reading() as session:
        event = BattlefieldEvent
        row = session.execute(select(event.id, event.target_category, event.target_rule)
                              .where(event.summary.like("%Mediazone%")).limit(1)).one()
        reason = explain(session, row.id)
    assert (row.target_category, row.target_rule) == ("other", "mine.digest")
    assert reason is not None and reason.matched == ("mediazone",)


def test_a_cancelled_pass_changes_nothing_and_progress_is_told(db: Database) -> None:
    _import(db)
    with db.transaction() as session:
        session.execute(update(BattlefieldEvent).values(target_category="other"))
    before = _decided(db)
    cancel = threading.Event()
    told: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> None:
        told.append((done, total))
        cancel.set()  # after the first page

    with pytest.raises(CategorisingCancelled):
        categorise(db, progress=progress, cancel=cancel)
    assert _decided(db) == before
    assert told and told[0][1] == len(before)
