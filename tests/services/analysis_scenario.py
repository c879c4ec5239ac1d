"""A small dataset around one two-day round, with every count worked out by hand.

The round "Kyiv talks" is held on 10–11 March 2025 (local days in Kyiv). With 3-day
windows: before = 7–9 Mar, during = 10–11 Mar, after = 12–14 Mar. With a baseline two
weeks earlier: 21–23 Feb, 24–25 Feb, 26–28 Feb.

    day     precision  category     type      region       fat  inj   where it falls
    21 Feb  day        energy       Strike    Kharkivska   -    -     baseline (weeks) of before
    22 Feb  day        energy       Strike    Kharkivska   1    -     baseline (weeks) of before
    24 Feb  day        energy       Strike    Kharkivska   -    2     baseline (weeks) of during
    24 Feb  day        energy       Battles   Kharkivska   -    -     baseline (weeks) of during
    01 Mar  month      medical      Strike    Odeska       9    -     nowhere (a gap)
    06 Mar  day        military     Battles   Donetska     5    -     day before "before"
    07 Mar  day        energy       Strike    Kharkivska   2    1     first day before
    08 Mar  month      transport    Strike    Odeska       -    -     imprecise, before
    09 Mar  day        transport    Strike    Odeska       -    3     last day before
    10 Mar  day        energy       Strike    Kharkivska   1    -     first day during
    10 Mar  week       energy       Strike    Kharkivska   7    -     imprecise, during
    11 Mar  exact      energy       Battles   Kharkivska   0    -     last day during
    11 Mar  day        residential  Strike    Kyiv City    4    -     last day during
    12 Mar  day        (none)       Strike    (none)       1    -     first day after
    14 Mar  day        energy       Battles   Kharkivska   -    -     last day after
    15 Mar  day        energy       Strike    Kharkivska   3    -     day after "after"
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from tests.services.scenario import add_events
from tracker.domain.enums import Precision, RoundFormat, RoundStatus
from tracker.domain.timewindow import ScheduledWindow
from tracker.services import rounds
from tracker.services.records import reference

KYIV = "Europe/Kyiv"
ROUND_FIRST = date(2025, 3, 10)
ROUND_LAST = date(2025, 3, 11)
STRIKE = "Explosions/Remote violence"
BATTLES = "Battles"


def _event(day: date, category: str = "energy", *, precision: Precision = Precision.DAY,
           event_type: str = STRIKE, region: str = "Kharkivska", fatalities: int | None = None,
           injuries: int | None = None) -> dict[str, object]:
    return {"event_date": day, "date_precision": precision, "target_category": category,
            "event_type": event_type, "admin1": region, "fatalities": fatalities,
            "injuries": injuries}


EVENTS = [
    _event(date(2025, 2, 21)),
    _event(date(2025, 2, 22), fatalities=1),
    _event(date(2025, 2, 24), injuries=2),
    _event(date(2025, 2, 24), event_type=BATTLES),
    _event(date(2025, 3, 1), "medical", precision=Precision.MONTH, region="Odeska",
           fatalities=9),
    _event(date(2025, 3, 6), "military", event_type=BATTLES, region="Donetska", fatalities=5),
    _event(date(2025, 3, 7), fatalities=2, injuries=1),
    _event(date(2025, 3, 8), "transport", precision=Precision.MONTH, region="Odeska"),
    _event(date(2025, 3, 9), "transport", region="Odeska", injuries=3),
    _event(date(2025, 3, 10), fatalities=1),
    _event(date(2025, 3, 10), precision=Precision.WEEK, fatalities=7),
    _event(date(2025, 3, 11), precision=Precision.EXACT, event_type=BATTLES, fatalities=0),
    _event(date(2025, 3, 11), "residential", region="Kyiv City", fatalities=4),
    _event(date(2025, 3, 12), "", region="", fatalities=1),
    _event(date(2025, 3, 14), event_type=BATTLES),
    _event(date(2025, 3, 15), fatalities=3),
]


@dataclass(frozen=True)
class Scenario:
    track: int
    round: int


def new_round(session: Session, track: int, title: str, window: ScheduledWindow) -> int:
    round_id = rounds.create_round(session, rounds.RoundDraft(
        track_id=track, title=title, format=RoundFormat.TRILATERAL,
        state=rounds.RoundState(window, None, RoundStatus.SCHEDULED))).record_id
    assert round_id is not None
    return round_id


def build_analysis_scenario(session: Session) -> Scenario:
    track = reference.create_track(session, "US-brokered trilateral talks")
    round_id = new_round(session, track, "Kyiv talks",
                         ScheduledWindow.days(ROUND_FIRST, KYIV, ROUND_LAST))
    add_events(session, EVENTS)
    return Scenario(track, round_id)
