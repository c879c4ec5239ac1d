"""The Analysis view's settings bar: around what, window size, baseline, split, measure.

One spin box serves both baseline modes: it counts weeks for "N weeks earlier" and
windows for "trailing mean", and remembers each mode's number when the mode changes.
"""

from __future__ import annotations

from enum import StrEnum
from typing import TypeVar

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QSpinBox, QVBoxLayout, QWidget

from tracker.services.analysis.analysis import (
    MAX_BASELINE_WEEKS,
    MAX_TRAILING_WINDOWS,
    MAX_WINDOW_DAYS,
    AnalysisSettings,
    Around,
    BaselineMode,
    Measure,
    SplitBy,
)
from tracker.ui.common.language import QT_TRANSLATE_NOOP, translate

E = TypeVar("E", bound=StrEnum)

# Translated where shown (context "AnalysisControls").
AROUND_TEXTS = {
    Around.ROUNDS: QT_TRANSLATE_NOOP("AnalysisControls", "Rounds"),
    Around.CHANGES: QT_TRANSLATE_NOOP("AnalysisControls", "Schedule changes"),
    Around.READINGS: QT_TRANSLATE_NOOP("AnalysisControls", "Factor readings"),
}
BASELINE_TEXTS = {
    BaselineMode.WEEKS: QT_TRANSLATE_NOOP("AnalysisControls", "Same days, weeks earlier"),
    BaselineMode.TRAILING: QT_TRANSLATE_NOOP("AnalysisControls", "Trailing mean of windows"),
}
SPLIT_TEXTS = {
    SplitBy.NONE: QT_TRANSLATE_NOOP("AnalysisControls", "Nothing (totals)"),
    SplitBy.CATEGORY: QT_TRANSLATE_NOOP("AnalysisControls", "Target category"),
    SplitBy.REGION: QT_TRANSLATE_NOOP("AnalysisControls", "Region"),
    SplitBy.TYPE: QT_TRANSLATE_NOOP("AnalysisControls", "Event type"),
}
MEASURE_TEXTS = {
    Measure.EVENTS: QT_TRANSLATE_NOOP("AnalysisControls", "Events"),
    Measure.FATALITIES: QT_TRANSLATE_NOOP("AnalysisControls", "Fatalities"),
    Measure.INJURIES: QT_TRANSLATE_NOOP("AnalysisControls", "Injuries"),
}


def _combo(parent: QWidget, name: str, texts: dict[E, str], tip: str) -> QComboBox:
    combo = QComboBox(parent)
    combo.setObjectName(name)
    combo.setToolTip(tip)
    for value, text in texts.items():
        combo.addItem(translate("AnalysisControls", text), value.value)
    return combo


def _spin(parent: QWidget, name: str, most: int, value: int, tip: str) -> QSpinBox:
    spin = QSpinBox(parent)
    spin.setObjectName(name)
    spin.setRange(1, most)
    spin.setValue(value)
    spin.setToolTip(tip)
    spin.setKeyboardTracking(False)  # typing "14" asks once, not for 1 and then 14
    return spin


class AnalysisControls(QWidget):
    """Signals:
        changed(): any setting changed; read them with ``settings()``.
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        defaults = AnalysisSettings()
        self.around_combo = _combo(self, "analysis-around", AROUND_TEXTS,
                                   self.tr("What the windows are counted around"))
        self.window_spin = _spin(self, "analysis-window", MAX_WINDOW_DAYS,
                                 defaults.window_days,
                                 self.tr("Days in the before and after windows"))
        self.window_spin.setSuffix(self.tr(" days"))
        self.baseline_combo = _combo(self, "analysis-baseline", BASELINE_TEXTS,
                                     self.tr("What each window is compared with"))
        self.baseline_spin = _spin(self, "analysis-baseline-span", MAX_BASELINE_WEEKS,
                                   defaults.baseline_weeks, "")
        self.baseline_spin.setAccessibleName(self.tr("Baseline span"))
        self.split_combo = _combo(self, "analysis-split", SPLIT_TEXTS,
                                  self.tr("Count each target category, region or type apart"))
        self.measure_combo = _combo(self, "analysis-measure", MEASURE_TEXTS,
                                    self.tr("What the ratio, difference and charts compare"))
        self._spans = {BaselineMode.WEEKS: defaults.baseline_weeks,
                       BaselineMode.TRAILING: defaults.trailing_windows}
        self._mode = BaselineMode.WEEKS
        self._describe_span()

        # Two rows: in one, the row would not fit a 1024-pixel screen.
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for fields in (((self.tr("Around:"), self.around_combo),
                        (self.tr("Window:"), self.window_spin),
                        (self.tr("Baseline:"), self.baseline_combo), (None, self.baseline_spin)),
                       ((self.tr("Split by:"), self.split_combo),
                        (self.tr("Measure:"), self.measure_combo))):
            row = QHBoxLayout()
            for text, widget in fields:
                if text:
                    label = QLabel(text, self)
                    label.setBuddy(widget)
                    row.addWidget(label)
                row.addWidget(widget)
            row.addStretch(1)
            layout.addLayout(row)

        for combo in (self.around_combo, self.split_combo, self.measure_combo):
            combo.currentIndexChanged.connect(self.changed)
        self.window_spin.valueChanged.connect(self.changed)
        self.baseline_spin.valueChanged.connect(self._on_span_changed)
        self.baseline_combo.currentIndexChanged.connect(self._on_mode_changed)

    def settings(self, tz: str) -> AnalysisSettings:
        """The settings shown; *tz* is the zone factor readings' days are in."""
        return AnalysisSettings(
            around=Around(self.around_combo.currentData()),
            window_days=self.window_spin.value(), baseline=self._mode,
            baseline_weeks=self._spans[BaselineMode.WEEKS],
            trailing_windows=self._spans[BaselineMode.TRAILING],
            split=SplitBy(self.split_combo.currentData()),
            measure=Measure(self.measure_combo.currentData()), tz=tz)

    def _describe_span(self) -> None:
        spin = self.baseline_spin
        spin.blockSignals(True)
        if self._mode is BaselineMode.WEEKS:
            spin.setRange(1, MAX_BASELINE_WEEKS)
            spin.setSuffix(self.tr(" weeks earlier"))
            spin.setToolTip(self.tr("How many weeks before each window its baseline lies"))
        else:
            spin.setRange(1, MAX_TRAILING_WINDOWS)
            spin.setSuffix(self.tr(" windows"))
            spin.setToolTip(self.tr("How many windows of the same length, just before each "
                            "window, are averaged as its baseline"))
        spin.setValue(self._spans[self._mode])
        spin.blockSignals(False)

    @Slot(int)
    def _on_span_changed(self, value: int) -> None:
        self._spans[self._mode] = value
        self.changed.emit()

    @Slot(int)
    def _on_mode_changed(self, _index: int) -> None:
        self._mode = BaselineMode(self.baseline_combo.currentData())
        self._describe_span()
        self.changed.emit()
