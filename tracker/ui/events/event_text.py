"""What every table of events shares: the event-id role and the elided summary.

Apart from events_model.py because the tables of a round's linked events and its
dependencies (link_models.py) need only these, and the Events table's model brings the
event queries and the paging with it: the Rounds view, which the window builds before it
is ready, need not load those (issue 19).
"""

from __future__ import annotations

from PySide6.QtCore import Qt

EventIdRole = Qt.ItemDataRole.UserRole
SUMMARY_CHARS = 120


def elide(text: str, limit: int = SUMMARY_CHARS) -> str:
    """*text* on one line, cut to *limit* characters with an ellipsis."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"
