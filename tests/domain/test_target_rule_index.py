"""The rules' lookup for one field: the expression that rules a text out in C must never
rule out a text whose words the lookup would match."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from tracker.domain.target_rule_index import KEY, FieldIndex, starts_pattern, words_of
from tracker.domain.target_rule_limits import Limits
from tracker.storage.rules_in_force import file_rules

NO_LIMITS = Limits.of({}, {})
# Letters that make keys collide and words run into each other: Latin, Cyrillic, digits,
# the apostrophes words keep, and what separates words.
LETTERS = "abcoаб1'’ -;"


def _keys_found(text: str, keys: set[str]) -> bool:
    """Whether the lookup itself would look at a word of *text* (its first KEY letters
    are a key)."""
    return any(word[:KEY] in keys for word in words_of(text))


@given(st.lists(st.text("abcoаб1'’", min_size=1, max_size=6), min_size=1, max_size=6),
       st.text(LETTERS, max_size=30))
def test_the_expression_finds_every_text_the_lookup_would_match(patterns: list[str],
                                                                  text: str) -> None:
    # Keys as the index makes them: a pattern's first word's first KEY letters, which
    # may end in an apostrophe ("ab'" of "ab'cd").
    keys = {words[0][:KEY] for words in map(words_of, patterns) if words}
    if keys and _keys_found(text.lower(), keys):
        assert starts_pattern(keys).search(text.lower()) is not None


def test_a_short_key_is_a_whole_word_and_a_long_one_a_word_start() -> None:
    pattern = starts_pattern({"ai", "hos"})
    assert pattern.search("struck an ai unit")
    assert pattern.search("the hospital")
    assert not pattern.search("said the aide")  # "aid" is not the key "ai"
    assert not pattern.search("ghost")  # "hos" inside a word
    assert starts_pattern(set()).search("anything") is None


def test_the_shipped_rules_keys_make_one_expression_that_compiles() -> None:
    patterns = [(tuple(words_of(stem)), False, position)
                for position, rule in enumerate(file_rules()) for stem in rule.stems]
    index = FieldIndex(patterns, NO_LIMITS)
    found: dict[int, list[str]] = {}
    index.find("Shelling hit a hospital and a school", found)
    assert found, "the shipped stems find a hospital and a school"
    found.clear()
    index.find("Nothing of note; all quiet", found)
    assert not found
