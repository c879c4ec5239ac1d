"""An archive carries an event's country (migration 0012); one written before it restores
with none, as the migration left existing rows."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from tests.services.scenario import add_events
from tracker.domain.events import BattlefieldEvent
from tracker.services.exports.archive import export_archive
from tracker.services.exports.archive_import import ArchiveError, import_archive
from tracker.storage.database import Database, open_database


def _restored_countries(folder: Path, document: object) -> list[str]:
    path = folder / f"archive-{len(list(folder.glob('*.json')))}.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    copy = open_database(folder / f"{path.stem}.db")
    try:
        import_archive(copy, path)
        with copy.reading() as session:
            return list(session.scalars(select(BattlefieldEvent.country)
                                        .order_by(BattlefieldEvent.id)))
    finally:
        copy.close()


def test_an_archive_written_before_the_country_restores_without_one(
        db: Database, tmp_path: Path) -> None:
    with db.transaction() as session:
        add_events(session, [{"event_date": date(2022, 3, 1), "country": "Україна"}])
    archive = tmp_path / "events.json"
    with db.reading() as session:
        export_archive(session, archive)
    document = json.loads(archive.read_text(encoding="utf-8"))
    assert _restored_countries(tmp_path, document) == ["Україна"]
    [events] = [table for table in document["tables"] if table["name"] == "battlefield_event"]
    assert [row.pop("country") for row in events["rows"]] == ["Україна"]
    document["schema_revision"] = "0011"  # written before migration 0012
    assert _restored_countries(tmp_path, document) == [""]  # as migrated
    document["schema_revision"] = "0012"  # from a schema that had it: missing is damage
    with pytest.raises(ArchiveError, match="'battlefield_event', row 1, field 'country'"):
        _restored_countries(tmp_path, document)
