"""Rounds: reading them, and the operations that are the only way to change a schedule.

``from tracker.services import rounds`` gives both: ``rounds.reschedule(session, …)``
(operations.py), ``rounds.round_detail(session, …)`` (reading.py) and the rules and
records they share (rules.py).
"""

from tracker.services.rounds.as_of import AsOf
from tracker.services.rounds.operations import (
    ROUND_LIST_TOPICS,
    SCHEDULE_TOPICS,
    cancel,
    change_round,
    create_round,
    delete,
    mark_held,
    postpone,
    relocate,
    reschedule,
    restore,
)
from tracker.services.rounds.reading import (
    dependencies_of,
    describe_change,
    describe_transition,
    history,
    linked_events,
    list_rounds,
    round_detail,
    round_row,
    venue_row,
)
from tracker.services.rounds.rules import (
    NEW_ROUND_STATUSES,
    ChangeNote,
    RoundDraft,
    RoundState,
    can_move,
    get_round,
    schedule_values,
    state_of,
    validate_title,
)

__all__ = [
    "NEW_ROUND_STATUSES",
    "ROUND_LIST_TOPICS",
    "SCHEDULE_TOPICS",
    "AsOf",
    "ChangeNote",
    "RoundDraft",
    "RoundState",
    "can_move",
    "cancel",
    "change_round",
    "create_round",
    "delete",
    "dependencies_of",
    "describe_change",
    "describe_transition",
    "get_round",
    "history",
    "linked_events",
    "list_rounds",
    "mark_held",
    "postpone",
    "relocate",
    "reschedule",
    "restore",
    "round_detail",
    "round_row",
    "schedule_values",
    "state_of",
    "validate_title",
    "venue_row",
]
