"""New Source… in a schedule-change dialog: typed in the real dialog, created with the
change in one transaction, cited by it, and not created twice by redo."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from tests.ui.rounds.test_round_dialogs import (
    LEFT,
    ROUND,
    change_dialog,
    error,
    last_change,
    part,
    press_ok,
    retype,
    state,
    when_shown,
)
from tracker.services import rounds
from tracker.services.records.citations import list_sources
from tracker.ui.common.source_dialog import NewSourceDialog
from tracker.ui.common.workspace import Workspace
from tracker.ui.rounds.round_dialogs import ChangeMode

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

ARTICLE = "https://www.reuters.com/world/europe/talks-moved"


def test_a_change_cites_a_source_typed_for_it_and_redo_does_not_copy_it(
        qtbot: QtBot, sample_workspace: Workspace) -> None:
    ws = sample_workspace
    sources_before = ws.read(list_sources)
    dialog = change_dialog(qtbot, ws, ChangeMode.RESCHEDULE)

    def fill(source: NewSourceDialog) -> None:
        ok = source.buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert not ok.isEnabled() and error(source, "source-outlet-error") == ""
        qtbot.keyClicks(part(source, "source-outlet"), "Reuters")
        qtbot.keyClicks(part(source, "source-url"), "reuters.com/world")
        assert error(source, "source-url-error") == \
            "A web address starts with http:// or https://"
        assert not ok.isEnabled()
        retype(qtbot, part(source, "source-url"), ARTICLE)
        qtbot.keyClicks(part(source, "source-title"), "Talks moved")
        tomorrow = date.today() + timedelta(days=1)
        qtbot.keyClicks(part(source, "source-published"), f"{tomorrow:%d %b %Y}")
        assert error(source, "source-published_on-error").endswith("is in the future")
        retype(qtbot, part(source, "source-published"), "2 Feb 2026")
        assert ok.isEnabled()
        qtbot.mouseClick(ok, LEFT)

    driven = when_shown(NewSourceDialog, dialog, fill)
    qtbot.mouseClick(part(dialog, "new-source-button"), LEFT)
    assert len(driven) == 1
    assert part(dialog, "change-source").currentText() == \
        f"Reuters, “Talks moved”, {ARTICLE} (new)"
    assert ws.read(list_sources) == sources_before  # nothing written before OK

    retype(qtbot, part(dialog, "window-text"), "6 Feb 2026")
    press_ok(qtbot, dialog)
    assert last_change(ws).source == f"Reuters, “Talks moved”, 2 Feb 2026, {ARTICLE}"
    after = ws.read(list_sources)
    assert len(after) == len(sources_before) + 1

    changed = state(ws)
    ws.undo_stack.undo()
    ws.undo_stack.redo()
    assert state(ws) == changed
    # The redo retracts the undo: the change that cites the source stands again, and no
    # second copy of the source (or of the citation) is made.
    *_, cited, undone, redone = ws.read(lambda s: rounds.history(s, ROUND))
    assert cited.source == f"Reuters, “Talks moved”, 2 Feb 2026, {ARTICLE}"
    assert (undone.source, redone.source) == ("", "")
    assert ws.read(list_sources) == after


def test_read_before_published_is_refused_beside_the_date(qtbot: QtBot) -> None:
    dialog = NewSourceDialog()
    qtbot.addWidget(dialog)
    with qtbot.waitExposed(dialog):
        dialog.show()
    qtbot.keyClicks(part(dialog, "source-outlet"), "Ukrainska Pravda")
    qtbot.keyClicks(part(dialog, "source-published"), "3 Feb 2026")
    retype(qtbot, part(dialog, "source-accessed"), "1 Feb 2026")
    assert error(dialog, "source-accessed_on-error") == "It was read before it was published"
    assert dialog.draft() is None
    retype(qtbot, part(dialog, "source-accessed"), "4 Feb 2026")
    draft = dialog.draft()
    assert draft is not None
    assert (draft.outlet, draft.published_on, draft.accessed_on) == (
        "Ukrainska Pravda", date(2026, 2, 3), date(2026, 2, 4))
