"""What the impact chart says about the thing under the mouse, as plain text.

Each method takes the x the mouse is at (milliseconds since the epoch) and describes the
reading, day of events, round window or schedule change there, times in the user's zone.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

from tracker.domain.enums import Precision
from tracker.domain.timewindow import describe_day, zone
from tracker.domain.wording import label_of, say
from tracker.services.common.views import EventDay, FactorImpact
from tracker.ui.common.date_text import announced_text, instant_text
from tracker.ui.common.language import tr, translate
from tracker.ui.factors import factor_impact_geometry as geometry
from tracker.ui.factors.factors_model import trend_text

T = TypeVar("T")


def _nearest(items: Sequence[T], distance: Callable[[T], float]) -> T | None:
    return min(items, key=distance, default=None)


def _events_text(when: str, rows: Sequence[EventDay]) -> str:
    count = sum(r.events for r in rows)
    dead = sum(r.fatalities for r in rows)
    unknown = sum(r.unknown_fatalities for r in rows)
    deaths = translate("ImpactTips", "Fatalities: {dead}").format(dead=dead)
    if unknown:
        deaths = tr("Fatalities: {dead} (no figure for %n event(s))", "",
                           unknown).format(dead=dead)
    linked = tr("{when}: %n linked event(s)", "", count).format(when=when)
    return f"{linked}\n{deaths}"


class ImpactTips:
    """Describes one FactorImpact's shapes; empty text where there is nothing."""

    def __init__(self, tz_name: str) -> None:
        self._tz = tz_name
        self._impact: FactorImpact | None = None

    def set_time_zone(self, tz_name: str) -> None:
        self._tz = tz_name

    def set_impact(self, impact: FactorImpact | None) -> None:
        self._impact = impact

    def reading_at(self, x: float) -> str:
        """The reading nearest *x*: when, level, trend, and its note."""
        if self._impact is None:
            return ""
        reading = _nearest(self._impact.readings,
                           lambda r: abs(geometry.ms(r.observed_at) - x))
        if reading is None:
            return ""
        text = (f"{instant_text(reading.observed_at, self._tz)}: {label_of(reading.level)}, "
                f"{trend_text(reading.trend)}")
        return f"{text}\n{reading.note}" if reading.note else text

    def day_at(self, x: float) -> str:
        """The events dated to the local day *x* falls in (the user's zone)."""
        if self._impact is None:
            return ""
        day = geometry.instant(x).astimezone(zone(self._tz)).date()
        rows = [d for d in self._impact.event_days
                if d.day == day and d.precision not in geometry.SPREAD]
        if not rows:
            return ""
        return _events_text(describe_day(day, Precision.DAY), rows)

    def spread_at(self, x: float) -> str:
        """The events reported only to a week or month that *x* falls in."""
        if self._impact is None:
            return ""
        texts = []
        for row in self._impact.event_days:
            if row.precision in geometry.SPREAD:
                start, end = geometry.reported_span(row.day, row.precision, self._tz,
                                                    midweek=row.midweek)
                if start <= x < end:
                    span = describe_day(row.day, row.precision, midweek=row.midweek)
                    texts.append(_events_text(translate(
                        "ImpactTips", "{span}, dated only to the {precision}").format(
                            span=span, precision=say(row.precision)), [row]))
        return "\n\n".join(texts)

    def round_at(self, x: float) -> str:
        """The round windows around *x* (or the nearest one): title, status, window, and
        how the factor bears on the round."""
        if self._impact is None:
            return ""

        def distance(start: float, end: float) -> float:
            return 0.0 if start <= x <= end else min(abs(x - start), abs(x - end))

        placed = [(r, span) for r in self._impact.rounds
                  if (span := geometry.window_span(r.window, 0.0)) is not None]
        if not placed:
            return ""
        closest = min(distance(*span) for _r, span in placed)
        texts = []
        for round_, span in placed:
            if distance(*span) == closest:
                effects = ", ".join(label_of(e) for e in round_.effects) or \
                    translate("ImpactTips", "a schedule change cites this factor")
                texts.append(f"{round_.title} ({label_of(round_.status)})\n"
                             f"{round_.window.describe(self._tz)}\n{effects}")
        return "\n\n".join(texts)

    def change_at(self, x: float) -> str:
        """The schedule change announced nearest *x*: when, which round, what, and why."""
        if self._impact is None:
            return ""
        change = _nearest(self._impact.changes,
                          lambda c: abs(geometry.ms(c.announced_when) - x))
        if change is None:
            return ""
        lines = [f"{announced_text(change.announced, self._tz)}: {change.round_title}",
                 change.summary]
        if change.reason:
            lines.append(translate("ImpactTips", "Why: {reason}").format(reason=change.reason))
        return "\n".join(lines)
