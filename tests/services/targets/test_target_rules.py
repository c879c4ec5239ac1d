"""The target rules: parsed from the resources file, applied by word starts, checked."""

from __future__ import annotations

import pytest

from tracker.domain.target_rules import RulesError, RuleSet, TargetRule, check_rule
from tracker.services.targets.rulebook import BUILT_IN, file_rules

RULES = RuleSet(file_rules())


@pytest.mark.parametrize(("text", "category", "rule"), [
    ("Russian missiles hit a thermal power plant in Kharkiv", "energy",
     "energy.power-generation"),
    ("Обстріл підстанції у Харкові", "energy", "energy.grid"),
    ("Удар по ТЭЦ", "energy", "energy.power-generation"),
    ("Shell hits bus station in Donetsk", "transport", "transport.road-air-sea"),
    ("Ракета влучила в залізничний вокзал", "transport", "transport.rail"),
    ("Civilian killed as mortar shell hits hospital", "medical", "medical.facility"),
    ("Обстріл лікарні", "medical", "medical.facility"),
    ("Two killed when a rocket hit a residential building", "residential",
     "residential.housing"),
    ("Снаряд попал в жилой дом", "residential", "residential.housing"),
])
def test_words_in_three_languages_suggest_their_category(text: str, category: str,
                                                         rule: str) -> None:
    found = RULES.suggest(text)
    assert (found.category, found.rule_id) == (category, rule)
    assert found.confidence > 0 and found.matched


def test_whole_words_do_not_match_inside_longer_ones() -> None:
    assert RULES.suggest("training of recruits").category == "unknown"
    assert RULES.suggest("the train was hit").category == "transport"


def test_the_most_confident_rule_wins() -> None:
    # Residential (0.9) and energy (0.95) both fire: energy decides.
    assert RULES.suggest("shelling of houses and a substation").category == "energy"


def test_nothing_found_is_unknown_with_no_rule() -> None:
    found = RULES.suggest("Clashes reported", "", "", "")
    assert found.rule_id == "" or found.category == "military"
    assert RULES.suggest("Main news of the day").rule_id == ""


def test_the_sub_event_type_is_read_by_rules_that_say_so() -> None:
    assert RULES.suggest("", "Armed clash").category == "military"


def test_every_shipped_rule_is_valid_and_uniquely_named() -> None:
    rules = file_rules()
    assert len({rule.id for rule in rules}) == len(rules)
    assert {rule.category for rule in rules} <= set(BUILT_IN)


@pytest.mark.parametrize("rule", [
    TargetRule("x", "nonsense", 0.5, ("summary",), ("word",)),
    TargetRule("x", "energy", 1.5, ("summary",), ("word",)),
    TargetRule("x", "energy", 0.5, ("headline",), ("word",)),
    TargetRule("x", "energy", 0.5, ("summary",), ()),
    TargetRule("", "energy", 0.5, ("summary",), ("word",)),
])
def test_a_broken_rule_is_refused_with_a_reason(rule: TargetRule) -> None:
    with pytest.raises(RulesError):
        check_rule(rule, BUILT_IN)
