"""Helpers for the Events, Factors, Chronology, linking and detail-pane tests (not fixtures
themselves, so they never collide with tests/ui/conftest.py)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QAbstractItemView
from sqlalchemy import insert
from sqlalchemy.orm import Session

from tracker.domain.enums import Precision
from tracker.domain.events import BattlefieldEvent
from tracker.services.events import events
from tracker.storage.database import Database
from tracker.ui.common.forms import select_data
from tracker.ui.common.placeholder import ViewPlaceholder
from tracker.ui.events.claim_dialog import ClaimDialog

TYPES = ("Battles", "Explosions/Remote violence", "Violence against civilians")
PLACES = (("Kyiv", "Kyiv City"), ("Kharkiv", "Kharkivska"), ("Odesa", "Odeska"),
          ("Dnipro", "Dnipropetrovska"))
TARGETS = ("energy", "transport", "residential", "military")


def add_events(db: Database, count: int, *, start: date = date(2025, 1, 1)) -> None:
    """Bulk-insert *count* synthetic events in one statement (the FTS triggers index them).

    Every 7th event has unknown fatalities; every 50th is dated by week; summaries
    mention the place and, for every 1000th event, the word "substation".
    """
    rows: list[dict[str, Any]] = []
    for number in range(count):
        location, admin1 = PLACES[number % len(PLACES)]
        rows.append({
            "dataset": "test", "external_id": f"E{number + 1}",
            "event_date": start + timedelta(days=number % 400),
            "date_precision": Precision.WEEK if number % 50 == 0 else Precision.DAY,
            "event_type": TYPES[number % len(TYPES)], "sub_event_type": "",
            "target_category": TARGETS[number % len(TARGETS)],
            "actor1": "Military Forces of Russia (2000-)", "actor2": "",
            "admin1": admin1, "admin2": "", "location": location,
            "latitude": 50.0, "longitude": 30.0,
            "fatalities": None if number % 7 == 0 else number % 5,
            "injuries": None,
            "summary": f"Strike near {location}"
            + (" damaged a substation" if number % 1000 == 0 else ""),
        })
    with db.transaction() as session:
        session.execute(insert(BattlefieldEvent), rows)


class FetchCounter:
    """Wraps ``events.fetch_events`` (install with monkeypatch) and counts the calls."""

    def __init__(self) -> None:
        self.calls: list[dict[str, Any]] = []
        self._real: Callable[..., Any] = events.fetch_events

    def __call__(self, session: Session, *args: Any, **kwargs: Any) -> Any:
        self.calls.append(kwargs)
        return self._real(session, *args, **kwargs)


def column_data(view: QAbstractItemView, column: int = 0,
                role: int = Qt.ItemDataRole.DisplayRole) -> list[Any]:
    """*role*'s data down one column of the view's model, top to bottom."""
    model = view.model()
    return [model.index(row, column).data(role) for row in range(model.rowCount())]


def placeholder_text(view: QAbstractItemView) -> str:
    """The message shown over *view* while it is empty ("" when none is shown).

    Hidden-ness, not visibility: a view on a tab that is not current is not visible, but
    its placeholder is still meant to show.
    """
    labels = view.viewport().findChildren(ViewPlaceholder)
    assert len(labels) == 1, f"{view.objectName()} has {len(labels)} placeholders"
    return "" if labels[0].isHidden() else labels[0].text()


def enter_day_claim(dialog: ClaimDialog, day: date, place: str, *,
                    measure: str = "drones intercepted", best: str = "40",
                    claimant: str = "Air Force of Ukraine", kind: str = "party") -> None:
    """Fill the Add Claim dialog of a claim on a day and a place, as a user types it."""
    select_data(dialog.measure_combo, measure)
    dialog.best_edit.setText(best)
    dialog.claimant_edit.setText(claimant)
    select_data(dialog.kind_combo, kind)
    dialog.day_edit.setDate(QDate(day.year, day.month, day.day))
    dialog.place_edit.setText(place)
