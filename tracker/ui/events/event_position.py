"""Where one event sits in the filtered, sorted Events table, counted in SQL.

The query lives in ``tracker.services.events.events`` beside ``fetch_events``, so the two share
one definition of the order (``sort_keys``) and cannot drift apart; this module keeps
the name the Events view imports.
"""

from __future__ import annotations

from tracker.services.events.events import event_position

__all__ = ["event_position"]
