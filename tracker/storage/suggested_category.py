"""The target category a new event gets as an import loads it, as both import writers
(storage.event_upsert, storage.pg_bulk_load) store it: the category the rules suggest
(services.targets.suggest_ahead finds them), with who decided it, the rule, how sure it
is and when: the import's own instant, so the rule pass after the load leaves the row
alone."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from tracker.domain.target_rules import Found, RuleFields
from tracker.storage.event_compare import ROW_COLUMNS

# What a new row gets besides its ROW_COLUMNS when the rules suggest its category on load
# (``suggestion``, ``with_suggestion``; both writers).
SUGGESTED_COLUMNS = ("target_source", "target_rule", "target_confidence",
                     "target_decided_at")
_SUMMARY, _SUB_TYPE, _ACTOR1, _ACTOR2, _CATEGORY = (
    ROW_COLUMNS.index(name) for name in
    ("summary", "sub_event_type", "actor1", "actor2", "target_category"))


class Undecided:
    """A new row no rules were applied to (a writer given no suggestions)."""


UNDECIDED = Undecided()


def rule_fields(row: Sequence[Any]) -> RuleFields:
    """What the category rules read of a row: summary, sub-event type and both actors."""
    return row[_SUMMARY], row[_SUB_TYPE], row[_ACTOR1], row[_ACTOR2]


def with_suggestion(row: tuple[Any, ...], found: Found, stamp: object
                    ) -> tuple[tuple[Any, ...], tuple[Any, ...]]:
    """*row* with the category the rules suggest for it ('unknown' when none fires), and
    its SUGGESTED_COLUMNS values: decided by the rules at *stamp* (the import's instant)."""
    category, *suggested = suggestion(found, stamp)
    return (*row[:_CATEGORY], category, *row[_CATEGORY + 1:]), tuple(suggested)


def suggestion(found: Found, stamp: object) -> tuple[Any, ...]:
    """The target category the rules suggest ('unknown' when none fires), then its
    SUGGESTED_COLUMNS values: decided by the rules at *stamp* (the import's instant)."""
    category, rule, confidence = found or ("unknown", None, None)
    return category, "rule", rule, confidence, stamp
