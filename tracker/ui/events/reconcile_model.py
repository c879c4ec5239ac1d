"""The candidate pairs under review, one row per pair with both datasets side by side.

Rows are PairRow snapshots (services/reconcile/pairs.py), read on the runner a page at a
time, best score first; the model only holds them.
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QObject, Qt

from tracker.domain.matches import MatchStatus
from tracker.services.reconcile.pairs import PairRow, PairSide
from tracker.ui.common.table_model import SnapshotTableModel

MatchIdRole = Qt.ItemDataRole.UserRole + 1
SCORE, DISTANCE, STATUS = 0, 1, 2
SIDE_COLUMNS = 4  # date, place, type, fatalities
LEFT, RIGHT = 3, 3 + SIDE_COLUMNS


class PairsModel(SnapshotTableModel[PairRow]):
    """Candidate pairs: score, distance, status, then each event's date, place, type and
    fatalities (UCDP's low and high beside its best)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.HEADERS = (
            self.tr("Score"), self.tr("Distance"), self.tr("Status"),
            self.tr("First: date"), self.tr("First: place"), self.tr("First: type"),
            self.tr("First: fatalities"),
            self.tr("Second: date"), self.tr("Second: place"), self.tr("Second: type"),
            self.tr("Second: fatalities"),
        )
        self._statuses = {MatchStatus.PROPOSED: self.tr("proposed"),
                          MatchStatus.ACCEPTED: self.tr("accepted"),
                          MatchStatus.REJECTED: self.tr("rejected")}

    def status_text(self, status: MatchStatus) -> str:
        return self._statuses[status]

    def row_of(self, match_id: int) -> int | None:
        for number, row in enumerate(self._rows):
            if row.match_id == match_id:
                return number
        return None

    def cell(self, row: PairRow, column: int, role: int) -> Any:
        if role == MatchIdRole:
            return row.match_id
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (SCORE, DISTANCE):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == SCORE:
            return f"{row.score:.2f}"
        if column == DISTANCE:
            return self.tr("%1 km").replace("%1", f"{row.distance_km:.1f}")
        if column == STATUS:
            return self._statuses[row.status]
        side = row.left if column < RIGHT else row.right
        return _side_text(side, (column - LEFT) % SIDE_COLUMNS)

    def header_tip(self, section: int) -> str | None:
        if section == SCORE:
            return self.tr("0 to 1: how near, how much of the same days, how compatible "
                           "the types and how close the fatalities are")
        if section == LEFT:
            return self.tr("The event of the dataset searched from")
        if section == RIGHT:
            return self.tr("The event of the dataset compared with it")
        return None


def _side_text(side: PairSide, column: int) -> str:
    return (side.when, side.place, side.event_type, side.figures)[column]


def pair_html(row: PairRow, labels: dict[str, str], status: str) -> str:
    """The two events side by side, with their notes (escaped: summaries are imported)."""
    def line(label: str, left: str, right: str) -> str:
        return (f"<tr><th align=left valign=top>{html.escape(label)}</th>"
                f"<td valign=top>{html.escape(left)}</td>"
                f"<td valign=top>{html.escape(right)}</td></tr>")

    one, other = row.left, row.right
    rows = [
        line(labels["dataset"], f"{one.dataset} {one.external_id}",
             f"{other.dataset} {other.external_id}"),
        line(labels["date"], one.when, other.when),
        line(labels["place"], one.place, other.place),
        line(labels["type"], one.event_type, other.event_type),
        line(labels["fatalities"], one.figures, other.figures),
        line(labels["notes"], one.summary, other.summary),
    ]
    heading = html.escape(labels["heading"].replace("%1", f"{row.score:.2f}")
                          .replace("%2", f"{row.distance_km:.1f}").replace("%3", status))
    return (f"<p><b>{heading}</b></p><table cellspacing=2 cellpadding=3 width='100%'>"
            f"{''.join(rows)}</table>")
