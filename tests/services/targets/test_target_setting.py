"""The rules' second revision: a dual-use object in a military setting, and a phrase that
only starts like a rule's word (docs/target-categories.md, "Second revision")."""

from __future__ import annotations

import pytest

from tracker.domain import target_rules
from tracker.domain.target_rules import RulesError, RuleSet, TargetRule
from tracker.storage.rules_in_force import (
    BUILT_IN,
    file_rules,
    file_setting,
    file_skipped_headlines,
)

RULES = RuleSet(file_rules(), file_skipped_headlines(), file_setting())


@pytest.mark.parametrize("text", [
    "Ukraine soldier killed by rebel fire at Donetsk airport",
    "Explosions rock east Ukraine airport as battle intensifies",
    "Artillerymen destroyed the fuel depot of one of the brigades in the Kherson region",
    "Бійці бригади знищили пором на Дніпрі",
    "Десантники загинули біля залізничного вокзалу",
    "Военнослужащие погибли у моста под Херсоном",
    "Бои за аэропорт продолжаются",
])
def test_a_dual_use_object_among_forces_is_military(text: str) -> None:
    found = RULES.suggest(text)
    assert (found.category, found.rule_id) == ("military", "military.setting")


def test_a_turned_suggestion_names_the_object_and_the_qualifier() -> None:
    found = RULES.suggest("Ukraine soldier killed by rebel fire at Donetsk airport")
    assert found.matched == ("airport", "soldier")


@pytest.mark.parametrize(("text", "category"), [
    # Who struck is not where the object stood: the enemy, the Armed Forces, ЗСУ, ВСУ.
    ("In Kherson, the enemy fired at a bus stop and houses", "transport"),
    ("The Armed Forces of Ukraine destroyed the bridge built across the Dnieper",
     "transport"),
    ("ЗСУ вдарили по залізничному вокзалу", "transport"),
    ("ВСУ обстреляли автобус в Донецке", "transport"),
    # Dwellings and hospitals stay what they are among soldiers.
    ("Two soldiers killed as a shell hit a residential building", "residential"),
    ("Військовослужбовці загинули, снаряд влучив у лікарню", "medical"),
])
def test_attackers_and_protected_objects_are_not_turned(text: str, category: str) -> None:
    assert RULES.suggest(text).category == category


@pytest.mark.parametrize(("text", "category"), [
    # Fighting a fire is not fighting; a crew (бригада) is not a brigade.
    ("Firefighters battle the blaze at an oil depot", "energy"),
    ("Rescuers are fighting a fire at the railway station", "transport"),
    ("Fire-fighting goes on at the oil depot hit by drones", "energy"),
    ("Рятувальники ведуть бій з вогнем на нафтобазі", "energy"),
    ("Бригада енергетиків потрапила під обстріл на підстанції", "energy"),
    # But soldiers under fire are soldiers.
    ("Ukrainian troops under fire at Donetsk airport", "military"),
])
def test_a_qualifier_ambiguous_in_its_language_does_not_turn(text: str,
                                                             category: str) -> None:
    assert RULES.suggest(text).category == category


def test_the_setting_is_decided_per_headline() -> None:
    # A summary joins several reports' headlines with ";": the fighting one tells nothing
    # of the bus station in the other (a labelled transport event of the real file).
    summary = ("Shell hits bus station in Donetsk, at least one killed; "
               "Ukraine fighting kills 45 ahead of Minsk peace summit")
    assert RULES.suggest(summary).category == "transport"
    assert RULES.suggest("Снаряд влучив в автобус; Бої під Бахмутом").category == (
        "transport")


def test_the_same_object_in_another_headline_shares_its_setting() -> None:
    summary = "Donetsk airport; More clashes near Donetsk airport, three soldiers killed"
    assert RULES.suggest(summary).category == "military"


def test_an_unqualified_civil_match_elsewhere_still_wins() -> None:
    found = RULES.suggest("Soldiers killed at the bridge; Shell hits a bus in Donetsk")
    assert (found.category, found.matched) == ("transport", ("bus",))


def test_an_analysts_rule_of_a_turned_category_is_turned_too() -> None:
    own = TargetRule("transport.tunnel", "transport", 0.95, ("summary",), ("tunnel",))
    rules = RuleSet([own], (), file_setting())
    assert rules.suggest("A shell hit the tunnel").category == "transport"
    assert rules.suggest("Soldiers held the tunnel").category == "military"
    assert RuleSet([own]).suggest("Soldiers held the tunnel").category == "transport"


def _setting_text(turns: str) -> str:
    """A rules file holding only a setting, which turns *turns* (a TOML list)."""
    return "\n".join(["[setting]", 'id = "military.x"', 'category = "military"',
                      "confidence = 0.8", f"turns = {turns}", 'stems = ["soldier"]',
                      'words = ["бій"]', 'not_next_to = ["вогн"]'])


def test_the_setting_is_read_from_the_files_layout() -> None:
    text = _setting_text('["transport"]')
    setting = target_rules.parse_setting(text, BUILT_IN)
    assert setting is not None
    assert (setting.id, setting.category, setting.turns) == (
        "military.x", "military", frozenset({"transport"}))
    assert setting.qualifies("soldiers at the bridge") == "soldier"
    assert setting.qualifies("бійці") == ""  # a whole word, not a stem
    assert setting.qualifies("бій з вогнем") == ""
    assert setting.qualifies("бій з вогнем; бій за міст") == "бій"
    assert target_rules.parse_setting("", BUILT_IN) is None


@pytest.mark.parametrize("turns", ['["nonsense"]', '["unknown"]', "[]"])
def test_a_setting_turning_no_known_category_is_refused(turns: str) -> None:
    text = _setting_text(turns)
    with pytest.raises(RulesError):
        target_rules.parse_setting(text, BUILT_IN)


@pytest.mark.parametrize("text", [
    "The deputy head of Berdyansk for housing and communal services was killed",
    "Загинув заступник мера з питань житлово-комунального господарства",
    "Убит заместитель главы по жилищно-коммунальному хозяйству",
])
def test_housing_and_communal_services_are_not_a_dwelling(text: str) -> None:
    assert RULES.suggest(text).category != "residential"


def test_a_phrase_exception_leaves_the_words_own_other_uses() -> None:
    assert RULES.suggest("Shelling damaged housing in Kherson").category == "residential"
    assert RULES.suggest("Снаряд влучив у житловий будинок").category == "residential"
