"""The Chronology tests' workspace over the sample, and the view shown on it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from tracker.storage.database import Database
from tracker.ui.chronology.chronology_view import ChronologyView
from tracker.ui.common.workspace import Workspace


@pytest.fixture
def ws(sample_db: Database) -> Iterator[Workspace]:
    workspace = Workspace(sample_db)
    yield workspace
    workspace.deleteLater()


@pytest.fixture
def view(qtbot: QtBot, ws: Workspace) -> ChronologyView:
    widget = ChronologyView(ws)
    qtbot.addWidget(widget)
    widget.resize(1300, 700)
    with qtbot.waitExposed(widget):
        widget.show()
    return widget
