"""Export Table… and Export Chart… of the Analysis view: ask where, write atomically.

The table goes through the same service as ``tracker analyse`` (CSV, or JSON when the
name asks for it); the chart is both charts as one PNG image or SVG drawing.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from tracker.io.analysis_writers import AnalysisFormat
from tracker.services.analysis.analysis import AnalysisResult
from tracker.services.analysis.export import export_result
from tracker.ui.analysis.analysis_chart import AnalysisChart
from tracker.ui.common.error_boundary import Failure, show_failure
from tracker.ui.common.language import QT_TRANSLATE_NOOP, translate

TABLE_FILTERS = ";;".join(fmt.file_filter for fmt in AnalysisFormat)
CHART_FILTERS = QT_TRANSLATE_NOOP("AnalysisExport", "PNG images (*.png);;SVG drawings (*.svg)")
TABLE_NAME = "analysis.csv"
CHART_NAME = "analysis-chart.png"


def _with_suffix(chosen: str, selected_filter: str, suffixes: tuple[str, ...]) -> Path:
    """The chosen path, given the suffix of the selected filter when it has none of ours."""
    path = Path(chosen)
    if path.suffix.casefold() in suffixes:
        return path
    wanted = next((suffix for suffix in suffixes if suffix in selected_filter), suffixes[0])
    return path.with_name(path.name + wanted)


def _failed(parent: QWidget, title: str, exc: OSError) -> None:
    show_failure(parent, translate("AnalysisExport", "Export Failed"),
                 Failure.of(exc, title=title))


def export_table(parent: QWidget, result: AnalysisResult, folder: Path) -> Path | None:
    """Ask for a file and write *result* there; the path written, or None."""
    chosen, selected = QFileDialog.getSaveFileName(
        parent, translate("AnalysisExport", "Export Analysis Table"), str(folder / TABLE_NAME),
        TABLE_FILTERS)
    if not chosen:
        return None
    path = _with_suffix(chosen, selected, tuple(fmt.suffix for fmt in AnalysisFormat))
    fmt = next(fmt for fmt in AnalysisFormat if fmt.suffix == path.suffix.casefold())
    try:
        export_result(result, path, fmt)
    except OSError as exc:
        _failed(parent, translate("AnalysisExport", "Export Analysis Table"), exc)
        return None
    return path


def export_chart(parent: QWidget, chart: AnalysisChart, folder: Path) -> Path | None:
    """Ask for a file and draw *chart* into it as PNG or SVG; the path written, or None."""
    chosen, selected = QFileDialog.getSaveFileName(
        parent, translate("AnalysisExport", "Export Analysis Chart"), str(folder / CHART_NAME),
        translate("AnalysisExport", CHART_FILTERS))
    if not chosen:
        return None
    path = _with_suffix(chosen, selected, (".png", ".svg"))
    try:
        if path.suffix.casefold() == ".svg":
            chart.save_svg(path)
        else:
            chart.save_png(path)
    except OSError as exc:
        _failed(parent, translate("AnalysisExport", "Export Analysis Chart"), exc)
        return None
    return path
