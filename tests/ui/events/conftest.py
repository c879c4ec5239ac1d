"""Fixtures the Events tests share: the real UCDP file imported into a fresh database."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.conftest import REAL_DATA
from tracker.services.imports.importing import ImportFormat, import_events
from tracker.storage.database import Database
from tracker.ui.common.workspace import Workspace

CP1252 = REAL_DATA / "ucdp_ged_ukraine_2014-2023_ged221+candidate_excel_cp1252.csv"


@pytest.fixture
def imported(db: Database) -> Iterator[Workspace]:
    """A workspace over the real UCDP file (3,883 events), as its import left it."""
    import_events(db, CP1252, ImportFormat.UCDP)
    ws = Workspace(db)
    yield ws
    ws.deleteLater()
