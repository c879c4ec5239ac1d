"""The analyst's own category rules and categories: saved, removed, each undoable.

The rules in force (the shipped file's, then the analyst's) are read by
storage.rules_in_force, and named here too for the window and the services.
"""

from __future__ import annotations

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from tracker.domain.target_rules import RulesError, TargetRule, check_rule
from tracker.domain.targets import ExtraTargetCategory, UserTargetRule
from tracker.domain.wording import say
from tracker.services.common.outcome import Outcome, alternate
from tracker.services.common.topics import Topic
from tracker.storage.rules_in_force import BUILT_IN, file_rules, file_setting, user_rules


def categories(session: Session) -> list[str]:
    """The built-in categories, then the database's own in name order."""
    extra = session.scalars(select(ExtraTargetCategory.name)
                            .order_by(ExtraTargetCategory.name)).all()
    return [*BUILT_IN, *(name for name in extra if name not in BUILT_IN)]


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
