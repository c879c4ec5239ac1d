"""The rules in force for a database: the shipped file's, then the analyst's own.

The file (resources/target_rules.toml) is read once per process; the database's rules
(domain.targets.UserTargetRule) are read each time a pass or an explanation needs them,
so a rule saved in the window applies to the next pass at once.
"""

from __future__ import annotations

from functools import cache

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from tracker import resources
from tracker.domain.enums import TargetCategory
from tracker.domain.target_rule_limits import Harm, Setting
from tracker.domain.target_rules import (
    RulesError,
    RuleSet,
    TargetRule,
    check_rule,
    parse_harm,
    parse_rules,
    parse_setting,
    parse_skipped_headlines,
)
from tracker.domain.targets import ExtraTargetCategory, UserTargetRule
from tracker.domain.wording import say
from tracker.services.common.outcome import Outcome, alternate
from tracker.services.common.topics import Topic

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


def categories(session: Session) -> list[str]:
    """The built-in categories, then the database's own in name order."""
    extra = session.scalars(select(ExtraTargetCategory.name)
                            .order_by(ExtraTargetCategory.name)).all()
    return [*BUILT_IN, *(name for name in extra if name not in BUILT_IN)]


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


def ensure_category(session: Session, name: str) -> None:
    """Keep *name* as one of this database's categories if it is not a built-in one."""
    if name and name not in BUILT_IN and session.get(ExtraTargetCategory, name) is None:
        session.add(ExtraTargetCategory(name=name))
        session.flush()


def save_rule(session: Session, rule: TargetRule) -> Outcome:
    """Add (or replace) one of the analyst's rules; undo puts back what was there.

    The rule's category may be new to the database: it is added to its categories.
    Events are not re-categorised here: that is the pass's work (``categorise``), which
    the window offers next, because it may take minutes over a million events.
    """
    names = categories(session)
    check_rule(rule, [*names, rule.category])
    setting = file_setting()
    if rule.id in {known.id for known in file_rules()} or (
            setting is not None and rule.id == setting.id):
        raise RulesError(say("Rule {id}: the rules file already has a rule with this id.")
                         .format(id=rule.id))
    previous = next((known for known in user_rules(session) if known.id == rule.id), None)
    ensure_category(session, rule.category)
    _store(session, rule)

    def back(inner: Session) -> Outcome:
        if previous is None:
            inner.execute(delete(UserTargetRule).where(UserTargetRule.id == rule.id))
        else:
            _store(inner, previous)
        return Outcome(Topic.EVENTS)

    def forth(inner: Session) -> Outcome:
        _store(inner, rule)
        return Outcome(Topic.EVENTS)

    return Outcome(Topic.EVENTS, undo=alternate(back, forth))


def remove_rule(session: Session, rule_id: str) -> Outcome:
    """Delete one of the analyst's rules; undo puts it back."""
    rule = next((known for known in user_rules(session) if known.id == rule_id), None)
    if rule is None:
        raise RulesError(say("There is no rule of your own with the id {id}.").format(
            id=rule_id))
    session.execute(delete(UserTargetRule).where(UserTargetRule.id == rule_id))

    def back(inner: Session) -> Outcome:
        _store(inner, rule)
        return Outcome(Topic.EVENTS)

    def forth(inner: Session) -> Outcome:
        inner.execute(delete(UserTargetRule).where(UserTargetRule.id == rule_id))
        return Outcome(Topic.EVENTS)

    return Outcome(Topic.EVENTS, undo=alternate(back, forth))


def _store(session: Session, rule: TargetRule) -> None:
    row = session.get(UserTargetRule, rule.id) or UserTargetRule(id=rule.id)
    row.category, row.confidence = rule.category, rule.confidence
    row.fields, row.stems, row.words = ("\n".join(rule.fields), "\n".join(rule.stems),
                                        "\n".join(rule.words))
    session.add(row)
    session.flush()


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]
