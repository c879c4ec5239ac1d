"""What a change touched, so views re-read only what they must (no Qt: the services say it).

An operation returns the topics it touched in its Outcome (services/common/outcome.py); the
window's change watcher maps a colleague's changed tables to the same topics, so our own
edits and theirs refresh the same views.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import Flag, auto


class Topic(Flag):
    """What a change touched, so views refresh only when they must."""

    ROUNDS = auto()
    FACTORS = auto()
    EVENTS = auto()
    LINKS = auto()
    ALL = ROUNDS | FACTORS | EVENTS | LINKS


# The topic whose views show each table, for a colleague's change and for our own edits
# alike. A factor's name shows in rounds' dependencies; sources and citations back facts
# of every kind; a table missing here (or ANY_TABLE) refreshes everything.
TABLE_TOPICS = {
    "round": Topic.ROUNDS,
    "round_participant": Topic.ROUNDS,
    "schedule_change": Topic.ROUNDS,
    "track": Topic.ROUNDS,
    "venue": Topic.ROUNDS,
    "party": Topic.ROUNDS,
    "person": Topic.ROUNDS,
    "factor": Topic.FACTORS | Topic.ROUNDS,
    "factor_reading": Topic.FACTORS,
    "dependency": Topic.FACTORS | Topic.ROUNDS,
    "battlefield_event": Topic.EVENTS,
    "battlefield_event_raw": Topic.EVENTS,
    "import_run": Topic.EVENTS,
    "event_link": Topic.LINKS,
    "event_match": Topic.EVENTS,
    "dataset_preference": Topic.EVENTS,
    "target_category": Topic.EVENTS,
    "target_rule": Topic.EVENTS,
    "casualty_claim": Topic.EVENTS,
    "source": Topic.ALL,
    "citation": Topic.ALL,
}


def topic_of(tables: Iterable[str]) -> Topic:
    """What views must re-read after *tables* changed."""
    topic = Topic(0)
    for table in tables:
        topic |= TABLE_TOPICS.get(table, Topic.ALL)
    return topic
