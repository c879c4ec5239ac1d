"""The analysis: what happened on the ground before, during and after each round.

For every anchor (a round, a schedule change or a factor reading, see
``anchors``) three windows of days are compared with a baseline:

* **before**: the N days ending the day before the anchor's first day;
* **during**: the anchor's own days (one day for a change or reading; a round's local
  days, a whole week or month when that is all that was announced);
* **after**: the N days starting the day after its last day.

N is ``window_days`` (default 7). Each window's baseline is either the same days a
number of weeks earlier (``BaselineMode.WEEKS``, default 4 weeks), or the mean of the K
same-length windows right before it (``BaselineMode.TRAILING``, default K = 4). The ratio
is window ÷ baseline and is None when the baseline is zero ("no baseline", never
infinity); the difference is window − baseline. Both are of the chosen ``measure``.

Counts follow the precision rule in ``counts``: only events reported to the
day are counted; week- and month-precision events whose nominal date falls in a window are
shown apart as ``imprecise``. Results can be split by target category, region (admin1)
or event type. An Events view filter narrows the events by type, target, place and words;
its date range is not applied, since each window sets its own days. The sums come from
the per-day counts whenever they can answer, otherwise from the events
(``sources``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from sqlalchemy.orm import Session

from tracker.domain.timewindow import is_known_zone
from tracker.domain.wording import say
from tracker.services.analysis.anchors import Anchor, Around, find_anchors
from tracker.services.analysis.counts import (
    DailyCount,
    DayRange,
    Tally,
    daily_counts,
    tally_ranges,
)
from tracker.services.analysis.sources import SplitBy, count_source
from tracker.services.claims.figure_rule import figure_rule
from tracker.services.common.errors import ValidationError
from tracker.services.events.events import EventFilter
from tracker.storage.deferred_build import require_categories

__all__ = ["AnalysisResult", "AnalysisSettings", "Anchor", "Around", "BaselineMode",
           "DailyCount", "DayRange", "Measure", "Phase", "PhaseCounts", "SplitBy", "analyse",
           "analysed_span", "daily_series", "group_label", "phase_windows"]

MAX_WINDOW_DAYS = 366
MAX_BASELINE_WEEKS = 520
MAX_TRAILING_WINDOWS = 52


class BaselineMode(StrEnum):
    WEEKS = "weeks"  # the same days, a number of weeks earlier
    TRAILING = "trailing"  # the mean of the windows of the same length just before


class Measure(StrEnum):
    EVENTS = "events"
    FATALITIES = "fatalities"
    INJURIES = "injuries"


class Phase(StrEnum):
    BEFORE = "before"
    DURING = "during"
    AFTER = "after"


@dataclass(frozen=True, slots=True)
class AnalysisSettings:
    """How to analyse; ``tz`` is the zone whose days factor readings fall on."""

    around: Around = Around.ROUNDS
    window_days: int = 7
    baseline: BaselineMode = BaselineMode.WEEKS
    baseline_weeks: int = 4
    trailing_windows: int = 4
    split: SplitBy = SplitBy.NONE
    measure: Measure = Measure.EVENTS
    tz: str = "UTC"

    def __post_init__(self) -> None:
        for name, value, most in (("window_days", self.window_days, MAX_WINDOW_DAYS),
                                  ("baseline_weeks", self.baseline_weeks, MAX_BASELINE_WEEKS),
                                  ("trailing_windows", self.trailing_windows,
                                   MAX_TRAILING_WINDOWS)):
            if not 1 <= value <= most:
                raise ValidationError(name, f"must be between 1 and {most} (got {value})")
        if not is_known_zone(self.tz):
            raise ValidationError("tz", f"Unknown time zone: {self.tz!r}")

    def baseline_text(self) -> str:
        if self.baseline is BaselineMode.WEEKS:
            return say("same days {weeks} week(s) earlier, or further back in whole weeks for "
                       "a window longer than that").format(weeks=self.baseline_weeks)
        return say("mean of the {count} preceding window(s)").format(
            count=self.trailing_windows)


@dataclass(frozen=True, slots=True)
class PhaseWindow:
    """The days of one phase and of its baseline; the baseline sum is divided by
    ``divisor`` (the number of windows it spans)."""

    phase: Phase
    days: DayRange
    baseline: DayRange
    divisor: int


@dataclass(frozen=True, slots=True)
class PhaseCounts:
    """One window of one anchor for one group (None: all events), against its baseline."""

    anchor: Anchor
    phase: Phase
    first_day: date
    last_day: date
    group: str | None
    group_label: str
    events: int
    fatalities: int
    injuries: int
    imprecise: int
    baseline_first_day: date
    baseline_last_day: date
    baseline_events: float
    baseline_fatalities: float
    baseline_injuries: float
    ratio: float | None
    difference: float

    def value(self, measure: Measure) -> int:
        return int(getattr(self, measure.value))

    def baseline_value(self, measure: Measure) -> float:
        return float(getattr(self, f"baseline_{measure.value}"))


@dataclass(frozen=True, slots=True)
class AnalysisResult:
    """Rows in anchor order, then phase, then group; what was skipped, and why."""

    settings: AnalysisSettings
    event_filter: EventFilter
    anchors: tuple[Anchor, ...]
    rows: tuple[PhaseCounts, ...]
    skipped: tuple[str, ...] = ()
    # Which figure counted as killed and injured (services.claims.figure_rule).
    figures: str = ""

    def rows_of(self, anchor: Anchor, group: str | None = None) -> list[PhaseCounts]:
        return [row for row in self.rows if row.anchor == anchor and row.group == group]


def group_label(split: SplitBy, group: str | None) -> str:
    """What a group is called in tables and files; empty values have a name too."""
    if group is None:
        return "all events"
    if group == "":
        return "uncategorised" if split is SplitBy.CATEGORY else "(none)"
    return group


def phase_windows(anchor: Anchor, settings: AnalysisSettings) -> tuple[PhaseWindow, ...]:
    """The before, during and after days of *anchor*, each with its baseline days."""
    size = timedelta(days=settings.window_days)
    one = timedelta(days=1)
    phases = (
        (Phase.BEFORE, DayRange(anchor.first_day - size, anchor.first_day - one)),
        (Phase.DURING, DayRange(anchor.first_day, anchor.last_day)),
        (Phase.AFTER, DayRange(anchor.last_day + one, anchor.last_day + size)),
    )
    return tuple(_with_baseline(phase, days, settings) for phase, days in phases)


def _with_baseline(phase: Phase, days: DayRange, settings: AnalysisSettings) -> PhaseWindow:
    if settings.baseline is BaselineMode.WEEKS:
        # A window longer than the shift (a round announced for a month, or --window 30
        # against 4 weeks) would partly be its own baseline: go back in whole weeks until
        # the baseline ends before the window starts. The row shows the days used.
        weeks = max(settings.baseline_weeks, -(-days.days // 7))
        return PhaseWindow(phase, days, days.shifted(-7 * weeks), 1)
    # K windows of the same length, end to end, right before this one: their mean is
    # their sum over one range of days divided by K.
    count = settings.trailing_windows
    baseline = DayRange(days.first - timedelta(days=days.days * count),
                        days.first - timedelta(days=1))
    return PhaseWindow(phase, days, baseline, count)


def analysed_span(result: AnalysisResult) -> DayRange | None:
    """From the first baseline day to the last window day over all anchors (the chart's
    daily series), or None without anchors."""
    ranges = [days for anchor in result.anchors
              for window in phase_windows(anchor, result.settings)
              for days in (window.days, window.baseline)]
    if not ranges:
        return None
    return DayRange(min(days.first for days in ranges), max(days.last for days in ranges))


def analyse(session: Session, settings: AnalysisSettings | None = None, *,
            round_id: int | None = None, flt: EventFilter | None = None) -> AnalysisResult:
    """Count every anchor's windows and baselines in SQL (one query per anchor, over the
    per-day counts or the events, see ``sources``).

    *round_id* limits the anchors to one round (see ``find_anchors``; NotFoundError when
    it does not exist); *flt* narrows the events as the Events view does.
    """
    require_categories(session.connection())  # counts split or filtered by category
    settings = settings or AnalysisSettings()
    found = find_anchors(session, settings.around, round_id=round_id, tz=settings.tz)
    source = count_source(session, flt, settings.split)
    rows: list[PhaseCounts] = []
    for anchor in found.anchors:
        windows = phase_windows(anchor, settings)
        ranges = [days for window in windows for days in (window.days, window.baseline)]
        tallies = tally_ranges(session, ranges, source)
        for window_number, window in enumerate(windows):
            for value in sorted(tallies, key=_group_order):
                own, baseline = tallies[value][2 * window_number:2 * window_number + 2]
                rows.append(_row(anchor, window, settings, value, own, baseline))
    return AnalysisResult(settings, flt or EventFilter(), found.anchors, tuple(rows),
                            found.skipped, figure_rule(session).sentence)


def _group_order(group: str | None) -> tuple[bool, str]:
    # Alphabetical, the empty value ("uncategorised") last.
    return (not group, (group or "").casefold())


def _row(anchor: Anchor, window: PhaseWindow, settings: AnalysisSettings,
         group: str | None, own: Tally, baseline: Tally) -> PhaseCounts:
    divisor = window.divisor
    means = {measure: getattr(baseline, measure.value) / divisor for measure in Measure}
    value = getattr(own, settings.measure.value)
    base = means[settings.measure]
    return PhaseCounts(
        anchor=anchor, phase=window.phase, first_day=window.days.first,
        last_day=window.days.last, group=group,
        group_label=group_label(settings.split, group), events=own.events,
        fatalities=own.fatalities, injuries=own.injuries, imprecise=own.imprecise,
        baseline_first_day=window.baseline.first, baseline_last_day=window.baseline.last,
        baseline_events=means[Measure.EVENTS], baseline_fatalities=means[Measure.FATALITIES],
        baseline_injuries=means[Measure.INJURIES],
        ratio=value / base if base else None, difference=value - base,
    )


def daily_series(session: Session, first_day: date, last_day: date,
                 flt: EventFilter | None = None) -> list[DailyCount]:
    """(day, events, fatalities, injuries) for every day from *first_day* to *last_day*,
    zeros included, counting only events reported to the day (one GROUP BY in SQL, over
    the per-day counts unless the filter names a place or words)."""
    if last_day < first_day:
        raise ValidationError("last_day", "The last day is before the first")
    return daily_counts(session, DayRange(first_day, last_day), count_source(session, flt))
