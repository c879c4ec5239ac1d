"""A small, fully known picture built through the services, for service tests."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import insert
from sqlalchemy.orm import Session

from tracker.domain.announcement import Announcement
from tracker.domain.enums import Precision, RoundFormat, RoundStatus
from tracker.domain.events import BattlefieldEvent
from tracker.domain.timewindow import ScheduledWindow
from tracker.services import rounds
from tracker.services.factors.operations import new_factor
from tracker.services.records import reference


@dataclass(frozen=True)
class Ids:
    track: int
    istanbul: int
    abu_dhabi: int
    tensions: int
    round: int


def build(session: Session) -> Ids:
    track = reference.create_track(session, "US-brokered trilateral talks")
    istanbul = reference.create_venue(
        session, name="Istanbul", city="Istanbul", country="Türkiye", latitude=41.01,
        longitude=28.98, time_zone="Europe/Istanbul",
    )
    abu_dhabi = reference.create_venue(
        session, name="Abu Dhabi", city="Abu Dhabi", country="UAE", latitude=24.45,
        longitude=54.38, time_zone="Asia/Dubai",
    )
    tensions = new_factor(session, "U.S.–Iran tensions").record_id
    round_id = rounds.create_round(session, rounds.RoundDraft(
        track_id=track, title="Trilateral round", format=RoundFormat.TRILATERAL,
        state=rounds.RoundState(
            ScheduledWindow.week_of(date(2026, 2, 2), "Europe/Kyiv"), None,
            RoundStatus.SCHEDULED,
        ),
    ), rounds.ChangeNote("Announced for the coming week", recorded_by="tester")).record_id
    assert round_id is not None
    return Ids(track, istanbul, abu_dhabi, tensions, round_id)


def announced_round(session: Session, track: int, announced_on: date) -> int:
    """A second trilateral round for the week of 2 Feb, announced on *announced_on*."""
    round_id = rounds.create_round(session, rounds.RoundDraft(
        track, "Trilateral round", RoundFormat.TRILATERAL, rounds.RoundState(
            ScheduledWindow.week_of(date(2026, 2, 2), "Europe/Kyiv"), None,
            RoundStatus.SCHEDULED)),
        rounds.ChangeNote("announced", announced=Announcement.on_day(announced_on))).record_id
    assert round_id is not None
    return round_id


def add_events(session: Session, rows: list[dict[str, object]]) -> None:
    """Bulk insert events; fields not given take neutral defaults."""
    defaults: dict[str, object] = {
        "dataset": "test", "date_precision": Precision.DAY, "event_type": "",
        "sub_event_type": "", "target_category": "", "actor1": "", "actor2": "",
        "admin1": "", "admin2": "", "location": "", "latitude": None, "longitude": None,
        "fatalities": None, "injuries": None, "summary": "",
    }
    prepared = []
    for number, row in enumerate(rows, start=1):
        values = {**defaults, "external_id": f"T{number}", **row}
        prepared.append(values)
    session.execute(insert(BattlefieldEvent), prepared)
