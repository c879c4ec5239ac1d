"""Where the round titles of one track go, so that no two of them ever overlap (issue 15).

A track's rounds share one band, so their titles compete for the same horizontal space:
three rounds a few days apart on a month-wide chart used to print their titles over one
another. Each title is placed inside its mark when it fits there, else beside it on the
right, or else on its left; it gets the room up to the next mark or title, shortened
(elided) to fit. A title that would begin on another mark or title, or is left less than
``MIN_LABEL_WIDTH`` on either side, is dropped: the mark stays, and the round is named in
the tooltip, the report's key developments and its chronology.

Plain numbers in, plain numbers out: the painter measures the text and draws it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

GAP = 4.0  # between a title and a mark or another title
BESIDE_WIDTH = 220.0  # the widest a title beside its mark may run
WIDE_MARK = 240.0  # a mark this wide keeps its title inside, elided if need be
MIN_LABEL_WIDTH = 60.0  # narrower than this, a title is dropped rather than mangled


@dataclass(frozen=True, slots=True)
class LabelRequest:
    """A round's mark (its left and right x) and the width its whole title needs;
    *key* is the caller's number for it."""

    key: int
    left: float
    right: float
    text_width: float


@dataclass(frozen=True, slots=True)
class PlacedLabel:
    """Where a title is drawn: from *left*, *width* wide (elided when narrower than its
    text), inside its mark or beside it."""

    key: int
    left: float
    width: float
    inside: bool

    @property
    def right(self) -> float:
        return self.left + self.width


def place_labels(requests: Sequence[LabelRequest], lower: float,
                 upper: float) -> list[PlacedLabel]:
    """Titles for *requests* (one track's marks) that never overlap one another nor leave
    *lower* … *upper* (the chart's drawing area), in the order of the marks from the left.
    A title that does not fit in its mark goes on the right of it, else on its left."""
    placed: list[PlacedLabel] = []
    for request in sorted(requests, key=lambda r: (r.left, r.right)):
        room = request.right - request.left - 2 * GAP
        if request.text_width <= room or request.right - request.left >= WIDE_MARK:
            tries = [(request.left + GAP, min(request.text_width, room), True, True)]
        else:
            wanted = min(request.text_width, BESIDE_WIDTH)
            tries = [(request.right + GAP, wanted, True, False),
                     (request.left - GAP, wanted, False, False)]
        for anchor, wanted, rightwards, inside in tries:
            free = _free_around(anchor, request, requests, placed)
            if free is None:
                continue  # it would begin on another title, or over another round's mark
            if rightwards:
                left, right = anchor, min(anchor + wanted, free[1], upper)
            else:
                left, right = max(anchor - wanted, free[0], lower), anchor
            if right - left >= MIN_LABEL_WIDTH:
                placed.append(PlacedLabel(request.key, left, right - left, inside))
                break
    return placed


def _free_around(x: float, request: LabelRequest, requests: Sequence[LabelRequest],
                 placed: list[PlacedLabel]) -> tuple[float, float] | None:
    """The free stretch around *x*, kept *GAP* from the other marks and the titles placed
    so far; None when *x* lies on one of them."""
    taken = [(other.left, other.right) for other in requests if other is not request]
    taken += [(label.left, label.right) for label in placed]
    low, high = float("-inf"), float("inf")
    for left, right in taken:
        if left - GAP < x < right + GAP:
            return None
        if right + GAP <= x:
            low = max(low, right + GAP)
        else:
            high = min(high, left - GAP)
    return low, high
