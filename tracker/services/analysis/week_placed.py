"""Events known only to the week, counted in a window only when their whole week lies in it.

The precision rule (``counts``) counts an event on its day only when the day is known. An
event known only to the week has seven possible days; placing it on one of them, before
or during a round, would be a guess. But when every day it may stand for lies inside a
window (the week of 26 January inside the seven days before talks due the week of
2 February), it certainly happened in that window, even though its day is not known.
Those events are tallied here, apart from the analysis (``analyse``, whose counts,
baselines and ratios stay to the day), so the table and the chart can show them beside
the per-day figures without mixing the two.

What counts as placed: a record the counts leave out (known to the week or the month,
or reported over more than a week, or UCDP's "within a week" over a few days), whose
``EventTime`` first..last days all fall inside the range. A record of day precision
over a few days is counted on its first day already. A date flagged as
uncertain (precision "unknown") is never placed: its one day is itself in doubt. The
sums read the events (the per-day counts keep neither the dataset, which says whether a
week's date is its middle, nor the last day of a span), and only for anchors whose
ranges hold imprecise events at all, which the per-day counts already told.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from sqlalchemy import and_, func, literal_column, select
from sqlalchemy.orm import Session

from tracker.domain.enums import Precision
from tracker.domain.event_time import EventTime
from tracker.domain.events import MIDWEEK_DATASETS, BattlefieldEvent
from tracker.services.analysis.analysis import AnalysisResult, Phase, PhaseCounts, phase_windows
from tracker.services.analysis.anchors import AnchorKind
from tracker.services.analysis.counts import PRECISE, DayRange
from tracker.services.analysis.sources import SplitBy, event_split_column
from tracker.services.events.events import EventFilter, event_conditions
from tracker.storage.long_records import is_short_record


@dataclass(frozen=True, slots=True)
class Placed:
    """Events known only to the week (or month, or over more than a week) wholly inside
    a range."""

    events: int = 0
    fatalities: int = 0
    injuries: int = 0

    def plus(self, events: int, fatalities: int, injuries: int) -> Placed:
        return Placed(self.events + events, self.fatalities + fatalities,
                      self.injuries + injuries)

    def value(self, measure: str) -> int:
        return int(getattr(self, measure))


NOTHING_PLACED = Placed()
# What a row of the analysis is known by: its anchor's kind and id, its phase, its group.
PlacedKey = tuple[AnchorKind, int, Phase, str | None]


def placed_key(row: PhaseCounts) -> PlacedKey:
    return row.anchor.kind, row.anchor.id, row.phase, row.group


def placed_in_windows(session: Session, result: AnalysisResult) -> dict[PlacedKey, Placed]:
    """The events placed by their whole week in each window of *result* (rows without
    any are left out: NOTHING_PLACED). Anchors whose windows hold no imprecise event
    cost no query."""
    placed: dict[PlacedKey, Placed] = {}
    for anchor in result.anchors:
        if not any(row.imprecise for row in result.rows if row.anchor == anchor):
            continue
        windows = phase_windows(anchor, result.settings)
        tallies = placed_tallies(session, [window.days for window in windows],
                                 result.event_filter, result.settings.split)
        for number, window in enumerate(windows):
            for group, found in tallies.items():
                if found[number].events:
                    placed[anchor.kind, anchor.id, window.phase, group] = found[number]
    return placed


def placed_tallies(session: Session, ranges: Sequence[DayRange], flt: EventFilter | None,
                   split: SplitBy = SplitBy.NONE) -> dict[str | None, list[Placed]]:
    """For each group (None: no split), one Placed per range of *ranges*.

    A placed event's reported days all fall in the range, so its nominal date does too:
    one seek over the dates from the first range's start to the last one's end reads them.
    """
    event = BattlefieldEvent
    group = event_split_column(split)
    conditions = (event_conditions(session, _without_dates(flt)) if flt is not None else [])
    # The records the counts leave out, except the uncertain days.
    counted = and_(event.date_precision.in_(PRECISE), is_short_record())
    midweek = event.dataset.in_(MIDWEEK_DATASETS)
    head = [group] if group is not None else [literal_column("NULL")]
    query = (select(*head, event.event_date, event.event_date_end, event.date_precision,
                    midweek, func.count(), func.sum(func.coalesce(event.fatalities, 0)),
                    func.sum(func.coalesce(event.injuries, 0)))
             .where(event.event_date.between(min(r.first for r in ranges),
                                             max(r.last for r in ranges)),
                    ~counted, event.date_precision != Precision.UNKNOWN, *conditions)
             .group_by(*([group] if group is not None else []), event.event_date,
                       event.event_date_end, event.date_precision, midweek))
    found: dict[str | None, list[Placed]] = {}
    for row in session.execute(query):
        value, day, last_day, precision, is_midweek, count, fatalities, injuries = tuple(row)
        told = EventTime.of(day, precision, last_day, midweek=bool(is_midweek))
        for number, days in enumerate(ranges):
            if days.first <= told.first and told.last <= days.last:
                tallies = found.setdefault(value, [NOTHING_PLACED for _ in ranges])
                tallies[number] = tallies[number].plus(int(count), int(fatalities or 0),
                                                       int(injuries or 0))
    return found


def _without_dates(flt: EventFilter) -> EventFilter:
    # As in the counts: each window sets its own days.
    return replace(flt, date_from=None, date_to=None)
