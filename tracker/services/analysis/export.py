"""Analysis results as files: the records and settings the io writers put in CSV/JSON.

The command line (``tracker analyse``) and the Analysis view's Export Table… both go
through here, so a file from either holds the same columns.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, TextIO

from tracker.io import analysis_writers
from tracker.io.analysis_writers import AnalysisFormat
from tracker.services.analysis.analysis import AnalysisResult, PhaseCounts


def _record(row: PhaseCounts, measure: str) -> dict[str, Any]:
    anchor = row.anchor
    return {
        "anchor_kind": anchor.kind.value, "anchor_id": anchor.id, "anchor": anchor.label,
        "round_id": anchor.round_id, "factor_id": anchor.factor_id,
        "anchor_first_day": anchor.first_day.isoformat(),
        "anchor_last_day": anchor.last_day.isoformat(),
        "anchor_precision": anchor.precision.value, "anchor_tz": anchor.tz,
        "phase": row.phase.value, "first_day": row.first_day.isoformat(),
        "last_day": row.last_day.isoformat(), "group": row.group,
        "group_label": row.group_label, "events": row.events,
        "fatalities": row.fatalities, "injuries": row.injuries, "imprecise": row.imprecise,
        "baseline_first_day": row.baseline_first_day.isoformat(),
        "baseline_last_day": row.baseline_last_day.isoformat(),
        "baseline_events": row.baseline_events,
        "baseline_fatalities": row.baseline_fatalities,
        "baseline_injuries": row.baseline_injuries, "measure": measure,
        "ratio": row.ratio, "difference": row.difference,
    }


def result_records(result: AnalysisResult) -> list[dict[str, Any]]:
    """One flat record per row, in the result's order (the CSV/JSON columns)."""
    measure = result.settings.measure.value
    return [_record(row, measure) for row in result.rows]


def result_settings(result: AnalysisResult) -> dict[str, Any]:
    """The settings and event filter the numbers were computed with, for the JSON header."""
    settings = result.settings
    flt = result.event_filter
    return {
        "around": settings.around.value, "window_days": settings.window_days,
        "baseline": settings.baseline.value, "baseline_weeks": settings.baseline_weeks,
        "trailing_windows": settings.trailing_windows, "split": settings.split.value,
        "measure": settings.measure.value, "reading_time_zone": settings.tz,
        "precision_rule": "only events reported to the day are counted; week- and "
                          "month-precision events are in 'imprecise'",
        "figure_rule": result.figures,
        "event_filter": {
            "event_types": list(flt.event_types), "target_category": flt.target_category,
            "place": flt.place, "text": flt.text,
        },
    }


def write_result(result: AnalysisResult, stream: TextIO, fmt: AnalysisFormat) -> int:
    return analysis_writers.write(result_records(result), stream, fmt,
                                  settings=result_settings(result), skipped=result.skipped)


def export_result(result: AnalysisResult, destination: Path, fmt: AnalysisFormat) -> int:
    """Write *result* to *destination* whole or not at all; return the row count."""
    return analysis_writers.save(Path(destination), fmt, result_records(result),
                                 settings=result_settings(result), skipped=result.skipped)
