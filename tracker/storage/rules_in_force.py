"""The category rules in force for a database: the shipped file's, then the analyst's own.

Storage reads them, not only the services that edit them: the rule pass runs where the
database is opened too, to finish a categorising an import left after its commit
(storage.deferred_build), and that is below every service.

The file (resources/target_rules.toml) is read once per process; the database's rules
(domain.targets.UserTargetRule) are read each time a pass or an explanation needs them,
so a rule saved in the window applies to the next pass at once.
"""

from __future__ import annotations

from functools import cache

from sqlalchemy import select
from sqlalchemy.orm import Session

from tracker import resources
from tracker.domain.enums import TargetCategory
from tracker.domain.target_rule_limits import Harm, Setting
from tracker.domain.target_rules import (
    RuleSet,
    TargetRule,
    parse_harm,
    parse_rules,
    parse_setting,
    parse_skipped_headlines,
)
from tracker.domain.targets import UserTargetRule

RULES_RESOURCE = "target_rules.toml"
BUILT_IN = tuple(category.value for category in TargetCategory)


@cache
def file_rules() -> tuple[TargetRule, ...]:
    """The shipped rules, as the resources file states them."""
    return tuple(parse_rules(resources.read_text(RULES_RESOURCE), BUILT_IN))


@cache
def file_skipped_headlines() -> tuple[str, ...]:
    """The markers of the headlines the shipped rules skip (news digests)."""
    return parse_skipped_headlines(resources.read_text(RULES_RESOURCE))


@cache
def file_setting() -> Setting | None:
    """The shipped military setting: what turns a dual-use object's match to military."""
    return parse_setting(resources.read_text(RULES_RESOURCE), BUILT_IN)


@cache
def file_harm() -> Harm | None:
    """The shipped harm words: without one, a dual-use object is only the place."""
    return parse_harm(resources.read_text(RULES_RESOURCE), BUILT_IN)


def user_rules(session: Session) -> list[TargetRule]:
    rows = session.scalars(select(UserTargetRule).order_by(UserTargetRule.created_at,
                                                           UserTargetRule.id)).all()
    return [TargetRule(row.id, row.category, row.confidence, tuple(_lines(row.fields)),
                       tuple(_lines(row.stems)), tuple(_lines(row.words))) for row in rows]


def rule_set(session: Session) -> RuleSet:
    """The file's rules, then the analyst's (a tie in confidence goes to the file's);
    the file's setting turns a match of either in a military setting, and its harm
    words decide whether a dual-use object's match counts at all."""
    return RuleSet([*file_rules(), *user_rules(session)], file_skipped_headlines(),
                   file_setting(), file_harm())


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]
