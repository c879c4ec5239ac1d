"""Events typed in for the reconciliation tests: ACLED and UCDP reports of Kharkiv strikes."""

from __future__ import annotations

import itertools
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from tracker.domain.enums import Precision
from tracker.domain.events import BattlefieldEvent

KHARKIV = (49.99, 36.23)
_NUMBERS = itertools.count(1)


def north_of(km: float, point: tuple[float, float] = KHARKIV) -> tuple[float, float]:
    return point[0] + km / 111.195, point[1]


def add_event(session: Session, dataset: str, day: date, place: tuple[float, float] = KHARKIV,
              **values: Any) -> int:
    """One event; ACLED's get an explosion, the others UCDP's state-based violence."""
    defaults: dict[str, Any] = {
        "event_type": "Explosions/Remote violence" if dataset == "ACLED"
        else "State-based conflict",
        "location": "Kharkiv", "admin1": "Kharkivska", "date_precision": Precision.DAY,
    }
    event = BattlefieldEvent(dataset=dataset, external_id=f"{dataset}-{next(_NUMBERS)}",
                             event_date=day, latitude=place[0], longitude=place[1],
                             **{**defaults, **values})
    session.add(event)
    session.flush()
    return event.id
