"""Link, unlink, reading and dependency commands on a bare QUndoStack (no widgets)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from typing import Any

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from sqlalchemy.orm import Session

from tests.ui.conftest import ReportedErrors
from tracker.domain.enums import DependencyEffect, FactorLevel, FactorTrend, LinkKind
from tracker.domain.events import EventLink
from tracker.domain.factors import Dependency, FactorReading
from tracker.domain.sources import Citation
from tracker.services.common.errors import ValidationError
from tracker.services.events import events
from tracker.services.events.link_operations import remove_link
from tracker.services.events.linking import LinkSpec
from tracker.services.factors import factors
from tracker.services.factors.factors import DependencySpec, ReadingDraft
from tracker.services.records import citations, reference
from tracker.storage.database import Database
from tracker.ui.common.workspace import Topic, Workspace
from tracker.ui.events.link_commands import (
    AddDependencyCommand,
    AddReadingCommand,
    LinkEventCommand,
    UnlinkEventCommand,
)


@pytest.fixture
def ws(sample_db: Database) -> Iterator[Workspace]:
    workspace = Workspace(sample_db)
    yield workspace
    workspace.deleteLater()


def links_of(ws: Workspace, event_id: int) -> list[tuple[int, int | None, int | None, str, str]]:
    detail = ws.read(lambda s: events.event_detail(s, event_id))
    return [(link.link_id, link.round_id, link.factor_id, link.kind.value, link.note)
            for link in detail.links]


def test_link_undo_redo_keeps_the_link_id(qtbot: QtBot, ws: Workspace) -> None:
    spec = LinkSpec(7, None, 1, LinkKind.CITED, "Cited in the statement")
    with qtbot.waitSignal(ws.changed, check_params_cb=lambda t: t == Topic.LINKS):
        ws.undo_stack.push(LinkEventCommand(ws, spec))
    after_link = links_of(ws, 7)
    new = [link for link in after_link if link[2] == 1]
    assert len(new) == 1
    ws.undo_stack.undo()
    assert all(link[2] != 1 for link in links_of(ws, 7))
    ws.undo_stack.redo()
    assert links_of(ws, 7) == after_link  # same id, kind and note


def test_redo_of_a_link_brings_back_its_creation_time_and_citations(ws: Workspace) -> None:
    command = LinkEventCommand(ws, LinkSpec(7, None, 1, LinkKind.CITED, "Cited"))
    ws.undo_stack.push(command)
    assert command.link_id is not None
    link_id = command.link_id
    source = ws.read(reference.list_sources)[0][0]
    ws.write(lambda s: citations.cite(s, source, "event_link_id", link_id), Topic.LINKS)

    def stored(session: Session) -> tuple[datetime, int]:
        link = session.get(EventLink, link_id)
        assert link is not None
        return link.created_at, len(session.scalars(
            select(Citation).where(Citation.event_link_id == link_id)).all())

    before = ws.read(stored)
    ws.undo_stack.undo()
    ws.undo_stack.redo()
    assert ws.read(stored) == before == (before[0], 1)


def test_unlink_undo_restores_exactly(ws: Workspace) -> None:
    before = links_of(ws, 1)
    link_id = before[1][0]
    ws.undo_stack.push(UnlinkEventCommand(ws, link_id))
    assert [link[0] for link in links_of(ws, 1)] == [before[0][0]]
    ws.undo_stack.undo()
    assert links_of(ws, 1) == before
    ws.undo_stack.redo()
    ws.undo_stack.undo()
    assert links_of(ws, 1) == before


def test_a_vanished_link_makes_the_command_obsolete(
        ws: Workspace, no_modal_boxes: ReportedErrors) -> None:
    first_redo: list[str] = []
    command = LinkEventCommand(ws, LinkSpec(7, 2, None, LinkKind.CITED),
                               report=first_redo.append)
    ws.undo_stack.push(command)
    link_id = command.link_id
    assert link_id is not None
    # Another user removes the link behind our back; undo must not crash.
    ws.write(lambda s: remove_link(s, link_id), Topic.LINKS)
    ws.undo_stack.undo()
    # A later failure is the user's to hear about, like any round edit's, and the
    # first-redo callback (the link dialog's inline list) is not involved.
    assert no_modal_boxes == [f"Link event failed:\n\nLink {link_id} does not exist"]
    assert first_redo == []
    assert ws.undo_stack.count() == 0  # the stack dropped the obsolete command


def test_a_refused_link_is_kept_for_the_pusher_and_not_pushed(
        ws: Workspace, no_modal_boxes: ReportedErrors) -> None:
    reports: list[str] = []
    existing = links_of(ws, 1)[0]
    spec = LinkSpec(1, existing[1], None, LinkKind(existing[3]))
    command = LinkEventCommand(ws, spec, report=reports.append)
    ws.undo_stack.push(command)
    assert isinstance(command.error, ValidationError)
    assert reports == [str(command.error)] and "already linked" in reports[0]
    assert no_modal_boxes == []  # the dialog that pushed it shows the refusal inline
    assert ws.undo_stack.count() == 0


def _reading(ws: Workspace) -> AddReadingCommand:
    draft = ReadingDraft(datetime(2026, 2, 3, 9, 30, tzinfo=UTC), FactorLevel.HIGH,
                         FactorTrend.RISING, "")
    return AddReadingCommand(ws, 1, draft)


def _remove_reading(ws: Workspace, command: AddReadingCommand) -> None:
    reading_id = command.reading_id
    assert reading_id is not None
    ws.write(lambda s: s.delete(s.get(FactorReading, reading_id)), Topic.FACTORS)


def _dependency(ws: Workspace) -> AddDependencyCommand:
    return AddDependencyCommand(ws, DependencySpec(2, 2, DependencyEffect.LEVERAGE, ""))


def _remove_dependency(ws: Workspace, command: AddDependencyCommand) -> None:
    dependency_id = command.dependency_id
    assert dependency_id is not None
    ws.write(lambda s: s.delete(s.get(Dependency, dependency_id)), Topic.FACTORS)


@pytest.mark.parametrize(("make", "remove_elsewhere", "gone"), [
    (_reading, _remove_reading, "Reading"),
    (_dependency, _remove_dependency, "Dependency"),
], ids=["reading", "dependency"])
def test_a_failed_undo_of_a_reading_or_dependency_is_reported(
        ws: Workspace, no_modal_boxes: ReportedErrors, make: Callable[[Workspace], Any],
        remove_elsewhere: Callable[[Workspace, Any], None], gone: str) -> None:
    command = make(ws)
    ws.undo_stack.push(command)
    assert command.error is None
    text = command.text()  # the stack deletes the command when it drops it
    remove_elsewhere(ws, command)
    ws.undo_stack.undo()
    assert len(no_modal_boxes) == 1
    assert no_modal_boxes[0].startswith(f"{text} failed:")
    assert f"{gone} " in no_modal_boxes[0] and "does not exist" in no_modal_boxes[0]
    assert ws.undo_stack.count() == 0


def test_a_failed_redo_of_an_unlink_is_reported_and_dropped(
        ws: Workspace, no_modal_boxes: ReportedErrors) -> None:
    link_id = links_of(ws, 1)[1][0]
    ws.undo_stack.push(UnlinkEventCommand(ws, link_id, text="Unlink the Starlink factor"))
    ws.undo_stack.undo()
    ws.write(lambda s: remove_link(s, link_id), Topic.LINKS)  # another user
    ws.undo_stack.redo()
    assert no_modal_boxes == [  # the redo is checked against what its undo put back
        "Unlink the Starlink factor failed:\n\nThe event link was already removed by "
        "someone else."]
    assert ws.undo_stack.count() == 0


def test_a_failed_link_inside_a_macro_stays_undone(
        ws: Workspace, no_modal_boxes: ReportedErrors) -> None:
    """QUndoStack drops only obsolete top-level commands: a macro keeps its failed child,
    which must then do nothing, or its redo would re-create what another user removed."""
    ws.undo_stack.beginMacro("Link 2 events")
    first = LinkEventCommand(ws, LinkSpec(5, None, 1, LinkKind.CONTEXT))
    second = LinkEventCommand(ws, LinkSpec(6, None, 1, LinkKind.CONTEXT))
    ws.undo_stack.push(first)
    ws.undo_stack.push(second)
    ws.undo_stack.endMacro()
    removed = first.link_id
    assert removed is not None and second.link_id is not None
    ws.write(lambda s: remove_link(s, removed), Topic.LINKS)  # another user
    ws.undo_stack.undo()
    assert len(no_modal_boxes) == 1 and first.isObsolete()
    ws.undo_stack.redo()
    assert all(link[2] != 1 for link in links_of(ws, 5))  # not re-created
    assert [link[0] for link in links_of(ws, 6) if link[2] == 1] == [second.link_id]
    assert len(no_modal_boxes) == 1


def test_add_reading_undo_redo(ws: Workspace) -> None:
    draft = ReadingDraft(datetime(2026, 2, 3, 9, 30, tzinfo=UTC), FactorLevel.CRITICAL,
                         FactorTrend.RISING, "Carrier group moved")
    ws.undo_stack.push(AddReadingCommand(ws, 1, draft))

    def readings(session: Session) -> list[tuple[datetime, str]]:
        rows = factors.factor_detail(session, 1).readings
        return [(r.observed_at, r.level.value) for r in rows]

    assert ws.read(readings)[-1] == (draft.observed_at, "critical")
    ws.undo_stack.undo()
    assert len(ws.read(readings)) == 1
    ws.undo_stack.redo()
    assert ws.read(readings)[-1] == (draft.observed_at, "critical")
    with ws.db.reading() as session:
        assert len(session.execute(select(FactorReading.id)).all()) == 4


def test_add_dependency_undo_redo(ws: Workspace) -> None:
    spec = DependencySpec(2, 2, DependencyEffect.LEVERAGE, "Drone attacks as leverage")
    ws.undo_stack.push(AddDependencyCommand(ws, spec))

    def count(session: Session) -> int:
        return len(session.execute(
            select(Dependency.id).where(Dependency.factor_id == 2)).all())

    assert ws.read(count) == 1
    ws.undo_stack.undo()
    assert ws.read(count) == 0
    ws.undo_stack.redo()
    assert ws.read(count) == 1


def test_macro_of_links_undoes_in_one_step(ws: Workspace) -> None:
    def total(session: Session) -> int:
        return len(session.execute(select(EventLink.id)).all())

    before = ws.read(total)
    ws.undo_stack.beginMacro("Link 3 events")
    for event_id in (5, 6, 7):
        ws.undo_stack.push(LinkEventCommand(ws, LinkSpec(event_id, None, 1, LinkKind.CONTEXT)))
    ws.undo_stack.endMacro()
    assert ws.read(total) == before + 3
    assert ws.undo_stack.count() == 1
    ws.undo_stack.undo()
    assert ws.read(total) == before
