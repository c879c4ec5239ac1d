"""The edit log: every edit, by whom and when, in the edit's own transaction; append-only."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import DBAPIError

from tests.services.table_state import undo_of
from tracker.domain import identity
from tracker.domain.edit_log import EditLogEntry
from tracker.domain.factors import Factor
from tracker.services.exports.archive import export_archive
from tracker.services.exports.archive_import import import_archive
from tracker.services.factors.operations import new_factor
from tracker.services.records.edit_history import EditEntry
from tracker.storage.database import Database, open_database


@pytest.fixture
def named() -> Iterator[str]:
    identity.set_user_name("  Desk   Officer ")
    yield "Desk Officer"
    identity.set_user_name("")


def _log(db: Database) -> list[tuple[str, str, str, str, str]]:
    with db.reading() as session:
        return [(e.action, e.record_kind, e.fields, e.label, e.changed_by) for e in
                session.scalars(select(EditLogEntry).order_by(EditLogEntry.id))]


def test_adding_changing_and_deleting_are_logged_with_who(db: Database, named: str) -> None:
    before = datetime.now(UTC)
    with db.transaction() as session:
        created = new_factor(session, "Energy strikes", "on substations")
    with db.transaction() as session:
        factor = session.get(Factor, created.record_id)
        assert factor is not None
        factor.description = "on substations and rail"
    with db.transaction() as session:  # the step's undo (after an edit: nothing else uses it)
        undo_of(created)(session)

    assert _log(db) == [
        ("added", "factor", "", "Energy strikes", named),
        ("changed", "factor", "description", "Energy strikes", named),
        ("deleted", "factor", "", "Energy strikes", named),
    ]
    with db.reading() as session:
        stamps = list(session.scalars(select(EditLogEntry.changed_at)))
        ids = set(session.scalars(select(EditLogEntry.record_id)))
    assert ids == {created.record_id}
    assert all(before <= stamp <= datetime.now(UTC) + timedelta(seconds=1) for stamp in stamps)
    assert all(stamp.tzinfo is UTC for stamp in stamps)


def test_a_change_that_is_no_change_and_a_rolled_back_one_leave_nothing(db: Database) -> None:
    with db.transaction() as session:
        factor_id = new_factor(session, "Iran tensions").record_id
    with db.transaction() as session:
        factor = session.get(Factor, factor_id)
        assert factor is not None
        factor.name = "Iran tensions"  # the same value: nothing to record
    with pytest.raises(RuntimeError), db.transaction() as session:
        factor = session.get(Factor, factor_id)
        assert factor is not None
        factor.name = "U.S.–Iran tensions"
        session.flush()  # the entry is written, then rolled back with the change
        raise RuntimeError("the save failed")

    assert [(action, who) for action, _k, _f, _l, who in _log(db)] == [
        ("added", identity.os_user())]


@pytest.mark.parametrize("statement", ["UPDATE edit_log SET changed_by = 'someone else'",
                                       "DELETE FROM edit_log"])
def test_the_log_cannot_be_rewritten(db: Database, statement: str) -> None:
    with db.transaction() as session:
        new_factor(session, "Energy strikes")
    with pytest.raises(DBAPIError, match="append-only"), db.transaction() as session:
        session.execute(text(statement))
    assert len(_log(db)) == 1


def test_the_log_travels_in_the_archive_and_an_older_archive_without_it_is_read(
        db: Database, tmp_path: Path, named: str) -> None:
    with db.transaction() as session:
        new_factor(session, "Energy strikes")
    archive = tmp_path / "talks.json"
    with db.reading() as session:
        export_archive(session, archive)
    copy = open_database(tmp_path / "copy.db")
    try:
        import_archive(copy, archive)
        assert _log(copy) == _log(db)
    finally:
        copy.close()

    document = json.loads(archive.read_text(encoding="utf-8"))
    # The tables of 0017 (claims) come after the log: an archive of 0008 has neither.
    assert [table["name"] for table in document["tables"][-3:]] == [
        "edit_log", "casualty_claim", "database_setting"]
    del document["tables"][-3:]
    document["schema_revision"] = "0008"  # written before the log existed
    older = tmp_path / "older.json"
    older.write_text(json.dumps(document), encoding="utf-8")
    again = open_database(tmp_path / "again.db")
    try:
        summary = import_archive(again, older)
        assert summary.count("factor") == 1 and _log(again) == []
    finally:
        again.close()
    document["schema_revision"] = "0009"  # from a schema that had it: missing is damage
    older.write_text(json.dumps(document), encoding="utf-8")
    third = open_database(tmp_path / "third.db")
    try:
        with pytest.raises(Exception, match="lacks the tables edit_log"):
            import_archive(third, older)
    finally:
        third.close()


def test_the_command_line_tells_the_log_newest_first(
        db: Database, named: str, capsys: pytest.CaptureFixture[str]) -> None:
    from tracker import cli
    from tracker.storage.locations import describe

    with db.transaction() as session:
        first = new_factor(session, "Energy strikes").record_id
        new_factor(session, "Iran tensions")
    with db.transaction() as session:
        factor = session.get(Factor, first)
        assert factor is not None
        factor.name, factor.description = "Strikes on energy", "substations"

    target = db.url.render_as_string(hide_password=False) if not db.is_sqlite \
        else describe(db.url)
    assert cli.main(["log", "--db", target, "--kind", "factor", "--tz", "Europe/Kyiv"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split(f"  {named}  ")[1] for line in lines] == [
        f"changed factor #{first} “Strikes on energy”: name, description",
        f"added factor #{first + 1} “Iran tensions”",
        f"added factor #{first} “Energy strikes”",
    ]
    assert all(" EET  " in line for line in lines)  # told in the zone asked for
    assert cli.main(["log", "--db", target, "--tz", "Mars/Olympus"]) == 2


def test_touched_columns_are_told_by_the_kinds_field_table() -> None:
    def labels(table: str, *columns: str) -> tuple[str, ...]:
        return EditEntry(1, datetime.now(UTC), "", "changed", table, 1, columns,
                         "").field_labels

    # The four columns of a round's window are the one field "When"; the venue's id is
    # "Venue"; a column outside the table (a soft delete) keeps its own name.
    assert labels("round", "window_start", "window_end", "venue_id", "deleted_at") == (
        "when", "venue", "deleted at")
    assert labels("round_participant", "person_id", "note") == ("head of delegation", "note")
    assert labels("track", "name") == ("name",)
