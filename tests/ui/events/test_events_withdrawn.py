"""Withdrawn events stay in the Events table, struck through, with a tooltip saying why
(issue 17); current ones are drawn as before."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from tracker.services.imports.importing import ImportFormat, import_events
from tracker.storage.database import Database
from tracker.ui.common.workspace import Workspace
from tracker.ui.events.events_model import (
    DATE,
    SUMMARY,
    EventRowRole,
    EventsTableModel,
    RecordStatusRole,
)

ACLED = Path(__file__).resolve().parents[2] / "data" / "acled" / "releases"


@pytest.fixture
def withdrawn_one(db: Database) -> Iterator[Workspace]:
    """The first export, then the later one that lacks UKR143804."""
    import_events(db, ACLED / "acled_ukr_export_2024-01-10.csv", ImportFormat.ACLED)
    import_events(db, ACLED / "acled_ukr_export_2024-01-17.csv", ImportFormat.ACLED)
    ws = Workspace(db)
    yield ws
    ws.deleteLater()


def test_a_withdrawn_event_is_struck_through(withdrawn_one: Workspace) -> None:
    model = EventsTableModel(withdrawn_one)
    model.sort(DATE, Qt.SortOrder.AscendingOrder)
    assert model.rowCount() == 6  # withdrawn events are listed, not hidden
    struck = {}
    for row in range(model.rowCount()):
        event = model.index(row, DATE).data(EventRowRole)
        font = model.index(row, SUMMARY).data(Qt.ItemDataRole.FontRole)
        struck[event.external_id] = font is not None and font.strikeOut()
        status = model.index(row, DATE).data(RecordStatusRole)
        assert status == ("withdrawn" if event.external_id == "UKR143804" else "current")
    assert struck == {key: key == "UKR143804" for key in struck}
    row = next(row for row in range(model.rowCount())
               if model.index(row, DATE).data(EventRowRole).external_id == "UKR143804")
    assert "Withdrawn by its source" in model.index(row, SUMMARY).data(
        Qt.ItemDataRole.ToolTipRole)
