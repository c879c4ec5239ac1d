"""The target rules: parsed from the resources file, applied by word starts, checked."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from tests.acled_generator import write_acled_file
from tests.conftest import REAL_DATA, TESTS
from tracker.domain import target_rules
from tracker.domain.target_rules import (
    Found,
    RuleFields,
    RulesError,
    RuleSet,
    TargetRule,
    check_rule,
)
from tracker.storage.rules_in_force import (
    BUILT_IN,
    file_harm,
    file_rules,
    file_setting,
    file_skipped_headlines,
)

RULES = RuleSet(file_rules(), file_skipped_headlines())


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


# What a rule's words do not count for (issue 18's revision; docs/target-categories.md).
_HOSPITAL = TargetRule("medical.test", "medical", 0.9, ("summary",), ("hospital",),
                       exceptions=("hospitaliz",), not_after=("died", "taken"))


def test_an_exception_stops_a_stem_finding_a_longer_word_of_other_meaning() -> None:
    rules = RuleSet([_HOSPITAL])
    assert rules.suggest("Five people were hospitalized").category == "unknown"
    assert rules.suggest("Shelling hit two hospitals").category == "medical"


@pytest.mark.parametrize("text", ["A man died in the city hospital after the shelling",
                                  "The wounded were taken to hospital"])
def test_a_word_just_before_a_match_can_make_it_a_casualtys_place(text: str) -> None:
    assert RuleSet([_HOSPITAL]).suggest(text).category == "unknown"


def test_not_after_looks_only_at_the_few_words_before_each_match() -> None:
    rules = RuleSet([_HOSPITAL])
    assert rules.suggest("A hospital was shelled; one man died in the hospital").matched == (
        "hospital",)
    assert rules.suggest("A man died after shells hit the town's main hospital").category == (
        "medical")


def test_a_news_digest_headline_is_skipped_and_the_others_read() -> None:
    rules = RuleSet([_HOSPITAL], ["events around ukraine"])
    digest = "MAIN: a hospital in the news: events around Ukraine"
    assert rules.suggest(digest).category == "unknown"
    assert rules.suggest(f"{digest}; Shells hit a hospital in Donetsk").category == "medical"


def test_the_files_layout_carries_exceptions_not_after_and_skipped_headlines() -> None:
    text = """skip_headlines = ["main news of the day"]
[[rule]]
id = "medical.x"
category = "medical"
confidence = 0.9
stems = ["hospital"]
exceptions = ["hospitaliz"]
not_after = ["died"]
"""
    (rule,) = target_rules.parse_rules(text, BUILT_IN)
    assert (rule.exceptions, rule.not_after) == (("hospitaliz",), ("died",))
    assert target_rules.parse_skipped_headlines(text) == ("main news of the day",)


@pytest.mark.parametrize("text", [
    "An 11-year-old girl died in the hospital due to a rocket attack",
    "Three wounded were hospitalised after the shelling",
    "Двоє поранених госпіталізовано",
    "According to doctors, two people were wounded",
    "MAIN: Summing up the results and sabotage on gas pipelines: events around Ukraine",
])
def test_the_shipped_rules_do_not_take_a_casualtys_place_or_a_digest_for_a_target(
        text: str) -> None:
    assert RULES.suggest(text).category == "unknown"


def test_the_shipped_rules_still_find_a_hit_hospital_beside_a_death_in_another() -> None:
    found = RULES.suggest("Shell hits hospital in Donetsk; a wounded man died in hospital")
    assert found.category == "medical"


def _fields_of(path: Path, columns: tuple[str, str, str, str]) -> list[RuleFields]:
    summary, sub_event_type, actor1, actor2 = columns
    with path.open(encoding="utf-8", errors="replace", newline="") as handle:
        return [(row.get(summary) or "", row.get(sub_event_type) or "",
                 row.get(actor1) or "", row.get(actor2) or "")
                for row in csv.DictReader(handle)]


@pytest.mark.parametrize("remembered", [4096, 3], ids=["remembered", "forgotten often"])
def test_a_batch_is_suggested_as_each_event_is_alone(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, remembered: int) -> None:
    """found_all, which remembers its answers for events whose summary matches nothing,
    stores for every event what suggest says of it alone: over the real UCDP files, the
    ACLED fixtures and synthetic ACLED rows, with the full rulebook (setting, harm and
    skipped headlines: the per-headline reading), and with the memory cleared often."""
    monkeypatch.setattr(target_rules, "_REMEMBERED", remembered)
    rules = RuleSet(file_rules(), file_skipped_headlines(), file_setting(), file_harm())
    ucdp = ("source_headline", "conflict_name", "side_a", "side_b")  # as imported
    acled = ("notes", "sub_event_type", "actor1", "actor2")
    batch = [fields for path in sorted((REAL_DATA).glob("*.csv"))
             for fields in _fields_of(path, ucdp)]
    for path in [*sorted((TESTS / "data" / "acled").rglob("*.csv")),
                 write_acled_file(tmp_path / "acled.csv", 5000)]:
        batch += _fields_of(path, acled)
    expected: list[Found] = []
    for fields in batch:
        alone = rules.suggest(*fields)
        expected.append((alone.category, alone.rule_id, alone.confidence)
                        if alone.rule_id else None)
    fresh = RuleSet(file_rules(), file_skipped_headlines(), file_setting(), file_harm())
    assert fresh.found_all(batch) == expected
    assert fresh._by_fields  # the remembered answers were used
    assert len(set(expected)) > 10  # many rules fire, and many events match none
    assert expected.count(None) > 1000


def test_a_batch_tells_apart_events_that_differ_in_one_field_only() -> None:
    """Remembered by all three fields the rules may read besides the summary: events
    alike but for the second actor, or the sub-event type, are judged apart."""
    rules = RuleSet([
        TargetRule("medics", "medical", 0.9, fields=("actors",), words=("medics",)),
        TargetRule("shelling", "military", 0.5, fields=("sub_event_type",),
                   words=("shelling",)),
    ])
    batch: list[RuleFields] = [
        ("nothing here", "Attack", "Civilians", "Medics"),
        ("nothing here either", "Attack", "Civilians", "Farmers"),
        ("no match", "Shelling", "Civilians", "Farmers"),
        ("", "Attack", "Civilians", "Medics"),
    ]
    assert rules.found_all(batch) == [("medical", "medics", 0.9), None,
                                      ("military", "shelling", 0.5),
                                      ("medical", "medics", 0.9)]
