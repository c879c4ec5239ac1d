"""Link, unlink, reading and dependency commands on a bare QUndoStack (no widgets)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from sqlalchemy.orm import Session

from tracker.domain.enums import DependencyEffect, FactorLevel, FactorTrend, LinkKind
from tracker.domain.events import EventLink
from tracker.domain.factors import Dependency, FactorReading
from tracker.services import events, factors, linking
from tracker.services.factors import DependencySpec, ReadingDraft
from tracker.services.linking import LinkSpec
from tracker.storage.database import Database
from tracker.ui.link_commands import (
    AddDependencyCommand,
    AddReadingCommand,
    LinkEventCommand,
    UnlinkEventCommand,
)
from tracker.ui.workspace import Topic, Workspace


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


def test_a_vanished_link_makes_the_command_obsolete(ws: Workspace) -> None:
    reports: list[str] = []
    ws.undo_stack.push(LinkEventCommand(ws, LinkSpec(7, 2, None, LinkKind.CITED),
                                        report=reports.append))
    link_id = links_of(ws, 7)[-1][0]
    # Another user removes the link behind our back; undo must not crash.
    ws.write(lambda s: linking.unlink(s, link_id), Topic.LINKS)
    ws.undo_stack.undo()
    assert reports and "does not exist" in reports[0]
    assert ws.undo_stack.count() == 0  # the stack dropped the obsolete command


def test_a_refused_link_is_reported_and_not_pushed(ws: Workspace) -> None:
    reports: list[str] = []
    existing = links_of(ws, 1)[0]
    spec = LinkSpec(1, existing[1], None, LinkKind(existing[3]))
    ws.undo_stack.push(LinkEventCommand(ws, spec, report=reports.append))
    assert reports and "already linked" in reports[0]
    assert ws.undo_stack.count() == 0


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
