"""Edit Venue, Edit Source and Edit Link against another editor's save of the same record:
the conflict dialog shows both, the merge keeps the fields chosen, undo puts theirs back."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from tests.ui.common.test_conflicts_edit_dialogs import merge_keeping, now, theirs
from tests.ui.rounds.test_round_dialogs import press_ok, retype, show
from tracker.domain.enums import LinkKind, Reliability
from tracker.services.records import reference
from tracker.storage.database import Database
from tracker.ui.common.edit_commands import MergeRecordCommand
from tracker.ui.common.forms import select_data
from tracker.ui.common.source_dialog import EditSourceDialog
from tracker.ui.common.workspace import Topic, Workspace
from tracker.ui.events.link_target_dialog import EditLinkDialog
from tracker.ui.rounds.venue_dialog import EditVenueDialog

pytestmark = [
    pytest.mark.qt_log_ignore(
        "This plugin does not support (propagateSizeHints|raise|grabbing the keyboard)"),
    pytest.mark.usefixtures("no_modal_boxes"),
]


def test_venue_merge_and_undo(qtbot: QtBot, sample_workspace: Workspace,
                              other: Database) -> None:
    ws = sample_workspace
    venue_id = ws.write(lambda s: reference.create_venue(
        s, name="Dolmabahce Palace", city="Istanbul", latitude=41.039, longitude=29.0,
        time_zone="Europe/Istanbul"), Topic.ROUNDS)
    dialog = show(qtbot, EditVenueDialog(ws, venue_id))
    assert dialog.fields.latitude.text() == "41.039"
    theirs(other, "venue", venue_id, {"latitude": 41.04, "city": "Constantinople"})
    retype(qtbot, dialog.fields.name, "Dolmabahce")
    retype(qtbot, dialog.fields.city, "Besiktas")
    seen: list[tuple[str, str, str]] = []
    merge_keeping(qtbot, dialog, {"name"}, seen)
    press_ok(qtbot, dialog)
    assert seen == [("Venue “Dolmabahce Palace” Changed by Someone Else", "", ""),
                    ("Name", "Dolmabahce", "Dolmabahce Palace"),
                    ("City", "Besiktas", "Constantinople"),
                    ("Latitude", "41.039", "41.04")]
    assert isinstance(dialog.command, MergeRecordCommand)
    after = now(ws, "venue", venue_id)
    assert (after["name"], after["city"], after["latitude"]) == (
        "Dolmabahce", "Constantinople", 41.04)
    ws.undo_stack.undo()
    assert now(ws, "venue", venue_id)["name"] == "Dolmabahce Palace"


def test_source_merge_and_undo(qtbot: QtBot, sample_workspace: Workspace,
                               other: Database) -> None:
    ws = sample_workspace
    dialog = show(qtbot, EditSourceDialog(ws, 2))
    theirs(other, "source", 2, {"reliability": Reliability.CONFIRMED})
    retype(qtbot, dialog.fields.url, "https://example.org/statement")
    assert select_data(dialog.fields.reliability, Reliability.DISPUTED)
    seen: list[tuple[str, str, str]] = []
    merge_keeping(qtbot, dialog, {"url"}, seen)
    press_ok(qtbot, dialog)
    assert seen[1:] == [("Address", "https://example.org/statement", "(empty)"),
                        ("Reliability", "disputed", "confirmed")]
    after = now(ws, "source", 2)
    assert (after["url"], after["reliability"]) == ("https://example.org/statement",
                                                    Reliability.CONFIRMED)
    ws.undo_stack.undo()
    after = now(ws, "source", 2)
    assert (after["url"], after["reliability"]) == ("", Reliability.CONFIRMED)


def test_link_merge_and_undo(qtbot: QtBot, sample_workspace: Workspace,
                             other: Database) -> None:
    ws = sample_workspace
    dialog = show(qtbot, EditLinkDialog(ws, 1, "Round: Trilateral talks"))
    theirs(other, "link", 1, {"note": "Theirs"})
    assert select_data(dialog.kind_combo, LinkKind.CITED)
    retype(qtbot, dialog.note_edit, "Mine")
    seen: list[tuple[str, str, str]] = []
    merge_keeping(qtbot, dialog, {"kind"}, seen)
    press_ok(qtbot, dialog)
    assert seen[1:] == [("Kind", "cited by a party", "escalation during talks"),
                        ("Note", "Mine", "Theirs")]
    assert now(ws, "link", 1) == {"kind": LinkKind.CITED, "note": "Theirs"}
    ws.undo_stack.undo()
    assert now(ws, "link", 1) == {"kind": LinkKind.ESCALATION, "note": "Theirs"}
