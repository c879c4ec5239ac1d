"""The timeline's palette: round statuses, factor levels, target categories.

Statuses differ by more than hue (fill, outline and line style), so a planned and a
confirmed round stay apart in a grey-scale print and for colour-blind readers.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from tracker.domain.enums import FactorLevel, RoundStatus, TargetCategory

BACKGROUND = QColor("#ffffff")
GRID = QColor("#e3e6ea")
TEXT = QColor("#1f2328")
TODAY = QColor("#c62828")


@dataclass(frozen=True, slots=True)
class StatusStyle:
    fill: QColor
    edge: QColor
    line: Qt.PenStyle


STATUS_STYLE = {
    RoundStatus.PROPOSED: StatusStyle(QColor("#eef1f5"), QColor("#6b7785"),
                                      Qt.PenStyle.DashLine),
    RoundStatus.SCHEDULED: StatusStyle(QColor("#d6e6fb"), QColor("#2f6fbf"),
                                       Qt.PenStyle.DashLine),
    RoundStatus.CONFIRMED: StatusStyle(QColor("#8fb8ec"), QColor("#1d4f91"),
                                       Qt.PenStyle.SolidLine),
    RoundStatus.HELD: StatusStyle(QColor("#9fd3a8"), QColor("#23703a"), Qt.PenStyle.SolidLine),
    RoundStatus.POSTPONED: StatusStyle(QColor("#fbd9a5"), QColor("#b36200"),
                                       Qt.PenStyle.DotLine),
    RoundStatus.CANCELLED: StatusStyle(QColor("#f3c4c4"), QColor("#a32020"),
                                       Qt.PenStyle.SolidLine),
}

LEVEL_COLOURS = {
    FactorLevel.LOW: QColor("#cfe8cf"),
    FactorLevel.MODERATE: QColor("#f7e3a1"),
    FactorLevel.HIGH: QColor("#f5b779"),
    FactorLevel.CRITICAL: QColor("#e57373"),
}

_CATEGORY_COLOURS = {
    TargetCategory.ENERGY.value: QColor("#e0a100"),
    TargetCategory.TRANSPORT.value: QColor("#7b61ff"),
    TargetCategory.RESIDENTIAL.value: QColor("#d9534f"),
    TargetCategory.MEDICAL.value: QColor("#e83e8c"),
    TargetCategory.EDUCATION.value: QColor("#2a9d8f"),
    TargetCategory.GOVERNMENT.value: QColor("#3d5a80"),
    TargetCategory.MILITARY.value: QColor("#5c6b73"),
    TargetCategory.INDUSTRIAL.value: QColor("#8c564b"),
    TargetCategory.COMMUNICATIONS.value: QColor("#17a2b8"),
    TargetCategory.AGRICULTURE.value: QColor("#6a994e"),
    TargetCategory.OTHER.value: QColor("#a0a93a"),
    TargetCategory.UNKNOWN.value: QColor("#c3ccd5"),
}
_UNCATEGORISED = QColor("#9aa7b4")
_ORDER = {name: index for index, name in enumerate(_CATEGORY_COLOURS)}


def category_colour(category: str) -> QColor:
    return _CATEGORY_COLOURS.get(category, _UNCATEGORISED)


def category_order(category: str) -> tuple[int, str]:
    """Known categories in the vocabulary's order, then others by name, uncategorised last."""
    if not category:
        return (len(_ORDER) + 1, "")
    return (_ORDER.get(category, len(_ORDER)), category)
