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


def _statuses(colours: dict[RoundStatus, tuple[str, str]]) -> dict[RoundStatus, StatusStyle]:
    lines = {RoundStatus.PROPOSED: _DASH, RoundStatus.SCHEDULED: _DASH,
             RoundStatus.CONFIRMED: _SOLID, RoundStatus.HELD: _SOLID,
             RoundStatus.POSTPONED: _DOT, RoundStatus.CANCELLED: _SOLID}
    return {status: StatusStyle(QColor(fill), QColor(edge), lines[status])
            for status, (fill, edge) in colours.items()}


def _categories(colours: tuple[str, ...]) -> dict[str, QColor]:
    names = (TargetCategory.ENERGY, TargetCategory.TRANSPORT, TargetCategory.RESIDENTIAL,
             TargetCategory.MEDICAL, TargetCategory.MILITARY, TargetCategory.INDUSTRIAL,
             TargetCategory.COMMUNICATIONS, TargetCategory.OTHER)
    return {name.value: QColor(colour) for name, colour in zip(names, colours, strict=True)}


LIGHT_TIMELINE = TimelineColours(
    chart=LIGHT,
    status=_statuses({
        RoundStatus.PROPOSED: ("#eef1f5", "#6b7785"),
        RoundStatus.SCHEDULED: ("#d6e6fb", "#2f6fbf"),
        RoundStatus.CONFIRMED: ("#8fb8ec", "#1d4f91"),
        RoundStatus.HELD: ("#9fd3a8", "#23703a"),
        RoundStatus.POSTPONED: ("#fbd9a5", "#b36200"),
        RoundStatus.CANCELLED: ("#f3c4c4", "#a32020"),
    }),
    levels={FactorLevel.LOW: QColor("#cfe8cf"), FactorLevel.MODERATE: QColor("#f7e3a1"),
            FactorLevel.HIGH: QColor("#f5b779"), FactorLevel.CRITICAL: QColor("#e57373")},
    categories=_categories(("#e0a100", "#7b61ff", "#d9534f", "#e83e8c", "#5c6b73",
                            "#8c564b", "#17a2b8", "#a0a93a")),
    uncategorised=QColor("#9aa7b4"),
)
DARK_TIMELINE = TimelineColours(
    chart=DARK,
    status=_statuses({
        RoundStatus.PROPOSED: ("#353b43", "#9aa7b4"),
        RoundStatus.SCHEDULED: ("#1f3a5f", "#6fa8f0"),
        RoundStatus.CONFIRMED: ("#2c5a96", "#a9c9f5"),
        RoundStatus.HELD: ("#24553a", "#7fd08f"),
        RoundStatus.POSTPONED: ("#5e4219", "#f0a84a"),
        RoundStatus.CANCELLED: ("#5c2626", "#f08080"),
    }),
    levels={FactorLevel.LOW: QColor("#2f5d34"), FactorLevel.MODERATE: QColor("#6b5a1e"),
            FactorLevel.HIGH: QColor("#7a4a1c"), FactorLevel.CRITICAL: QColor("#7f2a2a")},
    categories=_categories(("#f0b429", "#9d8bff", "#ef6f6b", "#f06aa8", "#93a4ad",
                            "#c08a7d", "#3cc3d8", "#c3cc55")),
    uncategorised=QColor("#7f8c99"),
)


def timeline_colours(dark: bool) -> TimelineColours:
    return DARK_TIMELINE if dark else LIGHT_TIMELINE


_ORDER = {name: index for index, name in enumerate(LIGHT_TIMELINE.categories)}


def category_order(category: str) -> tuple[int, str]:
    """Known categories in the vocabulary's order, then others by name, uncategorised last."""
    if not category:
        return (len(_ORDER) + 1, "")
    return (_ORDER.get(category, len(_ORDER)), category)
