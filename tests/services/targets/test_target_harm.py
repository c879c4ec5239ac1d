"""The rules' third revision: a dual-use object named with nothing happening to it is the
event's place, not its target; a casualty's place of care in every form of the verb
(docs/target-categories.md, "Third revision")."""

from __future__ import annotations

import pytest

from tracker.domain import target_rules
from tracker.domain.target_rules import RulesError, RuleSet, TargetRule
from tracker.storage.rules_in_force import (
    BUILT_IN,
    file_harm,
    file_rules,
    file_setting,
    file_skipped_headlines,
)

RULES = RuleSet(file_rules(), file_skipped_headlines(), file_setting(), file_harm())


@pytest.mark.parametrize("text", [
    "Donetsk Airport",
    "Donetsk airport; Donetsk airport",
    "Ukrainian forces surround rebel-held port city",
    "Аеропорт Донецька",
    "Колона пройшла через залізничний вокзал",
    "Аэропорт Луганска",
    "Колонна прошла по мосту",
])
def test_an_object_with_nothing_happening_to_it_is_only_the_place(text: str) -> None:
    assert RULES.suggest(text).category == "unknown"


@pytest.mark.parametrize(("text", "category"), [
    ("UPDATE 1-Shell hits bus station in Donetsk, at least one killed", "transport"),
    ("In Kherson, the enemy fired at a bus stop and houses", "transport"),
    ("The Armed Forces of Ukraine destroyed the bridge built by the Russians", "transport"),
    ("Bus shelling in Ukraine's Donetsk kills 13: official", "transport"),
    ("Two killed, power station hit in Ukraine violence", "energy"),
    ("Massive blow to Ukraine: 40 substations were de-energized yesterday", "energy"),
    ("Ракета влучила в залізничний вокзал", "transport"),
    ("ЗСУ вдарили по залізничному вокзалу", "transport"),
    ("Пошкоджено підстанцію на Харківщині", "energy"),
    ("ВСУ обстреляли автобус в Донецке", "transport"),
    ("Повреждена подстанция в Белгородской области", "energy"),
    ("Дрон атаковал нефтебазу", "energy"),
])
def test_an_object_harmed_in_its_headline_is_the_target(text: str, category: str) -> None:
    assert RULES.suggest(text).category == category


@pytest.mark.parametrize("text", [
    "Cease-fire holds at Donetsk airport",
    "Cease fire at the railway station agreed",
    "Fire station near the railway station",
])
def test_a_truce_or_the_fire_service_is_no_harm(text: str) -> None:
    assert RULES.suggest(text).category == "unknown"


@pytest.mark.parametrize("text", [
    "A fire at the railway station after the night's attack",
    "Rebels opened fire on a bus",
    "Oil depot caught fire",
])
def test_fire_in_its_forms_of_harm_is_harm(text: str) -> None:
    assert RULES.suggest(text).category in ("transport", "energy")


def test_harm_is_asked_for_headline_by_headline() -> None:
    # The shelling is told in one report; the bus station only placed in the other.
    text = "Shelling kills two in Donetsk; Ukrainian forces near the bus station"
    assert RULES.suggest(text).category == "unknown"
    kept = RULES.suggest("Donetsk bus station; Shell hits bus station in Donetsk")
    assert kept.category == "transport"


def test_a_killing_alone_is_not_harm_to_the_object_beside_it() -> None:
    assert RULES.suggest("Twelve fighters killed in ambush near railway station"
                         ).category != "transport"


def test_fighting_at_the_object_turns_it_before_harm_is_asked_for() -> None:
    found = RULES.suggest("Ceasefire at Ukraine airport after deadly clash")
    assert (found.category, found.rule_id) == ("military", "military.setting")


def test_dwellings_and_hospitals_need_no_harm_word() -> None:
    assert RULES.suggest("Residential building in Kharkiv").category == "residential"
    assert RULES.suggest("Children's hospital in Kyiv").category == "medical"


def test_harm_applies_to_an_analysts_own_rule_of_a_category_it_needs() -> None:
    own = TargetRule("my.tunnel", "transport", 0.95, stems=("tunnel",))
    rules = RuleSet([own], (), None, file_harm())
    assert rules.suggest("Soldiers near the tunnel").category == "unknown"
    assert rules.suggest("Missile hits the tunnel").category == "transport"
    assert RuleSet([own]).suggest("Near the tunnel").category == "transport"


@pytest.mark.parametrize("text", [
    "Two wounded Ukrainian soldiers die in hospital",
    "Woman dies in hospital in Donetsk after shelling",
    "Поранений помирає у лікарні",
    "Чоловік вмер у лікарні",
    "Раненый умер в больнице",
    "Раненые умирают в больнице",
])
def test_a_casualtys_place_of_care_in_every_form_of_the_verb(text: str) -> None:
    assert RULES.suggest(text).category != "medical"


def test_a_whole_not_after_word_is_not_a_stem() -> None:
    # "diesel" starts like "die": the generator's hospital is still the hospital hit.
    assert RULES.suggest("Missile hit diesel generators of the hospital").category == (
        "medical")
    assert RULES.suggest("Умеренные повреждения больницы после обстрела").category == (
        "medical")


def test_parse_harm_reads_the_table() -> None:
    text = '[harm]\nneeded_by = ["transport"]\nstems = ["shell"]\nwords = ["hit"]\n'
    harm = target_rules.parse_harm(text, BUILT_IN)
    assert harm is not None and harm.needed_by == frozenset({"transport"})
    assert harm.told("shelling of the bus") and harm.told("a bus hit")
    assert not harm.told("a hitchhiker on the bus")
    assert target_rules.parse_harm("", BUILT_IN) is None
    truce = target_rules.parse_harm(text + 'exceptions = ["shell game"]\n', BUILT_IN)
    assert truce is not None and not truce.told("a shell game at the bus station")
    assert truce.told("a shell game, then shelling")


@pytest.mark.parametrize("table", [
    '[harm]\nneeded_by = ["nowhere"]\nstems = ["shell"]\n',
    '[harm]\nneeded_by = []\nstems = ["shell"]\n',
    '[harm]\nneeded_by = ["transport"]\n',
])
def test_parse_harm_refuses_what_cannot_be_used(table: str) -> None:
    with pytest.raises(RulesError):
        target_rules.parse_harm(table, BUILT_IN)
