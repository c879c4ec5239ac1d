"""The Chronology view: paged model in SQL time order, date range, refresh, activation."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from tests.ui._fixtures import add_events, placeholder_text
from tracker.domain.chronology import EntryKind
from tracker.domain.enums import FactorLevel, FactorTrend, LinkKind
from tracker.services.chronology import chronology
from tracker.services.claims.claim_operations import CLAIM_TOPICS, ClaimDraft, add_claim
from tracker.services.events.link_operations import add_link
from tracker.services.events.linking import LinkSpec
from tracker.services.factors import factors
from tracker.services.factors.operations import new_reading
from tracker.storage.database import Database
from tracker.ui.chronology.chronology_model import (
    KIND,
    KIND_COLOURS,
    LINKS,
    WHEN,
    ChronologyModel,
    EntryRole,
)
from tracker.ui.chronology.chronology_view import ChronologyView
from tracker.ui.common.paging import PAGE_SIZE
from tracker.ui.common.workspace import Topic, Workspace

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def test_model_passes_qtmodeltester(qtmodeltester: ModelTester, ws: Workspace) -> None:
    model = ChronologyModel(ws)
    qtmodeltester.check(model, force_py=True)


def test_rows_follow_the_service_order_with_kind_colours(ws: Workspace) -> None:
    # The sample has every kind but a claim on a day and a place: one is added.
    ws.write(lambda s: add_claim(s, ClaimDraft(
        "drones intercepted", "Air Force of Ukraine", best=40, day=date(2026, 1, 27),
        place="Kyiv region")), CLAIM_TOPICS)
    model = ChronologyModel(ws)
    expected = ws.read(lambda s: chronology.chronology_page(s, offset=0, limit=1000))
    assert model.rowCount() == len(expected)
    shown = [model.index(row, 0).data(EntryRole) for row in range(model.rowCount())]
    assert shown == expected
    kinds = {entry.kind for entry in expected}
    assert kinds == set(EntryKind)
    for row, entry in enumerate(expected):
        assert model.index(row, WHEN).data() == entry.when_text
        assert model.index(row, KIND).data(Qt.ItemDataRole.DecorationRole) == \
            KIND_COLOURS[entry.kind]
        if len(entry.links) > 1:
            assert model.index(row, LINKS).data().endswith(f"(+{len(entry.links) - 1})")
            assert model.index(row, LINKS).data(Qt.ItemDataRole.ToolTipRole) == \
                "\n".join(entry.links)


def test_pages_are_fetched_on_demand(
    qtbot: QtBot, ws: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_events(ws.db, 20_000)
    offsets: list[int] = []
    real = chronology.chronology_page

    def counting(session: object, **kwargs: object) -> object:
        offsets.append(kwargs["offset"])  # type: ignore[arg-type]
        return real(session, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(chronology, "chronology_page", counting)
    widget = ChronologyView(ws)
    qtbot.addWidget(widget)
    widget.resize(1300, 700)
    with qtbot.waitExposed(widget):
        widget.show()
    assert widget.model.rowCount() > 20_000
    qtbot.waitUntil(lambda: 0 in offsets)
    widget.table.scrollToBottom()
    last = (widget.model.rowCount() - 1) // PAGE_SIZE * PAGE_SIZE
    qtbot.waitUntil(lambda: last in offsets)
    assert sorted(set(offsets)) == [0, last]


def test_scrolling_reads_on_from_the_neighbouring_page(
    ws: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_events(ws.db, 2000)
    calls: list[dict[str, object]] = []
    real = chronology.chronology_page

    def recording(session: object, **kwargs: object) -> object:
        calls.append(kwargs)
        return real(session, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(chronology, "chronology_page", recording)
    model = ChronologyModel(ws)
    top = model.entry_at(0)
    assert calls[-1]["after"] is None and calls[-1]["total"] == model.rowCount()
    next_page = model.entry_at(PAGE_SIZE)
    assert calls[-1]["after"] == model.entry_at(PAGE_SIZE - 1)
    expected = ws.read(lambda s: real(s, offset=0, limit=PAGE_SIZE + 1))
    assert [top, next_page] == [expected[0], expected[PAGE_SIZE]]


def test_the_zone_retells_entries_without_counting_them_again(
    ws: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    model = ChronologyModel(ws)
    before = model.rowCount()
    counted: list[object] = []
    monkeypatch.setattr(chronology, "count_chronology",
                        lambda *args, **kwargs: counted.append(kwargs) or 0)
    model.set_time_zone("Asia/Tokyo")
    assert counted == [] and model.rowCount() == before
    readings = [model.entry_at(row) for row in range(before)]
    assert any(entry is not None and entry.when_text.endswith("JST") for entry in readings)


def test_date_range_filters_and_shows_placeholder(view: ChronologyView) -> None:
    everything = view.model.rowCount()
    view.set_date_range(date(2026, 1, 26), date(2026, 1, 27))
    assert 0 < view.model.rowCount() < everything
    assert view.date_range() == (date(2026, 1, 26), date(2026, 1, 27))
    view.set_date_range(date(2001, 1, 1), date(2001, 1, 2))
    assert view.model.rowCount() == 0
    assert view.placeholder.isVisible()
    assert "Nothing happened" in view.placeholder.text()
    view.set_date_range(None, None)
    assert view.model.rowCount() == everything
    assert view.count_label.text() == f"{everything} entries"


def test_refreshes_on_any_change(view: ChronologyView, ws: Workspace) -> None:
    row = next(r for r in range(view.model.rowCount())
               if view.model.entry_at(r).kind is EntryKind.EVENT  # type: ignore[union-attr]
               and view.model.entry_at(r).record_id == 7)  # type: ignore[union-attr]
    before = view.model.index(row, LINKS).data()
    ws.write(lambda s: add_link(s, LinkSpec(7, None, 1, LinkKind.CITED, "x")), Topic.LINKS)
    assert view.model.index(row, LINKS).data() != before


def test_activating_rounds_and_events(qtbot: QtBot, view: ChronologyView) -> None:
    model = view.model
    kinds = [model.entry_at(r).kind for r in range(model.rowCount())]  # type: ignore[union-attr]
    round_row = kinds.index(EntryKind.ROUND)
    event_row = kinds.index(EntryKind.EVENT)
    with qtbot.waitSignal(view.open_round) as opened:
        view.table.activated.emit(model.index(round_row, 2))
    assert opened.args == [model.entry_at(round_row).record_id]  # type: ignore[union-attr]
    with qtbot.waitSignal(view.open_event) as shown:
        view.table.activated.emit(model.index(event_row, 2))
    assert shown.args == [model.entry_at(event_row).record_id]  # type: ignore[union-attr]


def test_an_empty_chronology_says_how_to_fill_it(qtbot: QtBot, db: Database) -> None:
    workspace = Workspace(db)
    view = ChronologyView(workspace)
    qtbot.addWidget(view)
    text = placeholder_text(view.table)
    assert text.startswith("The chronology is empty.")
    assert "New Round" in text
    assert "import" not in text.casefold()  # there is no importer to point to
    workspace.deleteLater()


def test_the_selected_entry_stays_selected_when_an_edit_moves_it(
        qtbot: QtBot, ws: Workspace, view: ChronologyView) -> None:
    add_events(ws.db, 40, start=date(2026, 1, 20))  # many rows around the sample's
    view.model.refresh()
    table = view.table
    row = next(number for number in range(view.model.rowCount())
               if (entry := view.model.entry_at(number)) is not None
               and entry.kind is EntryKind.EVENT and entry.record_id == 1)
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton,
                     pos=table.visualRect(view.model.index(row, 2)).center())
    assert table.currentIndex().row() == row

    # Another factor reading earlier than the event pushes it one row down.
    ws.write(lambda s: new_reading(s, 1, factors.ReadingDraft(
        datetime(2026, 1, 2, 9, tzinfo=UTC), FactorLevel.LOW, FactorTrend.EASING)),
        Topic.FACTORS)
    current = table.currentIndex()
    assert current.row() == row + 1 and current.column() == 2
    entry = current.data(EntryRole)
    assert (entry.kind, entry.record_id) == (EntryKind.EVENT, 1)
    assert table.selectionModel().isRowSelected(row + 1)


def test_a_hidden_chronology_catches_up_when_shown(
        qtbot: QtBot, ws: Workspace, view: ChronologyView) -> None:
    before = view.model.rowCount()
    view.hide()
    with qtbot.assertNotEmitted(view.model.modelReset):
        ws.write(lambda s: new_reading(s, 1, factors.ReadingDraft(
            datetime(2026, 1, 2, 9, tzinfo=UTC), FactorLevel.LOW, FactorTrend.EASING)),
            Topic.FACTORS)
    assert view.model.rowCount() == before  # no recount while nobody looks
    with qtbot.waitSignal(view.model.modelReset):
        view.show()
    assert view.model.rowCount() == before + 1
    assert view.count_label.text() == f"{before + 1} entries"
