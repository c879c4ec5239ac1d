"""What the timeline shows and where: the visible range, the lanes' rows, the data.

Kept apart from the widget so the screen, the PNG and the SVG export paint the same
``TimelineScene`` with the same ``TimelinePainter``, and tests can check the mapping
between instants and pixels without a window.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta
from enum import StrEnum

from tracker.domain.timewindow import WindowError, localize
from tracker.services.timeline.timeline_as_of import KnownLane
from tracker.services.timeline.timeline_density import Bucket, DensityCell, EventMarker
from tracker.services.timeline.timeline_lanes import TimelineLanes

MIN_SPAN = timedelta(hours=6)
MAX_SPAN = timedelta(days=365 * 60)
LABEL_WIDTH = 190
RULER_HEIGHT = 44
SECTION_GAP = 22
TRACK_HEIGHT = 40
# Under each track while a past day is chosen: its rounds as known then (ghosts).
KNOWN_HEIGHT = 30
FACTOR_HEIGHT = 24
EVENTS_HEIGHT = 150


class Measure(StrEnum):
    """What the density strip counts."""

    EVENTS = "events"
    FATALITIES = "fatalities"
    INJURIES = "injuries"


@dataclass(frozen=True, slots=True)
class Viewport:
    """The visible range (UTC instants) across a plot *width* pixels wide."""

    start: datetime
    end: datetime
    width: int

    @property
    def span(self) -> timedelta:
        return self.end - self.start

    @property
    def seconds_per_pixel(self) -> float:
        return self.span.total_seconds() / max(1, self.width)

    @property
    def days_per_pixel(self) -> float:
        return self.seconds_per_pixel / 86400

    def x_of(self, instant: datetime) -> float:
        """Pixels from the plot's left edge (negative or beyond width when outside)."""
        return (instant - self.start).total_seconds() / self.seconds_per_pixel

    def instant_at(self, x: float) -> datetime:
        return self.start + timedelta(seconds=x * self.seconds_per_pixel)

    def zoomed(self, factor: float, anchor_x: float | None = None) -> Viewport:
        """*factor* > 1 zooms in; the instant under *anchor_x* (default: the middle)
        stays where it is, so the wheel zooms towards the pointer."""
        anchor_x = self.width / 2 if anchor_x is None else anchor_x
        anchor = self.instant_at(anchor_x)
        span = min(MAX_SPAN, max(MIN_SPAN, self.span / factor))
        share = anchor_x / max(1, self.width)
        start = anchor - span * share
        return self._bounded(start, start + span)

    def panned(self, pixels: float) -> Viewport:
        """Moved by *pixels* (positive: later in time)."""
        shift = timedelta(seconds=pixels * self.seconds_per_pixel)
        return self._bounded(self.start + shift, self.end + shift)

    def centred_on(self, instant: datetime) -> Viewport:
        half = self.span / 2
        return self._bounded(instant - half, instant + half)

    def resized(self, width: int) -> Viewport:
        return replace(self, width=max(1, width))

    def _bounded(self, start: datetime, end: datetime) -> Viewport:
        # datetime's own limits, with a year's margin for the ruler's ticks.
        low = datetime(2, 1, 1, tzinfo=UTC)
        high = datetime(9998, 1, 1, tzinfo=UTC)
        if start < low:
            start, end = low, low + (end - start)
        if end > high:
            start, end = high - (end - start), high
        return Viewport(start, end, self.width)


def fitted(start: datetime, end: datetime, width: int) -> Viewport:
    """A viewport showing *start*..*end* with a margin of a twentieth on each side."""
    span = max(MIN_SPAN, end - start)
    margin = span / 20
    middle = start + (end - start) / 2
    half = span / 2 + margin
    return Viewport(middle - half, middle + half, max(1, width))


def day_start(day: date, tz_name: str) -> datetime:
    """Where a reported day begins on the axis: local midnight in the display zone, the
    zone the ruler is labelled in (events carry a calendar day, not an instant)."""
    wall = datetime(day.year, day.month, day.day)
    try:
        return localize(wall, tz_name)
    except WindowError:  # midnight skipped by a clock change: the day starts an hour on
        return localize(wall + timedelta(hours=1), tz_name)


@dataclass(frozen=True, slots=True)
class EventLayer:
    """The events for the range loaded: density cells, or markers when zoomed in."""

    bucket: Bucket = Bucket.MONTH
    cells: tuple[DensityCell, ...] = ()
    markers: tuple[EventMarker, ...] | None = None  # None: draw the density instead
    first_day: date | None = None
    last_day: date | None = None


@dataclass(slots=True)
class TimelineScene:
    """Everything one paint needs."""

    lanes: TimelineLanes
    viewport: Viewport
    tz: str
    events: EventLayer = field(default_factory=EventLayer)
    measure: Measure = Measure.EVENTS
    now: datetime = field(default_factory=lambda: datetime.now(UTC))
    selected_round: int | None = None
    selected_event: int | None = None
    selected_factor: int | None = None
    # The strip takes what room the window gives it beyond its minimum.
    events_height: int = EVENTS_HEIGHT
    # The rounds as known on a past day, drawn under each track's (None: not shown).
    known: KnownLane | None = None

    def natural_height(self) -> int:
        """The least height that shows every lane, the ruler included."""
        return events_top(self) + EVENTS_HEIGHT + 16

    def height(self) -> int:
        return events_top(self) + self.events_height + 16


def rounds_top() -> int:
    return RULER_HEIGHT + SECTION_GAP


def track_height(scene: TimelineScene) -> int:
    """A track's rows: its rounds now and, while a past day is chosen, as known then."""
    return TRACK_HEIGHT + (KNOWN_HEIGHT if scene.known is not None else 0)


def track_top(scene: TimelineScene, row: int) -> int:
    return rounds_top() + row * track_height(scene)


def factors_top(scene: TimelineScene) -> int:
    return track_top(scene, max(1, len(scene.lanes.tracks))) + SECTION_GAP


def events_top(scene: TimelineScene) -> int:
    return factors_top(scene) + max(1, len(scene.lanes.factors)) * FACTOR_HEIGHT + SECTION_GAP
