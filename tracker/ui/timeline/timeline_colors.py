"""The timeline's palette: round statuses, factor levels, target categories, light and dark.

Statuses differ by more than hue (fill, outline and line style), so a planned and a
confirmed round stay apart in a grey-scale print and for colour-blind readers. Each
table has a light and a dark version (``timeline_colours``); the window paints in the one
that suits its palette, exported pictures always in the light one. Text written on a
fill (a round's title in its mark, a reading's level in its band) keeps a contrast of at
least 4.5:1 with it in both (tests/ui/common/test_theme_contrast.py).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from tracker.domain.enums import FactorLevel, RoundStatus, TargetCategory
from tracker.ui.common.chart_style import DARK, LIGHT, ChartColours


@dataclass(frozen=True, slots=True)
class StatusStyle:
    fill: QColor
    edge: QColor
    line: Qt.PenStyle


@dataclass(frozen=True, slots=True)
class TimelineColours:
    chart: ChartColours
    status: dict[RoundStatus, StatusStyle]
    levels: dict[FactorLevel, QColor]
    categories: dict[str, QColor]
    uncategorised: QColor

    def category(self, category: str) -> QColor:
        return self.categories.get(category, self.uncategorised)


_DASH, _DOT, _SOLID = Qt.PenStyle.DashLine, Qt.PenStyle.DotLine, Qt.PenStyle.SolidLine

# Each role: its light value, then its dark one. A status: (fill, edge) and its line.
_STATUSES: dict[RoundStatus, tuple[tuple[str, str], tuple[str, str], Qt.PenStyle]] = {
    RoundStatus.PROPOSED: (("#eef1f5", "#6b7785"), ("#353b43", "#9aa7b4"), _DASH),
    RoundStatus.SCHEDULED: (("#d6e6fb", "#2f6fbf"), ("#1f3a5f", "#6fa8f0"), _DASH),
    RoundStatus.CONFIRMED: (("#8fb8ec", "#1d4f91"), ("#2c5a96", "#a9c9f5"), _SOLID),
    RoundStatus.HELD: (("#9fd3a8", "#23703a"), ("#24553a", "#7fd08f"), _SOLID),
    RoundStatus.POSTPONED: (("#fbd9a5", "#b36200"), ("#5e4219", "#f0a84a"), _DOT),
    RoundStatus.CANCELLED: (("#f3c4c4", "#a32020"), ("#5c2626", "#f08080"), _SOLID),
}
_LEVELS: dict[FactorLevel, tuple[str, str]] = {
    FactorLevel.LOW: ("#cfe8cf", "#2f5d34"),
    FactorLevel.MODERATE: ("#f7e3a1", "#6b5a1e"),
    FactorLevel.HIGH: ("#f5b779", "#7a4a1c"),
    FactorLevel.CRITICAL: ("#e57373", "#7f2a2a"),
}
_CATEGORIES: dict[TargetCategory, tuple[str, str]] = {
    TargetCategory.ENERGY: ("#e0a100", "#f0b429"),
    TargetCategory.TRANSPORT: ("#7b61ff", "#9d8bff"),
    TargetCategory.RESIDENTIAL: ("#d9534f", "#ef6f6b"),
    TargetCategory.MEDICAL: ("#e83e8c", "#f06aa8"),
    TargetCategory.EDUCATION: ("#2a9d8f", "#4cc1b2"),
    TargetCategory.GOVERNMENT: ("#3d5a80", "#7f9cc4"),
    TargetCategory.MILITARY: ("#5c6b73", "#93a4ad"),
    TargetCategory.INDUSTRIAL: ("#8c564b", "#c08a7d"),
    TargetCategory.COMMUNICATIONS: ("#17a2b8", "#3cc3d8"),
    TargetCategory.AGRICULTURE: ("#6a994e", "#8fc06f"),
    TargetCategory.OTHER: ("#a0a93a", "#c3cc55"),
    TargetCategory.UNKNOWN: ("#c3ccd5", "#7d8894"),
}
_UNCATEGORISED = ("#9aa7b4", "#7f8c99")


def _colours(dark: bool) -> TimelineColours:
    side = int(dark)
    status = {}
    for name, (*pairs, line) in _STATUSES.items():
        fill, edge = pairs[side]
        status[name] = StatusStyle(QColor(fill), QColor(edge), line)
    return TimelineColours(
        chart=DARK if dark else LIGHT,
        status=status,
        levels={level: QColor(pair[side]) for level, pair in _LEVELS.items()},
        categories={name.value: QColor(pair[side]) for name, pair in _CATEGORIES.items()},
        uncategorised=QColor(_UNCATEGORISED[side]),
    )


LIGHT_TIMELINE = _colours(dark=False)
DARK_TIMELINE = _colours(dark=True)


def timeline_colours(dark: bool) -> TimelineColours:
    return DARK_TIMELINE if dark else LIGHT_TIMELINE


def category_colour(category: str, *, dark: bool = False) -> QColor:
    """A target category's colour (the map's markers share the timeline's)."""
    return timeline_colours(dark).category(category)


_ORDER = {name: index for index, name in enumerate(LIGHT_TIMELINE.categories)}


def category_order(category: str) -> tuple[int, str]:
    """Known categories in the vocabulary's order, then others by name, uncategorised last."""
    if not category:
        return (len(_ORDER) + 1, "")
    return (_ORDER.get(category, len(_ORDER)), category)
