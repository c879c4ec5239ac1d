"""Many events with ties on every column, for the tests of plans and pages at scale."""

from __future__ import annotations

import random
from datetime import date, timedelta

from sqlalchemy import insert, update

from tracker.domain.enums import Precision
from tracker.domain.events import BattlefieldEvent
from tracker.storage.database import Database


def generated_events(count: int, *, first_day: date, days: int,
                     seed: int = 3) -> list[dict[str, object]]:
    """*count* rows for ``insert(BattlefieldEvent)`` over *days* days from *first_day*,
    in no date order (ids do not follow dates, as after a real import), with ties on
    every column and unknown counts.

    Row n cycles through two datasets, actors, regions and sub-types, three types and
    target categories (one of each empty), four locations; one summary in five is
    "strike on a substation", the others "shelling".
    """
    rng = random.Random(seed)
    rows: list[dict[str, object]] = []
    for number in range(count):
        rows.append({
            "dataset": ("ACLED", "UCDP")[number % 2], "external_id": f"X{number:04}",
            "event_date": first_day + timedelta(days=rng.randrange(days)),
            "date_precision": Precision.DAY, "event_type": ("Battles", "Riots", "")[number % 3],
            "sub_event_type": ("Armed clash", "Shelling")[number % 2],
            "target_category": ("energy", "transport", "")[number % 3],
            "actor1": ("Russia", "Ukraine")[number % 2], "actor2": "",
            "admin1": ("Kharkivska", "Odeska")[number % 2], "admin2": "",
            "location": ("Kharkiv", "Izium", "Odesa", "Kupiansk")[number % 4],
            "latitude": None, "longitude": None,
            "fatalities": None if number % 7 == 0 else number % 4,
            "injuries": None if number % 3 == 0 else number % 5,
            "summary": "strike on a substation" if number % 5 == 0 else "shelling",
        })
    rng.shuffle(rows)
    return rows


def store_walk_events(db: Database, count: int = 600) -> Database:
    """*count* generated events over 40 days from 1 March 2025 in *db*, one in three of
    them in Ukraine by country code: the first-rows walks' tests (words, places, a
    country)."""
    rows = generated_events(count, first_day=date(2025, 3, 1), days=40)
    with db.transaction() as session:
        session.execute(insert(BattlefieldEvent), rows)
        event_ = BattlefieldEvent
        session.execute(update(event_).where(event_.id % 3 == 0).values(country_code="UKR"))
    return db
