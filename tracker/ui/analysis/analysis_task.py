"""The analysis as an operation on the window's runner.

At a million events an anchor costs a fraction of a second and the daily series over a
year about a second, too long to freeze the window for each turn of a spin box. The
runner counts one request at a time with its own read session; while one waits its
turn, a newer request replaces it, and the view drops the result of a request it has
since superseded, so it always ends on the settings it shows.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from tracker.services.analysis.analysis import (
    AnalysisResult,
    AnalysisSettings,
    DailyCount,
    PhaseCounts,
    analyse,
    analysed_span,
    daily_series,
)
from tracker.services.analysis.week_placed import (
    NOTHING_PLACED,
    Placed,
    PlacedKey,
    placed_in_windows,
    placed_key,
)
from tracker.services.events.events import EventFilter
from tracker.storage.database import Database
from tracker.ui.common.db_op import DbOp


@dataclass(frozen=True, slots=True)
class AnalysisRequest:
    settings: AnalysisSettings
    event_filter: EventFilter


@dataclass(frozen=True, slots=True)
class AnalysisOutcome:
    """The analysis, the daily series over its span (empty without anchors), and the
    events known only to the week placed in its windows by their whole week."""

    result: AnalysisResult
    series: tuple[DailyCount, ...]
    placed: Mapping[PlacedKey, Placed] = field(default_factory=dict)

    def placed_in(self, row: PhaseCounts) -> Placed:
        return self.placed.get(placed_key(row), NOTHING_PLACED)


def run_analysis(db: Database, request: AnalysisRequest) -> AnalysisOutcome:
    """What a request computes, in one read session (any thread)."""
    with db.reading() as session:
        result = analyse(session, request.settings, flt=request.event_filter)
        span = analysed_span(result)
        series = (daily_series(session, span.first, span.last, request.event_filter)
                  if span is not None else [])
        placed = placed_in_windows(session, result)
    return AnalysisOutcome(result, tuple(series), placed)


def analysis_op(request: AnalysisRequest) -> DbOp[AnalysisOutcome]:
    """Count *request* on the runner; a newer request still queued replaces an older."""
    return (DbOp("Analysis", "the analysis",
                 lambda db, _handle: run_analysis(db, request))
            .replacing("analysis"))
