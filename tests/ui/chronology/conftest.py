"""The Chronology tests' workspace over the sample, and the view shown on it."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from tracker.ui.chronology.chronology_view import ChronologyView
from tracker.ui.common.workspace import Workspace


@pytest.fixture
def ws(sample_workspace: Workspace) -> Workspace:
    """The sample's workspace (tests/ui/conftest.py), by the name these tests use."""
    return sample_workspace


@pytest.fixture
def view(qtbot: QtBot, ws: Workspace) -> ChronologyView:
    widget = ChronologyView(ws)
    qtbot.addWidget(widget)
    widget.resize(1300, 700)
    with qtbot.waitExposed(widget):
        widget.show()
    return widget
